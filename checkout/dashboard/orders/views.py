"""One order may hold several producers' products; each producer works on its own lines only.

Oscar lets a partner's users open any order holding one of their lines, with every line in it.
Here the lines shown and acted on (statuses, shipping events) are the user's partners' only;
staff still see them all. The order's own status (marking a transfer received, cancelling) and
its delivery address belong to staff, or to the producer when every line is theirs; otherwise
the order follows its lines (checkout.statuses).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from oscar.apps.dashboard.orders.views import LineDetailView as CoreLineDetailView
from oscar.apps.dashboard.orders.views import OrderDetailView as CoreOrderDetailView
from oscar.apps.dashboard.orders.views import ShippingAddressUpdateView as CoreShippingAddressUpdateView

from access.rules import may_act_on_whole_order, own_order_lines

WHOLE_ORDER_ACTIONS = ("change_order_status", "create_order_payment_event")


class OrderDetailView(CoreOrderDetailView):
    def get_order_lines(self):
        return own_order_lines(self.request.user, super().get_order_lines())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not may_act_on_whole_order(self.request.user, self.object):
            context.pop("order_status_form")
        return context

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
