from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator as DjangoMinimumLengthValidator
from django.core.exceptions import ValidationError


class MinimumLengthValidator(DjangoMinimumLengthValidator):
    """Django's length check with a Dutch message (6.1's Dutch catalogue lacks the new wording)."""

    def validate(self, password: str, user: object = None) -> None:
        if len(password) < self.min_length:
            raise ValidationError(
                f"Dit wachtwoord is te kort. Gebruik minstens {self.min_length} tekens.",
                code="password_too_short",
                params={"min_length": self.min_length},
            )

    def get_help_text(self) -> str:
        return f"Je wachtwoord moet minstens {self.min_length} tekens hebben."
