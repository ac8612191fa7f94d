"""Counts in admin messages in correct Dutch: "1 initiatief", "2 initiatieven", never "initiatief/initiatieven"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from initiatives.models import Status
from knowledge.funding.models import FundingScheme
from tests.background import committed
from tests.factories import FundingSchemeFactory, InitiativeFactory, StaffFactory
from wdhs.admin_messages import counted

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_counted_uses_the_singular_for_one_only():
    assert counted(1, "initiatief", "initiatieven") == "1 initiatief"
    assert counted(2, "initiatief", "initiatieven") == "2 initiatieven"
    assert counted(0, "initiatief", "initiatieven") == "0 initiatieven"


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize(("count", "text"), [(1, "1 initiatief goedgekeurd."), (2, "2 initiatieven goedgekeurd.")])
def test_an_action_on_initiatives_counts_in_dutch(client, count, text):
    initiatives = [InitiativeFactory(status=Status.SUBMITTED, published_at=None) for _ in range(count)]
    client.force_login(StaffFactory())
    with committed():
        response = client.post(
            reverse("admin:initiatives_initiative_changelist"),
            {"action": "approve", "_selected_action": [i.pk for i in initiatives]},
            follow=True,
        )
    (message,) = messages_of(response)
    assert message.startswith(text)


@pytest.mark.parametrize(
    ("count", "text"),
    [(1, "1 regeling staat niet meer in de wijzer."), (3, "3 regelingen staan niet meer in de wijzer.")],
)
def test_the_verb_agrees_with_the_count(client, count, text):
    schemes = [FundingSchemeFactory() for _ in range(count)]
    client.force_login(StaffFactory())
    response = client.post(
        reverse("admin:knowledge_fundingscheme_changelist"),
        {"action": "deactivate", "_selected_action": [s.pk for s in schemes]},
        follow=True,
    )
    assert messages_of(response) == [text]
    assert not FundingScheme.objects.filter(pk__in=[s.pk for s in schemes], is_active=True).exists()


def test_no_admin_message_writes_both_forms():
    """ "kennisitem(s)", "redacteur(en)", "mijlpaal/mijlpalen": a count says one form, the right one."""
    both = re.compile(r"\w\((s|en|n|e|ten)\)|\b(initiatief/initiatieven|mijlpaal/mijlpalen|vraag/vragen)\b")
    found = []
    for path in ROOT.glob("*/**/admin.py"):
        if ".venv" in path.parts or "node_modules" in path.parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if both.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
