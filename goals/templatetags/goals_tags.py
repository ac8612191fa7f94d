from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import template
from django.utils import timezone

from goals.charts import format_number
from goals.dates import format_date

register = template.Library()


@register.filter
def nl_number(value: Any) -> Any:
    """Numbers in Dutch notation (1.234,5); anything else unchanged."""
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return value
    return format_number(value)


@register.filter
def goal_date(value: Any) -> str:
    """The one date style of the goals pages (3 maart 2026); a date-time in the local time zone."""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return format_date(value)
    return ""
