"""An article's text as HTML with each cited figure marked and linked to its estimate.

Every piece of the article's text is escaped; only the <mark> and <a> tags made here are
markup. The text is never marked safe as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe


def highlight_citations(text: str, citations: Iterable[Any]) -> SafeString:
    """`text` escaped, each citation's span [start, end) wrapped in a link to its estimate.

    Citations without offsets, with offsets outside the text, or overlapping an earlier
    span are left unmarked (the citation list beside the text still shows them).
    Paragraph breaks (blank lines) become <p> elements.
    """
    spans = sorted(
        (c for c in citations if c.start is not None and c.end is not None),
        key=lambda c: (c.start, c.end),
    )
    parts: list[str] = []
    position = 0
    for citation in spans:
        if citation.start < position or citation.end > len(text):
            continue
        parts.append(escape(text[position : citation.start]))
        parts.append(
            format_html(
                '<a class="cited" href="{}" id="citation-{}"><mark>{}</mark></a>',
                citation.estimate.get_absolute_url(),
                citation.pk,
                text[citation.start : citation.end],
            )
        )
        position = citation.end
    parts.append(escape(text[position:]))
    html = "".join(parts)
    # Every part above is escaped or built by format_html, so the joined string is safe;
    # only paragraph tags are added between them.
    paragraphs = [p.strip() for p in html.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))  # noqa: S308
