"""Who may change what.

Producers edit their own page subtree and submit it; "Cán bộ Sở Công Thương" approve (Wagtail
groups and a workflow). Trade officers act on their own province's sales points and fairs, and
sales-point operators on their own point (plain functions over objects with a ``province_code``,
used by the admin views); superusers may do everything.

Each producer page gets a group of editors (the producer's staff) with add and change, but not
publish, permission on that page and the stories under it; Wagtail then lets them only submit
for moderation. The same users are the producer's Oscar partner users, so in the dashboard they
see and edit only their own products and stock.
"""


from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    PagePermissionTester,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

OFFICERS_GROUP = "Cán bộ Sở Công Thương"
WORKFLOW_NAME = "Duyệt nội dung chủ thể OCOP"
APPROVAL_TASK_NAME = "Cán bộ Sở Công Thương duyệt"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")  # no publish_page: they submit for approval
OFFICER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
# Model permissions of every officer; storefront.province_admin narrows them to their province.
OFFICER_MODEL_PERMISSIONS = [
    (app, f"{action}_{model}")
    for app, model in (("salespoints", "salespoint"), ("tradefairs", "tradefair"))
    for action in ("add", "change", "delete", "view")
]
IMAGE_PERMISSIONS = ("add_image", "choose_image")


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_access(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))


@transaction.atomic
def ensure_moderation(producer_index) -> Workflow:
    """Officers may publish under the producers' index; every change there waits for their approval."""
    officers = officers_group()
    for codename in OFFICER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=officers, page=producer_index, permission=_permission("wagtailcore", codename)
        )
    from storefront.models import ProvinceApprovalTask

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        task = ProvinceApprovalTask.objects.create(name=APPROVAL_TASK_NAME)
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


def officers_group() -> Group:
    officers, _ = Group.objects.get_or_create(name=OFFICERS_GROUP)
    _admin_access(officers)
    officers.permissions.add(*(_permission(app, codename) for app, codename in OFFICER_MODEL_PERMISSIONS))
    return officers


@transaction.atomic
def add_officer(user, province_code: int | None = None) -> None:
    """Make ``user`` a trade officer: content approval everywhere, sales points and fairs of a province."""
    from storefront.models import TradeOfficer

    user.groups.add(officers_group())
    if province_code is not None:
        TradeOfficer.objects.update_or_create(user=user, defaults={"province_code": province_code})


def officer_province(user) -> int | None:
    """The province a trade officer works for, None for anyone else."""
    officer = getattr(user, "trade_officer", None) if user.is_authenticated else None
    return officer.province_code if officer else None


def can_manage(user, obj) -> bool:
    """Superusers, or a trade officer of ``obj``'s province."""
    if not user.is_authenticated:
        return False
    province = officer_province(user)
    return user.is_superuser or (province is not None and province == obj.province_code)


def managed(user, queryset):
    """Restrict ``queryset`` (of objects with a province) to what ``user`` may manage."""
    if user.is_superuser:
        return queryset
    province = officer_province(user)
    return queryset.filter(province_code=province) if province is not None else queryset.none()


def can_keep_stock(user, sales_point) -> bool:
    """Whoever manages the point, or one of its own operators."""
    return can_manage(user, sales_point) or (
        user.is_authenticated and sales_point.operators.filter(pk=user.pk).exists()
    )


class ProvincePagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, minus another province's producer content for trade officers.

    Officers hold their page permissions on the producers' index (ensure_moderation), above every
    province; an officer of province B gets no permission at all on a page of province A's producer.
    """

    def __init__(self, user, page, province_code):
        super().__init__(user, page)
        own = officer_province(user)
        if not user.is_superuser and own is not None and own != province_code:
            self.permissions = set()
