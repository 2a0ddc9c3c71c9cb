"""An officer's revocation file takes products out of every list, the sitemap, the API and baskets at once."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from catalogue.models import Product
from catalogue.partner.strategy import NOT_LISTABLE_MESSAGE
from tests.ocop_files import csv_bytes, ocop_row

pytestmark = pytest.mark.django_db

REVOKED = range(1, 4)


def _import(tmp_path, rows, name):
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows))
    call_command("import_ocop", str(path))


def _give_stock(products):
    from catalogue.partner.models import StockRecord

    for product in products:
        StockRecord.objects.create(
            product=product, partner=product.producer.partner, partner_sku=product.upc,
            price_currency="VND", price=90000, num_in_stock=10,
        )


def test_revocation_file_removes_products_everywhere_on_the_next_request(client, tmp_path):
    _import(tmp_path, [ocop_row(n) for n in range(1, 11)], "recognitions.csv")
    products = {p.upc: p for p in Product.objects.all()}
    _give_stock(products.values())
    revoked = [products[f"OCOP-T{n:05d}"] for n in REVOKED]
    client.post(reverse("basket:add", kwargs={"pk": revoked[0].pk}), {"quantity": 1})

    _import(
        tmp_path,
        [ocop_row(n, status="revoked", revocation_decision="45/QĐ-UBND", revoked_on="02/06/2025",
                  revocation_reason="Không đánh giá lại") for n in REVOKED],
        "revocations.csv",
    )

    basket = client.get(reverse("basket:summary")).content.decode()  # also shows the add message
    catalogue = client.get("/catalogue/?page=1").content.decode()
    sitemap = client.get("/sitemap-products.xml").content.decode()
    api_codes = {p["code"] for p in client.get("/api/v1/products/?page_size=100").json()["results"]}
    for product in revoked:
        assert product.title + "<" not in catalogue
        assert product.get_absolute_url() not in sitemap
        assert product.upc not in api_codes
        gone = client.get(product.get_absolute_url())
        assert gone.status_code == 410 and "45/QĐ-UBND" in gone.content.decode()
    assert str(NOT_LISTABLE_MESSAGE) in basket
    assert len(api_codes) == 7
    checkout = client.get(reverse("checkout:index"), follow=True)
    assert checkout.redirect_chain[-1][0] == reverse("basket:summary")
