"""Every public page type, as the app serves it, gets no error from the Nu Html Checker (vnu)."""

import re

import pytest
from django.urls import reverse

from checkout.tracking import order_page_path, order_token
from tests.checkout import Order, add_to_basket
from tests.factories import (
    CertificateFactory,
    ExhibitorFactory,
    LotFactory,
    ProductFactory,
    RawMaterialAreaFactory,
    SalesPointStockFactory,
    StampFactory,
    producer_page,
    story_page,
)
from tests.validators import html_errors
from traceability.models import TraceEvent

pytestmark = pytest.mark.django_db

STEPS = ("who", "address", "delivery or pickup", "payment", "preview", "thank you")


def _page(client, url, status=200, **data):
    response = client.post(url, data, follow=True) if data else client.get(url, follow=True)
    assert response.status_code == status, url
    return response.content.decode()


def _title(html):
    """The page's own title, without the shop's name."""
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).split("|")[0].split(" — ")[0].strip()


def test_public_pages_have_no_html_errors(client, tmp_path):
    product = ProductFactory(title="Muối hạt Cần Giờ", gtin="8930000000019", description="<p>Muối sạch.</p>")
    revoked = ProductFactory(certificate=None)
    CertificateFactory(product=revoked, revoked=True)
    page = producer_page(product.producer)
    story = story_page(product)
    point = SalesPointStockFactory(product=product).sales_point
    fair = ExhibitorFactory(producer=product.producer).fair
    fair.exhibitors.get().listings.create(product=product)
    area = RawMaterialAreaFactory(producer=product.producer)
    lot = LotFactory(product=product, code="L2026-01")
    lot.areas.add(area)
    TraceEvent.objects.create(
        lot=lot, step="harvesting", occurred_at="2026-03-02T06:00+07:00", place="Ruộng", area=area
    )
    stamp = StampFactory(lot=lot)

    pages = {
        "home": _page(client, "/"),
        "catalogue": _page(client, "/catalogue/"),
        "product": _page(client, product.get_absolute_url()),
        "search": _page(client, "/search/?q=muối"),
        "search, nothing found": _page(client, "/search/?q=zzzz"),
        "producer page": _page(client, page.url),
        "story": _page(client, story.url),
        "sales points": _page(client, "/diem-ban/"),
        "sales point": _page(client, point.get_absolute_url()),
        "fair": _page(client, fair.get_absolute_url()),
        "fairs": _page(client, "/hoi-cho/"),
        "product trace page": _page(client, "/01/08930000000019"),
        "unit trace page": _page(client, f"/01/08930000000019/10/L2026-01/21/{stamp.serial}"),
        "raw-material area": _page(client, f"/vung-nguyen-lieu/{area.pk}/"),
        "EPCIS namespace": _page(client, "/ns/ocop"),
        "404": _page(client, "/khong-co-trang-nay/", status=404),
        "410": _page(client, revoked.get_absolute_url(), status=410),
    }
    add_to_basket(client, product)
    pages["basket"] = _page(client, reverse("basket:summary"))
    pages["checkout: who"] = _page(client, reverse("checkout:index"))
    pages["checkout: address"] = _page(
        client, reverse("checkout:index"), username="khach@example.vn", options="anonymous"
    )
    pages["checkout: delivery or pickup"] = _page(
        client, reverse("checkout:shipping-address"),
        first_name="Lan", last_name="Nguyễn", line1="12 đường Lý Nhơn", phone_number="0901 234 567",
        province="79", commune="27664",
    )
    pages["checkout: payment"] = _page(client, reverse("checkout:shipping-method"), method_code="delivery")
    pages["checkout: preview"] = _page(client, reverse("checkout:payment-method"), payment_method="vietqr")
    pages["checkout: thank you"] = _page(client, reverse("checkout:preview"), action="place_order")
    order = Order.objects.get()
    order.lines.update(status="Đã giao")
    pages["order lookup"] = _page(client, reverse("order-lookup"))
    pages["order lookup, no match"] = _page(client, reverse("order-lookup"), 404, number="1", contact="x")
    pages["order page"] = _page(client, order_page_path(order))
    pages["review"] = _page(client, reverse("review-write", kwargs={
        "token": order_token(order), "line_id": order.lines.get().pk}))

    titles = {name: _title(html) for name, html in pages.items()}
    reached = [titles[f"checkout: {step}"] for step in STEPS]
    assert reached[:5] == [
        "Cổng thanh toán", "Địa chỉ giao hàng", "Cách nhận hàng", "Cách thanh toán", "Xem trước đơn hàng",
    ]
    assert reached[5].endswith("xác nhận")  # the order was placed
    assert titles["404"] == "Không tìm thấy trang"
    assert html_errors(pages, tmp_path) == {}
