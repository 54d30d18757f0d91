"""Template helpers for the editor pages."""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

#: How much of a long paragraph to show on each side of the quote.
CONTEXT_CHARS = 400


@register.simple_tag
def quote_in_paragraph(citation) -> SafeString:
    """The paragraph of the article that holds the quote, with the quote marked.

    Every piece of text is escaped by format_html; only the <mark> is markup.
    """
    text = citation.article.text or ""
    quote = citation.quote
    start, end = citation.start, citation.end
    if start is None or end is None or text[start:end] != quote:
        start = text.find(quote)
        end = start + len(quote)
    if start < 0:
        # The quote is not in the stored text (typed by hand, or text not fetched yet).
        return format_html('<mark class="quote">{}</mark>', quote)
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    if paragraph_end < 0:
        paragraph_end = len(text)
    before = text[max(paragraph_start, start - CONTEXT_CHARS) : start]
    after = text[end : min(paragraph_end, end + CONTEXT_CHARS)]
    lead = "…" if start - len(before) > paragraph_start else ""
    tail = "…" if end + len(after) < paragraph_end else ""
    return format_html(
        '{}{}<mark class="quote">{}</mark>{}{}', lead, before, text[start:end], after, tail
    )
