from __future__ import annotations

from django.db import migrations

# The search index of a resource lives in the database: a BEFORE trigger fills search_vector on
# every insert and update, and changes to a resource's themes, a theme's name or an organisation's
# name touch the affected resources so their index follows. No write path can forget it.
CREATE = """
CREATE FUNCTION knowledge_resource_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER knowledge_resource_search_vector
    BEFORE INSERT OR UPDATE ON knowledge_resource
    FOR EACH ROW EXECUTE FUNCTION knowledge_resource_search_vector();

CREATE FUNCTION knowledge_resource_themes_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE knowledge_resource SET search_vector = NULL WHERE id = OLD.resource_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE knowledge_resource SET search_vector = NULL WHERE id = NEW.resource_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER knowledge_resource_themes_changed
    AFTER INSERT OR UPDATE OR DELETE ON knowledge_resource_themes
    FOR EACH ROW EXECUTE FUNCTION knowledge_resource_themes_changed();

CREATE FUNCTION knowledge_term_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE knowledge_resource SET search_vector = NULL
     WHERE id IN (SELECT resource_id FROM knowledge_resource_themes WHERE term_id = NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER knowledge_term_renamed
    AFTER UPDATE OF name ON wdhs_term
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION knowledge_term_renamed();

CREATE FUNCTION knowledge_organisation_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE knowledge_resource SET search_vector = NULL WHERE organisation_id = NEW.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER knowledge_organisation_renamed
    AFTER UPDATE OF name, short_name ON knowledge_organisation
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.short_name IS DISTINCT FROM NEW.short_name)
    EXECUTE FUNCTION knowledge_organisation_renamed();
"""

DROP = """
DROP TRIGGER IF EXISTS knowledge_organisation_renamed ON knowledge_organisation;
DROP FUNCTION IF EXISTS knowledge_organisation_renamed();
DROP TRIGGER IF EXISTS knowledge_term_renamed ON wdhs_term;
DROP FUNCTION IF EXISTS knowledge_term_renamed();
DROP TRIGGER IF EXISTS knowledge_resource_themes_changed ON knowledge_resource_themes;
DROP FUNCTION IF EXISTS knowledge_resource_themes_changed();
DROP TRIGGER IF EXISTS knowledge_resource_search_vector ON knowledge_resource;
DROP FUNCTION IF EXISTS knowledge_resource_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
