"""Query filters of the tracker's list endpoints (django-filter) and strict ordering."""

from __future__ import annotations

import datetime as dt

import django_filters
from django import forms
from django.db.models import Q
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter

from tracker.models import (
    Citation,
    Contingent,
    ContingentStatus,
    Discrepancy,
    DiscrepancyKind,
    DiscrepancyStatus,
    Estimate,
    EstimateStatus,
    Source,
    SourceKind,
)


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, which skips building the FilterSet (a form class, deep
    copies of every filter and field) when the request names none of its filters: with no
    value a FilterSet filters nothing and finds nothing to refuse. A parameter that merely
    starts with a filter's name (a range's `_after`, say) still goes the whole way."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not any(
            key.startswith(name)
            for key in request.query_params
            for name in filterset_class.base_filters
        ):
            return queryset
        return super().filter_queryset(request, queryset, view)


class StrictOrderingFilter(OrderingFilter):
    """`ordering=` with one whitelisted field, `-` for descending; anything else is a 400
    (DRF's filter would silently ignore it and the client would not know)."""

    def get_ordering(self, request, queryset, view):
        raw = request.query_params.get(self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        terms = [term.strip() for term in raw.split(",") if term.strip()]
        valid = [name for name, _label in self.get_valid_fields(queryset, view, {})]
        if len(terms) != 1 or terms[0].lstrip("-") not in valid:
            choices = ", ".join(valid)
            raise ValidationError(
                {self.ordering_param: [f"Order by one of: {choices} (prefix - to reverse)."]}
            )
        return terms

    def get_schema_operation_parameters(self, view):
        params = super().get_schema_operation_parameters(view)
        fields = [f[0] if isinstance(f, tuple) else f for f in view.ordering_fields]
        for param in params:
            param["schema"] = {
                "type": "string",
                "enum": [*fields, *(f"-{field}" for field in fields)],
            }
        return params


class IntegerFilter(django_filters.NumberFilter):
    """A whole number (django-filter's NumberFilter takes decimals)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(*args, **kwargs)


def as_utc(value: dt.datetime, name: str = "updated_since") -> dt.datetime:
    """The time in UTC: PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 allows."""
    try:
        return value.astimezone(dt.UTC)
    except OverflowError as error:
        raise ValidationError({name: ["This time is out of range."]}) from error


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("field_name", "updated_at")
        kwargs.setdefault("lookup_expr", "gte")
        kwargs.setdefault(
            "help_text",
            "Only what changed at or after this time (ISO 8601 with time zone).",
        )
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        return super().filter(qs, as_utc(value) if value else value)


class EstimateFilter(django_filters.FilterSet):
    deployment = django_filters.CharFilter(field_name="deployment__slug", help_text="Slug.")
    metric = django_filters.CharFilter(field_name="metric__slug", help_text="Slug (killed…).")
    source = django_filters.CharFilter(field_name="source__slug", help_text="Originator slug.")
    via = django_filters.CharFilter(field_name="via__slug", help_text="Intermediary slug.")
    source_kind = django_filters.ChoiceFilter(field_name="source__kind", choices=SourceKind.choices)
    contingent = IntegerFilter(field_name="contingent__number", help_text="The wave's number.")
    status = django_filters.MultipleChoiceFilter(
        choices=EstimateStatus.choices,
        help_text="Editors only: proposed or rejected as well as confirmed (repeat the "
        "parameter for several). Others always get confirmed estimates.",
    )
    as_of_after = django_filters.DateFilter(
        field_name="as_of", lookup_expr="gte", help_text="As of this day or later."
    )
    as_of_before = django_filters.DateFilter(
        field_name="as_of", lookup_expr="lte", help_text="As of this day or earlier."
    )
    updated_since = UpdatedSinceFilter(
        method="filter_updated_since",
        help_text="The change feed: what changed at or after this time (ISO 8601 with time "
        "zone), deleted and rejected estimates included and flagged.",
    )

    class Meta:
        model = Estimate
        fields = [
            "deployment",
            "metric",
            "source",
            "via",
            "source_kind",
            "contingent",
            "status",
            "as_of_after",
            "as_of_before",
            "updated_since",
        ]

    def filter_updated_since(self, queryset, name, value):
        value = as_utc(value)
        return queryset.filter(Q(updated_at__gte=value) | Q(deleted_at__gte=value))


class ContingentFilter(django_filters.FilterSet):
    deployment = django_filters.CharFilter(field_name="deployment__slug", help_text="Slug.")
    status = django_filters.ChoiceFilter(choices=ContingentStatus.choices)

    class Meta:
        model = Contingent
        fields = ["deployment", "status"]


class SourceFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=SourceKind.choices)
    country = django_filters.CharFilter(lookup_expr="iexact")
    is_party = django_filters.BooleanFilter()

    class Meta:
        model = Source
        fields = ["kind", "country", "is_party"]


class CitationFilter(django_filters.FilterSet):
    estimate = IntegerFilter(field_name="estimate_id")
    article = IntegerFilter(field_name="article_id")

    class Meta:
        model = Citation
        fields = ["estimate", "article", "method"]


class DiscrepancyFilter(django_filters.FilterSet):
    deployment = django_filters.CharFilter(field_name="deployment__slug", help_text="Slug.")
    metric = django_filters.CharFilter(field_name="metric__slug", help_text="Slug.")
    kind = django_filters.ChoiceFilter(choices=DiscrepancyKind.choices)
    status = django_filters.ChoiceFilter(choices=DiscrepancyStatus.choices)
    updated_since = UpdatedSinceFilter()

    class Meta:
        model = Discrepancy
        fields = ["deployment", "metric", "kind", "status", "updated_since"]
