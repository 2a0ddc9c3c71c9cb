"""Product names and descriptions and the product groups read in the visitor's language, the
Vietnamese where no translation is written; the Vietnamese stays the record search and reports read."""

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from catalogue.models import Product, ProductGroup
from tests.factories import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def salt():
    return ProductFactory(
        title="Muối hạt Cần Giờ", description="<p>Muối phơi nắng trên ruộng Lý Nhơn.</p>",
        title_en="Can Gio sea salt", description_en="<p>Sun-dried salt from the Ly Nhon fields.</p>",
        title_ko="껀저 천일염",
    )


def _page(product, language):
    return Client().get(product.get_absolute_url(), {"lang": language}).content.decode()


@pytest.mark.parametrize(("language", "name", "description"), [
    ("vi", "Muối hạt Cần Giờ", "Muối phơi nắng trên ruộng Lý Nhơn."),
    ("en", "Can Gio sea salt", "Sun-dried salt from the Ly Nhon fields."),
    ("ko", "껀저 천일염", "Muối phơi nắng trên ruộng Lý Nhơn."),  # no Korean description: the Vietnamese
    ("zh-hans", "Muối hạt Cần Giờ", "Muối phơi nắng trên ruộng Lý Nhơn."),
])
def test_the_product_page_reads_in_the_visitors_language_else_vietnamese(salt, language, name, description):
    page = _page(salt, language)

    assert f"<h1>{name}</h1>" in page and description in page


def test_a_translation_written_after_the_page_was_cached_shows_on_the_next_request(salt):
    assert "껀저 천일염" in _page(salt, "ko")  # now cached

    salt.title_ko = "껀저 굵은 천일염"
    salt.save()

    assert "껀저 굵은 천일염" in _page(salt, "ko")
    assert "껀저 굵은 천일염" in Client().get("/catalogue/", {"lang": "ko"}).content.decode()


def test_saving_in_another_language_keeps_the_vietnamese_record(salt):
    """Search, the page cache's triggers and the change log read the original column."""
    with translation.override("en"):
        product = Product.objects.get(pk=salt.pk)
        product.title = "Coarse sea salt"  # a write in English goes to the English name
        product.save()

    with connection.cursor() as cursor:
        cursor.execute("SELECT title, title_vi, title_en FROM catalogue_product WHERE id = %s", [salt.pk])
        assert cursor.fetchone() == ("Muối hạt Cần Giờ", "Muối hạt Cần Giờ", "Coarse sea salt")


@pytest.mark.parametrize(("language", "name"), [
    ("vi", "Thực phẩm"), ("en", "Food"), ("zh-hans", "食品"), ("ko", "식품"),
])
def test_product_groups_are_named_in_four_languages(salt, language, name):
    with translation.override(language):
        assert ProductGroup.objects.get(code="thuc-pham").name == name
    assert f">{name}<" in Client().get("/", {"lang": language}).content.decode()


def test_the_breadcrumb_leads_to_the_products_group_named_in_the_visitors_language(salt):
    """A bug fixed: the visible breadcrumb named Oscar's category, in Vietnamese on an English page,
    while the structured one named the group."""
    page = _page(salt, "en")

    assert '<a href="/catalogue/?group=thuc-pham">Food</a>' in page
    assert '<li class="breadcrumb-item active" aria-current="page">Can Gio sea salt</li>' in page


@pytest.mark.parametrize(("language", "total"), [
    ("vi", "Tổng tiền giỏ hàng hiện là <strong>150.000\xa0₫</strong>"),
    ("ko", "장바구니 합계는 이제 <strong>150,000\xa0₫</strong>입니다"),
])
def test_adding_to_the_basket_says_the_new_total_in_the_visitors_language(salt, language, total):
    """A bug fixed: Oscar's Vietnamese catalog leaves this message empty, so it read in English."""
    page = Client().post(
        reverse("basket:add", kwargs={"pk": salt.pk}), {"quantity": 1}, follow=True,
        HTTP_ACCEPT_LANGUAGE=language,
    ).content.decode()

    assert total in page and "Your basket total" not in page
