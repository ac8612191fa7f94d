"""The benchmark at national size (`make bench`): a benchmark, not a test. Writes docs/benchmarks.md.

1. Makes sure the database holds national-size data (`seed_bulk`, reused when it is there already; the sizes
   come from BENCH_INITIATIVES, BENCH_RESOURCES and BENCH_ORGANISATIONS), then VACUUM ANALYZE.
2. Starts the portal under gunicorn (2 workers, production settings, tests/bench/settings.py for the floor view).
3. Drives every key page with wrk at 1, 8 and 32 connections, with the page cache off (every request does
   the real work), then once more at 8 connections with the page cache on (what visitors without an account
   get). The floor, a trivial Django view through the same stack, is measured before and after the pages.
4. Counts the SQL queries of each page in-process (Django's test client against the same database).
5. Downloads each open-data export once and times it (one request moves the whole country).
6. After a write: the list pages at 8 connections while this process saves one initiative or knowledge item
   every WRITE_EVERY seconds (page cache off), and in-process the first request after one save
   (tests/bench/cold.py).

Each page: p50/p95/p99 (wrk's latency histogram, through a small Lua script), requests/s and its ratio to the
floor, non-2xx answers. The machine is shared and noisy: compare ratios within one run, never absolute numbers
across runs.
"""

from __future__ import annotations

import contextlib
import datetime
import http.client
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.bench import cold
from tests.bench.servers import cpu_seconds, free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
REPORT = ROOT / "docs" / "benchmarks.md"
SIZES = {
    "initiatives": int(os.environ.get("BENCH_INITIATIVES", "100000")),
    "resources": int(os.environ.get("BENCH_RESOURCES", "50000")),
    "organisations": int(os.environ.get("BENCH_ORGANISATIONS", "2000")),
}
DURATION = int(os.environ.get("BENCH_SECONDS", "2"))
CLIENTS = (1, 8, 32)
VARIED_QUERIES = 1500  # per page: more than 8 clients can ask in one measurement
WRITE_EVERY = float(os.environ.get("BENCH_WRITE_EVERY", "0.5"))  # seconds between saves in "after a write"
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %d %d %d %d %d %d\\n", latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.requests, summary.duration, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


# Searches as residents make them: every request a query the cache has not seen (see `varied_searches`).
SEARCH_PAGES = [
    ("/zoeken/ wisselende zoekvragen", "/zoeken/?q="),
    ("/kennis/ wisselende zoekvragen", "/kennis/?q="),
    ("/initiatieven/ wisselende zoekvragen", "/initiatieven/?q="),
]
VARIED_LUA = """
local paths = {%s}
local counter = 0
setup = function(thread)
  thread:set("first", counter)
  counter = counter + 1
end
local step = 0
request = function()
  step = step + 1
  return wrk.format("GET", paths[((first + step * %d) %% #paths) + 1])
end
"""


