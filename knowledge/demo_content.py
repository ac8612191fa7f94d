"""Demo partners and knowledge in plain Dutch (B1), written for this portal."""

from __future__ import annotations

from typing import Any

ORGANISATIONS: dict[str, dict[str, Any]] = {}
RESOURCES: list[dict[str, Any]] = []
