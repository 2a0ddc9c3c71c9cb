"""One order may hold several producers' products; each producer works on its own lines only.

Oscar lets a partner's users open any order holding one of their lines, with every line in it.
Here the lines shown and acted on (statuses, shipping events) are the user's partners' only;
staff still see them all. The order's own status (marking a transfer received, cancelling) and
its delivery address belong to staff, or to the producer when every line is theirs; otherwise
the order follows its lines (checkout.statuses).
"""

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders.views import LineDetailView as CoreLineDetailView
from oscar.apps.dashboard.orders.views import OrderDetailView as CoreOrderDetailView
from oscar.apps.dashboard.orders.views import ShippingAddressUpdateView as CoreShippingAddressUpdateView
from oscar.core.loading import get_model

from access.rules import may_act_on_whole_order, own_order_lines
from checkout.statuses import DELIVERED, SHIPPING

OrderNote = get_model("order", "OrderNote")

WHOLE_ORDER_ACTIONS = ("change_order_status", "create_order_payment_event")
PRODUCER_STEPS = (SHIPPING, DELIVERED)  # what a producer marks on its own lines


class OrderDetailView(CoreOrderDetailView):
    def get_order_lines(self):
        return own_order_lines(self.request.user, super().get_order_lines())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["whole_order"] = may_act_on_whole_order(self.request.user, self.object)
        if not context["whole_order"]:
            context.pop("order_status_form")
            # A producer's part: its own lines' subtotal, never the order's (others' goods, delivery).
            context["own_subtotal"] = sum(
                (line.line_price_incl_tax for line in context["lines"]), Decimal(0)
            )
            context["producer_steps"] = PRODUCER_STEPS
        return context

    def post(self, request, *args, **kwargs):
        if "move_line" in request.POST:
            return self.move_own_line(request, self.get_object())
        return super().post(request, *args, **kwargs)

    def move_own_line(self, request, order):
        """One button per line and step ("đã giao cho vận chuyển", "đã giao"), for the line's producer."""
        self.object = order
        line_id, _sep, status = request.POST["move_line"].partition("|")
        lines = order.lines.filter(pk=int(line_id)) if line_id.isdecimal() else order.lines.none()
        line = own_order_lines(request.user, lines).first()
        if line is None or status not in PRODUCER_STEPS or status not in line.available_statuses():
            return self.reload_page(error=_("Không đổi được trạng thái dòng này."))
        old_status = line.status
        line.set_status(status)  # the order follows its lines (checkout.receivers)
        order.notes.create(user=request.user, note_type=OrderNote.SYSTEM, message=_(
            "Dòng #%(line)s: %(old)s → %(new)s.") % {"line": line.pk, "old": old_status, "new": status})
        messages.success(request, _("Đã cập nhật: %(title)s — %(status)s.") % {
            "title": line.title, "status": status})
        return self.reload_page()

    def handle_order_action(self, request, order, action):
        if action in WHOLE_ORDER_ACTIONS and not may_act_on_whole_order(request.user, order):
            return self.reload_page(
                error=_("Đơn hàng có sản phẩm của nhà sản xuất khác: chỉ quản trị viên đổi trạng thái "
                        "cả đơn. Quý vị đổi trạng thái các dòng của mình.")
            )
        return super().handle_order_action(request, order, action)


class LineDetailView(CoreLineDetailView):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        if not own_order_lines(self.request.user, line.order.lines.filter(pk=line.pk)).exists():
            raise Http404
        return line


class ShippingAddressUpdateView(CoreShippingAddressUpdateView):
    def get_object(self, queryset=None):
        address = super().get_object(queryset)
        if not may_act_on_whole_order(self.request.user, address.order):
            raise PermissionDenied  # the address is every producer's in the order, not this one's alone
        return address
