"""The place search of /in-de-buurt/: a municipality, town or village typed by name, or a 4-digit postcode,
with suggestions when it is not known."""

from __future__ import annotations

from typing import Any

from django import forms

from wdhs.forms.fields import MunicipalityInput, reject_html, single_line
from wdhs.nearby import PLACE_MAX_LENGTH, PlaceMatch, find_place


class PlaceForm(forms.Form):
    plaats = forms.CharField(
        label="Je woonplaats, gemeente of postcode",
        help_text="Typ de naam van je dorp, stad of gemeente, of de 4 cijfers van je postcode. "
        "Bijvoorbeeld Elspeet, Leeuwarden, Den Bosch of 3511.",
        max_length=PLACE_MAX_LENGTH,
        validators=[single_line, reject_html],
        widget=MunicipalityInput(attrs={"enterkeyhint": "search"}),
        error_messages={
            "required": "Typ de naam van je woonplaats of gemeente, bijvoorbeeld Leeuwarden, of je postcode.",
            "max_length": f"Typ alleen de naam van je woonplaats of gemeente, in hoogstens {PLACE_MAX_LENGTH} tekens.",
            "null_characters_not_allowed": "Je invoer bevat tekens die we niet kunnen lezen. Typ de naam opnieuw.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.match = PlaceMatch()

    def clean_plaats(self) -> str:
        text: str = self.cleaned_data["plaats"]
        self.match = find_place(text)
        if self.match.municipality is None and not self.match.choices:
            if self.match.postcode:
                message = (
                    f"We weten niet in welke gemeente postcode {self.match.postcode} ligt. Typ de naam van je "
                    "woonplaats of gemeente, bijvoorbeeld Elspeet of Nunspeet."
                )
            elif self.match.suggestions:
                names = ", ".join(m.display_name for m in self.match.suggestions)
                message = (
                    f"We kennen geen woonplaats of gemeente met de naam ‘{text}’. Bedoel je een van deze: {names}?"
                )
            else:
                message = (
                    f"We kennen geen woonplaats of gemeente met de naam ‘{text}’. Typ de naam van je gemeente, "
                    "bijvoorbeeld Leeuwarden. Een kleine buurtschap of een wijk staat niet altijd in onze lijst."
                )
            raise forms.ValidationError(message, code="unknown")
        return text
