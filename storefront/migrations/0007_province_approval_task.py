"""Producer content is approved per province: the workflow's group approval task becomes a
ProvinceApprovalTask with the same groups. Reviews already waiting on the old task are cancelled
(their pages go back to draft, to be submitted again), since the old task let any officer approve them."""

import django.db.models.deletion
from django.db import migrations, models

WORKFLOW_NAME = "Duyệt nội dung chủ thể OCOP"


def use_province_task(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    ProvinceApprovalTask = apps.get_model("storefront", "ProvinceApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="storefront", model="provinceapprovaltask")
    for step in WorkflowTask.objects.filter(workflow__in=Workflow.objects.filter(name=WORKFLOW_NAME)):
        old = GroupApprovalTask.objects.filter(pk=step.task_id).first()
        if old is None:
            continue
        new = ProvinceApprovalTask.objects.create(name=old.name, active=True, content_type=content_type)
        new.groups.set(old.groups.all())
        step.task_id = new.pk
        step.save()
        waiting = TaskState.objects.filter(task_id=old.pk, status="in_progress")
        WorkflowState.objects.filter(pk__in=waiting.values("workflow_state")).update(status="cancelled")
        waiting.update(status="cancelled")
        GroupApprovalTask.objects.filter(pk=old.pk).update(active=False)


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('storefront', '0006_page_version'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.CreateModel(
            name='ProvinceApprovalTask',
            fields=[
                ('task_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.task')),
                ('groups', models.ManyToManyField(help_text='Pages/snippets at this step in a workflow will be moderated or approved by these groups of users', to='auth.group', verbose_name='groups')),
            ],
            options={
                'verbose_name': 'duyệt theo tỉnh',
            },
            bases=('wagtailcore.task',),
        ),
        migrations.RunPython(use_province_task, migrations.RunPython.noop),
    ]
