"""Demo content: invented initiatives (examples, not real groups) for `manage.py load_demo`."""

from __future__ import annotations


def load() -> str:
    return "0 voorbeeldinitiatieven"
