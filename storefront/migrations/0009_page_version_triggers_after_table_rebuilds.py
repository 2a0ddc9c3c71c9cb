"""The page-version triggers again, on SQLite, where rebuilding a table drops its triggers.

Django's SQLite schema editor rebuilds a table to add a constraint or change a column
(catalogue 0039 rebuilt catalogue_certificate), and SQLite drops the old table's triggers with
it: a bulk revocation then left cached pages stale on the embedded setup. PostgreSQL keeps its
triggers through ALTER TABLE, so nothing runs there.
"""

from importlib import import_module

from django.db import migrations

page_version = import_module("storefront.migrations.0006_page_version")


def recreate(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in [*page_version._sqlite_drop(), *page_version._sqlite_create()]:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ("storefront", "0008_trade_officer_moved_to_access"),
        ("catalogue", "0039_certificate_rules"),
    ]

    operations = [migrations.RunPython(recreate, migrations.RunPython.noop)]
