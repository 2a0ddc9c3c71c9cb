import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import places


def move_content_type(apps, schema_editor):
    """Keep the model's content type (and its permissions) rather than leave a stale one behind."""
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="storefront", model="tradeofficer").update(app_label="access")


class Migration(migrations.Migration):
    """TradeOfficer moves from storefront to access: the table stays, only Django's state moves."""

    initial = True

    dependencies = [
        ("storefront", "0007_province_approval_task"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TradeOfficer",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                                   verbose_name="ID")),
                        ("province_code", models.PositiveSmallIntegerField(
                            choices=places.province_choices, verbose_name="tỉnh/thành phố")),
                        ("user", models.OneToOneField(
                            on_delete=django.db.models.deletion.CASCADE, related_name="trade_officer",
                            to=settings.AUTH_USER_MODEL, verbose_name="người dùng")),
                    ],
                    options={
                        "verbose_name": "cán bộ Sở Công Thương",
                        "verbose_name_plural": "cán bộ Sở Công Thương",
                        "db_table": "storefront_tradeofficer",
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
