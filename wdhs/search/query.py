"""A visitor's query: cleaned, expanded into one tsquery (word forms, synonyms, typos), and highlighted.

`parse_query()` cleans what came from the URL; `expand_query()` builds the tsquery with the Dutch
word forms of `wdhs.search.lexicon`, the staff's synonyms and, for a word no document contains, the
closest word that one does; `highlight_text()` marks the matches in a snippet. Everything here only
reads the database. Documents are indexed with the `wdhs_dutch` configuration (Dutch stemmer with
accent folding) by the triggers of `wdhs.search.triggers`. See docs/search.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html import escape as html_escape
from typing import Any

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models.sql import Query
from django.utils.safestring import SafeString, mark_safe

from wdhs import pagecache
from wdhs.models import SearchSynonym
from wdhs.placenames import one_word_aliases
from wdhs.search.lexicon import (
    STOP_WORDS,
    diminutive_base,
    fold,
    is_known,
    modifier_variants,
    participle_infinitive,
    query_parts,
    separable_verb,
    shorter_lemma,
    split_verb,
    word_forms,
)

SEARCH_CONFIG = "wdhs_dutch"
MAX_QUERY_LENGTH = 200
# Longer input is cut by parse_query with a message; far longer input is refused as hand-made.
MAX_RAW_QUERY = 2000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff]")
_WORD = re.compile(r"\w", re.UNICODE)
_QUERY_TOKEN = re.compile(r'"([^"]+)"|(\S+)')
_OR_WORDS = {"of", "or", "OF", "OR"}
TYPO_THRESHOLD = 0.4
# Question words and fillers that residents type around what they look for ("waar kan ik ... voor onze
# club"). Dropped from a query only, so documents keep them; `lexicon.STOP_WORDS` are dropped as well.
FILLER_WORDS = frozenset(
    """
    waar waarom wanneer welk welke hoeveel wat hoe wie ik mij me mijn jij jou jouw jullie u uw wij we ons
    onze zij ze hun hen hem haar kan kun kunt kunnen wil wilt willen mag mogen moet moeten zou zouden ga
    gaan heb hebt heeft hebben iets iemand ergens graag even eigenlijk daar hier meer veel heel erg zoek
    vind alsjeblieft alstublieft
    """.split()  # noqa: SIM905 - a list of words reads best as text
)
# A query with one of these (or a form or compound part of one) is about money: a page with too little
# offers the funding finder.
MONEY_WORDS = frozenset(
    """
    geld subsidie fonds financiering financieren financier lening lenen crowdfunding sponsor sponsoren
    sponsoring donatie doneren gift budget bijdrage vergoeding startkapitaal investering investeren euro
    inzamelen
    """.split()  # noqa: SIM905 - a list of words reads best as text
)
# "All words but one" is a tsquery of n copies of n-1 parts; above this many parts only "most words first".
MAX_RELAX_PARTS = 8


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

    @property
    def question_text(self) -> str:
        """The query as plain words (no quotes, exclusions or other signs): what "Stel je vraag" fills in."""
        kept = " ".join(token for token in self.text.split() if not token.startswith("-"))
        return " ".join(re.findall(r"\w+(?:['’]\w+)*", kept))


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


def is_about_money(parsed: ParsedQuery) -> bool:
    """Whether the visitor asks about money: a word, its lemma or a compound part is a money word (wijkbudget)."""
    for kind, word in _tokens(parsed.text):
        if kind == "word" and not is_filler(word):
            forms = {fold(word), fold(shorter_lemma(word)), *(fold(form) for form in word_forms(word))}
            if forms & MONEY_WORDS:
                return True
    return False


def search_query(parsed: ParsedQuery) -> SearchQuery:
    """The tsquery for a visitor's query, with Dutch word forms, synonyms and typo corrections (`expand_query`)."""
    expanded = expand_query(parsed)
    if expanded.query is None:
        return SearchQuery("", config=SEARCH_CONFIG, search_type="plain")  # matches nothing
    return expanded.query


