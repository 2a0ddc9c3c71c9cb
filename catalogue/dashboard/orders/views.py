"""One order may hold several producers' products; each producer works on its own lines only.

Oscar lets a partner's users open any order holding one of their lines, with every line in it.
Here the lines shown and acted on (statuses, shipping events) are the user's partners' only;
staff still see them all.
"""

from django.http import Http404
from oscar.apps.dashboard.orders.views import LineDetailView as CoreLineDetailView
from oscar.apps.dashboard.orders.views import OrderDetailView as CoreOrderDetailView


def lines_for_user(lines, user):
    return lines if user.is_staff else lines.filter(partner__users=user)


class OrderDetailView(CoreOrderDetailView):
    def get_order_lines(self):
        return lines_for_user(super().get_order_lines(), self.request.user)


class LineDetailView(CoreLineDetailView):
    def get_object(self, queryset=None):
        line = super().get_object(queryset)
        if not lines_for_user(line.order.lines.filter(pk=line.pk), self.request.user).exists():
            raise Http404
        return line
