"""Who may open which page: every URL pattern of the portal, as every role, against the table below (issue #17).

The walk takes every pattern from the URL resolver (the portal, /beheer/ and allauth). A pattern without a
line in EXPECTED (or ADMIN_MODELS for the admin of a model) fails the test, so a new URL cannot be forgotten.
Each URL is opened (GET, and POST for the state-changing URLs under /mijn/) as each role in ROLES, against
published, pending and other people's objects, inside a savepoint that is rolled back: nothing a role does
changes what the next role sees. docs/authorisation.md explains the roles and prints this table
(`test_the_documentation_shows_this_table` keeps them the same).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib import admin
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from goals.models import Regulation
from tests.documents import png_image
from tests.factories import (
    EventFactory,
    FundingSchemeFactory,
    IndicatorFactory,
    InitiativeFactory,
    MeasurementFactory,
    MembershipFactory,
    MilestoneFactory,
    OrganisationFactory,
    QuestionFactory,
    ResourceFactory,
    RouteFactory,
    RouteStepFactory,
    RouteStepLinkFactory,
    StaffFactory,
    UpdateFactory,
    UserFactory,
    goal,
)
from wdhs.alerts import tokens as alert_tokens
from wdhs.alerts.models import SentItem, Subscription

pytestmark = pytest.mark.django_db

# --- the roles -------------------------------------------------------------------------------------------------

ANONIEM = "anoniem"  # not logged in
BEWONER = "bewoner"  # an account, nothing more
BEHEERDER = "beheerder"  # manages "our" initiatives (a published one and one that waits for review)
REDACTEUR = "redacteur"  # edits for "our" organisation, may not publish
EINDREDACTEUR = "eindredacteur"  # edits for "our" organisation and may publish (Membership.can_publish)
ANDERE_REDACTEUR = "andere_redacteur"  # edits for another organisation, with the right to publish there
KALE_MEDEWERKER = "medewerker_zonder_groep"  # is_staff without a group: may enter /beheer/, nothing else
REDACTIE = "redactie"  # staff in the group Redactie: the editorial work only (wdhs/roles.py)
MEDEWERKER = "coalitiemedewerker"  # staff in the group Coalitiemedewerkers (wdhs/roles.py)
SUPERUSER = "superuser"

ROLES = (
    ANONIEM,
    BEWONER,
    BEHEERDER,
    REDACTEUR,
    EINDREDACTEUR,
    ANDERE_REDACTEUR,
    KALE_MEDEWERKER,
    REDACTIE,
    MEDEWERKER,
    SUPERUSER,
)
LOGGED_IN = ROLES[1:]
OUR_EDITORS = (REDACTEUR, EINDREDACTEUR)
ALL_EDITORS = (REDACTEUR, EINDREDACTEUR, ANDERE_REDACTEUR)
STAFF = (MEDEWERKER, SUPERUSER)
EDITORIAL_STAFF = (REDACTIE, MEDEWERKER, SUPERUSER)  # may see, edit and publish all knowledge, answer all questions
ADMIN_STAFF = (KALE_MEDEWERKER, REDACTIE, MEDEWERKER, SUPERUSER)


def make_role_users() -> dict[str, Any]:
    """The one place where the users of the roles are made.

    Staff made with UserFactory or StaffFactory get an authenticator app (two-factor log-in, which /beheer/ asks
    of staff); the other roles have none.
    """
    ours = OrganisationFactory(slug="onze-organisatie", logo=ContentFile(PNG, name="logo.png"))
    theirs = OrganisationFactory(slug="andere-organisatie")
    users = {
        BEWONER: UserFactory(),
        BEHEERDER: UserFactory(),
        REDACTEUR: MembershipFactory(organisation=ours, can_publish=False).user,
        EINDREDACTEUR: MembershipFactory(organisation=ours, can_publish=True).user,
        ANDERE_REDACTEUR: MembershipFactory(organisation=theirs, can_publish=True).user,
        KALE_MEDEWERKER: UserFactory(is_staff=True),
        REDACTIE: StaffFactory(groups=["Redactie"]),
        MEDEWERKER: StaffFactory(),
        SUPERUSER: UserFactory(is_staff=True, is_superuser=True),
    }
    return {"users": users, "ours": ours, "theirs": theirs}


# --- what each role gets ----------------------------------------------------------------------------------------

LOGIN = "login"  # a redirect to a log-in page (allauth's, or the admin's)
OK, REDIRECT, BAD, FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 200, 302, 400, 403, 404, 405

Expected = int | str | frozenset[int | str]
RoleMap = dict[str, Expected]


def everyone(status: Expected) -> RoleMap:
    return dict.fromkeys(ROLES, status)


def logged_in(status: Expected = OK, *, anonymous: Expected = LOGIN) -> RoleMap:
    return {ANONIEM: anonymous, **dict.fromkeys(LOGGED_IN, status)}


def only(
    roles: tuple[str, ...], ok: Expected = OK, *, others: Expected = NOT_FOUND, anonymous: Expected = LOGIN
) -> RoleMap:
    """`ok` for the roles named, `others` for the other logged-in roles (a 404: it does not say what exists)."""
    return {ANONIEM: anonymous, **{role: ok if role in roles else others for role in LOGGED_IN}}


def either(*statuses: int | str) -> frozenset[int | str]:
    return frozenset(statuses)


# Whoever is no staff is sent from a page of /beheer/ to /beheer/login/; that page sends a visitor on to the
# log-in page and answers a logged-in one with 403 (wdhs/adminsite.py, the line "admin:login" below).
ADMIN_CLOSED = LOGIN

# URL name (or, for a pattern without a name, its route) -> variant -> role -> expected status.
# The variant says which object fills the URL; "-" is the only variant of a URL without one.
EXPECTED: dict[str, dict[str, RoleMap]] = {
    # the portal as a whole
    "home": {"-": everyone(OK)},
    "nearby": {"-": everyone(OK)},
    "healthz": {"-": everyone(either(OK, 503))},
    "healthz_full": {"-": everyone(either(OK, 503))},  # 503 without a task worker, as in the tests
    "robots_txt": {"-": everyone(OK)},
    "favicon": {"-": everyone(301)},
    "sitemap_index": {"-": everyone(OK)},
    "django.contrib.sitemaps.views.sitemap": {"kennis": everyone(OK), "bestaat-niet": everyone(NOT_FOUND)},
    "about": {"-": everyone(OK)},
    "privacy": {"-": everyone(OK)},
    "accessibility": {"-": everyone(OK)},
    "open_data": {"-": everyone(OK)},
    "contact": {"-": everyone(OK)},
    "search:results": {"-": everyone(OK)},
    # /mijn/ and the AVG export: your own data, for every account
    "mijn": {"-": logged_in()},
    "my_data_export": {"-": logged_in()},
    "account_delete": {"-": logged_in()},
    # /kennis/ and /organisaties/: published for everyone, a draft only for its editors and staff
    "knowledge:list": {"-": everyone(OK)},
    "knowledge:feed": {"-": everyone(OK)},
    "knowledge:organisation_feed": {"-": everyone(OK)},
    "knowledge:feed_rss": {"-": everyone(OK)},
    "knowledge:detail": {
        "gepubliceerd-eigen": everyone(OK),
        "concept-eigen": only((*OUR_EDITORS, *EDITORIAL_STAFF), anonymous=NOT_FOUND),
        "concept-ander": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF), anonymous=NOT_FOUND),
    },
    "knowledge:attachment": {
        "gepubliceerd-eigen": everyone(OK),
        "concept-eigen": only((*OUR_EDITORS, *EDITORIAL_STAFF), anonymous=NOT_FOUND),
        "concept-ander": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF), anonymous=NOT_FOUND),
    },
    "knowledge:organisation_list": {"-": everyone(OK)},
    "knowledge:organisation_detail": {"eigen": everyone(OK)},
    "knowledge:organisation_logo": {"eigen": everyone(OK), "zonder-logo": everyone(NOT_FOUND)},
    # /mijn/kennis/: partner editors for their own organisation, staff (with the permission) for all
    "knowledge:editor_dashboard": {"-": only((*ALL_EDITORS, *EDITORIAL_STAFF))},
    "knowledge:editor_resource_create": {"-": only((*ALL_EDITORS, *EDITORIAL_STAFF))},
    "knowledge:editor_organisation_edit": {
        "eigen": only((*OUR_EDITORS, *EDITORIAL_STAFF)),
        "ander": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF)),
    },
    "knowledge:editor_resource_edit": {
        "gepubliceerd-eigen": only((*OUR_EDITORS, *EDITORIAL_STAFF)),
        "concept-eigen": only((*OUR_EDITORS, *EDITORIAL_STAFF)),
        "concept-ander": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF)),
    },
    # Marking a reader's reaction handled: only on the pages of your own organisation (staff: all knowledge pages).
    "knowledge:editor_feedback_handled": {
        "GET": logged_in(NOT_ALLOWED),
        "POST eigen": only((*OUR_EDITORS, *EDITORIAL_STAFF), REDIRECT),
        "POST ander": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF), REDIRECT),
    },
    "knowledge:editor_resource_status": {
        "GET": logged_in(NOT_ALLOWED),
        "POST aanbieden concept-eigen": only((*OUR_EDITORS, *EDITORIAL_STAFF), REDIRECT),
        "POST aanbieden concept-ander": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF), REDIRECT),
    },
    "knowledge:editor_attachment_delete": {
        "GET": logged_in(NOT_ALLOWED),
        "POST concept-eigen": only((*OUR_EDITORS, *EDITORIAL_STAFF), REDIRECT),
        # A published text changes only by someone who may publish it.
        "POST gepubliceerd-eigen": {**only((*OUR_EDITORS, *EDITORIAL_STAFF), REDIRECT), REDACTEUR: FORBIDDEN},
        "POST concept-ander": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF), REDIRECT),
    },
    # /reactie/: "Was deze pagina nuttig?" on every public page; a page nobody may see takes no reactions.
    "feedback:give": {
        "kennis gepubliceerd-eigen": everyone(OK),
        "kennis concept-eigen": everyone(NOT_FOUND),
        "regeling actief": everyone(OK),
        "regeling niet-actief": everyone(NOT_FOUND),
        "organisatie eigen": everyone(OK),
        "initiatief gepubliceerd-eigen": everyone(OK),
        "initiatief wachtend-eigen": everyone(NOT_FOUND),
        "POST kennis gepubliceerd-eigen": everyone(REDIRECT),
    },
    # /meldingen/: anyone subscribes; the links in the mails work without an account, a forged link is a 404.
    "alerts:subscribe": {"-": everyone(OK)},
    "alerts:confirm": {"geldig": everyone(OK), "vervalst": everyone(NOT_FOUND)},
    "alerts:unsubscribe": {"geldig": everyone(OK), "vervalst": everyone(NOT_FOUND)},
    # The link to change an alert in every digest: the signed key is the authorisation, like unsubscribing.
    "alerts:edit": {"geldig": everyone(OK), "vervalst": everyone(NOT_FOUND)},
    # /mijn/meldingen/: your own alerts; someone else's cannot be deleted (a 404: it does not say it exists).
    "alerts:mine": {"-": logged_in()},
    "alerts:mine_edit": {"van-bewoner": only((BEWONER,))},
    "alerts:delete": {"GET": logged_in(NOT_ALLOWED), "POST van-bewoner": only((BEWONER,), REDIRECT)},
    # /financiering/
    "funding:finder": {"-": everyone(OK)},
    "funding:detail": {"actief": everyone(OK), "niet-actief": everyone(NOT_FOUND)},
    # /agenda/: published events for everyone, with their calendar files; a hidden one for nobody
    "events:list": {"-": everyone(OK)},
    "events:past": {"-": everyone(OK)},
    "events:feed": {"-": everyone(OK)},
    "events:detail": {"gepubliceerd": everyone(OK), "verborgen": everyone(NOT_FOUND)},
    "events:event_feed": {"gepubliceerd": everyone(OK), "verborgen": everyone(NOT_FOUND)},
    # /embed/: the lists for partners' own websites and the page that makes their code, for everyone
    "embed:builder": {"-": everyone(OK)},
    "embed:initiatives": {"-": everyone(OK)},
    "embed:knowledge": {"-": everyone(OK)},
    "embed:events": {"-": everyone(OK)},
    # /aan-de-slag/: published routes for everyone; an unpublished one only for staff with the right (the preview)
    "routes:list": {"-": everyone(OK)},
    "routes:detail": {
        "gepubliceerd": everyone(OK),
        "concept": only(EDITORIAL_STAFF, anonymous=NOT_FOUND),
        "bestaat-niet": everyone(NOT_FOUND),
    },
    # /vraag/ and the partner inbox /mijn/vragen/
    "questions:ask": {"-": everyone(OK)},
    "questions:thanks": {"-": everyone(OK)},
    "questions:inbox": {"-": only((*ALL_EDITORS, *EDITORIAL_STAFF))},
    "questions:inbox_detail": {
        "voor-eigen-organisatie": only((*OUR_EDITORS, *EDITORIAL_STAFF)),
        "voor-andere-organisatie": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF)),
        "inbox-redactie": only(EDITORIAL_STAFF),
    },
    # Passing a question on: whoever may answer it. From the staff inbox "back to the editorial team" is no choice.
    "questions:inbox_pass_on": {
        "GET": logged_in(NOT_ALLOWED),
        "POST voor-eigen-organisatie": only((*OUR_EDITORS, *EDITORIAL_STAFF), REDIRECT),
        "POST voor-andere-organisatie": only((ANDERE_REDACTEUR, *EDITORIAL_STAFF), REDIRECT),
        "POST inbox-redactie": only(EDITORIAL_STAFF, BAD),
    },
    # /initiatieven/: published for everyone; a pending one only on /mijn/ for its managers
    "initiatives:list": {"-": everyone(OK)},
    "initiatives:map": {"-": everyone(OK)},
    "initiatives:export_csv": {"-": everyone(OK)},
    "initiatives:export_json": {"-": everyone(OK)},
    # /api/v1/: the open-data API, read-only and the same for everyone (no session is read)
    "api_v1:index": {"-": everyone(OK)},
    "api_v1:docs": {"-": everyone(OK)},
    "api_v1:openapi-json": {"-": everyone(OK)},
    "api_v1:initiatives": {"-": everyone(OK)},
    "api_v1:resources": {"-": everyone(OK)},
    "api_v1:organisations": {"-": everyone(OK)},
    "api_v1:funding": {"-": everyone(OK)},
    "api_v1:indicators": {"-": everyone(OK)},
    "api_v1:events": {"-": everyone(OK)},
    "api_v1:event": {"gepubliceerd": everyone(OK), "verborgen": everyone(NOT_FOUND)},
    # /open-data/: the datasets, their catalogue and downloads, the same for everyone; the register's own download
    "opendata:catalogue": {"-": everyone(OK)},
    "opendata:download_csv": {
        "kennis": everyone(OK),
        "initiatieven": everyone(REDIRECT),
        "bestaat-niet": everyone(NOT_FOUND),
    },
    "opendata:download_json": {
        "agenda": everyone(OK),
        "initiatieven": everyone(REDIRECT),
        "bestaat-niet": everyone(NOT_FOUND),
    },
    "initiatives:feed": {"-": everyone(OK)},
    "funding:feed": {"-": everyone(OK)},
    "initiatives:register": {"-": logged_in()},
    "initiatives:detail": {
        "gepubliceerd-eigen": everyone(OK),
        "wachtend-eigen": everyone(NOT_FOUND),
        "gepubliceerd-ander": everyone(OK),
    },
    "initiatives:report": {"gepubliceerd-eigen": everyone(OK), "wachtend-eigen": everyone(NOT_FOUND)},
    "initiatives:contact": {"gepubliceerd-eigen": everyone(OK), "wachtend-eigen": everyone(NOT_FOUND)},
    # An invitation works only for the address it was sent to (here the bewoner's).
    "initiatives:invitation": {
        "voor-bewoner": {**only((BEWONER,), others=FORBIDDEN)},
        "ongeldig": everyone(NOT_FOUND),
    },
    "initiatives:manage": {
        "gepubliceerd-eigen": only((BEHEERDER,)),
        "wachtend-eigen": only((BEHEERDER,)),
        "gepubliceerd-ander": only(()),
    },
    "initiatives:edit": {
        "gepubliceerd-eigen": only((BEHEERDER,)),
        "wachtend-eigen": only((BEHEERDER,)),
        "gepubliceerd-ander": only(()),
    },
    "initiatives:confirm": {
        "GET": logged_in(NOT_ALLOWED),
        "POST gepubliceerd-eigen": only((BEHEERDER,), REDIRECT),
        "POST gepubliceerd-ander": only(()),
    },
    "initiatives:invite": {
        "GET": logged_in(NOT_ALLOWED),
        "POST gepubliceerd-eigen": only((BEHEERDER,), REDIRECT),
        "POST gepubliceerd-ander": only(()),
    },
    "initiatives:remove_manager": {
        "GET": logged_in(NOT_ALLOWED),
        "POST gepubliceerd-eigen": only((BEHEERDER,), REDIRECT),
        "POST gepubliceerd-ander": only(()),
    },
    # /doelen/: public, the dashboard with the figures only with the permission goals.view_dashboard
    "goals:index": {"-": everyone(OK)},
    "goals:feed": {"-": everyone(OK)},
    "goals:detail": {"1": everyone(OK), "6": everyone(NOT_FOUND)},
    "goals:goal_feed": {"1": everyone(OK)},
    "goals:update": {"gepubliceerd": everyone(OK), "niet-gepubliceerd": everyone(NOT_FOUND)},
    "goals:dashboard": {"-": only(STAFF, anonymous=NOT_FOUND)},
    "goals:dashboard_csv": {"initiatives.by_province": only(STAFF, anonymous=NOT_FOUND)},
    # allauth: log in, sign up, your account
    "account_login": {"-": logged_in(REDIRECT, anonymous=OK)},
    "account_signup": {"-": logged_in(REDIRECT, anonymous=OK)},
    "account_logout": {"-": logged_in(OK, anonymous=REDIRECT)},
    "account_inactive": {"-": everyone(OK)},
    "account_reauthenticate": {"-": logged_in()},
    "account_request_reauthentication_code": {"-": logged_in()},
    "account_confirm_reauthentication_code": {"-": logged_in(REDIRECT)},  # no code asked: back to the start
    "account_email": {"-": logged_in()},
    "account_email_verification_sent": {"-": everyone(OK)},
    # "Stuur opnieuw": a POST only; without a sign-up in the session it sends nothing and points to log in.
    "account_verification_resend": {"-": everyone(NOT_ALLOWED), "POST": everyone(LOGIN)},
    "account_confirm_email": {"ongeldig": everyone(OK)},
    "account_change_password": {"-": logged_in()},
    "account_set_password": {"-": logged_in(REDIRECT)},
    "account_reset_password": {"-": everyone(OK)},
    "account_reset_password_done": {"-": everyone(OK)},
    "account_reset_password_from_key": {"ongeldig": everyone(OK)},
    "account_reset_password_from_key_done": {"-": everyone(OK)},
    "account_confirm_login_code": {"-": logged_in(REDIRECT)},
    # allauth.mfa: two-factor log-in (required for staff before /beheer/ opens, wdhs/adminsite.py)
    # Staff roles have an authenticator app (UserFactory gives staff one), the other roles none.
    "mfa_index": {"-": logged_in()},
    "mfa_authenticate": {"-": logged_in(REDIRECT)},  # only halfway through a log-in
    "mfa_reauthenticate": {"-": {**logged_in(REDIRECT), **dict.fromkeys(ADMIN_STAFF, OK)}},
    "mfa_activate_totp": {"-": logged_in(REDIRECT)},  # asks for the password again first, or: already on
    # Staff cannot switch their app off; the others have none to switch off.
    "mfa_deactivate_totp": {"-": {**logged_in(NOT_FOUND), **dict.fromkeys(ADMIN_STAFF, REDIRECT)}},
    "mfa_view_recovery_codes": {"-": logged_in(NOT_FOUND)},  # nobody has recovery codes here
    "mfa_generate_recovery_codes": {"-": logged_in(REDIRECT)},
    "mfa_download_recovery_codes": {"-": logged_in(NOT_FOUND)},
    # /beheer/ as a whole (the pages of each model: ADMIN_MODELS below)
    "admin:index": {"-": {**only(ADMIN_STAFF, others=ADMIN_CLOSED)}},
    # /beheer/login/ has no form of its own: it sends you to allauth's log-in (wdhs/adminsite.py).
    "admin:login": {"-": only(ADMIN_STAFF, REDIRECT, others=FORBIDDEN)},
    # Log out with a POST only; whoever may not enter /beheer/ is sent to its index (and from there to log in).
    "admin:logout": {"-": {**logged_in(REDIRECT, anonymous=REDIRECT), **dict.fromkeys(ADMIN_STAFF, NOT_ALLOWED)}},
    "admin:password_change": {"-": only(ADMIN_STAFF, REDIRECT, others=ADMIN_CLOSED)},  # to allauth's page
    "admin:password_change_done": {"-": only(ADMIN_STAFF, others=ADMIN_CLOSED)},
    "admin:autocomplete": {"-": only(ADMIN_STAFF, FORBIDDEN, others=ADMIN_CLOSED)},  # 403 without its parameters
    "admin:jsi18n": {"-": only(ADMIN_STAFF, others=ADMIN_CLOSED)},
    "admin:view_on_site": {"kennisitem": only(ADMIN_STAFF, REDIRECT, others=ADMIN_CLOSED)},
    "admin:app_list": {
        "knowledge": only(EDITORIAL_STAFF, others=ADMIN_CLOSED) | {KALE_MEDEWERKER: NOT_FOUND},
        "initiatives": only(STAFF, others=ADMIN_CLOSED) | {KALE_MEDEWERKER: NOT_FOUND, REDACTIE: NOT_FOUND},
        "auth": only((SUPERUSER,), others=ADMIN_CLOSED)
        | dict.fromkeys((KALE_MEDEWERKER, REDACTIE, MEDEWERKER), NOT_FOUND),
    },
    "beheer/(?P<url>.*)$": {"bestaat-niet": only(ADMIN_STAFF, NOT_FOUND, others=ADMIN_CLOSED)},
    # Approve and reject on an initiative's own page (initiatives/admin.py): a POST only, with the right to
    # change initiatives; then back to the page (302). Without a reason a rejection is refused (tests/initiatives).
    "admin:initiatives_initiative_approve": {
        "-": only(ADMIN_STAFF, NOT_ALLOWED, others=ADMIN_CLOSED),
        "POST": only(STAFF, REDIRECT, others=ADMIN_CLOSED) | dict.fromkeys((KALE_MEDEWERKER, REDACTIE), FORBIDDEN),
    },
    "admin:initiatives_initiative_reject": {
        "-": only(ADMIN_STAFF, NOT_ALLOWED, others=ADMIN_CLOSED),
        "POST": only(STAFF, REDIRECT, others=ADMIN_CLOSED) | dict.fromkeys((KALE_MEDEWERKER, REDACTIE), FORBIDDEN),
    },
}

# The admin of each model: what the groups Redactie and Coalitiemedewerkers, and a superuser, may do there:
# v = view, a = add, c = change, d = delete. The rights come from wdhs/roles.py and from the ModelAdmin
# (uploads, logs and reference data are partly read-only for everyone).
ADMIN_MODELS: dict[str, tuple[str, str, str]] = {
    "auth.group": ("", "", "vacd"),
    "wdhs.user": ("v", "vc", "vacd"),
    "wdhs.province": ("v", "v", "vacd"),
    "wdhs.municipality": ("v", "v", "vacd"),
    "wdhs.municipalityneighbour": ("", "v", "v"),  # derived from the shapes by load_places
    "wdhs.term": ("v", "vac", "vac"),
    "wdhs.searchsynonym": ("", "vacd", "vacd"),
    "wdhs.searchword": ("", "v", "vd"),
    "wdhs.formsubmission": ("", "v", "vd"),
    "wdhs.dailyjobrun": ("", "v", "vd"),
    "wdhs.workerheartbeat": ("", "v", "vd"),
    "wdhs.pagefeedback": ("vcd", "vcd", "vcd"),
    "alerts.subscription": ("", "vcd", "vcd"),  # only the person subscribes (consent); staff switch off or delete
    "alerts.sentitem": ("", "v", "vd"),
    "wdhs.pageread": ("v", "v", "v"),  # read counts (wdhs/reads.py): only the portal writes them
    "django_tasks_database.dbtaskresult": ("", "v", "v"),
    "mfa.authenticator": ("", "", "vacd"),
    "account.emailaddress": ("", "v", "vacd"),
    "goals.goal": ("v", "vc", "vacd"),
    "goals.indicator": ("", "vacd", "vacd"),
    "goals.measurement": ("", "vacd", "vacd"),
    "goals.milestone": ("", "vacd", "vacd"),
    "goals.update": ("", "vacd", "vacd"),
    "goals.regulation": ("", "vacd", "vacd"),
    "goals.goallink": ("vacd", "vacd", "vacd"),
    "knowledge.fundingscheme": ("vacd", "vacd", "vacd"),
    "knowledge.event": ("vacd", "vacd", "vacd"),
    "knowledge.question": ("vcd", "vcd", "vcd"),
    "knowledge.organisation": ("vacd", "vacd", "vacd"),
    "knowledge.membership": ("vacd", "vacd", "vacd"),
    "knowledge.resource": ("vacd", "vacd", "vacd"),
    "knowledge.statuschange": ("v", "v", "vd"),
    "knowledge.questiontransfer": ("v", "v", "vd"),
    "knowledge.attachment": ("vd", "vd", "vcd"),
    "knowledge.route": ("vacd", "vacd", "vacd"),
    "knowledge.routestep": ("vacd", "vacd", "vacd"),
    "knowledge.routesteplink": ("vacd", "vacd", "vacd"),
    "initiatives.initiative": ("", "vcd", "vacd"),
    "initiatives.membership": ("", "vacd", "vacd"),
    "initiatives.invitation": ("", "vcd", "vcd"),
    "initiatives.problemreport": ("", "vcd", "vcd"),
    # The audit log (wdhs/audit.py): staff read it, nobody (a superuser neither) adds, changes or deletes a line.
    "wdhs.auditentry": ("", "v", "v"),
}


def _admin_page(letters_for: dict[str, str], needs: str, ok: Expected = OK) -> RoleMap:
    """Per role: `ok` with one of the rights in `needs`, a 403 for other staff, closed for everyone else."""
    return {
        ANONIEM: LOGIN,
        **{role: ADMIN_CLOSED for role in LOGGED_IN if role not in ADMIN_STAFF},
        **{role: ok if set(needs) & set(letters_for.get(role, "")) else FORBIDDEN for role in ADMIN_STAFF},
    }


def admin_model_expectations() -> dict[str, dict[str, RoleMap]]:
    table: dict[str, dict[str, RoleMap]] = {}
    for label, (editorial_rights, staff_rights, superuser_rights) in ADMIN_MODELS.items():
        app_label, model = label.split(".")
        rights = {REDACTIE: editorial_rights, MEDEWERKER: staff_rights, SUPERUSER: superuser_rights}
        prefix = f"admin:{app_label}_{model}"
        table[f"{prefix}_changelist"] = {"-": _admin_page(rights, "vc")}
        table[f"{prefix}_add"] = {"-": _admin_page(rights, "a")}
        table[f"{prefix}_change"] = {"eerste": _admin_page(rights, "vc")}
        table[f"{prefix}_history"] = {"eerste": _admin_page(rights, "vc")}
        table[f"{prefix}_delete"] = {"eerste": _admin_page(rights, "d")}
        # The short address of an object sends staff on to its change page.
        table[f"beheer/{app_label}/{model}/<path:object_id>/"] = {
            "eerste": {**_admin_page(rights, "vacd"), **dict.fromkeys(ADMIN_STAFF, REDIRECT)}
        }
    # Someone else's password is set by a superuser only; a staff account is changed by a superuser only.
    table["admin:auth_user_password_change"] = {"bewoner": _admin_page({SUPERUSER: "c"}, "c")}
    table["admin:wdhs_user_change"]["POST superuser"] = _admin_page({SUPERUSER: "c"}, "c")  # 200: form errors
    return table


def all_expectations() -> dict[str, dict[str, RoleMap]]:
    return {**EXPECTED, **admin_model_expectations()}


# --- the objects the URLs are filled with -----------------------------------------------------------------------

PNG = png_image()  # a real picture: uploads are decoded and re-encoded
INVITATION_TOKEN = "uitnodiging-voor-de-bewoner-0123456789"  # noqa: S105


@dataclass
class Scene:
    users: dict[str, Any]
    objects: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.objects[name]


def build_scene(settings: Any) -> Scene:
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from goals.models import GoalLink
    from initiatives.models import Invitation, ProblemReport, Status, hash_token
    from knowledge.models import Attachment, QuestionTransfer, Resource, StatusChange
    from tests.background import DATABASE_QUEUE
    from wdhs import emails
    from wdhs.models import (
        DailyJobRun,
        FormSubmission,
        PageFeedback,
        PageRead,
        SearchSynonym,
        SearchWord,
        WorkerHeartbeat,
    )
    from wdhs.roles import ensure_groups

    roles = make_role_users()
    users, ours, theirs = roles["users"], roles["ours"], roles["theirs"]
    draft = {"status": Resource.Status.DRAFT, "published_at": None}
    objects: dict[str, Any] = {
        "ours": ours,
        "theirs": theirs,
        "resource gepubliceerd-eigen": ResourceFactory(organisation=ours),
        "resource concept-eigen": ResourceFactory(organisation=ours, **draft),
        "resource concept-ander": ResourceFactory(organisation=theirs, **draft),
        "initiative gepubliceerd-eigen": InitiativeFactory(managers=[users[BEHEERDER], UserFactory()]),
        "initiative wachtend-eigen": InitiativeFactory(
            managers=[users[BEHEERDER]], status=Status.SUBMITTED, published_at=None
        ),
        "initiative gepubliceerd-ander": InitiativeFactory(),
        "scheme actief": FundingSchemeFactory(),
        "scheme niet-actief": FundingSchemeFactory(is_active=False),
        "event gepubliceerd": EventFactory(),
        "event verborgen": EventFactory(is_published=False),
        "question voor-eigen-organisatie": QuestionFactory(organisation=ours),
        "question voor-andere-organisatie": QuestionFactory(organisation=theirs),
        "question inbox-redactie": QuestionFactory(organisation=None),
        "update gepubliceerd": UpdateFactory(),
        "update niet-gepubliceerd": UpdateFactory(is_published=False),
        "route gepubliceerd": RouteFactory(),
        "route concept": RouteFactory(is_published=False),
    }
    QuestionTransfer.objects.create(
        question=objects["question voor-andere-organisatie"],
        from_organisation=ours,
        to_organisation=theirs,
        note="Dit past beter bij de andere partner.",
    )
    for variant in ("gepubliceerd-eigen", "concept-eigen", "concept-ander"):
        resource = objects[f"resource {variant}"]
        objects[f"attachment {variant}"] = Attachment.objects.create(
            resource=resource,
            file=ContentFile(b"%PDF-1.4\n", name="plan.pdf"),
            original_name="plan.pdf",
            content_type="application/pdf",
            size=9,
        )
    for variant in ("gepubliceerd-eigen", "gepubliceerd-ander"):
        initiative = objects[f"initiative {variant}"]
        objects[f"co-manager {variant}"] = initiative.memberships.exclude(user=users[BEHEERDER]).first()
    Invitation.objects.create(
        initiative=objects["initiative gepubliceerd-eigen"],
        email=users[BEWONER].email,
        token_hash=hash_token(INVITATION_TOKEN),
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    # One row of every model in /beheer/, for its change, history and delete pages.
    StatusChange.objects.create(resource=objects["resource concept-eigen"], to_status=Resource.Status.DRAFT)
    RouteStepLinkFactory(step=RouteStepFactory(route=objects["route gepubliceerd"]))
    MeasurementFactory(indicator=IndicatorFactory())
    MilestoneFactory()
    Regulation.objects.create(title="Right to Challenge in de Wmo")
    GoalLink.objects.create(goal=goal(1), content_object=objects["resource gepubliceerd-eigen"])
    ProblemReport.objects.create(initiative=objects["initiative gepubliceerd-ander"], reason="onjuist")
    for variant, page in (
        ("eigen", objects["resource gepubliceerd-eigen"]),
        ("ander", ResourceFactory(organisation=theirs)),
    ):
        objects[f"feedback {variant}"] = PageFeedback.objects.create(
            page=page, page_kind="kennis", page_title=page.title, kind="niet_nuttig", message="Wat kost het?"
        )
    alert = Subscription.objects.create(
        email=users[BEWONER].email, user=users[BEWONER], kinds=["kennis"], confirmed_at=timezone.now()
    )
    objects["alert van-bewoner"] = alert
    SentItem.objects.create(subscription=alert, content_type_id=_content_type_id("knowledge.resource"), object_id=1)
    DailyJobRun.objects.create(job="opruimen", day=datetime.date(2026, 1, 1))
    PageRead.objects.create(page=objects["resource gepubliceerd-eigen"], day=datetime.date(2026, 1, 1), count=3)
    FormSubmission.objects.create(key="formulier-1", form="vraag")
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="w1", host="test", pid=1, started_at=now, seen_at=now)
    SearchSynonym.objects.get_or_create(word="buurthuis", defaults={"synonyms": "wijkcentrum"})
    SearchWord.objects.get_or_create(word="buurthuis", defaults={"plain": "buurthuis"})
    settings.TASKS = DATABASE_QUEUE
    emails.send("question-answered", to=["vrager@example.org"], context={"question": {"text": "Een vraag"}})
    ensure_groups()
    assert Group.objects.exists() and EmailAddress.objects.exists()
    return Scene(users=users, objects=objects)


def _first(label: str) -> Any:
    from django.apps import apps

    model = apps.get_model(label)
    row = model._default_manager.order_by("pk").first()
    assert row is not None, f"Maak in build_scene een rij van {label} aan, voor de beheerpagina's."
    return row


# How each URL is filled for a variant: kwargs for reverse(), or (for a pattern without a name) the path.
# A variant that starts with "POST" is sent as a POST with the data given; every other one as a GET.
Fill = Callable[[Scene, str], dict[str, Any]]


def _slug(kind: str) -> Fill:
    return lambda scene, variant: {"slug": scene[f"{kind} {variant.removeprefix('POST ')}"].slug}


def _object(label: str) -> Fill:
    return lambda scene, variant: {"object_id": _first(label).pk}


KWARGS: dict[str, Fill] = {
    "django.contrib.sitemaps.views.sitemap": lambda scene, variant: {"section": variant},
    "knowledge:detail": _slug("resource"),
    "knowledge:attachment": lambda scene, variant: {
        "slug": scene[f"resource {variant}"].slug,
        "pk": scene[f"attachment {variant}"].pk,
    },
    "knowledge:organisation_detail": lambda scene, variant: {"slug": scene["ours"].slug},
    "knowledge:organisation_logo": lambda scene, variant: {
        "slug": scene["ours"].slug if variant == "eigen" else scene["theirs"].slug
    },
    "knowledge:editor_organisation_edit": lambda scene, variant: {
        "slug": scene["ours" if variant == "eigen" else "theirs"].slug
    },
    "knowledge:editor_resource_edit": _slug("resource"),
    "knowledge:editor_resource_status": lambda scene, variant: {
        "slug": scene[f"resource {variant.split()[-1] if variant != 'GET' else 'concept-eigen'}"].slug
    },
    "knowledge:editor_attachment_delete": lambda scene, variant: {
        "slug": scene[f"resource {variant.split()[-1] if variant != 'GET' else 'concept-eigen'}"].slug,
        "pk": scene[f"attachment {variant.split()[-1] if variant != 'GET' else 'concept-eigen'}"].pk,
    },
    "alerts:confirm": lambda scene, variant: {
        "token": alert_tokens.confirm_token(scene["alert van-bewoner"].token) if variant == "geldig" else "vervalst"
    },
    "alerts:unsubscribe": lambda scene, variant: {
        "token": alert_tokens.unsubscribe_token(scene["alert van-bewoner"].token) if variant == "geldig" else "vervalst"
    },
    "alerts:edit": lambda scene, variant: {
        "token": alert_tokens.edit_token(scene["alert van-bewoner"].token) if variant == "geldig" else "vervalst"
    },
    "alerts:mine_edit": lambda scene, variant: {"pk": scene["alert van-bewoner"].pk},
    "alerts:delete": lambda scene, variant: {"pk": scene["alert van-bewoner"].pk},
    "funding:detail": _slug("scheme"),
    "events:detail": _slug("event"),
    "events:event_feed": _slug("event"),
    "api_v1:event": _slug("event"),
    "opendata:download_csv": lambda scene, variant: {"slug": variant},
    "opendata:download_json": lambda scene, variant: {"slug": variant},
    "routes:detail": lambda scene, variant: {
        "slug": "bestaat-niet" if variant == "bestaat-niet" else scene[f"route {variant}"].slug
    },
    "feedback:give": lambda scene, variant: {
        "kind": variant.removeprefix("POST ").split()[0],
        "slug": _feedback_page(scene, variant.removeprefix("POST ")).slug,
    },
    "knowledge:editor_feedback_handled": lambda scene, variant: {
        "pk": scene[f"feedback {variant.split()[-1] if variant != 'GET' else 'eigen'}"].pk
    },
    "questions:inbox_detail": lambda scene, variant: {"pk": scene[f"question {variant}"].pk},
    "questions:inbox_pass_on": lambda scene, variant: {
        "pk": scene[f"question {variant.removeprefix('POST ') if variant != 'GET' else 'voor-eigen-organisatie'}"].pk
    },
    "initiatives:detail": _slug("initiative"),
    "initiatives:report": _slug("initiative"),
    "initiatives:contact": _slug("initiative"),
    "initiatives:manage": _slug("initiative"),
    "initiatives:edit": _slug("initiative"),
    "initiatives:invitation": lambda scene, variant: {
        "token": INVITATION_TOKEN if variant == "voor-bewoner" else "bestaat-niet"
    },
    "initiatives:confirm": lambda scene, variant: {
        "slug": scene[f"initiative {variant.split()[-1] if variant != 'GET' else 'gepubliceerd-eigen'}"].slug
    },
    "initiatives:invite": lambda scene, variant: {
        "slug": scene[f"initiative {variant.split()[-1] if variant != 'GET' else 'gepubliceerd-eigen'}"].slug
    },
    "initiatives:remove_manager": lambda scene, variant: {
        "slug": scene[f"initiative {variant.split()[-1] if variant != 'GET' else 'gepubliceerd-eigen'}"].slug,
        "pk": scene[f"co-manager {variant.split()[-1] if variant != 'GET' else 'gepubliceerd-eigen'}"].pk,
    },
    "goals:detail": lambda scene, variant: {"number": int(variant)},
    "goals:goal_feed": lambda scene, variant: {"number": int(variant)},
    "goals:update": lambda scene, variant: {
        "number": scene[f"update {variant}"].goal.number,
        "slug": scene[f"update {variant}"].slug,
    },
    "goals:dashboard_csv": lambda scene, variant: {"code": variant},
    "account_confirm_email": lambda scene, variant: {"key": "ongeldige-sleutel"},
    "account_reset_password_from_key": lambda scene, variant: {"uidb36": "1", "key": "ongeldig"},
    "admin:view_on_site": lambda scene, variant: {
        "content_type_id": _content_type_id("knowledge.resource"),
        "object_id": scene["resource gepubliceerd-eigen"].pk,
    },
    "admin:app_list": lambda scene, variant: {"app_label": variant},
    "admin:initiatives_initiative_approve": lambda scene, variant: {"object_id": scene["initiative wachtend-eigen"].pk},
    "admin:initiatives_initiative_reject": lambda scene, variant: {"object_id": scene["initiative wachtend-eigen"].pk},
    "admin:auth_user_password_change": lambda scene, variant: {"id": scene.users[BEWONER].pk},
    "admin:wdhs_user_change": lambda scene, variant: {
        "object_id": scene.users[SUPERUSER].pk if variant == "POST superuser" else _first("wdhs.user").pk
    },
}


def _feedback_page(scene: Scene, variant: str) -> Any:
    kind, which = variant.split()
    objects = {"kennis": "resource", "regeling": "scheme", "initiatief": "initiative"}
    return scene["ours"] if kind == "organisatie" else scene[f"{objects[kind]} {which}"]


POST_DATA: dict[str, Callable[[Scene], dict[str, Any]]] = {
    "feedback:give": lambda scene: {"kind": "nuttig"},
    "knowledge:editor_resource_status": lambda scene: {"action": "submit"},
    "initiatives:invite": lambda scene: {"email": "nieuw@example.org"},
    "admin:initiatives_initiative_reject": lambda scene: {"reason": "De beschrijving zegt nog niet wat jullie doen."},
    "questions:inbox_pass_on": lambda scene: {
        "target": "coalitie-redactie",
        "note": "Dit gaat over geld; de redactie weet meer.",
    },
}


def _content_type_id(label: str) -> int:
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(apps.get_model(label)).pk


# --- the walk ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    key: str  # the URL name with its namespace, or the route of a pattern without a name
    name: str | None
    route: str


def every_route() -> Iterator[Route]:
    def walk(patterns: list[Any], prefix: str, namespace: str | None) -> Iterator[Route]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace
                ns = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
                yield Route(key=name or route, name=name, route=route)

    yield from walk(get_resolver().url_patterns, "", None)


def _path(route: Route, scene: Scene, variant: str) -> str:
    if route.name is None:
        if route.key == "beheer/(?P<url>.*)$":
            return "/beheer/bestaat-niet/"
        app_label, model = route.route.split("/")[1:3]
        return f"/beheer/{app_label}/{model}/{_first(f'{app_label}.{model}').pk}/"
    fill = KWARGS.get(route.name)
    if fill is None and route.name.startswith("admin:") and "<path:object_id>" in route.route:
        app_label, model = route.route.split("/")[1:3]
        fill = _object(f"{app_label}.{model}")
    return reverse(route.name, kwargs=fill(scene, variant) if fill else None)


LOGIN_PATHS = ("/accounts/login/", "/beheer/login/")


def outcome(response: Any) -> int | str:
    if response.status_code == 302 and urlsplit(response["Location"]).path in LOGIN_PATHS:
        return LOGIN
    return int(response.status_code)


def _matches(actual: int | str, expected: Expected) -> bool:
    return actual in expected if isinstance(expected, frozenset) else actual == expected


def test_every_url_pattern_has_a_line_in_the_table():
    keys = [route.key for route in every_route()]
    table = all_expectations()
    missing = [key for key in keys if key not in table]
    assert not missing, f"Zet deze URL's in EXPECTED of ADMIN_MODELS in {__file__}: {missing}"
    stale = set(table) - set(keys)
    assert not stale, f"Deze regels horen bij geen URL meer: {sorted(stale)}"
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(ADMIN_MODELS)
    for key, variants in table.items():
        for variant, roles in variants.items():
            assert set(roles) == set(ROLES), f"{key} {variant}: niet elke rol staat erin"


def test_every_role_gets_what_the_table_says_on_every_url(settings, empty_cache, mailoutbox):
    scene = build_scene(settings)
    table = all_expectations()
    clients: dict[str, Client] = {ANONIEM: Client()}
    for role, user in scene.users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    wrong: list[str] = []
    for route in every_route():
        for variant, roles in table[route.key].items():
            path = _path(route, scene, variant)
            for role in ROLES:
                with transaction.atomic():
                    if variant.startswith("POST"):
                        data = POST_DATA.get(route.name or "", lambda scene: {})(scene)
                        response = clients[role].post(path, data)
                    else:
                        response = clients[role].get(path)
                    transaction.set_rollback(True)
                actual = outcome(response)
                if not _matches(actual, roles[role]):
                    wrong.append(f"{route.key} [{variant}] {path} als {role}: {actual}, verwacht {roles[role]}")
    assert not wrong, "\n".join(["", *wrong])


def test_who_may_publish_a_draft_of_our_organisation(settings, empty_cache):
    """The status page says 302 to everyone who may edit; whether the text is published shows who may publish."""
    from knowledge.models import Resource

    scene = build_scene(settings)
    draft = scene["resource concept-eigen"]
    url = reverse("knowledge:editor_resource_status", args=[draft.slug])
    published_by = []
    for role, user in scene.users.items():
        client = Client()
        client.force_login(user)
        with transaction.atomic():
            client.post(url, {"action": "publish"})
            draft.refresh_from_db()
            if draft.status == Resource.Status.PUBLISHED:
                published_by.append(role)
            transaction.set_rollback(True)
    assert published_by == [EINDREDACTEUR, REDACTIE, MEDEWERKER, SUPERUSER]


# --- the same table in docs/authorisation.md ---------------------------------------------------------------------

DOC = "docs/authorisation.md"
BEGIN, END = "<!-- tabel uit tests/base/test_authorisation.py: begin -->", "<!-- tabel: einde -->"
ROLE_HEADINGS = {
    ANONIEM: "anoniem",
    BEWONER: "bewoner",
    BEHEERDER: "beheerder",
    REDACTEUR: "redacteur",
    EINDREDACTEUR: "eindred.",
    ANDERE_REDACTEUR: "andere red.",
    KALE_MEDEWERKER: "staf zonder groep",
    REDACTIE: "groep Redactie",
    MEDEWERKER: "coalitie-medewerker",
    SUPERUSER: "superuser",
}
RIGHTS = {"v": "bekijken", "a": "toevoegen", "c": "wijzigen", "d": "verwijderen"}


def _cell(expected: Expected) -> str:
    words = {OK: "ja", LOGIN: "inloggen", REDIRECT: "doorgestuurd", 301: "doorgestuurd"}
    if isinstance(expected, frozenset):
        return " of ".join(sorted((str(words.get(e, e)) for e in expected), key=lambda w: (w[0].isdigit(), w)))
    return str(words.get(expected, expected))


def markdown_tables() -> str:
    """The table of the walk in Markdown: the portal and /beheer/ itself per URL, the admin of models per model."""
    lines = [
        BEGIN,
        "",
        "| Adres | Situatie | " + " | ".join(ROLE_HEADINGS[role] for role in ROLES) + " |",
        "|---|---|" + "---|" * len(ROLES),
    ]
    admin_models = admin_model_expectations()
    for route in every_route():
        if route.key in admin_models:
            continue
        for variant, roles in EXPECTED[route.key].items():
            address = "/" + route.route.replace("|", "\\|")
            cells = " | ".join(_cell(roles[role]) for role in ROLES)
            lines.append(f"| `{address}` | {variant} | {cells} |")
    lines += [
        "",
        "Het beheer per soort gegevens (/beheer/&lt;app&gt;/&lt;model&gt;/): wat de groepen Redactie en "
        "Coalitiemedewerkers en een superuser daar mogen. Staf zonder groep krijgt op deze pagina's 403, "
        "wie geen staf is komt er niet in.",
        "",
        "| Gegevens | Redactie | Coalitiemedewerker | Superuser |",
        "|---|---|---|---|",
    ]
    for label, rights in ADMIN_MODELS.items():
        cells = " | ".join(", ".join(RIGHTS[r] for r in letters) or "niets" for letters in rights)
        lines.append(f"| `{label}` | {cells} |")
    lines += ["", END]
    return "\n".join(lines)


def test_the_documentation_shows_this_table():
    """docs/authorisation.md prints the table above; WDHS_WRITE_DOCS=1 writes it there after a change."""
    import os
    from pathlib import Path

    from django.conf import settings

    doc = Path(settings.BASE_DIR) / DOC
    text = doc.read_text(encoding="utf-8")
    assert BEGIN in text and END in text, f"{DOC} mist de markeringen {BEGIN} en {END}"
    before, rest = text.split(BEGIN, 1)
    current, after = rest.split(END, 1)
    wanted = markdown_tables()
    if os.environ.get("WDHS_WRITE_DOCS") == "1":
        doc.write_text(before + wanted + after, encoding="utf-8")
    assert BEGIN + current + END == wanted, (
        f"De tabel in {DOC} loopt achter; schrijf hem opnieuw met WDHS_WRITE_DOCS=1 pytest {__file__}"
    )
