"""E-mail alerts: subscribe, confirm, unsubscribe (page and one-click POST), manage, digests without duplicates."""

from __future__ import annotations

import re
import time
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests import words
from tests.factories import (
    EventFactory,
    FundingSchemeFactory,
    InitiativeFactory,
    ResourceFactory,
    UserFactory,
    municipality,
    province,
    term,
)
from wdhs.alerts import digest, tokens
from wdhs.alerts.models import Frequency, Region, SentItem, Subscription
from wdhs.alerts.tasks import purge_unconfirmed_alerts_work, send_alert_digests
from wdhs.models import MunicipalityNeighbour
from wdhs.personal_data import delete_person, export_person

pytestmark = pytest.mark.django_db

ENERGY = "energie-en-klimaat"


def form_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kinds": ["kennis"],
        "themes": [ENERGY],
        "region": Region.PROVINCE,
        "province": "gelderland",
        "municipality": "",
        "include_national": "on",
        "frequency": Frequency.DAILY,
        "email": "bewoner@example.org",
    }
    data.update(overrides)
    return data


def subscription(**fields: object) -> Subscription:
    values: dict[str, object] = {
        "email": "lezer@example.org",
        "kinds": ["kennis"],
        "region": Region.COUNTRY,
        "frequency": Frequency.DAILY,
        "confirmed_at": timezone.now() - timedelta(days=2),
        "last_digest_at": timezone.now() - timedelta(days=1, hours=1),
    }
    values.update(fields)
    themes = values.pop("themes", [])
    made = Subscription.objects.create(**values)
    made.themes.set(themes)  # type: ignore[arg-type]
    return made


def link(body: str, name: str) -> str:
    found = re.search(r"https?://[^/\s]+(/meldingen/" + name + r"/\S+/)", body)
    assert found, body
    return found.group(1)


# --- subscribe and confirm ---


def test_visitor_subscribes_and_gets_only_a_confirmation_mail(
    client: Client, django_capture_on_commit_callbacks
) -> None:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("alerts:subscribe"), form_data())
    assert response.status_code == 302
    made = Subscription.objects.get()
    assert made.email == "bewoner@example.org"
    assert made.confirmed_at is None
    assert made.province == province("Gelderland")
    assert list(made.themes.values_list("slug", flat=True)) == [ENERGY]
    assert len(mail.outbox) == 1
    assert "Bevestig" in mail.outbox[0].subject
    assert "List-Unsubscribe" not in mail.outbox[0].extra_headers
    # Nothing is sent before the confirmation, however much is new.
    ResourceFactory(themes=[term("theme", ENERGY)])
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send(timezone.now() + timedelta(days=1))
    assert len(mail.outbox) == 1


def test_confirmation_link_shows_a_button_and_the_post_confirms(
    client: Client, django_capture_on_commit_callbacks
) -> None:  # noqa: ANN001
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("alerts:subscribe"), form_data())
    url = link(str(mail.outbox[0].body), "bevestigen")
    page = client.get(url)
    assert page.status_code == 200
    assert Subscription.objects.get().confirmed_at is None  # opening the link (a mail scanner) confirms nothing
    assert client.post(url).status_code == 200
    assert Subscription.objects.get().confirmed_at is not None
    assert client.get(url).status_code == 200  # again: "al bevestigd", no error


def test_confirmation_link_expires(client: Client) -> None:
    made = subscription(confirmed_at=None)

    class LastWeek(signing.TimestampSigner):
        def timestamp(self) -> str:
            return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)

    old = LastWeek(salt="wdhs.alerts.confirm").sign(made.token)
    assert client.post(reverse("alerts:confirm", args=[old])).status_code == 404
    assert Subscription.objects.get().confirmed_at is None
    assert client.post(reverse("alerts:confirm", args=[tokens.confirm_token(made.token)])).status_code == 200


@pytest.mark.parametrize("token", ["nep", "a" * 5000, "abc:def:ghi", "%3Cscript%3Ealert(1)%3C%2Fscript%3E"])
def test_bad_tokens_are_404(client: Client, token: str) -> None:
    subscription(confirmed_at=None)
    for url in [f"/meldingen/bevestigen/{token}/", f"/meldingen/uitschrijven/{token}/"]:
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert Subscription.objects.count() == 1


