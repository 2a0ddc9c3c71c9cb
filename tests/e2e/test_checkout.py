import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from oscar.core.loading import get_model

from tests.e2e.axe import severe_violations
from tests.factories import ProductFactory, SalesPointFactory, SalesPointStockFactory

pytestmark = pytest.mark.django_db(transaction=True)

Order = get_model("order", "Order")


def _producer_user(product, email):
    user = get_user_model().objects.create_user(username=email, email=email, password="mat-khau-dai-12345")
    user.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    product.producer.partner.users.add(user)
    return email


def _sign_in(page, email):
    page.goto("/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", "mat-khau-dai-12345")
    page.click("button[name='login_submit']")


def _add_to_basket_from_catalogue(page, product):
    page.goto("/catalogue/")
    page.get_by_role("link", name=product.title).first.click()
    page.locator("#add_to_basket_form").get_by_role("button").click()


def _guest_address_in_can_gio(page):
    page.goto("/checkout/")
    page.fill("#id_username", "khach@example.vn")
    page.check("#id_options_0")  # continue as a guest
    page.get_by_role("button", name=re.compile("Tiếp tục|Continue")).first.click()
    page.fill("#id_first_name", "Lan")
    page.fill("#id_last_name", "Nguyễn")
    page.fill("#id_phone_number", "0901 234 567")
    page.select_option("#id_province", "79")
    page.wait_for_selector("#id_commune option[value='27664']", state="attached")
    page.select_option("#id_commune", "27664")
    page.fill("#id_line1", "12 đường Lý Nhơn")
    page.get_by_role("button", name=re.compile("Tiếp tục|Continue")).first.click()


def test_guest_buys_from_two_producers_with_cod_and_each_producer_sees_its_own_line(page):
    salt = ProductFactory(title="Muối hạt Cần Giờ", stockrecords__price=30000)
    fish = ProductFactory(title="Khô cá đù Cần Giờ", stockrecords__price=180000)
    salt_user, fish_user = _producer_user(salt, "muoi@example.vn"), _producer_user(fish, "ca@example.vn")

    for product in (salt, fish):
        _add_to_basket_from_catalogue(page, product)
    _guest_address_in_can_gio(page)

    page.wait_for_url(re.compile(r"/checkout/payment-method/"))
    assert page.is_checked("#pay-cod")
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/checkout/preview/"))
    page.get_by_role("button", name=re.compile("Đặt hàng|Place order")).click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))

    order = Order.objects.get()
    assert order.lines.count() == 2 and order.status == "Chờ giao hàng"
    assert int(order.total_incl_tax) >= 210000

    for user, own, other in ((salt_user, salt, fish), (fish_user, fish, salt)):
        page.context.clear_cookies()
        _sign_in(page, user)
        page.goto(f"/dashboard/orders/{order.number}/")
        assert page.get_by_role("link", name=own.title).count() >= 1
        assert page.get_by_role("link", name=other.title).count() == 0


def test_guest_collects_at_a_sales_point_and_pays_by_vietqr(page, tmp_path):
    salt = ProductFactory(title="Muối hạt Cần Giờ", stockrecords__price=30000)
    point = SalesPointFactory(name="Điểm OCOP Khu du lịch Vàm Sát")
    SalesPointStockFactory(sales_point=point, product=salt, quantity=5)

    _add_to_basket_from_catalogue(page, salt)
    _guest_address_in_can_gio(page)

    page.wait_for_url(re.compile(r"/checkout/shipping-method/"))
    assert page.is_checked("#ship-delivery")  # delivery first, with its fee
    assert "30.000" in page.locator("label[for='ship-delivery']").inner_text()
    page.get_by_label(re.compile("Điểm OCOP Khu du lịch Vàm Sát")).check()
    page.screenshot(path=tmp_path / "shipping-method.png", full_page=True)
    assert severe_violations(page) == []
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_url(re.compile(r"/checkout/payment-method/"))
    page.check("#pay-vietqr")
    page.get_by_role("button", name="Tiếp tục").click()
    page.get_by_role("button", name=re.compile("Đặt hàng|Place order")).click()
    page.wait_for_url(re.compile(r"/checkout/thank-you/"))
    page.screenshot(path=tmp_path / "thank-you.png", full_page=True)
    assert severe_violations(page) == []

    order = Order.objects.get()
    assert order.preferences.pickup_point == point and order.total_incl_tax == 30000
    assert page.get_by_role("heading", name="Nhận hàng tại điểm bán").is_visible()
    assert page.locator("img.vietqr__code").is_visible()
    point_stock = point.stock.get()
    assert point_stock.quantity == 4
