"""Who may edit which pages: producers their own subtree, officers approve before anything goes live.

Each producer page gets a group of editors (the producer's staff) with add and change, but not
publish, permission on that page and the stories under it; Wagtail then lets them only submit
for moderation. The "Cán bộ Sở Công Thương" group approves through a workflow on the producers'
index. The same users are the producer's Oscar partner users, so in the dashboard they see and
edit only their own products and stock.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

OFFICERS_GROUP = "Cán bộ Sở Công Thương"
WORKFLOW_NAME = "Duyệt nội dung chủ thể OCOP"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")  # no publish_page: they submit for approval
OFFICER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
IMAGE_PERMISSIONS = ("add_image", "choose_image")


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_access(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))


@transaction.atomic
def ensure_moderation(producer_index) -> Workflow:
    """Officers may publish under the producers' index; every change there waits for their approval."""
    officers, _ = Group.objects.get_or_create(name=OFFICERS_GROUP)
    _admin_access(officers)
    for codename in OFFICER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=officers, page=producer_index, permission=_permission("wagtailcore", codename)
        )
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = GroupApprovalTask.objects.create(name="Cán bộ Sở Công Thương duyệt")
        task.groups.set([officers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=producer_index, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def producer_editors(producer_page) -> Group:
    """The group of the producer's editors: its page subtree, its own image collection, its products."""
    producer = producer_page.producer
    group, _ = Group.objects.get_or_create(name=f"Chủ thể OCOP #{producer.pk}")
    _admin_access(group)
    group.permissions.add(_permission("partner", "dashboard_access"))  # Oscar: own partner's products
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=producer_page, permission=_permission("wagtailcore", codename)
        )
    collection = _producer_collection(producer)
    for codename in IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=_permission("wagtailimages", codename)
        )
    return group


def _producer_collection(producer):
    existing = Collection.objects.filter(name=producer.name).first()
    return existing or Collection.get_first_root_node().add_child(name=producer.name)


def add_producer_editor(user, producer_page) -> None:
    """Let ``user`` edit the producer's pages (subject to approval) and its products in the dashboard."""
    user.groups.add(producer_editors(producer_page))
    producer_page.producer.partner.users.add(user)


def add_officer(user) -> None:
    user.groups.add(Group.objects.get_or_create(name=OFFICERS_GROUP)[0])