def test_confirming_the_same_alert_twice_for_one_address_keeps_one(client: Client) -> None:
    """A second try (the first mail came late) confirmed as well: one alert, so one digest, not two."""
    energy = term("theme", ENERGY)
    first = subscription(email="Lezer@example.org", themes=[energy])
    again = subscription(email="lezer@example.org", themes=[energy], confirmed_at=None)
    other = subscription(email="lezer@example.org", themes=[energy], confirmed_at=None, frequency=Frequency.WEEKLY)
    response = client.post(reverse("alerts:confirm", args=[tokens.confirm_token(again.token)]))
    assert "Je had deze melding al bevestigd." in response.content.decode()
    assert client.post(reverse("alerts:confirm", args=[tokens.confirm_token(other.token)])).status_code == 200
    assert set(Subscription.objects.confirmed().values_list("pk", flat=True)) == {first.pk, other.pk}
    # Switched off by staff: asking again is wanting it again.
    Subscription.objects.filter(pk=first.pk).update(is_active=False)
    third = subscription(email="lezer@example.org", themes=[energy], confirmed_at=None)
    response = client.post(reverse("alerts:confirm", args=[tokens.confirm_token(third.token)]))
    assert "Je e-mailadres is bevestigd" in response.content.decode()
    assert Subscription.objects.get(pk=third.pk).confirmed_at is not None


def test_an_unsubscribe_link_does_not_confirm(client: Client) -> None:
    made = subscription(confirmed_at=None)
    assert client.post(reverse("alerts:confirm", args=[tokens.unsubscribe_token(made.token)])).status_code == 404
    assert Subscription.objects.get().confirmed_at is None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"themes": ["bestaat-niet"]}, "themes", "Kies thema's uit de lijst."),
        ({"kinds": []}, "kinds", "Kies minstens één soort nieuws"),
        ({"kinds": ["spam"]}, "kinds", "Kies uit de soorten nieuws"),
        ({"region": "maan"}, "region", "Kies een van de plekken"),
        ({"province": ""}, "province", "Kies de provincie"),
        ({"region": Region.MUNICIPALITY, "province": ""}, "municipality", "Typ de naam van de gemeente"),
        ({"region": Region.MUNICIPALITY, "municipality": "Atlantis"}, "municipality", "Deze gemeente kennen we niet"),
        ({"region": Region.MUNICIPALITY, "municipality": "x" * 10_000}, "municipality", "hoogstens 80 tekens"),
        ({"email": "geen-adres"}, "email", "Dit is geen e-mailadres"),
        ({"email": "a" * 300 + "@example.org"}, "email", "te lang"),
        ({"email": ""}, "email", "Vul je e-mailadres in"),
        ({"frequency": "elk-uur"}, "frequency", "Kies elke dag of één keer per week"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_saves_nothing(
    client: Client, overrides: dict[str, object], field: str, message: str
) -> None:
    response = client.post(reverse("alerts:subscribe"), form_data(**overrides))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert Subscription.objects.count() == 0
    assert mail.outbox == []


def test_subscribe_form_is_rate_limited(client: Client) -> None:
    for n in range(5):
        assert client.post(reverse("alerts:subscribe"), form_data(email=f"b{n}@example.org")).status_code == 302
    response = client.post(reverse("alerts:subscribe"), form_data(email="b9@example.org"))
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Subscription.objects.count() == 5


def test_signed_in_person_with_verified_address_needs_no_confirmation(client: Client) -> None:
    person = UserFactory()  # with a confirmed address, as after sign-up
    assert EmailAddress.objects.filter(user=person, verified=True).exists()
    client.force_login(person)
    response = client.post(reverse("alerts:mine"), form_data(email=""))
    assert response.status_code == 302
    made = Subscription.objects.get()
    assert made.user == person and made.email == person.email and made.confirmed_at is not None
    assert mail.outbox == []
    page = client.get(reverse("alerts:mine"))
    assert "Energie en klimaat" in page.content.decode()


def test_signed_in_person_without_verified_address_confirms_by_mail(
    client: Client,
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    person = UserFactory()
    EmailAddress.objects.filter(user=person).update(verified=False)
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("alerts:mine"), form_data(email=""))
    assert Subscription.objects.get().confirmed_at is None
    assert [m.to for m in mail.outbox] == [[person.email]]


def test_my_alerts_needs_an_account(client: Client) -> None:
    response = client.get(reverse("alerts:mine"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_outsider_cannot_delete_someone_elses_alert(client: Client) -> None:
    owner, outsider = UserFactory(), UserFactory()
    made = subscription(user=owner, email=owner.email)
    client.force_login(outsider)
    assert client.post(reverse("alerts:delete", args=[made.pk])).status_code == 404
    assert client.post(reverse("alerts:delete", args=[999_999])).status_code == 404
    assert "lezer" not in client.get(reverse("alerts:mine")).content.decode()
    assert Subscription.objects.filter(pk=made.pk).exists()
    client.force_login(owner)
    assert client.post(reverse("alerts:delete", args=[made.pk])).status_code == 302
    assert not Subscription.objects.exists()


# --- unsubscribe ---


def test_unsubscribe_page_then_button(client: Client) -> None:
    made = subscription()
    url = reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(made.token)])
    assert client.get(url).status_code == 200
    assert Subscription.objects.exists()
    response = client.post(url)
    assert response.status_code == 200
    assert "Je bent uitgeschreven" in response.content.decode()
    assert not Subscription.objects.exists()
    assert "Je was al uitgeschreven" in client.get(url).content.decode()


def test_one_click_unsubscribe_works_without_csrf_token_and_without_login() -> None:
    made = subscription()
    SentItem.objects.create(subscription=made, content_type_id=1, object_id=1)
    client = Client(enforce_csrf_checks=True)
    url = reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(made.token)])
    response = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not SentItem.objects.exists()
    assert (
        client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded").status_code
        == 200
    )


