from __future__ import annotations

from django.db import migrations

# Dutch stemming with accents folded first ("coöperatie" and "cooperatie" meet). Uses only the
# stock unaccent and dutch_stem dictionaries, so it works on managed PostgreSQL servers too.
CREATE = """
CREATE TEXT SEARCH CONFIGURATION wdhs_dutch (COPY = pg_catalog.dutch);
ALTER TEXT SEARCH CONFIGURATION wdhs_dutch
    ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart
    WITH unaccent, dutch_stem;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS wdhs_dutch;"


class Migration(migrations.Migration):
    dependencies = [("wdhs", "0002_extensions_and_taxonomy")]

    operations = [migrations.RunSQL(CREATE, DROP)]
