"""Pure rules of "Stel je vraag": routing score, working days, anonymising. No database."""

from __future__ import annotations

from datetime import date
from typing import Any

from knowledge.questions.routing import (
    Ask,
    Partner,
    add_working_days,
    anonymise,
    faq_title,
    is_overdue,
    route,
    score_partner,
)

ASK_UTRECHT_CARE = Ask(
    theme="zorg-en-welzijn",
    theme_name="Zorg en welzijn",
    municipality="utrecht",
    municipality_name="Utrecht",
    province="utrecht",
    province_name="Utrecht",
)


def partner(pk: int, name: str, **kwargs: Any) -> Partner:
    values: dict[str, Any] = {
        "themes": frozenset({"zorg-en-welzijn"}),
        "is_national": True,
        "provinces": frozenset(),
        "municipalities": frozenset(),
        "has_editors": True,
    }
    values.update(kwargs)
    return Partner(pk=pk, name=name, **values)


def points(fitting: Partner, ask: Ask = ASK_UTRECHT_CARE) -> int:
    score = score_partner(fitting, ask)
    assert score is not None, f"{fitting.name} does not fit"
    return score.points


def chosen_name(partners: list[Partner], ask: Ask = ASK_UTRECHT_CARE) -> str:
    chosen, _ = route(partners, ask)
    assert chosen is not None, "nobody was chosen"
    return chosen.name


def test_local_partner_beats_provincial_beats_national():
    national = partner(1, "Landelijk")
    provincial = partner(2, "Provinciaal", is_national=False, provinces=frozenset({"utrecht"}))
    local = partner(3, "Lokaal", is_national=False, municipalities=frozenset({"utrecht"}))
    assert points(local) > points(provincial) > points(national)
    chosen, reason = route([national, provincial, local], ASK_UTRECHT_CARE)
    assert chosen is not None and chosen.name == "Lokaal"
    assert reason == "Thema zorg en welzijn past; werkt in de gemeente Utrecht."


def test_partner_needs_the_theme_an_editor_and_the_region():
    assert score_partner(partner(1, "Ander thema", themes=frozenset({"wonen"})), ASK_UTRECHT_CARE) is None
    assert score_partner(partner(1, "Zonder redacteur", has_editors=False), ASK_UTRECHT_CARE) is None
    elsewhere = partner(1, "Friesland", is_national=False, provinces=frozenset({"fryslan"}))
    assert score_partner(elsewhere, ASK_UTRECHT_CARE) is None


def test_tie_goes_to_the_partner_with_fewer_open_questions():
    busy = partner(1, "Aa", open_questions=4)
    quiet = partner(2, "Bb", open_questions=1)
    assert chosen_name([busy, quiet]) == "Bb"
    assert chosen_name([partner(3, "Zz"), partner(4, "Aa")]) == "Aa"


def test_no_partner_fits_goes_to_the_staff_inbox_with_a_reason():
    chosen, reason = route([partner(1, "Wonen", themes=frozenset({"wonen"}))], ASK_UTRECHT_CARE)
    assert chosen is None
    assert "zorg en welzijn" in reason
    no_theme = Ask(None, "", None, "", None, "")
    chosen, reason = route([partner(1, "Iedereen")], no_theme)
    assert chosen is None
    assert reason == "Geen thema gekozen: de redactie kiest wie antwoordt."


def test_working_days_skip_weekends():
    friday = date(2026, 11, 20)
    assert add_working_days(friday, 1) == date(2026, 11, 23)  # Monday
    assert add_working_days(friday, 5) == date(2026, 11, 27)  # next Friday
    assert not is_overdue(friday, date(2026, 11, 27), 5)
    assert is_overdue(friday, date(2026, 11, 28), 5)
    # Asked on a Saturday: the clock starts on Monday.
    assert add_working_days(date(2026, 11, 21), 5) == date(2026, 11, 27)


def test_anonymise_removes_name_email_and_phone():
    text = "Ik ben Anna de Vries (anna@example.org, 06-12345678). Anna wil een moestuin."
    result = anonymise(text, name="Anna de Vries", email="anna@example.org")
    assert "Anna" not in result and "Vries" not in result
    assert "anna@example.org" not in result and "12345678" not in result
    assert "moestuin" in result


def test_faq_title_is_the_first_sentence():
    assert faq_title("Hoe vind ik vrijwilligers? We zijn met drie mensen.") == "Hoe vind ik vrijwilligers?"
    assert len(faq_title("woord " * 100)) <= 150
