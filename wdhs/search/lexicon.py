"""Dutch word forms for search: lemmas (simplemma), diminutives and compound parts. No database.

PostgreSQL's Dutch stemmer misses many plurals (subsidies, initiatieven, buurthuizen), diminutives
and every compound. Managed PostgreSQL servers allow no custom dictionaries, so the extra forms are
computed here; `wdhs.search.index` stores them in a lookup table that the database triggers read.
See docs/search.md.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

import simplemma
from simplemma import lemmatizer as simplemma_lemmatizer
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

LANGUAGE = "nl"
MIN_PART = 3
# Linking sounds between the parts of a compound: bewoner-s-initiatief, pannen-koek, zonne-paneel.
LINKS = ("s", "en", "e")
# Three-letter starts that are prefixes, not words (ver-huur, be-stuur, aan-pak).
PREFIXES = frozenset(
    [
        "aan",
        "af",
        "bij",
        "be",
        "ge",
        "her",
        "ont",
        "ver",
        "mee",
        "weg",
        "uit",
        "op",
        "toe",
        "in",
        "om",
        "bes",
        "bet",
        "beg",
        "gem",
        "gek",
        "bed",
        "rep",
        "pers",
        "sta",
        "star",
        "stud",
        "min",
        "zon",
        "koe",
        "lom",
        "rij",
        "vin",
        "wan",
    ]
)
# Endings that look like words but are suffixes (kind-eren, persoon-lijk).
SUFFIXES = frozenset(
    ["eren", "enten", "ieren", "lijk", "lijke", "heid", "baar", "aren", "ende", "ling", "tjes", "etje", "gers", "ders"]
)
# Words that look like compounds but are not (vrij + williger).
NO_SPLIT = frozenset(["vrijwilliger", "vrijwillig", "vrijwillige", "vrijwilligster", "gemeente", "organisatie"])
# English words that Dutch uses as the modifier of a compound and simplemma does not know (repair|café,
# food|bank). Only as a modifier: a head must be a Dutch word.
LOAN_MODIFIERS = frozenset(["repair", "food", "community"])
# Modifiers that make the same compound: a wijkcoöperatie is a buurtcoöperatie, a wijkbudget a buurtbudget.
# Only inside a compound: on its own "buurt" is searched as typed (staff synonyms can widen it).
MODIFIER_VARIANTS = (frozenset(["wijk", "buurt"]),)
DIMINUTIVES = ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je")
MAX_WORD = 60
# Dutch stop words: never expanded, never corrected (the stemmer drops them too).
STOP_WORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "in",
        "op",
        "van",
        "voor",
        "met",
        "aan",
        "bij",
        "is",
        "te",
        "zijn",
        "of",
        "ook",
        "om",
        "naar",
        "uit",
        "als",
        "dat",
        "die",
        "dit",
        "er",
        "hoe",
        "wat",
        "wie",
        "je",
        "jij",
        "we",
        "wij",
        "ze",
        "zij",
        "hun",
        "hij",
        "zich",
        "niet",
        "geen",
        "maar",
        "dan",
        "nog",
        "wel",
        "al",
        "tot",
        "over",
        "onder",
        "door",
        "na",
        "zo",
        "kan",
    ]
)


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Lower case without accents: the key the database uses too (unaccent). Kept per word: highlighting folds
    every word of a snippet's text, and the words of the documents are a bounded vocabulary."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=50_000)
def is_known(word: str) -> bool:
    """simplemma knows the word as written, or (typed without its diacritics) its accented spelling."""
    return simplemma.is_known(word, lang=LANGUAGE) or accented(word) is not None


@lru_cache(maxsize=50_000)
def lemma(word: str) -> str:
    """The lemma; a word typed without diacritics gets the lemma of its accented spelling (reunies -> reünie)."""
    if not simplemma.is_known(word, lang=LANGUAGE):
        word = accented(word) or word
    return simplemma.lemmatize(word, lang=LANGUAGE).lower()


@cache
def _accented_spellings() -> dict[str, str]:
    """Folded spelling -> spelling with diacritics, for every such word in simplemma's Dutch dictionary.

    Built once per process (about 0.1 s, a few thousand entries) from the dictionary simplemma already
    holds in memory; `warm_up()` does it at start.
    """
    # simplemma keeps its loaded dictionaries in this module-level factory; a new factory would load a second copy.
    factory = getattr(simplemma_lemmatizer, "_legacy_dictionary_factory", None) or DefaultDictionaryFactory()
    dictionary = factory.get_dictionary(LANGUAGE)
    spellings: dict[str, str] = {}
    for key, value in dictionary.items():
        for form in (key, value):
            if not form.isascii():
                spellings.setdefault(fold(form), form.lower())
    return spellings


@lru_cache(maxsize=50_000)
def accented(word: str) -> str | None:
    """The spelling with diacritics that simplemma knows, for a word typed without them: reunies -> reünies,
    financiele -> financiële, cafe -> café. None when the word is known as typed or has no such spelling."""
    if not word.isascii() or simplemma.is_known(word, lang=LANGUAGE):
        return None
    return _accented_spellings().get(word)


def _diminutive_base(word: str) -> str | None:
    for ending in DIMINUTIVES:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            base = word[: -len(ending)]
            if is_known(base):
                return base
    return None


def _splits(word: str, depth: int = 0) -> list[tuple[str, str]]:
    """All ways to read `word` as modifier + head (head possibly a compound itself), longest modifier first."""
    found: list[tuple[str, str]] = []
    for i in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        left, head = word[:i], word[i:]
        if len(head) < 4 or head in SUFFIXES:
            continue
        if not (is_known(head) or (depth == 0 and _splits(head, 1))):
            continue
        for link in ("", *LINKS):
            if link and not left.endswith(link):
                continue
            core = left[: len(left) - len(link)]
            if len(core) < MIN_PART or (len(core) == MIN_PART and core in PREFIXES):
                continue
            if is_known(core) or core in LOAN_MODIFIERS:
                found.append((core, head))
    return found


@lru_cache(maxsize=50_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The parts of a Dutch compound, as lemmas: energiecoöperaties -> (energie, coöperatie).

    Takes the reading with the longest modifier (buurt|huis, not buur|thuis), keeps both the modifier
    with and without its linking sound (dorps/dorp), and splits the head once more
    (speeltuinvereniging -> speeltuin, vereniging, speel, tuin). Returns () for a simple word.
    """
    word = word.lower()
    if len(word) < 7 or word in NO_SPLIT:
        return ()
    candidates = _splits(word)
    if not candidates:
        return ()
    longest = len(candidates[0][0]) + (len(word) - len(candidates[0][0]) - len(candidates[0][1]))
    parts: list[str] = []
    for core, head in candidates:
        if len(word) - len(head) != longest:
            continue
        for part in (core, head):
            if part not in parts:
                parts.append(part)
        for sub in compound_parts(head):
            if sub not in parts:
                parts.append(sub)
    result = []
    for part in parts:
        for form in (part, shorter_lemma(part)):
            if form not in result:
                result.append(form)
    return tuple(result)


