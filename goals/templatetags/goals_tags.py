from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from goals.charts import format_number

register = template.Library()


@register.filter
def nl_number(value: Any) -> Any:
    """Numbers in Dutch notation (1.234,5); anything else unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value
    return format_number(value)
