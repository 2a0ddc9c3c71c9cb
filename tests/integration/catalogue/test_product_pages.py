"""Product URLs of products that fail the listing gate answer 410 with the reason."""

from datetime import date

import pytest
from django.urls import reverse

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


def test_uncertified_product_answers_410_as_not_certified(client):
    product = ProductFactory(uncertified=True)

    response = client.get(product.get_absolute_url())

    assert response.status_code == 410
    assert "chưa có chứng nhận OCOP còn hiệu lực" in response.content.decode()


@pytest.mark.parametrize("slug", ["", "wrong-slug"])
def test_every_url_of_a_revoked_product_answers_410_without_a_redirect(client, slug):
    product, _ = _with_certificate(revoked=True)

    response = client.get(reverse("catalogue:detail", kwargs={"product_slug": slug, "pk": product.pk}))

    assert response.status_code == 410


def test_slugless_url_of_a_listable_product_still_redirects_to_its_page(client):
    product = ProductFactory()

    response = client.get(reverse("catalogue:detail", kwargs={"product_slug": "", "pk": product.pk}))

    assert response.status_code == 301 and response["Location"] == product.get_absolute_url()


def test_gone_page_names_the_producer_and_lists_the_certificate_history_newest_first(client):
    product, old = _with_certificate(expired=True)
    newer = CertificateFactory(product=product, revoked=True, valid_from=date(2023, 2, 1))

    page = client.get(product.get_absolute_url()).content.decode()

    assert product.producer.name in page
    assert "Lịch sử chứng nhận OCOP" in page
    assert page.index(newer.decision.number) < page.index(old.decision.number)
    assert "Đã thu hồi" in page and "Đã hết hạn" in page


def test_review_pages_are_switched_off_so_they_cannot_show_a_gone_product(client):
    """Oscar's review pages show price and stock; OSCAR_HIDDEN_FEATURES keeps them unrouted."""
    product, _ = _with_certificate(revoked=True)

    response = client.get(f"/catalogue/{product.slug}_{product.pk}/reviews/")

    assert response.status_code == 404
    assert "123.000" not in response.content.decode()


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
