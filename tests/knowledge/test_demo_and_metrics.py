from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from knowledge import demo as knowledge_demo
from knowledge.models import Attachment, Organisation, Resource
from knowledge.uploads import ALLOWED_ATTACHMENTS, MAX_ATTACHMENT_SIZE, check_upload
from tests.factories import OrganisationFactory, ResourceFactory
from wdhs.metrics import BREAKDOWNS, METRICS
from wdhs.models import Term
from wdhs.partners import COALITION_PARTNERS

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_complete(demo):
    counts = (Organisation.objects.count(), Resource.objects.count(), Attachment.objects.count())
    assert "0 nieuw" in knowledge_demo.load()
    assert (Organisation.objects.count(), Resource.objects.count(), Attachment.objects.count()) == counts
    assert set(Organisation.objects.values_list("slug", flat=True)) == {p.slug for p in COALITION_PARTNERS}
    published = Resource.objects.published()
    assert published.count() >= 40
    for vocabulary, relation in (
        ("theme", "knowledge_by_theme"),
        ("phase", "knowledge_by_phase"),
        ("knowledge_kind", "knowledge_resources"),
    ):
        empty = Term.objects.of(vocabulary).exclude(**{f"{relation}__in": published})
        assert list(empty) == [], vocabulary
    assert all(len(r.summary) <= 300 for r in published)


def test_demo_templates_are_real_open_documents(demo):
    attachment = Attachment.objects.filter(resource__kind__slug="tool-of-sjabloon").first()
    assert attachment is not None
    with attachment.file.open("rb") as handle:
        upload = SimpleUploadedFile(attachment.original_name, handle.read())
    assert check_upload(upload, allowed=ALLOWED_ATTACHMENTS, max_size=MAX_ATTACHMENT_SIZE).extension == "odt"


def test_resident_finds_legal_form_guide_within_two_clicks(client, demo):
    guide = Resource.objects.get(slug="welke-rechtsvorm-past-bij-jullie")
    home = client.get("/").content.decode()
    # One click: the guide is featured on the home page ("Begin hier"), above the theme grid.
    assert f'href="{guide.get_absolute_url()}"' in home
    assert home.index(guide.get_absolute_url()) < home.index('id="themas-titel"')
    # Two clicks: the route "Ik wil iets starten" lands on its task page, with the guide in the step on legal form.
    match = re.search(r'href="(/aan-de-slag/iets-starten/)"', home)
    assert match is not None
    route = match.group(1)
    assert f'href="{guide.get_absolute_url()}"' in client.get(route).content.decode()
    assert client.get(guide.get_absolute_url()).status_code == 200


def test_demo_search_cases(client, demo):
    def first(q: str) -> str:
        return client.get("/kennis/", {"q": q}).context["items"][0].slug

    assert first("rechtsvorm") == "welke-rechtsvorm-past-bij-jullie"
    assert first("cooperatie") == "een-cooperatie-oprichten"
    assert first("right to challenge").startswith("right-to-challenge")
    assert client.get("/kennis/", {"q": "vrijwiligers"}).context["suggestion"]["text"] == "vrijwilligers"


def test_metrics_and_breakdown():
    org = OrganisationFactory(name="Telt mee")
    OrganisationFactory(name="Telt niet")
    now = timezone.now()
    ResourceFactory(organisation=org, published_at=now - timedelta(days=62))
    ResourceFactory(organisation=org, published_at=now)
    ResourceFactory(organisation=org, status=Resource.Status.DRAFT, published_at=None)
    published = METRICS["knowledge.published_resources"]
    assert published.current() == 2
    assert published.series is not None
    series = published.series()
    assert [value for _, value in series] == [1.0, 2.0]
    assert METRICS["knowledge.partners"].current() == 1
    assert BREAKDOWNS["knowledge.by_organisation"].rows() == [("Telt mee", 2)]
