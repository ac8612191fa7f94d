"""What a person reads on a page, and the English, framework words and foreign date styles in it.

`readable_text(html)` gives the visible text of a page plus the words a screen reader or a mouse shows (title,
aria-label, placeholder, alt, and the value of a button), without scripts, styles and the text of form fields
a person typed. `english(text)` and `other_date_styles(text)` name what does not belong on a Dutch page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Texts a person reads although they are not in Dutch: proper names and loan words that Dutch uses as they are.
PROPER_NAMES = (
    "Right to Challenge",
    "Right to Bid",
    "Nederland Zorgt Voor Elkaar",
    "NL Design System",
    "Open Inwoner",
    "Stichting DOEN",
    "Social Return",
)

# Whole words (case as written) that an English interface has and a Dutch page never does. Not here because Dutch
# has them too: "of" (or), "Filter" and "Filters", "Log in" ("Log in met je e-mailadres"), "link", "online".
ENGLISH_WORDS = (
    "Add", "Change", "Delete", "Save", "Select", "Search", "History", "Home", "Submit", "Next", "Previous",
    "Password", "password", "Yes", "No", "by", "the", "The", "and", "with", "your", "Your", "you", "You",
    "please", "Please", "Remove", "Clear", "Show", "Hide", "Unknown", "None", "True", "False", "Today", "Now",
    "Choose", "Welcome", "Documentation", "Email", "email", "Username", "username", "Continue", "Cancel",
    "Back", "Close", "Menu", "More", "Sign", "Forgot", "Remember", "required", "optional",
    "community", "building", "feed", "Feed", "Atom", "Primary", "primary", "Can", "Pagination", "entries",
    "today", "Yesterday", "Tomorrow", "Midnight", "Noon", "Note", "timezone", "selection",
)  # fmt: skip
ENGLISH_PHRASES = ("Atom-feed", "View site", "Filter by", "Log out", "Log in again", "Sign in", "Sign up", "Sign out")
# The Dutch words that the framework uses, where the portal has one word list of its own (inloggen, uitloggen).
# ("aanmelden" stays: it is how you register an initiative.)
FRAMEWORK_WORDS = ("Afmelden", "afmelden", "Opnieuw aanmelden", "Primair", "primair", "Voorpagina")

_WORDS = re.compile(r"(?<![\w-])(" + "|".join(re.escape(word) for word in ENGLISH_WORDS) + r")(?![\w-])")
_PHRASES = re.compile("|".join(re.escape(phrase) for phrase in ENGLISH_PHRASES))
_FRAMEWORK = re.compile(r"(?<![\w-])(" + "|".join(FRAMEWORK_WORDS) + r")(?![\w-])")

# "30 november 2026" is the one style; numeric dates, English months and abbreviated Dutch months are not.
_MONTHS_EN = "January|February|March|April|June|July|August|October"
# Spelled the same in Dutch when a label starts with them: the admin's date navigation shows "November 2026"
# (Django capitalises the first letter). English only without a year after it ("November 30").
_MONTHS_BOTH = "September|November|December"
_DATE_STYLES = re.compile(
    r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b"  # 30-11-2026, 30/11/2026, 30.11.26
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2026-11-30
    r"|\b(?:" + _MONTHS_EN + r")\b"
    r"|\b(?:" + _MONTHS_BOTH + r")\b(?! \d{4}\b)"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s\d"  # Nov. 30
    r"|\b\d{1,2}\s(?:jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?(?:\s|$)"  # 30 nov. 2026
    r"|\b(?:a\.m\.|p\.m\.|midnight|noon)\b"
    r"|\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
    r" \d{1,2}, \d{4}\b"  # december 1, 2026: English order with a Dutch month (the admin calendar)
)


class _Reader(HTMLParser):
    SKIP = {"script", "style", "template", "textarea", "svg"}
    ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in self.SKIP:
            self._skipping.append(tag)
        if self._skipping and tag != "svg":
            return
        self.parts += [values[name] or "" for name in self.ATTRIBUTES if values.get(name)]
        if tag in ("input", "button") and values.get("type") in ("submit", "button", "reset") and values.get("value"):
            self.parts.append(values["value"] or "")
        if tag == "svg" and values.get("aria-label"):
            self.parts.append(values["aria-label"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def readable_text(html: str) -> str:
    reader = _Reader()
    reader.feed(html)
    text = " ".join(" ".join(reader.parts).split())
    for name in PROPER_NAMES:
        text = text.replace(name, "")
    return text


def _context(text: str, match: re.Match[str]) -> str:
    return "…" + text[max(match.start() - 40, 0) : match.end() + 40] + "…"


def english(text: str) -> list[str]:
    """English words and phrases in `text`, each with the words around it."""
    return [_context(text, match) for pattern in (_PHRASES, _WORDS) for match in pattern.finditer(text)]


def framework_words(text: str) -> list[str]:
    return [_context(text, match) for match in _FRAMEWORK.finditer(text)]


def other_date_styles(text: str) -> list[str]:
    return [_context(text, match) for match in _DATE_STYLES.finditer(text)]
