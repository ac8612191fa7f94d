"""Room on Python's frame stack for a whole request, so that rendering a page does not map and unmap memory
thousands of times (`roomy`, used by wdhs/wsgi.py).

CPython (3.11 and later) keeps the frames of Python functions on a stack of chunks of 16 KB. A call that does
not fit in the current chunk maps a new one (mmap); returning below the start of that chunk unmaps it at once
(munmap), with no spare kept. When a loop calls functions right at the edge of a chunk, every call maps and
unmaps one: Django's templates, rendering a variable deep inside includes, do that. Measured with strace on a
gunicorn worker at national size: the funding finder with answers made 2,632 mmap/munmap pairs (2,850 page
faults) per request, /zoeken/ 500, and took 37 ms where 17 ms was its own work. Which page suffers depends on
how deep the server's own frames go, so a page that is fast under the test client can thrash under gunicorn.

`roomy(call)` runs `call` under a frame that holds many unused local variables: pushing that frame takes a
chunk of 128 KB (CPython doubles the chunk size until the frame fits), half of which stays free for the frames
of the request. Everything a request normally calls fits in that half, so no call crosses a chunk edge. Cost:
one mapping of 128 KB and clearing 64 KB of local slots per request (some 20 page faults, microseconds), instead
of thousands. Deeper recursion than that simply takes new chunks again, as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# 8,400 slots of 8 bytes (67 KB): more than 64 KB, so the chunk is 128 KB and about 60 KB of it is left.
SLOTS = 8_400


def _roomy_function(slots: int) -> Callable[..., Any]:
    names = [f"_slot{i}" for i in range(slots)]
    source = f"def roomy(call, *args, **kwargs):\n    {' = '.join(names)} = None\n    return call(*args, **kwargs)\n"
    namespace: dict[str, Any] = {}
    exec(compile(source, "<wdhs.framestack>", "exec"), namespace)  # noqa: S102 - our own fixed source text
    function: Callable[..., Any] = namespace["roomy"]
    function.__doc__ = "call(*args, **kwargs) under a frame that reserves room on the frame stack (module docstring)."
    return function


roomy = _roomy_function(SLOTS)


def with_room(application: Callable[..., Any]) -> Callable[..., Any]:
    """A WSGI application that runs `application` through `roomy` for every request."""

    def wrapped(environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        return roomy(application, environ, start_response)

    return wrapped
