"""Each rule of the funding finder: fits, maybe and does not fit, with its reason. Pure functions, no database."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from knowledge.funding import rules as f
from knowledge.funding.rules import Answers, Check, Coverage, Purpose, Region, SchemeRules, Verdict

TODAY = date(2026, 11, 23)
STICHTING_OF_VERENIGING = {"vereniging": "Vereniging", "stichting": "Stichting"}


def answers(**kwargs: Any) -> Answers:
    return Answers(today=TODAY, **kwargs)


def rules(**kwargs: Any) -> SchemeRules:
    return SchemeRules(funder="Oranje Fonds", **kwargs)


def said(check: Check | None) -> Check:
    """The check a rule gave; the test fails when the rule said nothing."""
    assert check is not None, "the rule said nothing"
    return check


# --- theme ---


def test_theme_fits():
    check = said(f.check_theme(rules(themes={"wonen": "Wonen"}), answers(theme="wonen", theme_name="Wonen")))
    assert check.verdict == Verdict.FITS
    assert "wonen" in check.reason


def test_theme_does_not_fit_names_the_themes():
    check = said(
        f.check_theme(
            rules(themes={"wonen": "Wonen", "voedsel": "Voedsel"}), answers(theme="ouderen", theme_name="Ouderen")
        )
    )
    assert check.verdict == Verdict.DOES_NOT_FIT
    assert check.reason == "Oranje Fonds steunt alleen plannen over wonen of voedsel."


def test_theme_without_rule_or_answer_says_nothing():
    assert f.check_theme(rules(), answers(theme="wonen", theme_name="Wonen")) is None
    assert f.check_theme(rules(themes={"wonen": "Wonen"}), answers()) is None


# --- region ---

UTRECHT_ONLY = Region(national=False, municipalities=frozenset({"utrecht"}), names=("gemeente Utrecht",))
GELDERLAND = Region(national=False, provinces=frozenset({"gelderland"}), names=("provincie Gelderland",))


def test_region_fits_by_municipality_and_by_province():
    in_utrecht = answers(municipality="utrecht", municipality_name="Utrecht", province="utrecht")
    assert said(f.check_region(rules(region=UTRECHT_ONLY), in_utrecht)).verdict == Verdict.FITS
    in_arnhem = answers(municipality="arnhem", municipality_name="Arnhem", province="gelderland")
    check = said(f.check_region(rules(region=GELDERLAND), in_arnhem))
    assert check.verdict == Verdict.FITS
    assert "Arnhem" in check.reason


def test_region_does_not_fit_elsewhere():
    check = said(
        f.check_region(
            rules(region=UTRECHT_ONLY),
            answers(municipality="zwolle", municipality_name="Zwolle", province="overijssel"),
        )
    )
    assert check.verdict == Verdict.DOES_NOT_FIT
    assert check.reason == "Oranje Fonds geeft alleen geld in gemeente Utrecht."


def test_region_maybe_without_municipality():
    check = said(f.check_region(rules(region=UTRECHT_ONLY), answers()))
    assert check.verdict == Verdict.MAYBE
    assert check.reason.startswith("Check")


def test_national_scheme_has_no_region_check():
    assert f.check_region(rules(), answers(municipality="zwolle")) is None


# --- legal form and penvoerder ---


def test_legal_form_fits():
    check = said(
        f.check_legal_form(
            rules(legal_forms=STICHTING_OF_VERENIGING), answers(legal_form="stichting", legal_form_name="Stichting")
        )
    )
    assert check.verdict == Verdict.FITS


def test_informal_group_without_penvoerder_is_told_a_penvoerder_helps():
    check = said(
        f.check_legal_form(
            rules(legal_forms=STICHTING_OF_VERENIGING, penvoerder_ok=True), answers(legal_form=f.INFORMAL_WITHOUT)
        )
    )
    assert check.verdict == Verdict.DOES_NOT_FIT
    assert check.reason == (
        "Oranje Fonds geeft alleen geld aan een vereniging of stichting; met een penvoerder kan het wel."
    )


def test_informal_group_with_penvoerder_fits_when_the_fund_allows_it():
    check = said(
        f.check_legal_form(
            rules(legal_forms=STICHTING_OF_VERENIGING, penvoerder_ok=True), answers(legal_form=f.INFORMAL_WITH)
        )
    )
    assert check.verdict == Verdict.FITS
    assert "penvoerder" in check.reason


def test_informal_group_with_penvoerder_does_not_fit_when_the_fund_refuses():
    check = said(f.check_legal_form(rules(legal_forms=STICHTING_OF_VERENIGING), answers(legal_form=f.INFORMAL_WITH)))
    assert check.verdict == Verdict.DOES_NOT_FIT
    assert check.reason == "Oranje Fonds geeft alleen geld aan een vereniging of stichting."


def test_legal_form_unknown_is_maybe():
    check = said(f.check_legal_form(rules(legal_forms=STICHTING_OF_VERENIGING), answers()))
    assert check.verdict == Verdict.MAYBE
    assert "vereniging of stichting" in check.reason


# --- phase ---


def test_phase_fits_and_does_not_fit():
    scheme = rules(phases={"groeien": "Groeien", "blijven-bestaan": "Blijven bestaan"})
    assert said(f.check_phase(scheme, answers(phase="groeien", phase_name="Groeien"))).verdict == Verdict.FITS
    check = said(f.check_phase(scheme, answers(phase="idee", phase_name="Idee")))
    assert check.verdict == Verdict.DOES_NOT_FIT
    assert check.reason == "Oranje Fonds steunt alleen initiatieven in de fase groeien of blijven bestaan."


# --- purposes: one-day activities, equipment, buildings, costs already made ---


@pytest.mark.parametrize("purpose", list(Purpose))
def test_each_purpose_has_three_verdicts(purpose: Purpose):
    check = f.check_purpose(purpose)
    wanted = answers(purposes=frozenset({purpose}))
    words = f.PURPOSE_WORDS[purpose]
    yes = said(check(rules(coverage={purpose: Coverage.YES}), wanted))
    no = said(check(rules(coverage={purpose: Coverage.NO}), wanted))
    ask = said(check(rules(coverage={purpose: Coverage.ASK}), wanted))
    assert (yes.verdict, no.verdict, ask.verdict) == (Verdict.FITS, Verdict.DOES_NOT_FIT, Verdict.MAYBE)
    assert no.reason == f"Oranje Fonds betaalt geen {words}."
    assert words in ask.reason
    assert check(rules(coverage={purpose: Coverage.NO}), answers()) is None


def test_costs_already_made_reason_in_plain_dutch():
    check = said(
        f.check_purpose(Purpose.COSTS_MADE)(
            rules(coverage={Purpose.COSTS_MADE: Coverage.NO}), answers(purposes=frozenset({Purpose.COSTS_MADE}))
        )
    )
    assert check.reason == "Oranje Fonds betaalt geen kosten die je al gemaakt hebt."


# --- amount ---


def test_amount_fits_between_limits():
    check = said(f.check_amount(rules(min_amount=500, max_amount=5000), answers(amount=2500)))
    assert check.verdict == Verdict.FITS


def test_amount_below_minimum_does_not_fit():
    check = said(f.check_amount(rules(min_amount=10000), answers(amount=2500)))
    assert check.verdict == Verdict.DOES_NOT_FIT
    assert check.reason == "Oranje Fonds geeft minstens € 10.000; je zoekt € 2.500."


def test_amount_above_maximum_is_maybe():
    check = said(f.check_amount(rules(max_amount=5000), answers(amount=12000)))
    assert check.verdict == Verdict.MAYBE
    assert "hoogstens € 5.000" in check.reason


# --- own contribution ---


def test_own_contribution_fits_maybe_and_does_not_fit():
    scheme = rules(own_contribution_percent=25)
    assert said(f.check_own_contribution(scheme, answers(amount=4000, own_money=1000))).verdict == Verdict.FITS
    maybe = said(f.check_own_contribution(scheme, answers(amount=4000)))
    assert maybe.verdict == Verdict.MAYBE
    assert "25%" in maybe.reason
    no = said(f.check_own_contribution(scheme, answers(amount=4000, own_money=999)))
    assert no.verdict == Verdict.DOES_NOT_FIT
    assert no.reason == "Oranje Fonds wil dat je minstens 25% zelf betaalt: € 1.000. Je hebt nu € 999."


def test_no_own_contribution_rule_says_nothing():
    assert f.check_own_contribution(rules(), answers(amount=4000, own_money=0)) is None


# --- age of the organisation ---


def test_age_rules():
    new_only = rules(max_age_years=5)
    assert said(f.check_age(new_only, answers(founded_year=2024))).verdict == Verdict.FITS
    too_old = said(f.check_age(new_only, answers(founded_year=2010)))
    assert too_old.verdict == Verdict.DOES_NOT_FIT
    assert "hoogstens 5 jaar" in too_old.reason
    established = rules(min_age_years=2)
    too_young = said(f.check_age(established, answers(founded_year=2026)))
    assert too_young.verdict == Verdict.DOES_NOT_FIT
    assert "minstens 2 jaar" in too_young.reason
    assert said(f.check_age(established, answers())).verdict == Verdict.MAYBE


# --- deadline ---


def test_deadline_rules():
    assert said(f.check_deadline(rules(), answers())).verdict == Verdict.FITS
    far = said(f.check_deadline(rules(is_rolling=False, deadline=date(2027, 3, 1)), answers()))
    assert far.verdict == Verdict.FITS
    soon = said(f.check_deadline(rules(is_rolling=False, deadline=date(2026, 12, 1)), answers()))
    assert soon.verdict == Verdict.MAYBE
    assert "1 december 2026" in soon.reason
    past = said(f.check_deadline(rules(is_rolling=False, deadline=date(2026, 11, 1)), answers()))
    assert past.verdict == Verdict.DOES_NOT_FIT
    assert "sloot op 1 november 2026" in past.reason
    unknown = said(f.check_deadline(rules(is_rolling=False), answers()))
    assert unknown.verdict == Verdict.MAYBE


# --- combining ---


def test_worst_check_decides_and_reasons_come_worst_first():
    scheme = rules(
        legal_forms=STICHTING_OF_VERENIGING,
        penvoerder_ok=True,
        max_amount=1000,
        coverage={Purpose.ONE_DAY: Coverage.YES},
    )
    result = f.evaluate(
        scheme, answers(legal_form=f.INFORMAL_WITHOUT, amount=3000, purposes=frozenset({Purpose.ONE_DAY}))
    )
    assert result.verdict == Verdict.DOES_NOT_FIT
    assert [c.verdict for c in result.reasons][:2] == [Verdict.DOES_NOT_FIT, Verdict.MAYBE]
    assert [c.rule for c in result.deciding] == ["rechtsvorm"]


def test_no_rules_and_no_answers_fits():
    assert f.evaluate(rules(), answers()).verdict == Verdict.FITS


def test_euro_and_names_in_dutch():
    assert f.euro(1250000) == "€ 1.250.000"
    assert f.euro(2500) == "€ 2.500" and f.euro(0) == "€ 0"
    assert f.join_names(["a", "b", "c"]) == "a, b of c"
    assert f.cap("oranje Fonds") == "Oranje Fonds"


# --- the outcome as a whole: summary and more doors ---

FORMAL = {"stichting": "Stichting", "vereniging": "Vereniging"}


def test_summary_counts_in_plain_dutch_singular_and_plural():
    V = Verdict
    assert f.summary_text({V.FITS: 2, V.MAYBE: 3, V.DOES_NOT_FIT: 10}) == (
        "2 regelingen passen waarschijnlijk, 3 misschien en 10 niet."
    )
    assert f.summary_text({V.FITS: 1, V.MAYBE: 0, V.DOES_NOT_FIT: 1}) == (
        "1 regeling past waarschijnlijk, 0 misschien en 1 niet."
    )
    assert f.summary_text({V.MAYBE: 4}) == "Geen regeling past waarschijnlijk, 4 misschien en 0 niet."


def test_more_doors_counts_the_schemes_another_legal_form_opens():
    schemes = [
        rules(legal_forms=FORMAL, penvoerder_ok=True),  # opens with a penvoerder, a stichting or a vereniging
        rules(legal_forms=FORMAL, penvoerder_ok=True, own_contribution_percent=0),
        rules(legal_forms={"stichting": "Stichting"}),  # only a stichting
        rules(legal_forms={"vereniging": "Vereniging"}, region=Region(national=False, provinces=frozenset({"x"}))),
        rules(),  # fits already
    ]
    group = answers(legal_form=f.INFORMAL_WITHOUT, province="utrecht", municipality="utrecht")
    assert [f.evaluate(r, group).verdict for r in schemes].count(Verdict.DOES_NOT_FIT) == 4
    doors = f.more_doors(schemes, group)
    assert [(d.key, d.count) for d in doors] == [("rechtsvorm", 3)]  # not the one closed by its region
    assert doors[0].text == "Met een penvoerder, een stichting of een vereniging passen 3 regelingen meer."
    # Check against the rules directly: with a stichting all three are open, with a penvoerder two.
    as_stichting = answers(legal_form="stichting", province="utrecht", municipality="utrecht")
    assert [f.evaluate(r, as_stichting).verdict < Verdict.DOES_NOT_FIT for r in schemes[:3]] == [True] * 3


def test_one_door_is_told_in_the_singular_and_a_stichting_gets_no_legal_form_door():
    schemes = [rules(legal_forms={"vereniging": "Vereniging"})]
    doors = f.more_doors(schemes, answers(legal_form="bv"))
    assert [d.text for d in doors] == ["Met een vereniging past 1 regeling meer."]
    assert f.more_doors(schemes, answers(legal_form="stichting")) == []
    # Nothing closed, nothing to open.
    assert f.more_doors([rules()], answers(legal_form=f.INFORMAL_WITHOUT)) == []


def test_more_doors_counts_the_co_funding_that_opens_every_scheme_it_keeps_closed():
    schemes = [
        rules(own_contribution_percent=10),
        rules(own_contribution_percent=25),
        rules(own_contribution_percent=25, legal_forms={"stichting": "Stichting"}),  # the legal form fits
        rules(own_contribution_percent=50, phases={"groeien": "Groeien"}),  # and by its phase
    ]
    mine = answers(amount=1000, own_money=0, legal_form="stichting", phase="idee")
    doors = f.more_doors(schemes, mine)
    assert [(d.key, d.count) for d in doors] == [("eigen-bijdrage", 3)]
    assert doors[0].text == "Met € 250 eigen geld of geld van anderen (cofinanciering) passen 3 regelingen meer."
    with_250 = answers(amount=1000, own_money=250, legal_form="stichting", phase="idee")
    assert [f.evaluate(r, with_250).verdict for r in schemes].count(Verdict.DOES_NOT_FIT) == 1
    # Without the amount or the own money nothing is closed by the co-funding rule: no door.
    assert f.more_doors(schemes, answers(legal_form="stichting", phase="idee")) == []


def test_door_counts_agree_with_evaluating_every_scheme_again():
    # Every combination of a few rules, checked the slow way: evaluate each scheme with each changed answer.
    schemes = [
        rules(
            legal_forms=forms,
            penvoerder_ok=penvoerder,
            own_contribution_percent=percent,
            phases=phases,
        )
        for forms in ({}, FORMAL, {"stichting": "Stichting"}, {"cooperatie": "Coöperatie"})
        for penvoerder in (False, True)
        for percent in (0, 20, 60)
        for phases in ({}, {"groeien": "Groeien"})
    ]
    mine = answers(legal_form=f.INFORMAL_WITHOUT, amount=1000, own_money=100, phase="idee")

    def closed(a: Answers) -> set[int]:
        return {i for i, r in enumerate(schemes) if f.evaluate(r, a).verdict == Verdict.DOES_NOT_FIT}

    now = closed(mine)
    doors = {d.key: d for d in f.more_doors(schemes, mine)}
    by_legal_form = set()
    for slug in (f.INFORMAL_WITH, "stichting", "vereniging"):
        by_legal_form |= now - closed(Answers(**{**mine.__dict__, "legal_form": slug}))
    assert doors["rechtsvorm"].count == len(by_legal_form) > 0
    assert doors["rechtsvorm"].text.startswith("Met een penvoerder, een stichting of een vereniging passen ")
    by_money = now - closed(Answers(**{**mine.__dict__, "own_money": 600}))
    assert doors["eigen-bijdrage"].count == len(by_money) > 0
    assert "Met € 600 eigen geld" in doors["eigen-bijdrage"].text
    # A scheme that a legal form and the own contribution both keep closed opens by neither door alone.
    both = schemes.index(rules(legal_forms={"stichting": "Stichting"}, own_contribution_percent=60))
    assert both in now and both not in by_legal_form | by_money
