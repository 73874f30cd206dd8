"""The page_server fixture: a local web server on 127.0.0.1 serving the saved news pages of
tests/data/articles, a slow page, a page sent a byte at a time and a huge one. A plugin of
tests/conftest.py (pytest_plugins), so any test can ask for it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.support import ARTICLES


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(2)
            return self._send(b"<html><body><p>too late</p></body></html>", "text/html")
        if path == "/drip":  # a byte every 0.1 s for 5 s: never a read timeout
            body = b"<html><body><p>" + b"x" * 50 + b"</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return None
        if path == "/huge":
            return self._send(b"<html><body>" + b"<p>bla bla bla</p>" * 400_000 + b"</body>",
                              "text/html")
        if path == "/document.pdf":
            return self._send(b"%PDF-1.4 not a page", "application/pdf")
        if path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/fr-tramway.html")
            self.end_headers()
            return None
        page = ARTICLES / path.lstrip("/")
        if path.endswith(".html") and page.is_file():
            return self._send(page.read_bytes(), "text/html; charset=utf-8")
        self.send_error(404)
        return None

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout, size cap): what the tests want

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def page_server() -> Iterator[str]:
    """The base URL of a server on 127.0.0.1 (a random port)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
