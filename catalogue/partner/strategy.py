"""Oscar's purchase strategy with the OCOP listing gate in front of it.

Oscar's basket-add view and checkout accept any product id; the strategy's availability
policy is the one place that can refuse a purchase (oscar.apps.partner.strategy), so the
gate is plugged in here. Checkout re-validates every basket line through it before each step,
including the final "place order" submission (CheckoutSessionMixin.check_basket_is_valid),
and once more on locked rows when the order is written (checkout/mixins.py).
"""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner import availability, prices
from oscar.apps.partner.strategy import NoTax, PurchaseInfo, StockRequired, Structured, UseFirstStockRecord

from catalogue.certification import is_listable

NOT_LISTABLE_MESSAGE = _("Sản phẩm này hiện không được bán: chứng nhận OCOP đã hết hạn hoặc bị thu hồi.")


class NotListable(availability.Unavailable):
    code = "not_listable"
    message = NOT_LISTABLE_MESSAGE

    def is_purchase_permitted(self, quantity):
        return False, self.message


class ListingGateRequired:
    """Refuse purchase of any product that is not listable today; otherwise defer to Oscar."""

    def availability_policy(self, product, stockrecord):
        if not is_listable(product):
            return NotListable()
        return super().availability_policy(product, stockrecord)

    def fetch_for_line(self, line, stockrecord=None):
        """A basket line of a product no longer listable has no price, so the basket leaves it out
        of its totals (Oscar skips lines it cannot price that may not be bought)."""
        info = super().fetch_for_line(line, stockrecord)
        if isinstance(info.availability, NotListable):
            return PurchaseInfo(price=prices.Unavailable(), availability=info.availability,
                                stockrecord=info.stockrecord)
        return info


class Default(ListingGateRequired, UseFirstStockRecord, StockRequired, NoTax, Structured):
    """First stock record, stock required, prices in VND as sold.

    Vietnamese retail prices already include VAT, so the tax-inclusive policy is NoTax:
    incl_tax == excl_tax == the stock record's price, and totals are exact to the dong.
    """


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Default(request)
