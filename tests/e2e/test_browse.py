import re

import pytest

from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_shopper_follows_a_product_from_the_home_page_and_sees_its_price_in_vnd(page):
    product = ProductFactory(title="Nước mắm Cần Giờ", stockrecords__price=125000)

    page.goto("/")
    page.get_by_role("link", name=re.compile(product.title)).first.click()

    page.wait_for_url(re.compile(re.escape(product.get_absolute_url())))
    assert page.get_by_role("heading", name=product.title).is_visible()
    assert page.get_by_text("125.000 ₫").first.is_visible()
