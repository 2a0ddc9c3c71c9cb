"""Who holds which role: the groups and permissions behind the decisions of access.rules.

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
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from access.models import CertificationOfficer, TradeOfficer

OFFICERS_GROUP = "Cán bộ Sở Công Thương"
CERTIFICATION_GROUP = "Văn phòng OCOP tỉnh"
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")  # no publish_page: they submit for approval
OFFICER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
# Model permissions of every officer; access.viewsets narrows them to their province.
OFFICER_MODEL_PERMISSIONS = [
    (app, f"{action}_{model}")
    for app, model in (("salespoints", "salespoint"), ("tradefairs", "tradefair"))
    for action in ("add", "change", "delete", "view")
]
IMAGE_PERMISSIONS = ("add_image", "choose_image")
# A producer records its areas, lots and events (access.viewsets keeps each to its own rows);
# no delete: a lot's printed stamps must keep resolving.
PRODUCER_MODEL_PERMISSIONS = [
    ("traceability", f"{action}_{model}")
    for model in ("rawmaterialarea", "areastandard", "lot", "traceevent")
    for action in ("add", "change", "view")
]
# A producer makes the English, Chinese and Korean copies of its pages (the page's "Dịch" action),
# writes them and submits them for approval like the Vietnamese.
TRANSLATE_PAGES = ("simple_translation", "submit_translation")
PRODUCER_GROUP_PREFIX = "Chủ thể OCOP #"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _admin_access(group):
    group.permissions.add(_permission("wagtailadmin", "access_admin"))


def let_officers_publish(page) -> Group:
    """Officers may publish under ``page`` (the producers' index); access.rules narrows it per province."""
    officers = officers_group()
    for codename in OFFICER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=officers, page=page, permission=_permission("wagtailcore", codename)
        )
    return officers


@transaction.atomic
def producer_editors(producer) -> Group:
    """The group of the producer's users: its pages (``producer.pages``, each with its stories) and
    their translations, its own image collection, its products in Oscar's dashboard, its areas,
    lots and events."""
    group, _ = Group.objects.get_or_create(name=f"{PRODUCER_GROUP_PREFIX}{producer.pk}")
    _admin_access(group)
    group.permissions.add(_permission("partner", "dashboard_access"))  # Oscar: own partner's products
    group.permissions.add(*(_permission(app, codename) for app, codename in PRODUCER_MODEL_PERMISSIONS))
    group.permissions.add(_permission(*TRANSLATE_PAGES))
    # Every language's copy of its pages: a translation is a page of the same producer.
    for page in producer.pages.all():
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission("wagtailcore", codename)
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


@transaction.atomic
def add_producer_user(user, producer) -> None:
    """Let ``user`` work for the producer: edit its pages (subject to approval), its products in the
    dashboard, its traceability records."""
    user.groups.add(producer_editors(producer))
    producer.partner.users.add(user)


def officers_group() -> Group:
    officers, _ = Group.objects.get_or_create(name=OFFICERS_GROUP)
    _admin_access(officers)
    officers.permissions.add(*(_permission(app, codename) for app, codename in OFFICER_MODEL_PERMISSIONS))
    return officers


@transaction.atomic
def add_officer(user, province_code: int | None = None) -> None:
    """Make ``user`` a trade officer: content approval everywhere, sales points and fairs of a province."""
    user.groups.add(officers_group())
    if province_code is not None:
        TradeOfficer.objects.update_or_create(user=user, defaults={"province_code": province_code})


def certification_group() -> Group:
    """Admin access only: what certification officers reach is decided by access.rules per province."""
    group, _ = Group.objects.get_or_create(name=CERTIFICATION_GROUP)
    _admin_access(group)
    return group


@transaction.atomic
def add_certification_officer(user, province_code: int) -> None:
    """Make ``user`` a certification officer of the provincial OCOP office of ``province_code``
    (its group comes with the row: role_granted)."""
    CertificationOfficer.objects.update_or_create(user=user, defaults={"province_code": province_code})


def _role_group(role) -> Group:
    return officers_group() if isinstance(role, TradeOfficer) else certification_group()


def role_granted(role) -> None:
    """A role row saved (by a command or in /cms/): its holder gets the role's group."""
    role.user.groups.add(_role_group(role))


def role_withdrawn(role) -> None:
    """A role row deleted: its holder leaves the role's group, and with it the province's data."""
    role.user.groups.remove(_role_group(role))
