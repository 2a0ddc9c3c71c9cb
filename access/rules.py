"""Who may do what to which object: every access decision of the project, in one module.

The roles (DESIGN.md §2): a producer's users act on their own producer's products, lots, stamps
and order lines (they are its Oscar partner users); a trade officer of Sở Công Thương acts on one
province's sales points, fairs, producer content and reports (``user.trade_officer``); a sales
point's operators keep that point's stock; staff run the shop (Oscar's dashboard); superusers
administer everything. Objects are read through duck-typed attributes (``province_code``,
``operators``, ``producer``), so this bottom layer imports none of the packages that own them.
Role grants (groups, permissions) are in access.grants. A certification officer of the
provincial OCOP office (``user.certification_officer``) imports its province's decisions, follows
their expiries and invites its producers.
"""

from wagtail.models import PagePermissionTester


def is_administrator(user) -> bool:
    """Superusers: every province, every producer, users and roles."""
    return user.is_authenticated and user.is_superuser


def sees_withheld(user) -> bool:
    """Shop staff also see what the public no longer sees (a lapsed product, a hidden category,
    a withdrawn fair listing), with its status, so that they can work on it."""
    return user.is_authenticated and user.is_staff


def officer_province(user) -> int | None:
    """The province a trade officer works for, None for anyone else."""
    officer = getattr(user, "trade_officer", None) if user.is_authenticated else None
    return officer.province_code if officer else None


def certification_province(user) -> int | None:
    """The province a certification officer works for, None for anyone else."""
    officer = getattr(user, "certification_officer", None) if user.is_authenticated else None
    return officer.province_code if officer else None


def may_certify(user) -> bool:
    """Import decisions and follow expiries: superusers (every province), certification officers."""
    return is_administrator(user) or certification_province(user) is not None


def certifying_province(user) -> int | None:
    """The one province whose certificates ``user`` may import and remind; None: every province."""
    return None if is_administrator(user) else certification_province(user)


def certified(user, queryset, province_field):
    """Restrict ``queryset`` to the province a certification officer works for (all: superusers)."""
    return _in_province(user, queryset, province_field, certification_province(user))


def officer_provinces(user) -> set[int]:
    """The provinces ``user`` works for in either officer role (trade, certification)."""
    return {officer_province(user), certification_province(user)} - {None}


ROLES_PERMISSION = "access.change_tradeofficer"


def may_manage_roles(user) -> bool:
    """Grant and withdraw officer roles, invite officers: administrators (DESIGN.md §2), and the staff
    an administrator gave the roles permission to (the same permission opens /cms/ Vai trò cán bộ)."""
    return is_administrator(user) or (sees_withheld(user) and user.has_perm(ROLES_PERMISSION))


def can_manage(user, obj) -> bool:
    """Superusers, or a trade officer of ``obj``'s province."""
    if not user.is_authenticated:
        return False
    province = officer_province(user)
    return is_administrator(user) or (province is not None and province == obj.province_code)


def managed(user, queryset, province_field="province_code"):
    """Restrict ``queryset`` (of objects with a province, read through ``province_field``) to what
    ``user`` may manage."""
    return _in_province(user, queryset, province_field, officer_province(user))


def _in_province(user, queryset, province_field, province):
    """Every row for superusers; ``province``'s rows for its officer; none for anyone else."""
    if is_administrator(user):
        return queryset
    return queryset.filter(**{province_field: province}) if province is not None else queryset.none()


def can_keep_stock(user, sales_point) -> bool:
    """Whoever manages the point, or one of its own operators."""
    return can_manage(user, sales_point) or (
        user.is_authenticated and sales_point.operators.filter(pk=user.pk).exists()
    )


def may_see_reports(user) -> bool:
    return is_administrator(user) or officer_province(user) is not None


def report_scope(user, requested: str | None) -> tuple[bool, int | None]:
    """(allowed, province) of the reports: officers are held to theirs; superusers choose one or all."""
    province = officer_province(user)
    if province is not None:
        return True, province
    if not is_administrator(user):
        return False, None
    try:
        return True, int(requested or "") or None
    except ValueError:
        return True, None


def may_edit_fair(user, fair) -> bool:
    return user.has_perm("tradefairs.change_tradefair") and can_manage(user, fair)


