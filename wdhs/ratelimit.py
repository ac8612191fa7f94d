"""A small fixed-window rate limit in the shared cache, for the public forms (report, contact, ask).

The limit counts per visitor address. Behind a load balancer or reverse proxy every request comes from the
proxy's address, so `client_ip` takes the visitor's address from X-Forwarded-For, but only when the request
comes straight from a proxy in settings.TRUSTED_PROXIES: anyone else can write that header too.
allauth's own rate limits (log-in, sign-up) use the same address (wdhs.adapters).
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from wdhs import retention

type IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
type IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

UNKNOWN = "onbekend"
# More hops than any real chain of proxies has: a longer header is cut, so it cannot cost us work.
MAX_FORWARDED_HOPS = 20


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _trusted(address: IPAddress) -> bool:
    return any(address in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def parse_ip(value: str) -> IPAddress | None:
    """The address in `value` ("192.0.2.1", "192.0.2.1:4711", "[2001:db8::1]:443"), or None when it is none."""
    value = value.strip()
    if not value or len(value) > 64:
        return None
    if value.startswith("["):  # [IPv6]:port
        value, bracket, _ = value[1:].partition("]")
        if not bracket:
            return None
    elif value.count(":") == 1:  # IPv4:port
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: the direct peer, or the right-most untrusted address a trusted proxy forwarded."""
    peer = parse_ip(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return UNKNOWN
    address = peer
    if not _trusted(address):
        return str(address)
    # Each proxy appends the address it got the request from; only the part our own proxies wrote can be
    # believed, so walk from the right and stop at the first address that is not one of them.
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-MAX_FORWARDED_HOPS:]
    for hop in reversed(hops):
        forwarded = parse_ip(hop)
        if forwarded is None:
            # Not an address: keep the last one a trusted proxy vouched for, never the visitor's text.
            break
        address = forwarded
        if not _trusted(address):
            break
    return str(address)


# A counter holds the visitor's address: it lives no longer than the retention table says.
PERIOD = int(retention.period("rate_limits").total_seconds())


def rate_limited(request: HttpRequest, action: str, *, limit: int, period: int = PERIOD) -> bool:
    """Count this request; True when the address already did `action` `limit` times in this period.

    The cache is shared (PostgreSQL or Redis), so the limit holds across processes and servers.
    """
    key = f"wdhs:rate:{action}:{client_ip(request)}"
    cache.add(key, 0, timeout=period)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period)
        count = 1
    return count > limit