def test_other_forms_still_need_their_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("alerts:subscribe"), form_data()).status_code == 403


# --- digests ---


def test_digest_has_the_new_items_in_the_region_and_theme_and_the_unsubscribe_headers(
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    energy, care = term("theme", ENERGY), term("theme", "zorg-en-welzijn")
    made = subscription(region=Region.PROVINCE, province=province("Gelderland"), themes=[energy])
    wanted = ResourceFactory(
        title="Zonnepanelen op het dorpshuis", themes=[energy], scope="gemeente", municipality=municipality("Arnhem")
    )
    national = ResourceFactory(title="Energie besparen met de buren", themes=[energy])
    ResourceFactory(title="Andere provincie", themes=[energy], scope="gemeente", municipality=municipality("Utrecht"))
    ResourceFactory(title="Ander thema", themes=[care])
    ResourceFactory(title="Concept", themes=[energy], status="concept", published_at=None)
    ResourceFactory(title="Te oud", themes=[energy], published_at=timezone.now() - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        result = digest.digests_send()
    assert result == {"mails": 1, "items": 2, "failed": 0}
    [message] = mail.outbox
    assert message.to == [made.email]
    assert wanted.title in message.body and national.title in message.body
    for absent in ["Andere provincie", "Ander thema", "Concept", "Te oud"]:
        assert absent not in message.body
    unsubscribe = reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(made.token)])
    assert message.extra_headers["List-Unsubscribe"] == f"<{django_settings.SITE_URL}{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in message.body
    assert set(SentItem.objects.values_list("object_id", flat=True)) == {wanted.pk, national.pk}


def test_mailto_unsubscribe_is_added_when_configured(settings, django_capture_on_commit_callbacks) -> None:  # noqa: ANN001
    settings.WDHS_ALERTS_UNSUBSCRIBE_MAILTO = "afmelden@example.org"
    subscription()
    ResourceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send()
    assert "<mailto:afmelden@example.org?subject=uitschrijven" in mail.outbox[0].extra_headers["List-Unsubscribe"]