def is_producer_user(user) -> bool:
    """A user of at least one producer (its Oscar partner)."""
    return user.is_authenticated and user.partners.exists()


def own_objects(user, queryset, producer_path):
    """Superusers see every row; a producer's users only their own producer's, the producer read
    through ``producer_path`` ("" for producers themselves, "producer", "lot__product__producer")."""
    if is_administrator(user):
        return queryset
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(**{"__".join(filter(None, (producer_path, "partner__users"))): user})


def own_producers(user, producers):
    """Superusers see every producer; a producer's users only their own (their Oscar partners')."""
    return own_objects(user, producers, "")


def may_use_producer_workspace(user) -> bool:
    """The producer's /cms/ pages (stamp sheets, marketplace sheets): its users and superusers."""
    return is_administrator(user) or is_producer_user(user)


def own_lots(user, lots):
    """Superusers see every lot; a producer's users only their producer's lots.

    Not staff: is_staff also marks certification officers, and a stamp sheet's serials are what
    makes a stamp genuine.
    """
    return own_objects(user, lots, "product__producer")


def may_print_stamps(user, product) -> bool:
    """Superusers, or a user of the product's own producer (see own_lots)."""
    if not user.is_authenticated:
        return False
    if is_administrator(user):
        return True
    return product.producer_id is not None and product.producer.partner.users.filter(pk=user.pk).exists()


def own_order_lines(user, lines):
    """Staff see every line of an order; a producer's users only their producer's lines."""
    return lines if sees_withheld(user) else lines.filter(partner__users=user)


def may_act_on_whole_order(user, order) -> bool:
    """The order's status and delivery address: staff, or a producer holding every line of it."""
    return sees_withheld(user) or not order.lines.exclude(partner__users=user).exists()


def may_approve(user, page, *, in_approval_groups: bool) -> bool:
    """Approve a producer page or story in moderation: superusers, or a member of the approval
    groups who may publish it (an officer of its producer's province, ProvincePagePermissionTester)."""
    if is_administrator(user):
        return True
    if not in_approval_groups:
        return False
    return not hasattr(page, "permissions_for_user") or page.permissions_for_user(user).can_publish()


class ProvincePagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, minus another province's producer content for trade officers.

    Officers hold their page permissions on the producers' index (storefront.moderation), above
    every province; an officer of province B gets no permission at all on a page of province A's
    producer.
    """

    def __init__(self, user, page, province_code):
        super().__init__(user, page)
        own = officer_province(user)
        if not is_administrator(user) and own is not None and own != province_code:
            self.permissions = set()


def producers_to_invite_for(user, producers):
    """The producers ``user`` may invite people to: every one for staff and superusers, its
    province's for an officer (either role), its own for a producer's user (colleagues)."""
    if sees_withheld(user) or is_administrator(user):
        return producers
    provinces = officer_provinces(user)
    if provinces:
        return producers.filter(province_code__in=provinces)
    return own_producers(user, producers)


def may_invite(user) -> bool:
    """Anyone who may invite someone to something (the menu item)."""
    return (sees_withheld(user) or is_administrator(user) or bool(officer_provinces(user))
            or is_producer_user(user))


def may_deactivate(user, invitation) -> bool:
    """An account made from an invitation is closed by whoever invited it, or by a superuser."""
    return is_administrator(user) or (user.is_authenticated and invitation.inviter_id == user.pk)


def audit_provinces(user) -> set[int] | None:
    """The provinces whose change log ``user`` reads: None for every one (superusers), an officer's
    own (either role), none for anyone else."""
    return None if is_administrator(user) else officer_provinces(user)


def may_read_audit(user) -> bool:
    return audit_provinces(user) != set()


def may_reconcile_payments(user) -> bool:
    """The shop's bank account (transfer notices, statements, refunds): staff only, never a producer."""
    return sees_withheld(user)


def may_moderate_review(user, review) -> bool:
    """A buyer's review: staff, or an officer of the province of the product's producer."""
    return sees_withheld(user) or can_manage(user, review)


def reviews_to_moderate(user, reviews):
    """The reviews ``user`` moderates: every one for staff, its province's for an officer."""
    return reviews if sees_withheld(user) else managed(user, reviews, "product__producer__province_code")


def may_moderate_reviews(user) -> bool:
    return sees_withheld(user) or is_administrator(user) or officer_province(user) is not None
