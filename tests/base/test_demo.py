"""Demo content as data: every file parses, the URLs people may have shared keep working, loading twice
writes nothing, a bad file names itself, and `load_demo` refuses to run in production."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from goals import demo as goals_demo
from goals.models import Update
from initiatives import demo as initiatives_demo
from initiatives.models import Initiative
from knowledge import demo as knowledge_demo
from knowledge.funding import demo as funding_demo
from knowledge.models import FundingScheme, Organisation, Question, Resource
from knowledge.questions import demo as questions_demo
from tests.database import empty_content_tables
from wdhs.demo import DemoDataError, Lookups, apply_all, read

pytestmark = pytest.mark.django_db

FOLDERS = {
    "organisations": (knowledge_demo.FOLDER / "organisations", knowledge_demo.ORGANISATION_FIELDS),
    "resources": (knowledge_demo.FOLDER / "resources", knowledge_demo.RESOURCE_FIELDS),
    "schemes": (funding_demo.FOLDER, funding_demo.FIELDS),
    "initiatives": (initiatives_demo.FOLDER, initiatives_demo.FIELDS),
    "updates": (goals_demo.FOLDER, goals_demo.FIELDS),
    "questions": (questions_demo.FOLDER, questions_demo.FIELDS),
}

# The slugs of the demo content when it moved from Python to data files: they are in URLs that people
# may have shared (/kennis/<slug>/, /initiatieven/<slug>/, ...), so renaming a file breaks a link.
SLUGS_TODAY = {
    "organisations": [
        "katalys",
        "lsa-bewoners",
        "lvkk",
        "nederland-zorgt-voor-elkaar",
        "nov",
        "oranje-fonds",
        "stichting-doen",
        "vsbfonds",
    ],
    "resources": [
        "armoede-bespreekbaar-maken",
        "bijeenkomst-zeggenschap-in-je-buurt",
        "buren-betrekken-bij-je-plan",
        "buurtapp-veilig-en-prettig",
        "buurtbus-in-het-dorp",
        "buurthulp-bij-geldzorgen",
        "buurtmoestuin-beginnen",
        "crowdfunding-in-de-buurt",
        "dorpshuis-overnemen",
        "een-cooperatie-oprichten",
        "een-fondsaanvraag-schrijven",
        "een-goed-bestuur",
        "een-stichting-oprichten",
        "een-vereniging-oprichten",
        "energiecooperatie-starten",
        "geld-vinden-voor-je-initiatief",
        "groen-adopteren",
        "je-plan-op-een-a4",
        "jongeren-betrekken",
        "jongerenbudget-in-de-wijk",
        "klimaatbestendige-straat",
        "koffieochtend-tegen-eenzaamheid",
        "kostprijs-plus-afspraak",
        "laten-zien-wat-je-doet",
        "moeten-we-naar-de-kvk",
        "opvolging-regelen",
        "ouderen-langer-thuis",
        "regels-voor-gegevens",
        "right-to-challenge-stappenplan",
        "right-to-challenge-uitgelegd",
        "ruimte-vinden-voor-je-initiatief",
        "samen-energie-besparen",
        "samen-eten-in-de-buurt",
        "samenwerken-met-andere-initiatieven",
        "samenwerken-met-de-gemeente",
        "sjabloon-begroting",
        "sjabloon-ledenvergadering",
        "training-sterke-aanvraag",
        "training-vrijwilligers-begeleiden",
        "van-idee-naar-eerste-stap",
        "verzekering-voor-vrijwilligers",
        "vog-voor-vrijwilligers",
        "vrijwilligers-houden",
        "vrijwilligers-vinden",
        "vrijwilligersvergoeding",
        "welke-rechtsvorm-past-bij-jullie",
        "werken-met-een-penvoerder",
        "wie-bel-ik-bij-de-gemeente",
        "wijkbedrijf-opzetten",
        "wooncooperatie-verkennen",
        "zorgcooperatie-starten",
    ],
    "schemes": [
        "buurtfonds-zwolle-zuid",
        "buurtgeld-crowdfunding",
        "buurthuis-voor-een-euro-groningen",
        "doen-groene-en-sociale-pioniers",
        "doen-lening-wijkbedrijven",
        "fonds-zorgzame-dorpen",
        "initiatievenfonds-utrecht",
        "klusbank-in-natura",
        "kostprijs-plus-deventer",
        "noord-brabant-energiecooperaties-starten",
        "ontwikkelfonds-energie",
        "oranje-fonds-groeiregeling",
        "oranje-fonds-kleine-bijdrage",
        "provincie-gelderland-leefbaarheid",
        "samenbank-buurtkrediet",
        "straatbudget-rotterdam",
        "vsbfonds-samen-in-de-buurt",
    ],
    "initiatives": [
        "beetsterzwaag-beweegt",
        "bossche-buurtfonds-de-muntel",
        "bredase-buurtkracht",
        "buurtbus-almere-haven",
        "buurtkamer-assendorp",
        "buurtkeuken-noord",
        "buurtmoestuin-de-groene-vinger",
        "coevorden-kookt-samen",
        "doorns-dorpsfonds",
        "dorpsbelang-vlagtwedde",
        "dorpsboerderij-hengelo-gld",
        "dorpscooperatie-warffum-samen",
        "dorpshuis-de-skalm",
        "dorpskracht-slochteren",
        "dorpsraad-ouddorp-zorgt",
        "drachtster-deelauto",
        "dronter-tuinen-delen",
        "ede-veldhuizen-verbindt",
        "eelder-energie",
        "emmeloord-jongeren-aan-zet",
        "energie-vathorst-samen",
        "energiecooperatie-westerkwartier-zon",
        "geleen-groen-gedeeld",
        "goudse-bijenbuurt",
        "heerlen-noord-bloeit",
        "huiskamer-van-afrikaanderwijk",
        "hulster-moestuinen",
        "klimaatstraat-presikhaaf",
        "leidse-buurtfietsen",
        "lokaal-fonds-nijmegen-oost",
        "maastricht-malberg-kookt",
        "middelburg-maakt-het",
        "peel-en-maas-energiek",
        "poelenburg-groen",
        "purmerend-weidevenne-samen",
        "raalter-ruilwinkel",
        "repair-cafe-de-schroevendraaier",
        "roermondse-repaircafes",
        "samen-duurzaam-ruinen",
        "schalkwijk-doet-mee",
        "schijndel-samen-sterk",
        "speeltuinvereniging-de-brink",
        "stadsboerderij-dordt",
        "taalcafe-heechterp",
        "texel-energie-eilanders",
        "veerse-kustcooperatie",
        "voedselbos-emmerdennen",
        "westlandse-klusploeg",
        "wieringen-woont",
        "wijkbedrijf-kanaleneiland",
        "wijkbedrijf-kloosterveen-werkt",
        "wijkcooperatie-lelystad-zuid",
        "wijkcooperatie-transvaal",
        "winschoten-wijkt-niet",
        "woensel-west-verbindt",
        "wooncooperatie-de-roterij",
        "wooncooperatie-de-tilburgse-hof",
        "zeeuws-vlaanderen-verbonden",
        "zierikzee-zonnig",
        "zorgcooperatie-boxmeer-dichtbij",
        "zorgcooperatie-hulp-om-de-hoek",
        "zorgcooperatie-markelo",
        "zorgzaam-berkelland",
        "zutphense-zonnedaken",
    ],
    "updates": [
        "initiatieven-zichtbaar-per-gemeente",
        "kennisplatform-gaat-open",
        "zo-houden-we-wetten-bij",
    ],
}


def test_every_demo_file_parses_and_every_slug_stays():
    records = {kind: read(folder, fields=fields) for kind, (folder, fields) in FOLDERS.items()}
    for kind, slugs in SLUGS_TODAY.items():
        assert [r.slug for r in records[kind]] == slugs, kind
    assert len(records["questions"]) == 4
    assert all(r.body for rs in records.values() for r in rs)


def test_load_demo_fills_every_kind_with_the_files(demo):
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == SLUGS_TODAY["organisations"]
    assert sorted(Resource.objects.values_list("slug", flat=True)) == SLUGS_TODAY["resources"]
    assert sorted(FundingScheme.objects.values_list("slug", flat=True)) == SLUGS_TODAY["schemes"]
    assert sorted(Initiative.objects.values_list("slug", flat=True)) == SLUGS_TODAY["initiatives"]
    assert sorted(Update.objects.values_list("slug", flat=True)) == SLUGS_TODAY["updates"]
    assert Question.objects.count() == 4
    guide = Resource.objects.get(slug="welke-rechtsvorm-past-bij-jullie")
    assert guide.body.startswith("Jullie willen samen iets doen in de buurt.") and guide.body.endswith(".\n")
    assert guide.is_featured and guide.status_changes.count() == 1
    assert [r.slug for r in guide.related.order_by("slug")] == [
        "een-cooperatie-oprichten",
        "een-stichting-oprichten",
        "een-vereniging-oprichten",
    ]
    assert Resource.objects.filter(attachments__isnull=False).count() == 3


def test_second_run_writes_nothing_and_reads_in_few_queries(demo):
    with CaptureQueriesContext(connection) as queries:
        call_command("load_demo", stdout=io.StringIO())
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    # Existing records are read in bulk: one query per record would be well over a hundred.
    assert len(queries) <= 66  # 60, plus the agenda's loader (knowledge/events/demo): six reads


def test_reference_data_is_read_once_per_loader_not_per_record(demo):
    empty_content_tables()  # a first load (inside this test's transaction: the shared demo comes back after it)
    with CaptureQueriesContext(connection) as queries:
        call_command("load_demo", stdout=io.StringIO())

    def reads(table: str) -> int:
        return sum(f'FROM "{table}"' in q["sql"] for q in queries)

    # One full read per loader that needs them, plus the organisations' prefetch for question routing.
    assert reads("wdhs_municipality") <= 5  # the agenda (knowledge/events/demo) reads its places once too
    assert reads("wdhs_province") <= 4
    assert reads("wdhs_term") <= 6


def test_an_edited_demo_file_is_applied_on_the_next_run(demo):
    resource = Resource.objects.get(slug="welke-rechtsvorm-past-bij-jullie")
    Resource.objects.filter(pk=resource.pk).update(title="Oud")
    resource.themes.clear()
    assert "0 nieuw" in knowledge_demo.load()
    resource.refresh_from_db()
    assert resource.title == "Welke rechtsvorm past bij jullie?"
    assert resource.themes.count() == 3


def test_load_demo_refuses_in_production(settings):
    settings.ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="load_demo draait niet in productie") as error:
        call_command("load_demo", stdout=io.StringIO())
    # manage.py exits with the error's return code and prints the message.
    assert error.value.returncode == 1
    assert not Organisation.objects.exists() and not Initiative.objects.exists() and not Update.objects.exists()


def write(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Geen velden.\n", "begint niet met velden"),
        ("---\ntitle: [niet dicht\n---\n\nTekst.\n", "geen geldige YAML"),
        ("---\ntitle: Goed\nthemse: [wonen]\n---\n\nTekst.\n", "onbekend veld themse"),
    ],
)
def test_a_bad_file_is_named_in_the_error(tmp_path, text, message):
    write(tmp_path, "kapot.md", text)
    with pytest.raises(DemoDataError, match=message) as error:
        read(tmp_path, fields={"title", "themes"})
    assert "kapot.md" in str(error.value)


def test_an_unknown_slug_is_named_with_its_file(tmp_path):
    write(tmp_path, "onbekend-thema.md", "---\nthemes: [bestaat-niet]\n---\n\nTekst.\n")
    lookups = Lookups()
    with pytest.raises(DemoDataError, match=r"onbekend-thema\.md: .*bestaat-niet"):
        apply_all(read(tmp_path, fields={"themes"}), lambda r: lookups.terms("theme", r.data["themes"]))


def test_load_demo_stops_with_a_clear_message_on_a_bad_file(tmp_path, monkeypatch):
    write(tmp_path, "kapot.md", "---\ngoal: 1\nkop: Verkeerd veld\n---\n\nTekst.\n")
    monkeypatch.setattr(goals_demo, "FOLDER", tmp_path)
    with pytest.raises(CommandError, match=r"Voorbeeldinhoud van doelen niet geladen: .*kapot\.md: onbekend veld kop"):
        call_command("load_demo", stdout=io.StringIO())
