from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative, Invitation, Membership, Status
from tests.background import committed
from tests.factories import InitiativeFactory, UserFactory
from tests.initiatives.test_register import valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return UserFactory()


@pytest.fixture
def initiative(owner):
    return InitiativeFactory(managers=[owner])


@pytest.fixture
def charlie():
    """An outsider: manages another initiative, not this one."""
    outsider = UserFactory()
    InitiativeFactory(managers=[outsider])
    return outsider


def manage_urls(initiative: Initiative) -> list[tuple[str, str]]:
    member = initiative.memberships.first()
    assert member is not None
    return [
        ("get", reverse("initiatives:manage", args=[initiative.slug])),
        ("get", reverse("initiatives:edit", args=[initiative.slug])),
        ("post", reverse("initiatives:edit", args=[initiative.slug])),
        ("post", reverse("initiatives:confirm", args=[initiative.slug])),
        ("post", reverse("initiatives:invite", args=[initiative.slug])),
        ("post", reverse("initiatives:remove_manager", args=[initiative.slug, member.pk])),
    ]


def test_outsider_gets_404_on_every_manage_page(client, initiative, charlie):
    client.force_login(charlie)
    for method, url in manage_urls(initiative):
        assert getattr(client, method)(url, {"email": "x@example.org"}).status_code == 404, url
    assert initiative.memberships.count() == 1


def test_anonymous_is_sent_to_login(client, initiative):
    for method, url in manage_urls(initiative):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_unknown_slug_is_404(client, owner):
    client.force_login(owner)
    assert client.get(reverse("initiatives:manage", args=["bestaat-niet"])).status_code == 404


def test_manager_sees_manage_page_and_dashboard(client, owner, initiative):
    client.force_login(owner)
    assert client.get(initiative.get_manage_url()).status_code == 200
    body = client.get(reverse("mijn")).content.decode()
    assert "Mijn initiatieven" in body and initiative.name in body


def test_edit_of_published_initiative_waits_for_review(client, owner, initiative):
    client.force_login(owner)
    data = valid_data(name="Nieuwe Naam Voor Het Initiatief", municipality="Utrecht")
    response = client.post(reverse("initiatives:edit", args=[initiative.slug]), data)
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.name != "Nieuwe Naam Voor Het Initiatief"
    assert initiative.pending_changes["name"] == "Nieuwe Naam Voor Het Initiatief"
    assert "Nieuwe Naam" not in client.get(initiative.get_absolute_url()).content.decode()


def test_edit_of_submitted_initiative_applies_directly(client, owner):
    initiative = InitiativeFactory(managers=[owner], status=Status.SUBMITTED, published_at=None)
    client.force_login(owner)
    response = client.post(reverse("initiatives:edit", args=[initiative.slug]), valid_data(municipality="Utrecht"))
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.name == "Repair Café De Schroef"
    assert initiative.pending_changes is None


def test_edit_of_rejected_initiative_goes_back_to_review(client, owner):
    initiative = InitiativeFactory(managers=[owner], status=Status.REJECTED, rejection_reason="Te weinig info")
    client.force_login(owner)
    client.post(reverse("initiatives:edit", args=[initiative.slug]), valid_data(municipality="Utrecht"))
    initiative.refresh_from_db()
    assert initiative.status == Status.SUBMITTED and initiative.rejection_reason == ""


def test_edit_bad_input_keeps_data_unchanged(client, owner, initiative):
    client.force_login(owner)
    response = client.post(
        reverse("initiatives:edit", args=[initiative.slug]), valid_data(website="http://x.example.org")
    )
    assert response.status_code == 400
    initiative.refresh_from_db()
    assert initiative.pending_changes is None


def test_edit_bad_input_shows_the_saved_name_above_the_form(client, owner, initiative):
    client.force_login(owner)
    data = valid_data(name="Nog Niet Opgeslagen", website="http://x.example.org")
    body = client.post(reverse("initiatives:edit", args=[initiative.slug]), data).content.decode()
    assert f"{initiative.name} aanpassen</h1>" in body
    assert 'value="Nog Niet Opgeslagen"' in body  # what was typed stays in the form


