"""How the domain looks over the API. Explicit fields everywhere; writes go to services."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.api.rows import iso_date, iso_datetime
from tracker.models import (
    Citation,
    Contingent,
    Credibility,
    DatePrecision,
    Deployment,
    Discrepancy,
    Estimate,
    EstimateStatus,
    Metric,
    Qualifier,
    Source,
    SourceKind,
)


class DeploymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Deployment
        fields = [
            "id",
            "slug",
            "name",
            "sending_country",
            "host_country",
            "theatre",
            "description",
            "started_on",
            "updated_at",
        ]


class ContingentSerializer(serializers.ModelSerializer):
    deployment = serializers.CharField(source="deployment.slug", read_only=True)
    period_display = serializers.CharField(read_only=True)

    class Meta:
        model = Contingent
        fields = [
            "id",
            "deployment",
            "number",
            "name",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "period_display",
            "location",
            "status",
            "notes",
            "updated_at",
        ]


class MetricSerializer(serializers.ModelSerializer):
    class Meta:
        model = Metric
        fields = ["slug", "name", "description", "sort_order", "is_cumulative"]


class SourceSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    aliases = serializers.SlugRelatedField(slug_field="alias", many=True, read_only=True)

    class Meta:
        model = Source
        fields = [
            "id",
            "slug",
            "name",
            "kind",
            "country",
            "parent",
            "reliability",
            "is_party",
            "aliases",
            "description",
            "url",
            "updated_at",
        ]


class SourceSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["slug", "name", "kind"]


class ContingentSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Contingent
        fields = ["number", "name"]


class CitationSummarySerializer(serializers.ModelSerializer):
    """A citation as shown inside its estimate: the article and the words."""

    article = serializers.IntegerField(source="article_id", read_only=True)
    url = serializers.URLField(source="article.url", read_only=True, allow_null=True)
    outlet = serializers.CharField(source="article.outlet", read_only=True)
    title = serializers.CharField(source="article.title", read_only=True)
    published = serializers.DateField(source="article.published", read_only=True, allow_null=True)

    class Meta:
        model = Citation
        fields = ["id", "article", "url", "outlet", "title", "published", "quote"]


class EstimateSerializer(serializers.ModelSerializer):
    deployment = serializers.CharField(source="deployment.slug", read_only=True)
    metric = serializers.CharField(source="metric.slug", read_only=True)
    contingent = ContingentSummarySerializer(read_only=True, allow_null=True)
    source = SourceSummarySerializer(read_only=True)
    via = SourceSummarySerializer(read_only=True, allow_null=True)
    citations = CitationSummarySerializer(many=True, read_only=True)
    figure_display = serializers.CharField(read_only=True)
    as_of_display = serializers.CharField(read_only=True)
    deleted = serializers.SerializerMethodField(
        help_text="True when the estimate was deleted: a client following the change feed drops it."
    )

    class Meta:
        model = Estimate
        fields = [
            "id",
            "deployment",
            "metric",
            "contingent",
            "low",
            "best",
            "high",
            "qualifier",
            "figure_display",
            "as_of",
            "as_of_precision",
            "period_end",
            "as_of_display",
            "source",
            "via",
            "credibility",
            "status",
            "deleted",
            "supersedes",
            "notes",
            "citation_count",
            "outlet_count",
            "originator_count",
            "citations",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_deleted(self, estimate: Estimate) -> bool:
        return estimate.deleted_at is not None

    def to_representation(self, estimate: Estimate) -> dict:
        """The fields above, built directly: DRF's field-by-field walk over the nested
        serializers is slow. A test holds this equal to DRF's own rendering
        (`generic_representation`); lists are built from plain rows instead (rows.py)."""
        contingent, via = estimate.contingent, estimate.via
        return {
            "id": estimate.pk,
            "deployment": estimate.deployment.slug,
            "metric": estimate.metric.slug,
            "contingent": {"number": contingent.number, "name": contingent.name}
            if contingent
            else None,
            "low": estimate.low,
            "best": estimate.best,
            "high": estimate.high,
            "qualifier": estimate.qualifier,
            "figure_display": estimate.figure_display,
            "as_of": iso_date(estimate.as_of),
            "as_of_precision": estimate.as_of_precision,
            "period_end": iso_date(estimate.period_end),
            "as_of_display": estimate.as_of_display,
            "source": _source(estimate.source),
            "via": _source(via) if via else None,
            "credibility": estimate.credibility,
            "status": estimate.status,
            "deleted": estimate.deleted_at is not None,
            "supersedes": estimate.supersedes_id,
            "notes": estimate.notes,
            "citation_count": estimate.citation_count,
            "outlet_count": estimate.outlet_count,
            "originator_count": estimate.originator_count,
            "citations": [
                {
                    "id": citation.pk,
                    "article": citation.article_id,
                    "url": citation.article.url,
                    "outlet": citation.article.outlet,
                    "title": citation.article.title,
                    "published": iso_date(citation.article.published),
                    "quote": citation.quote,
                }
                for citation in estimate.citations.all()
            ],
            "version": estimate.version,
            "created_at": iso_datetime(estimate.created_at),
            "updated_at": iso_datetime(estimate.updated_at),
        }

    def generic_representation(self, estimate: Estimate) -> dict:
        return super().to_representation(estimate)


def _source(source: Source) -> dict:
    return {"slug": source.slug, "name": source.name, "kind": source.kind}


class EstimateWriteSerializer(serializers.Serializer):
    """The body of a create (POST) or an update (PUT/PATCH with `version`).

    Related objects are named by slug, the contingent by its number in the deployment.
    """

    deployment = serializers.SlugRelatedField(slug_field="slug", queryset=Deployment.objects)
    metric = serializers.SlugRelatedField(slug_field="slug", queryset=Metric.objects)
    source = serializers.SlugRelatedField(slug_field="slug", queryset=Source.objects)
    via = serializers.SlugRelatedField(
        slug_field="slug", queryset=Source.objects, allow_null=True, required=False
    )
    contingent = serializers.IntegerField(
        min_value=1, allow_null=True, required=False, help_text="The wave's number (1, 2…)."
    )
    low = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    best = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    high = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    qualifier = serializers.ChoiceField(choices=Qualifier.choices, required=False)
    as_of = serializers.DateField()
    as_of_precision = serializers.ChoiceField(choices=DatePrecision.choices, required=False)
    period_end = serializers.DateField(allow_null=True, required=False)
    credibility = serializers.ChoiceField(choices=Credibility.choices, required=False)
    status = serializers.ChoiceField(choices=EstimateStatus.choices, required=False)
    notes = serializers.CharField(allow_blank=True, required=False, max_length=10_000)

    def validate(self, attrs: dict) -> dict:
        if "contingent" in attrs:
            number = attrs["contingent"]
            attrs["contingent"] = None
            if number is not None:
                instance = self.context.get("estimate")
                deployment = attrs.get("deployment") or (instance and instance.deployment)
                contingent = Contingent.objects.filter(deployment=deployment, number=number).first()
                if contingent is None:
                    raise serializers.ValidationError(
                        {"contingent": [f"This deployment has no contingent number {number}."]}
                    )
                attrs["contingent"] = contingent
        return attrs


class EstimateUpdateSerializer(EstimateWriteSerializer):
    version = serializers.IntegerField(
        min_value=1,
        required=False,  # checked in validate so PATCH (partial) needs it too
        help_text="The version you read: the update is refused with 409 if the estimate "
        "changed since.",
    )

    def validate(self, attrs: dict) -> dict:
        if "version" not in attrs:
            raise serializers.ValidationError(
                {"version": ["Give the version you read (the estimate's `version`)."]}
            )
        return super().validate(attrs)


class ConflictSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    message = serializers.CharField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    current = EstimateSerializer(help_text="The estimate as it is now.")


class CitationSerializer(serializers.ModelSerializer):
    article = serializers.IntegerField(source="article_id", read_only=True)
    url = serializers.URLField(source="article.url", read_only=True, allow_null=True)
    outlet = serializers.CharField(source="article.outlet", read_only=True)
    published = serializers.DateField(source="article.published", read_only=True, allow_null=True)
    estimate = serializers.IntegerField(source="estimate_id", read_only=True)

    class Meta:
        model = Citation
        fields = [
            "id",
            "estimate",
            "article",
            "url",
            "outlet",
            "published",
            "quote",
            "start",
            "end",
            "method",
            "extractor_version",
            "created_at",
        ]


class DiscrepancySerializer(serializers.ModelSerializer):
    deployment = serializers.CharField(source="deployment.slug", read_only=True)
    metric = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    contingent = serializers.IntegerField(
        source="contingent.number", read_only=True, allow_null=True
    )
    estimates = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Discrepancy
        fields = [
            "id",
            "deployment",
            "kind",
            "metric",
            "contingent",
            "estimates",
            "reason",
            "status",
            "resolution_note",
            "resolved_at",
            "created_at",
            "updated_at",
        ]


# The timeseries is built by tracker.queries.timeline_series (the timeline chart's data)
# as plain data; these serializers describe it for the schema.


class PointSerializer(serializers.Serializer):
    """One point: an estimate, or the estimates of one period when the series is
    aggregated (then `period` is set, and `id`, `figure`, `as_of`, `qualifier`, `status`
    and `via` are absent)."""

    x = serializers.DateField(help_text="The as-of date; of an aggregate, its period's first day.")
    y = serializers.IntegerField(
        help_text="The number to plot: the best figure, else the middle of the range, else "
        "the only bound; of an aggregate, the middle of its points' numbers."
    )
    low = serializers.IntegerField(help_text="The lowest bound (y when there is no range).")
    high = serializers.IntegerField(help_text="The highest bound (y when there is no range).")
    n = serializers.IntegerField(help_text="How many estimates the point stands for.")
    citations = serializers.IntegerField(help_text="How many citations those estimates have.")
    period = serializers.ChoiceField(
        choices=["day", "week", "month", "year"],
        required=False,
        help_text="Aggregates only: the period the point sums up.",
    )
    id = serializers.IntegerField(required=False, help_text="Single estimates only: its id.")
    figure = serializers.CharField(required=False, help_text='As a reader says it: "about 400".')
    as_of = serializers.CharField(required=False, help_text="The date written to its precision.")
    qualifier = serializers.CharField(
        required=False, help_text='The qualifier\'s label ("Approximately"…).'
    )
    status = serializers.ChoiceField(choices=EstimateStatus.choices, required=False)
    via = serializers.CharField(
        required=False, allow_blank=True, help_text="The intermediary's name, or empty."
    )


class SourceRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=SourceKind.choices)


class SeriesSerializer(serializers.Serializer):
    source = SourceRefSerializer()
    aggregated = serializers.BooleanField(
        help_text="True when the source had too many estimates to draw one by one: its "
        "points are then one per `period`."
    )
    period = serializers.ChoiceField(
        choices=["", "day", "week", "month", "year"],
        allow_blank=True,
        help_text="The period an aggregated series is summed up by; empty when not aggregated.",
    )
    count = serializers.IntegerField(help_text="How many estimates the series stands for.")
    points = PointSerializer(many=True, help_text="Oldest first.")


class TimeseriesSerializer(serializers.Serializer):
    deployment = serializers.CharField()
    metric = serializers.CharField()
    contingent = serializers.IntegerField(allow_null=True)
    series = SeriesSerializer(many=True, help_text="One per originator source, by name.")


class TimeseriesQuerySerializer(serializers.Serializer):
    contingent = serializers.IntegerField(
        min_value=1, required=False, help_text="Only this wave's figures."
    )
