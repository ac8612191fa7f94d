"""Property: whatever a form gets, it answers without a 5xx, and a 4xx is a Dutch page that saved nothing.

Every public form (ask, report, contact, sign up, log in, password reset) and every form of /mijn/ as a
signed-in member. The fields come from the form the page itself shows (its context), so a new field is
tried without touching this test: each field gets a valid value or any hostile one, sometimes repeated,
and unknown fields ride along.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django import forms
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from initiatives.forms import InviteForm
from knowledge.forms import StatusForm
from tests.factories import PASSWORD
from tests.trust.conftest import Content
from tests.trust.hostile import CLASSIC, HOSTILE, TRUST, assert_fair_answer, rolled_back, row_counts, text_values
from wdhs.forms.fields import MunicipalityField
from wdhs.models import PageFeedback

SENTENCE = "Hoe beginnen we samen een buurtmoestuin? We zijn met vijf buren en hebben een stukje grond."

# (who, the form's page, the form itself for a page that only takes a POST)
FORMS: list[tuple[str, Callable[[Content], str], Callable[[Content], forms.BaseForm] | None]] = [
    ("anon", lambda c: "/vraag/", None),
    ("anon", lambda c: f"/initiatieven/{c.initiative.slug}/melden/", None),
    ("anon", lambda c: f"/initiatieven/{c.initiative.slug}/contact/", None),
    ("anon", lambda c: f"/reactie/kennis/{c.resource.slug}/", None),
    ("anon", lambda c: f"/reactie/initiatief/{c.initiative.slug}/", None),
    ("anon", lambda c: "/accounts/signup/", None),
    ("anon", lambda c: "/accounts/login/", None),
    ("anon", lambda c: "/accounts/password/reset/", None),
    ("member", lambda c: "/vraag/", None),
    ("member", lambda c: "/initiatieven/aanmelden/", None),
    ("member", lambda c: f"/mijn/initiatieven/{c.initiative.slug}/bewerken/", None),
    (
        "member",
        lambda c: f"/mijn/initiatieven/{c.initiative.slug}/beheerders/uitnodigen/",
        lambda c: InviteForm(initiative=c.initiative),
    ),
    ("member", lambda c: f"/mijn/initiatieven/{c.initiative.slug}/bevestigen/", lambda c: forms.Form()),
    ("member", lambda c: "/mijn/kennis/nieuw/", None),
    ("member", lambda c: f"/mijn/kennis/{c.resource.slug}/", None),
    ("member", lambda c: f"/mijn/kennis/{c.resource.slug}/status/", lambda c: StatusForm()),
    ("member", lambda c: f"/mijn/kennis/organisatie/{c.organisation.slug}/", None),
    ("member", lambda c: f"/mijn/vragen/{c.question.pk}/", None),
    ("member", lambda c: "/mijn/account-verwijderen/", None),
    ("member", lambda c: f"/mijn/kennis/reacties/{feedback_on(c).pk}/afgehandeld/", lambda c: forms.Form()),
]


def feedback_on(content: Content) -> PageFeedback:
    """A reader's reaction on the member's own resource, for the "markeer als afgehandeld" button."""
    return PageFeedback.objects.create(
        page=content.resource, page_kind="kennis", page_title="Een pagina", kind="fout", message="Klopt niet"
    )


def _choices(field: forms.Field) -> list[str]:
    values: list[str] = []
    for value, label in getattr(field, "choices", []):
        if isinstance(label, list | tuple):  # a group of options
            values.extend(str(v) for v, _ in label)
        elif value not in ("", None):
            values.append(str(value))
    return values


def valid_value(name: str, field: forms.Field) -> str | list[str]:
    """A value the field accepts, as the browser sends it, so examples also reach the save path."""
    choices = _choices(field)
    if isinstance(field, forms.FileField):
        return ""
    if isinstance(field, forms.MultipleChoiceField):
        return choices[:1]
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return choices[0] if choices else ""
    if isinstance(field, forms.BooleanField):
        return "on"
    if isinstance(field, forms.EmailField) or name in ("login", "email"):
        return "anna@example.org"
    if isinstance(field, forms.URLField):
        return "https://example.org/"
    if isinstance(field, forms.IntegerField):
        low, high = field.min_value, field.max_value
        return str(max(low if isinstance(low, int) else 0, min(2020, high if isinstance(high, int) else 2020)))
    if isinstance(field, forms.DateTimeField):
        return "2027-01-15T19:30"
    if isinstance(field, MunicipalityField):
        return "Utrecht"
    if "password" in name:
        return PASSWORD
    if name == "website_url":  # the honeypot: people leave it empty
        return ""
    return SENTENCE[: getattr(field, "max_length", None) or len(SENTENCE)]


def valid_values(name: str, field: forms.Field) -> st.SearchStrategy[Any]:
    choices = _choices(field)
    if choices and isinstance(field, forms.MultipleChoiceField):
        return st.lists(st.sampled_from(choices), max_size=3, unique=True)
    if choices and isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return st.sampled_from(choices)
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", ""])
    return st.just(valid_value(name, field))


def post_data(fields: dict[str, forms.Field]) -> st.SearchStrategy[dict[str, Any]]:
    """Each field valid, hostile, or repeated; plus unknown fields."""
    per_field = {
        name: st.one_of(valid_values(name, field), text_values(), st.lists(text_values(), min_size=2, max_size=3))
        for name, field in fields.items()
    }
    extra = st.dictionaries(st.sampled_from(HOSTILE[:30]), text_values(), max_size=2)
    return st.tuples(st.fixed_dictionaries(per_field), extra).map(lambda d: {**d[1], **d[0]})


def shown_form(client: Client, content: Content, who: str, page, make_form) -> tuple[str, dict[str, forms.Field]]:
    """The form's URL and its fields by the names in the POST, as the page shows it (signed in if need be)."""
    url = page(content)
    if who == "member":
        client.force_login(content.member)
    if make_form is None:
        shown = client.get(url)
        assert shown.status_code == 200, url
        form = shown.context["form"]
    else:
        form = make_form(content)
    return url, {form.add_prefix(name): field for name, field in form.fields.items()}


IDS = [f"{w}-{i}" for i, (w, _, _) in enumerate(FORMS)]


@pytest.mark.parametrize(("who", "page", "make_form"), FORMS, ids=IDS)
@TRUST
@given(data=st.data())
def test_any_form_input_gets_a_fair_answer(
    client: Client, content: Content, who: str, page, make_form, data: st.DataObject
):
    with rolled_back():
        url, fields = shown_form(client, content, who, page, make_form)
        sent = data.draw(post_data(fields), label="POST")
        before = row_counts()
        response = client.post(url, sent)
        assert_fair_answer(response, before)


@pytest.mark.parametrize(("who", "page", "make_form"), FORMS, ids=IDS)
def test_every_field_of_every_form_with_each_classic_value(client: Client, content: Content, who: str, page, make_form):
    # The floor under the random examples above: the other fields valid, one field with one classic value.
    url, fields = shown_form(client, content, who, page, make_form)
    valid = {name: valid_value(name, field) for name, field in fields.items()}
    for name in fields:
        for value in CLASSIC:
            with rolled_back():
                if who == "member":  # a valid deletion of the account logs out
                    client.force_login(content.member)
                before = row_counts()
                assert_fair_answer(client.post(url, {**valid, name: value}), before)
