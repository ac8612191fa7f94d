"""/embed/<lijst>/: a compact list for an iframe on another website; /embed/: the page that makes the code.

Framing: only the embeds may be shown in a frame, on any HTTPS site (`frame-ancestors 'self' https:`), and they
send no X-Frame-Options. Not `*`: a page on plain HTTP can be changed on its way to the reader, so our name would
stand next to content nobody checked; and every municipality's site must use HTTPS already (Wet digitale
overheid, the standard "HTTPS en HSTS"). `'self'` so the preview on /embed/ works, also in development over HTTP.
An embed holds no form and no action, only links that open the portal in a new tab, so framing risks no
clickjacking. The code page itself is an ordinary page and refuses every frame, as all other pages do.

Cache: the embeds are the same for everyone, so they say `Cache-Control: public` and come from the page cache
(wdhs/pagecache.py) like every public page: a partner site with many visitors costs one rendering per change.

Search engines: the embeds say `noindex` (the list belongs to the partner's page, the items have their own pages
here). They are not in robots.txt: a crawler that may not fetch them never sees the noindex.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, cast

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP
from django.utils.html import escape
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET

from wdhs.embed.lists import (
    DEFAULT_COUNT,
    LISTS,
    EmbedList,
    chosen,
    filter_problems,
    input_problems,
    query,
)

EMBED_CSP = cast(dict[str, Collection[str] | str], {**settings.SECURE_CSP, "frame-ancestors": [CSP.SELF, "https:"]})
# How long a browser or a proxy in between may keep an embed: new content shows within five minutes.
MAX_AGE = 300
ROBOTS = "noindex"
UNKNOWN_LIST = "Deze lijst kennen we niet. Kies hieronder initiatieven, kennis of de agenda."


def _full_list_url(spec: EmbedList, data: QueryDict) -> str:
    params = query(data, spec)
    for name in spec.not_on_full_list:
        params.pop(name, None)
    params.update(spec.full_list_extra)
    encoded = params.urlencode()
    return reverse(spec.full_list) + (f"?{encoded}" if encoded else "")


def _embed(request: HttpRequest, spec: EmbedList) -> HttpResponse:
    context: dict[str, Any] = {"spec": spec, "builder_url": reverse("embed:builder")}
    problems = input_problems(request.GET, spec)
    filterset = None
    if not problems:
        filterset = spec.bind(request.GET)
        problems = filter_problems(filterset, spec)
    if problems or filterset is None:
        context.update({"problems": problems, "more_url": reverse(spec.full_list), "title": spec.name})
        response = render(request, "embed/list.html", context, status=400)
    else:
        filters = chosen(filterset, spec)
        count = filterset.form.cleaned_data.get("aantal") or DEFAULT_COUNT
        context.update(
            {
                "items": spec.items(filterset.qs, count),
                "filters": filters,
                "title": spec.name,
                "more_url": _full_list_url(spec, request.GET),
            }
        )
        response = render(request, "embed/list.html", context)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response["X-Robots-Tag"] = ROBOTS
    return response


@require_GET
@xframe_options_exempt
@csp_override(EMBED_CSP)
def initiatives(request: HttpRequest) -> HttpResponse:
    return _embed(request, LISTS["initiatieven"])


@require_GET
@xframe_options_exempt
@csp_override(EMBED_CSP)
def knowledge(request: HttpRequest) -> HttpResponse:
    return _embed(request, LISTS["kennis"])


@require_GET
@xframe_options_exempt
@csp_override(EMBED_CSP)
def events(request: HttpRequest) -> HttpResponse:
    return _embed(request, LISTS["agenda"])


def frame_height(count: int) -> int:
    """A height in pixels that shows `count` items without a scroll bar on most sites (the partner may change it)."""
    return 190 + 110 * count


def snippet(embed_path: str, title: str, count: int) -> str:
    """The HTML a partner pastes: width and height as attributes too, for sites whose CSP forbids style=""."""
    return (
        f'<iframe src="{escape(settings.SITE_URL + embed_path)}" title="{escape(title)}" width="400" '
        f'height="{frame_height(count)}" '
        f'loading="lazy" style="width: 100%; max-width: 40rem; border: 0;"></iframe>'
    )


@require_GET
def builder(request: HttpRequest) -> HttpResponse:
    """Zet de lijst op je eigen website: pick a list and its filters (a GET form), copy the code, see a preview."""
    key = request.GET.get("lijst") or "initiatieven"
    spec = LISTS.get(key[:50])
    context: dict[str, Any] = {"lists": LISTS.values(), "spec": spec}
    if spec is None:
        context["problems"] = [UNKNOWN_LIST]
        return render(request, "embed/builder.html", context, status=400)
    data = request.GET.copy()
    data.pop("lijst", None)
    problems = input_problems(data, spec)
    filterset = spec.bind(data if data and not problems else None)
    _builder_form(filterset, spec)
    context.update({"form": filterset.form, "problems": problems})
    if problems or filter_problems(filterset, spec):
        return render(request, "embed/builder.html", context, status=400)
    count = (filterset.form.cleaned_data.get("aantal") if filterset.is_bound else None) or DEFAULT_COUNT
    params = query(data, spec)
    params["aantal"] = str(count)
    embed_path = f"{reverse(spec.url_name)}?{params.urlencode()}"
    filters = chosen(filterset, spec) if filterset.is_bound else []
    title = spec.name + "".join(f", {label.lower()}: {value}" for label, value in filters) + " – We Doen Het Samen"
    context.update(
        {
            "embed_path": embed_path,
            "frame_title": title,
            "snippet": snippet(embed_path, title, count),
        }
    )
    return render(request, "embed/builder.html", context)


def _builder_form(filterset: Any, spec: EmbedList) -> None:
    """The FilterSet's own form, made to read well on the code page: checkboxes for themes, "Alle ..." choices."""
    form = filterset.form
    for name, message in spec.errors.items():
        if name in form.fields:
            form.fields[name].error_messages.update({"invalid_choice": message, "invalid_pk_value": message})
    for name, label in spec.all_labels.items():
        if name in form.fields:
            form.fields[name].empty_label = label
    if "thema" in form.fields:
        field = form.fields["thema"]
        if isinstance(field, forms.ModelMultipleChoiceField):
            checkboxes = forms.CheckboxSelectMultiple()
            checkboxes.choices = field.choices  # type: ignore[assignment]  # a ModelChoiceIterator, as Django does
            field.widget = checkboxes
        else:
            field.empty_label = "Alle thema's"
    if "gemeente" in form.fields:
        form.fields["gemeente"].label_from_instance = lambda municipality: municipality.display_name
    form.fields["aantal"].initial = DEFAULT_COUNT
    # A text box with a number keyboard (as GOV.UK advises), not type="number": that one cannot show back a wrong
    # value such as "abc" in valid HTML, and changes the number when someone scrolls over it.
    form.fields["aantal"].widget = forms.TextInput(attrs={"inputmode": "numeric", "size": 3})
