"""Every page type of the portal that the browser tests scan (axe-core, HTML checker, reflow, screenshots).

Adding a page is adding one line. `path` is a URL path, or a function that makes the data the page
needs (with factories; it runs inside the test database) and returns the path. `then` runs in the
browser after the page loaded, for a state that only exists after an action (a form with errors).
When your app lands, add its list pages, detail pages and forms here, both public and logged-in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Page:
    name: str  # test id and screenshot file name
    path: str | Callable[[], str]
    status: int = 200
    then: Callable[[Any], None] | None = None  # gets the Playwright page
    screenshots: bool = True  # a key page: save it at 360 and 1280 px
    reflow: bool = True  # False only for layout that is not ours (Django's admin), with the reason next to it

    def resolve(self) -> str:
        return self.path() if callable(self.path) else self.path


def submit_empty(page: Any) -> None:
    """Send the form on the page as it is, by keyboard: the state where the error summary shows."""
    page.locator("main form.wdhs-form input:visible").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def submit_wrong_email(page: Any) -> None:
    page.locator("#id_email").fill("geen-adres")
    page.locator("#id_password1").fill("kort")
    with page.expect_navigation():
        page.locator("#id_password1").press("Enter")


def submit_without_csrf_cookie(page: Any) -> None:
    """A form sent after the CSRF cookie is gone (cookies blocked, or the session expired): the 403 page."""
    page.context.clear_cookies()
    page.locator("#id_login").fill("iemand@example.org")
    page.locator("#id_password").fill("een-wachtwoord-123")
    with page.expect_navigation():
        page.locator("#id_password").press("Enter")


def password_reset_link() -> str:
    """The link from the password-reset mail, for a person who exists."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    from tests.factories import UserFactory

    person = UserFactory()
    return f"/accounts/password/reset/key/{user_pk_to_url_str(person)}-{default_token_generator.make_token(person)}/"


# --- the apps: data for the pages (runs inside the test database, before the browser opens the page) ---

# The person test_logged_in_page logs in; a `path` function finds them here to give them a role first.
LOGGED_IN_EMAIL = "sannedevriesvandenberg@bewonersinitiatiefooststellingwerf.example.org"


def logged_in_person() -> Any:
    from wdhs.models import User

    return User.objects.get(email=LOGGED_IN_EMAIL)


def _resource_with_attachment(**extra: Any) -> Any:
    from django.core.files.base import ContentFile

    from knowledge.models import Attachment
    from tests.documents import ODT_MIMETYPE, odt_document
    from tests.factories import ResourceFactory, term

    resource = ResourceFactory(
        title="Welke rechtsvorm past bij jullie?",
        kind=term("knowledge_kind", "handleiding"),
        summary="Informele groep, vereniging, stichting of coöperatie? Lees wat bij jullie plan past.",
        body="## Eerst: waarom een rechtsvorm?\n\nMet een rechtsvorm kan je groep zelf een contract tekenen.\n\n"
        "- een vereniging\n- een stichting\n- een coöperatie",
        **extra,
    )
    data = odt_document(["Keuzehulp rechtsvorm", "Vraag 1: hebben jullie leden?"])
    attachment = Attachment(
        resource=resource,
        title="Keuzehulp rechtsvorm",
        original_name="keuzehulp.odt",
        content_type=ODT_MIMETYPE,
        size=len(data),
    )
    attachment.file.save("keuzehulp.odt", ContentFile(data), save=False)
    attachment.save()
    ResourceFactory(title="Een vereniging oprichten", organisation=resource.organisation)
    return resource


def knowledge_list_filtered() -> str:
    from tests.factories import ResourceFactory, term

    _resource_with_attachment(phases=[term("phase", "starten"), term("phase", "idee")])
    ResourceFactory(title="Vrijwilligers vinden en houden")
    return "/kennis/?fase=starten&soort=handleiding"


def knowledge_list_search() -> str:
    _resource_with_attachment()
    return "/kennis/?q=rechtsvorm"


def resource_detail() -> str:
    return _resource_with_attachment().get_absolute_url()


def feedback_form() -> str:
    """ "Was deze pagina nuttig?" after "Nee" under a knowledge page (wdhs.feedback)."""
    from tests.factories import ResourceFactory

    resource = ResourceFactory(title="Vrijwilligers verzekeren")
    return f"/reactie/kennis/{resource.slug}/?antwoord=nee"


