"""The engine's fast pattern forms give the same answers as the plain ones they replace."""

import re
from dataclasses import replace

import pytest

from articles.extraction import extract
from articles.extraction.attribution import _SPEAKER_VERB, _speaker_verbs
from articles.extraction.patterns import word_trie

from .texts import PUBLISHED, RELAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("they said so", "said", id="a-listed-word"),
        pytest.param("she says so", "says", id="a-word-sharing-a-prefix"),
        pytest.param("we say so", "say", id="a-word-that-prefixes-another"),
        pytest.param("he told reporters", "told", id="shorter-word-before-its-extension"),
        pytest.param("it sayso", None, id="no-match-inside-a-longer-word"),
        pytest.param("they SAID so", None, id="case-matters-without-fold"),
    ],
)
def test_word_trie_matches_like_the_alternation_of_its_words(text, expected) -> None:
    words = ["said", "says", "say", "told", "told reporters"]
    found = re.search(rf"\b(?:{word_trie(words)})\b", text)
    plain = re.search(r"\b(?:said|says|say|told|told\s+reporters)\b", text)
    assert (found.group(0) if found else None) == expected
    assert (plain.group(0) if plain else None) == expected


def test_word_trie_space_stands_for_any_run_of_whitespace() -> None:
    pattern = re.compile(rf"(?:{word_trie(['pointed out'])})\b")
    assert pattern.search("she pointed \n  out that")
    assert not pattern.search("she pointedout that")


def test_word_trie_folded_for_case_insensitive_patterns() -> None:
    pattern = re.compile(rf"\b(?:{word_trie(['Said', 'said', 'SAYS'], fold=True)})\b", re.I)
    assert pattern.search("they SAID so").group(0) == "SAID"
    assert pattern.search("she Says so").group(0) == "Says"


def test_letters_whose_lower_case_is_longer_do_not_shift_claims() -> None:
    # "İ" lowers to two characters: a long press summary in Turkish capitals before the
    # report must not make the word tests of its sentences read the wrong words.
    prefix = "İSTANBUL'DA İKİ İLÇEDE İNCELEME İZNİ. " * 60 + "\n\n"
    plain = extract(RELAY, published=PUBLISHED)
    text = prefix + RELAY
    shifted = extract(text, published=PUBLISHED)
    assert plain
    assert shifted == [
        replace(c, start=c.start + len(prefix), end=c.end + len(prefix)) for c in plain
    ]
    assert all(text[c.start : c.end] == c.quote for c in shifted)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The agency said on Monday that 1,000 were killed.", id="plain"),
        pytest.param("Kim has also said so, and Lee had earlier told reporters.", id="adverbs"),
        pytest.param("They on Monday said, then on on said it.", id="on-word-pairs"),
        pytest.param('"We are ready," said Kim. Unsaid things', id="quote-and-word-inside"),
        pytest.param("Yu\n  previously   has said it", id="runs-of-space"),
        pytest.param("no verb in here at all", id="none"),
    ],
)
def test_speaker_verbs_found_like_the_full_scan(text) -> None:
    for start in range(len(text) + 1):
        for end in (start, (start + len(text)) // 2, len(text)):
            if end < start:
                continue
            full = [m.span() for m in _SPEAKER_VERB.finditer(text, start, end)]
            assert [m.span() for m in _speaker_verbs(text, start, end)] == full
