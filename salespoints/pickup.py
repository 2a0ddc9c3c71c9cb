"""Click and collect: which sales points can hand over a whole basket, and holding it there.

A point qualifies when it carries every product wanted, listable and in stock; where it keeps
a count, the count must cover the quantity wanted. Points without a count are trusted by their
level (in stock or low) and confirm by phone, as they do today.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from salespoints.models import SalesPoint, SalesPointStock
from salespoints.selectors import listable_stock, sales_points_public

NO_LONGER_HELD = _("Điểm bán đã chọn không còn đủ hàng để nhận; hãy chọn cách nhận hàng khác.")


class PickupUnavailable(Exception):
    """The chosen point no longer holds every line of the order."""


def _holds(quantity: int) -> Q:
    return ~Q(level=SalesPointStock.Level.OUT) & (Q(quantity__isnull=True) | Q(quantity__gte=quantity))


def points_for_pickup(wanted: dict[int, int], province_code: int | None = None) -> QuerySet:
    """Active points holding every product of ``wanted`` (product id → quantity), by name."""
    if not wanted:
        return SalesPoint.objects.none()
    points = sales_points_public()
    if province_code:
        points = points.filter(province_code=province_code)
    for product_id, quantity in wanted.items():
        holding = listable_stock().filter(_holds(quantity), sales_point=OuterRef("pk"), product_id=product_id)
        points = points.filter(Exists(holding))
    return points.order_by("name", "pk")


def hold_for_pickup(sales_point_id: int, wanted: dict[int, int]) -> None:
    """Take the wanted quantities off the point's counts, inside the order's transaction.

    The stock rows are locked first (in one order, so concurrent orders queue rather than
    deadlock) and re-checked: of two shoppers collecting the point's last jar, one gets it and
    the other is told to choose again.
    """
    rows = {
        row.product_id: row
        for row in SalesPointStock.objects.select_for_update()
        .filter(sales_point_id=sales_point_id, product_id__in=wanted)
        .order_by("pk")
    }
    if not points_for_pickup(wanted).filter(pk=sales_point_id).exists():  # reads the rows just locked
        raise PickupUnavailable(NO_LONGER_HELD)
    for product_id, quantity in wanted.items():
        row = rows[product_id]
        if row.quantity is None:
            continue
        row.quantity -= quantity
        if row.quantity == 0:
            row.level = SalesPointStock.Level.OUT
        row.save(update_fields=["quantity", "level", "updated_at"])


def release_pickup(sales_point_id: int, held: dict[int, int]) -> None:
    """Put back on the point's counts what ``hold_for_pickup`` took (a cancelled pickup order)."""
    rows = SalesPointStock.objects.select_for_update().filter(
        sales_point_id=sales_point_id, product_id__in=held, quantity__isnull=False
    ).order_by("pk")
    for row in rows:
        row.quantity += held[row.product_id]
        if row.level == SalesPointStock.Level.OUT:
            row.level = SalesPointStock.Level.IN_STOCK
        row.save(update_fields=["quantity", "level", "updated_at"])
