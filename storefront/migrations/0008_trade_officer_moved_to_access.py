from django.db import migrations


class Migration(migrations.Migration):
    """TradeOfficer now belongs to the access app (access 0001); its table is kept as it is."""

    dependencies = [
        ("storefront", "0007_province_approval_task"),
        ("access", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="TradeOfficer")]),
    ]
