"""Compare production servers on the floor: `python -m tests.bench.servers [name ...]` (a benchmark, not a test).

Starts each server (or those whose name contains a given word) with 2 worker processes, production settings
and the bench URLs (tests/bench/settings.py) on a free loopback port, warms it up, then drives the floor
(`/bench/floor`), a template page and a search with wrk: 8 connections for 10 s, in 3 rounds that take
turns between the servers. Besides requests/s and latency it reports the server's CPU time per request (all
its processes and threads, from /proc): on a busy shared machine that number stays honest.

Needs wrk (`apt-get install wrk`), DATABASE_URL and `collectstatic` done (the production static storage
needs its manifest). granian is not a dependency (docs/deploy.md says why); to compare it again:
`.tools/bin/uv pip install --python .venv/bin/python granian` (the next `make install` removes it).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent
# (label, path, wrk headers): the floor with keep-alive, the floor with a new connection per request (as a
# reverse proxy without upstream keep-alive sends it), a page that renders a template, and one that waits on
# PostgreSQL (search).
PAGES = [
    ("floor", "/bench/floor"),
    ("floor, Connection: close", "/bench/floor", "Connection: close"),
    ("/over/", "/over/"),
    ("/zoeken/?q=buurthuizen", "/zoeken/?q=buurthuizen"),
]
CONNECTIONS = 8
DURATION = 10


def servers(port: int) -> dict[str, list[str]]:
    bind = f"127.0.0.1:{port}"
    gunicorn = [str(BIN / "gunicorn"), "-c", "python:wdhs.gunicorn_config", "-b", bind, "-w", "2"]
    # --workers-kill-timeout: granian 2.8 waits for ever on workers that get SIGTERM while still loading the app.
    granian = [
        str(BIN / "granian"),
        *("--interface", "wsgi", "--workers", "2", "--port", str(port), "--no-ws", "--workers-kill-timeout", "10"),
    ]
    return {
        "gunicorn sync 2 workers": [*gunicorn, "wdhs.wsgi:application"],
        "gunicorn gthread 2 workers x 4": [*gunicorn, "-k", "gthread", "--threads", "4", "wdhs.wsgi:application"],
        "granian 2 workers": [*granian, "wdhs.wsgi:application"],
        "granian 2 workers x 4 threads": [*granian, "--blocking-threads", "4", "wdhs.wsgi:application"],
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server stopped with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - our own loopback server
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process and all its descendants (threads included), from /proc."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def wrk(url: str, duration: int, *headers: str) -> dict[str, float]:
    options = [arg for header in headers for arg in ("-H", header)]
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--latency", *options, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = re.search(r"(\d+) requests in", out)
    result = {
        "rps": float(rps.group(1)) if rps else 0.0,
        "requests": float(requests.group(1)) if requests else 0.0,
        "errors": float(errors.group(1)) if errors else 0.0,
    }
    for pct in ("50", "99"):
        match = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)$", out, re.MULTILINE)
        scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
        result[f"p{pct}"] = float(match.group(1)) * scale[match.group(2)] if match else float("nan")
    return result


def main(rounds: int = 3) -> int:
    if not shutil.which("wrk"):
        print("wrk ontbreekt: apt-get install wrk", file=sys.stderr)
        return 1
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "tests.bench.settings",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_HTTPS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "WDHS_ACCESS_LOG": "0",
    }
    port = free_port()
    chosen = sys.argv[1:]
    results: dict[tuple[str, str], list[dict[str, float]]] = {}
    # Rounds take turns between the servers, so a busy moment of the machine does not land on one server only.
    for _ in range(rounds):
        for name, command in servers(port).items():
            if chosen and not any(word in name for word in chosen):
                continue
            if not Path(command[0]).exists():
                print(f"{name}: {Path(command[0]).name} is not installed here, skipped", file=sys.stderr)
                continue
            process = subprocess.Popen(  # noqa: S603
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
            )
            try:
                base = f"http://127.0.0.1:{port}"
                wait_until_up(base + PAGES[0][1], process)
                for label, page, *headers in PAGES:
                    wrk(base + page, 2, *headers)  # warm-up: every worker and its database connection
                    before = cpu_seconds(process.pid)
                    run = wrk(base + page, DURATION, *headers)
                    # CPU per request: unlike requests/s, it does not depend on what else the machine runs.
                    run["cpu_ms"] = (cpu_seconds(process.pid) - before) * 1000 / max(run["requests"], 1)
                    results.setdefault((name, label), []).append(run)
            finally:
                process.terminate()
                try:
                    process.wait(timeout=40)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)  # the server and its workers: its own session
                    process.wait()
    print(f"{rounds} rounds, {CONNECTIONS} connections, {DURATION} s each; median (lowest-highest) of the rounds")
    print(f"{'server':<30} {'page':<24} {'req/s':>20} {'p50 ms':>7} {'p99 ms':>7} {'CPU ms/req':>10} {'non-2xx':>8}")
    for (name, label), runs in results.items():
        rps = sorted(run["rps"] for run in runs)
        spread = f"{statistics.median(rps):.0f} ({rps[0]:.0f}-{rps[-1]:.0f})"
        p50 = statistics.median(run["p50"] for run in runs)
        p99 = statistics.median(run["p99"] for run in runs)
        cpu = statistics.median(run["cpu_ms"] for run in runs)
        errors = sum(run["errors"] for run in runs)
        print(f"{name:<30} {label:<24} {spread:>20} {p50:>7.1f} {p99:>7.1f} {cpu:>10.2f} {errors:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
