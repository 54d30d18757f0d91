from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tracker.models import (
    Citation,
    Contingent,
    Deployment,
    Discrepancy,
    Estimate,
    Metric,
    Source,
    SourceAlias,
)


class ContingentInline(admin.TabularInline):
    model = Contingent
    extra = 0
    fields = ["number", "name", "start_date", "start_precision", "location", "status"]


@admin.register(Deployment)
class DeploymentAdmin(admin.ModelAdmin):
    list_display = ["name", "sending_country", "host_country", "theatre", "started_on"]
    search_fields = ["name", "slug", "sending_country", "host_country", "theatre"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ContingentInline]


@admin.register(Contingent)
class ContingentAdmin(admin.ModelAdmin):
    list_display = ["name", "deployment", "number", "start_date", "location", "status"]
    list_filter = ["deployment", "status"]
    search_fields = ["name", "location", "notes"]


@admin.register(Metric)
class MetricAdmin(admin.ModelAdmin):
    list_display = ["slug", "name", "sort_order", "is_cumulative"]
    list_filter = ["is_cumulative"]
    search_fields = ["slug", "name"]


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    extra = 1


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "parent", "reliability", "is_party"]
    list_filter = ["kind", "reliability", "is_party", "country"]
    search_fields = ["name", "aliases__alias", "country"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    inlines = [SourceAliasInline]


@admin.register(SourceAlias)
class SourceAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "source"]
    search_fields = ["alias", "source__name"]
    list_select_related = ["source"]


class CitationInline(admin.TabularInline):
    model = Citation
    extra = 0
    fields = ["article", "quote", "start", "end", "method"]
    raw_id_fields = ["article"]


@admin.register(Estimate)
class EstimateAdmin(SimpleHistoryAdmin):
    list_display = [
        "id",
        "metric",
        "figure_display",
        "as_of",
        "source",
        "via",
        "contingent",
        "status",
        "citation_count",
    ]
    list_filter = ["status", "metric", "deployment", "qualifier", "source__kind", "credibility"]
    search_fields = ["source__name", "via__name", "notes", "citations__quote"]
    list_select_related = ["metric", "source", "via", "contingent"]
    autocomplete_fields = ["source", "via", "supersedes"]
    readonly_fields = [
        "citation_count",
        "outlet_count",
        "originator_count",
        "version",
        "deleted_at",
    ]
    date_hierarchy = "as_of"
    inlines = [CitationInline]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Citation)
class CitationAdmin(SimpleHistoryAdmin):
    list_display = ["id", "estimate", "article", "method", "created_at"]
    list_filter = ["method"]
    search_fields = ["quote", "article__title", "article__url"]
    raw_id_fields = ["estimate", "article"]


@admin.register(Discrepancy)
class DiscrepancyAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "deployment", "metric", "contingent", "status", "created_at"]
    list_filter = ["kind", "status", "deployment", "metric"]
    search_fields = ["reason", "resolution_note"]
    raw_id_fields = ["estimates"]
