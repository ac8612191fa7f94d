"""A small fixed-window rate limit in the shared cache, for the public forms (report, contact, ask)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # Behind a proxy, SECURE_PROXY_SSL_HEADER setups must also pass the real address in REMOTE_ADDR.
    return request.META.get("REMOTE_ADDR", "onbekend")


def rate_limited(request: HttpRequest, action: str, *, limit: int, period: int = 3600) -> bool:
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
