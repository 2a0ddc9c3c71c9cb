"""Producer pages and product stories, and how the shop's pages link and describe them."""

import json
import re

import pytest

from catalogue.models import Certificate
from tests.factories import CertificateFactory, ProductFactory, producer_page, story_page

pytestmark = pytest.mark.django_db


def test_producer_page_tells_the_story_and_lists_only_listable_products(client):
    salt = ProductFactory(title="Muối hạt Cần Giờ")
    expired = ProductFactory(title="Muối ớt hết hạn", producer=salt.producer, certificate=None)
    CertificateFactory(product=expired, expired=True)
    page = producer_page(salt.producer, intro="Hợp tác xã làm muối ở Lý Nhơn.")
    story_page(salt)

    html = client.get(page.url).content.decode()

    assert "Hợp tác xã làm muối ở Lý Nhơn." in html
    assert "Muối hạt Cần Giờ" in html and "Muối ớt hết hạn" not in html
    assert "Câu chuyện Muối hạt Cần Giờ" in html


def test_story_page_shows_its_sections_and_a_buy_link_only_while_listable(client):
    salt = ProductFactory(title="Muối hạt Cần Giờ")
    story = story_page(salt)

    html = client.get(story.url).content.decode()
    assert "Quy trình" in html and "Cào muối lúc bình minh." in html
    assert f'href="{salt.get_absolute_url()}"' in html

    Certificate.objects.filter(product=salt).update(
        status=Certificate.Status.REVOKED, revoked_on="2026-01-01", revocation_decision_number="9/QĐ"
    )
    html = client.get(story.url).content.decode()
    assert f'href="{salt.get_absolute_url()}"' not in html and "hiện không được bán" in html


def test_product_page_links_its_producer_page_and_story(client):
    salt = ProductFactory(title="Muối hạt Cần Giờ")
    page = producer_page(salt.producer)
    story = story_page(salt)

    html = client.get(salt.get_absolute_url()).content.decode()

    assert f'<a href="{page.url}">{salt.producer.name}</a>' in html
    assert "Phơi nắng trên ruộng muối Lý Nhơn." in html and f'href="{story.url}"' in html


def _json_ld(html):
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found.group(1)) if found else None


def test_listable_product_page_carries_schema_org_product_with_a_vnd_offer(client):
    salt = ProductFactory(title="Muối hạt <Cần Giờ>", stockrecords__price=45000)

    data = _json_ld(client.get(salt.get_absolute_url()).content.decode())

    assert data["@type"] == "Product" and data["name"] == "Muối hạt <Cần Giờ>"
    offer = data["offers"]
    assert (offer["price"], offer["priceCurrency"], offer["url"]) == ("45000", "VND", data["url"])


def test_no_structured_data_for_a_product_that_is_not_listable(admin_client):
    expired = ProductFactory(certificate=None)
    CertificateFactory(product=expired, expired=True)

    html = admin_client.get(expired.get_absolute_url()).content.decode()  # staff still see the page

    assert _json_ld(html) is None


def test_every_page_names_its_english_and_vietnamese_urls_and_lang_switches_one_page(client):
    salt = ProductFactory()

    html = client.get(salt.get_absolute_url()).content.decode()
    english = client.get(salt.get_absolute_url() + "?lang=en")

    assert f'hreflang="en" href="http://testserver{salt.get_absolute_url()}?lang=en"' in html
    assert f'hreflang="x-default" href="http://testserver{salt.get_absolute_url()}"' in html
    assert english["Content-Language"] == "en" and "Add to cart" in english.content.decode()
    assert 'lang="vi"' in client.get(salt.get_absolute_url()).content.decode()  # not sticky


def test_story_words_are_searchable_until_the_story_is_unpublished(client, commit):
    salt = ProductFactory(title="Muối hạt Cần Giờ")
    story = story_page(salt, body=[("paragraph", "<p>Hạt muối kết tinh dưới nắng gió biển Đông.</p>")])
    story.save_revision().publish()  # publishing is what reindexes

    assert "Muối hạt Cần Giờ" in client.get("/search/?q=ket+tinh").content.decode()

    story.unpublish()
    commit()  # as in production
    assert "Muối hạt Cần Giờ" not in client.get("/search/?q=ket+tinh").content.decode()


def test_home_offers_provinces_with_products_and_featured_producers(client):
    hue = ProductFactory(title="Thanh trà Hương Vân", origin_province_code=46, origin_commune_code=None)
    producer_page(hue.producer, intro="Vườn thanh trà bên sông Hương.")

    html = client.get("/").content.decode()

    assert 'href="/catalogue/?province=46">Thành phố Huế</a>' in html
    assert "Vườn thanh trà bên sông Hương." in html


def _translate(page, **english):
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code="en")
    translation = page.copy_for_translation(locale, copy_parents=True).specific
    for field, value in english.items():
        setattr(translation, field, value)
    translation.save_revision().publish()
    return translation


def test_an_english_visitor_reads_the_translation_at_the_same_url(client):
    salt = ProductFactory(title="Muối hạt Cần Giờ")
    story = story_page(salt)
    _translate(story, title="The story of Cần Giờ sea salt", summary="Sun-dried on the Lý Nhơn salt fields.")

    english = client.get(story.url + "?lang=en").content.decode()
    vietnamese = client.get(story.url).content.decode()

    assert "The story of Cần Giờ sea salt" in english and "Sun-dried on the Lý Nhơn salt fields." in english
    assert "Câu chuyện Muối hạt Cần Giờ" in vietnamese and "Sun-dried" not in vietnamese
    product_page = client.get(salt.get_absolute_url() + "?lang=en").content.decode()
    assert "Sun-dried on the Lý Nhơn salt fields." in product_page and f'href="{story.url}"' in product_page


def test_a_page_without_translation_shows_its_vietnamese_text_in_english_mode(client):
    page = producer_page(ProductFactory().producer, intro="Hợp tác xã làm muối.")
    assert "Hợp tác xã làm muối." in client.get(page.url + "?lang=en").content.decode()


def test_translations_are_not_listed_twice_and_their_words_are_searchable(client):
    salt = ProductFactory(title="Muối hạt Cần Giờ")
    page = producer_page(salt.producer, intro="Hợp tác xã làm muối.")
    story = story_page(salt)
    _translate(page, intro="A salt makers' cooperative.")
    _translate(story, summary="Sea salt crystallised by the wind.")

    html = client.get(page.get_parent().url).content.decode()
    assert html.count(f'href="{page.url}"') == 1
    assert "Muối hạt Cần Giờ" in client.get("/search/?q=crystallised").content.decode()


def test_home_announces_upcoming_fairs_not_past_ones(client):
    from datetime import timedelta

    from catalogue.certification import local_today
    from tradefairs.models import TradeFair

    today = local_today()
    for name, slug, start in (("Hội chợ OCOP Cần Giờ", "can-gio", 10), ("Hội chợ đã qua", "da-qua", -30)):
        TradeFair.objects.create(
            name=name, slug=slug, venue="Nhà Văn hóa", province_code=79, organiser="Sở Công Thương",
            starts_on=today + timedelta(days=start), ends_on=today + timedelta(days=start + 3),
        )

    html = client.get("/").content.decode()

    assert "Hội chợ OCOP Cần Giờ" in html and "Hội chợ đã qua" not in html
