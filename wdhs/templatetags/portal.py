"""Template tags of the shared layout."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

from django import template
from django.core.cache import caches
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from wdhs.facets import facets_html

register = template.Library()

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")


def _plain(value: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", value))).strip()


@register.filter
def plain_text(value: str, limit: int | None = None) -> str:
    """The text of HTML the portal sanitised itself (nh3: well-formed, no comments or scripts), for a summary; with
    `limit`, cut to that many characters as `truncatechars` does ("…" included).

    A regular expression, not `striptags`: that runs Python's HTML parser, and a list of twenty cards paid for twenty
    parses. With a limit only the start of a long text is read (a card shows 180 characters of a description of
    kilobytes). Only for our own sanitised HTML; the result is plain text, escaped again where it is shown.
    """
    value = value or ""
    if limit is None:
        return _plain(value)
    limit = int(limit)
    window = limit * 4
    if len(value) > window:
        head = value[:window]
        if head.rfind("<") > head.rfind(">"):  # a tag cut in two: leave it out
            head = head[: head.rfind("<")]
        if head.rfind("&") > head.rfind(";"):  # an entity cut in two
            head = head[: head.rfind("&")]
        text = _plain(head)
        if len(text) > limit:  # the same first characters as the whole text, and more than the limit
            return Truncator(text).chars(limit)
    return Truncator(_plain(value)).chars(limit)


@register.filter
def linked(obj: Any, name: str) -> Any:
    """The rows of the many-to-many relation `name` of `obj`: the prefetched list itself when there is one
    (`item|linked:"themes"`), without the related manager `item.themes.all` builds per card."""
    prefetched = getattr(obj, "_prefetched_objects_cache", {}).get(name)
    if prefetched is not None and prefetched._result_cache is not None:
        return prefetched._result_cache
    return getattr(obj, name).all()


def _held(obj: Any, depth: int) -> tuple[Any, ...]:
    """What a model instance holds: its columns and what views set on it (a snippet, the words it lacks), and
    `depth` levels down the related rows hung on it (select_related, with_small) and its prefetched relations."""
    own = [value for name, value in obj.__dict__.items() if name[0] != "_"]
    try:
        hash(tuple(own))
    except TypeError:  # a JSON column (a dict, a list): its text instead
        own = [value if getattr(value, "__hash__", None) else repr(value) for value in own]
    held: list[Any] = [type(obj), *own]
    if depth:
        state = getattr(obj, "_state", None)
        for name, related in state.fields_cache.items() if state else ():
            held += (name, None if related is None else _held(related, depth - 1))
        for name, rows in getattr(obj, "_prefetched_objects_cache", {}).items():
            held += (name, tuple(_held(row, depth - 1) for row in rows._result_cache or ()))
    return tuple(held)


@register.filter
def fingerprint(obj: Any) -> str:
    """A key for a fragment kept per version of an object's content, in this process only
    (`{% cache 86400 "card" item|fingerprint using="fragments" %}`): everything the object holds (see `_held`).

    A change to a column, a renamed theme, another organisation or a new search snippet gives another key, so a
    kept card never shows old content, whoever changed what and how (an admin form, `update()`, a trigger). What a
    card reads beyond the object (the time, for "niet recent bevestigd") goes into the tag's key beside it; a
    relation the card would fetch lazily is not held, but the list pages' query budgets rule that out. Python's
    hash (per process, 64 bits) with the type and key: the fragment cache is per process too.
    """
    return f"{type(obj).__name__}:{obj.pk}:{hash(_held(obj, 2)):x}"


def _form_shown(form: Any) -> tuple[Any, ...]:
    """Everything a form's HTML is made of: its class, template and prefix, its errors, and per field the label, help
    text, whether it is required, the widget's attributes, the initial value, the value from the request and the
    choices (for a model choice: the rows now in the table)."""
    fields = []
    for name, field in form.fields.items():
        choices = getattr(field, "choices", None)
        fields.append(
            (
                name,
                type(field),
                str(field.label),
                str(field.help_text),
                field.required,
                field.disabled,
                repr(field.widget.attrs),
                repr(form.get_initial_for_field(field, name)),
                # What the widget reads from the request (other parameters, a page number, do not count).
                repr(form[name].data) if form.is_bound else None,
                None if choices is None else tuple((str(value), str(label)) for value, label in choices),
                # What a widget shows besides (the municipalities of a datalist): its own `kept_key()`.
                field.widget.kept_key() if hasattr(field.widget, "kept_key") else None,
            )
        )
    errors = sorted((name, [str(error) for error in found]) for name, found in form.errors.items())
    # The class by name: django-filter makes a new form class for every FilterSet it builds.
    shown = (type(form).__name__, form.template_name, form.prefix, form.auto_id, form.is_bound, repr(errors))
    return (*shown, tuple(fields))


@register.filter
def kept_form(form: Any) -> str:
    """A filter form's HTML, kept in this process by everything it shows (`_form_shown`): `{{ filter.form|kept_form }}`.

    A list page's filter form is the same HTML for the same request values and choices, and rendering its selects
    field by field through the form templates was about a third of /organisaties/. A new theme, a renamed province
    or another value in the address gives another key, so a kept form is never out of date. For forms that show
    only what `_form_shown` covers: GET filter forms, no CSRF token, no per-visitor values.
    """
    return _kept_html(f"form:{hash(_form_shown(form)):x}", form.render)


def _kept_html(key: str, render: Callable[[], str]) -> str:
    """render(), kept in the "forms" cache of this process under `key`."""
    forms = caches["forms"]
    html = forms.get(key)
    if html is None:
        html = render()
        forms.set(key, html)
    return mark_safe(html)  # noqa: S308 - a form's own rendering, escaped by its templates


@register.filter
def kept_fields(form: Any, skip: str = "") -> str:
    """The form's visible fields as field groups (`field.as_field_group`), all but the names in `skip` (separated by
    commas), kept as `kept_form` keeps a whole form: `{{ form|kept_fields:"q" }}`. For the funding finder, whose eight
    questions (one with a list of every municipality) were a third of its page."""
    names = frozenset(name for name in skip.split(",") if name)
    key = f"fields:{hash((tuple(sorted(names)), _form_shown(form))):x}"
    return _kept_html(
        key, lambda: "".join(str(field.as_field_group()) for field in form.visible_fields() if field.name not in names)
    )


@register.simple_tag(takes_context=True)
def nav_link(context: dict[str, Any], label: str, url_name: str) -> str:
    """A main-menu item, marked as the current page for every page below its URL."""
    url = reverse(url_name)
    path = getattr(context.get("request"), "path", "")
    if path.startswith(url):
        return format_html('<li><a class="wdhs-nav__link" href="{}" aria-current="page">{}</a></li>', url, label)
    return format_html('<li><a class="wdhs-nav__link" href="{}">{}</a></li>', url, label)


@register.inclusion_tag("includes/confirmation.html", takes_context=True)
def confirmation_panel(context: dict[str, Any]) -> dict[str, Any]:
    """The confirmation after a form this visitor sent (wdhs.confirmation), shown once; nothing otherwise."""
    from wdhs.confirmation import take

    request = context.get("request")
    return {"confirmation": take(request) if request is not None else None}


@register.simple_tag
def feedback_for(page: Any) -> dict[str, str] | None:
    """Where the feedback block of `page` sends its reader: the form, and "Meld een fout" (wdhs.feedback)."""
    from wdhs import feedback

    target = feedback.target_for(page)
    if target is None or not getattr(page, "slug", ""):
        return None
    give = reverse("feedback:give", args=[target.kind, page.slug])
    report = target.report_url(page) if target.report_url is not None else f"{give}?antwoord=fout"
    return {"give_url": give, "report_url": report}


@register.simple_tag(takes_context=True)
def kept_inputs(context: dict[str, Any], *dropped: str) -> str:
    """Hidden inputs for every parameter of the current URL except `dropped` (and the page number).

    The lists have two forms (the search bar and the filters); each keeps what the other one chose, so
    searching keeps the filters and filtering keeps the search words, without JavaScript.
    """
    request = context.get("request")
    if request is None:
        return ""
    skip = {*dropped, "page"}
    return format_html_join(
        "",
        '<input type="hidden" name="{}" value="{}">',
        ((key, value) for key, values in request.GET.lists() if key not in skip for value in values),
    )


@register.simple_tag
def facet_fields(facets: Any) -> SafeString:
    """The fields of a list's facets (wdhs.facets.facets_html)."""
    return facets_html(facets)
