"""axe-core in Chromium: no serious or critical accessibility violations on the public pages."""

import pytest

from tests.e2e.axe import severe_violations
from tests.factories import ProductFactory, producer_page, story_page

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("language", ["vi", "en", "zh-hans", "ko"])
def test_public_pages_have_no_serious_accessibility_violations(page, language):
    salt = ProductFactory(title="Muối hạt Cần Giờ", description="<p>Muối phơi nắng trên ruộng Lý Nhơn.</p>")
    producer = producer_page(salt.producer)
    story = story_page(salt)
    for path in ("/", "/catalogue/", "/search/?q=muoi", salt.get_absolute_url(), producer.url, story.url):
        page.goto(path + ("&" if "?" in path else "?") + f"lang={language}")
        assert page.locator("html").get_attribute("lang") == language
        assert severe_violations(page) == [], path
    page.goto(producer.url)
    assert page.locator(".small-map.leaflet-container .leaflet-marker-icon").count() == 1  # the map is drawn