def test_municipality_and_neighbours_and_every_kind(
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    utrecht = municipality("Utrecht")
    neighbour = MunicipalityNeighbour.objects.filter(municipality=utrecht).select_related("neighbour")[0].neighbour
    subscription(
        region=Region.NEIGHBOURS,
        municipality=utrecht,
        include_national=False,
        kinds=["kennis", "initiatieven", "regelingen", "agenda"],
    )
    InitiativeFactory(name="Buurtmoestuin naast de deur", municipality=neighbour)
    InitiativeFactory(name="Ver weg in Groningen", municipality=municipality("Groningen"))
    scheme = FundingSchemeFactory(name="Buurtbudget Utrecht", scope="regio")
    scheme.municipalities.set([utrecht])
    FundingSchemeFactory(name="Landelijk fonds")  # national, and not asked for
    EventFactory(title="Avond over zonnedaken", municipality=utrecht)
    ResourceFactory(title="Provincie Utrecht helpt", scope="provincie", province=province("Utrecht"))
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send()
    [message] = mail.outbox
    for title in [
        "Buurtmoestuin naast de deur",
        "Buurtbudget Utrecht",
        "Avond over zonnedaken",
        "Provincie Utrecht helpt",
    ]:
        assert title in message.body
    assert "Ver weg in Groningen" not in message.body
    assert "Landelijk fonds" not in message.body


def test_digest_is_bounded_per_kind_with_en_n_meer(
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    subscription(themes=[term("theme", ENERGY)])
    for n in range(digest.ITEMS_PER_KIND + 3):
        ResourceFactory(title=f"Energie-item {n:02d}", themes=[term("theme", ENERGY)])
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send()
    body = mail.outbox[0].body
    assert body.count("Energie-item") == digest.ITEMS_PER_KIND
    assert "En 3 meer: http" in body and "thema=energie-en-klimaat" in body


def test_daily_digest_query_count_does_not_grow_with_items(django_assert_max_num_queries) -> None:  # noqa: ANN001
    subscription(
        kinds=["kennis", "initiatieven", "regelingen", "agenda"], region=Region.PROVINCE, province=province("Utrecht")
    )
    for _ in range(5):
        ResourceFactory(scope="provincie", province=province("Utrecht"))
        InitiativeFactory()
    with django_assert_max_num_queries(30):
        digest.digests_send()


class Crash(BaseException):
    """The worker is killed in the middle of a run (not an Exception: nothing catches it)."""


def test_interrupted_run_started_again_sends_every_item_once(
    monkeypatch,
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    first, second, third = (subscription(email=f"lezer{n}@example.org") for n in range(3))
    items = [ResourceFactory(title=f"Nieuw item {n}") for n in range(3)]
    real_send = digest.emails.send_now
    calls = []

    def send_then_crash(name: str, **kwargs: object) -> None:
        calls.append(kwargs["to"])
        if len(calls) == 2:
            raise Crash
        real_send(name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.emails, "send_now", send_then_crash)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Crash):
        digest.digests_send()
    assert [m.to for m in mail.outbox] == [[first.email]]
    # The second one's items were rolled back with its mail; nothing was recorded for it or the third.
    assert not SentItem.objects.filter(subscription__in=[second, third]).exists()
    monkeypatch.setattr(digest.emails, "send_now", real_send)
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.digests_send() == {"mails": 2, "items": 6, "failed": 0}
        assert digest.digests_send() == {"mails": 0, "items": 0, "failed": 0}  # the same day again: nothing
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.email, second.email, third.email])
    for message in mail.outbox:
        for item in items:
            assert message.body.count(item.title) == 1
    # Even when the window is opened again (a staff member resets it), the sent items never come back.
    Subscription.objects.update(last_digest_at=timezone.now() - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.digests_send()["mails"] == 0
    assert len(mail.outbox) == 3


def test_a_failing_subscription_does_not_stop_the_others_and_the_day_is_not_done(
    monkeypatch, django_capture_on_commit_callbacks
) -> None:  # noqa: ANN001
    broken, fine = subscription(email="kapot@example.org"), subscription(email="goed@example.org")
    ResourceFactory()
    real_send = digest.emails.send_now

    def fail_for_one(name: str, **kwargs: object) -> None:
        if kwargs["to"] == [broken.email]:
            raise RuntimeError("kapot")
        real_send(name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.emails, "send_now", fail_for_one)
    day = timezone.localdate().isoformat()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError, match="mislukt"):
        send_alert_digests.call(day)
    assert [m.to for m in mail.outbox] == [[fine.email]]
    monkeypatch.setattr(digest.emails, "send_now", real_send)
    with django_capture_on_commit_callbacks(execute=True):
        assert "1 mail(s)" in send_alert_digests.call(day)
        assert send_alert_digests.call(day).startswith("Al gedaan")
    assert sorted(m.to[0] for m in mail.outbox) == ["goed@example.org", "kapot@example.org"]