def submit_by_button(page: Any) -> None:
    with page.expect_navigation():
        page.locator("main form.wdhs-form button[type='submit']").click()


def feedback_error_form() -> str:
    from tests.factories import FundingSchemeFactory

    return f"/reactie/regeling/{FundingSchemeFactory().slug}/?antwoord=fout"


def organisation_list() -> str:
    from tests.factories import OrganisationFactory

    OrganisationFactory(name="Landelijk Samenwerkingsverband Aandachtswijken")
    OrganisationFactory(name="Katalys", kind="landelijk")
    return "/organisaties/?soort=landelijk"


def organisation_list_search() -> str:
    from tests.factories import OrganisationFactory

    OrganisationFactory(name="Vrijwilligerspunt", description="Wij helpen vrijwilligers en organisaties.")
    return "/organisaties/?q=vrijwilligers"


def organisation_detail() -> str:
    return _resource_with_attachment().organisation.get_absolute_url()


def _initiatives() -> Any:
    from tests.factories import InitiativeFactory, municipality, term

    InitiativeFactory(name="Energiecoöperatie De Zonnewijk", municipality=municipality("Zwolle"))
    InitiativeFactory(name="Repair Café Lombok", themes=[term("theme", "ontmoeting-en-cultuur")])
    return InitiativeFactory(
        name="Buurtmoestuin De Groene Hoek",
        description="Met buren kweken we groente op een braakliggend stuk grond.\n\nIedereen mag meedoen.",
        website="https://example.org/groene-hoek",
    )


def initiative_list_filtered() -> str:
    _initiatives()
    return "/initiatieven/?provincie=utrecht&thema=groen-en-leefomgeving"


def initiative_detail() -> str:
    return _initiatives().get_absolute_url()


def initiative_map() -> str:
    _initiatives()
    return "/initiatieven/kaart/"


def initiative_map_province() -> str:
    _initiatives()
    return "/initiatieven/kaart/?provincie=utrecht"


def initiative_report() -> str:
    return _initiatives().get_absolute_url() + "melden/"


def initiative_contact() -> str:
    from tests.factories import InitiativeFactory

    return (
        InitiativeFactory(name="Buurthuis Het Anker", public_email="anker@example.org").get_absolute_url() + "contact/"
    )


def initiative_manage() -> str:
    from tests.factories import InitiativeFactory

    return InitiativeFactory(name="Voedselbank Oost", managers=[logged_in_person()]).get_manage_url()


def initiative_edit() -> str:
    return initiative_manage() + "bewerken/"


def account_delete_sole_manager() -> str:
    """The delete page of someone who manages two initiatives alone: the warning lists them first."""
    from tests.factories import InitiativeFactory

    for name in ("Voedselbank Oost", "Repair Café Bewonersinitiatief Ooststellingwerf en omstreken"):
        InitiativeFactory(name=name, managers=[logged_in_person()])
    return "/mijn/account-verwijderen/"


def initiative_manage_pending() -> str:
    from initiatives.models import Status
    from tests.factories import InitiativeFactory

    return InitiativeFactory(
        name="Speeltuin De Kastanje", status=Status.SUBMITTED, published_at=None, managers=[logged_in_person()]
    ).get_manage_url()


def nearby_place() -> str:
    from tests.factories import FundingSchemeFactory, InitiativeFactory, OrganisationFactory, municipality, province

    InitiativeFactory(name="Buurtkamer Oldehove", municipality=municipality("Leeuwarden"), area="Oldehove")
    InitiativeFactory(name="Dorpshuis Garyp", municipality=municipality("Tytsjerksteradiel"), area="Garyp")
    scheme = FundingSchemeFactory(name="Mienskipsfonds", scope="regio")
    scheme.provinces.set([province("Fryslân")])
    partner = OrganisationFactory(name="Steunpunt Mienskip Leeuwarden", is_national=False, kind="lokaal")
    partner.municipalities.set([municipality("Leeuwarden")])
    return "/in-de-buurt/?plaats=Ljouwert"


