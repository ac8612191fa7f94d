from __future__ import annotations

import datetime
import time
from typing import TYPE_CHECKING, Any

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.utils import timezone

from goals.models import Goal, Indicator, Measurement, Milestone, Update
from initiatives.models import Initiative, Status
from wdhs.models import Municipality, Province, Term, User

PASSWORD = "een-Goed-wachtwoord-42"  # noqa: S105


class ModelFactory[M](factory.django.DjangoModelFactory[M]):
    """A factory whose call, like `ResourceFactory()`, is typed as the model it creates."""

    class Meta:
        abstract = True

    if TYPE_CHECKING:
        # factory-boy types .create() and .build(), but calling the class goes through its metaclass, which mypy
        # cannot follow (python/mypy#14122), so mypy would take the result for a factory instance.
        def __new__(cls, *args: Any, **kwargs: Any) -> M: ...  # type: ignore[misc]


class UserFactory(ModelFactory[User]):
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

    @factory.post_generation
    def totp(obj: User, create: bool, extracted: bool | None, **kwargs: Any) -> None:  # noqa: N805
        """Staff get an authenticator app, as the admin requires (wdhs/adminsite.py); `totp=False`: without one."""
        wanted = extracted if extracted is not None else (obj.is_staff or obj.is_superuser)
        if create and wanted:
            with_totp(obj)


def with_totp(user: User) -> str:
    """Give `user` an activated authenticator app (TOTP), as after its set-up; returns the secret.

    Staff made with UserFactory(is_staff=True) already have one. Someone made staff later (`user.is_staff =
    True`) needs this before the admin opens for them; `totp_code(secret)` is the code the app shows now.
    """
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def with_recovery_codes(user: User) -> list[str]:
    """Give `user` (who has an authenticator app) recovery codes; returns them, each usable once."""
    return RecoveryCodes.activate(user).get_unused_codes()


def totp_code(secret: str) -> str:
    """The code an authenticator app with `secret` shows now (RFC 6238, as allauth.mfa checks it)."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


class StaffFactory(UserFactory):
    """A coalition staff member: staff (may enter /beheer/) in the group "Coalitiemedewerkers" (wdhs/roles.py).

    Not a superuser: what staff may do comes from the group, so tests with this factory check the group's rights.
    """

    is_staff = True

    @factory.post_generation
    def groups(obj: User, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:  # noqa: N805
        from django.contrib.auth.models import Group

        from wdhs.roles import STAFF_GROUP, ensure_groups

        if create:
            # A flushed database (live-server tests) keeps the permissions but loses the groups.
            ensure_groups()
            obj.groups.set(Group.objects.filter(name__in=extracted if extracted is not None else [STAFF_GROUP]))


def municipality(name: str = "Utrecht") -> Municipality:
    """A municipality from the reference data loaded once for the test session."""
    return Municipality.objects.get(name=name)


def province(name: str = "Utrecht") -> Province:
    return Province.objects.get(name=name)


def term(vocabulary: str, slug: str) -> Term:
    return Term.objects.get(vocabulary=vocabulary, slug=slug)


# --- goals ---


def goal(number: int = 1) -> Goal:
    """One of the five goals, which come from the data migration."""
    return Goal.objects.get(number=number)


class IndicatorFactory(ModelFactory[Indicator]):
    class Meta:
        model = Indicator

    goal = factory.LazyFunction(lambda: goal(3))
    name = factory.Sequence(lambda n: f"Testindicator {n}")
    kind = "measured"
    unit = "wetten"


class MeasurementFactory(ModelFactory[Measurement]):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    date = datetime.date(2025, 1, 1)
    value = 1
    source_text = "Staatsblad"


class MilestoneFactory(ModelFactory[Milestone]):
    class Meta:
        model = Milestone

    goal = factory.LazyFunction(lambda: goal(1))
    date = datetime.date(2025, 6, 1)
    title = factory.Sequence(lambda n: f"Mijlpaal {n}")


class UpdateFactory(ModelFactory[Update]):
    class Meta:
        model = Update

    goal = factory.LazyFunction(lambda: goal(1))
    title = factory.Sequence(lambda n: f"Voortgangsbericht {n}")
    body = "Een korte tekst over de voortgang."
    is_published = True
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


# --- initiatives ---


class InitiativeFactory(ModelFactory[Initiative]):
    """A published initiative in Utrecht unless told otherwise."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Buurtinitiatief Voorbeeld {n}")
    kind = factory.LazyFunction(lambda: term("initiative_kind", "bewonersinitiatief"))
    legal_form = factory.LazyFunction(lambda: term("legal_form", "stichting"))
    phase = factory.LazyFunction(lambda: term("phase", "groeien"))
    municipality = factory.LazyFunction(lambda: municipality("Utrecht"))
    area = "Lombok"
    active_people = "6-15"
    description = "We maken samen de buurt groener en gezelliger."
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(obj: Initiative, create: bool, extracted: list[Term] | None, **kwargs: Any) -> None:  # noqa: N805
        if create:
            obj.themes.set(extracted if extracted is not None else [term("theme", "groen-en-leefomgeving")])

    @factory.post_generation
    def managers(obj: Initiative, create: bool, extracted: list[User] | None, **kwargs: Any) -> None:  # noqa: N805
        from initiatives.models import Membership

        if create:
            for user in extracted if extracted is not None else [UserFactory()]:
                Membership.objects.create(initiative=obj, user=user)


