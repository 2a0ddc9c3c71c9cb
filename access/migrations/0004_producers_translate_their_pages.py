from django.db import migrations

PRODUCER_GROUP_PREFIX = "Chủ thể OCOP #"  # access.grants, as it is today


def let_producers_translate(apps, schema_editor):
    """Existing producers' groups gain what access.grants.producer_editors now gives new ones."""
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="simple_translation", codename="submit_translation"
    ).first()
    if permission is None:  # a new database: permissions come after migrations, and no group exists yet
        return
    for group in Group.objects.filter(name__startswith=PRODUCER_GROUP_PREFIX):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("access", "0003_notification_settings"), ("simple_translation", "0001_initial")]

    operations = [migrations.RunPython(let_producers_translate, migrations.RunPython.noop)]