def _schemes() -> Any:
    from tests.factories import FundingSchemeFactory

    FundingSchemeFactory(name="Buurtfonds Zwolle", summary="Voor kleine plannen in Zwolle.")
    FundingSchemeFactory(name="Fonds voor de wijk", summary="Geld voor ontmoeting in de buurt.")
    return FundingSchemeFactory(
        name="Oranje Fonds Groen", summary="Een gift voor groene plannen van bewoners.", funder_name="Oranje Fonds"
    )


def funding_finder() -> str:
    _schemes()
    return "/financiering/"


def funding_finder_answered() -> str:
    _schemes()
    return "/financiering/?doel=eendaags&bedrag=2500&thema=groen-en-leefomgeving&rechtsvorm=stichting&fase=starten"


def funding_finder_search() -> str:
    _schemes()
    return "/financiering/?q=buurt"


def funding_finder_search_answered() -> str:
    _schemes()
    return "/financiering/?q=groene&doel=eendaags&rechtsvorm=stichting"


def funding_finder_bad_answer() -> str:
    _schemes()
    return "/financiering/?bedrag=-5&gemeente=Atlantis&opgericht=3000"


def funding_detail() -> str:
    return _schemes().get_absolute_url()


def _events() -> Any:
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import EventFactory, OrganisationFactory, term

    now = timezone.now()
    EventFactory(
        title="Webinar: een zorgcoöperatie in je dorp starten met een heel lange titel die moet afbreken",
        location="",
        online_url="https://example.org/webinar",
        is_cancelled=True,
    )
    EventFactory(
        title="Bijeenkomst buurtmoestuinen", starts_at=now - timedelta(days=9), ends_at=now - timedelta(days=9)
    )
    event = EventFactory(
        title="Training: vrijwilligers vinden en houden",
        organisation=OrganisationFactory(name="Vereniging NOV"),
        signup_url="https://example.org/aanmelden",
        description="Een ochtend oefenen.\n\nJe gaat naar huis met een plan.",
    )
    event.themes.add(term("theme", "zorg-en-welzijn"), term("theme", "ontmoeting-en-cultuur"))
    return event


def agenda() -> str:
    _events()
    return "/agenda/"


def agenda_past() -> str:
    _events()
    return "/agenda/afgelopen/"


def agenda_event() -> str:
    return _events().get_absolute_url()


def embed_initiatives() -> str:
    from tests.factories import InitiativeFactory, term

    InitiativeFactory(name="Wooncoöperatie De Dijk met een heel lange naam die in een smalle kolom moet afbreken")
    InitiativeFactory(name="Buurtmoestuin Lombok", themes=[term("theme", "wonen")])
    return "/embed/initiatieven/?gemeente=utrecht&aantal=3"


def embed_knowledge() -> str:
    _resource_with_attachment()
    return "/embed/kennis/?soort=handleiding"


def embed_agenda() -> str:
    _events()
    return "/embed/agenda/"


def embed_builder() -> str:
    _resource_with_attachment()
    return "/embed/?lijst=kennis&thema=zorg-en-welzijn&aantal=3"


def _alert() -> Any:
    from tests.factories import province, term
    from wdhs.alerts.models import Region, Subscription

    alert = Subscription.objects.create(
        email="lezer@example.org", kinds=["kennis", "agenda"], region=Region.PROVINCE, province=province("Gelderland")
    )
    alert.themes.set([term("theme", "energie-en-klimaat")])
    return alert


def alert_confirm() -> str:
    from django.urls import reverse

    from wdhs.alerts.tokens import confirm_token

    return reverse("alerts:confirm", args=[confirm_token(_alert().token)])


def alert_unsubscribe() -> str:
    from django.urls import reverse

    from wdhs.alerts.tokens import unsubscribe_token

    return reverse("alerts:unsubscribe", args=[unsubscribe_token(_alert().token)])


def alert_edit() -> str:
    from django.urls import reverse

    from wdhs.alerts.tokens import edit_token

    return reverse("alerts:edit", args=[edit_token(_alert().token)])


def my_alert_edit() -> str:
    from django.urls import reverse

    from tests.factories import term
    from wdhs.alerts.models import Subscription

    person = logged_in_person()
    alert = Subscription.objects.create(email=person.email, user=person, kinds=["kennis"])
    alert.themes.set([term("theme", "energie-en-klimaat")])
    return reverse("alerts:mine_edit", args=[alert.pk])


