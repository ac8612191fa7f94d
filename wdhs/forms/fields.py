"""Form pieces every app uses: text checks, the municipality type-ahead and a honeypot against spam."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from wdhs import pagecache
from wdhs.models import Municipality
from wdhs.nearby import find_place

_HTML = re.compile(r"<\s*[a-zA-Z/!?]")
HTML_MESSAGE = "Gebruik geen HTML-code, zoals <script> of <b>. Gewone tekst is genoeg."


def reject_html(value: str) -> None:
    if value and _HTML.search(value):
        raise forms.ValidationError(HTML_MESSAGE, code="html")


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def single_line(value: str) -> None:
    """Names end up in e-mail subjects, where a line break is not allowed."""
    if value and _CONTROL.search(value):
        raise forms.ValidationError("Gebruik hier één regel tekst, zonder regeleinden of speciale tekens.", code="line")


def require_https(value: str) -> None:
    if value and not value.lower().startswith("https://"):
        raise forms.ValidationError(
            "Gebruik een veilige link die begint met https://. Links met http:// nemen we niet op.", code="https"
        )


class MunicipalityInput(forms.TextInput):
    """A text box with a <datalist> of all municipalities: the browser suggests names while you type, no JS needed."""

    template_name = "forms/widgets/municipality.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        # The browser's own autocomplete would cover the suggestions of the datalist.
        super().__init__({"autocomplete": "off", **(attrs or {})})

    def kept_key(self) -> str:
        """What this widget shows besides its value (wdhs.templatetags.portal.kept_form): the municipalities."""
        return municipality_datalist()

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["datalist"] = municipality_datalist()
        context["widget"]["list_id"] = f"{context['widget']['attrs'].get('id', name)}-lijst"
        context["widget"]["attrs"]["list"] = context["widget"]["list_id"]
        return context


def municipality_names() -> list[str]:
    return [m.display_name for m in Municipality.objects.active().only("name")]


def municipality_datalist() -> SafeString:
    """The <option>s of the datalist, every name escaped: 342 names read and rendered once per process until the
    municipalities change (pagecache.memo in this process), not on every page with the field (the funding finder)."""

    def build() -> SafeString:
        return format_html_join("", '<option value="{}"></option>', ((name,) for name in municipality_names()))

    html: SafeString = pagecache.memo(("municipality-datalist",), build, in_process=True)
    return html


def find_municipality(text: str) -> Municipality | None:
    """Match what was typed to one municipality: by CBS name, the spoken name ("Den Haag"), the Frisian or Dutch
    name ("Ljouwert"), the short name ("Den Bosch"), the slug, with or without accents (wdhs.nearby.find_place).
    A name that two municipalities carry ("Bergen") matches none: the person picks from the list. Towns, villages
    and postcodes are not matched here: the field asks for a municipality (the near-me page takes them)."""
    return find_place(text, suggestions=0, towns_too=False).municipality


class MunicipalityField(forms.CharField):
    """A municipality typed as text with suggestions; cleans to the Municipality, or None when left empty."""

    widget = MunicipalityInput
    default_error_messages = {
        "unknown": "Deze gemeente kennen we niet. Kies een naam uit de lijst, bijvoorbeeld Zwolle.",
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 80)
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        # Initial data holds the municipality (or its primary key, from a model or a stored change); show its name.
        if isinstance(value, int):
            value = Municipality.objects.filter(pk=value).first()
        if isinstance(value, Municipality):
            return value.display_name
        return value

    def clean(self, value: Any) -> Municipality | None:
        text = super().clean(value)
        if not text:
            return None
        municipality = find_municipality(text)
        if municipality is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return municipality


class HoneypotMixin(forms.Form):
    """A field people do not see; bots that fill it in are ignored."""

    website_url = forms.CharField(
        label="Laat dit veld leeg",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        # Django 5.0 gave every form field template_name; django-stubs' CharField does not list it yet.
        template_name="forms/honeypot_field.html",  # type: ignore[call-arg]
    )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website_url"))
