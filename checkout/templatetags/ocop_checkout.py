from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from checkout import vietqr
from checkout.notifications import pickup_point, transfer_details
from checkout.shipping.fees import free_delivery_from
from checkout.tracking import order_page_path
from formats import vnd

register = template.Library()


register.simple_tag(transfer_details, name="transfer_for")


@register.simple_tag
def vietqr_image(transfer):
    """The transfer's VietQR code as an inline PNG."""
    return vietqr.png_data_uri(transfer["payload"])


@register.filter
def unavailable_forms(formset):
    """The basket formset's forms whose line can no longer be bought."""
    return [form for form in formset if not form.instance.purchase_info.availability.is_available_to_buy]


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
        text = _("Mua thêm %(missing)s để được miễn phí giao hàng (đơn từ %(threshold)s).") % {
            "threshold": vnd(threshold), "missing": vnd(threshold - basket.total_incl_tax)}
    return format_html('<p class="shipping-hint">{}</p>', text)


register.simple_tag(order_page_path, name="order_page_url")
