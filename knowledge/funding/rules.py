"""The rule engine of the funding finder: pure functions that compare a scheme's rules with someone's answers.

Nothing here touches the database. `FundingScheme.rules()` turns a scheme into `SchemeRules`, the
finder form turns the answers into `Answers`; each `check_*` function gives one `Check` (a verdict
and a reason in plain Dutch) or None when the rule does not apply. `evaluate` combines them.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from django.utils.formats import date_format, number_format
from django.utils.translation import get_language

INFORMAL_WITHOUT = "informele-groep-zonder-penvoerder"
INFORMAL_WITH = "informele-groep-met-penvoerder"
# A deadline this close is worth a "check": an application takes time to write.
DEADLINE_WARNING_DAYS = 21


class Verdict(enum.IntEnum):
    """Ordered from good to bad, so the worst check decides: max() of the verdicts."""

    FITS = 0
    MAYBE = 1
    DOES_NOT_FIT = 2

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self]

    @property
    def key(self) -> str:
        return ("past", "misschien", "past-niet")[self]


VERDICT_LABELS = {
    Verdict.FITS: "Past waarschijnlijk",
    Verdict.MAYBE: "Past misschien",
    Verdict.DOES_NOT_FIT: "Past niet",
}


class Coverage(enum.StrEnum):
    """Whether a scheme pays for a kind of cost: yes, no, or only after talking it through."""

    YES = "ja"
    NO = "nee"
    ASK = "overleg"


class Purpose(enum.StrEnum):
    ONE_DAY = "eendaags"
    EQUIPMENT = "spullen"
    BUILDING = "gebouw"
    COSTS_MADE = "achteraf"


# How each purpose is named in a reason: (what it is, "dit fonds betaalt ..." / "geen ...").
PURPOSE_WORDS: dict[Purpose, str] = {
    Purpose.ONE_DAY: "activiteiten van één dag",
    Purpose.EQUIPMENT: "spullen en apparatuur",
    Purpose.BUILDING: "een gebouw (kopen, bouwen of verbouwen)",
    Purpose.COSTS_MADE: "kosten die je al gemaakt hebt",
}


@dataclass(frozen=True)
class Check:
    rule: str
    verdict: Verdict
    reason: str


@dataclass(frozen=True)
class Region:
    """Where a scheme gives money: everywhere, or only in some provinces and municipalities (by slug)."""

    national: bool = True
    provinces: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()
    # Names for the reasons, in the same order as people read them.
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class SchemeRules:
    """The rules of one scheme as plain data.

    Themes, legal forms and phases map slug to name, in the taxonomy's order; empty means "no rule".
    """

    funder: str = "dit fonds"
    themes: dict[str, str] = field(default_factory=dict)
    region: Region = field(default_factory=Region)
    min_amount: int | None = None
    max_amount: int | None = None
    legal_forms: dict[str, str] = field(default_factory=dict)
    penvoerder_ok: bool = False
    phases: dict[str, str] = field(default_factory=dict)
    coverage: dict[Purpose, Coverage] = field(default_factory=dict)
    own_contribution_percent: int = 0
    min_age_years: int | None = None
    max_age_years: int | None = None
    is_rolling: bool = True
    deadline: date | None = None


@dataclass(frozen=True)
class Answers:
    """What someone told the finder. None or empty means "not answered"."""

    purposes: frozenset[Purpose] = frozenset()
    amount: int | None = None
    own_money: int | None = None
    theme: str | None = None  # one theme (slug and name); `themes` holds several
    theme_name: str = ""
    themes: tuple[tuple[str, str], ...] = ()  # (slug, name) of every theme the plan is about
    municipality: str | None = None
    municipality_name: str = ""
    province: str | None = None
    legal_form: str | None = None
    legal_form_name: str = ""
    phase: str | None = None
    phase_name: str = ""
    founded_year: int | None = None
    today: date = field(default_factory=date.today)


def euro(amount: int) -> str:
    """€ 12.500: the amount with the nl locale's thousands separator."""
    return _euro(amount, get_language() or "")


# The finder judges some 500 schemes per answer, each with a few amounts and a date: formatting them through the
# locale machinery each time was a fifth of its work. The same few hundred amounts and dates come back every time.
@functools.lru_cache(maxsize=4096)
def _euro(amount: int, language: str) -> str:
    return f"€ {number_format(amount, force_grouping=True)}"


@functools.lru_cache(maxsize=4096)
def _date(day: date, language: str) -> str:
    return date_format(day)  # the locale's DATE_FORMAT: 3 maart 2025


def cap(text: str) -> str:
    """Capital first letter only; str.capitalize() would turn "Oranje Fonds" into "Oranje fonds"."""
    return text[:1].upper() + text[1:]


def join_names(names: Iterable[str], last: str = "of") -> str:
    items = [n for n in names if n]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


