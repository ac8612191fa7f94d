"""The retention table for the privacy page, straight from wdhs/retention.py so the page cannot drift."""

from __future__ import annotations

from django import template

from wdhs.retention import TABLE, Retention

register = template.Library()


@register.simple_tag
def retention_table() -> tuple[Retention, ...]:
    return TABLE
