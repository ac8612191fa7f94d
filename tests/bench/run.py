"""Benchmark of the main pages (`make bench`): median and 95th percentile over repeated requests.

Runs in-process with Django's test client against the development database filled by
`make run`'s set-up (demo content), so the numbers describe the full Django stack without a
network hop. Timings live here, never in tests.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

import django

PAGES = [
    ("home", "/"),
    ("kennis", "/kennis/"),
    ("kennis zoeken", "/kennis/?q=vrijwilligers"),
    ("initiatieven", "/initiatieven/"),
    ("initiatieven zoeken", "/initiatieven/?q=energie"),
    ("doelen", "/doelen/"),
    ("zoeken", "/zoeken/?q=subsidies+buurthuizen"),
    ("healthz", "/healthz"),
]


def main(rounds: int = 30) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wdhs.settings")
    django.setup()
    from django.test import Client

    client = Client()
    print(f"{'pagina':<22} {'status':>6} {'mediaan ms':>11} {'p95 ms':>8}")
    for label, url in PAGES:
        first = client.get(url)
        if first.status_code == 404:
            print(f"{label:<22} {'-':>6} {'(bestaat nog niet)':>20}")
            continue
        timings = []
        for _ in range(rounds):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(f"{label:<22} {first.status_code:>6} {statistics.median(timings):>11.1f} {p95:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 30))