def modifier_variants(modifier: str) -> tuple[str, ...]:
    """The other modifiers that make the same compound (wijk -> buurt), for a compound in a query."""
    return tuple(sorted(other for group in MODIFIER_VARIANTS if modifier in group for other in group - {modifier}))


def shorter_lemma(word: str) -> str:
    """The lemma when it is not longer than the word: plurals shrink (huizen -> huis); nouns that
    simplemma reads as verbs would grow (buurt -> buurten) and only add noise."""
    base = lemma(word)
    return base if len(base) <= len(word) else word


@lru_cache(maxsize=50_000)
def word_forms(word: str) -> tuple[str, ...]:
    """Other forms of one word that should find it: lemma, diminutive base, compound parts. Never the word."""
    word = word.lower()
    if len(word) < 3 or len(word) > MAX_WORD or word in STOP_WORDS or word[0].isdigit():
        return ()
    forms: list[str] = []

    def add(form: str | None) -> None:
        if form and form != word and form not in forms and form not in STOP_WORDS:
            forms.append(form)

    base = shorter_lemma(word)
    add(base)
    # simplemma knows many diminutives (buurtje -> buurt); the rule covers the rest (speeltuintje).
    small = _diminutive_base(word) if base == word else _diminutive_base(base)
    add(small)
    # An inflected known word is split through its lemma (buurthuizen -> buurthuis -> buurt + huis),
    # so endings are never taken for words (kinderen is not kin + deren).
    root = small or base
    for part in compound_parts(root):
        add(part)
    # A participle of a separable verb meets the infinitive: ingeschreven -> inschrijven.
    add(participle_infinitive(word))
    return tuple(forms)


# Particles of Dutch separable verbs: "vraag ... aan", "aangevraagd", "aanvragen" are one verb.
PARTICLES = (
    "aan",
    "af",
    "bij",
    "binnen",
    "door",
    "in",
    "los",
    "mee",
    "na",
    "neer",
    "om",
    "op",
    "open",
    "over",
    "samen",
    "terug",
    "toe",
    "uit",
    "vast",
    "voor",
    "weg",
)


