"""/hoi-cho/: fairs for visitors (under way and to come, then past), by province, and as calendar files."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from catalogue.certification import local_today
from tests.factories import ExhibitorFactory, TradeFairFactory

pytestmark = pytest.mark.django_db


def _fair(name, start, days=3, province=79):
    today = local_today()
    return TradeFairFactory(name=name, province_code=province, starts_on=today + timedelta(days=start),
                            ends_on=today + timedelta(days=start + days))


@pytest.fixture
def fairs():
    return {
        "running": _fair("Hội chợ đang diễn ra", -1),
        "soon": _fair("Hội chợ tuần sau", 7),
        "later": _fair("Hội chợ tháng sau", 30, province=1),
        "past": _fair("Hội chợ năm ngoái", -365),
        "long past": _fair("Hội chợ hai năm trước", -730),
    }


def _names(html):
    return re.findall(r'<li class="fair-item">\s*<h3><a href="[^"]+">([^<]+)</a>', html)


def test_current_and_coming_fairs_come_first_soonest_first_then_past_ones_latest_first(client, fairs):
    ExhibitorFactory(fair=fairs["soon"])
    ExhibitorFactory(fair=fairs["soon"])
    html = client.get(reverse("tradefairs:list")).content.decode()

    assert _names(html) == ["Hội chợ đang diễn ra", "Hội chợ tuần sau", "Hội chợ tháng sau",
                            "Hội chợ năm ngoái", "Hội chợ hai năm trước"]
    assert html.count("Đang diễn ra</span>") == 1
    assert "2 đơn vị tham gia" in html
    assert f'href="{fairs["soon"].get_absolute_url()}"' in html


def test_fairs_filtered_by_province(client, fairs):
    html = client.get(reverse("tradefairs:list"), {"province": 1}).content.decode()
    assert _names(html) == ["Hội chợ tháng sau"]


@pytest.mark.parametrize("province", ["abc", "999", "1; DROP TABLE"])
def test_a_bad_province_is_a_400_with_the_form_not_a_500(client, fairs, province):
    response = client.get(reverse("tradefairs:list"), {"province": province})
    assert response.status_code == 400
    assert len(_names(response.content.decode())) == 5


def test_the_home_page_shows_running_fairs_and_links_to_the_list(client, fairs):
    html = client.get("/").content.decode()
    assert "Hội chợ đang diễn ra" in html and "Hội chợ năm ngoái" not in html
    assert f'href="{reverse("tradefairs:list")}"' in html


def test_a_fair_as_an_icalendar_file(client, settings):
    settings.PUBLIC_BASE_URL = "https://ocop.example.vn"
    fair = TradeFairFactory(name="Hội chợ OCOP Huế", slug="hoi-cho-ocop-hue", venue="Công viên Thương Bạc",
                            province_code=46, starts_on=date(2027, 3, 5), ends_on=date(2027, 3, 8))
    response = client.get(reverse("tradefairs:ical", args=[fair.slug]))

    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Hội chợ OCOP Huế"
    assert event.decoded("dtstart") == date(2027, 3, 5)
    assert event.decoded("dtend") == date(2027, 3, 9)  # exclusive: the fair's last day included
    assert "Công viên Thương Bạc" in str(event["location"]) and "Huế" in str(event["location"])
    assert str(event["url"]) == "https://ocop.example.vn/hoi-cho/hoi-cho-ocop-hue/"
    assert str(event["uid"]) == "hoi-cho-hoi-cho-ocop-hue@ocop.example.vn"


def test_the_calendar_of_an_unknown_fair_is_404(client):
    assert client.get(reverse("tradefairs:ical", args=["khong-co"])).status_code == 404