def varied_searches(count: int) -> list[str]:
    """`count` different queries from the words the documents hold: single words and pairs, in a fixed order.

    A fixed pseudo-random sample (by hash) of the index's vocabulary, so common and rare words both come up,
    as in real use; every query is new to the page cache within one measurement."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM wdhs_searchword WHERE length(word) BETWEEN 4 AND 20 AND word ~ '^[a-z]+$'"
            " ORDER BY md5(word) LIMIT %s",
            [count],
        )
        words = [row[0] for row in cursor.fetchall()]
    connection.close()
    queries = []
    for i, word in enumerate(words):
        queries.append(word if i % 2 else f"{word} {words[(i * 7 + 3) % len(words)]}")
    return queries


def varied_finder_answers(count: int) -> list[str]:
    """`count` different sets of answers for the funding finder: municipality, legal form, amount, theme."""
    from wdhs.models import Municipality, Term

    places = list(Municipality.objects.order_by("pk").values_list("name", flat=True))
    forms = list(Term.objects.of("legal_form").values_list("slug", flat=True))
    themes = list(Term.objects.themes().values_list("slug", flat=True))
    answers = []
    for i in range(count):
        query = {
            "gemeente": places[(i * 7) % len(places)],
            "rechtsvorm": forms[i % len(forms)],
            "bedrag": str(250 + (i * 137) % 20000),
            "thema": themes[(i * 3) % len(themes)],
        }
        answers.append("/financiering/?" + urllib.parse.urlencode(query))
    return answers


def varied_filters() -> dict[str, list[str]]:
    """Every combination of two filters on each list page (and a page number): what a visitor clicks together."""
    from wdhs.models import Province, Term

    provinces = list(Province.objects.order_by("pk").values_list("slug", flat=True))
    themes = list(Term.objects.themes().values_list("slug", flat=True))
    phases = list(Term.objects.phases().values_list("slug", flat=True))
    kinds = list(Term.objects.of("initiative_kind").values_list("slug", flat=True))
    needs = list(Term.objects.of("need").values_list("slug", flat=True))
    initiatives = [f"/initiatieven/?provincie={p}&thema={t}" for p in provinces for t in themes]
    initiatives += [f"/initiatieven/?soort={k}&behoefte={n}&page=2" for k in kinds for n in needs]
    knowledge = [f"/kennis/?thema={t}&fase={f}" for t in themes for f in phases]
    knowledge += [f"/kennis/?regio={p}&thema={t}&page=2" for p in provinces for t in themes]
    return {"/initiatieven/ wisselende filters": initiatives, "/kennis/ wisselende filters": knowledge}


def django_env(page_cache: bool) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "tests.bench.settings",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DJANGO_HTTPS": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        "WDHS_ACCESS_LOG": "0",
        "WDHS_PAGE_CACHE": "1" if page_cache else "0",
    }


def manage(*args: str, production: bool = False) -> None:
    env = django_env(False)
    if not production:
        env = {**env, "DJANGO_ENV": "development", "DJANGO_SETTINGS_MODULE": "wdhs.settings"}
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_data() -> dict[str, int]:
    """Seeds at national size unless the database holds it already; returns what it holds."""
    import django

    os.environ.update({k: v for k, v in django_env(False).items() if k.startswith(("DJANGO", "WDHS"))})
    django.setup()
    from django.db import connection

    from initiatives.models import Initiative
    from knowledge.models import Organisation, Resource

    def held() -> dict[str, int]:
        return {
            "initiatives": Initiative.objects.count(),
            "resources": Resource.objects.count(),
            "organisations": Organisation.objects.count(),
        }

    counts = held()
    if any(counts[k] < SIZES[k] * 0.95 for k in SIZES):
        print(f"Testgegevens maken op landelijke schaal ({SIZES}) ...", flush=True)
        manage(
            "seed_bulk",
            f"--initiatives={SIZES['initiatives']}",
            f"--resources={SIZES['resources']}",
            f"--organisations={SIZES['organisations']}",
        )
        counts = held()
    connection.close()
    # Index-only scans need the visibility map that VACUUM writes (autovacuum does it on a live server).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()
    # An earlier run of the same code on the same data left its pages and counts in the shared cache: the varied
    # pages would be read from there instead of measured.
    from django.core.cache import cache

    cache.clear()
    connection.close()
    return counts


def pages() -> list[tuple[str, str]]:
    from initiatives.models import Initiative
    from knowledge.models import Organisation, Resource
    from wdhs.models import Term

    theme = Term.objects.themes().order_by("position", "name")[1].slug
    phase = Term.objects.phases().order_by("position", "name")[0].slug
    resource = Resource.objects.published().order_by("-published_at").values_list("slug", flat=True)[100]
    initiative = Initiative.objects.published().order_by("-published_at").values_list("slug", flat=True)[100]
    organisation = Organisation.objects.order_by("pk").values_list("slug", flat=True)[50]
    return [
        ("home", "/"),
        ("/kennis/", "/kennis/"),
        ("/kennis/ met zoekwoord", "/kennis/?q=vrijwilligers"),
        ("/kennis/ met twee facetten", f"/kennis/?thema={theme}&fase={phase}"),
        ("kennisitem", f"/kennis/{resource}/"),
        ("/organisaties/", "/organisaties/"),
        ("organisatie", f"/organisaties/{organisation}/"),
        ("/initiatieven/", "/initiatieven/"),
        ("/initiatieven/ met filters", f"/initiatieven/?provincie=utrecht&thema={theme}"),
        ("initiatief", f"/initiatieven/{initiative}/"),
        ("kaart", "/initiatieven/kaart/"),
        ("/doelen/", "/doelen/"),
        ("/doelen/2/", "/doelen/2/"),
        ("financieringswijzer met antwoorden", "/financiering/?gemeente=Utrecht&rechtsvorm=stichting&bedrag=500"),
        ("/zoeken/ een woord", "/zoeken/?q=buurthuis"),
        ("/zoeken/ een zin", "/zoeken/?q=hoe+begin+ik+een+moestuin+in+de+wijk"),
        ("/zoeken/ met typfout", "/zoeken/?q=subsdie+speeltuin"),
        ("feed kennis (Atom)", "/kennis/feed/"),
        ("feed doelen (RSS)", "/doelen/updates/feed/"),
        ("sitemap-index", "/sitemap.xml"),
        ("sitemap initiatieven, deel 1", "/sitemap-initiatieven.xml"),
        ("feed initiatieven met filter", "/initiatieven/feed/?provincie=utrecht"),
        ("feed kennis met filter", f"/kennis/feed/?thema={theme}"),
        ("/agenda/", "/agenda/"),
        ("/open-data/", "/open-data/"),
        ("embed initiatieven", "/embed/initiatieven/?gemeente=utrecht"),
        ("API initiatieven", "/api/v1/initiatieven"),
        ("API kennis met filter", f"/api/v1/kennis?thema={theme}"),
    ]


EXPORTS = [
    ("export CSV", "/initiatieven/export.csv"),
    ("export JSON", "/initiatieven/export.json"),
    ("open data initiatieven CSV", "/open-data/initiatieven.csv"),
    ("open data kennis JSON", "/open-data/kennis.json"),
]


@contextlib.contextmanager
def writing(every: float) -> Iterator[list[int]]:
    """Saves one published initiative and one knowledge item in turn, every `every` seconds, in a thread of this
    process (as editors do: every trigger fires, the content versions change), until the block ends."""
    from django.db import connection

    from initiatives.models import Initiative
    from knowledge.models import Resource

    rows = [Initiative.objects.published().order_by("pk").first(), Resource.objects.published().order_by("pk").first()]
    stop, saved = threading.Event(), [0]

    def save() -> None:
        try:
            while not stop.wait(every):
                row = rows[saved[0] % len(rows)]
                assert row is not None
                row.save()
                saved[0] += 1
        finally:
            connection.close()

    thread = threading.Thread(target=save, daemon=True)
    thread.start()
    try:
        yield saved
    finally:
        stop.set()
        thread.join()


def query_counts(urls: list[tuple[str, str]]) -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    counts = {}
    for _, url in urls:
        with CaptureQueriesContext(connection) as captured:
            response: Any = client.get(url)
            if response.streaming:
                for _ in response.streaming_content:
                    pass
        counts[url] = len(captured.captured_queries)
    return counts


def wrk(url: str, clients: int, seconds: int, script: str) -> dict[str, float]:
    out = subprocess.run(
        ["wrk", f"-t{min(clients, 2)}", f"-c{clients}", f"-d{seconds}s", "--timeout", "15s", "-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next((line for line in out.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        raise RuntimeError(out)
    p50, p95, p99, requests, duration, non2xx, errors = (int(v) for v in line.split()[1:])
    return {
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "requests": requests,
        "rps": requests / (duration / 1_000_000) if duration else 0.0,
        "non2xx": non2xx,
        "errors": errors,
    }


def drain(base: str) -> float:
    """Waits until the server has answered every queued request: wrk stops sending after its time, but gunicorn
    still has the requests of up to 32 connections in its queue, which would otherwise land on the next page.
    Returns the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < 180:
        asked = time.monotonic()
        with urllib.request.urlopen(base + "/bench/floor", timeout=180) as response:  # noqa: S310 - loopback
            response.read()
        if time.monotonic() - asked < 0.05:
            break
    return time.monotonic() - start


