from decimal import Decimal

import pytest

from catalogue.models import Certificate
from tests.factories import ExhibitorFactory, ProductFactory, SalesPointFactory, SalesPointStockFactory
from tradefairs.models import FairListing

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def offline_tiles(page):
    """No network here: tile requests get an empty answer, as on a phone without data."""
    page.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(status=204, body=""))
    return page


def _popups(page):
    """The text of every marker's popup, opened one after the other."""
    texts = []
    for n in range(page.locator(".leaflet-marker-icon").count()):
        page.locator(".leaflet-marker-icon").nth(n).click()
        texts.append(page.locator(".leaflet-popup-content").last.inner_text())
    return "\n".join(texts)


def test_a_revoked_product_leaves_the_map_popups_the_sales_point_page_and_the_fair_page(offline_tiles):
    page = offline_tiles
    product = ProductFactory(title="Muối hạt Lý Nhơn")
    point = SalesPointFactory(name="Điểm OCOP Khu du lịch sinh thái Vàm Sát")
    SalesPointStockFactory(sales_point=point, product=product)
    SalesPointFactory(name="Quầy OCOP Phú Bài", latitude=Decimal("16.401"), longitude=Decimal("107.7029"))
    exhibitor = ExhibitorFactory(producer=product.producer, booth="B07")
    FairListing.objects.create(exhibitor=exhibitor, product=product)
    pages = {"sales point": point.get_absolute_url(), "fair": exhibitor.fair.get_absolute_url()}

    page.goto("/diem-ban/")
    page.wait_for_selector("#sales-point-map[data-ready='2']")
    assert page.locator(".leaflet-marker-icon").count() == 2
    assert "Muối hạt Lý Nhơn" in _popups(page)
    for url in pages.values():
        page.goto(url)
        assert page.get_by_role("link", name="Muối hạt Lý Nhơn", exact=True).count() == 1

    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="9/QĐ-UBND"
    )
    page.goto("/diem-ban/")
    page.wait_for_selector("#sales-point-map[data-ready='2']")
    popups = _popups(page)
    assert "Vàm Sát" in popups and "Muối hạt Lý Nhơn" not in popups
    assert "Muối hạt Lý Nhơn" not in page.locator(".sales-point-list").inner_text()
    for url in pages.values():
        page.goto(url)
        assert "Muối hạt Lý Nhơn" not in page.locator("main").inner_text()


def test_near_me_sorts_the_list_from_the_browser_position(browser, live_server, page):
    SalesPointFactory(name="Quầy OCOP Phú Bài", latitude=Decimal("16.401"), longitude=Decimal("107.7029"))
    SalesPointFactory(name="Điểm OCOP Vàm Sát")
    context = browser.new_context(
        base_url=live_server.url, geolocation={"latitude": 16.46, "longitude": 107.59},
        permissions=["geolocation"], locale="vi-VN",
    )
    phone = context.new_page()
    phone.route("https://tile.openstreetmap.org/**", lambda route: route.fulfill(status=204, body=""))
    try:
        phone.goto("/diem-ban/")
        phone.get_by_role("button", name="Gần tôi").click()
        phone.wait_for_url("**near=*")
        names = phone.locator(".sales-point h2").all_inner_texts()
        assert names == ["Quầy OCOP Phú Bài", "Điểm OCOP Vàm Sát"]
        assert "km" in phone.locator(".sales-point").first.inner_text()
    finally:
        context.close()


def test_list_works_without_javascript(browser, live_server, page):
    SalesPointFactory(name="Điểm OCOP Vàm Sát")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    plain = context.new_page()
    try:
        plain.goto("/diem-ban/?province=79")
        assert plain.locator(".sales-point h2").all_inner_texts() == ["Điểm OCOP Vàm Sát"]
    finally:
        context.close()
