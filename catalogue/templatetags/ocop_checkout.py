from django import template

from catalogue.checkout import vietqr
from catalogue.checkout.payment_methods import method_for, shop_bank_account

register = template.Library()


@register.simple_tag
def vietqr_for(order):
    """What the shopper needs to pay ``order`` by transfer, or None when it is not paid that way."""
    source = order.sources.select_related("source_type").first()
    if source is None or not method_for(source.source_type.code).shows_vietqr:
        return None
    account = shop_bank_account()
    text = vietqr.payload(account, int(source.amount_allocated), order.number)
    return {"account": account, "amount": source.amount_allocated, "note": order.number,
            "payload": text, "image": vietqr.png_data_uri(text)}
