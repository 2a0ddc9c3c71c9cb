"""What a shopper can expect of search, on both backends (database and Elasticsearch)."""

from datetime import timedelta

import pytest
import time_machine

from catalogue.certification import local_today
from catalogue.models import Certificate, ProductGroup
from search.backends.base import SearchQuery
from tests.factories import CertificateFactory, ProductFactory, StockRecordFactory

pytestmark = pytest.mark.django_db

HUE = 46


@pytest.fixture
def fish_sauces(backend, reindex):
    products = [
        ProductFactory(title="Nước mắm Cần Giờ 40 độ đạm", description="<p>Ủ chượp từ cá cơm.</p>"),
        ProductFactory(title="Nước mắm nhĩ Lý Nhơn"),
        ProductFactory(title="Muối hạt Cần Giờ"),
        ProductFactory(title="Trà sâm Ngọc Linh"),
    ]
    reindex()
    return products


@pytest.mark.parametrize("text", ["nuoc mam", "NƯỚC MẮM", "nước mắm", "Nuoc Mam"])
def test_accents_and_case_do_not_change_the_results(fish_sauces, titles, text):
    assert titles(text=text) == ["Nước mắm Cần Giờ 40 độ đạm", "Nước mắm nhĩ Lý Nhơn"]


def test_products_matching_every_word_come_alone_when_there_are_some(fish_sauces, titles, search):
    assert titles(text="tra sam") == ["Trà sâm Ngọc Linh"]
    assert titles(text="nuoc mam 40 do") == ["Nước mắm Cần Giờ 40 độ đạm"]
    assert not search(text="nuoc mam 40 do").results.approximate


def test_with_no_product_matching_every_word_the_closest_come_first(fish_sauces, search):
    found = search(text="nuoc mam can hue")
    assert found.results.approximate
    # Three of the four words, two in the name, then one word in the name.
    assert [p.title for p in found.products][:2] == ["Nước mắm Cần Giờ 40 độ đạm", "Nước mắm nhĩ Lý Nhơn"]
    assert "Muối hạt Cần Giờ" in [p.title for p in found.products]


def test_words_match_the_producer_and_the_description(titles, reindex):
    ProductFactory(title="Khô cá dứa một nắng", producer__name="HTX Thủy sản Thạnh An",
                   description="Phơi một nắng trên giàn tre ở Cần Giờ.")
    reindex()
    assert titles(text="thanh an") == ["Khô cá dứa một nắng"]
    assert titles(text="gian tre") == ["Khô cá dứa một nắng"]


def test_a_revoked_product_never_appears_in_results_suggestions_or_facets(
    titles, search, suggestions, reindex, committed
):
    kept = ProductFactory(title="Nước mắm Cần Giờ loại 1")
    revoked = ProductFactory(title="Nước mắm Cần Giờ loại 2", certificate=None)
    certificate = CertificateFactory(product=revoked, stars=5)
    reindex()
    assert titles(text="nuoc mam") == [kept.title, revoked.title]

    with committed():
        certificate.status = Certificate.Status.REVOKED
        certificate.revoked_on = local_today()
        certificate.revocation_decision_number = "12/QĐ-UBND"
        certificate.save()

    assert titles(text="nuoc mam") == [kept.title]
    assert suggestions("nuoc m") == [kept.title]
    stars = search(text="nuoc mam").results.facets["stars"]
    assert [(facet.value, facet.count) for facet in stars] == [("4", 1)]


def test_an_expired_certificate_drops_out_with_no_reindex(titles, search, suggestions, reindex):
    ProductFactory(title="Muối tôm Tây Ninh")
    expiring = ProductFactory(title="Muối ớt Tây Ninh", certificate=None)
    CertificateFactory(product=expiring, valid_until=local_today() + timedelta(days=1))
    reindex()

    with time_machine.travel(local_today() + timedelta(days=3)):
        assert titles(text="muoi") == ["Muối tôm Tây Ninh"]
        assert suggestions("muoi") == ["Muối tôm Tây Ninh"]
        assert search().results.total == 1


def test_products_not_public_or_of_an_inactive_producer_are_not_found(titles, reindex):
    ProductFactory(title="Bánh tráng phơi sương Trảng Bàng")
    ProductFactory(title="Bánh tráng nướng Trảng Bàng", is_public=False)
    ProductFactory(title="Bánh tráng me Trảng Bàng", producer__is_active=False)
    reindex()
    assert titles(text="banh trang") == ["Bánh tráng phơi sương Trảng Bàng"]


