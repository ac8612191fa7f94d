from __future__ import annotations

from typing import Any

import factory
from allauth.account.models import EmailAddress

from wdhs.models import Municipality, Province, Term, User

PASSWORD = "een-Goed-wachtwoord-42"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Persoon {n}")

    @factory.post_generation
    def password(obj: User, create: bool, extracted: str | None, **kwargs: Any) -> None:  # noqa: N805
        obj.set_password(extracted or PASSWORD)
        if create:
            obj.save(update_fields=["password"])
            EmailAddress.objects.get_or_create(user=obj, email=obj.email, defaults={"verified": True, "primary": True})


def municipality(name: str = "Utrecht") -> Municipality:
    """A municipality from the reference data loaded once for the test session."""
    return Municipality.objects.get(name=name)


def province(name: str = "Utrecht") -> Province:
    return Province.objects.get(name=name)


def term(vocabulary: str, slug: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, slug=slug)
