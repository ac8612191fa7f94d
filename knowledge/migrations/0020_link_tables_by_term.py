"""Link tables indexed by term first, with the resource in the index.

/kennis/ filtered on a theme or a phase reads the link rows of that term (thousands at national size). With only the
(term_id) index Django creates, PostgreSQL fetched each from the table; with (term_id, resource_id) it reads them
from the index alone (see initiatives 0013 for the measurement).
"""

from django.db import migrations

TABLES = ("knowledge_resource_themes", "knowledge_resource_phases")


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0019_list_order_index"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {table}_by_term ON {table} (term_id, resource_id);",
            reverse_sql=f"DROP INDEX IF EXISTS {table}_by_term;",
        )
        for table in TABLES
    ]
