"""Product URLs of products that fail the listing gate answer 410 with the reason."""

import pytest

from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _with_certificate(**traits):
    product = ProductFactory(certificate=None, stockrecords__price=123000)
    certificate = CertificateFactory(product=product, **traits)
    return product, certificate


def test_listable_product_page_answers_200(client):
    product = ProductFactory()
    assert client.get(product.get_absolute_url()).status_code == 200


def test_revoked_product_answers_410_with_decision_reason_and_date(client):
    product, certificate = _with_certificate(revoked=True)

    response = client.get(product.get_absolute_url())
    page = response.content.decode()

    assert response.status_code == 410
    assert certificate.revocation_decision_number in page
    assert certificate.revocation_reason in page
    assert certificate.revoked_on.strftime("%d/%m/%Y") in page
    assert '<meta name="robots" content="noindex">' in page
    assert "123.000" not in page
    assert "add-to-basket" not in page and "Sản phẩm OCOP 4 sao" not in page


def test_expired_product_answers_410_saying_when_it_expired(client):
    product, certificate = _with_certificate(expired=True)

    response = client.get(product.get_absolute_url())

    assert response.status_code == 410
    assert f"hết hạn ngày {certificate.valid_until:%d/%m/%Y}" in response.content.decode()


def test_two_star_product_answers_410(client):
    product, _ = _with_certificate(two_stars=True)
    assert client.get(product.get_absolute_url()).status_code == 410


def test_product_switched_off_by_its_producer_is_a_plain_404(client):
    product = ProductFactory(is_public=False)
    assert client.get(product.get_absolute_url()).status_code == 404


def test_staff_still_see_a_revoked_product_with_its_status(admin_client):
    product, certificate = _with_certificate(revoked=True)

    response = admin_client.get(product.get_absolute_url())

    assert response.status_code == 200
    assert "Không hiển thị với khách hàng" in response.content.decode()
    assert certificate.revocation_decision_number in response.content.decode()


def test_renewed_product_shows_its_certificate_history(client):
    product, old = _with_certificate(superseded=True, stars=3, score=60)
    CertificateFactory(product=product, supersedes=old, stars=4)

    page = client.get(product.get_absolute_url()).content.decode()

    assert old.decision.number in page
    assert "Đã được thay thế" in page


def test_product_page_links_to_its_trace_page(client):
    product = ProductFactory(gtin="8930000000019")

    page = client.get(product.get_absolute_url()).content.decode()

    assert 'href="/01/08930000000019"' in page
    assert client.get("/01/08930000000019").status_code == 200
