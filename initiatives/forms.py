from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.postgres.search import TrigramSimilarity
from django.utils import timezone

from initiatives.models import ActivePeople, Initiative, ProblemReason, Status
from wdhs.formtools import HoneypotMixin, MunicipalityInput, find_municipality, reject_html, require_https, single_line
from wdhs.models import Municipality, Term

DESCRIPTION_MAX = 5000
MAX_SOCIAL_LINKS = 6
SIMILARITY_THRESHOLD = 0.45


class TermChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Term) -> str:
        return obj.name


class TermMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Term) -> str:
        return obj.name


class InitiativeForm(forms.Form):
    """Register or edit an initiative; every field explains itself in plain Dutch (B1)."""

    name = forms.CharField(
        label="Naam van het initiatief",
        max_length=150,
        help_text="Zoals jullie jezelf noemen. Bijvoorbeeld: Buurtmoestuin De Peer.",
        validators=[reject_html, single_line],
    )
    kind = TermChoiceField(
        label="Soort initiatief",
        queryset=Term.objects.initiative_kinds(),
        widget=forms.RadioSelect,
        help_text="Kies wat het beste past. Twijfel je? Kies dan bewonersinitiatief.",
        empty_label=None,
    )
    legal_form = TermChoiceField(
        label="Rechtsvorm",
        queryset=Term.objects.legal_forms(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text=(
            "Hebben jullie geen stichting of vereniging? Kies dan een informele groep. "
            "Een penvoerder is een organisatie die geld voor jullie ontvangt en beheert."
        ),
    )
    kvk_number = forms.CharField(
        label="KvK-nummer",
        required=False,
        max_length=20,
        help_text="Niet verplicht. Het nummer bij de Kamer van Koophandel heeft 8 cijfers.",
    )
    municipality = forms.CharField(
        label="Gemeente",
        max_length=80,
        widget=MunicipalityInput(attrs={"autocomplete": "off"}),
        help_text="Typ de naam van je gemeente. Je krijgt dan voorstellen. Bijvoorbeeld: Zwolle.",
    )
    area = forms.CharField(
        label="Wijk of dorp",
        required=False,
        max_length=120,
        help_text="Niet verplicht. Waar zijn jullie actief? Bijvoorbeeld: Oosterparkwijk of het dorp Ruinen.",
        validators=[reject_html, single_line],
    )
    themes = TermMultipleChoiceField(
        label="Thema's",
        queryset=Term.objects.themes(),
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies een of meer thema's waar jullie aan werken.",
    )
    phase = TermChoiceField(
        label="Fase",
        queryset=Term.objects.phases(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="Hoe ver zijn jullie? Dat helpt anderen om jullie goed te helpen.",
    )
    founded_year = forms.IntegerField(
        label="Opgericht in (jaar)",
        required=False,
        help_text="Niet verplicht. Het jaar waarin jullie begonnen. Bijvoorbeeld: 2019.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    active_people = forms.ChoiceField(
        label="Aantal mensen dat actief meedoet",
        choices=ActivePeople.choices,
        widget=forms.RadioSelect,
        help_text="Een schatting is goed genoeg.",
    )
    description = forms.CharField(
        label="Beschrijving",
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=(
            f"Vertel in een paar zinnen wat jullie doen en voor wie. Hoogstens {DESCRIPTION_MAX} tekens. "
            "Je mag *schuin*, **vet** en lijstjes met een - gebruiken."
        ),
        validators=[reject_html],
    )
    website = forms.URLField(
        label="Website",
        required=False,
        max_length=200,
        assume_scheme="https",
        help_text="Niet verplicht. Het adres moet beginnen met https://.",
        validators=[require_https],
    )
    social_links = forms.CharField(
        label="Sociale media",
        required=False,
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            f"Niet verplicht. Zet elke link op een eigen regel, hoogstens {MAX_SOCIAL_LINKS}. "
            "Elke link begint met https://."
        ),
    )
    public_email = forms.EmailField(
        label="Openbaar e-mailadres",
        required=False,
        help_text=(
            "Niet verplicht. Vul je dit in, dan staat het op jullie pagina. Laat je het leeg, "
            "dan sturen bezoekers een bericht via een formulier. Jullie eigen adressen blijven dan verborgen."
        ),
    )
    needs = TermMultipleChoiceField(
        label="Wat hebben jullie nu nodig?",
        queryset=Term.objects.needs(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Niet verplicht. Zo kunnen anderen en wij jullie beter helpen.",
    )

    def __init__(
        self, *args: Any, instance: Initiative | None = None, check_duplicates: bool = True, **kwargs: Any
    ) -> None:
        self.instance = instance
        self.check_duplicates = check_duplicates
        self.duplicates: list[Initiative] = []
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = initial_from(instance)
            # A second edit starts from the changes that still wait for review, not from the public version.
            kwargs["initial"].update(pending_initial(instance))
        super().__init__(*args, **kwargs)
        if self.is_bound and "not_duplicate" in self.data:
            self.fields["not_duplicate"] = self._not_duplicate_field()

    @staticmethod
    def _not_duplicate_field() -> forms.BooleanField:
        return forms.BooleanField(
            label="Ik weet het zeker: ons initiatief staat er nog niet in.",
            required=False,
            help_text="We vragen dit om te voorkomen dat een initiatief twee keer in de lijst komt.",
        )

    def clean_kvk_number(self) -> str:
        value = re.sub(r"[\s.]", "", self.cleaned_data["kvk_number"])
        if value and not re.fullmatch(r"\d{8}", value):
            raise forms.ValidationError("Een KvK-nummer heeft precies 8 cijfers. Bijvoorbeeld: 12345678.")
        return value

    def clean_municipality(self) -> Municipality:
        municipality = find_municipality(self.cleaned_data["municipality"])
        if municipality is None:
            raise forms.ValidationError(
                "Deze gemeente kennen we niet. Kies een gemeente uit de lijst, bijvoorbeeld Utrecht of Súdwest-Fryslân."
            )
        return municipality

    def clean_founded_year(self) -> int | None:
        year = self.cleaned_data["founded_year"]
        if year is not None and not 1800 <= year <= timezone.localdate().year:
            raise forms.ValidationError(f"Vul een jaar in tussen 1800 en {timezone.localdate().year}.")
        return year

    def clean_social_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["social_links"].splitlines() if line.strip()]
        if len(lines) > MAX_SOCIAL_LINKS:
            raise forms.ValidationError(f"Je kunt hoogstens {MAX_SOCIAL_LINKS} links opgeven.")
        validator = forms.URLField(assume_scheme="https")
        for line in lines:
            require_https(line)
            try:
                validator.clean(line)
            except forms.ValidationError:
                raise forms.ValidationError(f"Dit is geen geldige link: {line[:80]}") from None
        return "\n".join(lines)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        name, municipality = cleaned.get("name"), cleaned.get("municipality")
        if self.check_duplicates and name and municipality:
            self.duplicates = list(similar_initiatives(name, municipality, exclude=self.instance))
            if self.duplicates and not self.data.get("not_duplicate"):
                self.fields["not_duplicate"] = self._not_duplicate_field()
                self.add_error(
                    "not_duplicate",
                    "Er staat al een initiatief met een bijna gelijke naam in deze gemeente. "
                    "Kijk of het jullie initiatief is. Is het een ander initiatief? Vink dan dit vakje aan.",
                )
        return cleaned


def similar_initiatives(name: str, municipality: Municipality, exclude: Initiative | None = None) -> Any:
    qs = (
        Initiative.objects.filter(municipality=municipality)
        .exclude(status=Status.REJECTED)
        .annotate(similarity=TrigramSimilarity("name", name))
        .filter(similarity__gte=SIMILARITY_THRESHOLD)
        .order_by("-similarity")
    )
    if exclude is not None and exclude.pk:
        qs = qs.exclude(pk=exclude.pk)
    return qs[:5]


def initial_from(initiative: Initiative) -> dict[str, Any]:
    return {
        "name": initiative.name,
        "kind": initiative.kind_id,
        "legal_form": initiative.legal_form_id,
        "kvk_number": initiative.kvk_number,
        "municipality": initiative.municipality.display_name,
        "area": initiative.area,
        "themes": [t.pk for t in initiative.themes.all()],
        "phase": initiative.phase_id,
        "founded_year": initiative.founded_year,
        "active_people": initiative.active_people,
        "description": initiative.description,
        "website": initiative.website,
        "social_links": initiative.social_links,
        "public_email": initiative.public_email,
        "needs": [t.pk for t in initiative.needs.all()],
    }


def pending_initial(initiative: Initiative) -> dict[str, Any]:
    changes = dict(initiative.pending_changes or {})
    if "municipality" in changes:
        municipality = Municipality.objects.filter(pk=changes["municipality"]).first()
        changes["municipality"] = municipality.display_name if municipality else ""
    return changes


class InviteForm(forms.Form):
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        help_text="We sturen een link naar dit adres. De link werkt één keer en 14 dagen lang.",
    )

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initiative = initiative

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip()
        if self.initiative.memberships.filter(user__email__iexact=email).exists():
            raise forms.ValidationError("Deze persoon beheert dit initiatief al.")
        return email


