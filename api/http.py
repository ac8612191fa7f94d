"""What every /api/ answer shares: GET/HEAD only, open CORS, a rate limit per client and a weak ETag.

The ETag comes from the content version (wdhs.pagecache: one small query, it changes in the same transaction as
any content) and the full URL, so a client that polls with If-None-Match gets a 304 without the list being read.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from wdhs import pagecache, ratelimit

type View = Callable[..., HttpResponseBase]

ALLOWED = "GET, HEAD, OPTIONS"
# Requests per client address per window; a crawler that pages through the country at 100 rows per page
# needs 1,000 requests for the initiatives, so 10 minutes at this rate.
RATE_LIMIT = 120
RATE_WINDOW = 60


def json_error(message: str, status: int) -> HttpResponse:
    body = json.dumps({"fout": message}, ensure_ascii=False)
    return HttpResponse(body, status=status, content_type="application/json; charset=utf-8")


def _cors(response: HttpResponseBase) -> HttpResponseBase:
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Retry-After, Link"
    return response


def etag_for(request: HttpRequest) -> str:
    state = f"{pagecache.code_version()}:{pagecache.content_version()}:{request.get_full_path()}"
    return f'W/"{hashlib.sha256(state.encode()).hexdigest()[:32]}"'


def _matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == opaque for tag in header.split(",")[:50])


def guarded(view: View) -> View:
    """Wraps an API view in the rules above (the order matters: a refused method costs no counter)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponseBase:
        if request.method == "OPTIONS":
            preflight = HttpResponse(status=204)
            preflight["Allow"] = ALLOWED
            preflight["Access-Control-Allow-Methods"] = ALLOWED
            preflight["Access-Control-Allow-Headers"] = "If-None-Match, Accept"
            preflight["Access-Control-Max-Age"] = "86400"
            return _cors(preflight)
        if request.method not in ("GET", "HEAD"):
            refused = json_error("Deze API kan alleen lezen: gebruik GET.", 405)
            refused["Allow"] = ALLOWED
            return _cors(refused)
        limit = getattr(settings, "WDHS_API_RATE_LIMIT", RATE_LIMIT)
        if ratelimit.rate_limited(request, "api", limit=limit, period=RATE_WINDOW):
            slow_down = json_error(
                f"Je doet te veel verzoeken. Wacht {RATE_WINDOW} seconden en probeer het dan opnieuw.", 429
            )
            slow_down["Retry-After"] = str(RATE_WINDOW)
            return _cors(slow_down)
        etag = etag_for(request)
        if _matches(request.headers.get("If-None-Match", ""), etag):
            unchanged = HttpResponse(status=304)
            unchanged["ETag"] = etag
            return _cors(unchanged)
        head = request.method == "HEAD"
        if head:  # ninja routes GET only; HEAD is the same answer without its body
            request.method = "GET"
        response = view(request, *args, **kwargs)
        if head and isinstance(response, HttpResponse):
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        if response.status_code == 200:
            response["ETag"] = etag
            response["Cache-Control"] = "public, max-age=60"
        patch_vary_headers(response, ["Accept-Encoding"])
        return _cors(response)

    return csrf_exempt(wrapper)