def test_weekly_digest_waits_a_week(
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    made = subscription(frequency=Frequency.WEEKLY, last_digest_at=timezone.now() - timedelta(days=3))
    ResourceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send()
    assert mail.outbox == []
    Subscription.objects.filter(pk=made.pk).update(last_digest_at=timezone.now() - timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send()
    assert len(mail.outbox) == 1


def test_deactivated_alert_gets_nothing(
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    subscription(is_active=False)
    ResourceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send()
    assert mail.outbox == []


# --- AVG ---


def test_unconfirmed_alerts_are_deleted_after_their_period() -> None:
    old = subscription(confirmed_at=None)
    Subscription.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=8))
    recent = subscription(confirmed_at=None)
    confirmed = subscription()
    Subscription.objects.filter(pk=confirmed.pk).update(created_at=timezone.now() - timedelta(days=80))
    assert purge_unconfirmed_alerts_work().startswith("1 ")
    assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


def test_alerts_are_in_the_export_and_go_with_the_account() -> None:
    person = UserFactory()
    mine = subscription(user=person, email=person.email, themes=[term("theme", ENERGY)])
    by_address = subscription(email=person.email.upper())
    other = subscription(email="iemand-anders@example.org")
    exported = export_person(person)["meldingen per e-mail"]
    assert len(exported) == 2
    assert exported[0]["thema's"] == "Energie en klimaat"
    delete_person(person)
    assert list(Subscription.objects.values_list("pk", flat=True)) == [other.pk]
    assert not Subscription.objects.filter(pk__in=[mine.pk, by_address.pk]).exists()


def test_the_alert_pages_have_no_english_and_no_framework_words(client: Client) -> None:
    made = subscription(confirmed_at=None, themes=[term("theme", ENERGY)])
    unsubscribe = reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(made.token)])
    confirm = reverse("alerts:confirm", args=[tokens.confirm_token(made.token)])
    pages = {
        "subscribe": client.get(reverse("alerts:subscribe")).content.decode(),
        "subscribe, wrong": client.post(reverse("alerts:subscribe"), form_data(kinds=[])).content.decode(),
        "confirm": client.get(confirm).content.decode(),
        "confirmed": client.post(confirm).content.decode(),
        "unsubscribe": client.get(unsubscribe).content.decode(),
        "unsubscribed": client.post(unsubscribe).content.decode(),
    }
    client.force_login(UserFactory())
    pages["mine"] = client.get(reverse("alerts:mine")).content.decode()
    found = [
        f"{name}: {problem}"
        for name, html in pages.items()
        for check in (words.english, words.framework_words, words.other_date_styles)
        for problem in check(words.readable_text(html))
    ]
    assert not found, found


def test_signed_in_person_on_the_public_form_with_their_own_address_is_confirmed_at_once(client: Client) -> None:
    person = UserFactory()
    client.force_login(person)
    assert client.post(reverse("alerts:subscribe"), form_data(email=person.email)).status_code == 302
    client.post(reverse("alerts:subscribe"), form_data(email="iemand.anders@example.org"))
    own, other = Subscription.objects.order_by("pk")
    assert own.user == person and own.confirmed_at is not None
    assert other.user is None and other.confirmed_at is None  # someone else's address: they confirm it themselves


def test_an_address_gets_at_most_three_waiting_confirmation_mails(django_capture_on_commit_callbacks) -> None:  # noqa: ANN001
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(5):
            client.post(
                reverse("alerts:subscribe"), form_data(email="Doelwit@example.org" if n % 2 else "doelwit@example.org")
            )
    assert Subscription.objects.count() == 5  # the same answer every time: the form does not tell what exists
    assert len(mail.outbox) == 3
