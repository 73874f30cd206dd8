"""Fetch a news page over HTTP(S): a timeout, a size cap, HTML only, no private addresses.

Only ``http`` and ``https`` are fetched. Unless ``allow_private`` is set (the command line, the
tests), a host that resolves to a loopback, private, link-local or reserved address is refused,
on the first request and on every redirect: the web page must not become a way to reach the
school's internal network. (The check resolves the name before urllib does; a DNS server that
answers differently the second time could still slip through — see docs/drafting.md.)
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlsplit

from ..questionfile.messages import N_
from .errors import ArticleError

HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "NewsQuiz/0.1 (article import for a school quiz)"


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 10.0  # seconds, for connecting and for each read
    deadline: float = 30.0  # seconds for the whole fetch, redirects included
    max_bytes: int = 5_000_000
    allow_private: bool = False


@dataclass(frozen=True)
class FetchedPage:
    url: str  # after redirects
    body: bytes
    charset: str | None


NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded_is_global(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An IPv6 address that carries an IPv4 one (mapped, 6to4, NAT64) is as private as it."""
    if address.version == 4:
        return True
    embedded = address.ipv4_mapped or address.sixtofour
    if embedded is None and address in NAT64:
        embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return embedded is None or embedded.is_global


def check_url(url: str, allow_private: bool) -> None:
    """Raise ArticleError for a URL that is not http(s), or that names a private address."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises for a port that is not a number from 0 to 65535
    except ValueError:
        raise ArticleError.of(N_("'%(url)s' is not a valid web address"),
                              N_("check the address (host name and port)"), url=url) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ArticleError.of(N_("'%(scheme)s' addresses cannot be fetched"),
                              N_("give a web address starting with https:// or http://"),
                              scheme=parts.scheme or url)
    if not parts.hostname:
        raise ArticleError.of(N_("'%(url)s' has no host name"),
                              N_("give the page's full address"), url=url)
    if "@" in parts.netloc:  # a user name or password, which can also hide the real host
        raise ArticleError.of(N_("'%(url)s' holds a user name or password"),
                              N_("give the page's address without them"), url=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise ArticleError.of(N_("the host '%(host)s' is unknown"),
                              N_("check the address, or save the page and upload it"),
                              host=parts.hostname) from None
    for info in infos:
        _refuse_private(str(info[4][0]), parts.hostname)


def _refuse_private(ip: str, host: str) -> None:
    address = ipaddress.ip_address(ip.split("%", 1)[0])  # an IPv6 scope (%eth0) aside
    if not address.is_global or address.is_multicast or not _embedded_is_global(address):
        raise ArticleError.of(N_("'%(host)s' is an address of a private network"),
                              N_("only pages on the public web can be fetched; save the "
                                 "page as HTML and upload it instead"), host=host)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, limits: FetchLimits | None = None) -> FetchedPage:
    """The page at ``url``, at most ``limits.max_bytes`` long, within ``limits.deadline``.

    Raises ArticleError: unsupported scheme or private address, timeout, HTTP error, a page
    that is not HTML, a page too large, a site too slow (a page sent a byte at a time never
    trips the per-read timeout: the deadline cuts the connection).
    """
    limits = limits or FetchLimits()
    check_url(url, limits.allow_private)
    deadline = _Deadline(limits.deadline)
    opener = urllib.request.build_opener(
        _CheckedRedirects(limits.allow_private),
        _WatchedHTTP(deadline, limits.allow_private), _WatchedHTTPS(deadline, limits.allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,application/xhtml+xml"})
    try:
        with deadline:
            page = _fetch(opener, request, limits)
    except ArticleError:
        raise
    except Exception as error:
        if deadline.expired:  # the connection was cut: whatever the error, that is why
            raise _too_slow(limits.deadline) from None
        raise _fetch_error(error, limits) from None
    if deadline.expired:  # cut in the middle of the body: what was read is not the page
        raise _too_slow(limits.deadline)
    return page


def _fetch(opener: urllib.request.OpenerDirector, request: urllib.request.Request,
           limits: FetchLimits) -> FetchedPage:
    with opener.open(request, timeout=limits.timeout) as response:
        headers: Message = response.headers
        content_type = headers.get_content_type()
        if content_type not in HTML_TYPES:
            raise ArticleError.of(N_("this address is not a web page but '%(type)s'"),
                                  N_("give the address of the article's page (HTML)"),
                                  type=content_type)
        declared = headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > limits.max_bytes:
            raise _too_large(limits.max_bytes)
        body = response.read(limits.max_bytes + 1)
        if len(body) > limits.max_bytes:
            raise _too_large(limits.max_bytes)
        return FetchedPage(response.geturl(), body, headers.get_content_charset())


def _fetch_error(error: Exception, limits: FetchLimits) -> Exception:
    """The ArticleError that says what went wrong, or the error itself if unexpected."""
    if isinstance(error, urllib.error.HTTPError):
        return ArticleError.of(N_("the site answered %(code)s (%(reason)s)"),
                               N_("check the address; some sites refuse programs: save the "
                                  "page as HTML in your browser and upload it"),
                               code=error.code, reason=error.reason)
    if isinstance(error, TimeoutError) or (isinstance(error, urllib.error.URLError) and
                                           isinstance(error.reason, TimeoutError)):
        return _no_answer(limits.timeout)
    if isinstance(error, urllib.error.URLError):
        return _not_fetched(error.reason)
    if isinstance(error, (OSError, ValueError, http.client.HTTPException)):
        return _not_fetched(error)
    return error


class _Deadline:
    """Cuts the connections of one fetch when its time is up (``with``: from now on)."""

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _cut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _cut(sock)

    def connection(self, base: type[http.client.HTTPConnection], allow_private: bool
                   ) -> type[http.client.HTTPConnection]:
        """`base` (HTTP or HTTPS connections) telling this deadline of each socket it opens,
        and checking the address it reached: the name was checked before (check_url), but
        looked up again to connect, and a name can answer a public address the first time and
        a private one the next (DNS rebinding). Nothing is sent before this check."""
        deadline = self

        class Watched(base):  # type: ignore[valid-type,misc]
            def connect(self) -> None:
                super().connect()
                deadline.watch(self.sock)
                if not allow_private:
                    try:
                        _refuse_private(self.sock.getpeername()[0], self.host)
                    except ArticleError:
                        self.sock.close()
                        raise

        return Watched


def _cut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # a blocked read returns at once
    except OSError:
        pass  # closed already


class _WatchedHTTP(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline, allow_private: bool) -> None:
        super().__init__()
        self._deadline, self._allow_private = deadline, allow_private

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._deadline.connection(http.client.HTTPConnection,
                                                      self._allow_private), req)


class _WatchedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline, allow_private: bool) -> None:
        super().__init__()
        self._deadline, self._allow_private = deadline, allow_private

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._deadline.connection(http.client.HTTPSConnection,
                                                      self._allow_private), req)


def _too_slow(seconds: float) -> ArticleError:
    return ArticleError.of(N_("the site took more than %(seconds)s seconds to send the page"),
                           N_("try again later, or save the page as HTML and upload it"),
                           seconds=f"{seconds:g}")


def _too_large(max_bytes: int) -> ArticleError:
    return ArticleError.of(N_("the page is larger than %(megabytes)s MB"),
                           N_("give the address of one article, not of a whole site or file"),
                           megabytes=f"{max_bytes / 1_000_000:g}")


def _no_answer(timeout: float) -> ArticleError:
    return ArticleError.of(N_("the site did not answer within %(seconds)s seconds"),
                           N_("try again later, or save the page as HTML and upload it"),
                           seconds=f"{timeout:g}")


def _not_fetched(reason: object) -> ArticleError:
    return ArticleError.of(N_("the page could not be fetched (%(reason)s)"),
                           N_("check the address, or save the page as HTML and upload it"),
                           reason=str(reason))
