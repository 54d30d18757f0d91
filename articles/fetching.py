"""Fetching a page from the web without letting the page choose where we connect.

A URL an editor or a feed gives us could point at the tracker's own network (a database,
a cloud metadata service on 169.254.169.254). So each hop of a fetch:

1. accepts only http and https;
2. resolves the host once (`resolve_host`, which tests replace) and refuses the fetch
   unless every address is public (no loopback, private, link-local, multicast, reserved,
   unspecified, shared or site-local range, IPv4 or IPv6, including IPv4 mapped in IPv6);
3. connects to the address it checked, not to the name: the request goes to the IP with
   the original Host header and, for https, the original name as TLS SNI and certificate
   name (httpcore's documented `sni_hostname` request extension). A DNS answer that
   changes between the check and the connection (DNS rebinding) therefore cannot move it;
4. follows redirects by hand (at most `MAX_REDIRECTS`), each hop checked again from step 1.

The response must be HTML, XML or text, and is read while streaming under a size cap
(settings.FETCH_MAX_BYTES) and a total deadline (settings.FETCH_TIMEOUT_SECONDS), on top
of httpx's connect and read timeouts.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

MAX_REDIRECTS = 5
ALLOWED_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
)


class FetchError(Exception):
    """A page could not be fetched; the message is meant for an editor."""

    transient = False


class UnsafeURLError(FetchError):
    """The URL is not one the tracker will fetch (scheme, or where its host points)."""


class TooManyRedirectsError(FetchError):
    pass


class ResponseTooLargeError(FetchError):
    pass


class UnsupportedContentTypeError(FetchError):
    pass


class HTTPStatusError(FetchError):
    def __init__(self, message: str, status_code: int):
        super().__init__(message)
        self.status_code = status_code
        # A server error or a rate limit may pass; a 404 will not.
        self.transient = status_code >= 500 or status_code == 429


class FetchNetworkError(FetchError):
    """The network failed (timeout, refused, reset, DNS): worth trying again later."""

    transient = True


@dataclass(frozen=True)
class FetchResult:
    url: str  # the final URL, after redirects
    status_code: int
    content_type: str
    charset: str | None
    content: bytes
    headers: dict[str, str]

    @property
    def text(self) -> str:
        try:
            return self.content.decode(self.charset or "utf-8", errors="replace")
        except LookupError:  # an unknown charset name
            return self.content.decode("utf-8", errors="replace")


def resolve_host(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to. Tests replace this to stub name resolution."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise FetchNetworkError(f"The name {host} could not be resolved ({error}).") from error
    return list(dict.fromkeys(info[4][0] for info in infos))


def _refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address may not be fetched from, or None when it is public."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return _refusal(address.ipv4_mapped)
    if address.is_loopback:
        if getattr(settings, "FETCH_ALLOW_LOOPBACK_FOR_TESTS", False):
            return None
        return "a loopback address"
    checks = (
        ("is_unspecified", "an unspecified address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_private", "a private network address"),
        ("is_reserved", "a reserved address"),
    )
    for attribute, reason in checks:
        if getattr(address, attribute):
            return reason
    if isinstance(address, ipaddress.IPv6Address) and address.is_site_local:
        return "a site-local address"
    if not address.is_global:
        return "an address that is not public"
    return None


def check_url(url: str) -> tuple[httpx.URL, str]:
    """The parsed URL and the checked address to connect to; raises UnsafeURLError."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as error:
        raise UnsafeURLError(f"{url!r} is not a valid URL.") from error
    if parsed.scheme not in ("http", "https"):
        raise UnsafeURLError(
            f"Only http and https links can be fetched, not {parsed.scheme or 'no scheme'}."
        )
    host = parsed.host
    if not host:
        raise UnsafeURLError(f"{url} has no host name.")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        addresses = [ipaddress.ip_address(a.split("%")[0]) for a in resolve_host(host, port)]
    if not addresses:
        raise FetchNetworkError(f"The name {host} has no address.")
    for address in addresses:
        reason = _refusal(address)
        if reason is not None:
            raise UnsafeURLError(
                f"{host} points to {address}, {reason}; the tracker only fetches public sites."
            )
    return parsed, str(addresses[0])