def worker_rss_mb(master: int) -> list[float]:
    sizes = []
    for child in Path(f"/proc/{master}/task/{master}/children").read_text().split():
        for line in Path(f"/proc/{child}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def start_server(page_cache: bool, port: int) -> subprocess.Popen[bytes]:
    command = [str(BIN / "gunicorn"), "-c", "python:wdhs.gunicorn_config", "-b", f"127.0.0.1:{port}", "-w", "2"]
    process = subprocess.Popen(  # noqa: S603
        [*command, "wdhs.wsgi:application"],
        cwd=ROOT,
        env=django_env(page_cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    wait_until_up(f"http://127.0.0.1:{port}/bench/floor", process)
    return process


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait()


def download(url: str) -> tuple[float, float, int, bool]:
    """First byte and complete time, size, and whether the download finished.

    A sync gunicorn worker that streams longer than its `timeout` (30 s) is killed mid-download; on a loaded
    machine a national export can take that long. The report then says so instead of the bench crashing.
    """
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 - our own loopback server
        response.read(1)
        first = time.perf_counter() - start
        try:
            size = 1 + len(response.read())
        except http.client.IncompleteRead as cut:
            return first, time.perf_counter() - start, 1 + len(cut.partial), False
    return first, time.perf_counter() - start, size, True


def main() -> int:
    if not shutil.which("wrk"):
        print("wrk ontbreekt: installeer het met 'apt-get install wrk'.", file=sys.stderr)
        return 1
    started = time.monotonic()
    manage("collectstatic", "--noinput", "-v0", production=True)
    counts = prepare_data()
    urls = pages()
    queries = query_counts(urls)
    print("  na een wijziging, in het proces ...", flush=True)
    cold_found = cold.measure()
    # Each kind of page gets its own queries, so no page finds another's answers in the cache.
    words = varied_searches(VARIED_QUERIES * len(SEARCH_PAGES))
    varied_pages = {
        label: [prefix + urllib.parse.quote_plus(query) for query in words[i :: len(SEARCH_PAGES)]]
        for i, (label, prefix) in enumerate(SEARCH_PAGES)
    }
    varied_pages["financieringswijzer wisselende antwoorden"] = varied_finder_answers(VARIED_QUERIES)
    varied_pages.update(varied_filters())
    varied: dict[str, dict[str, float]] = {}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    rows: dict[str, dict[Any, Any]] = {label: {"url": url, "queries": queries[url]} for label, url in urls}
    floors: list[float] = []
    written: dict[str, dict[str, float]] = {}
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(LUA)
        script = handle.name
    server = start_server(False, port)
    try:
        wrk(base + "/bench/floor", 8, 2, script)
        floors.append(wrk(base + "/bench/floor", 8, DURATION, script)["rps"])
        cpu_before = cpu_seconds(server.pid)
        total_requests = 0
        for label, url in urls:
            print(f"  {label} ...", flush=True)
            wrk(base + url, 2, 1, script)  # warm-up
            drain(base)
            for clients in CLIENTS:
                result = wrk(base + url, clients, DURATION, script)
                result["drain"] = drain(base)
                rows[label][clients] = result
                total_requests += int(result["requests"])
        cpu_per_request = (cpu_seconds(server.pid) - cpu_before) * 1000 / max(total_requests, 1)
        drain(base)
        for label, url in cold.cold_pages():
            print(f"  {label} met wijzigingen ...", flush=True)
            wrk(base + url, 2, 1, script)  # warm-up
            drain(base)
            with writing(WRITE_EVERY) as saved:
                written[label] = wrk(base + url, 8, DURATION, script)
            written[label]["saves"] = saved[0]
            drain(base)
        floors.append(wrk(base + "/bench/floor", 8, DURATION, script)["rps"])
        rss = worker_rss_mb(server.pid)
        exports = {label: download(base + url) for label, url in EXPORTS}
    finally:
        stop_server(server)
    server = start_server(True, port)
    try:
        wrk(base + "/bench/floor", 8, 1, script)
        cached_floors = [wrk(base + "/bench/floor", 8, DURATION, script)["rps"]]
        for label, url in urls:
            wrk(base + url, 2, 1, script)  # fills the cache
            drain(base)
            rows[label]["cached"] = wrk(base + url, 8, DURATION, script)
            drain(base)
        for label, paths in varied_pages.items():
            print(f"  {label} ...", flush=True)
            with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
                handle.write(VARIED_LUA % (", ".join(f'"{path}"' for path in paths), 2) + LUA)
            varied[label] = wrk(base + paths[0], 8, DURATION, handle.name)
            drain(base)
        cached_floors.append(wrk(base + "/bench/floor", 8, DURATION, script)["rps"])
        cached_floor = statistics.mean(cached_floors)
    finally:
        stop_server(server)
    floor = statistics.mean(floors)
    write_report(
        counts, rows, varied, floors, floor, cached_floor, rss, cpu_per_request, exports, time.monotonic() - started
    )
    with REPORT.open("a", encoding="utf-8") as report:
        report.write("\n".join(after_a_write(written, cold_found, floor)) + "\n")
    print(REPORT.read_text())
    return 0


def write_report(
    counts: dict[str, int],
    rows: dict[str, dict[Any, Any]],
    varied: dict[str, dict[str, float]],
    floors: list[float],
    floor: float,
    cached_floor: float,
    rss: list[float],
    cpu_per_request: float,
    exports: dict[str, tuple[float, float, int, bool]],
    elapsed: float,
) -> None:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if "model" in line),
        platform.processor(),
    )
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    load = os.getloadavg()
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    lines = [
        "# Benchmark at national size",
        "",
        "Written by `make bench` (tests/bench/run.py); do not edit by hand. A benchmark, not a test: the machine is",
        "shared and noisy, so read the ratios to the floor measured in the same run, not the absolute numbers.",
        "",
        f"- Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; commit {commit.strip()}; run took "
        f"{elapsed / 60:.1f} minutes.",
        f"- Machine: {os.cpu_count()} cores ({cpu}), {memory} GiB; load average at the end "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (other work was running beside it).",
        f"- Data: {counts['initiatives']:,} initiatives, {counts['resources']:,} knowledge items, "
        f"{counts['organisations']:,} organisations (`seed_bulk`).",
        "- Server: gunicorn, 2 sync workers, production settings, embedded PostgreSQL on the same machine; load from "
        f"wrk on the same 2 cores, {DURATION} s per measurement.",
        "- Shared cache (counts, rate limits, the page cache; emptied before the run): "
        + (
            "Redis on the same machine (`REDIS_URL`), as docs/deploy.md advises."
            if os.environ.get("REDIS_URL")
            else "the table in PostgreSQL (no `REDIS_URL`); docs/deploy.md advises Redis."
        ),
        f"- Floor (a trivial Django view through the same stack, 8 clients): {floors[0]:.0f} req/s before the pages, "
        f"{floors[-1]:.0f} after; the ratios below use the mean, {floor:.0f} req/s.",
        f"- Memory per worker (RSS after the run): {', '.join(f'{m:.0f} MB' for m in rss)}. "
        f"CPU per request over all uncached measurements: {cpu_per_request:.1f} ms.",
        "",
        "## Every request does the work (page cache off)",
        "",
        "Latency in ms; req/s and ratio to the floor at 8 clients; queries: SQL queries for one request. After",
        "each measurement the bench waits until gunicorn has answered the requests still queued (wrk stops sending",
        "at the end of its time, the queue of up to 32 connections does not); the last column is that wait at 32.",
        "",
        "| page | queries | 1 client p50 / p95 | 8 clients p50 / p95 / p99 | 8 clients req/s | ratio | "
        "32 clients p95 | 32 clients req/s | non-2xx | queue after 32 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, row in rows.items():
        one, eight, many = row[1], row[8], row[32]
        bad = int(one["non2xx"] + eight["non2xx"] + many["non2xx"] + one["errors"] + eight["errors"] + many["errors"])
        lines.append(
            f"| {label} | {row['queries']} | {one['p50']:.0f} / {one['p95']:.0f} | "
            f"{eight['p50']:.0f} / {eight['p95']:.0f} / {eight['p99']:.0f} | {eight['rps']:.1f} | "
            f"{eight['rps'] / floor:.3f} | {many['p95']:.0f} | {many['rps']:.1f} | {bad} | {many['drain']:.0f} s |"
        )
    lines += [
        "",
        "## Visitors without an account (page cache on), 8 clients",
        "",
        f"The same pages after one request filled the cache. Floor in this pass (mean of before and after the "
        f"pages): {cached_floor:.0f} req/s.",
        "",
        "| page | p50 | p95 | p99 | req/s | ratio to floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, row in rows.items():
        c = row["cached"]
        lines.append(
            f"| {label} | {c['p50']:.1f} | {c['p95']:.1f} | {c['p99']:.1f} | {c['rps']:.0f} | "
            f"{c['rps'] / cached_floor:.2f} |"
        )
    lines += [
        "",
        "## Search and the finder as residents use them (page cache on), 8 clients",
        "",
        f"Every request a different query ({VARIED_QUERIES:,} per page: single words and pairs sampled from the",
        "words the documents hold, common and rare; for the finder different municipalities, legal forms, amounts",
        "and themes; for the lists every combination of two filters), so a request rarely finds its page in the",
        "cache and does the work; shared counts may come from the cache, as they do for visitors.",
        "",
        "| page | p50 | p95 | p99 | req/s | ratio to floor | non-2xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, c in varied.items():
        lines.append(
            f"| {label} | {c['p50']:.0f} | {c['p95']:.0f} | {c['p99']:.0f} | {c['rps']:.1f} | "
            f"{c['rps'] / cached_floor:.3f} | {int(c['non2xx'] + c['errors'])} |"
        )
    lines += ["", "## Open-data exports (one download each, page cache off)", ""]
    lines += ["| export | first byte | complete | size |", "| --- | ---: | ---: | ---: |"]
    for label, (first, complete, size, finished) in exports.items():
        ended = f"{complete:.1f} s" if finished else f"afgebroken na {complete:.1f} s (worker timeout)"
        lines.append(f"| {label} | {first * 1000:.0f} ms | {ended} | {size / 1_000_000:.0f} MB |")
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def after_a_write(
    written: dict[str, dict[str, float]],
    cold_found: dict[tuple[str, str], dict[str, tuple[float, float, float]]],
    floor: float,
) -> list[str]:
    lines = [
        "",
        "## After a write (page cache off)",
        "",
        f"8 clients for {DURATION} s while the bench saves one published initiative or knowledge item in turn every "
        f"{WRITE_EVERY:g} s (every trigger fires, the content versions change): a page whose shared counts were",
        "invalidated by each save counts again in the request.",
        "",
        "| page | saves | p50 | p95 | p99 | req/s | ratio to floor | non-2xx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, c in written.items():
        lines.append(
            f"| {label} | {c['saves']:.0f} | {c['p50']:.0f} | {c['p95']:.0f} | {c['p99']:.0f} | {c['rps']:.1f} | "
            f"{c['rps'] / floor:.3f} | {int(c['non2xx'] + c['errors'])} |"
        )
    lines += [
        "",
        f"In the bench's own process (Django's test client, one request at a time, median of {cold.ROUNDS}): the first",
        "request after one save (cold) and the next one (warm); ms / CPU ms of Python / queries.",
        "",
        *cold.table(cold_found),
    ]
    return lines


if __name__ == "__main__":
    sys.exit(main())
