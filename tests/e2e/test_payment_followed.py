"""A guest pays by transfer, the bank's notice arrives, and the guest's lookup shows it paid."""

import json
import os
import re
import urllib.request
from pathlib import Path

import pytest
from oscar.core.loading import get_model

from tests.checkout import sepay_notice
from tests.e2e.axe import severe_violations
from tests.e2e.test_checkout import _add_to_basket_from_catalogue, _guest_address_in_can_gio
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "screenshots"))


def _screenshot(page, name):
    """Kept for people to look at when SCREENSHOT_DIR is set (they are not compared)."""
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)


def _notify(live_server, body, key):
    request = urllib.request.Request(  # noqa: S310  the test's own live server
        f"{live_server.url}/webhooks/chuyen-khoan/", data=json.dumps(body).encode(), method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Apikey {key}"},
    )
    with urllib.request.urlopen(request) as response:  # noqa: S310  # nosec B310
        return json.load(response)


def test_guest_pays_by_transfer_and_follows_the_order_to_paid(page, live_server, settings, mailoutbox):
    settings.BANK_WEBHOOK_API_KEY = "khoa-e2e"
    product = ProductFactory(title="Mật ong hoa nhãn Hưng Yên", stockrecords__price=185000)

    _add_to_basket_from_catalogue(page, product)
    _guest_address_in_can_gio(page)
    page.wait_for_url(re.compile(r"/checkout/payment-method/"))  # home delivery, the only way here
    page.check("#pay-vietqr")
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/checkout/preview/"))
    preview = page.locator(".payment-choice")
    assert "Vietcombank" in preview.inner_text() and preview.locator("img.vietqr__code").is_visible()
    assert severe_violations(page) == []
    _screenshot(page, "checkout-preview-vietqr")
    page.get_by_role("button", name=re.compile("Đặt hàng|Place order")).click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))
    order = Order.objects.get()
    assert order.status == "Chờ thanh toán"

    assert _notify(live_server, sepay_notice(order), "khoa-e2e")["outcome"] == "paid"

    page.goto("/tra-cuu-don-hang/")
    page.fill("#id_number", order.number)
    page.fill("#id_contact", "0901 234 567")
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_url(re.compile(r"/don-hang/"))
    assert page.locator(".payment-state strong").inner_text() == "Đã thanh toán"
    assert "Đã thanh toán" in page.locator(".order-status").inner_text()
    assert severe_violations(page) == []
    _screenshot(page, "order-page-paid")

    paid_emails = [m for m in mailoutbox if "Đã thanh toán" in m.subject]
    assert [m.to for m in paid_emails] == [["khach@example.vn"]]
    assert page.url.removeprefix(live_server.url) in paid_emails[0].body
