"""The container's health check: `python -m wdhs.healthcheck` asks this machine's web server for /healthz.

Exit 0 when it answers 200, else 1. Only the standard library, so a check costs no Django start-up. The
request carries the first name of DJANGO_ALLOWED_HOSTS as its Host header: Django refuses any other host.
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect (to HTTPS, say) is an answer to report, not one to follow off this machine.
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def main() -> int:
    port = os.environ.get("WDHS_BIND", "127.0.0.1:8000").rsplit(":", 1)[-1]
    hosts = [host.strip().lstrip(".") for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")]
    host = next((name for name in hosts if name and name != "*"), "localhost")
    request = urllib.request.Request(f"http://127.0.0.1:{port}/healthz", headers={"Host": host})  # noqa: S310
    try:
        with urllib.request.build_opener(_NoRedirects).open(request, timeout=5) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except OSError as error:
        print(f"/healthz: {error}", file=sys.stderr)
        return 1
    if status != 200:
        print(f"/healthz: HTTP {status}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
