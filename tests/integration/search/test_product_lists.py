"""Search results, the catalogue and category pages only ever show listable products."""

import pytest
from oscar.test.factories import CategoryFactory

from catalogue.models import Certificate, ProductCategory
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _revoke(product):
    Certificate.objects.filter(product=product).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-02", revocation_decision_number="5/QĐ"
    )


def test_search_results_drop_a_revoked_product_on_the_next_request(client):
    kept = ProductFactory(title="Muối hạt Cần Giờ loại 1")
    revoked = ProductFactory(title="Muối hạt Cần Giờ loại 2")
    assert revoked.title in client.get("/search/?q=Muối").content.decode()

    _revoke(revoked)
    page = client.get("/search/?q=Muối").content.decode()

    assert kept.title in page and revoked.title not in page


def test_category_page_lists_listable_products_of_its_subtree_once(client):
    root = CategoryFactory(name="Thực phẩm")
    child = root.add_child(name="Hải sản khô")
    dried_fish = ProductFactory(title="Khô cá đù Cần Giờ")
    ProductCategory.objects.create(product=dried_fish, category=root)
    ProductCategory.objects.create(product=dried_fish, category=child)
    expired = ProductFactory(title="Khô cá lưỡi trâu hết hạn", certificate=None)
    CertificateFactory(product=expired, expired=True)
    ProductCategory.objects.create(product=expired, category=child)

    page = client.get(root.get_absolute_url()).content.decode()

    assert page.count("Khô cá đù Cần Giờ</a>") == 1
    assert expired.title not in page
