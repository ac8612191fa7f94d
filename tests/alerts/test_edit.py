"""Changing an alert without unsubscribing: from the link in every digest, or from /mijn/meldingen/ (issue 15)."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests import words
from tests.alerts.test_alerts import ENERGY, form_data, link, subscription
from tests.factories import ResourceFactory, UserFactory, province, term
from wdhs.alerts import digest, tokens
from wdhs.alerts.models import Frequency, Region, SentItem, Subscription

pytestmark = pytest.mark.django_db

CARE = "zorg-en-welzijn"


def change(**overrides: object) -> dict[str, object]:
    """The alert form, changed: care instead of energy, the whole country, once a week."""
    data = form_data(
        **{"themes": [CARE], "region": Region.COUNTRY, "province": "", "frequency": Frequency.WEEKLY, **overrides}
    )
    data.pop("email")  # the address is not part of the alert's choices
    return data


def edit_url(made: Subscription) -> str:
    return reverse("alerts:edit", args=[tokens.edit_token(made.token)])


def test_every_digest_has_a_link_to_change_the_alert_and_the_change_keeps_address_and_history(
    client: Client,
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    made = subscription(region=Region.PROVINCE, province=province("Gelderland"), themes=[term("theme", ENERGY)])
    ResourceFactory(title="Energie besparen met de buren", themes=[term("theme", ENERGY)])
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send()
    [message] = mail.outbox
    assert "Wijzig deze melding" in message.body
    url = link(str(message.body), "wijzigen")
    assert url != reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(made.token)])
    before = Subscription.objects.get()

    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["region"] == Region.PROVINCE
    html = page.content.decode()
    assert [theme.slug for theme in page.context["form"].initial["themes"]] == [ENERGY]
    assert html.count(" checked") >= 4  # the current choices are ticked: kind, theme, region, national, frequency
    assert made.email in html
    assert "no-store" in page["Cache-Control"]  # the address must not stay in a shared cache

    response = client.post(url, change())
    assert response.status_code == 302
    assert response["Location"] == url
    shown = client.get(url).content.decode()
    assert "Je melding is gewijzigd" in shown  # the confirmation panel, once
    assert "Zorg en welzijn" in shown
    assert "Je melding is gewijzigd" not in client.get(url).content.decode()

    after = Subscription.objects.get()
    assert list(after.themes.values_list("slug", flat=True)) == [CARE]
    assert (after.region, after.province, after.frequency) == (Region.COUNTRY, None, Frequency.WEEKLY)
    # Same alert: the address, the confirmation, the links, the window and what it was sent all stay.
    assert (after.pk, after.email, after.token, after.confirmed_at, after.last_digest_at) == (
        before.pk,
        before.email,
        before.token,
        before.confirmed_at,
        before.last_digest_at,
    )
    assert SentItem.objects.filter(subscription=after).count() == 1


def test_signed_in_person_changes_their_own_alert_from_my_alerts(client: Client) -> None:
    owner = UserFactory()
    made = subscription(user=owner, email=owner.email, themes=[term("theme", ENERGY)])
    client.force_login(owner)
    url = reverse("alerts:mine_edit", args=[made.pk])
    assert url in client.get(reverse("alerts:mine")).content.decode()
    assert client.get(url).status_code == 200
    response = client.post(url, change(kinds=["kennis", "initiatieven"]))
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts:mine")
    page = client.get(reverse("alerts:mine")).content.decode()
    assert "Je melding is gewijzigd" in page
    made.refresh_from_db()
    assert made.kinds == ["kennis", "initiatieven"]
    assert made.frequency == Frequency.WEEKLY
    assert list(made.themes.values_list("slug", flat=True)) == [CARE]


def test_outsider_cannot_open_or_change_someone_elses_alert(client: Client) -> None:
    owner, outsider = UserFactory(), UserFactory()
    made = subscription(user=owner, email=owner.email, themes=[term("theme", ENERGY)])
    url = reverse("alerts:mine_edit", args=[made.pk])
    response = client.get(url)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert client.post(url, change()).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, change()).status_code == 404
    assert client.post(reverse("alerts:mine_edit", args=[999_999]), change()).status_code == 404
    made.refresh_from_db()
    assert list(made.themes.values_list("slug", flat=True)) == [ENERGY]
    assert made.frequency == Frequency.DAILY


class LongAgo(signing.TimestampSigner):
    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - 91 * 24 * 3600)


@pytest.mark.parametrize("kind", ["nep", "lang", "uitschrijflink", "verlopen", "andere-sleutel", "uitgeschreven"])
def test_a_wrong_or_old_link_gives_a_dutch_404_and_changes_nothing(client: Client, kind: str) -> None:
    made = subscription(themes=[term("theme", ENERGY)])
    token = {
        "nep": "nep",
        "lang": "a" * 5000,
        "uitschrijflink": tokens.unsubscribe_token(made.token),  # another purpose, another salt
        "verlopen": LongAgo(salt="wdhs.alerts.edit").sign(made.token),
        "andere-sleutel": tokens.edit_token(made.token[:-1] + ("A" if made.token[-1] != "A" else "B")),
        "uitgeschreven": tokens.edit_token(made.token),
    }[kind]
    if kind == "uitgeschreven":
        Subscription.objects.all().delete()
    url = f"/meldingen/wijzigen/{token}/"
    for response in (client.get(url), client.post(url, change())):
        assert response.status_code == 404
        assert "Deze link werkt niet meer" in response.content.decode()
    assert list(Subscription.objects.values_list("frequency", flat=True)) == (
        [] if kind == "uitgeschreven" else [Frequency.DAILY]
    )


def test_a_fresh_link_works_after_almost_the_whole_period(client: Client) -> None:
    made = subscription()

    class LastMonth(signing.TimestampSigner):
        def timestamp(self) -> str:
            return signing.b62_encode(int(time.time()) - 89 * 24 * 3600)

    assert client.get(f"/meldingen/wijzigen/{LastMonth(salt='wdhs.alerts.edit').sign(made.token)}/").status_code == 200


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"themes": ["bestaat-niet"]}, "themes", "Kies thema's uit de lijst."),
        ({"themes": ["x" * 100_000]}, "themes", "Kies thema's uit de lijst."),
        ({"themes": [f"thema-{n}" for n in range(1500)]}, "themes", "Kies thema's uit de lijst."),
        ({"kinds": []}, "kinds", "Kies minstens één soort nieuws"),
        ({"kinds": ["spam" * 10_000]}, "kinds", "Kies uit de soorten nieuws"),
        ({"region": "maan" * 10_000}, "region", "Kies een van de plekken"),
        ({"region": Region.PROVINCE, "province": "x" * 100_000}, "province", "Kies een provincie uit de lijst"),
        ({"region": Region.MUNICIPALITY, "municipality": "Atlantis"}, "municipality", "Deze gemeente kennen we niet"),
        ({"region": Region.MUNICIPALITY, "municipality": "x" * 10_000}, "municipality", "hoogstens 80 tekens"),
        ({"frequency": "elk-uur"}, "frequency", "Kies elke dag of één keer per week"),
    ],
)
def test_bad_input_gets_a_dutch_message_and_changes_nothing(
    client: Client, overrides: dict[str, object], field: str, message: str
) -> None:
    owner = UserFactory()
    made = subscription(user=owner, email=owner.email, themes=[term("theme", ENERGY)])
    for url, as_owner in ((edit_url(made), False), (reverse("alerts:mine_edit", args=[made.pk]), True)):
        if as_owner:
            client.force_login(owner)
        response = client.post(url, change(**overrides))
        assert response.status_code == 400
        assert message in " ".join(response.context["form"].errors[field])
        assert message in response.content.decode().replace("&#x27;", "'")
    made.refresh_from_db()
    assert (made.region, made.frequency, made.kinds) == (Region.COUNTRY, Frequency.DAILY, ["kennis"])
    assert list(made.themes.values_list("slug", flat=True)) == [ENERGY]


def test_after_a_change_nothing_is_sent_twice(
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    energy, care = term("theme", ENERGY), term("theme", CARE)
    made = subscription(themes=[energy])
    first = ResourceFactory(title="Energie besparen met de buren", themes=[energy, care])
    with django_capture_on_commit_callbacks(execute=True):
        digest.digests_send()
    assert first.title in mail.outbox[0].body

    client = Client()
    assert client.post(edit_url(made), change(themes=[CARE], frequency=Frequency.DAILY)).status_code == 302
    second = ResourceFactory(title="Samen koken in de buurt", themes=[care])
    tomorrow = timezone.now() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.digests_send(tomorrow) == {"mails": 1, "items": 1, "failed": 0}
    assert second.title in mail.outbox[1].body
    assert first.title not in mail.outbox[1].body
    # Even with the window opened again (a staff member resets it), what was sent never comes back.
    Subscription.objects.update(last_digest_at=timezone.now() - timedelta(days=3))
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.digests_send(tomorrow)["mails"] == 0
    assert len(mail.outbox) == 2
    assert SentItem.objects.filter(subscription=made).count() == 2


def test_the_change_pages_have_no_english_and_no_framework_words(client: Client) -> None:
    owner = UserFactory()
    made = subscription(user=owner, email=owner.email, themes=[term("theme", ENERGY)])
    pages = {
        "edit": client.get(edit_url(made)).content.decode(),
        "edit, wrong": client.post(edit_url(made), change(kinds=[])).content.decode(),
        "edit, bad link": client.get("/meldingen/wijzigen/nep/").content.decode(),
    }
    client.force_login(owner)
    pages["mine edit"] = client.get(reverse("alerts:mine_edit", args=[made.pk])).content.decode()
    found = [
        f"{name}: {problem}"
        for name, html in pages.items()
        for check in (words.english, words.framework_words, words.other_date_styles)
        for problem in check(words.readable_text(html))
    ]
    assert not found, found


@pytest.mark.parametrize("page", ["confirm", "unsubscribe"])
def test_pages_that_show_the_address_are_kept_by_no_cache_at_all(client: Client, settings, page: str) -> None:
    """The confirm and unsubscribe pages show the e-mail address: no proxy and no page cache may keep them, also
    not for the few minutes the page cache keeps a public page (AVG)."""
    settings.WDHS_PAGE_CACHE = True
    made = subscription(confirmed_at=None)
    token = tokens.confirm_token(made.token) if page == "confirm" else tokens.unsubscribe_token(made.token)
    url = reverse(f"alerts:{page}", args=[token])
    first = client.get(url)
    assert first.status_code == 200 and made.email in first.content.decode()
    control = first["Cache-Control"]
    assert "no-store" in control and "private" in control
    made.delete()  # gone: a kept copy would still show the address
    assert made.email not in client.get(url).content.decode()