@lru_cache(maxsize=50_000)
def participle_infinitive(word: str) -> str | None:
    """The infinitive of a separable verb's participle: aangevraagd -> aanvragen, ingeschreven -> inschrijven.

    The particle, then "ge", then a participle simplemma knows (geschreven -> schrijven); None otherwise.
    """
    word = word.lower()
    for particle in PARTICLES:
        inner = word[len(particle) :]
        # A participle ends in -d, -t or -en (aangevraagd, opgericht, ingeschreven; not omgeving).
        participle = inner.startswith("ge") and len(inner) >= 5 and inner.endswith(("d", "t", "en"))
        if word.startswith(particle) and participle:
            verb = lemma(inner)
            if verb != inner and verb.endswith("n") and simplemma.is_known(particle + verb, lang=LANGUAGE):
                return particle + verb
            # Participles simplemma reads as adjectives: opgezet -> op + zet + ten.
            stem = inner[2:].removesuffix("d") if inner.endswith("dd") else inner[2:]
            for ending in ("ten", "den", "en"):
                if simplemma.is_known(particle + stem + ending, lang=LANGUAGE):
                    infinitive = lemma(particle + stem + ending)  # aanpasten -> aanpassen
                    return infinitive if infinitive.endswith("en") else particle + stem + ending
    return None


@lru_cache(maxsize=50_000)
def separable_verb(word: str, particle: str) -> tuple[str, ...]:
    """The forms of a separable verb whose particle stands apart: ("vraag", "aan") -> aanvraag, aanvragen.

    For "richt ... op" and "op te richten". Only verbs: the joined word must be known with a -t
    (aanvraagt, opricht), so "zorg ... voor" does not become "voorzorg". Returns () otherwise.
    """
    word, particle = word.lower(), particle.lower()
    if particle not in PARTICLES or len(word) < 2:
        return ()
    joined = particle + word
    third_person = joined if joined.endswith("t") else joined + "t"
    if joined.endswith("en") and simplemma.is_known(joined, lang=LANGUAGE):
        verb_forms = [joined]  # "op te richten"
    elif simplemma.is_known(third_person, lang=LANGUAGE):
        verb_forms = [third_person]
        verb = lemma(word)
        if verb.endswith("en") and simplemma.is_known(particle + verb, lang=LANGUAGE):
            verb_forms.append(particle + verb)  # "zet ... op" -> opzetten (opzet is also a noun)
    else:
        return ()
    forms: list[str] = []
    for form in (joined, *verb_forms, *(lemma(f) for f in verb_forms)):
        if form not in forms and simplemma.is_known(form, lang=LANGUAGE):
            forms.append(form)
    return tuple(forms)


@lru_cache(maxsize=50_000)
def split_verb(word: str) -> tuple[str, str] | None:
    """(particle, verb) of a separable verb typed whole, so it meets a text that splits it:
    opruimen -> (op, ruimen) for "we ruimen ... op", opgericht -> (op, richten). None otherwise."""
    word = word.lower()
    infinitive = participle_infinitive(word) or lemma(word)
    if not infinitive.endswith("en"):
        infinitive = word if word.endswith("en") else ""
    for particle in PARTICLES:
        verb = infinitive[len(particle) :]
        if infinitive.startswith(particle) and len(verb) >= 5 and simplemma.is_known(verb, lang=LANGUAGE):
            return particle, verb
    return None


def diminutive_base(word: str) -> str | None:
    """The base of a diminutive simplemma does not know (speeltuintjes -> speeltuin); None otherwise."""
    word = word.lower()
    base = shorter_lemma(word)
    return _diminutive_base(word) if base == word else _diminutive_base(base)


def expansion(word: str) -> str:
    """What the lookup table stores for a word: its extra forms, space-separated (may be empty)."""
    return " ".join(word_forms(word))


def expansions(words: Iterable[str]) -> dict[str, str]:
    return {word: expansion(word) for word in words}


def query_parts(word: str) -> tuple[str, ...]:
    """For a compound in a query, its parts to AND together: modifier (without linking sound) and head lemma."""
    word = word.lower()
    base = shorter_lemma(word)
    root = (_diminutive_base(word) if base == word else _diminutive_base(base)) or base
    if len(root) < 7 or root in NO_SPLIT:
        return ()
    candidates = _splits(root)
    if not candidates:
        return ()
    longest = len(root) - len(candidates[0][1])
    group = [c for c in candidates if len(root) - len(c[1]) == longest]
    core, head = group[-1]
    return (core, shorter_lemma(head))


def warm_up() -> None:
    """Load simplemma's Dutch dictionary now, at process start, instead of in the first search or index task."""
    lemma("buurthuizen")
    is_known("buurthuis")
    _accented_spellings()