def uncheck_kinds_and_send(page: Any) -> None:
    """Leave every kind of news unticked: the alert form's error summary."""
    for box in page.locator("input[name='kinds']").all():
        box.uncheck()
    submit_by_button(page)


def unsubscribe_by_button(page: Any) -> None:
    with page.expect_navigation():
        page.locator("main form button[type='submit']").click()


def _route() -> Any:
    from tests.factories import ResourceFactory, RouteFactory, RouteStepFactory, RouteStepLinkFactory

    route = RouteFactory(title="Ik wil iets starten", slug="iets-starten", intro="Volg deze stappen.")
    for number, title in enumerate(("Schrijf je plan op", "Kies een rechtsvorm", "Zoek geld"), start=1):
        step = RouteStepFactory(route=route, position=number, title=title)
        RouteStepLinkFactory(step=step, path="", label="", resource=ResourceFactory())
        RouteStepLinkFactory(step=step)
    return route


def route_list() -> str:
    _route()
    return "/aan-de-slag/"


def route_detail() -> str:
    return _route().get_absolute_url()


def _goals_with_update() -> Any:
    from tests.factories import MeasurementFactory, UpdateFactory, goal

    MeasurementFactory(indicator__goal=goal(3))
    return UpdateFactory(goal=goal(1), title="Het kennisplatform gaat open", slug="kennisplatform-gaat-open")


def goals_index() -> str:
    _goals_with_update()
    return "/doelen/"


def goal_detail() -> str:
    _goals_with_update()
    return "/doelen/1/"


def goal_laws() -> str:
    """Goal 3 with its legislation tracker, a target and a live count."""
    from goals.models import Indicator, Regulation

    Regulation.objects.create(
        title="Right to Challenge in de Wmo",
        area=Regulation.Area.WMO,
        status=Regulation.Status.IN_FORCE,
        summary="Bewoners mogen vragen of zij een taak van de gemeente zelf mogen doen.",
        position="Gemeenten maken het echt mogelijk.",
        position_adopted=True,
        link="https://example.org/wmo",
    )
    Indicator.objects.filter(goal__number=3, is_main=True).update(target_value=4)
    return "/doelen/3/"


def goal_year_over() -> str:
    """Goal 5, whose target year 2025 is over: what was reached and what follows."""
    from goals.models import Goal, Indicator

    Indicator.objects.filter(goal__number=5, is_main=True).update(target_value=100)
    Goal.objects.filter(number=5).update(after_target_year="Het werk gaat door in 2026.")
    return "/doelen/5/"


def goal_update() -> str:
    return _goals_with_update().get_absolute_url()


def goals_dashboard() -> str:
    from django.contrib.auth.models import Group

    from wdhs.roles import STAFF_GROUP, ensure_groups

    person = logged_in_person()
    person.is_staff = True
    person.save(update_fields=["is_staff"])
    ensure_groups()
    person.groups.add(Group.objects.get(name=STAFF_GROUP))
    _goals_with_update()
    return "/doelen/dashboard/"


def question_rate_limited() -> str:
    """The ask form after too many questions from one address: the next one gets the 429 page."""
    from django.core.cache import cache

    for address in ("127.0.0.1", "::1"):
        cache.set(f"wdhs:rate:questions-ask:{address}", 99, timeout=600)
    return "/vraag/"


def search_results() -> str:
    from tests.factories import FundingSchemeFactory, InitiativeFactory

    _resource_with_attachment()
    InitiativeFactory(name="Stichting Buurtkracht", description="Een stichting voor de buurt.")
    FundingSchemeFactory(name="Startfonds stichtingen", summary="Voor een nieuwe stichting.")
    return "/zoeken/?q=stichting"


def search_fewer_words() -> str:
    from tests.factories import InitiativeFactory, ResourceFactory

    ResourceFactory(title="Samen een moestuin beginnen", summary="Groenten kweken met de buurt.")
    InitiativeFactory(name="Moestuin De Groene Vingers", description="Elke zaterdag tuinieren.")
    return "/zoeken/?q=hoe+kan+ik+een+moestuin+opzetten"


def knowledge_list_fewer_words() -> str:
    from tests.factories import ResourceFactory

    ResourceFactory(title="Subsidie aanvragen voor je buurthuis", summary="Geld voor een ontmoetingsplek.")
    return "/kennis/?q=subsidie+voor+onze+xylofoonclub"


