from __future__ import annotations

import pytest

# Filled by test_recall.py; printed at the end of every run so `make test` shows the score.
REPORT: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if REPORT:
        terminalreporter.section("zoeken: Nederlandse testset")
        for line in REPORT:
            terminalreporter.write_line(line)
