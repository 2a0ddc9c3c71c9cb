"""Writes of trade fairs: adding a product to an exhibitor's listing goes through the listing gate."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from catalogue.certification import is_listable
from tradefairs.models import FairListing

NOT_LISTABLE = _("Sản phẩm không có chứng nhận OCOP còn hiệu lực (3 sao trở lên) nên không thể trưng bày.")
NOT_OWN_PRODUCT = _("Sản phẩm không thuộc chủ thể của gian hàng này.")


@transaction.atomic
def fair_listing_add(*, exhibitor, product) -> FairListing:
    """List ``product`` at ``exhibitor``'s booth; refuse a product that fails the gate today."""
    if product.producer_id != exhibitor.producer_id:
        raise ValidationError(NOT_OWN_PRODUCT, code="not_own_product")
    if not is_listable(product):
        raise ValidationError(NOT_LISTABLE, code="not_listable")
    listing, _created = FairListing.objects.get_or_create(exhibitor=exhibitor, product=product)
    return listing
