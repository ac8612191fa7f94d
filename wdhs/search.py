"""Shared Dutch full-text search: query cleaning, tsquery building and safe highlighted snippets.

Every app searches through these helpers with the `wdhs_dutch` configuration (Dutch stemmer with
accent folding, migration wdhs/0003), so knowledge, initiatives and later funding find words the
same way. Documents keep a tsvector column maintained by the database (generated column or
trigger) built with `to_tsvector('wdhs_dutch', ...)`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db.models import Expression
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SEARCH_CONFIG = "wdhs_dutch"
MAX_QUERY_LENGTH = 200
# Markers that cannot occur in escaped text; replaced by <mark> after escaping the snippet.
_START, _STOP = "\ue000", "\ue001"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff]")
_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class ParsedQuery:
    """A visitor's query, cleaned; `message` explains in Dutch what we changed or why nothing is searched."""

    raw: str
    text: str
    message: str = ""
    phrases: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_searchable(self) -> bool:
        return bool(self.text)


def parse_query(raw: str | None) -> ParsedQuery:
    """Clean a query from the URL: control characters out, length capped, quotes balanced."""
    raw = raw or ""
    text = unicodedata.normalize("NFC", _CONTROL.sub(" ", raw))
    text = " ".join(text.split())
    message = ""
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        message = f"Je zoekvraag was erg lang. We zochten op de eerste {MAX_QUERY_LENGTH} tekens."
    if text.count('"') % 2:
        text = text.replace('"', " ").strip()
        text = " ".join(text.split())
    if text and not _WORD.search(text):
        return ParsedQuery(raw=raw, text="", message="Typ een of meer woorden om te zoeken, bijvoorbeeld ‘stichting’.")
    phrases = tuple(p.strip() for p in re.findall(r'"([^"]+)"', text) if p.strip())
    return ParsedQuery(raw=raw, text=text, message=message, phrases=phrases)


def search_query(parsed: ParsedQuery) -> SearchQuery:
    """A tsquery in web-search syntax: words AND-ed, "exact phrase", -excluded, `of` for OR."""
    text = re.sub(r"\bof\b", "or", parsed.text, flags=re.IGNORECASE)
    return SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")


def headline(expression: str | Expression, parsed: ParsedQuery, *, max_words: int = 35) -> SearchHeadline:
    """A snippet with the matched words between private markers; pass it through `safe_highlight`."""
    return SearchHeadline(
        expression,
        search_query(parsed),
        config=SEARCH_CONFIG,
        start_sel=_START,
        stop_sel=_STOP,
        max_words=max_words,
        min_words=max(5, max_words // 3),
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def safe_highlight(snippet: str | None) -> SafeString:
    """Escape a snippet completely; only our own <mark> tags become HTML."""
    escaped = escape(snippet or "")
    return mark_safe(escaped.replace(_START, "<mark>").replace(_STOP, "</mark>"))  # noqa: S308 - escaped above


_TOKEN = re.compile(r"\w+", re.UNICODE)
MAX_SUGGESTION_WORDS = 8


def suggest_query(parsed: ParsedQuery, *, documents_sql: str, threshold: float = 0.35) -> str | None:
    """A corrected query for "Bedoelde je …?": each unknown word replaced by the closest known word (pg_trgm).

    `documents_sql` is a SELECT from the calling app's code (never from a visitor) that returns one
    tsvector column built with the 'simple' configuration, so the known words stay readable
    (for example `SELECT to_tsvector('simple', title) FROM ...`). Returns None when no word changes.
    Meant for the case where the exact search found nothing, so the word scan stays off the hot path.
    """
    tokens = [token.lower() for token in _TOKEN.findall(parsed.text)][:MAX_SUGGESTION_WORDS]
    if not tokens:
        return None
    from django.db import connection

    sql = """
        WITH words AS MATERIALIZED (SELECT word, nentry FROM ts_stat(%s) WHERE length(word) >= 3)
        SELECT t.token,
               EXISTS (SELECT 1 FROM words w WHERE unaccent(w.word) = unaccent(t.token)),
               (SELECT w.word FROM words w
                 WHERE similarity(unaccent(w.word), unaccent(t.token)) >= %s
                 ORDER BY similarity(unaccent(w.word), unaccent(t.token)) DESC, w.nentry DESC, w.word
                 LIMIT 1)
          FROM unnest(%s::text[]) WITH ORDINALITY AS t(token, position)
         ORDER BY t.position
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [documents_sql, threshold, tokens])
        rows = cursor.fetchall()
    words = []
    changed = False
    for token, known, closest in rows:
        if known or len(token) < 3 or not closest:
            words.append(token)
        else:
            words.append(closest)
            changed = changed or closest != token
    return " ".join(words) if changed else None
