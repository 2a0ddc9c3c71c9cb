"""Producer groups made before producers kept their own areas, lots and events get those permissions
(access.grants.PRODUCER_MODEL_PERMISSIONS at the time of writing)."""

from django.db import migrations

MODELS = ("rawmaterialarea", "areastandard", "lot", "traceevent")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="traceability",
        codename__in=[f"{action}_{model}" for model in MODELS for action in ("add", "change", "view")],
    )
    for group in Group.objects.filter(name__startswith="Chủ thể OCOP #"):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("traceability", "0007_area_photo_and_lot_message"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
