from __future__ import annotations

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

# Funding schemes join the one search engine (/zoeken/, group "Financiering"). Like resources, the
# trigger reads the names of related rows (the kind and the funder organisation), so it is written
# out here instead of with wdhs.search_sources.search_trigger_sql(), which takes own columns only.
# Renaming a kind or an organisation touches the affected schemes so their index follows.
CREATE = """
CREATE FUNCTION knowledge_fundingscheme_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind_name text;
    organisation_name text;
BEGIN
    SELECT t.name INTO kind_name FROM wdhs_term t WHERE t.id = NEW.kind_id;
    SELECT o.name || ' ' || o.short_name INTO organisation_name
      FROM knowledge_organisation o WHERE o.id = NEW.funder_id;
    NEW.search_vector :=
           wdhs_search_vector(NEW.name, 'A')
        || wdhs_search_vector(coalesce(NEW.summary, '') || ' ' || coalesce(kind_name, ''), 'B')
        || wdhs_search_vector(
               coalesce(NEW.description, '') || ' ' || coalesce(NEW.funder_name, '') || ' '
               || coalesce(organisation_name, ''),
               'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER knowledge_fundingscheme_search_vector
    BEFORE INSERT OR UPDATE ON knowledge_fundingscheme
    FOR EACH ROW EXECUTE FUNCTION knowledge_fundingscheme_search_vector();

CREATE FUNCTION knowledge_fundingscheme_related_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'wdhs_term' THEN
        UPDATE knowledge_fundingscheme SET search_vector = NULL WHERE kind_id = NEW.id;
    ELSE
        UPDATE knowledge_fundingscheme SET search_vector = NULL WHERE funder_id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER knowledge_fundingscheme_kind_renamed
    AFTER UPDATE OF name ON wdhs_term
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION knowledge_fundingscheme_related_renamed();

CREATE TRIGGER knowledge_fundingscheme_funder_renamed
    AFTER UPDATE OF name, short_name ON knowledge_organisation
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.short_name IS DISTINCT FROM NEW.short_name)
    EXECUTE FUNCTION knowledge_fundingscheme_related_renamed();

-- Fill the existing rows through the trigger.
UPDATE knowledge_fundingscheme SET search_vector = NULL;
"""

DROP = """
DROP TRIGGER IF EXISTS knowledge_fundingscheme_funder_renamed ON knowledge_organisation;
DROP TRIGGER IF EXISTS knowledge_fundingscheme_kind_renamed ON wdhs_term;
DROP FUNCTION IF EXISTS knowledge_fundingscheme_related_renamed();
DROP TRIGGER IF EXISTS knowledge_fundingscheme_search_vector ON knowledge_fundingscheme;
DROP FUNCTION IF EXISTS knowledge_fundingscheme_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0005_merge_funding_and_search"),
        ("wdhs", "0004_search_lexicon"),
        ("wdhs", "0006_search_forms_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="fundingscheme",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name="zoekindex"),
        ),
        migrations.AddIndex(
            model_name="fundingscheme",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="fundingscheme_search_gin"),
        ),
        migrations.RunSQL(CREATE, DROP),
    ]
