from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from catalogue.models import Certificate
from salespoints.models import SalesPointStock
from salespoints.selectors import Coordinates, sales_points_stocking, stock_for_sales_point, with_distance
from tests.factories import CertificateFactory, ProductFactory, SalesPointFactory, SalesPointStockFactory

pytestmark = pytest.mark.django_db

HUE_AIRPORT = (Decimal("16.401000"), Decimal("107.702900"))
HOI_AN = (Decimal("15.876800"), Decimal("108.329000"))
VAM_SAT = (Decimal("10.486200"), Decimal("106.801200"))


def _revoke(product):
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="9/QĐ-UBND"
    )


def test_a_sales_point_shows_only_listable_products():
    point = SalesPointFactory()
    listable = SalesPointStockFactory(sales_point=point).product
    revoked = SalesPointStockFactory(sales_point=point).product
    _revoke(revoked)
    expired = ProductFactory(certificate=None)
    CertificateFactory(product=expired, expired=True)
    SalesPointStockFactory(sales_point=point, product=expired)

    assert [line.product for line in stock_for_sales_point(point)] == [listable]


def test_sales_points_stocking_a_product_exclude_those_out_of_stock_and_drop_it_once_revoked():
    product = ProductFactory()
    stocked = SalesPointStockFactory(product=product).sales_point
    SalesPointStockFactory(product=product, level=SalesPointStock.Level.OUT)

    assert list(sales_points_stocking(product)) == [stocked]
    _revoke(product)
    assert list(sales_points_stocking(product)) == []


def test_near_sorts_points_nearest_first_with_their_distance_in_km():
    hue = SalesPointFactory(latitude=HUE_AIRPORT[0], longitude=HUE_AIRPORT[1])
    hoi_an = SalesPointFactory(latitude=HOI_AN[0], longitude=HOI_AN[1])
    vam_sat = SalesPointFactory(latitude=VAM_SAT[0], longitude=VAM_SAT[1])
    SalesPointFactory(latitude=None, longitude=None)

    points = list(with_distance(hue.__class__.objects.all(), Coordinates(16.0544, 108.2022)))  # Đà Nẵng

    assert points == [hoi_an, hue, vam_sat]
    assert 22 < points[0].distance_km < 26  # Đà Nẵng → Hội An ≈ 24 km as the crow flies
    assert 60 < points[1].distance_km < 75  # Đà Nẵng → Phú Bài ≈ 67 km


def test_negative_stock_is_refused_with_a_clear_message():
    point, product = SalesPointFactory(), ProductFactory()
    line = SalesPointStockFactory.build(sales_point=point, product=product, quantity=-1)

    with pytest.raises(ValidationError) as error:
        line.full_clean()
    assert "Số lượng không được âm." in error.value.messages
    line.quantity = -1
    with pytest.raises(IntegrityError):
        line.save()


def test_sales_point_page_lists_its_listable_products_and_hides_a_revoked_one(client):
    point = SalesPointFactory(name="Điểm OCOP Khu du lịch sinh thái Vàm Sát")
    shown = SalesPointStockFactory(sales_point=point, product__title="Muối hạt Lý Nhơn").product
    hidden = SalesPointStockFactory(sales_point=point, product__title="Khô cá dứa Cần Giờ").product
    _revoke(hidden)

    page = client.get(point.get_absolute_url()).content.decode()

    assert "Điểm OCOP Khu du lịch sinh thái Vàm Sát" in page
    assert shown.title in page and hidden.title not in page


def test_sales_point_list_filters_by_province_and_product_and_sorts_near_a_position(client):
    hue = SalesPointFactory(name="Quầy OCOP Phú Bài", province_code=46, commune_code=19960,
                            latitude=HUE_AIRPORT[0], longitude=HUE_AIRPORT[1])
    vam_sat = SalesPointFactory(name="Điểm OCOP Vàm Sát")
    product = SalesPointStockFactory(sales_point=vam_sat).product

    by_province = client.get("/diem-ban/", {"province": 46}).context["sales_points"]
    by_product = client.get("/diem-ban/", {"product": product.upc}).context["sales_points"]
    near = client.get("/diem-ban/", {"near": "10.77,106.70"}).context["sales_points"]  # Sài Gòn

    assert by_province == [hue]
    assert by_product == [vam_sat]
    assert near == [vam_sat, hue] and near[0].distance_km < near[1].distance_km


def test_sales_point_list_sorts_near_a_chosen_commune(client):
    hue = SalesPointFactory(province_code=46, commune_code=19960,
                            latitude=HUE_AIRPORT[0], longitude=HUE_AIRPORT[1])
    vam_sat = SalesPointFactory()

    near = client.get("/diem-ban/", {"commune": 19960}).context["sales_points"]

    assert near == [hue, vam_sat]


def test_sales_point_list_works_without_map_tiles(client, settings):
    settings.SALES_POINT_MAP_TILES = ""
    SalesPointFactory(name="Điểm OCOP Vàm Sát")

    page = client.get("/diem-ban/").content.decode()

    assert "Điểm OCOP Vàm Sát" in page and "leaflet.js" not in page


def test_product_page_shows_the_sales_points_that_have_it_in_stock(client):
    product = ProductFactory()
    SalesPointStockFactory(product=product, sales_point__name="Điểm OCOP chợ Đông Ba")
    SalesPointStockFactory(product=product, sales_point__name="Quầy hết hàng", level="out")

    page = client.get(product.get_absolute_url()).content.decode()

    assert "Điểm OCOP chợ Đông Ba" in page and "Quầy hết hàng" not in page


def test_api_lists_sales_points_nearest_first_with_distance_and_listable_products_only(client):
    hue = SalesPointFactory(slug="hue", latitude=HUE_AIRPORT[0], longitude=HUE_AIRPORT[1])
    vam_sat = SalesPointFactory(slug="vam-sat")
    listable = SalesPointStockFactory(sales_point=vam_sat).product
    revoked = SalesPointStockFactory(sales_point=vam_sat).product
    _revoke(revoked)

    body = client.get("/api/v1/sales-points/", {"near": "16.46,107.59"}).json()  # Huế

    assert [item["slug"] for item in body["results"]] == [hue.slug, vam_sat.slug]
    assert body["results"][0]["distance_km"] < body["results"][1]["distance_km"]
    assert [p["code"] for p in body["results"][1]["products"]] == [listable.upc]
    assert client.get("/api/v1/sales-points/", {"near": "abc"}).status_code == 422


def test_trace_page_shows_the_sales_points_stocking_a_listable_product_only(client):
    from gs1.links import product_trace_path

    product = ProductFactory(gtin="")
    SalesPointStockFactory(product=product, sales_point__name="Điểm OCOP chợ Hàng Dương")

    assert "Điểm OCOP chợ Hàng Dương" in client.get(product_trace_path(product)).content.decode()
    _revoke(product)
    assert "Điểm OCOP chợ Hàng Dương" not in client.get(product_trace_path(product)).content.decode()
