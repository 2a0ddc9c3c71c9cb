"""The page version counter, and triggers that bump it on every write to the listing gate's tables."""

from django.db import migrations, models

GATE_TABLES = ("catalogue_product", "catalogue_producer", "catalogue_certificate", "catalogue_recognitiondecision")
BUMP = (
    "INSERT INTO storefront_pageversion (id, value) VALUES (1, 1) "
    "ON CONFLICT (id) DO UPDATE SET value = storefront_pageversion.value + 1"
)
OPERATIONS = ("INSERT", "UPDATE", "DELETE")


def _postgresql_create():
    yield f"CREATE FUNCTION storefront_pages_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {BUMP}; RETURN NULL; END $$"
    for table in GATE_TABLES:
        # Once per statement: a bulk revocation of thousands of rows bumps once.
        yield (
            f"CREATE TRIGGER storefront_pages_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION storefront_pages_changed()"
        )


def _postgresql_drop():
    for table in GATE_TABLES:
        yield f"DROP TRIGGER IF EXISTS storefront_pages_changed ON {table}"
    yield "DROP FUNCTION IF EXISTS storefront_pages_changed()"


def _sqlite_create():
    for table in GATE_TABLES:
        for operation in OPERATIONS:  # SQLite has row triggers only
            yield f"CREATE TRIGGER storefront_pages_changed_{table}_{operation.lower()} AFTER {operation} ON {table} BEGIN {BUMP}; END"


def _sqlite_drop():
    for table in GATE_TABLES:
        for operation in OPERATIONS:
            yield f"DROP TRIGGER IF EXISTS storefront_pages_changed_{table}_{operation.lower()}"


STATEMENTS = {
    "postgresql": (_postgresql_create, _postgresql_drop),
    "sqlite": (_sqlite_create, _sqlite_drop),
}


def _run(index):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in STATEMENTS:
            raise RuntimeError(f"No page-version triggers for {vendor}: cached pages could outlive a revocation")
        for statement in STATEMENTS[vendor][index]():
            schema_editor.execute(statement)

    return run


def create_counter(apps, schema_editor):
    apps.get_model("storefront", "PageVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):

    dependencies = [
        ("storefront", "0005_trade_officer"),
        ("catalogue", "0037_product_gtin_index"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "phiên bản trang"},
        ),
        migrations.RunPython(create_counter, migrations.RunPython.noop),
        migrations.RunPython(_run(0), _run(1)),
    ]
