from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from checkout import vietqr
from checkout.notifications import pickup_point, transfer_details
from checkout.shipping.fees import free_delivery_from
from formats import vnd

register = template.Library()


@register.simple_tag
def vietqr_for(order):
    """The transfer details of ``order`` with its VietQR image, or None when it is not paid that way."""
    details = transfer_details(order)
    return details and {**details, "image": vietqr.png_data_uri(details["payload"])}


@register.simple_tag
def pickup_point_of(order):
    return pickup_point(order)


@register.simple_tag
def free_delivery_hint(basket):
    """How far the basket is from free home delivery (settings.FREE_SHIPPING_FROM_VND)."""
    threshold = free_delivery_from()
    if basket.total_incl_tax >= threshold:
        text = _("Đơn hàng được miễn phí giao hàng tận nơi.")
    else:
        text = _("Miễn phí giao hàng cho đơn từ %(threshold)s: thêm %(missing)s nữa.") % {
            "threshold": vnd(threshold), "missing": vnd(threshold - basket.total_incl_tax)}
    return format_html('<p class="shipping-hint">{}</p>', text)
