from __future__ import annotations

import re
from typing import Any

from django import forms
from django.contrib.postgres.search import TrigramSimilarity
from django.utils import timezone

from initiatives.models import DESCRIPTION_MAX, ActivePeople, Initiative, ProblemReason, Status
from wdhs.forms.fields import MunicipalityField, reject_html, require_https, single_line
from wdhs.forms.once import SubmitOnceMixin
from wdhs.forms.public import PublicForm
from wdhs.models import Municipality

MAX_SOCIAL_LINKS = 6
SIMILARITY_THRESHOLD = 0.45


class InitiativeForm(forms.ModelForm):
    """Register or edit an initiative; every field explains itself in plain Dutch (B1).

    Meta.fields is the one list of what a manager edits: a change that waits for review
    (initiatives.changes) holds exactly these fields. Fields with rules of their own are declared;
    the others come from the model with the labels, help texts and widgets in Meta.
    """

    # The duplicate question sits between the error summary and the fields.
    template_name = "initiatives/_form.html"

    name = forms.CharField(
        label="Naam van het initiatief",
        max_length=150,
        help_text="Zoals jullie jezelf noemen. Bijvoorbeeld: Buurtmoestuin De Peer.",
        validators=[reject_html, single_line],
    )
    kvk_number = forms.CharField(
        label="KvK-nummer",
        required=False,
        max_length=20,  # people type spaces and dots; clean_kvk_number keeps the 8 digits
        help_text="Niet verplicht. Het nummer bij de Kamer van Koophandel heeft 8 cijfers.",
    )
    municipality = MunicipalityField(
        label="Gemeente",
        help_text="Typ de naam van je gemeente. Je krijgt dan voorstellen. Bijvoorbeeld: Zwolle.",
        error_messages={
            "unknown": "Deze gemeente kennen we niet. Kies een gemeente uit de lijst, bijvoorbeeld Utrecht of "
            "Súdwest-Fryslân."
        },
    )
    area = forms.CharField(
        label="Wijk of dorp",
        required=False,
        max_length=120,
        help_text="Niet verplicht. Waar zijn jullie actief? Bijvoorbeeld: Oosterparkwijk of het dorp Ruinen.",
        validators=[reject_html, single_line],
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

    class Meta:
        model = Initiative
        fields = [
            "name",
            "kind",
            "legal_form",
            "kvk_number",
            "municipality",
            "area",
            "themes",
            "phase",
            "founded_year",
            "active_people",
            "description",
            "website",
            "social_links",
            "public_email",
            "needs",
        ]
        labels = {
            "kind": "Soort initiatief",
            "legal_form": "Rechtsvorm",
            "themes": "Thema's",
            "phase": "Fase",
            "founded_year": "Opgericht in (jaar)",
            "public_email": "Openbaar e-mailadres",
            "needs": "Wat hebben jullie nu nodig?",
        }
        help_texts = {
            "kind": "Kies wat het beste past. Twijfel je? Kies dan bewonersinitiatief.",
            "legal_form": (
                "Hebben jullie geen stichting of vereniging? Kies dan een informele groep. "
                "Een penvoerder is een organisatie die geld voor jullie ontvangt en beheert."
            ),
            "themes": "Kies een of meer thema's waar jullie aan werken.",
            "phase": "Hoe ver zijn jullie? Dat helpt anderen om jullie goed te helpen.",
            "founded_year": "Niet verplicht. Het jaar waarin jullie begonnen. Bijvoorbeeld: 2019.",
            "public_email": (
                "Niet verplicht. Vul je dit in, dan staat het op jullie pagina. Laat je het leeg, "
                "dan sturen bezoekers een bericht via een formulier. Jullie eigen adressen blijven dan verborgen."
            ),
            "needs": "Niet verplicht. Zo kunnen anderen en wij jullie beter helpen.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "legal_form": forms.RadioSelect,
            "themes": forms.CheckboxSelectMultiple,
            "phase": forms.RadioSelect,
            "founded_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "needs": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list[Initiative] = []
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                # Retired terms stay on the initiatives that have them, but are no longer offered.
                field.queryset = field.queryset.filter(is_active=True)
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
        super().clean()
        cleaned = self.cleaned_data
        name, municipality = cleaned.get("name"), cleaned.get("municipality")
        if name and municipality:
            duplicates = list(similar_initiatives(name, municipality, exclude=self.instance))
            if duplicates and not self.is_confirmed_new:
                self.ask_about(duplicates)
            else:
                self.duplicates = duplicates
        return cleaned

    @property
    def is_confirmed_new(self) -> bool:
        """The person ticked "ons initiatief staat er nog niet in" (after seeing the similar names)."""
        return bool(self.data.get("not_duplicate"))

    def ask_about(self, duplicates: list[Initiative]) -> None:
        """Show the similar initiatives and ask to confirm; also when one was registered at the very same moment."""
        self.duplicates = duplicates
        self.fields["not_duplicate"] = self._not_duplicate_field()
        self.add_error(
            "not_duplicate",
            "Er staat al een initiatief met een bijna gelijke naam in deze gemeente. "
            "Kijk of het jullie initiatief is. Is het een ander initiatief? Vink dan dit vakje aan.",
        )


class RegisterForm(SubmitOnceMixin, InitiativeForm):
    """A new initiative: the form of InitiativeForm, sent once (wdhs.forms.once) however often it is sent."""


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


class InviteForm(SubmitOnceMixin, forms.Form):
    """Invite a co-manager; sent twice (a double click) it sends one invitation, not a second that revokes it."""

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


class ProblemReportForm(PublicForm):
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


class ContactForm(PublicForm):
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
