from __future__ import annotations

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

# The generated search column becomes a trigger-maintained one: the trigger adds Dutch word forms
# (lemmas, compound parts) from the lookup table wdhs_searchword, which a generated column may not read.
TRIGGER = """
CREATE FUNCTION initiatives_initiative_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
           wdhs_search_vector(NEW.name, 'A')
        || wdhs_search_vector(coalesce(NEW.area, '') || ' ' || coalesce(NEW.place_names, ''), 'B')
        || wdhs_search_vector(NEW.description, 'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER initiatives_initiative_search_vector
    BEFORE INSERT OR UPDATE ON initiatives_initiative
    FOR EACH ROW EXECUTE FUNCTION initiatives_initiative_search_vector();

UPDATE initiatives_initiative SET search_vector = NULL;
"""

DROP_TRIGGER = """
DROP TRIGGER IF EXISTS initiatives_initiative_search_vector ON initiatives_initiative;
DROP FUNCTION IF EXISTS initiatives_initiative_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0001_initial"),
        ("wdhs", "0004_search_lexicon"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="initiative", name="initiative_search_gin"),
        migrations.RemoveField(model_name="initiative", name="search_vector"),
        migrations.AddField(
            model_name="initiative",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name="zoekindex"),
        ),
        migrations.AddIndex(
            model_name="initiative",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="initiative_search_gin"),
        ),
        migrations.RunSQL(TRIGGER, DROP_TRIGGER),
    ]
