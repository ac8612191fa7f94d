from __future__ import annotations

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

# Resources and organisations are indexed with Dutch word forms (lemmas, compound parts) from the
# lookup table wdhs_searchword, through wdhs_search_vector() (migration wdhs/0004).
CREATE = """
CREATE OR REPLACE FUNCTION knowledge_resource_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    theme_names text;
    organisation_name text;
BEGIN
    SELECT string_agg(t.name, ' ') INTO theme_names
      FROM knowledge_resource_themes rt JOIN wdhs_term t ON t.id = rt.term_id
     WHERE rt.resource_id = NEW.id;
    SELECT o.name || ' ' || o.short_name INTO organisation_name
      FROM knowledge_organisation o WHERE o.id = NEW.organisation_id;
    NEW.search_vector :=
           wdhs_search_vector(NEW.title, 'A')
        || wdhs_search_vector(coalesce(NEW.summary, '') || ' ' || coalesce(theme_names, ''), 'B')
        || wdhs_search_vector(NEW.body, 'C')
        || wdhs_search_vector(organisation_name, 'D');
    RETURN NEW;
END
$$;

CREATE FUNCTION knowledge_organisation_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector :=
           wdhs_search_vector(coalesce(NEW.name, '') || ' ' || coalesce(NEW.short_name, ''), 'A')
        || wdhs_search_vector(NEW.description, 'B')
        || wdhs_search_vector(NEW.services, 'C');
    RETURN NEW;
END
$$;

CREATE TRIGGER knowledge_organisation_search_vector
    BEFORE INSERT OR UPDATE ON knowledge_organisation
    FOR EACH ROW EXECUTE FUNCTION knowledge_organisation_search_vector();

UPDATE knowledge_organisation SET search_vector = NULL;
UPDATE knowledge_resource SET search_vector = NULL;
"""

DROP = """
DROP TRIGGER IF EXISTS knowledge_organisation_search_vector ON knowledge_organisation;
DROP FUNCTION IF EXISTS knowledge_organisation_search_vector();
CREATE OR REPLACE FUNCTION knowledge_resource_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    theme_names text;
    organisation_name text;
BEGIN
    SELECT string_agg(t.name, ' ') INTO theme_names
      FROM knowledge_resource_themes rt JOIN wdhs_term t ON t.id = rt.term_id
     WHERE rt.resource_id = NEW.id;
    SELECT o.name || ' ' || o.short_name INTO organisation_name
      FROM knowledge_organisation o WHERE o.id = NEW.organisation_id;
    NEW.search_vector :=
           setweight(to_tsvector('wdhs_dutch', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('wdhs_dutch', coalesce(NEW.summary, '') || ' ' || coalesce(theme_names, '')), 'B')
        || setweight(to_tsvector('wdhs_dutch', coalesce(NEW.body, '')), 'C')
        || setweight(to_tsvector('wdhs_dutch', coalesce(organisation_name, '')), 'D');
    RETURN NEW;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0003_organisation_logo_validator"),
        ("wdhs", "0004_search_lexicon"),
    ]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True, verbose_name="zoekindex"),
        ),
        migrations.AddIndex(
            model_name="organisation",
            index=django.contrib.postgres.indexes.GinIndex(fields=["search_vector"], name="organisation_search_gin"),
        ),
        migrations.RunSQL(CREATE, DROP),
    ]