class TsQuery(SearchQuery):
    """A tsquery that PostgreSQL already built, kept as its text and sent as one parameter (`%s::tsquery`).

    `expand_query` makes a tree of dozens of plainto_tsquery() calls (every form, synonym and correction of every
    word); every statement of a search page compiled that tree again, three or four times per kind (about a fifth
    of /zoeken/'s Python). `_as_text` turns the trees into their text in one round trip; the text of a tsquery reads
    back as the same tsquery (quotes, weights, prefixes and phrases included), so every statement matches and ranks
    as before. Parts still combine (`&`, `|`, `~`), each side one parameter."""

    def __init__(self, text: str, *, invert: bool = False) -> None:
        super().__init__(text, invert=invert)
        self.text = text

    def as_sql(  # type: ignore[override]  # the stubs type the params as str or int
        self, compiler: Any, connection: Any, function: Any = None, template: Any = None, **extra: Any
    ) -> tuple[str, tuple[str, ...]]:
        sql = "%s::tsquery"
        return (f"!!({sql})" if getattr(self, "invert", False) else sql), (self.text,)


def _as_text(queries: list[SearchQuery | None]) -> list[SearchQuery | None]:
    """Each query as a `TsQuery` (None stays None), from one statement that builds them all."""
    present = [query for query in queries if query is not None]
    if not present:
        return list(queries)
    holder = Query(None)
    compiler = holder.get_compiler(connection=connection)
    columns, params = [], []
    for query in present:
        sql, query_params = compiler.compile(query.resolve_expression(holder))
        columns.append(f"({sql})::text")
        params.extend(query_params)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(columns)}", params)
        texts = iter(cursor.fetchone())
    return [None if query is None else TsQuery(next(texts)) for query in queries]


@dataclass(frozen=True)
class QueryPart:
    """One thing a visitor asked for that a document may lack: a word with its forms, or words joined by `of`.

    `loose` is what the part may shrink to among the documents that lack a word (`ExpandedQuery.any_part`):
    a compound of three parts without its modifier (buurtmoestuin: moestuin). None when the part does not shrink.
    """

    label: str
    query: SearchQuery
    loose: SearchQuery | None = None


@dataclass
class ExpandedQuery:
    """A visitor's query with Dutch word forms, synonyms and typo corrections.

    `query` is the tsquery (None when only stop words remain): every part and `fixed`. `parts` are
    the words a document may lack when too little has them all (see `all_but_one`); `fixed` holds
    the "phrases" and -exclusions, which every result obeys; `fixed_labels` are those as typed.
    `terms` are the folded forms to highlight; `corrections` maps a typed word to the known word we
    searched for instead.
    """

    query: SearchQuery | None
    terms: frozenset[str]
    corrections: dict[str, str]
    corrected_text: str | None
    parts: tuple[QueryPart, ...] = ()
    fixed: SearchQuery | None = None
    fixed_labels: tuple[str, ...] = ()

    @property
    def can_relax(self) -> bool:
        """Whether a document with only some of the words can be found: the query has two parts or more."""
        return len(self.parts) >= 2

    def _with_fixed(self, query: SearchQuery) -> SearchQuery:
        return query if self.fixed is None else query & self.fixed

    def any_part(self) -> SearchQuery | None:
        """Documents with at least one of the parts (and every phrase and exclusion). A part counts in its loose
        form too: a page about a moestuin has something of "buurtmoestuin opzetten"."""
        if not self.can_relax:
            return None
        return self._with_fixed(_any_of([part.query if part.loose is None else part.loose for part in self.parts]))

    def all_but_one(self) -> SearchQuery | None:
        """Documents with at least all parts but one: an OR of the query without each part in turn.

        None when there is nothing to drop or too many parts for that form (then use `any_part`, most parts first).
        """
        count = len(self.parts)
        if count == 2:
            return self.any_part()
        if not self.can_relax or count > MAX_RELAX_PARTS:
            return None
        alternatives = []
        for left_out in range(count):
            rest = [part.query for index, part in enumerate(self.parts) if index != left_out]
            alternatives.append(_all_of(rest))
        return self._with_fixed(_any_of(alternatives))

    def shorter_text(self, missing: list[str]) -> str:
        """The query as a visitor could type it without the `missing` parts (fillers left out)."""
        kept = [part.label for part in self.parts if part.label not in missing]
        return " ".join([*kept, *self.fixed_labels])


def _plain(text: str) -> SearchQuery:
    return SearchQuery(text, config=SEARCH_CONFIG, search_type="plain")


def _any_of(queries: list[SearchQuery]) -> SearchQuery:
    combined = queries[0]
    for query in queries[1:]:
        combined = combined | query
    return combined


