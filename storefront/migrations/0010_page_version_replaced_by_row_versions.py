"""The one page-version row and its triggers give way to row versions and clocks (pagecache.triggers):
every writer of a product, producer or certificate updated that row, so all of them queued on it."""

from importlib import import_module

from django.db import migrations

page_version = import_module("storefront.migrations.0006_page_version")


class Migration(migrations.Migration):

    dependencies = [
        ("storefront", "0009_page_version_triggers_after_table_rebuilds"),
    ]

    operations = [
        migrations.RunPython(page_version._run(1), page_version._run(0)),
        migrations.DeleteModel(name="PageVersion"),
    ]