def _content_type(response: httpx.Response) -> tuple[str, str | None]:
    header = response.headers.get("content-type", "")
    media_type = header.split(";")[0].strip().lower()
    return media_type, response.charset_encoding


def fetch(url: str, *, headers: dict[str, str] | None = None) -> FetchResult:
    """GET `url` safely (see the module docstring); a 304 is returned, not raised."""
    timeout = settings.FETCH_TIMEOUT_SECONDS
    max_bytes = settings.FETCH_MAX_BYTES
    deadline = time.monotonic() + timeout
    request_headers = {"User-Agent": settings.FETCH_USER_AGENT, **(headers or {})}
    current = url
    with httpx.Client(
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10)),
        follow_redirects=False,
        trust_env=False,  # no proxy from the environment: we connect where we checked
    ) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            parsed, address = check_url(current)
            pinned = parsed.copy_with(host=address)
            extensions = {"sni_hostname": parsed.host} if parsed.scheme == "https" else {}
            host_header = parsed.netloc.decode("ascii")
            request = client.build_request(
                "GET",
                pinned,
                headers={**request_headers, "Host": host_header},
                extensions=extensions,
            )
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as error:
                raise FetchNetworkError(f"{parsed.host} did not answer in time.") from error
            except httpx.TransportError as error:
                raise FetchNetworkError(f"Could not connect to {parsed.host}: {error}") from error
            try:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    if not location:
                        raise FetchError(f"{current} redirects without saying where to.")
                    current = urljoin(current, location)
                    continue
                return _read(response, current, max_bytes=max_bytes, deadline=deadline)
            finally:
                response.close()
    raise TooManyRedirectsError(f"{url} redirects more than {MAX_REDIRECTS} times.")


def _read(response: httpx.Response, url: str, *, max_bytes: int, deadline: float) -> FetchResult:
    media_type, charset = _content_type(response)
    if response.status_code == 304:
        return FetchResult(url, 304, media_type, charset, b"", dict(response.headers))
    if response.status_code >= 400:
        raise HTTPStatusError(
            f"{url} answered {response.status_code} {response.reason_phrase}.",
            response.status_code,
        )
    if media_type not in ALLOWED_TYPES:
        raise UnsupportedContentTypeError(
            f"{url} is {media_type or 'of an unknown type'}, not a web page, feed or text."
        )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ResponseTooLargeError(
            f"{url} is {int(declared):,} bytes, more than the {max_bytes:,} allowed."
        )
    chunks: list[bytes] = []
    size = 0
    try:
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise ResponseTooLargeError(f"{url} is more than the {max_bytes:,} bytes allowed.")
            if time.monotonic() > deadline:
                raise FetchNetworkError(f"{url} took too long to download.")
            chunks.append(chunk)
    except httpx.TimeoutException as error:
        raise FetchNetworkError(f"{url} stopped sending before the page was complete.") from error
    except httpx.TransportError as error:
        raise FetchNetworkError(f"The connection to {url} failed: {error}") from error
    return FetchResult(
        url=url,
        status_code=response.status_code,
        content_type=media_type,
        charset=charset,
        content=b"".join(chunks),
        headers=dict(response.headers),
    )


def normalize_url(url: str) -> str:
    """The key that makes two links to one page one article (see Article.normalized_url).

    Lower-case scheme and host, no default port, no fragment, no tracking parameters
    (utm_*, fbclid, gclid...), the remaining query parameters sorted, no trailing slash.
    """
    from urllib.parse import parse_qsl, urlencode, urlunsplit

    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    )
    path = parts.path.rstrip("/") or ""
    return urlunsplit((scheme, host, path, urlencode(query), ""))


_TRACKING_PARAMS = {"fbclid", "gclid", "mc_cid", "mc_eid", "ref", "ocid", "cmpid", "smid"}