# --- the rules, one function each ---


def check_theme(rules: SchemeRules, answers: Answers) -> Check | None:
    """A plan about several themes fits a scheme that supports any one of them."""
    chosen = answers.themes or (((answers.theme, answers.theme_name),) if answers.theme else ())
    if not rules.themes or not chosen:
        return None
    matching = [name.lower() for slug, name in chosen if slug in rules.themes]
    if len(matching) == 1:
        return Check("thema", Verdict.FITS, f"Je thema ({matching[0]}) past bij {rules.funder}.")
    if matching:
        return Check("thema", Verdict.FITS, f"Je thema's ({join_names(matching, 'en')}) passen bij {rules.funder}.")
    return Check(
        "thema",
        Verdict.DOES_NOT_FIT,
        f"{cap(rules.funder)} steunt alleen plannen over {join_names(n.lower() for n in rules.themes.values())}.",
    )


def check_region(rules: SchemeRules, answers: Answers) -> Check | None:
    region = rules.region
    if region.national:
        return None
    where = join_names(region.names)
    if not answers.municipality:
        return Check(
            "regio", Verdict.MAYBE, f"Check of je in het gebied woont: {rules.funder} geeft alleen geld in {where}."
        )
    if answers.municipality in region.municipalities or (answers.province and answers.province in region.provinces):
        return Check("regio", Verdict.FITS, f"{cap(rules.funder)} geeft geld in {answers.municipality_name}.")
    return Check("regio", Verdict.DOES_NOT_FIT, f"{cap(rules.funder)} geeft alleen geld in {where}.")


def check_amount(rules: SchemeRules, answers: Answers) -> Check | None:
    if answers.amount is None or (rules.min_amount is None and rules.max_amount is None):
        return None
    if rules.min_amount is not None and answers.amount < rules.min_amount:
        return Check(
            "bedrag",
            Verdict.DOES_NOT_FIT,
            f"{cap(rules.funder)} geeft minstens {euro(rules.min_amount)}; je zoekt {euro(answers.amount)}.",
        )
    if rules.max_amount is not None and answers.amount > rules.max_amount:
        return Check(
            "bedrag",
            Verdict.MAYBE,
            f"Check je begroting: {rules.funder} geeft hoogstens {euro(rules.max_amount)}. "
            "Voor de rest zoek je ander geld.",
        )
    return Check("bedrag", Verdict.FITS, f"Het bedrag ({euro(answers.amount)}) past binnen de grenzen.")


def check_legal_form(rules: SchemeRules, answers: Answers) -> Check | None:
    if not rules.legal_forms:
        return None
    accepted = join_names(name.lower() for name in rules.legal_forms.values())
    # Only the forms with a legal entity, for "geeft alleen geld aan een stichting of vereniging".
    formal = join_names(
        name.lower() for slug, name in rules.legal_forms.items() if slug not in (INFORMAL_WITH, INFORMAL_WITHOUT)
    )
    if not answers.legal_form:
        return Check(
            "rechtsvorm",
            Verdict.MAYBE,
            f"Check jullie rechtsvorm: {rules.funder} geeft geld aan een {formal or accepted}.",
        )
    if answers.legal_form in rules.legal_forms or (answers.legal_form == INFORMAL_WITH and rules.penvoerder_ok):
        if answers.legal_form == INFORMAL_WITH:
            return Check("rechtsvorm", Verdict.FITS, "Met een penvoerder kan het: die ontvangt het geld voor jullie.")
        return Check("rechtsvorm", Verdict.FITS, f"Jullie rechtsvorm ({answers.legal_form_name.lower()}) past.")
    if answers.legal_form == INFORMAL_WITHOUT and rules.penvoerder_ok:
        return Check(
            "rechtsvorm",
            Verdict.DOES_NOT_FIT,
            f"{cap(rules.funder)} geeft alleen geld aan een {formal or accepted}; met een penvoerder kan het wel.",
        )
    return Check(
        "rechtsvorm",
        Verdict.DOES_NOT_FIT,
        f"{cap(rules.funder)} geeft alleen geld aan een {formal or accepted}.",
    )


def check_phase(rules: SchemeRules, answers: Answers) -> Check | None:
    if not rules.phases or not answers.phase:
        return None
    if answers.phase in rules.phases:
        return Check("fase", Verdict.FITS, f"Jullie fase ({answers.phase_name.lower()}) past.")
    return Check(
        "fase",
        Verdict.DOES_NOT_FIT,
        f"{cap(rules.funder)} steunt alleen initiatieven in de fase "
        f"{join_names(n.lower() for n in rules.phases.values())}.",
    )


