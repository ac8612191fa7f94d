"""Lines a test wants in the summary at the end of the run (the search score, a loud skip of the browser tests).

With pytest-xdist the tests run in worker processes; tests/conftest.py sends each worker's lines to
the main process, which prints them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]
    loud: bool = False


SECTIONS: dict[str, Section] = {}


def report(title: str, lines: list[str], *, loud: bool = False) -> None:
    SECTIONS[title] = Section(title, tuple(lines), loud)
