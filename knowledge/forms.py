from __future__ import annotations

import re
from typing import Any, cast

from django import forms

from knowledge.models import Organisation, OrganisationQuerySet, Resource
from knowledge.uploads import (
    ALLOWED_ATTACHMENTS,
    MAX_ATTACHMENT_SIZE,
    CheckedFile,
    check_upload,
)
from wdhs.forms.fields import MunicipalityField
from wdhs.forms.once import SubmitOnceMixin
from wdhs.models import Province, Term

TOOL_KIND = "tool-of-sjabloon"
TRAINING_KIND = "training"


class ResourceForm(forms.ModelForm):
    # A text box with suggestions (a <datalist>, no JavaScript), like the public forms; not a select of 340 names.
    municipality = MunicipalityField(
        label="Gemeente",
        required=False,
        help_text="Alleen als dit voor één gemeente geldt. Typ de naam; je krijgt voorstellen. Bijvoorbeeld: Zwolle.",
    )
    attachment = forms.FileField(
        label="Bijlage toevoegen",
        required=False,
        help_text=(
            "PDF, DOCX, ODT, XLSX, ODS, PNG of JPG. Hoogstens 10 MB; een afbeelding hoogstens 4000 bij 4000 pixels."
        ),
    )
    attachment_title = forms.CharField(
        label="Titel van de bijlage", required=False, max_length=160, help_text="Bijvoorbeeld: Sjabloon begroting."
    )

    class Meta:
        model = Resource
        fields = [
            "organisation",
            "kind",
            "title",
            "summary",
            "body",
            "themes",
            "phases",
            "audience",
            "scope",
            "province",
            "municipality",
            "event_starts_at",
            "event_place",
            "author_name",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3, "maxlength": 300}),
            "body": forms.Textarea(attrs={"rows": 18}),
            "themes": forms.CheckboxSelectMultiple,
            "phases": forms.CheckboxSelectMultiple,
            "event_starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        }

    def __init__(self, *args: Any, organisations: OrganisationQuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The ModelForm made these fields from the model fields; self.fields types them only as Field.
        fields = self.fields
        cast(forms.ModelChoiceField, fields["organisation"]).queryset = organisations
        cast(forms.ModelChoiceField, fields["kind"]).queryset = Term.objects.knowledge_kinds()
        cast(forms.ModelMultipleChoiceField, fields["themes"]).queryset = Term.objects.themes()
        cast(forms.ModelMultipleChoiceField, fields["phases"]).queryset = Term.objects.phases()
        cast(forms.ModelChoiceField, fields["province"]).queryset = Province.objects.all()
        cast(forms.DateTimeField, fields["event_starts_at"]).input_formats = [
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
            "%d-%m-%Y %H:%M",
        ]
        if organisations.count() == 1:
            fields["organisation"].initial = organisations.first()
        self.checked_file: CheckedFile | None = None

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        if upload:
            self.checked_file = check_upload(upload, allowed=ALLOWED_ATTACHMENTS, max_size=MAX_ATTACHMENT_SIZE)
        return upload

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        scope = data.get("scope")
        if scope == Resource.Scope.PROVINCE and not data.get("province"):
            self.add_error("province", "Kies de provincie waar dit voor geldt.")
        if scope == Resource.Scope.MUNICIPALITY and not data.get("municipality"):
            self.add_error("municipality", "Kies de gemeente waar dit voor geldt.")
        if scope != Resource.Scope.PROVINCE:
            data["province"] = None
        if scope != Resource.Scope.MUNICIPALITY:
            data["municipality"] = None
        kind = data.get("kind")
        if kind and kind.slug == TRAINING_KIND:
            if not data.get("event_starts_at"):
                self.add_error("event_starts_at", "Vul de datum en tijd van de training of bijeenkomst in.")
            if not data.get("event_place"):
                self.add_error("event_place", "Vul de plaats in, of 'online'.")
        if kind and kind.slug == TOOL_KIND and not data.get("attachment"):
            has_file = self.instance.pk and self.instance.attachments.exists()
            if not has_file:
                self.add_error("attachment", "Een tool of sjabloon heeft een bestand. Voeg een bijlage toe.")
        return data

    def save(self, commit: bool = True) -> Resource:
        resource = super().save(commit=False)
        resource.province = self.cleaned_data.get("province")
        resource.municipality = self.cleaned_data.get("municipality")
        if commit:
            resource.save()
            self.save_m2m()
        return resource


class ResourceCreateForm(SubmitOnceMixin, ResourceForm):
    """A new knowledge item: sent twice (a double click), it makes one draft (wdhs.forms.once)."""


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "description",
            "website",
            "logo",
            "themes",
            "is_national",
            "provinces",
            "services",
            "contact",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4, "maxlength": 500}),
            "themes": forms.CheckboxSelectMultiple,
            "provinces": forms.CheckboxSelectMultiple,
            "services": forms.Textarea(attrs={"rows": 5}),
            "contact": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["themes"]).queryset = Term.objects.themes()


NOTE_MAX_LENGTH = 300  # StatusChange.note


class StatusForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            ("submit", "Ter beoordeling aanbieden"),
            ("publish", "Publiceren"),
            ("sendback", "Terugsturen naar de schrijver"),
            ("withdraw", "Terugzetten naar concept"),
            ("archive", "Archiveren"),
            ("reviewed", "Nog actueel"),
        ]
    )
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": NOTE_MAX_LENGTH}),
        help_text=(
            "Verplicht als je het item terugstuurt: schrijf wat de schrijver moet aanpassen. "
            "De schrijver krijgt dit per e-mail en ziet het bij de geschiedenis. Hoogstens 300 tekens."
        ),
        error_messages={"max_length": "Je toelichting is te lang. Gebruik hoogstens 300 tekens."},
    )

    def clean_note(self) -> str:
        # One line in the history and in the mail: line breaks and other control characters become spaces.
        return " ".join(re.sub(r"[\x00-\x1f\x7f]", " ", str(self.cleaned_data.get("note") or "")).split())

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("action") == "sendback" and not data.get("note"):
            self.add_error("note", "Schrijf wat de schrijver moet aanpassen. Dan weet die wat er beter kan.")
        return data
