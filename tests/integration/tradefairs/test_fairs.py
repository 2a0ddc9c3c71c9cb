import pytest
from django.core.exceptions import ValidationError

from catalogue.models import Certificate
from tests.factories import CertificateFactory, ExhibitorFactory, ProductFactory
from tradefairs.selectors import officer_listings
from tradefairs.services import NOT_LISTABLE, fair_listing_add

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibitor():
    return ExhibitorFactory(booth="B07")


def _revoke(product):
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-11-20", revocation_decision_number="9/QĐ-UBND"
    )


def test_a_product_without_a_valid_certificate_cannot_be_listed_at_a_fair(exhibitor):
    expired = ProductFactory(producer=exhibitor.producer, certificate=None)
    CertificateFactory(product=expired, expired=True)

    with pytest.raises(ValidationError) as error:
        fair_listing_add(exhibitor=exhibitor, product=expired)

    assert error.value.messages == [str(NOT_LISTABLE)]
    assert not exhibitor.listings.exists()


def test_a_product_revoked_during_the_fair_leaves_the_public_page_and_shows_withdrawn_to_officers(
    client, admin_client, exhibitor
):
    product = ProductFactory(producer=exhibitor.producer, title="Muối hạt Lý Nhơn")
    fair_listing_add(exhibitor=exhibitor, product=product)
    url = exhibitor.fair.get_absolute_url()
    page = client.get(url).content.decode()
    assert "Gian hàng B07" in page and "Muối hạt Lý Nhơn" in page and ".svg" in page

    _revoke(product)

    assert "Muối hạt Lý Nhơn" not in client.get(url).content.decode()
    assert [o.withdrawn for o in officer_listings(exhibitor.fair)] == ["Đã rút: bị thu hồi ngày 20/11/2026"]
    assert "Đã rút: bị thu hồi ngày 20/11/2026" in admin_client.get(url).content.decode()


def test_an_expired_listing_shows_the_expiry_date_to_officers(exhibitor):
    product = ProductFactory(producer=exhibitor.producer)
    fair_listing_add(exhibitor=exhibitor, product=product)
    Certificate.objects.filter(product=product).update(valid_from="2020-01-01", valid_until="2023-01-01")

    assert [o.withdrawn for o in officer_listings(exhibitor.fair)] == ["Đã rút: hết hạn ngày 01/01/2023"]


def test_fairs_api_lists_exhibitors_by_booth_with_listable_products_only(client, exhibitor):
    shown = ProductFactory(producer=exhibitor.producer)
    hidden = ProductFactory(producer=exhibitor.producer)
    fair_listing_add(exhibitor=exhibitor, product=shown)
    fair_listing_add(exhibitor=exhibitor, product=hidden)
    _revoke(hidden)

    fair = client.get("/api/v1/fairs/").json()["results"][0]

    assert fair["slug"] == exhibitor.fair.slug and fair["exhibitors"][0]["booth"] == "B07"
    assert [p["code"] for p in fair["exhibitors"][0]["products"]] == [shown.upc]
    assert fair["exhibitors"][0]["products"][0]["qr_svg"].endswith(".svg")


def test_fair_catalogue_pdf_has_one_qr_per_listable_product(client, exhibitor):
    shown = [ProductFactory(producer=exhibitor.producer) for _ in range(2)]
    hidden = ProductFactory(producer=exhibitor.producer)
    for product in [*shown, hidden]:
        fair_listing_add(exhibitor=exhibitor, product=product)
    _revoke(hidden)

    response = client.get(f"{exhibitor.fair.get_absolute_url()}catalogue.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and response.content.count(b"/Subtype /Image") == 2