# --- knowledge ---

from knowledge.models import Membership, Organisation, Resource  # noqa: E402


class OrganisationFactory(ModelFactory[Organisation]):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisatie {n}")
    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    kind = "landelijk"
    description = "Wij helpen bewoners die samen iets doen in hun buurt."


class MembershipFactory(ModelFactory[Membership]):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    can_publish = False


class ResourceFactory(ModelFactory[Resource]):
    class Meta:
        model = Resource
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Kennisitem {n}")
    slug = factory.Sequence(lambda n: f"kennisitem-{n}")
    kind = factory.LazyFunction(lambda: term("knowledge_kind", "artikel"))
    summary = "Een korte uitleg in eenvoudig Nederlands."
    body = "## Waar begin je?\n\nBegin klein en zoek buren die mee willen doen."
    organisation = factory.SubFactory(OrganisationFactory)
    status = Resource.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    last_reviewed_at = factory.LazyAttribute(lambda o: o.published_at)

    @factory.post_generation
    def themes(obj: Resource, create: bool, extracted: list | None, **kwargs: Any) -> None:  # noqa: N805
        if create:
            obj.themes.set(extracted if extracted is not None else [term("theme", "zorg-en-welzijn")])

    @factory.post_generation
    def phases(obj: Resource, create: bool, extracted: list | None, **kwargs: Any) -> None:  # noqa: N805
        if create:
            obj.phases.set(extracted if extracted is not None else [term("phase", "starten")])


# --- funding and questions (knowledge app) ---

from knowledge.models import FundingScheme, Question  # noqa: E402


class FundingSchemeFactory(ModelFactory[FundingScheme]):
    """A national gift with no rules unless told otherwise; rules are set per test."""

    class Meta:
        model = FundingScheme

    name = factory.Sequence(lambda n: f"Regeling {n}")
    slug = factory.Sequence(lambda n: f"regeling-{n}")
    funder_name = "Voorbeeldfonds"
    kind = factory.LazyFunction(lambda: term("funding_kind", "gift"))
    summary = "Een gift voor bewoners die samen iets doen."
    apply_url = "https://example.org/aanvragen"


class QuestionFactory(ModelFactory[Question]):
    class Meta:
        model = Question

    name = "Anna de Vries"
    email = factory.Sequence(lambda n: f"vraagsteller{n}@example.org")
    text = "Hoe richten we een stichting op voor onze buurtmoestuin?"
    theme = factory.LazyFunction(lambda: term("theme", "zorg-en-welzijn"))
    consent_store = True


# --- task pages at /aan-de-slag/ (knowledge app) ---

from knowledge.models import Route, RouteStep, RouteStepLink  # noqa: E402


class RouteFactory(ModelFactory[Route]):
    class Meta:
        model = Route

    title = factory.Sequence(lambda n: f"Ik wil iets doen {n}")
    slug = factory.Sequence(lambda n: f"route-{n}")
    summary = "Van idee tot eerste stap."
    intro = "Volg deze stappen. Begin bij stap 1."
    position = factory.Sequence(lambda n: n)
    is_published = True


class RouteStepFactory(ModelFactory[RouteStep]):
    class Meta:
        model = RouteStep

    route = factory.SubFactory(RouteFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Stap {n}")
    text = "Wat je in deze stap doet."


class RouteStepLinkFactory(ModelFactory[RouteStepLink]):
    """A link to a public page of the portal unless a resource, scheme or organisation is given."""

    class Meta:
        model = RouteStepLink

    step = factory.SubFactory(RouteStepFactory)
    path = "/vraag/"
    label = "Stel je vraag"


from knowledge.models import Event  # noqa: E402


class EventFactory(ModelFactory[Event]):
    """A published meeting in a week's time, two hours long, in a community centre."""

    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    slug = factory.Sequence(lambda n: f"bijeenkomst-{n}")
    summary = "Een avond om ervaringen te delen met andere bewoners."
    organiser_name = "Voorbeeldnetwerk"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    location = "Buurthuis De Linde, Lindelaan 4, Utrecht"