def _all_of(queries: list[SearchQuery]) -> SearchQuery:
    combined = queries[0]
    for query in queries[1:]:
        combined = combined & query
    return combined


def is_filler(word: str) -> bool:
    """A word a query leaves out: a stop word, a question word or filler, or a single letter ("m'n")."""
    return word in STOP_WORDS or word in FILLER_WORDS or (len(word) == 1 and not word.isdigit())


def _synonyms() -> dict[str, list[str]]:
    """The staff's synonyms, both ways unless a line says otherwise ("geld -> subsidie" also makes "subsidie"
    find "geld"), and the one-word names of places (Ljouwert, Leeuwarden). A synonym of several words ("kamer
    van koophandel") leads one way only: the query is read word by word.

    Kept in this process until the synonym rows change (`pagecache.memo`, by the table's version that every request
    reads anyway); where shared counts are off, one small query per search, the table built once per set of rows."""

    def build() -> dict[str, list[str]]:
        rows = tuple(SearchSynonym.objects.filter(is_active=True).values_list("word", "synonyms", "both_ways"))
        return _synonym_table(rows)

    table: dict[str, list[str]] = pagecache.memo(("search-synonyms",), build, in_process=True)
    return table


@lru_cache(maxsize=4)
def _synonym_table(rows: tuple[tuple[str, str, bool], ...]) -> dict[str, list[str]]:
    places = [(name, official, True) for name, official in one_word_aliases().items()]
    table: dict[str, list[str]] = {}
    for word, synonyms, both_ways in [*rows, *places]:
        word = " ".join(word.lower().split())
        others = [" ".join(s.lower().split()) for s in synonyms.split(",") if s.strip()]
        table.setdefault(fold(word), []).extend(others)
        for other in others if both_ways else ():
            if " " not in other:
                table.setdefault(fold(other), []).append(word)
    return table