def initiative_list_fewer_words() -> str:
    from tests.factories import InitiativeFactory

    InitiativeFactory(name="Moestuin De Groene Vingers", description="Elke zaterdag tuinieren.")
    return "/initiatieven/?q=moestuin+opzetten"


def search_typo() -> str:
    from tests.factories import ResourceFactory

    ResourceFactory(title="Vrijwilligers vinden en houden")
    return "/zoeken/?q=vrijwiligers"


def _editor(can_publish: bool = False) -> Any:
    from tests.factories import MembershipFactory

    return MembershipFactory(user=logged_in_person(), can_publish=can_publish).organisation


def editor_dashboard() -> str:
    from knowledge.models import Resource
    from tests.factories import ResourceFactory

    organisation = _editor()
    ResourceFactory(title="Een buurtbudget aanvragen", organisation=organisation, status=Resource.Status.DRAFT)
    ResourceFactory(title="Welke rechtsvorm past bij jullie?", organisation=organisation)
    return "/mijn/kennis/"


def editor_resource_new() -> str:
    _editor()
    return "/mijn/kennis/nieuw/"


def editor_resource_edit() -> str:
    from knowledge.models import Resource

    resource = _resource_with_attachment(organisation=_editor(), status=Resource.Status.DRAFT, published_at=None)
    return f"/mijn/kennis/{resource.slug}/"


def editor_organisation() -> str:
    return f"/mijn/kennis/organisatie/{_editor().slug}/"


def question_inbox() -> str:
    from tests.factories import QuestionFactory

    organisation = _editor()
    QuestionFactory(organisation=organisation)
    QuestionFactory(organisation=organisation, text="Mogen we geld inzamelen met een loterij?")
    return "/mijn/vragen/"


def question_answer() -> str:
    from tests.factories import QuestionFactory

    return f"/mijn/vragen/{QuestionFactory(organisation=_editor()).pk}/"


def admin_index() -> str:
    from tests.factories import with_totp

    person = logged_in_person()
    person.is_staff = True
    person.is_superuser = True
    person.save(update_fields=["is_staff", "is_superuser"])
    with_totp(person)  # the admin opens only for staff with two-factor log-in (wdhs/adminsite.py)
    return "/beheer/"


def two_factor_on() -> str:
    """The two-factor overview of someone with an authenticator app and recovery codes."""
    from tests.factories import with_recovery_codes, with_totp

    person = logged_in_person()
    with_totp(person)
    with_recovery_codes(person)
    return "/accounts/2fa/"


def confirm_password(page: Any) -> None:
    """allauth asks the password again before the authenticator app is set up: give it, land on the set-up."""
    from tests.factories import PASSWORD

    page.locator("#id_password").fill(PASSWORD)
    with page.expect_navigation():
        page.locator("main form.wdhs-form button[type='submit']").first.click()


def clear_name_and_send(page: Any) -> None:
    """A form that starts filled in (edit): empty the name and send it, for the error summary."""
    page.locator("#id_name").fill("")
    with page.expect_navigation():
        page.locator("#id_name").press("Enter")


def send_by_button(page: Any) -> None:
    """Send a form without text fields (only a text area) with its button, by keyboard."""
    page.locator("main form.wdhs-form button[type='submit']").first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


