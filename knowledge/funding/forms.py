"""The questions of the funding finder: a GET form, so the answers live in the URL."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone

from knowledge.funding.rules import Answers, Purpose, euro
from wdhs.facets import at_most
from wdhs.forms.fields import MunicipalityField
from wdhs.models import Municipality, Term
from wdhs.search.query import MAX_RAW_QUERY

# More than this is not a neighbourhood plan; it is a typo or a tampered URL.
MAX_AMOUNT = 10_000_000
OLDEST_YEAR = 1800

PURPOSE_CHOICES = [
    (Purpose.ONE_DAY.value, "Een activiteit van één dag, zoals een buurtfeest of een opruimdag"),
    (Purpose.EQUIPMENT.value, "Spullen of apparatuur, zoals gereedschap, een aanhanger of zonnepanelen"),
    (Purpose.BUILDING.value, "Een gebouw kopen, bouwen of verbouwen"),
    (Purpose.COSTS_MADE.value, "Kosten die we al gemaakt hebben"),
]

AMOUNT_ERRORS = {
    "invalid": "Vul een bedrag in hele euro's in, zonder punt of komma. Bijvoorbeeld: 2500.",
    "min_value": "Een bedrag kan niet negatief zijn. Vul 0 of meer in.",
    "max_value": f"Dat bedrag is te hoog voor deze wijzer. Vul hoogstens {euro(MAX_AMOUNT)} in.",
}


def _term_choices(vocabulary: str, empty: str | None) -> list[tuple[str, str]]:
    choices = [(t.slug, t.name) for t in Term.objects.of(vocabulary)]
    return ([("", empty)] if empty is not None else []) + choices


class FinderForm(forms.Form):
    """Six short questions; every one may stay empty. Field names are the Dutch words in the URL."""

    doel = forms.MultipleChoiceField(
        label="Waar is het geld voor?",
        required=False,
        choices=PURPOSE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies wat past. Niets gekozen? Dan kijken we niet naar het doel.",
        error_messages={"invalid_choice": "Kies een doel uit de lijst.", "invalid_list": "Kies een doel uit de lijst."},
    )
    bedrag = forms.IntegerField(
        label="Hoeveel geld zoek je? (in euro)",
        required=False,
        min_value=0,
        max_value=MAX_AMOUNT,
        help_text="Ongeveer is goed genoeg. Bijvoorbeeld: 2500.",
        error_messages=AMOUNT_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    eigen_bijdrage = forms.IntegerField(
        label="Hoeveel betalen jullie zelf of halen jullie ergens anders op? (in euro)",
        required=False,
        min_value=0,
        max_value=MAX_AMOUNT,
        help_text="Sommige fondsen willen dat je een deel zelf betaalt. Weet je het niet? Laat het leeg.",
        error_messages=AMOUNT_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    # A plan can be about several themes (?thema=a&thema=b): a scheme fits when it supports any of them.
    thema = forms.MultipleChoiceField(
        label="Waar gaat je plan over?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies een of meer thema's. Niets gekozen? Dan kijken we niet naar het thema.",
        validators=[at_most()],
        error_messages={
            "invalid_choice": "Dit thema kennen we niet. Kies een thema uit de lijst.",
            "invalid_list": "Dit thema kennen we niet. Kies een thema uit de lijst.",
        },
    )
    gemeente = MunicipalityField(
        label="In welke gemeente?",
        required=False,
        help_text="Typ de naam van je gemeente. Je krijgt dan voorstellen. Bijvoorbeeld: Zwolle.",
        error_messages={
            "max_length": "Deze gemeente kennen we niet. Typ de naam van je gemeente, bijvoorbeeld Zwolle.",
            "unknown": "Deze gemeente kennen we niet. Kies een naam uit de lijst, bijvoorbeeld Zwolle of Den Haag.",
        },
    )
    rechtsvorm = forms.ChoiceField(
        label="Welke rechtsvorm hebben jullie?",
        required=False,
        widget=forms.RadioSelect,
        help_text=(
            "Geen stichting of vereniging? Kies een informele groep. Een penvoerder is een organisatie met een "
            "rechtsvorm die het geld voor jullie ontvangt en beheert."
        ),
        error_messages={"invalid_choice": "Deze rechtsvorm kennen we niet. Kies er een uit de lijst."},
    )
    fase = forms.ChoiceField(
        label="In welke fase zit je plan?",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Deze fase kennen we niet. Kies een fase uit de lijst."},
    )
    opgericht = forms.IntegerField(
        label="Sinds welk jaar bestaan jullie?",
        required=False,
        min_value=OLDEST_YEAR,
        help_text="Sommige fondsen steunen alleen nieuwe of juist bestaande initiatieven. Bijvoorbeeld: 2021.",
        error_messages={
            "invalid": "Vul een jaartal in, bijvoorbeeld 2021.",
            "min_value": f"Vul een jaartal in vanaf {OLDEST_YEAR}.",
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    q = forms.CharField(
        label="Zoek ook op woorden",
        required=False,
        max_length=MAX_RAW_QUERY,
        help_text="Niet verplicht. Dan zie je alleen regelingen waarin deze woorden staan. Bijvoorbeeld: buurthuis.",
        error_messages={"max_length": "Je zoekwoorden zijn te lang. Typ een paar woorden."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        term_choices = {
            "thema": _term_choices("theme", None),
            "rechtsvorm": _term_choices("legal_form", None) + [("", "Weet ik niet")],
            "fase": _term_choices("phase", None) + [("", "Weet ik niet")],
        }
        for name, choices in term_choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = choices
        self._term_names = {slug: label for choices in term_choices.values() for slug, label in choices}

    def clean_opgericht(self) -> int | None:
        year = self.cleaned_data["opgericht"]
        if year is not None and year > timezone.localdate().year:
            raise forms.ValidationError("Dit jaar ligt in de toekomst. Vul het jaar in waarin jullie begonnen.")
        return year

    def answers(self) -> Answers:
        """The cleaned answers as plain data for the rule engine."""
        data = self.cleaned_data
        names = self._term_names
        municipality: Municipality | None = data.get("gemeente")
        return Answers(
            purposes=frozenset(Purpose(p) for p in data.get("doel") or []),
            amount=data.get("bedrag"),
            own_money=data.get("eigen_bijdrage"),
            themes=tuple((slug, names.get(slug, "")) for slug in dict.fromkeys(data.get("thema") or [])),
            municipality=municipality.slug if municipality else None,
            municipality_name=municipality.display_name if municipality else "",
            province=municipality.province.slug if municipality else None,
            legal_form=data.get("rechtsvorm") or None,
            legal_form_name=names.get(data.get("rechtsvorm") or "", ""),
            phase=data.get("fase") or None,
            phase_name=names.get(data.get("fase") or "", ""),
            founded_year=data.get("opgericht"),
            today=timezone.localdate(),
        )
