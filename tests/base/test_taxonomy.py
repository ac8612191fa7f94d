from __future__ import annotations

import pytest

from wdhs.models import Term, Vocabulary
from wdhs.taxonomy import STARTING_TERMS, load_terms

pytestmark = pytest.mark.django_db


def test_every_vocabulary_is_loaded_after_migrate():
    for vocabulary in Vocabulary.values:
        expected = {slug for slug, _, _ in STARTING_TERMS[vocabulary]}
        assert set(Term.objects.of(vocabulary).values_list("slug", flat=True)) == expected
    assert Term.objects.themes().count() == 12
    first = Term.objects.phases().first()
    assert first is not None and first.slug == "idee"


def test_loading_again_keeps_staff_edits():
    theme = Term.objects.get(vocabulary="theme", slug="wonen")
    theme.name = "Wonen en bouwen"
    theme.save()
    assert load_terms() == 0
    theme.refresh_from_db()
    assert theme.name == "Wonen en bouwen"
