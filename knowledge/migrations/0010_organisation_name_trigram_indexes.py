"""Trigram indexes for the organisations a knowledge search names ("Organisaties die passen", knowledge.views).

The lookup matched every one of 2,000 organisations by unaccented substring and word similarity (a sequential scan
with three function calls per row, 11-18 ms per /kennis/?q=); these indexes answer it with a bitmap scan.
`wdhs_fold` is lower(unaccent()) marked immutable (unaccent itself is only stable, so it cannot be indexed), with
the dictionary named so it does not depend on search_path.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION wdhs_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0009_sitemap_and_featured_indexes"),
    ]

    operations = [
        migrations.RunSQL(FUNCTION, reverse_sql="DROP FUNCTION IF EXISTS wdhs_fold(text);"),
        migrations.RunSQL(
            "CREATE INDEX organisation_name_fold_trgm ON knowledge_organisation "
            "USING gin (wdhs_fold(name) gin_trgm_ops);",
            reverse_sql="DROP INDEX IF EXISTS organisation_name_fold_trgm;",
        ),
        migrations.RunSQL(
            "CREATE INDEX organisation_short_name_fold_trgm ON knowledge_organisation "
            "USING gin (wdhs_fold(short_name) gin_trgm_ops);",
            reverse_sql="DROP INDEX IF EXISTS organisation_short_name_fold_trgm;",
        ),
        migrations.RunSQL(
            "CREATE INDEX organisation_name_trgm ON knowledge_organisation USING gin (name gin_trgm_ops);",
            reverse_sql="DROP INDEX IF EXISTS organisation_name_trgm;",
        ),
    ]