def _closest_known(words: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """For each unknown word that no indexed document contains, the closest word that one does (pg_trgm),
    and for a known word a close word that has it among its forms: (corrections, inflections).

    A word counts as contained when it or its lemma is in the vocabulary, or, for a compound,
    each part is (in some inflection); compound parts alone would hide typos ("huurdesvereniging"
    has the known part "vereniging").
    """
    whole = {word: {fold(word), fold(shorter_lemma(word))} for word in words}
    parts = {
        word: [{fold(part + ending) for ending in ("", "s", "e", "en", "n")} for part in query_parts(word)]
        for word in words
    }
    every = sorted(set().union(*whole.values(), *(v for groups in parts.values() for v in groups)))
    as_form = sorted(set(words) | {shorter_lemma(word) for word in words})
    closest: dict[str, str] = {}
    inflections: dict[str, str] = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT plain FROM wdhs_searchword WHERE plain = ANY(%s::text[])", [every])
        present = {row[0] for row in cursor.fetchall()}
        # Forms that only occur as a lemma or compound part of a document word (vrijwilliger, huis).
        cursor.execute(
            "SELECT DISTINCT f FROM wdhs_searchword, unnest(string_to_array(expansion, ' ')) AS f "
            "WHERE string_to_array(expansion, ' ') && %s::text[] AND f = ANY(%s::text[])",
            [as_form, as_form],
        )
        present |= {fold(row[0]) for row in cursor.fetchall()}
        for word in words:
            if len(word) < 4 or whole[word] & present:
                continue
            if parts[word] and all(group & present for group in parts[word]):
                continue
            folded = fold(word)
            cursor.execute(
                "SELECT word, similarity(plain, %s) AS s FROM wdhs_searchword WHERE plain %% %s "
                "ORDER BY s DESC, abs(length(plain) - length(%s)), word LIMIT 10",
                [folded, folded, folded],
            )
            rows = [row for row in cursor.fetchall() if row[1] >= TYPO_THRESHOLD]
            if not is_known(word):
                # Never into a stop word, a number or a much shorter word ("voorr" is no "voor").
                rows = [
                    row
                    for row in rows
                    if fold(row[0]) not in STOP_WORDS and not row[0][0].isdigit() and len(row[0]) >= 0.75 * len(word)
                ]
                if rows:
                    closest[word] = rows[0][0]
                continue
            # A word the lemmatiser knows is never "corrected" into another word (tandarts is no typo of
            # huisarts). Only a close word that has it among its own forms counts: a new word whose forms
            # are not stored yet ("dorpshuis" finds "dorpshuizen", "coöperatie" finds "zorgcoöperaties").
            same = {fold(shorter_lemma(word)), folded}
            inflected = next(
                (row[0] for row in rows if same & {fold(f) for f in (shorter_lemma(row[0]), *word_forms(row[0]))}),
                None,
            )
            if inflected:
                inflections[word] = inflected
    return closest, inflections


def _tokens(text: str) -> list[tuple[str, str]]:
    """The query as (kind, text) items: "phrase", "word", "not" (a -word) and "or"."""
    items: list[tuple[str, str]] = []
    for phrase, token in _QUERY_TOKEN.findall(text):
        if phrase:
            items.append(("phrase", phrase))
        elif token in _OR_WORDS:
            items.append(("or", token))
        else:
            negate = token.startswith("-") and len(token) > 1
            items.extend(("not" if negate else "word", word) for word in re.findall(r"\w+", token.lower()))
    return items


def _context_forms(items: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Words that two query words make together, as extra forms of each of them.

    A separable verb: "vraag ... aan" and "op te richten" give aanvragen, oprichten (the particle may
    come anywhere later), and "opruimen zwerfvuil" also looks for "ruimen". Words typed apart: "dorps
    huis" gives dorpshuis when an indexed document has that word (one indexed lookup in the vocabulary
    for the whole query).
    """
    tokens = [text for kind, text in items if kind == "word"]
    extra: dict[str, list[str]] = {}

    def add(word: str, forms: tuple[str, ...] | list[str]) -> None:
        for form in forms:
            if form != word and form not in extra.setdefault(word, []):
                extra[word].append(form)

    for i, word in enumerate(tokens):
        for particle in tokens[i + 1 :]:
            verb = separable_verb(word, particle)
            add(word, verb)
            add(particle, verb)
        if i + 2 < len(tokens) and tokens[i + 1] == "te":
            verb = separable_verb(tokens[i + 2], word)
            add(tokens[i + 2], verb)
            add(word, verb)
    # A verb typed whole meets a text that splits it ("opruimen": "we ruimen ... op"), only next to
    # other words: alone, "aangevraagd" would find every text that says "vraag".
    searched = [token for token in tokens if token not in STOP_WORDS]
    if len(searched) > 1:
        for word in searched:
            split = split_verb(word)
            if split:
                add(word, [split[1]])
    joins: dict[str, tuple[str, str]] = {}
    for left, right in zip(tokens, tokens[1:], strict=False):
        if left in STOP_WORDS or right in STOP_WORDS or left.isdigit() or right.isdigit():
            continue
        for tail in (right, shorter_lemma(right)):
            joins.setdefault(fold(left + tail), (left, right))
    if joins:
        with connection.cursor() as cursor:
            cursor.execute("SELECT plain, word FROM wdhs_searchword WHERE plain = ANY(%s::text[])", [list(joins)])
            for plain, joined in cursor.fetchall():
                left, right = joins[plain]
                add(left, [joined])
                add(right, [joined])
    return extra


def _loose_query(word: str, query: SearchQuery) -> SearchQuery | None:
    """`query` widened to the head of a compound whose head is a compound itself (buurtmoestuin: moestuin,
    dorpsenergiecoöperatie: energiecoöperatie), else None. Such a head still names the thing asked for; a
    simple head would not ("vakantiehuisje" is no question about every "huis")."""
    compound = query_parts(word)
    if not compound or not query_parts(compound[-1]):
        return None
    return query | _plain(compound[-1])


def _word_query(
    word: str, forms: list[str], synonyms: dict[str, list[str]], closest: str | None, context: list[str]
) -> tuple[SearchQuery, set[str]]:
    """One query word as an OR of: itself, its lemma, its other forms, its compound parts ANDed, the
    words it makes with other query words (`_context_forms`), its synonyms and the closest known word
    (for a typo, with that word's lemma). Also returns the folded forms to highlight."""
    base = shorter_lemma(word)
    alternatives = [_plain(word)] + ([_plain(base)] if base != word else [])
    terms = {fold(form) for form in forms}
    # The diminutive base (speeltuintjes -> speeltuin) and a separable verb's infinitive (ingeschreven -> inschrijven).
    for form in (diminutive_base(word), participle_infinitive(word)):
        if form and form not in (word, base):
            alternatives.append(_plain(form))
            terms.add(fold(form))
    for form in dict.fromkeys(f for joined in context for f in (joined, shorter_lemma(joined))):
        alternatives.append(_plain(form))
        terms.add(fold(form))
    compound = query_parts(word)
    if compound:
        # A modifier that makes the same compound as another (wijkcoöperatie, buurtcoöperatie) joins it.
        modifier, *heads = compound
        modifiers = [modifier, *modifier_variants(modifier)]
        combined = _any_of([_plain(form) for form in modifiers])
        for part in heads:
            combined = combined & _plain(part)
        alternatives.append(combined)
        terms.update(fold(part) for part in (*modifiers, *heads))
    for synonym in dict.fromkeys(synonyms.get(fold(word), []) + synonyms.get(fold(base), [])):
        if " " in synonym:
            alternatives.append(SearchQuery(synonym, config=SEARCH_CONFIG, search_type="phrase"))
        else:
            alternatives.append(_plain(synonym))
            if shorter_lemma(synonym) != synonym:
                alternatives.append(_plain(shorter_lemma(synonym)))
        terms.update(fold(w) for w in re.findall(r"\w+", synonym))
    if closest:
        alternatives.append(_plain(closest))
        if shorter_lemma(closest) != closest:
            alternatives.append(_plain(shorter_lemma(closest)))
        terms.add(fold(closest))
    return _any_of(alternatives), terms


def expand_query(parsed: ParsedQuery) -> ExpandedQuery:
    """Build the tsquery: per word its forms (lemma, diminutive, compound parts as AND), staff synonyms
    and, for a word no document contains, the closest word that does (pg_trgm). "Phrases" stay
    exact, -word excludes, `of` between words means either; stop words, question words and fillers
    are left out. The parts a document may lack (`ExpandedQuery.parts`) are the words, a group joined
    by `of` counting as one."""
    if not parsed.is_searchable:
        return ExpandedQuery(None, frozenset(), {}, None)
    items = _tokens(parsed.text)
    words = list(dict.fromkeys(text for kind, text in items if kind == "word" and not is_filler(text)))
    forms = {word: list(dict.fromkeys([word, shorter_lemma(word), *word_forms(word)])) for word in words}
    synonyms = _synonyms() if words else {}
    context = _context_forms(items) if words else {}
    # A word that makes a known word with its neighbour ("moes tuin") is no typo.
    closest, inflections = _closest_known([w for w in words if not context.get(w)]) if words else ({}, {})
    for word, inflected in inflections.items():
        context.setdefault(word, []).append(inflected)

    terms: set[str] = set()
    # Each group is one part: its alternatives (joined by `of`) as (label, query, is a word, loose query).
    groups: list[list[tuple[str, SearchQuery, bool, SearchQuery | None]]] = []
    excluded: list[tuple[str, SearchQuery]] = []
    seen: set[str] = set()
    join_with_or = False
    item: tuple[str, SearchQuery, bool, SearchQuery | None]
    for kind, text in items:
        if kind == "or":
            join_with_or = bool(groups)
            continue
        if kind == "not":
            excluded.append((f"-{text}", ~_plain(text)))
            join_with_or = False
            continue
        if kind == "phrase":
            item = (f'"{text}"', SearchQuery(text, config=SEARCH_CONFIG, search_type="phrase"), False, None)
            terms.update(fold(w) for w in re.findall(r"\w+", text))
        elif text in forms and text not in seen:
            seen.add(text)
            part, word_terms = _word_query(text, forms[text], synonyms, closest.get(text), context.get(text, []))
            terms.update(word_terms)
            item = (text, part, True, _loose_query(text, part))
        else:
            continue  # a filler, or a word typed twice
        if join_with_or:
            groups[-1].append(item)
        else:
            groups.append([item])
        join_with_or = False

    parts: list[QueryPart] = []
    fixed: list[tuple[str, SearchQuery]] = []
    for group in groups:
        label = " of ".join(label for label, _, _, _ in group)
        query = _any_of([query for _, query, _, _ in group])
        loose = None
        if any(wider is not None for _, _, _, wider in group):
            loose = _any_of([query if wider is None else wider for _, query, _, wider in group])
        # A part with a word may be missing; a "phrase" on its own was asked for exactly, so it stays.
        if any(is_word for _, _, is_word, _ in group):
            parts.append(QueryPart(label, query, loose))
        else:
            fixed.append((label, query))
    fixed += excluded
    fixed_query = _all_of([query for _, query in fixed]) if fixed else None
    everything = [part.query for part in parts] + ([fixed_query] if fixed_query is not None else [])
    full = _all_of(everything) if everything else None
    corrected_text = None
    if closest:
        corrected_text = " ".join(closest.get(w, w) for w in re.findall(r"\w+", parsed.text.lower()))
    # The trees as their text, built once (`TsQuery`): the query, the phrases and exclusions, and every part.
    full, fixed_query, *texts = _as_text(
        [full, fixed_query, *(part.query for part in parts), *(part.loose for part in parts)]
    )
    parts = [
        replace(part, query=query or part.query, loose=loose)
        for part, query, loose in zip(parts, texts[: len(parts)], texts[len(parts) :], strict=True)
    ]
    return ExpandedQuery(
        full,
        frozenset(terms),
        closest,
        corrected_text,
        parts=tuple(parts),
        fixed=fixed_query,
        fixed_labels=tuple(label for label, _ in fixed),
    )


_MARKDOWN_MARKS = re.compile(r"\]\([^)]*\)|[#*_`>|\[\]]+")


def plain_markdown(text: str) -> str:
    """Text without Markdown markup, so snippets read as text ("## Stap 1" becomes "Stap 1")."""
    return " ".join(_MARKDOWN_MARKS.sub(" ", text or "").split())


_WORD_RUN = re.compile(r"\w+")


# Whether a word matches the terms of a query, per set of terms: a page highlights twenty texts with the same terms,
# and the same words recur. Kept for a few recent queries only.
_MATCHED: dict[frozenset[str], dict[str, bool]] = {}
_MATCHED_QUERIES = 16


def _matcher(terms: frozenset[str]) -> dict[str, bool]:
    known = _MATCHED.get(terms)
    if known is None:
        if len(_MATCHED) >= _MATCHED_QUERIES:
            _MATCHED.clear()
        known = _MATCHED[terms] = {}
    return known


def highlight_text(text: str, terms: frozenset[str], *, max_words: int = 35) -> SafeString:
    """A snippet of `text` around the first matches, words exactly as written, matches in <mark>.

    A word matches when it, its lemma or one of its compound parts is among `terms` (folded), so
    "subsidies" marks "subsidie" and "energie" marks "energiecoöperatie". Everything is escaped.
    The text is read only up to the first match and the end of the snippet (a body has thousands of words).
    """
    text = _CONTROL.sub(" ", text or "")
    known = _matcher(terms)

    def matches(word: str) -> bool:
        found = known.get(word)
        if found is None:
            found = fold(word) in terms or any(fold(form) in terms for form in word_forms(word.lower()))
            known[word] = found
        return found

    words = _WORD_RUN.finditer(text)
    spans: list[tuple[int, int]] = []  # (start, end) of each word read so far
    first = None
    for match in words:
        spans.append(match.span())
        if terms and matches(match.group()):
            first = len(spans) - 1
            break
        if not terms and len(spans) > max_words:
            break
    if not spans:
        return mark_safe(html_escape(text).strip())  # noqa: S308 - escaped
    start_word = max(0, (first or 0) - max_words // 3)
    for match in words:  # the rest of the snippet, and one word more to know whether the text goes on
        if len(spans) > start_word + max_words:
            break
        spans.append(match.span())
    chosen = spans[start_word : start_word + max_words]
    # Escaped in pieces between the marks (not word by word): the text from the first chosen word to the last.
    out: list[str] = []
    position = 0 if start_word == 0 else chosen[0][0]
    if first is not None:
        for begin, end in chosen:
            if matches(text[begin:end]):
                out.append(html_escape(text[position:begin]))
                out.append(f"<mark>{html_escape(text[begin:end])}</mark>")
                position = end
    out.append(html_escape(text[position : chosen[-1][1]]))
    prefix = "… " if start_word > 0 else ""
    suffix = " …" if len(spans) > start_word + max_words else ""
    return mark_safe(prefix + "".join(out).strip() + suffix)  # noqa: S308 - every piece escaped
