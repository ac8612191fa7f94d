"""docs/asvs.md cannot rot: every ASVS 5.0.0 level 1 requirement is there once, with a status, and every test it
names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "asvs.md"

# Every requirement with L = 1 in OWASP/ASVS 5.0/docs_en/OWASP_Application_Security_Verification_Standard_5.0.0_en.csv.
# V16 and V17 have none.
LEVEL_1_BY_CHAPTER = (
    "V1.2.1 V1.2.2 V1.2.3 V1.2.4 V1.2.5 V1.3.1 V1.3.2 V1.5.1",
    "V2.1.1 V2.2.1 V2.2.2 V2.3.1",
    "V3.2.1 V3.2.2 V3.3.1 V3.4.1 V3.4.2 V3.5.1 V3.5.2 V3.5.3",
    "V4.1.1 V4.4.1",
    "V5.2.1 V5.2.2 V5.3.1 V5.3.2",
    "V6.1.1 V6.2.1 V6.2.2 V6.2.3 V6.2.4 V6.2.5 V6.2.6 V6.2.7 V6.2.8 V6.3.1 V6.3.2 V6.4.1 V6.4.2",
    "V7.2.1 V7.2.2 V7.2.3 V7.2.4 V7.4.1 V7.4.2",
    "V8.1.1 V8.2.1 V8.2.2 V8.3.1",
    "V9.1.1 V9.1.2 V9.1.3 V9.2.1",
    "V10.4.1 V10.4.2 V10.4.3 V10.4.4 V10.4.5",
    "V11.3.1 V11.3.2 V11.4.1",
    "V12.1.1 V12.2.1 V12.2.2",
    "V13.4.1",
    "V14.2.1 V14.3.1",
    "V15.1.1 V15.2.1 V15.3.1",
)
LEVEL_1 = [requirement for chapter in LEVEL_1_BY_CHAPTER for requirement in chapter.split()]
STATUSES = {"voldaan", "deels", "niet voldaan", "niet van toepassing"}
OPEN = {"deels", "niet voldaan"}

HEADING = re.compile(r"^### (V\d+\.\d+\.\d+) ", re.MULTILINE)
STATUS = re.compile(r"^- \*\*Status:\*\* (.+)$", re.MULTILINE)
CITED_TEST = re.compile(r"`(tests/[\w/]+\.py)::(test_\w+)`")
OVERVIEW_ROW = re.compile(r"^\| (V\d+\.\d+\.\d+) \| ([^|]+?) \|", re.MULTILINE)


def sections() -> dict[str, str]:
    """The text under each requirement's heading, up to the next heading."""
    text = DOC.read_text()
    found: dict[str, str] = {}
    matches = list(HEADING.finditer(text))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        body = text[match.end() : end].split("\n## ", 1)[0]
        assert match.group(1) not in found, f"{match.group(1)} staat twee keer in docs/asvs.md"
        found[match.group(1)] = body
    return found


def test_the_list_is_the_70_requirements_of_level_1():
    assert len(LEVEL_1) == 70 and len(set(LEVEL_1)) == 70
    assert list(sections()) == LEVEL_1


def test_every_requirement_has_one_status():
    wrong = []
    for requirement, body in sections().items():
        statuses = STATUS.findall(body)
        if len(statuses) != 1 or statuses[0] not in STATUSES:
            wrong.append(f"{requirement}: {statuses}")
    assert not wrong, wrong


def test_what_is_open_is_in_the_overview_and_says_what_is_missing():
    text = DOC.read_text()
    overview = dict(OVERVIEW_ROW.findall(text.split("\n## V1 ", 1)[0]))
    status = {requirement: STATUS.findall(body)[0] for requirement, body in sections().items()}
    open_ones = {requirement: value for requirement, value in status.items() if value in OPEN}
    assert overview == open_ones
    for requirement in open_ones:
        assert "**Wat ontbreekt:**" in sections()[requirement], requirement
    for requirement, value in status.items():
        if value == "niet van toepassing":
            body = sections()[requirement]
            assert "**Waarom:**" in body, requirement


def test_every_cited_test_exists():
    cited = CITED_TEST.findall(DOC.read_text())
    assert len(cited) > 70
    missing = []
    for path, name in cited:
        file = ROOT / path
        if not file.is_file() or not re.search(rf"^\s*def {name}\(", file.read_text(), re.MULTILINE):
            missing.append(f"{path}::{name}")
    assert not missing, "docs/asvs.md noemt tests die niet bestaan: " + ", ".join(missing)


def test_a_missing_test_would_be_found():
    """The check above must be able to fail: a made-up name is not found."""
    text = "`tests/base/test_asvs_doc.py::test_that_does_not_exist` `tests/nope.py::test_x`"
    for path, name in CITED_TEST.findall(text):
        file = ROOT / path
        assert not (file.is_file() and re.search(rf"^\s*def {name}\(", file.read_text(), re.MULTILINE))
