"""The place search of /in-de-buurt/: a municipality typed by name, with suggestions when it is not known."""

from __future__ import annotations

from typing import Any

from django import forms

from wdhs.forms.fields import MunicipalityInput, reject_html, single_line
from wdhs.nearby import PLACE_MAX_LENGTH, PlaceMatch, find_place, looks_like_postcode


class PlaceForm(forms.Form):
    plaats = forms.CharField(
        label="Je gemeente",
        help_text="Typ de naam van je gemeente, bijvoorbeeld Leeuwarden, Ljouwert of Den Bosch.",
        max_length=PLACE_MAX_LENGTH,
        validators=[single_line, reject_html],
        widget=MunicipalityInput(attrs={"enterkeyhint": "search"}),
        error_messages={
            "required": "Typ de naam van je gemeente, bijvoorbeeld Leeuwarden.",
            "max_length": f"Typ alleen de naam van je gemeente, in hoogstens {PLACE_MAX_LENGTH} tekens.",
            "null_characters_not_allowed": "Je invoer bevat tekens die we niet kunnen lezen. Typ de naam opnieuw.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.match = PlaceMatch()

    def clean_plaats(self) -> str:
        text: str = self.cleaned_data["plaats"]
        if looks_like_postcode(text):
            raise forms.ValidationError(
                "Zoeken op postcode kan hier nog niet. Typ de naam van je gemeente, bijvoorbeeld Leeuwarden.",
                code="postcode",
            )
        self.match = find_place(text)
        if self.match.municipality is None and not self.match.choices:
            if self.match.suggestions:
                names = ", ".join(m.display_name for m in self.match.suggestions)
                message = f"We kennen geen gemeente met de naam ‘{text}’. Bedoel je een van deze: {names}?"
            else:
                message = (
                    f"We kennen geen gemeente met de naam ‘{text}’. Typ de naam van je gemeente, "
                    "bijvoorbeeld Leeuwarden. Een dorp of wijk kunnen we nog niet opzoeken."
                )
            raise forms.ValidationError(message, code="unknown")
        return text
