"""`{% related_links subject as block %}` and `{% recommended_links subject as block %}`: see wdhs/related.py."""

from __future__ import annotations

from typing import Any

from django import template

from wdhs.related import recommended_for, related_for

register = template.Library()


@register.simple_tag(takes_context=True)
def related_links(context: dict[str, Any], subject: Any) -> dict[str, Any] | None:
    return related_for(context.get("request"), subject)


@register.simple_tag(takes_context=True)
def recommended_links(context: dict[str, Any], subject: Any) -> dict[str, Any] | None:
    return recommended_for(context.get("request"), subject)


@register.simple_tag(takes_context=True)
def recommended_for_each(context: dict[str, Any], subjects: Any) -> list[tuple[Any, dict[str, Any]]]:
    """(subject, block) for each subject that has recommendations: /mijn/ shows a heading only when there are any."""
    blocks = [(subject, recommended_for(context.get("request"), subject)) for subject in subjects]
    return [(subject, block) for subject, block in blocks if block and block.get("recommended")]