PUBLIC_PAGES: list[Page] = [
    Page("home", "/"),
    Page("over", "/over/"),
    Page("privacy", "/privacy/"),
    Page("toegankelijkheid", "/toegankelijkheid/"),
    Page("open-data", "/open-data/"),
    Page("contact", "/contact/"),
    Page("inloggen", "/accounts/login/"),
    Page("inloggen-fouten", "/accounts/login/", status=400, then=submit_empty),
    Page("aanmelden", "/accounts/signup/"),
    Page("aanmelden-fouten", "/accounts/signup/", status=400, then=submit_wrong_email),
    Page("wachtwoord-vergeten", "/accounts/password/reset/"),
    Page("wachtwoord-vergeten-verstuurd", "/accounts/password/reset/done/"),
    Page("wachtwoord-nieuw", password_reset_link),
    Page("bevestig-je-e-mailadres", "/accounts/confirm-email/"),
    Page("formulier-verlopen", "/accounts/login/", status=403, then=submit_without_csrf_cookie),
    Page("niet-gevonden", "/deze-pagina-bestaat-niet/", status=404),
    # Knowledge and organisations
    Page("kennisbank", "/kennis/"),
    Page("kennisbank-gefilterd", knowledge_list_filtered),
    Page("kennisbank-zoeken", knowledge_list_search),
    Page("kennisbank-niets-gevonden", "/kennis/?q=zwembadkrokodil"),
    Page("kennisbank-niet-alle-woorden", knowledge_list_fewer_words),
    Page("kennisbank-foute-filter", "/kennis/?thema=bestaat-niet", status=400),
    Page("kennis-artikel", resource_detail),
    Page("reactie-niet-nuttig", feedback_form),
    Page("reactie-fout-melden-fouten", feedback_error_form, status=400, then=submit_by_button),
    Page("organisaties", organisation_list),
    Page("organisaties-zoeken", organisation_list_search, screenshots=False),
    Page("organisatie", organisation_detail),
    # Initiatives
    Page("initiatieven", "/initiatieven/"),
    Page("initiatieven-gefilterd", initiative_list_filtered),
    Page("initiatieven-niets-gevonden", "/initiatieven/?q=zwembadkrokodil"),
    Page("initiatieven-niet-alle-woorden", initiative_list_fewer_words),
    Page("initiatieven-foute-filter", "/initiatieven/?provincie=atlantis", status=400),
    Page("initiatief", initiative_detail),
    Page("initiatieven-kaart", initiative_map),
    Page("initiatieven-kaart-provincie", initiative_map_province),
    Page("initiatief-melden", initiative_report),
    Page("initiatief-melden-fouten", initiative_report, status=400, then=submit_empty),
    Page("initiatief-contact", initiative_contact),
    # Near me
    Page("in-de-buurt", "/in-de-buurt/"),
    Page("in-de-buurt-plaats", nearby_place),
    Page("in-de-buurt-twee-plaatsen", "/in-de-buurt/?plaats=Bergen", screenshots=False),
    Page("in-de-buurt-onbekend", "/in-de-buurt/?plaats=Leewarden", status=400),
    Page("in-de-buurt-dorp", "/in-de-buurt/?plaats=Elspeet", screenshots=False),
    Page("in-de-buurt-postcode", "/in-de-buurt/?plaats=3511", screenshots=False),
    Page("in-de-buurt-dorp-of-gemeente", "/in-de-buurt/?plaats=Hengelo", screenshots=False),
    Page("in-de-buurt-postcode-onbekend", "/in-de-buurt/?plaats=0000", status=400, screenshots=False),
    # Funding and questions
    Page("financiering", funding_finder),
    Page("financiering-antwoorden", funding_finder_answered),
    Page("financiering-zoeken", funding_finder_search, screenshots=False),
    Page("financiering-zoeken-antwoorden", funding_finder_search_answered, screenshots=False),
    Page("financiering-fout-antwoord", funding_finder_bad_answer, status=400),
    Page("financiering-regeling", funding_detail),
    Page("vraag", "/vraag/"),
    # E-mail alerts
    Page("meldingen", "/meldingen/"),
    Page("meldingen-fouten", "/meldingen/", status=400, then=submit_by_button),
    Page("meldingen-bevestigen", alert_confirm),
    Page("meldingen-uitschrijven", alert_unsubscribe),
    Page("meldingen-uitgeschreven", alert_unsubscribe, then=unsubscribe_by_button, screenshots=False),
    Page("meldingen-wijzigen", alert_edit),
    Page("meldingen-wijzigen-fouten", alert_edit, status=400, then=uncheck_kinds_and_send, screenshots=False),
    Page("meldingen-wijzigen-verlopen", "/meldingen/wijzigen/verlopen/", status=404, screenshots=False),
    # The agenda
    Page("agenda", agenda),
    Page("agenda-afgelopen", agenda_past, screenshots=False),
    Page("agenda-foute-filter", "/agenda/?thema=atlantis", status=400, screenshots=False),
    # Lists for partners' sites (in an iframe) and the page that makes their code
    Page("embed-initiatieven", embed_initiatives),
    Page("embed-kennis", embed_knowledge, screenshots=False),
    Page("embed-agenda", embed_agenda, screenshots=False),
    Page("embed-fout", "/embed/kennis/?aantal=999", status=400, screenshots=False),
    Page("embed-code", embed_builder),
    Page("embed-code-initiatieven", "/embed/", screenshots=False),
    Page("embed-code-fout", "/embed/?lijst=agenda&aantal=abc", status=400, screenshots=False),
    Page("agenda-activiteit", agenda_event),
    # Task pages
    Page("aan-de-slag", route_list, screenshots=False),
    Page("aan-de-slag-route", route_detail),
    Page("vraag-ingevuld", "/vraag/?vraag=geld+voor+onze+club"),
    Page("vraag-ingevuld-fout", "/vraag/?vraag=%3Cscript%3E", status=400),
    Page("vraag-fouten", "/vraag/", status=400, then=submit_empty),
    Page("vraag-verstuurd", "/vraag/verstuurd/"),
    Page("vraag-te-vaak", question_rate_limited, status=429, then=submit_empty),
    # Goals
    Page("doelen", goals_index),
    Page("doel", goal_detail),
    Page("doel-wetten", goal_laws),
    Page("doel-jaar-voorbij", goal_year_over),
    Page("doel-bericht", goal_update),
    # Search
    Page("zoeken", search_results),
    Page("zoeken-bedoelde-je", search_typo),
    Page("zoeken-leeg", "/zoeken/"),
    Page("zoeken-niets-gevonden", "/zoeken/?q=zwembadkrokodil"),
    Page("zoeken-niet-alle-woorden", search_fewer_words),
]

