import pytest

from catalogue.models import Certificate
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def test_sitemap_lists_listable_products_only(client, settings):
    settings.PUBLIC_BASE_URL = "https://ocop.example.vn"
    listable = ProductFactory()
    revoked = ProductFactory(certificate=None)
    CertificateFactory(product=revoked, revoked=True)

    xml = client.get("/sitemap.xml").content.decode()

    assert f"https://ocop.example.vn{listable.get_absolute_url()}" in xml
    assert revoked.get_absolute_url() not in xml


def test_a_revocation_removes_the_product_from_the_sitemap_on_the_next_request(client):
    product = ProductFactory()
    assert product.get_absolute_url() in client.get("/sitemap.xml").content.decode()

    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="1/QĐ"
    )

    assert product.get_absolute_url() not in client.get("/sitemap.xml").content.decode()
