"""Only http(s) URLs to public addresses: no file://, no intranet, no cloud metadata endpoint."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import socket
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass

import httpcore
import httpx
from httpcore import SOCKET_OPTION as SocketOption

SCHEMES = frozenset({"http", "https"})
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# NAT64 (RFC 6052) embeds an IPv4 address in the last 32 bits; Python calls it global.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class BlockedURL(ValueError):
    """A URL the fetcher refuses; the message is the Problem reason."""


@dataclass(frozen=True, slots=True)
class Allowance:
    """The private hosts and networks an operator lets the fetcher reach (an intranet site),
    from SOURCES_ALLOW_PRIVATE; every other private address stays refused."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[IPNetwork, ...] = ()

    @classmethod
    def parse(cls, items: Iterable[str]) -> Allowance:
        """Host names and CIDR networks (a bare address is a network of one)."""
        hosts, networks = set(), []
        for item in items:
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                hosts.add(item.lower().rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def permits(self, host: str, address: IPAddress) -> bool:
        """True when `host` is allowed by name, or `address` lies in an allowed network."""
        return host.lower().rstrip(".") in self.hosts or any(address in n for n in self.networks)


NOTHING_PRIVATE = Allowance()


async def resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (tests replace this function)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


async def check_url(
    url: httpx.URL, *, allow_private: bool = False, allowance: Allowance = NOTHING_PRIVATE
) -> None:
    """Raise BlockedURL unless `url` is http(s) and its host resolves only to public addresses
    (or to private ones that `allowance` permits)."""
    if url.scheme not in SCHEMES:
        raise BlockedURL(f"only http and https, not {url.scheme or 'no scheme'}")
    if not url.host:
        raise BlockedURL("no host in the URL")
    if allow_private:
        return
    for address in await _addresses(url):
        if is_blocked(address) and not allowance.permits(url.host, address):
            raise BlockedURL(f"private address {address}")


async def _addresses(url: httpx.URL) -> list[IPAddress]:
    """The literal address of the URL, or what its host name resolves to."""
    try:
        return [ipaddress.ip_address(url.host)]
    except ValueError:
        pass
    try:
        found = await resolve(url.host, url.port or (443 if url.scheme == "https" else 80))
    except (OSError, UnicodeError) as error:
        raise BlockedURL(f"cannot resolve {url.host}") from error
    if not found:
        raise BlockedURL(f"cannot resolve {url.host}")
    # A scoped IPv6 answer comes as "fe80::1%eth0"; the scope is not part of the address.
    return [ipaddress.ip_address(text.split("%", 1)[0]) for text in found]


def is_blocked(address: IPAddress) -> bool:
    """True for private, loopback, link-local, multicast, reserved and unspecified addresses."""
    embedded = _embedded_ipv4(address)
    if embedded is not None and is_blocked(embedded):
        return True
    return (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
    )


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in a mapped, 6to4, Teredo or NAT64 IPv6 address."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


class PinnedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to the addresses it has just checked, so DNS cannot change its answer
    between the guard's check and the connection (DNS rebinding)."""

    def __init__(
        self, inner: httpcore.AsyncNetworkBackend, allowance: Allowance = NOTHING_PRIVATE
    ) -> None:
        self._inner = inner
        self._allowance = allowance

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Resolve, refuse blocked addresses, then connect to the checked address itself."""
        addresses = await _addresses(httpx.URL(scheme="http", host=host, port=port))
        blocked = [a for a in addresses if is_blocked(a) and not self._allowance.permits(host, a)]
        if blocked:
            raise BlockedURL(f"private address {blocked[0]}")
        error: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in addresses:  # TLS still verifies and sends SNI for `host`, not the IP
            try:
                return await self._inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as failed:
                error = failed
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Never: a fetcher for the web has no business with local sockets."""
        raise BlockedURL("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        """Delegate: httpcore sleeps between connection retries."""
        await self._inner.sleep(seconds)


LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's defaults


class PinnedTransport(httpx.AsyncBaseTransport):
    """httpx's default transport, rebuilt on httpcore's public connection pool so that every
    connection goes through PinnedBackend (httpx gives no way to choose the backend)."""

    def __init__(
        self,
        allowance: Allowance = NOTHING_PRIVATE,
        *,
        backend: httpcore.AsyncNetworkBackend | None = None,
        limits: httpx.Limits = LIMITS,
    ) -> None:
        self.pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),  # verified, as httpx's default is
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=PinnedBackend(backend or httpcore.AnyIOBackend(), allowance),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send through the pool; the answer's body is streamed, as httpx's own transport does."""
        url = request.url
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=url.raw_scheme, host=url.raw_host, port=url.port, target=url.raw_path
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            answer = await self.pool.handle_async_request(core)
        return httpx.Response(
            status_code=answer.status,
            headers=answer.headers,
            stream=_Body(answer),
            extensions=answer.extensions,
        )

    async def aclose(self) -> None:
        """Close every pooled connection."""
        await self.pool.aclose()


class _Body(httpx.AsyncByteStream):
    """httpcore's streamed body as httpx reads it, its errors as httpx's."""

    def __init__(self, answer: httpcore.Response) -> None:
        self._answer = answer

    async def __aiter__(self) -> AsyncIterator[bytes]:
        with _as_httpx_errors():
            async for chunk in self._answer.aiter_stream():
                yield chunk

    async def aclose(self) -> None:
        with _as_httpx_errors():
            await self._answer.aclose()


# httpcore's errors and the httpx errors callers catch, the narrower first
_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
)


@contextlib.contextmanager
def _as_httpx_errors() -> Iterator[None]:
    """Raise httpcore's errors as their httpx namesakes (what httpx's own transport does)."""
    try:
        yield
    except tuple(core for core, _ in _ERRORS) as error:
        mapped = next(ours for core, ours in _ERRORS if isinstance(error, core))
        raise mapped(str(error)) from error


def pinned_transport(allowance: Allowance = NOTHING_PRIVATE) -> PinnedTransport:
    """The fetcher's transport: connections only to addresses the guard just checked."""
    return PinnedTransport(allowance)
