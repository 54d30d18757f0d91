"""The timeline's filters, as a django-filter FilterSet: its form is the timeline page's
GET form, and tracker.queries.timeline_estimates applies it for any caller (the API)."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.forms.utils import flatatt
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from tracker.models import Contingent, Deployment, Estimate, EstimateStatus, Source, SourceKind
from tracker.roles import is_editor


class PlainSelectMultiple(forms.SelectMultiple):
    """A multiple select rendered in Python rather than through Django's widget
    templates, which render one template per option: with hundreds of sources that was
    most of the timeline page's server time. Same HTML as SelectMultiple."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        attrs["name"] = name
        attrs["multiple"] = True
        chosen = {str(v) for v in self.format_value(value)}
        # escape() per value rather than format_html per option: hundreds of options.
        options = mark_safe(  # noqa: S308 (every value and label is escaped)
            "".join(
                f'<option value="{escape(key)}"{" selected" if key in chosen else ""}>'
                f"{escape(label)}</option>"
                for key, label in ((str(v), lbl) for v, lbl in self.choices)
            )
        )
        return format_html("<select{}>{}</select>", flatatt(attrs), options)


class TimelineFilterSet(django_filters.FilterSet):
    date_from = django_filters.DateFilter(
        field_name="as_of",
        lookup_expr="gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="as_of",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    # Every source is offered: the sources table is short, and offering only those with
    # estimates in the deployment would scan its estimates on every page view.
    source = django_filters.ModelMultipleChoiceFilter(
        field_name="source__slug",
        to_field_name="slug",
        queryset=Source.objects.only("id", "slug", "name"),
        label="Sources",
        widget=PlainSelectMultiple(attrs={"size": 6}),
    )
    kind = django_filters.MultipleChoiceFilter(
        field_name="source__kind",
        choices=SourceKind.choices,
        label="Source kind",
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    contingent = django_filters.ModelChoiceFilter(
        field_name="contingent",
        queryset=Contingent.objects.none(),
        label="Contingent",
        empty_label="All contingents",
    )
    include_proposed = django_filters.BooleanFilter(
        method="filter_include_proposed",
        label="Include proposed estimates",
        widget=forms.CheckboxInput,
    )

    class Meta:
        model = Estimate
        fields: list[str] = []

    def __init__(self, data=None, *args: Any, deployment: Deployment, user: Any, **kwargs: Any):
        super().__init__(data, *args, **kwargs)
        self.user = user
        self.editor = is_editor(user)
        self.filters["contingent"].queryset = Contingent.objects.filter(deployment=deployment)
        if not self.editor:
            # Only editors may see proposed estimates: the box is not offered to others.
            del self.filters["include_proposed"]

    def filter_queryset(self, queryset):
        # Visibility first: anonymous visitors and analysts see confirmed estimates only;
        # editors see proposed ones too when they tick the box. Rejected and deleted
        # estimates never appear (EstimateQuerySet.visible_to).
        queryset = queryset.visible_to(self.user)
        if not (self.editor and self.form.cleaned_data.get("include_proposed")):
            queryset = queryset.filter(status=EstimateStatus.CONFIRMED)
        return super().filter_queryset(queryset)

    def filter_include_proposed(self, queryset, name, value):
        return queryset  # applied in filter_queryset, together with visibility
