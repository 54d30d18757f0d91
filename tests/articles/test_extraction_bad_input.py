"""Difficult input gets a clear result: no claims, or an ExtractionError naming the problem."""

import datetime as dt
import time

import pytest

from articles.extraction import MAX_TEXT_CHARS, ExtractionError, extract


def test_empty_text_gives_no_claims():
    assert extract("") == []
    assert extract("   \n\t ") == []


def test_text_without_figures_gives_no_claims():
    assert (
        extract("North Korea and Russia held talks on Thursday about military cooperation.") == []
    )


def test_text_not_about_north_korea_gives_no_claims():
    assert extract("Russia said 1,200 of its soldiers were killed last week.") == []


def test_binary_text_is_refused():
    with pytest.raises(ExtractionError, match="binary"):
        extract("North Korea\x00\x01\x02 sent 11,000 troops")


def test_mis_decoded_text_is_refused():
    garbled = "North Korea sent \ufffd\ufffd troops " * 20 + "\ufffd" * 200
    with pytest.raises(ExtractionError, match="mis-decoded"):
        extract(garbled)


def test_five_megabyte_text_is_refused_quickly():
    huge = "North Korea sent 11,000 soldiers to Russia. " * (5_000_000 // 44)
    assert len(huge) > MAX_TEXT_CHARS
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="too long"):
        extract(huge)
    assert time.monotonic() - started < 1


def test_text_just_under_the_cap_finishes_in_bounded_time():
    text = "North Korea sent 11,000 soldiers to Russia, the NIS said. " * 2_000  # ~120 KB
    started = time.monotonic()
    claims = extract(text, published=dt.date(2025, 1, 1))
    assert time.monotonic() - started < 30
    assert len(claims) == 1  # the same figure repeated is one claim


def test_a_sentence_of_thousands_of_speaker_verbs_finishes_in_bounded_time():
    # Each "said" once looked back over the whole sentence: quadratic, minutes at this size.
    text = "Kim" + " on said" * 16_000 + " that 400 North Korean soldiers were killed."
    started = time.monotonic()
    extract(text, published=dt.date(2025, 1, 1))
    assert time.monotonic() - started < 30


def test_future_publication_date_is_refused():
    with pytest.raises(ExtractionError, match="future"):
        extract(
            "North Korea sent 11,000 soldiers.", published=dt.date.today() + dt.timedelta(days=30)
        )


def test_extraction_error_is_a_value_error():
    assert issubclass(ExtractionError, ValueError)
