"""Seeded texts and their search vectors, built in Python the way the triggers build them in PostgreSQL.

A `Text` is a list of pieces whose joins fall between words: template text and the values put into
it. PostgreSQL parses each distinct piece once (`SearchVectors.learn`): its Dutch lexemes with their
positions, how many positions it takes and its plain words. A document's vector is then the pieces'
lexemes shifted by the positions before them, plus the vector of the stored word forms of its words,
exactly as `wdhs_search_vector()` in `wdhs.search.triggers` computes it: per part
`setweight(to_tsvector(doc) || to_tsvector(forms of its words), weight)`, the parts joined with `||`.
So 150,000 documents cost no full-text parse each, and the index is complete when the rows are copied in.
Only the order of the extra forms may differ from the trigger's (it has none); lexemes and weights are
the same, which tests/base/test_seed_bulk.py checks against the triggers.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from wdhs.search.lexicon import expansions
from wdhs.search.query import SEARCH_CONFIG

# The highest position in a tsvector: the builder refuses longer texts instead of cutting them as PostgreSQL does.
MAX_POSITION = 16383
# The word filter of wdhs_search_extra(): which words get (and are looked up for) extra forms.
WORD_FILTER = "length({w}) BETWEEN 3 AND 100 AND {w} !~ '^[0-9]'"
BATCH = 5000
# Characters that may stand next to a placeholder in a template without joining it to a word.
SAFE_NEIGHBOURS = frozenset(' \n\t.,:;!?()"“”‘’*_[]')


class Text:
    """A text built from pieces; `str(text)` is what goes into the column."""

    __slots__ = ("pieces",)

    def __init__(self, *pieces: str) -> None:
        self.pieces: list[str] = [piece for piece in pieces if piece]

    def __str__(self) -> str:
        return "".join(self.pieces)

    def __len__(self) -> int:
        return sum(len(piece) for piece in self.pieces)

    def add(self, *pieces: str) -> Text:
        self.pieces.extend(piece for piece in pieces if piece)
        return self

    def extend(self, other: Text) -> Text:
        self.pieces.extend(other.pieces)
        return self

    def fill(self, template: str, values: Mapping[str, str | Text]) -> Text:
        """Add a template such as "Wij wonen in {wijk}." with its values as pieces of their own."""
        for literal, name in _parse(template):
            if literal:
                self.pieces.append(literal)
            if name is None:
                continue
            value = values[name]
            if isinstance(value, Text):
                self.pieces.extend(value.pieces)
            elif value:
                self.pieces.append(value)
        return self


@lru_cache(maxsize=20_000)
def _parse(template: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((literal, name) for literal, name, _, _ in string.Formatter().parse(template))


def unsafe_placeholders(template: str) -> list[str]:
    """Placeholders in a template that touch a letter or digit, so their value would join a word (for tests)."""
    bad = []
    position = 0
    for literal, name in _parse(template):
        position += len(literal)
        if name is None:
            continue
        before = template[position - 1] if position else " "
        position += len(name) + 2
        after = template[position] if position < len(template) else " "
        if before not in SAFE_NEIGHBOURS or after not in SAFE_NEIGHBOURS:
            bad.append(name)
    return bad


@dataclass(frozen=True, slots=True)
class Piece:
    """What PostgreSQL makes of one piece of text on its own."""

    tokens: int  # positions it takes (stop words count, spaces and punctuation do not)
    last: int  # its highest position (0: no lexemes)
    positions: tuple[int, ...]  # its lexemes' positions, in the order of `formats`
    formats: dict[str, str]  # weight mark -> "'buurt':%dA 'huis':%dA,%dA", to fill with shifted positions
    words: frozenset[str]  # plain words that wdhs_search_extra() looks up

    def render(self, mark: str, offset: int) -> str:
        return self.formats[mark] % (tuple(map(offset.__add__, self.positions)) if offset else self.positions)


def _piece(tokens: int, lexemes: Sequence[tuple[str, Sequence[int]]], words: Iterable[str]) -> Piece:
    positions = tuple(p for _, spots in lexemes for p in spots)
    formats = {
        mark: " ".join(f"'{_quote(lexeme)}':" + ",".join([f"%d{mark}"] * len(spots)) for lexeme, spots in lexemes)
        for mark in ("A", "B", "C", "")
    }
    return Piece(tokens, max(positions, default=0), positions, formats, frozenset(words))


EMPTY = _piece(0, (), ())


class SearchVectors:
    """Search vectors for many documents from pieces that PostgreSQL parsed once."""

    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor
        self.pieces: dict[str, Piece] = {" ": EMPTY, "\n": EMPTY, "\n\n": EMPTY}
        self.forms: dict[str, str] = {}  # word -> its stored extra forms ("" for none)
        self.new_words = 0
        cursor.execute(
            "SELECT array_agg(DISTINCT maptokentype), min(c.cfgparser::int) FROM pg_ts_config_map m "
            "JOIN pg_ts_config c ON c.oid = m.mapcfg WHERE m.mapcfg = %s::regconfig",
            [SEARCH_CONFIG],
        )
        self._mapped_tokens, self._parser = cursor.fetchone()

    def learn(self, texts: Iterable[Text]) -> None:
        """Parse the pieces not seen before, register their words and the pieces of those words' forms."""
        new = {piece for text in texts for piece in text.pieces if piece not in self.pieces}
        self._parse(new)
        words = {word for piece in new for word in self.pieces[piece].words if word not in self.forms}
        self._register(words)
        self._parse({form for form in (self.forms[word] for word in words) if form and form not in self.pieces})

    def _parse(self, texts: set[str]) -> None:
        ordered = sorted(texts)
        for start in range(0, len(ordered), BATCH):
            batch = ordered[start : start + BATCH]
            self.cursor.execute(
                f"""
                SELECT p.i,
                       (SELECT count(*) FROM ts_parse(%s::oid, p.t) k WHERE k.tokid = ANY(%s)),
                       v.lexemes, v.positions, w.words
                  FROM unnest(%s::text[]) WITH ORDINALITY AS p(t, i)
                 CROSS JOIN LATERAL (
                       SELECT coalesce(array_agg(u.lexeme), '{{}}') AS lexemes,
                              coalesce(array_agg(array_to_string(u.positions, ' ')), '{{}}') AS positions
                         FROM unnest(to_tsvector(%s::regconfig, p.t)) AS u) AS v
                 CROSS JOIN LATERAL (
                       SELECT coalesce(array_agg(DISTINCT s.lexeme), '{{}}') AS words
                         FROM unnest(to_tsvector('simple', p.t)) AS s
                        WHERE {WORD_FILTER.format(w="s.lexeme")}) AS w
                """,  # noqa: S608 - a constant filter, the texts are parameters
                [self._parser, self._mapped_tokens, batch, SEARCH_CONFIG],
            )
            for i, tokens, lexemes, positions, words in self.cursor.fetchall():
                spots = [[int(p) for p in text.split()] for text in positions]
                self.pieces[batch[i - 1]] = _piece(tokens, list(zip(lexemes, spots, strict=True)), words)

    def _register(self, words: set[str]) -> None:
        """Add new words to the word-form table with their forms, as the refresh task would; read the others."""
        if not words:
            return
        ordered = sorted(words)
        self.cursor.execute("SELECT word, coalesce(expansion, '') FROM wdhs_searchword WHERE word = ANY(%s)", [ordered])
        known = dict(self.cursor.fetchall())
        new = expansions(word for word in ordered if word not in known)
        if new:
            # A word another process added meanwhile keeps its row; the forms come from the same lexicon.
            self.cursor.execute(
                "INSERT INTO wdhs_searchword (word, plain, expansion) "
                "SELECT w, left(unaccent(w), 100), e FROM unnest(%s::text[], %s::text[]) AS v(w, e) "
                "ON CONFLICT (word) DO NOTHING",
                [list(new), list(new.values())],
            )
            self.new_words += len(new)
        self.forms.update(known)
        self.forms.update(new)

    def vector(self, parts: Sequence[tuple[Text, str]]) -> str:
        """The tsvector (as text for COPY) of parts (text, weight A-D), as the table's trigger computes it.

        A lexeme may come out more than once; PostgreSQL merges them when it reads the value, as it
        merges them in `a || b`. Positions follow to_tsvector(): every word counts, stop words too.
        """
        pieces, forms = self.pieces, self.forms
        found: list[str] = []
        shift = 0  # the highest position so far: `a || b` moves b's positions up by it
        for text, weight in parts:
            mark = "" if weight == "D" else weight
            words: set[str] = set()
            offset = top = shift
            for piece_text in text.pieces:
                piece = pieces[piece_text]
                if piece.positions:
                    found.append(piece.render(mark, offset))
                    top = offset + piece.last
                words |= piece.words
                offset += piece.tokens
            # The vector of the extra forms moves up by the document's highest position.
            offset = top
            for word in sorted(words):
                if form := forms.get(word):
                    piece = pieces[form]
                    if piece.positions:
                        found.append(piece.render(mark, offset))
                        top = offset + piece.last
                    offset += piece.tokens
            if max(offset, top) > MAX_POSITION:
                raise ValueError(f"A seeded text has more than {MAX_POSITION} words; PostgreSQL would cut it off.")
            shift = top
        return " ".join(found)


def _quote(lexeme: str) -> str:
    """A lexeme as tsvector input inside single quotes, and safe in a %-format."""
    return lexeme.replace("\\", "\\\\").replace("'", "''").replace("%", "%%")
