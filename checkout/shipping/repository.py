"""The shipping methods offered at checkout: delivery priced by region, and pickup at the
sales points of the shopper's province that hold the whole basket."""

from oscar.apps.shipping.repository import Repository as CoreRepository

from checkout.shipping.methods import Delivery, Pickup
from salespoints.pickup import points_for_pickup


def basket_quantities(basket) -> dict[int, int]:
    """Product id → quantity wanted, over the basket's lines."""
    wanted: dict[int, int] = {}
    for line in basket.all_lines():
        wanted[line.product_id] = wanted.get(line.product_id, 0) + line.quantity
    return wanted


class Repository(CoreRepository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        province = shipping_addr.province_code if shipping_addr else None
        if province is None:
            return [Delivery()]
        points = points_for_pickup(basket_quantities(basket), province)
        return [Delivery(province), *(Pickup(point) for point in points)]
