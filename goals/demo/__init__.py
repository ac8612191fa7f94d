"""Demo content for the goals: progress updates, the legislation tracker, example targets.

Updates: one Markdown file each (no made-up figures); the file name is the slug, the text the body.
Dates are relative: demo news should not claim a real day in the programme's history.
Laws and regulations (goal 3): the subjects the action programme names (Right to Challenge in the Wmo,
procurement, state aid, competition law, legal forms, tax), in our own words and without made-up dates,
numbers or links. Targets: EXAMPLE values so the demo shows progress bars; the coalition sets the real ones.
Everything is created once (by slug, title, or only where a field is empty), so a second run changes nothing.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from goals.models import Goal, Indicator, Regulation, Update
from wdhs.demo import Record, apply_all, days_from_today, read

FOLDER = Path(__file__).resolve().parent
FIELDS = {"goal", "title", "published_days_ago"}


def load() -> str:
    """Add the updates that do not exist yet, each under its goal (by number)."""
    records = read(FOLDER, fields=FIELDS)
    goals = Goal.objects.in_bulk(field_name="number")
    existing = set(Update.objects.filter(slug__in=[r.slug for r in records]).values_list("slug", flat=True))
    created = sum(apply_all(records, partial(_apply, goals=goals, existing=existing)))
    laws = load_regulations()
    targets = load_targets(goals)
    return f"{created} voortgangsbericht(en), {laws} wet(ten) en regel(s), {targets} streefwaarde(n) toegevoegd."


Area, Status = Regulation.Area, Regulation.Status

# (title, area, status, summary, position, position adopted)
REGULATIONS = [
    (
        "Right to Challenge in de Wmo",
        Area.WMO,
        Status.IN_FORCE,
        "Bewoners mogen aan de gemeente vragen of zij een taak zelf mogen doen, als zij denken dat het beter of "
        "goedkoper kan. Dit recht staat sinds 2014 in de Wmo.",
        "Goed dat dit recht er is. Gemeenten moeten het wel echt mogelijk maken: met duidelijke regels, "
        "geld en tijd om een taak over te nemen.",
        True,
    ),
    (
        "Aanbesteden van taken die een gemeenschap zelf doet",
        Area.PROCUREMENT,
        Status.IDEA,
        "Als een gemeente een taak uitbesteedt, moet dat vaak via een aanbesteding. Een bewonerscollectief moet "
        "dan concurreren met bedrijven.",
        "Een lokale gemeenschap die een taak voor haar eigen buurt of dorp doet, hoeft niet mee te doen aan een "
        "aanbesteding. Een juridische verkenning zoekt uit hoe dat kan.",
        False,
    ),
    (
        "Staatssteun aan lokale gemeenschappen",
        Area.STATE_AID,
        Status.IDEA,
        "De regels over staatssteun beperken hoeveel geld een overheid aan een organisatie mag geven. Ze zijn "
        "gemaakt voor bedrijven.",
        "Een lokale gemeenschap maakt geen winst voor aandeelhouders. Zij mag steun krijgen waar een bedrijf dat "
        "niet mag. Dan kan een overheid haar ook voor langere tijd financieren.",
        False,
    ),
    (
        "Mededingingsrecht: wat is een gemeenschap?",
        Area.OTHER,
        Status.IDEA,
        "Het mededingingsrecht zorgt voor eerlijke concurrentie tussen bedrijven. Hier beweegt nu het meest.",
        "Leg vast wat een lokale gemeenschap is, en waarin zij verschilt van een bedrijf.",
        False,
    ),
    (
        "Een rechtsvorm die past bij bewonerscollectieven",
        Area.LEGAL_FORM,
        Status.IDEA,
        "Een bewonerscollectief kiest nu vaak een stichting, vereniging of coöperatie. Geen van die vormen is "
        "gemaakt voor bewoners die samen iets voor hun buurt doen.",
        "Zorg voor een rechtsvorm, of regels binnen de bestaande vormen, die past bij eigenaarschap en "
        "zeggenschap van bewoners.",
        False,
    ),
    (
        "Belastingen voor bewonerscollectieven",
        Area.TAX,
        Status.IDEA,
        "Voor de belasting lijkt een collectief dat iets verkoopt of verhuurt vaak op een bedrijf.",
        "Een collectief dat werkt voor de eigen gemeenschap, betaalt geen belasting alsof het een bedrijf is.",
        False,
    ),
]

# Example targets for the main indicators (goal number: value); only where staff set none.
EXAMPLE_TARGETS = {1: 500, 2: 100, 3: 4, 4: 10, 5: 100}

AFTER_2025 = (
    "Het werk gaat door in 2026. De partners houden hun kennis op het portaal actueel en vullen aan wat "
    "initiatieven nog missen. Elk jaar kijken we samen wat er ontbreekt."
)


def load_regulations() -> int:
    existing = set(Regulation.objects.values_list("title", flat=True))
    new = [
        Regulation(title=title, area=area, status=status, summary=summary, position=position, position_adopted=adopted)
        for title, area, status, summary, position, adopted in REGULATIONS
        if title not in existing
    ]
    return len(Regulation.objects.bulk_create(new))


def load_targets(goals: dict[int, Goal]) -> int:
    made = 0
    open_mains = Indicator.objects.filter(goal__number__in=EXAMPLE_TARGETS, is_main=True, target_value__isnull=True)
    for indicator in open_mains.select_related("goal"):
        made += Indicator.objects.filter(pk=indicator.pk).update(target_value=EXAMPLE_TARGETS[indicator.goal.number])
    goal = goals.get(5)
    if goal is not None and not goal.after_target_year:
        goal.after_target_year = AFTER_2025
        goal.save(update_fields=["after_target_year"])
    return made


def _apply(record: Record, *, goals: dict[int, Goal], existing: set[str]) -> bool:
    goal = goals.get(record.data["goal"])
    # The goals are reference data; without them (a bare test database) there is nothing to report on.
    if goal is None or record.slug in existing:
        return False
    Update.objects.create(
        goal=goal,
        slug=record.slug,
        title=record.data["title"],
        body=record.body,
        published_at=days_from_today(-record.data["published_days_ago"]),
        is_published=True,
    )
    return True
