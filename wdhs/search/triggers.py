"""The SQL that keeps every search vector right, in one place; migrations call these functions.

Each indexed table gets a BEFORE INSERT OR UPDATE trigger (`vector_trigger`) that fills its
`search_vector` through `wdhs_search_vector()`: Dutch stems plus the extra word forms from the lookup
table `wdhs_searchword` (see `wdhs.search.index`). When a document's vector also holds text of
related rows (theme names, an organisation's name), `touch_trigger` re-indexes the documents when
that text changes. Plain SQL and plpgsql with stock dictionaries only, so it runs on managed
PostgreSQL servers. Names are checked; expressions come from a developer's migration, never from a
visitor.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Func


class TitleVector(Func):
    """The words of a search vector that come from the title (weight A): a GIN index on it finds title matches."""

    template = "ts_filter(%(expressions)s, '{a}'::\"char\"[])"
    output_field = SearchVectorField()


# Dutch stemming with accents folded first ("coöperatie" and "cooperatie" meet).
TEXT_SEARCH_CONFIGURATION = (
    """
CREATE TEXT SEARCH CONFIGURATION wdhs_dutch (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION wdhs_dutch
    ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart
    WITH unaccent, dutch_stem;
""",
    "DROP TEXT SEARCH CONFIGURATION IF EXISTS wdhs_dutch;",
)

# The vector of a text with its extra word forms. Unknown words are queued (expansion NULL) for the
# application, which fills them and re-indexes the documents that hold them (wdhs.search.index).
FUNCTIONS = (
    """
CREATE FUNCTION wdhs_search_extra(doc text) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    extra text;
BEGIN
    IF doc IS NULL OR doc = '' THEN
        RETURN '';
    END IF;
    WITH words AS (
        SELECT DISTINCT lexeme AS word FROM unnest(to_tsvector('simple', left(doc, 100000)))
         WHERE length(lexeme) BETWEEN 3 AND 100 AND lexeme !~ '^[0-9]'
    ), queued AS (
        INSERT INTO wdhs_searchword (word, plain, expansion)
        SELECT word, left(unaccent(word), 100), NULL FROM words
        ON CONFLICT (word) DO NOTHING
    )
    SELECT string_agg(s.expansion, ' ') INTO extra
      FROM wdhs_searchword s JOIN words w ON w.word = s.word
     WHERE s.expansion <> '';
    RETURN coalesce(extra, '');
END
$$;

CREATE FUNCTION wdhs_search_vector(doc text, weight "char") RETURNS tsvector LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RETURN setweight(
        to_tsvector('wdhs_dutch', coalesce(doc, '')) || to_tsvector('wdhs_dutch', wdhs_search_extra(doc)),
        weight
    );
END
$$;
""",
    """
DROP FUNCTION IF EXISTS wdhs_search_vector(text, "char");
DROP FUNCTION IF EXISTS wdhs_search_extra(text);
""",
)

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
_EVENTS = {"INSERT", "UPDATE", "DELETE"}


def _check_names(*names: str) -> None:
    for name in names:
        if not _NAME.match(name):
            raise ValueError(f"Not a plain SQL name: {name!r}")


def vector_trigger(
    table: str, parts: Sequence[tuple[str, str]], *, lookups: Mapping[str, str] | None = None
) -> tuple[str, str]:
    """(create, drop) SQL for the trigger that fills `table.search_vector`.

    `parts` are (text expression, weight A-D), for example ("NEW.title", "A") or
    ("coalesce(NEW.summary, '') || ' ' || coalesce(theme_names, '')", "B"). `lookups` name text
    values read from related rows first ({"theme_names": "SELECT string_agg(...) FROM ... WHERE ..."});
    the parts may use those names. Existing rows are indexed at once.
    """
    lookups = dict(lookups or {})
    _check_names(table, *lookups)
    if not parts or any(len(weight) != 1 or weight not in "ABCD" for _, weight in parts):
        raise ValueError("Give at least one part, each with a weight A, B, C or D.")
    function = f"{table}_search_vector"
    declare = "".join(f"    {name} text;\n" for name in lookups)
    reads = "".join(f"    {name} := ({query});\n" for name, query in lookups.items())
    vector = "\n        || ".join(f"wdhs_search_vector({expression}, '{weight}')" for expression, weight in parts)
    create = f"""
CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
{"DECLARE" + chr(10) + declare if declare else ""}BEGIN
{reads}    NEW.search_vector :=
           {vector};
    RETURN NEW;
END
$$;
CREATE TRIGGER {function} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION {function}();
UPDATE {table} SET search_vector = NULL;
"""  # noqa: S608 - checked names and a developer's expressions
    drop = f"DROP TRIGGER IF EXISTS {function} ON {table}; DROP FUNCTION IF EXISTS {function}();"
    return create, drop


def touch_trigger(
    name: str,
    *,
    on: str,
    documents: str,
    where: str,
    events: Sequence[str] = ("UPDATE",),
    columns: Sequence[str] = (),
) -> tuple[str, str]:
    """(create, drop) SQL for a trigger on `on` that re-indexes the rows of `documents` matching `where`.

    `where` may use NEW (after INSERT or UPDATE) and OLD (after UPDATE or DELETE); with both INSERT and
    DELETE among `events` write it with `ROW` and the trigger runs it for OLD and NEW in turn, for
    example "id = ROW.resource_id" on a many-to-many table. With `columns` the trigger fires only when
    one of them really changed (a rename).
    """
    _check_names(name, on, documents, *columns)
    if not events or not set(events) <= _EVENTS:
        raise ValueError(f"Events must be among {sorted(_EVENTS)}.")
    if columns and set(events) != {"UPDATE"}:
        raise ValueError("Columns only make sense for an UPDATE trigger.")
    update = f"UPDATE {documents} SET search_vector = NULL WHERE {{where}};"  # noqa: S608 - checked names
    if "ROW" in where:
        body = "".join(
            f"    IF TG_OP IN ({ops}) THEN\n        {update.format(where=where.replace('ROW', row))}\n    END IF;\n"
            for row, ops in (("OLD", "'DELETE', 'UPDATE'"), ("NEW", "'INSERT', 'UPDATE'"))
        )
    else:
        body = f"    {update.format(where=where)}\n"
    of_columns = f" OF {', '.join(columns)}" if columns else ""
    when = ""
    if columns:
        changed = " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in columns)
        when = f"\n    FOR EACH ROW WHEN ({changed})"
    else:
        when = "\n    FOR EACH ROW"
    create = f"""
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
{body}    RETURN NULL;
END
$$;
CREATE TRIGGER {name}
    AFTER {" OR ".join(events)}{of_columns} ON {on}{when}
    EXECUTE FUNCTION {name}();
"""
    drop = f"DROP TRIGGER IF EXISTS {name} ON {on}; DROP FUNCTION IF EXISTS {name}();"
    return create, drop