def test_edit_does_not_flag_itself_as_duplicate(client, owner, initiative):
    client.force_login(owner)
    data = valid_data(name=initiative.name, municipality="Utrecht")
    assert client.post(reverse("initiatives:edit", args=[initiative.slug]), data).status_code == 302


def test_confirm_sets_date(client, owner, initiative):
    Initiative.objects.filter(pk=initiative.pk).update(confirmed_at=timezone.now() - timedelta(days=600))
    client.force_login(owner)
    client.post(reverse("initiatives:confirm", args=[initiative.slug]))
    initiative.refresh_from_db()
    assert not initiative.is_stale


def invite(client, initiative, email: str = "nieuw@example.org") -> str:
    mail.outbox.clear()
    with committed():
        response = client.post(reverse("initiatives:invite", args=[initiative.slug]), {"email": email})
    assert response.status_code == 302
    body = mail.outbox[-1].body
    return body[body.index("/initiatieven/uitnodiging/") :].split()[0]


def test_invitation_flow(client, owner, initiative):
    client.force_login(owner)
    path = invite(client, initiative)
    assert mail.outbox[-1].to == ["nieuw@example.org"]
    newcomer = UserFactory(email="nieuw@example.org")
    client.force_login(newcomer)
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    assert Membership.objects.filter(initiative=initiative, user=newcomer).exists()
    # single use: the same link does not work a second time
    client.force_login(UserFactory(email="NIEUW2@example.org"))
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    assert initiative.memberships.count() == 2


def test_invitation_link_asks_anonymous_to_log_in(client, owner, initiative):
    client.force_login(owner)
    path = invite(client, initiative)
    client.logout()
    response = client.get(path)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_expired_invitation_does_not_work(client, owner, initiative):
    client.force_login(owner)
    path = invite(client, initiative)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(UserFactory(email="nieuw@example.org"))
    assert client.post(path).status_code == 404
    assert initiative.memberships.count() == 1


def test_unknown_or_hostile_token(client, user):
    client.force_login(user)
    for token in ["abc", "x" * 500]:
        assert client.get(f"/initiatieven/uitnodiging/{token}/").status_code == 404
    # A control character in an address is refused before any view (wdhs.text).
    assert client.get("/initiatieven/uitnodiging/%00/").status_code == 400


def test_only_a_hash_of_the_token_is_stored(client, owner, initiative):
    client.force_login(owner)
    path = invite(client, initiative)
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_new_invitation_revokes_the_old_one(client, owner, initiative):
    client.force_login(owner)
    first = invite(client, initiative)
    invite(client, initiative)
    client.force_login(UserFactory(email="nieuw@example.org"))
    assert client.get(first).status_code == 404


@pytest.mark.parametrize("email", ["", "geen-adres", "a" * 300 + "@example.org"])
def test_invite_bad_input(client, owner, initiative, email):
    client.force_login(owner)
    response = client.post(reverse("initiatives:invite", args=[initiative.slug]), {"email": email})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_invite_existing_manager_is_refused(client, owner, initiative):
    client.force_login(owner)
    response = client.post(reverse("initiatives:invite", args=[initiative.slug]), {"email": owner.email.upper()})
    assert response.status_code == 400
    assert "beheert dit initiatief al" in response.content.decode()


def test_last_manager_cannot_be_removed(client, owner, initiative):
    client.force_login(owner)
    membership = initiative.memberships.get()
    response = client.post(reverse("initiatives:remove_manager", args=[initiative.slug, membership.pk]))
    assert response.status_code == 302
    assert initiative.memberships.count() == 1


def test_manager_removes_co_manager(client, owner, initiative):
    other = UserFactory()
    membership = Membership.objects.create(initiative=initiative, user=other)
    client.force_login(owner)
    client.post(reverse("initiatives:remove_manager", args=[initiative.slug, membership.pk]))
    assert list(initiative.memberships.values_list("user", flat=True)) == [owner.pk]


def test_cannot_remove_membership_of_another_initiative(client, owner, initiative, charlie):
    other_membership = Membership.objects.get(user=charlie)
    Membership.objects.create(initiative=other_membership.initiative, user=UserFactory())
    client.force_login(owner)
    url = reverse("initiatives:remove_manager", args=[initiative.slug, other_membership.pk])
    assert client.post(url).status_code == 404
    assert Membership.objects.filter(pk=other_membership.pk).exists()


