from django.db import migrations


def add_locales(apps, schema_editor):
    """Chinese and Korean content, for the largest groups of visitors (English came in 0004)."""
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("zh-hans", "ko"):
        Locale.objects.get_or_create(language_code=code)


class Migration(migrations.Migration):
    dependencies = [("storefront", "0010_page_version_replaced_by_row_versions")]

    operations = [migrations.RunPython(add_locales, migrations.RunPython.noop)]
