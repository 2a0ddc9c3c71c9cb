"""Nhật ký thay đổi: who changed what, when, read by the officers of the province concerned."""

import re

import pytest
from auditlog.context import set_actor
from django.contrib.auth import get_user_model

from access import grants
from catalogue.importing import import_ocop
from tests.factories import ProductFactory, SalesPointFactory
from tests.ocop_files import csv_bytes, ocop_row

pytestmark = pytest.mark.django_db

HCM, HUE = 79, 46
LOG = "/cms/ocop/nhat-ky/"


def _officer(username, province, role=grants.add_officer):
    email = f"{username}@sct.gov.vn"
    officer = get_user_model().objects.create_user(username, email, "pw", first_name=username)
    role(officer, province)
    return officer


def test_an_officer_reads_who_changed_its_provinces_sales_point_and_prices(client):
    officer = _officer("can-bo-hcm", HCM)
    producer_user = get_user_model().objects.create_user("chu", "c@x.vn")
    point = SalesPointFactory(name="Điểm OCOP Cần Giờ", opening_hours="7:00–17:00")
    product = ProductFactory(title="Muối tôm Cần Giờ", stockrecords__price=45000)
    client.force_login(officer)
    client.post(f"/cms/snippets/salespoints/salespoint/edit/{point.pk}/", {
        "name": point.name, "slug": point.slug, "kind": point.kind, "province_code": HCM,
        "commune_code": point.commune_code, "street": point.street, "opening_hours": "6:00–18:00",
        "phone": "", "is_active": "on"})
    with set_actor(producer_user):
        stock = product.stockrecords.get()
        stock.price = 48000
        stock.save()
        product.is_public = False
        product.save()

    page = client.get(LOG).content.decode()

    assert "Điểm OCOP Cần Giờ" in page and "7:00–17:00 → 6:00–18:00" in page and "can-bo-hcm" in page
    assert re.search(r"45[.,]?000(\.00)? → 48[.,]?000", page)
    assert "Muối tôm Cần Giờ" in page and "c@x.vn" in page


def test_an_import_is_logged_as_the_system_and_other_provinces_do_not_see_it(client):
    import_ocop(csv_bytes([ocop_row(1)]), "tay-ninh.csv")  # Tây Ninh
    client.force_login(_officer("can-bo-hue", HUE, grants.add_certification_officer))
    hue_page = client.get(LOG).content.decode()
    client.force_login(_officer("can-bo-tay-ninh", 80, grants.add_certification_officer))
    tay_ninh_page = client.get(LOG).content.decode()

    assert "Bánh tráng phơi sương Trảng Bàng 1" in tay_ninh_page and "hệ thống" in tay_ninh_page
    assert "Bánh tráng phơi sương Trảng Bàng 1" not in hue_page


def test_the_log_is_closed_to_producers_and_shoppers(client):
    client.force_login(get_user_model().objects.create_user("khach", "k@x.vn", "pw"))
    assert client.get(LOG).status_code == 302