def test_yearly_confirmation_command(owner, initiative):
    from django.core.management import call_command

    Initiative.objects.filter(pk=initiative.pk).update(confirmed_at=timezone.now() - timedelta(days=400))
    InitiativeFactory()  # recently confirmed: no mail
    out = StringIO()
    with committed():
        call_command("ask_initiative_confirmation", "--dry-run", stdout=out)
    assert out.getvalue() == "1 initiatief zou krijgen de vraag 'klopt dit nog?'.\n"
    assert mail.outbox == []
    with committed():
        call_command("ask_initiative_confirmation")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [owner.email]
    assert "Klopt dit nog?" in mail.outbox[0].subject
    with committed():
        call_command("ask_initiative_confirmation")  # asked already this year
    assert len(mail.outbox) == 1


def test_stale_initiative_is_marked(client):
    initiative = InitiativeFactory()
    Initiative.objects.filter(pk=initiative.pk).update(confirmed_at=timezone.now() - timedelta(days=500))
    assert "Niet recent bevestigd" in client.get(initiative.get_absolute_url()).content.decode()
    assert "Niet recent bevestigd" in client.get(reverse("initiatives:list")).content.decode()


def test_second_edit_starts_from_pending_changes(client, owner, initiative):
    client.force_login(owner)
    data = valid_data(name="Tweede Versie", municipality="Zwolle")
    client.post(reverse("initiatives:edit", args=[initiative.slug]), data)
    body = client.get(reverse("initiatives:edit", args=[initiative.slug])).content.decode()
    assert 'value="Tweede Versie"' in body
    assert 'value="Zwolle"' in body


def test_dashboard_recommends_similar_initiatives_with_reasons(client, owner, initiative):
    from tests.factories import municipality

    InitiativeFactory(name="Groene Buren Utrecht", municipality=municipality("Utrecht"))  # same theme + place
    InitiativeFactory(name="Verborgen Buren", status=Status.SUBMITTED)  # not public: never suggested
    client.force_login(owner)
    body = client.get(reverse("mijn")).content.decode()
    assert "Aanbevolen voor jullie" in body
    assert "Groene Buren Utrecht" in body
    assert "werkt ook aan groen en leefomgeving" in body and "zit ook in Utrecht" in body
    assert "Verborgen Buren" not in body


def test_dashboard_query_count_does_not_grow_with_suggestions(client, owner, initiative, django_assert_max_num_queries):
    client.force_login(owner)
    InitiativeFactory()  # one peer already, so the first page runs every query too (an empty list skips some)
    with django_assert_max_num_queries(40) as few:
        client.get(reverse("mijn"))
    for _ in range(10):
        InitiativeFactory()
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("mijn"))


def test_invitation_only_works_for_the_invited_address(client, owner, initiative):
    client.force_login(owner)
    path = invite(client, initiative, "juist@example.org")
    client.force_login(UserFactory(email="iemand-anders@example.org"))
    assert client.get(path).status_code == 403
    assert client.post(path).status_code == 403
    assert initiative.memberships.count() == 1
    client.force_login(UserFactory(email="Juist@Example.org"))
    assert client.post(path).status_code == 302
    assert initiative.memberships.count() == 2


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (Status.SUBMITTED, "We controleren jullie aanmelding."),
        (Status.PUBLISHED, "Jullie initiatief staat online"),
        (Status.REJECTED, "We hebben de aanmelding niet goedgekeurd. De reden: Te weinig info"),
        (Status.ARCHIVED, "Dit initiatief is gearchiveerd"),
    ],
)
def test_manage_page_says_where_the_initiative_stands(client, owner, status, text):
    initiative = InitiativeFactory(managers=[owner], status=status, rejection_reason="Te weinig info")
    client.force_login(owner)
    body = client.get(initiative.get_manage_url()).content.decode()
    assert text in body
    assert ("Ja, alles klopt nog" in body) == (status == Status.PUBLISHED)
    edit = client.get(reverse("initiatives:edit", args=[initiative.slug])).content.decode()
    assert ("We controleren je wijzigingen eerst" in edit) == (status == Status.PUBLISHED)
