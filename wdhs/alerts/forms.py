from __future__ import annotations

from typing import Any

from django import forms

from wdhs.alerts import sources
from wdhs.alerts.models import Frequency, Region
from wdhs.forms.fields import MunicipalityField
from wdhs.forms.public import PublicForm
from wdhs.models import Province, Term

THEME_CHOICES_MESSAGE = "Kies thema's uit de lijst."


class AlertForm(forms.Form):
    """What to follow: kinds, themes, region and how often. The e-mail address comes with SubscribeForm."""

    kinds = forms.MultipleChoiceField(
        label="Waarover wil je een e-mail?",
        choices=[],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies minstens één soort nieuws, bijvoorbeeld Nieuwe kennis.",
            "invalid_choice": "Kies uit de soorten nieuws in de lijst.",
        },
    )
    themes = forms.ModelMultipleChoiceField(
        label="Over welke thema's?",
        queryset=Term.objects.none(),
        to_field_name="slug",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies je niets, dan krijg je nieuws over alle thema's.",
        error_messages={"invalid_choice": THEME_CHOICES_MESSAGE, "invalid_pk_value": THEME_CHOICES_MESSAGE},
    )
    region = forms.ChoiceField(
        label="Voor welke plek?",
        choices=Region.choices,
        initial=Region.COUNTRY,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies voor welke plek je nieuws wilt.",
            "invalid_choice": "Kies een van de plekken in de lijst.",
        },
    )
    province = forms.ModelChoiceField(
        label="Provincie",
        queryset=Province.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Kies een provincie",
        help_text="Alleen nodig als je Een provincie kiest.",
        error_messages={"invalid_choice": "Kies een provincie uit de lijst."},
    )
    municipality = MunicipalityField(
        label="Gemeente",
        required=False,
        help_text="Alleen nodig als je Een gemeente kiest. Typ de naam, bijvoorbeeld Zwolle.",
        error_messages={"max_length": "Typ alleen de naam van de gemeente, in hoogstens 80 tekens."},
    )
    include_national = forms.BooleanField(
        label="Ook nieuws dat voor heel Nederland geldt",
        required=False,
        initial=True,
    )
    frequency = forms.ChoiceField(
        label="Hoe vaak wil je een e-mail?",
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies hoe vaak je een e-mail wilt.",
            "invalid_choice": "Kies elke dag of één keer per week.",
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kinds = self.fields["kinds"]
        assert isinstance(kinds, forms.MultipleChoiceField)
        kinds.choices = [(source.kind, source.label) for source in sources.sources()]
        themes = self.fields["themes"]
        assert isinstance(themes, forms.ModelMultipleChoiceField)
        themes.queryset = Term.objects.themes().active()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        region = data.get("region")
        if region == Region.PROVINCE and not data.get("province"):
            self.add_error("province", "Kies de provincie waarover je nieuws wilt.")
        needs_municipality = region in (Region.MUNICIPALITY, Region.NEIGHBOURS)
        if needs_municipality and not data.get("municipality") and "municipality" not in self.errors:
            self.add_error("municipality", "Typ de naam van de gemeente waarover je nieuws wilt.")
        return data


class SubscribeForm(PublicForm, AlertForm):
    email = forms.EmailField(
        label="Je e-mailadres",
        max_length=254,
        help_text="We sturen eerst een e-mail om te bevestigen dat dit jouw adres is.",
        error_messages={
            "required": "Vul je e-mailadres in.",
            "invalid": "Dit is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl.",
            "max_length": "Dit e-mailadres is te lang. Gebruik hoogstens 254 tekens.",
        },
    )
    field_order = [
        "kinds",
        "themes",
        "region",
        "province",
        "municipality",
        "include_national",
        "frequency",
        "email",
        "website_url",
    ]
