"""Fixtures for ingestion tests: a web server on 127.0.0.1 and stubbed name resolution.

No test sends traffic outside 127.0.0.1: names like news.test are resolved by the stub,
and the fetch guard refuses loopback unless a test allows it (FETCH_ALLOW_LOOPBACK_FOR_TESTS).
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from articles import fetching


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the body is sent
    drip: float = 0.0  # seconds between body chunks of 16 bytes


class LocalWeb:
    """Pages served from 127.0.0.1; `requests` lists (path, headers) as received."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                web.requests.append((self.path, dict(self.headers)))
                route = web.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.delay:
                    time.sleep(route.delay)
                etag = route.headers.get("ETag")
                if etag and self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if not route.drip:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    if route.drip:
                        for i in range(0, len(route.body), 16):
                            self.wfile.write(route.body[i : i + 16])
                            self.wfile.flush()
                            time.sleep(route.drip)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "news.test") -> str:
        return f"http://{host}:{self.port}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def dns(monkeypatch):
    """Stubbed name resolution: a dict host → list of addresses. Unknown names fail."""
    table: dict[str, list[str]] = {"news.test": ["127.0.0.1"]}

    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise fetching.FetchNetworkError(f"The name {host} could not be resolved.")
        return table[host]

    monkeypatch.setattr(fetching, "resolve_host", resolve)
    return table


@pytest.fixture
def web(settings, dns):
    """A local web server the fetch guard may reach (loopback allowed for this test only)."""
    settings.FETCH_ALLOW_LOOPBACK_FOR_TESTS = True
    server = LocalWeb()
    yield server
    server.close()