class ProblemReportForm(HoneypotMixin):
    reason = forms.ChoiceField(label="Wat is er mis?", choices=ProblemReason.choices, widget=forms.RadioSelect)
    message = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Niet verplicht. Vertel kort wat er niet klopt. Hoogstens 2000 tekens.",
        validators=[reject_html],
    )
    reporter_email = forms.EmailField(
        label="Je e-mailadres",
        required=False,
        help_text="Niet verplicht. Alleen als je wilt dat we je iets laten weten.",
    )
    field_order = ["reason", "message", "reporter_email", "website_url"]


class ContactForm(HoneypotMixin):
    name = forms.CharField(label="Je naam", max_length=120, validators=[reject_html, single_line])
    email = forms.EmailField(
        label="Je e-mailadres", help_text="Het initiatief kan je hierop antwoorden. We zetten het nergens online."
    )
    message = forms.CharField(
        label="Je bericht",
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Hoogstens 3000 tekens.",
        validators=[reject_html],
    )
    field_order = ["name", "email", "message", "website_url"]


class RejectForm(forms.Form):
    """Staff give a reason when rejecting (admin intermediate page)."""

    reason = forms.CharField(
        label="Reden van afwijzing",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="De beheerders krijgen deze tekst in hun e-mail. Schrijf kort en vriendelijk wat er moet veranderen.",
    )