def check_purpose(purpose: Purpose) -> Callable[[SchemeRules, Answers], Check | None]:
    """One rule per purpose: does the scheme pay for one-day activities, equipment, buildings, costs made?"""

    def check(rules: SchemeRules, answers: Answers) -> Check | None:
        if purpose not in answers.purposes:
            return None
        what = PURPOSE_WORDS[purpose]
        coverage = rules.coverage.get(purpose, Coverage.ASK)
        if coverage == Coverage.YES:
            return Check(purpose.value, Verdict.FITS, f"{cap(rules.funder)} betaalt {what}.")
        if coverage == Coverage.NO:
            return Check(purpose.value, Verdict.DOES_NOT_FIT, f"{cap(rules.funder)} betaalt geen {what}.")
        return Check(purpose.value, Verdict.MAYBE, f"Vraag {rules.funder} eerst of ze {what} betalen.")

    check.__name__ = f"check_purpose_{purpose.name.lower()}"
    return check


def check_own_contribution(rules: SchemeRules, answers: Answers) -> Check | None:
    percent = rules.own_contribution_percent
    if not percent:
        return None
    if answers.amount is None or answers.own_money is None:
        return Check(
            "eigen-bijdrage",
            Verdict.MAYBE,
            f"Check je eigen bijdrage: {rules.funder} wil dat je minstens {percent}% van de kosten zelf betaalt "
            "of ergens anders vandaan haalt.",
        )
    needed = -(-answers.amount * percent // 100)  # round up: "minstens"
    if answers.own_money >= needed:
        return Check("eigen-bijdrage", Verdict.FITS, f"Je eigen bijdrage ({euro(answers.own_money)}) is genoeg.")
    return Check(
        "eigen-bijdrage",
        Verdict.DOES_NOT_FIT,
        f"{cap(rules.funder)} wil dat je minstens {percent}% zelf betaalt: {euro(needed)}. "
        f"Je hebt nu {euro(answers.own_money)}.",
    )


def check_age(rules: SchemeRules, answers: Answers) -> Check | None:
    if rules.min_age_years is None and rules.max_age_years is None:
        return None
    if answers.founded_year is None:
        if rules.max_age_years is not None:
            text = f"{rules.funder} steunt alleen initiatieven die korter dan {rules.max_age_years} jaar bestaan."
        else:
            text = f"{rules.funder} steunt alleen initiatieven die minstens {rules.min_age_years} jaar bestaan."
        return Check("leeftijd", Verdict.MAYBE, f"Check hoe lang jullie bestaan: {text}")
    age = answers.today.year - answers.founded_year
    if rules.max_age_years is not None and age > rules.max_age_years:
        return Check(
            "leeftijd",
            Verdict.DOES_NOT_FIT,
            f"{cap(rules.funder)} steunt alleen nieuwe initiatieven (hoogstens {rules.max_age_years} jaar oud).",
        )
    if rules.min_age_years is not None and age < rules.min_age_years:
        return Check(
            "leeftijd",
            Verdict.DOES_NOT_FIT,
            f"{cap(rules.funder)} steunt alleen initiatieven die minstens {rules.min_age_years} jaar bestaan.",
        )
    return Check("leeftijd", Verdict.FITS, "Jullie bestaan lang genoeg (of kort genoeg) voor deze regeling.")


def check_deadline(rules: SchemeRules, answers: Answers) -> Check | None:
    if rules.is_rolling:
        return Check("deadline", Verdict.FITS, "Je kunt het hele jaar aanvragen.")
    if rules.deadline is None:
        return Check("deadline", Verdict.MAYBE, f"Check wanneer je kunt aanvragen: {rules.funder} werkt met rondes.")
    days = (rules.deadline - answers.today).days
    when = _date(rules.deadline, get_language() or "")  # the nl locale's DATE_FORMAT: 3 maart 2025
    if days < 0:
        return Check(
            "deadline",
            Verdict.DOES_NOT_FIT,
            f"De laatste ronde sloot op {when}. Kijk op de website wanneer de volgende ronde opent.",
        )
    if days <= DEADLINE_WARNING_DAYS:
        return Check("deadline", Verdict.MAYBE, f"Check of je het haalt: je moet aanvragen vóór {when}.")
    return Check("deadline", Verdict.FITS, f"Je kunt aanvragen tot {when}.")


RULES: tuple[Callable[[SchemeRules, Answers], Check | None], ...] = (
    check_theme,
    check_region,
    check_legal_form,
    check_phase,
    *(check_purpose(p) for p in Purpose),
    check_amount,
    check_own_contribution,
    check_age,
    check_deadline,
)


@dataclass(frozen=True)
class Result:
    """A scheme's overall verdict (the worst of its checks) with the checks that explain it."""

    verdict: Verdict
    checks: tuple[Check, ...]

    @property
    def reasons(self) -> list[Check]:
        """The checks that decided the verdict first, then the rest."""
        return sorted(self.checks, key=lambda c: -c.verdict)

    @property
    def deciding(self) -> list[Check]:
        return [c for c in self.checks if c.verdict == self.verdict]


def evaluate(rules: SchemeRules, answers: Answers) -> Result:
    checks = tuple(check for rule in RULES if (check := rule(rules, answers)) is not None)
    verdict = max((c.verdict for c in checks), default=Verdict.FITS)
    return Result(verdict, checks)


# --- the outcome as a whole: how many fit, and which other answer would open more doors ---


def regeling_count(n: int) -> str:
    """ "1 regeling", "6 regelingen"."""
    return f"{n} regeling" if n == 1 else f"{n} regelingen"


def summary_text(counts: dict[Verdict, int]) -> str:
    """The first line of the outcome: "2 regelingen passen waarschijnlijk, 3 misschien en 10 niet." """
    fits, maybe, no = (counts.get(v, 0) for v in (Verdict.FITS, Verdict.MAYBE, Verdict.DOES_NOT_FIT))
    if fits == 0:
        first = "Geen regeling past waarschijnlijk"
    else:
        first = f"{regeling_count(fits)} {'past' if fits == 1 else 'passen'} waarschijnlijk"
    return f"{first}, {maybe} misschien en {no} niet."


STICHTING = "stichting"
VERENIGING = "vereniging"
# Another legal form that opens doors, as it reads after "Met ... passen": in the order people would try them.
LEGAL_FORM_DOORS: tuple[tuple[str, str], ...] = (
    (INFORMAL_WITH, "een penvoerder"),
    (STICHTING, "een stichting"),
    (VERENIGING, "een vereniging"),
)


@dataclass(frozen=True)
class Door:
    """A different answer that would move schemes out of "past niet", and how many."""

    key: str  # "rechtsvorm" or "eigen-bijdrage": the template links the guides that help with it
    count: int
    text: str


def more_doors(schemes: Iterable[SchemeRules], answers: Answers, results: Sequence[Result] | None = None) -> list[Door]:
    """What would open more doors, counted: the schemes that move from "past niet" to "past (misschien)".

    - Another legal form, for a group without one (or a coöperatie or BV): a penvoerder, a stichting or a
      vereniging. One door with the options that open something, counted together: "Met een penvoerder
      of een stichting past 1 regeling meer."
    - More own money or money from others (co-funding), when the amount and the own money are answered:
      the sum that opens every scheme the own contribution alone keeps closed.
    A scheme opens when the changed answer was the only rule it failed: the verdict is the worst check, and
    the legal-form and own-contribution checks read only their own answers, so that one check is asked
    again with the changed answer. Pure: nothing is read from the database.
    """
    rules_list = list(schemes)
    failing: dict[int, set[str]] = {}
    # `results`: the verdicts the caller has already (one per scheme, in order), so the schemes are judged once.
    judged = results if results is not None else [evaluate(rules, answers) for rules in rules_list]
    for i, result in enumerate(judged):
        if result.verdict == Verdict.DOES_NOT_FIT:
            failing[i] = {check.rule for check in result.deciding}
    doors: list[Door] = []

    def opens(check: Check | None) -> bool:
        return check is None or check.verdict < Verdict.DOES_NOT_FIT

    legal_only = [i for i, rules in failing.items() if rules == {"rechtsvorm"}]
    if legal_only and answers.legal_form not in (STICHTING, VERENIGING):
        opened: set[int] = set()
        helping: list[str] = []
        for slug, words in LEGAL_FORM_DOORS:
            # A penvoerder is for a group without a legal form; an organisation with one applies itself.
            if slug == answers.legal_form or (slug == INFORMAL_WITH and answers.legal_form != INFORMAL_WITHOUT):
                continue
            changed = replace(answers, legal_form=slug, legal_form_name=words.split(" ", 1)[1])
            these = {i for i in legal_only if opens(check_legal_form(rules_list[i], changed))}
            if these:
                opened |= these
                helping.append(words)
        if opened:
            verb = "past" if len(opened) == 1 else "passen"
            doors.append(
                Door("rechtsvorm", len(opened), f"Met {join_names(helping)} {verb} {regeling_count(len(opened))} meer.")
            )

    own_only = [i for i, rules in failing.items() if rules == {"eigen-bijdrage"}]
    if own_only and answers.amount is not None and answers.own_money is not None:
        amount = answers.amount
        own_money = max(-(-amount * rules_list[i].own_contribution_percent // 100) for i in own_only)
        changed = replace(answers, own_money=own_money)
        count = sum(1 for i in own_only if opens(check_own_contribution(rules_list[i], changed)))
        if count:
            verb = "past" if count == 1 else "passen"
            doors.append(
                Door(
                    "eigen-bijdrage",
                    count,
                    f"Met {euro(own_money)} eigen geld of geld van anderen (cofinanciering) {verb} "
                    f"{regeling_count(count)} meer.",
                )
            )
    return doors
