import re

import pytest

from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_shopper_types_without_accents_picks_a_suggestion_and_narrows_by_stars(page):
    ProductFactory(title="Nước mắm Cần Giờ", certificate__stars=5)
    ProductFactory(title="Nước mắm nhĩ Lý Nhơn", certificate__stars=4)
    ProductFactory(title="Muối hạt Cần Giờ")

    page.goto("/")
    page.fill("#site-search-q", "nuoc m")
    suggestions = page.locator("#site-search-suggestions option")
    suggestions.first.wait_for(state="attached")
    assert sorted(suggestions.evaluate_all("options => options.map(o => o.value)")) == [
        "Nước mắm Cần Giờ", "Nước mắm nhĩ Lý Nhơn"
    ]

    page.fill("#site-search-q", "nuoc mam")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=nuoc\+mam"))
    assert page.get_by_text("2 sản phẩm").is_visible()

    page.get_by_role("link", name="5★ (1)").click()
    page.wait_for_url(re.compile(r"stars=5"))
    assert page.get_by_role("link", name="Nước mắm Cần Giờ").is_visible()
    assert page.get_by_role("link", name="Nước mắm nhĩ Lý Nhơn").count() == 0
