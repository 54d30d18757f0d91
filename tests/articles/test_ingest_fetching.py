"""Safe fetching: only public addresses, checked on every hop, pinned, capped and typed."""

from __future__ import annotations

import pytest

from articles import fetching
from articles.fetching import (
    FetchNetworkError,
    HTTPStatusError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    UnsafeURLError,
    UnsupportedContentTypeError,
    fetch,
    normalize_url,
)
from tests.articles.conftest import Route

PAGE = b"<html><body><article><p>A page.</p></article></body></html>"


def test_public_page_is_fetched_with_its_host_header(web):
    web.routes["/story"] = Route(PAGE)
    result = fetch(web.url("/story"))
    assert result.status_code == 200
    assert result.content == PAGE
    assert result.content_type == "text/html"
    assert web.requests[0][1]["Host"] == f"news.test:{web.port}"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.5",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",  # noqa: S104 - an address to refuse, not to bind
        "224.0.0.1",
        "240.0.0.1",
        "::1",
        "fd00::1",
        "fe80::1",
        "::ffff:10.0.0.1",
        "ff02::1",
    ],
)
def test_host_resolving_to_a_non_public_address_is_refused(dns, address):
    dns["inside.test"] = [address]
    with pytest.raises(UnsafeURLError, match="only fetches public sites"):
        fetch("http://inside.test/")


def test_loopback_is_refused_without_the_test_allowance(dns):
    with pytest.raises(UnsafeURLError, match="loopback"):
        fetch("http://news.test:8/")


def test_literal_private_address_in_the_url_is_refused(dns):
    with pytest.raises(UnsafeURLError, match="private"):
        fetch("http://192.168.0.10/admin")


def test_host_with_one_private_address_among_public_ones_is_refused(dns):
    dns["mixed.test"] = ["93.184.216.34", "10.0.0.7"]
    with pytest.raises(UnsafeURLError):
        fetch("http://mixed.test/")


@pytest.mark.parametrize("url", ["ftp://news.test/x", "file:///etc/passwd", "gopher://a/"])
def test_schemes_other_than_http_and_https_are_refused(dns, url):
    with pytest.raises(UnsafeURLError, match="Only http and https"):
        fetch(url)


def test_redirect_is_followed_and_checked_again(web):
    web.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    web.routes["/new"] = Route(PAGE)
    result = fetch(web.url("/old"))
    assert result.url.endswith("/new")
    assert result.content == PAGE


def test_redirect_to_a_private_address_is_refused(web, dns):
    dns["intranet.test"] = ["10.0.0.9"]
    web.routes["/jump"] = Route(status=302, headers={"Location": "http://intranet.test/secret"})
    with pytest.raises(UnsafeURLError, match=r"10\.0\.0\.9"):
        fetch(web.url("/jump"))


def test_more_than_five_redirects_are_refused(web):
    for i in range(7):
        web.routes[f"/r{i}"] = Route(status=302, headers={"Location": f"/r{i + 1}"})
    with pytest.raises(TooManyRedirectsError):
        fetch(web.url("/r0"))


def test_connection_goes_to_the_checked_address_even_if_dns_changes(web, dns):
    """DNS rebinding: the name is resolved once per hop and the request sent to that IP."""
    web.routes["/story"] = Route(PAGE)
    answers = iter([["127.0.0.1"], ["10.0.0.1"]])
    dns_calls = []

    def flipping(host, port):
        dns_calls.append(host)
        return next(answers)

    fetching.resolve_host, original = flipping, fetching.resolve_host
    try:
        result = fetch(web.url("/story"))
    finally:
        fetching.resolve_host = original
    assert result.content == PAGE
    assert dns_calls == ["news.test"]  # resolved once, then pinned


def test_response_larger_than_the_cap_is_refused(web, settings):
    settings.FETCH_MAX_BYTES = 2048
    web.routes["/big"] = Route(b"x" * 10_000)
    with pytest.raises(ResponseTooLargeError, match="2,048"):
        fetch(web.url("/big"))


def test_response_without_length_is_cut_off_at_the_cap_while_streaming(web, settings):
    settings.FETCH_MAX_BYTES = 1024
    web.routes["/stream"] = Route(b"y" * 4096, drip=0.001)
    with pytest.raises(ResponseTooLargeError):
        fetch(web.url("/stream"))


def test_slow_server_times_out(web, settings):
    settings.FETCH_TIMEOUT_SECONDS = 1
    web.routes["/slow"] = Route(PAGE, delay=2.5)
    with pytest.raises(FetchNetworkError, match="did not answer in time"):
        fetch(web.url("/slow"))


def test_server_dripping_bytes_is_cut_off_at_the_total_deadline(web, settings):
    settings.FETCH_TIMEOUT_SECONDS = 1
    web.routes["/drip"] = Route(b"z" * 400, drip=0.1)  # 25 chunks, 2.5 s in all
    with pytest.raises(FetchNetworkError, match="too long"):
        fetch(web.url("/drip"))


def test_wrong_content_type_is_refused(web):
    web.routes["/photo"] = Route(b"\x89PNG....", content_type="image/png")
    with pytest.raises(UnsupportedContentTypeError, match="image/png"):
        fetch(web.url("/photo"))


def test_missing_page_is_a_permanent_error(web):
    with pytest.raises(HTTPStatusError) as raised:
        fetch(web.url("/nowhere"))
    assert raised.value.status_code == 404
    assert raised.value.transient is False


def test_server_error_is_transient(web):
    web.routes["/down"] = Route(b"", status=503)
    with pytest.raises(HTTPStatusError) as raised:
        fetch(web.url("/down"))
    assert raised.value.transient is True


def test_unresolvable_name_is_a_network_error(dns):
    with pytest.raises(FetchNetworkError, match="could not be resolved"):
        fetch("http://nowhere.test/")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.org:443/a/b/?utm_source=x&b=2&a=1#top", "https://news.example.org/a/b?a=1&b=2"),
        ("http://news.example.org:8080/a?fbclid=1", "http://news.example.org:8080/a"),
    ],
)  # fmt: skip
def test_urls_are_normalised_for_deduplication(url, expected):
    assert normalize_url(url) == expected
