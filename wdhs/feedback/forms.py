from __future__ import annotations

from typing import Any

from django import forms

from wdhs.forms.fields import reject_html
from wdhs.forms.public import PublicForm
from wdhs.models import PageFeedback

Kind = PageFeedback.Kind
MAX_MESSAGE = 2000
CHOICES = [(Kind.USEFUL.value, "Ja"), (Kind.NOT_USEFUL.value, "Nee"), (Kind.ERROR.value, "Ik wil een fout melden")]


class FeedbackForm(PublicForm):
    kind = forms.ChoiceField(
        label="Was deze pagina nuttig?",
        choices=CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies Ja, Nee of een fout melden.",
            "invalid_choice": "Kies Ja, Nee of een fout melden.",
        },
    )
    message = forms.CharField(
        label="Wat mist er, of wat klopt er niet?",
        required=False,
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=(
            f"Niet verplicht, behalve bij een fout. Zet er geen namen of adressen in. Hoogstens {MAX_MESSAGE} tekens."
        ),
        validators=[reject_html],
        error_messages={"max_length": f"Je tekst is te lang. Gebruik hoogstens {MAX_MESSAGE} tekens."},
    )
    email = forms.EmailField(
        label="Je e-mailadres",
        required=False,
        max_length=254,
        help_text="Niet verplicht. Alleen als je een antwoord wilt. We gebruiken het alleen daarvoor.",
        error_messages={"invalid": "Dit is geen e-mailadres. Een e-mailadres ziet eruit als naam@voorbeeld.nl."},
    )
    field_order = ["kind", "message", "email", "website_url"]

    def __init__(self, *args: Any, allow_error: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not allow_error:
            # This kind of page has its own way to report an error (an initiative: "Probleem melden").
            field = self.fields["kind"]
            assert isinstance(field, forms.ChoiceField)
            field.choices = [choice for choice in CHOICES if choice[0] != Kind.ERROR]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == Kind.ERROR and not (data.get("message") or "").strip():
            self.add_error("message", "Vertel kort wat er niet klopt, dan kunnen we het verbeteren.")
        return data
