"""Room on Python's frame stack for each request (wdhs/framestack.py): calls at the edge of a 16 KB chunk of that
stack no longer map and unmap memory each time (2,632 times per request for the funding finder under gunicorn)."""

from __future__ import annotations

import resource

import pytest

from wdhs.framestack import roomy, with_room


def _down(n: int) -> int:
    return _down(n - 1) if n else 0


def _oscillate() -> None:
    """Calls from shallow to 300 frames deep, twenty times each: somewhere they cross the edge of a chunk."""
    for depth in range(300):
        for _ in range(20):
            _down(depth)


def _faults(call) -> int:  # noqa: ANN001
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    call()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def test_calls_at_a_chunk_edge_map_memory_each_time_except_under_roomy():
    _oscillate()
    roomy(_oscillate)
    bare = _faults(_oscillate)
    kept = _faults(lambda: roomy(_oscillate))
    # Without room every call past the edge maps a fresh chunk (at least one page fault each); when a Python
    # release keeps a spare chunk, this fails, and wdhs/framestack.py can go.
    assert bare > 1000
    assert kept < 100


def test_roomy_passes_arguments_results_and_errors():
    assert roomy(lambda a, b=0: a + b, 2, b=3) == 5
    with pytest.raises(ZeroDivisionError):
        roomy(lambda: 1 / 0)


def test_the_wrapped_wsgi_application_answers_as_the_application():
    def application(environ, start_response):  # noqa: ANN001, ANN202
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [environ["PATH_INFO"].encode()]

    started = []
    body = with_room(application)({"PATH_INFO": "/kennis/"}, lambda status, headers: started.append(status))
    assert body == [b"/kennis/"]
    assert started == ["200 OK"]
