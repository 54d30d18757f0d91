"""Query filters of the articles list."""

from __future__ import annotations

import django_filters

from articles.models import Article, ArticleStatus
from tracker.api.filters import UpdatedSinceFilter


class ArticleFilter(django_filters.FilterSet):
    status = django_filters.MultipleChoiceFilter(choices=ArticleStatus.choices)
    outlet = django_filters.CharFilter(lookup_expr="iexact")
    published_after = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", help_text="Published on this day or later."
    )
    published_before = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", help_text="Published on this day or earlier."
    )
    updated_since = UpdatedSinceFilter()

    class Meta:
        model = Article
        fields = ["status", "outlet", "published_after", "published_before", "updated_since"]
