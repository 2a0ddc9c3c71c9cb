import re

import pytest
from oscar.core.loading import get_model

from catalogue.certification import local_today
from catalogue.models import Certificate
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")


def test_shopper_cannot_check_out_a_product_revoked_while_in_the_basket(page):
    product = ProductFactory(title="Mắm tôm chua An Thới Đông")

    page.goto(product.get_absolute_url())
    page.get_by_role("button", name=re.compile("Thêm vào giỏ|Add to basket", re.I)).click()
    page.goto("/basket/")
    assert page.get_by_text(product.title).first.is_visible()

    # A certification officer revokes the certificate while the product sits in the basket.
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED,
        revoked_on=local_today(),
        revocation_decision_number="321/QĐ-UBND",
        revocation_reason="Vi phạm an toàn thực phẩm",
    )

    page.goto("/checkout/")

    page.wait_for_url(re.compile(r"/basket/$"))
    assert page.get_by_text("chứng nhận OCOP đã hết hạn hoặc bị thu hồi").first.is_visible()
    assert Order.objects.count() == 0
