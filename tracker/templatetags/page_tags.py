"""Template helpers for the analyst pages."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString, mark_safe

from tracker.models import Citation, Estimate, EstimateStatus

register = template.Library()

_PROPOSED_BADGE = mark_safe(' <span class="badge proposed">Proposed</span>')
# A value both the int and the slug path converters accept, to reverse a URL once.
_MARK = "9876543210"
# What reverse() leaves unquoted in a path (as django.urls.resolvers quotes it).
_SAFE = RFC3986_SUBDELIMS + "/~:@"


class _Links:
    """The URLs of a table's links: each URL name reversed once per table, then the
    argument put in its place, as reverse() would quote it. reverse() costs tens of
    microseconds and a table of 50 estimates has a few hundred links."""

    def __init__(self) -> None:
        self._parts: dict[str, tuple[str, str]] = {}

    def __call__(self, name: str, arg: object) -> str:
        parts = self._parts.get(name)
        if parts is None:
            prefix, _, suffix = reverse(name, args=[_MARK]).partition(_MARK)
            parts = self._parts[name] = (prefix, suffix)
        return parts[0] + quote(str(arg), safe=_SAFE) + parts[1]


def _articles(citations: Iterable[Citation], links: _Links) -> SafeString:
    return format_html_join(
        "",
        '<li><a href="{}">{}</a>{}</li>',
        (
            (
                links("article-detail", c.article.pk),
                c.article.title or "Untitled article",
                format_html(' <span class="muted">{}</span>', c.article.outlet)
                if c.article.outlet
                else "",
            )
            for c in citations
        ),
    )


def _row(estimate: Estimate, show_metric: bool, links: _Links) -> SafeString:
    proposed = estimate.status == EstimateStatus.PROPOSED
    url = links("estimate-detail", estimate.pk)
    via = estimate.via
    citations = list(estimate.citations.all())
    return format_html(
        "<tr{}>"
        '<td><a href="{}">{}</a></td>'
        "{}"
        '<td><a href="{}">{}</a>{}</td>'
        '<td class="num"><a href="{}">{}</a>{}</td>'
        "<td>{}</td>"
        '<td class="num">{}</td>'
        '<td><ul class="plain">{}</ul></td>'
        "</tr>\n",
        mark_safe(' class="proposed"') if proposed else "",
        url,
        estimate.as_of_display,
        format_html("<td>{}</td>", estimate.metric.name) if show_metric else "",
        links("source-detail", estimate.source.slug),
        estimate.source.name,
        format_html(
            '<span class="muted"> via <a href="{}">{}</a></span>',
            links("source-detail", via.slug),
            via.name,
        )
        if via
        else "",
        url,
        estimate.figure_display,
        _PROPOSED_BADGE if proposed else "",
        (estimate.contingent.name if estimate.contingent else "") or "—",
        len(citations),
        _articles(citations, links),
    )


@register.simple_tag
def estimate_rows(estimates: Iterable[Estimate], show_metric: bool = False) -> SafeString:
    """The rows of the estimate table (templates/tracker/partials/estimate_table.html),
    built in Python: the template language costs about half a millisecond a row here.
    Every value is escaped by format_html; estimates come with source, via, contingent,
    metric and their citations' articles loaded (queries.with_citing_articles)."""
    links = _Links()
    return mark_safe("".join(_row(e, bool(show_metric), links) for e in estimates))  # noqa: S308
