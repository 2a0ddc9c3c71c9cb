import importlib

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.template import Context, Template
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, clear_url_caches, resolve
from django.views.static import serve

from catalogue.models import ProductGroup
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def test_home_lists_listable_products_with_prices_in_vnd(client):
    ProductFactory(title="Muối hạt Cần Giờ", stockrecords__price=150000)
    expired = ProductFactory(title="Khô cá đù hết hạn", certificate=None)
    CertificateFactory(product=expired, expired=True)

    page = client.get("/").content.decode()

    assert "Muối hạt Cần Giờ" in page
    assert "150.000\xa0₫" in page
    assert "Khô cá đù hết hạn" not in page


def test_home_uses_the_same_number_of_queries_for_one_or_many_products(
    client, django_assert_num_queries
):
    ProductFactory()
    client.get("/")  # warm caches (site root, thumbnails)
    with CaptureQueriesContext(connection) as one:
        client.get("/")
    queries_for_one = len(one.captured_queries)  # read now: each request clears the log
    ProductFactory.create_batch(6)
    for _ in range(2):  # thumbnails of the new images are generated on first render
        client.get("/")
    with django_assert_num_queries(queries_for_one):
        client.get("/")


def test_product_page_shows_badge_price_and_certificate(client):
    product = ProductFactory(stockrecords__price=95000)
    certificate = product.certificates.get()

    page = client.get(product.get_absolute_url()).content.decode()

    assert "Sản phẩm OCOP 4 sao" in page
    assert "95.000\xa0₫" in page
    assert certificate.decision.number in page
    assert certificate.valid_until.strftime("%d/%m/%Y") in page


def test_catalogue_filters_by_stars_and_group(client):
    four = ProductFactory(title="Trà bốn sao")
    five = ProductFactory(
        title="Sâm năm sao", certificate=None, ocop_group=ProductGroup.objects.get(code="thao-duoc")
    )
    CertificateFactory(product=five, stars=5, score=93)

    by_stars = client.get("/catalogue/?stars=5").content.decode()
    by_group = client.get("/catalogue/?group=thao-duoc").content.decode()

    assert five.title in by_stars and four.title not in by_stars
    assert five.title in by_group and four.title not in by_group


def test_star_badge_renders_nothing_for_a_product_that_is_not_listable():
    revoked = ProductFactory(certificate=None)
    CertificateFactory(product=revoked, revoked=True)
    template = Template("{% load ocop %}[{% star_badge product %}]")

    assert template.render(Context({"product": revoked})).replace("\n", "") == "[]"
    assert "OCOP 4 sao" in template.render(Context({"product": ProductFactory()}))


def test_language_switch_turns_the_page_english_and_keeps_vietnamese_as_default(client):
    assert client.get("/").headers["Content-Language"] == "vi"

    response = client.post("/i18n/setlang/", {"language": "en", "next": "/catalogue/"})

    assert response.headers["Location"] == "/catalogue/"
    assert client.get("/catalogue/").headers["Content-Language"] == "en"


@pytest.mark.parametrize(("accept", "language"), [
    ("ko-KR,ko;q=0.9,en;q=0.8", "ko"), ("zh-CN,zh;q=0.9", "zh-hans"), ("en-US,en;q=0.9", "en"),
    ("fr-FR,fr;q=0.9", "vi"), ("", "vi"),
])
def test_a_first_visit_answers_in_the_browser_language(client, accept, language):
    response = client.get("/catalogue/", headers={"accept-language": accept})

    assert response.headers["Content-Language"] == language
    assert f'<html lang="{language}"' in response.content.decode()
    assert "Accept-Language" in response.headers["Vary"]


def test_the_switcher_remembers_the_choice_in_a_cookie_over_the_browser_and_the_url(client):
    page = client.get("/catalogue/?stars=4&lang=en", headers={"accept-language": "ko"}).content.decode()
    assert '<a href="/ngon-ngu/zh-hans/?next=%2Fcatalogue%2F%3Fstars%3D4" lang="zh-hans"' in page

    response = client.get("/ngon-ngu/zh-hans/", {"next": "/catalogue/?stars=4&lang=en"})

    assert response.status_code == 302 and response.headers["Location"] == "/catalogue/?stars=4"
    assert response.cookies["django_language"].value == "zh-hans"
    assert "sessionid" not in response.cookies
    again = client.get("/catalogue/?stars=4", headers={"accept-language": "ko"})
    assert again.headers["Content-Language"] == "zh-hans"
    assert client.get("/catalogue/?lang=en").headers["Content-Language"] == "en"  # one page's own URL


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"])
def test_the_switcher_goes_back_only_to_this_site(client, target):
    response = client.get("/ngon-ngu/en/", {"next": target})
    assert response.headers["Location"] == "/"


def test_the_switcher_refuses_a_language_we_do_not_have(client):
    assert client.get("/ngon-ngu/fr/").status_code == 404


def test_every_page_lists_its_translations_for_search_engines(client):
    page = client.get("/catalogue/?stars=4").content.decode()

    for hreflang, code in [("vi", "vi"), ("en", "en"), ("zh-Hans", "zh-hans"), ("ko", "ko")]:
        assert f'hreflang="{hreflang}" href="http://testserver/catalogue/?stars=4&amp;lang={code}"' in page
    assert 'hreflang="x-default" href="http://testserver/catalogue/?stars=4"' in page


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_favicon_ico_points_to_our_icon_instead_of_a_404_page(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301 and response["Location"].endswith("storefront/img/favicon.svg")
    assert finders.find("storefront/img/favicon.svg")


def reload_urls():
    clear_url_caches()
    return importlib.reload(importlib.import_module("storefront.urls"))


@pytest.fixture
def urls_reloaded_after():
    """storefront.urls decides at import whether it serves media: reload it once more afterwards, under the
    test settings, so that no other test sees the routes of another test's settings."""
    yield
    reload_urls()


@pytest.mark.parametrize(("debug", "serve_media", "served"), [(True, False, True), (False, True, True),
                                                             (False, False, False)])
@pytest.mark.usefixtures("urls_reloaded_after")
def test_uploaded_images_are_served_by_the_demo_and_a_single_box_trial(debug, serve_media, served):
    """A bug fixed: SERVE_MEDIA defaulted to base settings' DEBUG (off) before dev settings turned
    DEBUG on, so `make run` served no product image."""
    with override_settings(DEBUG=debug, SERVE_MEDIA=serve_media):
        urls = reload_urls()
    try:
        view = resolve("/media/demo/muoi-hat-can-gio.jpg", urlconf=urls).func
    except Resolver404:
        view = None
    assert (view is serve) == served


OSCAR_SCRIPTS = ("jquery.min.js", "bootstrap.bundle.min.js", "oscar/ui.js", "oscar.init()")


@pytest.mark.parametrize(("url", "loads"), [
    ("/", False), ("/catalogue/", False), ("product", False), ("/search/?q=muoi", False),
    ("/diem-ban/", False), ("/hoi-cho/", False), ("/basket/", True), ("/accounts/login/", True),
])
def test_oscar_scripts_load_only_on_the_shop_pages_that_use_them(client, url, loads):
    """55 KB of jQuery, Bootstrap's script and ui.js on every page kept home and catalogue over
    250 KiB; only the basket, checkout and account pages use them."""
    url = ProductFactory().get_absolute_url() if url == "product" else url
    page = client.get(url).content.decode()

    assert [script in page for script in OSCAR_SCRIPTS] == [loads] * len(OSCAR_SCRIPTS)
