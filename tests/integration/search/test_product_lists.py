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


def test_search_page_marks_matches_and_offers_facet_links(client):
    ProductFactory(title="Mắm cá cơm Cần Giờ", description="<p>Cá cơm ủ chượp 12 tháng.</p>")
    ProductFactory(title="Trà sâm Ngọc Linh", certificate__stars=5)

    page = client.get("/search/?q=ca+com").content.decode()

    assert "<mark>Cá</mark> <mark>cơm</mark> ủ chượp" in page
    assert 'href="?q=ca+com&amp;stars=4"' in page and "4★ <span class=\"facets__count\">(1)</span>" in page
    assert "Trà sâm Ngọc Linh" not in page


def test_chosen_facet_links_back_to_the_unfiltered_list(client):
    ProductFactory(title="Trà sâm Ngọc Linh", certificate__stars=5)
    ProductFactory(title="Muối hạt Cần Giờ")

    page = client.get("/catalogue/?stars=5").content.decode()

    assert "Trà sâm Ngọc Linh" in page and "Muối hạt Cần Giờ" not in page
    assert 'href="?" aria-current="true"' in page


def test_suggestions_endpoint_answers_json_with_listable_products_only(client):
    salt = ProductFactory(title="Muối hạt Cần Giờ")
    _revoke(ProductFactory(title="Muối tôm Cần Giờ"))

    answer = client.get("/search/suggest/?q=muoi").json()

    assert answer == {"suggestions": [{"name": salt.title, "url": salt.get_absolute_url()}]}
    assert client.get("/search/suggest/?q=").json() == {"suggestions": []}


def test_sorting_by_price_on_the_catalogue_page(client):
    ProductFactory(title="Muối đắt", stockrecords__price=90000)
    ProductFactory(title="Muối rẻ", stockrecords__price=30000)

    page = client.get("/catalogue/?sort=price").content.decode()

    assert page.index("Muối rẻ") < page.index("Muối đắt")


def test_a_search_finding_nothing_offers_close_queries_and_the_product_groups(client):
    ProductFactory(title="Bưởi da xanh Bình Thành")

    page = client.get("/search/?q=zbuoi+qxanh").content.decode()

    assert "Không tìm thấy sản phẩm nào." in page and "khớp chính xác" not in page
    assert '<a href="?q=buoi%20xanh">buoi xanh</a>' in page  # unknown words replaced by the nearest
    assert '<a href="/catalogue/?group=thuc-pham">Thực phẩm</a>' in page


def test_a_search_with_no_product_matching_every_word_says_so(client):
    ProductFactory(title="Bưởi da xanh Bình Thành")

    page = client.get("/search/?q=bưởi+huế").content.decode()

    assert "Bưởi da xanh Bình Thành" in page
    assert "Không có sản phẩm khớp chính xác với “bưởi huế”; đây là các kết quả gần nhất." in page
