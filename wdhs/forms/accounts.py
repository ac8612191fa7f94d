from __future__ import annotations

from typing import Any

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.http import HttpRequest

from wdhs.models import User


class SignupForm(AllauthSignupForm):
    """Sign-up with e-mail, password and an optional display name."""

    display_name = forms.CharField(
        label="Je naam",
        max_length=120,
        required=False,
        help_text="Zo zien anderen je naam, bijvoorbeeld bij een initiatief.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )

    field_order = ["email", "display_name", "password1", "password2"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = "We sturen een link naar dit adres. Daarmee bevestig je dat het van jou is."
        self.fields["password1"].help_text = "Minstens 10 tekens. Kies iets wat je niet ook ergens anders gebruikt."

    def clean_email(self) -> str:
        email = self.data.get("email", "")
        if len(email) > 254:
            raise forms.ValidationError("Dit e-mailadres is te lang. Een e-mailadres heeft hoogstens 254 tekens.")
        return super().clean_email()

    def clean_display_name(self) -> str:
        name = self.cleaned_data["display_name"].strip()
        if any(ch in name for ch in "<>{}"):
            raise forms.ValidationError("Gebruik in je naam geen tekens als < > { }.")
        return name

    def save(self, request: HttpRequest) -> User:
        user = super().save(request)
        if self.cleaned_data.get("display_name"):
            user.display_name = self.cleaned_data["display_name"]
            user.save(update_fields=["display_name"])
        return user


class AccountDeleteForm(forms.Form):
    """Asks for the password once more before an account is removed for good."""

    password = forms.CharField(
        label="Je wachtwoord",
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="Zo weten we zeker dat jij het bent.",
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("Dit wachtwoord klopt niet. Probeer het nog eens.")
        return password
