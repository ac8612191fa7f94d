"""Two requests at the same moment, for real: each in its own thread with its own database connection.

A test marks itself `pytest.mark.django_db(transaction=True)`, so what a thread writes is committed and the
other thread's connection sees it (or waits on its locks), as with two web server processes.

`at_once` starts the calls together; `meet_after_first_call` makes the interleaving certain instead of
likely: each thread runs the real function, then waits until the other thread has run it too, so both
have read the database before either writes. No timings: a barrier, and a timeout only so that a broken
test fails instead of hanging.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection

WAIT = 20  # seconds a thread waits for the other one before the test fails (never reached when it works)


def at_once(*calls: Callable[[], Any]) -> list[Any]:
    """Run each call in its own thread, started together; returns their results in order.

    An exception in a thread is raised here; each thread closes its database connection when it ends.
    """
    start = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            start.wait(WAIT)
            results[index] = call()
        except BaseException as error:  # noqa: BLE001 - handed to the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(WAIT * 3)
    assert not any(thread.is_alive() for thread in threads), "a thread did not finish"
    if errors:
        raise errors[0]
    return results


def meet_after_first_call(monkeypatch: pytest.MonkeyPatch, target: Any, name: str, parties: int = 2) -> None:
    """Replace `target.name` by the real function followed by a meeting point of `parties` threads.

    Only a thread's first call waits: later calls (a retry, a check done again under a lock) run straight on.
    A thread that never makes a first call (it waits on a lock held by one that is waiting here) breaks the
    barrier after WAIT seconds; the first call then goes on, so the code under test decides what happens.
    """
    real = getattr(target, name)
    meeting = threading.Barrier(parties)
    called = threading.local()

    @functools.wraps(real)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        if not getattr(called, "done", False):
            called.done = True
            with contextlib.suppress(threading.BrokenBarrierError):
                meeting.wait(WAIT)
        return result

    monkeypatch.setattr(target, name, wrapper)