# Opened by a logged-in person with a confirmed e-mail address (tests.factories.UserFactory).
LOGGED_IN_PAGES: list[Page] = [
    Page("mijn", "/mijn/"),
    Page("mijn-meldingen", "/mijn/meldingen/"),
    Page("mijn-meldingen-fouten", "/mijn/meldingen/", status=400, then=submit_by_button, screenshots=False),
    Page("mijn-meldingen-wijzigen", my_alert_edit, screenshots=False),
    Page("account-verwijderen", "/mijn/account-verwijderen/"),
    Page("account-verwijderen-fouten", "/mijn/account-verwijderen/", status=400, then=submit_empty),
    Page("account-verwijderen-enige-beheerder", account_delete_sole_manager),
    Page("e-mailadressen", "/accounts/email/"),
    Page("wachtwoord-wijzigen", "/accounts/password/change/"),
    Page("wachtwoord-wijzigen-fouten", "/accounts/password/change/", status=400, then=submit_empty),
    Page("uitloggen", "/accounts/logout/"),
    Page("tweestaps", "/accounts/2fa/"),
    Page("tweestaps-wachtwoord", "/accounts/2fa/totp/activate/"),
    Page("tweestaps-instellen", "/accounts/2fa/totp/activate/", then=confirm_password),
    Page("tweestaps-aan", two_factor_on),
    Page("initiatief-aanmelden", "/initiatieven/aanmelden/"),
    Page("initiatief-aanmelden-fouten", "/initiatieven/aanmelden/", status=400, then=submit_empty),
    Page("initiatief-beheren", initiative_manage),
    Page("initiatief-beheren-in-behandeling", initiative_manage_pending),
    Page("initiatief-bewerken", initiative_edit),
    Page("initiatief-bewerken-fouten", initiative_edit, status=400, then=clear_name_and_send),
    Page("redactie", editor_dashboard),
    Page("redactie-nieuw", editor_resource_new),
    Page("redactie-nieuw-fouten", editor_resource_new, status=400, then=submit_empty),
    Page("redactie-bewerken", editor_resource_edit),
    Page("redactie-organisatie", editor_organisation),
    Page("vragen-inbox", question_inbox),
    Page("vragen-beantwoorden", question_answer),
    Page("vragen-beantwoorden-fouten", question_answer, status=400, then=send_by_button),
    Page("doelen-dashboard", goals_dashboard),
    # Django's admin, for staff only: axe-core and the HTML checker pass on the index. Its layout is Django's and
    # does not reflow at 320 px, so no reflow check. A changelist fails axe only on Django's own filter sidebar
    # (target-size: filter links 20 px apart), so it stays out; see docs/browser-tests.md.
    Page("beheer", admin_index, reflow=False),
]
