"""Past the review date: the list on /mijn/kennis/ and the monthly mail to each partner's editors (issue #14)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from knowledge.models import Resource
from knowledge.tasks import send_editor_summaries
from tests.factories import MembershipFactory, OrganisationFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def _old(organisation, title):
    long_ago = timezone.now() - timedelta(days=400)
    return ResourceFactory(organisation=organisation, title=title, published_at=long_ago, last_reviewed_at=long_ago)


@pytest.fixture
def partners():
    ours = OrganisationFactory(name="Buurtkracht", slug="buurtkracht")
    theirs = OrganisationFactory(name="Energie Samen", slug="energie-samen")
    return ours, theirs


def test_dashboard_lists_own_texts_past_review_date_only(client, partners):
    ours, theirs = partners
    editor = MembershipFactory(organisation=ours).user
    _old(ours, "Subsidie voor een buurthuis")
    _old(theirs, "Zonnepanelen op het dak")
    ResourceFactory(organisation=ours, title="Net nagekeken")
    client.force_login(editor)
    page = client.get(reverse("knowledge:editor_dashboard")).content.decode()
    section = page[page.index('id="nakijken-titel"') : page.index("</section>", page.index('id="nakijken-titel"'))]
    assert "Subsidie voor een buurthuis" in section
    assert "Zonnepanelen op het dak" not in section and "Net nagekeken" not in section


def test_dashboard_without_old_texts_has_no_section(client, partners):
    editor = MembershipFactory(organisation=partners[0]).user
    client.force_login(editor)
    assert 'id="nakijken-titel"' not in client.get(reverse("knowledge:editor_dashboard")).content.decode()


def test_dashboard_past_review_list_is_capped_and_query_count_is_fixed(client, partners, django_assert_max_num_queries):
    ours = partners[0]
    editor = MembershipFactory(organisation=ours).user
    for n in range(25):
        _old(ours, f"Oude tekst {n}")
    client.force_login(editor)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("knowledge:editor_dashboard")).content.decode()
    section = page[page.index('id="nakijken-titel"') : page.index("</section>", page.index('id="nakijken-titel"'))]
    assert section.count("<li>") == 20 and "Er zijn nog meer teksten" in section


def test_monthly_mail_on_the_first_lists_each_partners_own_texts(partners, settings):
    settings.SITE_URL = "https://wdhs.example"
    ours, theirs = partners
    ours_editor = MembershipFactory(organisation=ours).user
    theirs_editor = MembershipFactory(organisation=theirs).user
    old = _old(ours, "Subsidie voor een buurthuis")
    _old(theirs, "Zonnepanelen op het dak")
    OrganisationFactory(name="Zonder redacteur")  # no editors, nothing old: no mail
    with TestCase.captureOnCommitCallbacks(execute=True):
        result = send_editor_summaries.call("2026-12-01")
    assert result == "Overzicht gestuurd aan 2 organisatie(s)."
    by_recipient = {tuple(m.to): m for m in mail.outbox}
    assert set(by_recipient) == {(ours_editor.email,), (theirs_editor.email,)}
    ours_mail = by_recipient[(ours_editor.email,)]
    assert ours_mail.subject == "[We Doen Het Samen] Maandoverzicht: 1 tekst om na te kijken"
    assert "Eén tekst is al een jaar niet nagekeken" in ours_mail.body
    assert "https://wdhs.example" + reverse("knowledge:editor_resource_edit", args=[old.slug]) in ours_mail.body
    assert "Zonnepanelen" not in ours_mail.body


def test_monthly_mail_only_on_the_first_and_once(partners):
    ours = partners[0]
    MembershipFactory(organisation=ours)
    _old(ours, "Subsidie voor een buurthuis")
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert send_editor_summaries.call("2026-12-02") == "Alleen op de eerste dag van de maand."
        send_editor_summaries.call("2026-12-01")
        assert send_editor_summaries.call("2026-12-01") == "Al gedaan op 2026-12-01."
    assert len(mail.outbox) == 1


def test_monthly_mail_counts_many_texts_in_fixed_queries(partners, django_assert_max_num_queries):
    ours, theirs = partners
    for organisation in partners:
        MembershipFactory(organisation=organisation)
        for n in range(12):
            _old(organisation, f"Oude tekst {organisation.slug} {n}")
    with TestCase.captureOnCommitCallbacks(execute=True), django_assert_max_num_queries(16):
        send_editor_summaries.call("2026-12-01")
    assert len(mail.outbox) == 2
    assert all("En nog 2 meer" in m.body and "12 teksten" in m.body for m in mail.outbox)
    assert Resource.objects.needs_review().count() == 24


# --- most read (wdhs/reads.py): on /mijn/kennis/ and in the monthly mail ---


def _reads(page, count, days_ago=0):
    from django.contrib.contenttypes.models import ContentType

    from wdhs.models import PageRead

    PageRead.objects.create(
        content_type=ContentType.objects.get_for_model(page),
        object_id=page.pk,
        day=timezone.localdate() - timedelta(days=days_ago),
        count=count,
    )


def _section(page, anchor):
    start = page.index(f'id="{anchor}"')
    return page[start : page.index("</section>", start)]


def test_dashboard_shows_own_most_read_pages_of_every_kind_most_read_first(client, partners):
    from tests.factories import EventFactory, FundingSchemeFactory

    ours, theirs = partners
    editor = MembershipFactory(organisation=ours).user
    _reads(ResourceFactory(organisation=ours, title="Subsidie voor een buurthuis"), 40)
    _reads(FundingSchemeFactory(funder=ours, name="Buurtkracht Fonds"), 30)
    _reads(EventFactory(organisation=ours, title="Avond over buurtbudgetten"), 20)
    _reads(ours, 10)
    _reads(ResourceFactory(organisation=ours, title="Lang geleden gelezen"), 99, days_ago=31)
    _reads(ResourceFactory(organisation=theirs, title="Zonnepanelen op het dak"), 500)
    client.force_login(editor)
    page = client.get(reverse("knowledge:editor_dashboard")).content.decode()
    section = _section(page, "meest-gelezen")
    order = ["Subsidie voor een buurthuis", "Buurtkracht Fonds", "Avond over buurtbudgetten", "Buurtkracht</a>"]
    assert [section.index(title) for title in order] == sorted(section.index(title) for title in order)
    assert "<td>40</td>" in section and "<td>regeling</td>" in section and "<td>bijeenkomst</td>" in section
    assert "Zonnepanelen" not in section and "Lang geleden" not in section


def test_dashboard_without_reads_says_so(client, partners):
    client.force_login(MembershipFactory(organisation=partners[0]).user)
    section = _section(client.get(reverse("knowledge:editor_dashboard")).content.decode(), "meest-gelezen")
    assert "nog geen van je pagina's gelezen" in section


def test_staff_see_the_most_read_of_every_partner(client, partners, staff):
    from django.core.cache import cache

    cache.clear()
    _reads(ResourceFactory(organisation=partners[1], title="Zonnepanelen op het dak"), 500)
    client.force_login(staff)
    section = _section(client.get(reverse("knowledge:editor_dashboard")).content.decode(), "meest-gelezen")
    cache.clear()
    assert "Zonnepanelen op het dak" in section and "<td>500</td>" in section


def test_dashboard_query_count_does_not_grow_with_reads(client, partners, django_assert_max_num_queries):
    ours = partners[0]
    editor = MembershipFactory(organisation=ours).user
    for n in range(30):
        _reads(ResourceFactory(organisation=ours, title=f"Tekst {n}"), n + 1)
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        page = client.get(reverse("knowledge:editor_dashboard")).content.decode()
    assert _section(page, "meest-gelezen").count("<tr>") == 11  # the heading and 10 pages


def test_monthly_mail_names_the_most_read_pages(partners, settings):
    settings.SITE_URL = "https://wdhs.example"
    ours, theirs = partners
    ours_editor = MembershipFactory(organisation=ours).user
    MembershipFactory(organisation=theirs)
    popular = ResourceFactory(organisation=ours, title="Subsidie voor een buurthuis")
    _reads(popular, 40)
    _reads(ours, 7)
    _reads(ResourceFactory(organisation=theirs, title="Zonnepanelen op het dak"), 500, days_ago=40)  # too long ago
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert send_editor_summaries.call("2026-12-01") == "Overzicht gestuurd aan 1 organisatie(s)."
    (sent,) = mail.outbox
    assert sent.to == [ours_editor.email]
    assert sent.subject == "[We Doen Het Samen] Maandoverzicht: je meest gelezen pagina's"
    assert "Subsidie voor een buurthuis (kennisitem): 40 keer gelezen" in sent.body
    assert "https://wdhs.example" + popular.get_absolute_url() in sent.body
    assert "Buurtkracht (organisatiepagina): 7 keer gelezen" in sent.body
    assert sent.body.index("Subsidie voor een buurthuis") < sent.body.index("Buurtkracht (organisatiepagina)")
    assert "niet nagekeken" not in sent.body
