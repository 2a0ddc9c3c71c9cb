"""Order placement re-checks the purchase strategy on locked rows just before the order is written.

Oscar re-validates basket lines (``check_basket_is_valid``) as a pre-condition when the
"place order" request starts, before payment is taken (oscar.apps.checkout.session and
views.PaymentDetailsView). A revocation committed after that check, or an order placed on a
payment gateway's return, would slip through; so ``handle_order_placement`` runs the same
strategy (the listing gate) again on freshly read, row-locked products and certificates in the
transaction that writes the order. A revocation that commits first is seen; one that comes
later waits for the order and takes effect on the next request.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from oscar.apps.checkout.mixins import OrderPlacementMixin as CoreOrderPlacementMixin
from oscar.core.loading import get_class

from catalogue.models import Certificate, Producer, Product
from catalogue.partner.models import StockRecord
from checkout.models import OrderPreferences
from checkout.notifications import notify_producers, notify_shopper_order_placed
from checkout.reconciliation import match_waiting_notices
from checkout.shipping.methods import pickup_point_id
from checkout.shipping.repository import basket_quantities
from checkout.statuses import AWAITING_PAYMENT
from salespoints.pickup import PickupUnavailable, hold_for_pickup

UnableToPlaceOrder = get_class("order.exceptions", "UnableToPlaceOrder")


class OrderPlacementMixin(CoreOrderPlacementMixin):
    def handle_order_placement(self, order_number, user, basket, *args, **kwargs):
        with transaction.atomic():
            self.check_basket_is_still_purchasable(basket)
            return super().handle_order_placement(order_number, user, basket, *args, **kwargs)

    def place_order(self, *, basket, shipping_method, **kwargs):
        """Write the order, hold a pickup order's goods at its sales point, note the shopper's choices."""
        language = get_language() or settings.LANGUAGE_CODE
        with translation.override(settings.LANGUAGE_CODE):  # names kept on the order, read by staff
            order = super().place_order(basket=basket, shipping_method=shipping_method, **kwargs)
        # Lines start where the order starts: awaiting a transfer, or ready to ship.
        order.lines.update(status=order.status)
        point_id = pickup_point_id(shipping_method.code)
        if point_id is not None:
            try:
                hold_for_pickup(point_id, basket_quantities(basket))
            except PickupUnavailable as error:
                raise UnableToPlaceOrder(str(error)) from error
        OrderPreferences.objects.create(order=order, language=language, pickup_point_id=point_id)
        if order.status == AWAITING_PAYMENT:
            match_waiting_notices(order)
        return order

    def handle_successful_order(self, order):
        # Producers hear of their lines once the order is committed, never before.
        transaction.on_commit(lambda: notify_producers.enqueue(order.pk))
        return super().handle_successful_order(order)

    def send_order_placed_email(self, order):
        """Through the task queue once the order commits: a failing email never undoes an order."""
        transaction.on_commit(lambda: notify_shopper_order_placed.enqueue(order.pk))

    def check_basket_is_still_purchasable(self, basket):
        """Raise UnableToPlaceOrder when the strategy now refuses a line of the basket.

        Products, certificates and stock records are read afresh under row locks held until the
        order is written: of concurrent buyers of the last unit, the first allocates it and the
        others, once it commits, see no stock left (Oscar alone allocates without checking).
        """
        lines = list(basket.all_lines())
        products = locked_products({line.product_id for line in lines if line.product_id})
        stockrecords = StockRecord.objects.select_for_update().order_by("pk").in_bulk(
            {line.stockrecord_id for line in lines if line.stockrecord_id}
        )
        strategy = self.request.strategy
        for line in lines:
            product = products.get(line.product_id)
            if product is None:
                raise UnableToPlaceOrder(_("Một sản phẩm trong giỏ hàng không còn tồn tại."))
            line.stockrecord = stockrecords.get(line.stockrecord_id, line.stockrecord)  # allocate on it
            info = strategy.fetch_for_product(product, stockrecord=line.stockrecord)
            is_permitted, reason = info.availability.is_purchase_permitted(line.quantity)
            if not is_permitted:
                raise UnableToPlaceOrder(
                    _("Không thể đặt mua «%(title)s». %(reason)s")
                    % {"title": product.get_title(), "reason": reason}
                )


def locked_products(product_ids):
    """Products with their producers and certificates read afresh under row locks (FOR UPDATE).

    Producers are locked by a query of their own: PostgreSQL refuses FOR UPDATE on the
    nullable side of the outer join that select_related("producer") would use.
    """
    products = {
        product.pk: product
        for product in Product.objects.select_for_update()
        .filter(pk__in=product_ids)
        .order_by("pk")  # one locking order for every transaction: no deadlocks
        .prefetch_related(Prefetch("certificates", queryset=Certificate.objects.select_for_update()))
    }
    producer_ids = {product.producer_id for product in products.values() if product.producer_id}
    producers = Producer.objects.select_for_update().order_by("pk").in_bulk(producer_ids)
    for product in products.values():
        product.producer = producers.get(product.producer_id)
    return products