def test_facets_count_listable_matches_by_stars_group_and_province(search, reindex):
    drinks = ProductGroup.objects.get(code="do-uong")
    ProductFactory(title="Trà sâm Ngọc Linh", certificate__stars=5, ocop_group=drinks)
    ProductFactory(title="Trà thanh trà Hương Vân", origin_province_code=HUE, origin_commune_code=None)
    ProductFactory(title="Trà cung đình Huế", origin_province_code=HUE, origin_commune_code=None,
                   ocop_group=drinks)
    ProductFactory(title="Trà hết hạn", certificate=None)  # no certificate: counted nowhere
    reindex()

    facets = search(text="tra").results.facets

    def counts(name):
        return {facet.value: facet.count for facet in facets[name]}

    assert counts("stars") == {"5": 1, "4": 2}
    assert counts("group") == {"do-uong": 2, "thuc-pham": 1}
    assert counts("province") == {str(HUE): 2, "79": 1}


def test_filters_narrow_the_results(titles, reindex):
    ProductFactory(title="Trà sâm Ngọc Linh", certificate__stars=5)
    ProductFactory(title="Thanh trà Hương Vân", origin_province_code=HUE, origin_commune_code=None)
    reindex()
    assert titles(stars=5) == ["Trà sâm Ngọc Linh"]
    assert titles(province=HUE) == ["Thanh trà Hương Vân"]
    assert titles(group="do-uong") == []


def test_sorting_by_price_stars_and_newest(search, reindex):
    cheap = ProductFactory(title="Muối hạt", stockrecords=None, certificate__stars=3)
    StockRecordFactory(product=cheap, partner=cheap.producer.partner, price=30000)
    dear = ProductFactory(title="Muối tôm", stockrecords=None, certificate__stars=5)
    StockRecordFactory(product=dear, partner=dear.producer.partner, price=90000)
    middle = ProductFactory(title="Muối ớt", stockrecords=None, certificate__stars=4)
    StockRecordFactory(product=middle, partner=middle.producer.partner, price=60000)
    reindex()

    def order(sort):
        return [product.title for product in search(text="muoi", sort=sort).products]

    assert order("price") == ["Muối hạt", "Muối ớt", "Muối tôm"]
    assert order("-price") == ["Muối tôm", "Muối ớt", "Muối hạt"]
    assert order("stars") == ["Muối tôm", "Muối ớt", "Muối hạt"]
    assert order("newest") == ["Muối ớt", "Muối tôm", "Muối hạt"]


def test_pages_split_the_results(search, reindex):
    ProductFactory.create_batch(5)
    reindex()
    first, last = search(per_page=2), search(per_page=2, page=3)
    assert first.results.total == 5 and len(first.products) == 2 and len(last.products) == 1
    assert not {p.pk for p in first.products} & {p.pk for p in last.products}


def test_matches_are_highlighted(fish_sauces, search):
    found = search(text="ca com")
    assert [p.title for p in found.products] == ["Nước mắm Cần Giờ 40 độ đạm"]
    assert "<mark>cá</mark> <mark>cơm</mark>" in found.results.highlights[found.products[0].pk]


def test_suggestions_complete_the_last_word(fish_sauces, suggestions):
    assert suggestions("nuoc mam c") == ["Nước mắm Cần Giờ 40 độ đạm"]
    assert suggestions("TRÀ S") == ["Trà sâm Ngọc Linh"]


def test_database_facets_are_cached_until_the_catalogue_changes():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.backends.database import DatabaseBackend

    ProductFactory(title="Muối hạt Cần Giờ", certificate__stars=4)
    backend, query = DatabaseBackend(), SearchQuery(text="muoi")
    first = backend.search(query, local_today())
    with CaptureQueriesContext(connection) as repeat:
        again = backend.search(query, local_today())
    assert again.facets == first.facets and len(repeat) < 4  # version, ids, highlights

    ProductFactory(title="Muối tôm Tây Ninh", certificate__stars=5)  # bumps the index version
    stars = {f.value: f.count for f in backend.search(query, local_today()).facets["stars"]}
    assert stars == {"4": 1, "5": 1}
