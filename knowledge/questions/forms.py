# ruff: noqa: E501 - Dutch prose for visitors reads better unwrapped
"""Forms for "Stel je vraag": the question itself and the partner's answer."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from knowledge.models import Organisation, Question
from wdhs.forms.fields import MunicipalityField, reject_html, single_line
from wdhs.forms.public import PublicForm
from wdhs.models import Term

QUESTION_MIN, QUESTION_MAX = 20, 3000
PARTNER_UNKNOWN = (
    "De partner die je koos, kennen we niet (meer). Open de vraag opnieuw vanaf de pagina van de partner, "
    "of stel je vraag zonder partner: dan kiest het portaal wie antwoordt."
)
ANSWER_MIN, ANSWER_MAX = 20, 5000


class AskForm(PublicForm):
    name = forms.CharField(
        label="Je naam",
        max_length=120,
        validators=[reject_html, single_line],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label="Je e-mailadres",
        max_length=254,
        help_text="Hier sturen we het antwoord naartoe. We zetten het nergens online.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    municipality = MunicipalityField(
        label="Je gemeente",
        required=False,
        help_text="Dan zoeken we een partner bij jou in de buurt. Bijvoorbeeld: Zwolle.",
    )
    theme = forms.ChoiceField(
        label="Waar gaat je vraag over?",
        required=False,
        help_text="Weet je het niet? Dan kiest de redactie wie je vraag beantwoordt.",
        error_messages={"invalid_choice": "Dit thema kennen we niet. Kies een thema uit de lijst."},
    )
    text = forms.CharField(
        label="Je vraag",
        min_length=QUESTION_MIN,
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text="Vertel kort wat je wilt weten en wat je al geprobeerd hebt. Zet er geen gegevens van anderen in.",
        error_messages={
            "min_length": f"Je vraag is erg kort. Gebruik minstens {QUESTION_MIN} tekens, dan kunnen we je beter helpen.",
            "max_length": f"Je vraag is te lang. Gebruik hoogstens {QUESTION_MAX} tekens.",
        },
    )
    consent_store = forms.BooleanField(
        label="Ik geef toestemming om mijn vraag, naam en e-mailadres te bewaren om mijn vraag te beantwoorden.",
        help_text="We verwijderen je naam en e-mailadres 12 maanden na het antwoord.",
        error_messages={"required": "Zonder je toestemming kunnen we je vraag niet bewaren en beantwoorden."},
    )
    consent_publish = forms.BooleanField(
        label="Mag dit anoniem als voorbeeld op het platform?",
        required=False,
        help_text="Dan kunnen anderen leren van je vraag en het antwoord. We laten je naam, e-mailadres en gemeente weg.",
    )

    # "Stel deze partner je vraag": the partner chosen on a page (/vraag/?partner=<slug>), carried in the form.
    partner = forms.SlugField(
        required=False,
        max_length=80,
        widget=forms.HiddenInput,
        error_messages={"invalid": PARTNER_UNKNOWN, "max_length": PARTNER_UNKNOWN},
    )

    field_order = [
        "name",
        "email",
        "municipality",
        "theme",
        "text",
        "consent_store",
        "consent_publish",
        "partner",
        "website_url",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["theme"]).choices = [("", "Weet ik niet")] + [
            (t.slug, t.name) for t in Term.objects.themes()
        ]

    def clean_partner(self) -> Organisation | None:
        slug = self.cleaned_data.get("partner")
        if not slug:
            return None
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            raise forms.ValidationError(PARTNER_UNKNOWN, code="unknown")
        return organisation

    def theme_term(self) -> Term | None:
        slug = self.cleaned_data.get("theme")
        return Term.objects.themes().filter(slug=slug).first() if slug else None


PREFILL_MAX = 200  # a search query is at most this long (wdhs.search.query.MAX_QUERY_LENGTH)


class PrefillForm(forms.Form):
    """`/vraag/?vraag=...`: the question text that a search page fills in, checked like typed input."""

    vraag = forms.CharField(max_length=PREFILL_MAX, validators=[reject_html, single_line])

    def text(self) -> str:
        return " ".join(self.cleaned_data["vraag"].split())


class PartnerForm(forms.Form):
    """`/vraag/?partner=<slug>`: the partner a page suggests ("Stel deze partner je vraag")."""

    partner = forms.SlugField(max_length=80)

    def organisation(self) -> Organisation | None:
        return Organisation.objects.filter(slug=self.cleaned_data["partner"]).first()


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Je antwoord",
        min_length=ANSWER_MIN,
        max_length=ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="De vraagsteller krijgt dit antwoord per e-mail. Schrijf in eenvoudige taal, en noem waar iemand verder kan.",
        error_messages={
            "required": "Schrijf eerst je antwoord.",
            "min_length": f"Je antwoord is erg kort. Gebruik minstens {ANSWER_MIN} tekens.",
            "max_length": f"Je antwoord is te lang. Gebruik hoogstens {ANSWER_MAX} tekens.",
        },
    )


PASS_ON_NOTE_MAX = 500
STAFF_TARGET = "coalitie-redactie"  # knowledge.questions.services.STAFF_TARGET


class PassOnForm(forms.Form):
    """Pass a question on to another partner with editors, or back to the editorial team, with a note."""

    target = forms.ChoiceField(
        label="Naar wie stuur je de vraag?",
        error_messages={
            "required": "Kies naar wie je de vraag stuurt.",
            "invalid_choice": "Kies een organisatie uit de lijst, of de redactie van de coalitie.",
        },
    )
    note = forms.CharField(
        label="Waarom past de vraag daar beter?",
        max_length=PASS_ON_NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": PASS_ON_NOTE_MAX}),
        help_text="De nieuwe beantwoorder leest dit. De vraagsteller ziet het niet. Hoogstens 500 tekens.",
        error_messages={
            "required": "Schrijf kort waarom de vraag daar beter past.",
            "max_length": f"Je toelichting is te lang. Gebruik hoogstens {PASS_ON_NOTE_MAX} tekens.",
        },
    )

    def __init__(self, *args: Any, question: Question, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only partners with an editor can answer; a few hundred at most, in one query.
        partners = (
            Organisation.objects.filter(memberships__isnull=False)
            .exclude(pk=question.organisation_id or 0)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        )
        choices: list[tuple[str, str]] = [("", "Kies een organisatie")]
        if question.organisation_id is not None:
            choices.append((STAFF_TARGET, "Redactie van de coalitie (terug naar de redactie)"))
        choices.extend(partners)
        cast(forms.ChoiceField, self.fields["target"]).choices = choices

    def clean_note(self) -> str:
        return " ".join(str(self.cleaned_data.get("note") or "").split())

    def target_organisation(self) -> Organisation | None:
        """The chosen Organisation, or None for the editorial team."""
        target = self.cleaned_data["target"]
        return None if target == STAFF_TARGET else Organisation.objects.get(slug=target)
