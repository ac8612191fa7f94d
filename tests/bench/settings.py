"""The portal's settings plus the floor view, for benchmarks only (DJANGO_SETTINGS_MODULE=tests.bench.settings).

The floor is a trivial Django view behind the full middleware stack: what one request costs before any
page does its own work. Production URLs never include it.
"""

from __future__ import annotations

from wdhs.settings import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"

# The API counts every request per client (api/http.py): the bench is one client sending thousands, which a real
# client may not. The counting itself still runs; only the limit is out of reach.
WDHS_API_RATE_LIMIT = 10**9
