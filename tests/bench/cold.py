"""The list pages right after a write, in-process (part of `make bench`; alone: `python -m tests.bench.cold`).

For each page and each kind of write: request the page until it is warm, save one published initiative (or one
knowledge item) as an editor would (`save()`: every trigger fires, the content versions change), then time the
first request after it ("cold") and the one after that ("warm"). Django's test client against the bench's
database, production settings, page cache off, shared counts on; one request at a time. Reports the median of
ROUNDS rounds: wall time, CPU time of this process (Python), and the number of queries.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import Any

ROUNDS = int(os.environ.get("BENCH_COLD_ROUNDS", "3"))
Found = dict[tuple[str, str], dict[str, tuple[float, float, float]]]  # (write, page) -> cold/warm: ms, cpu, queries


def cold_pages() -> list[tuple[str, str]]:
    from wdhs.models import Term

    theme = Term.objects.themes().order_by("position", "name")[1].slug
    return [
        ("home", "/"),
        ("/initiatieven/", "/initiatieven/"),
        ("/initiatieven/ één provincie", "/initiatieven/?provincie=utrecht"),
        ("/kennis/", "/kennis/"),
        ("/kennis/ één thema", f"/kennis/?thema={theme}"),
        ("/financiering/", "/financiering/"),
        ("/organisaties/", "/organisaties/"),
    ]


def _writes() -> dict[str, Any]:
    from initiatives.models import Initiative
    from knowledge.models import Resource

    initiative = Initiative.objects.published().order_by("pk").first()
    resource = Resource.objects.published().order_by("pk").first()
    return {"een initiatief": initiative, "een kennisitem": resource}


def _timed(client: Any, url: str) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    wall, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, len(captured.captured_queries)


def measure(rounds: int = ROUNDS) -> Found:
    """{(write, page label): {"cold": (ms, cpu ms, queries), "warm": (...)}}, medians over `rounds`."""
    from django.test import Client

    client = Client()
    found: Found = {}
    for write, row in _writes().items():
        for label, url in cold_pages():
            samples: dict[str, list[tuple[float, float, int]]] = {"cold": [], "warm": []}
            client.get(url)
            for _ in range(rounds):
                client.get(url)  # warm
                row.save()  # as an editor saves it: the versions change, the counts stay
                samples["cold"].append(_timed(client, url))
                samples["warm"].append(_timed(client, url))
            found[(write, label)] = {
                kind: tuple(statistics.median(values[i] for values in taken) for i in range(3))  # type: ignore[misc]
                for kind, taken in samples.items()
            }
    return found


def table(found: Found) -> list[str]:
    lines = [
        "| after saving | page | cold ms / cpu / q | warm ms / cpu / q |",
        "| --- | --- | ---: | ---: |",
    ]
    for (write, label), result in found.items():
        cold, warm = result["cold"], result["warm"]
        lines.append(
            f"| {write} | {label} | {cold[0]:.0f} / {cold[1]:.0f} / {cold[2]:.0f} "
            f"| {warm[0]:.0f} / {warm[1]:.0f} / {warm[2]:.0f} |"
        )
    return lines


def main() -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wdhs.settings")
    django.setup()
    print("\n".join(table(measure())))


if __name__ == "__main__":
    main()
