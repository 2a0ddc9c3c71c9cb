"""Dates, VND and phone numbers as each reader writes them."""

from datetime import date

import pytest
from django.utils import translation

from formats import local_date, phone_number, vnd

DAY = date(2026, 12, 5)


@pytest.mark.parametrize(("language", "written"), [
    ("vi", "05/12/2026"), ("en", "Dec 5, 2026"), ("zh-hans", "2026年12月5日"), ("ko", "2026. 12. 5."),
])
def test_dates(language, written):
    with translation.override(language):
        assert local_date(DAY) == written
        assert local_date(None) == ""


@pytest.mark.parametrize(("language", "written"), [
    ("vi", "150.000\xa0₫"), ("en", "150,000\xa0₫"), ("zh-hans", "150,000\xa0₫"), ("ko", "150,000\xa0₫"),
])
def test_vnd(language, written):
    with translation.override(language):
        assert vnd(150000) == written


@pytest.mark.parametrize(("language", "written"), [
    ("vi", "0901 234 567"), ("en", "+84 901 234 567"), ("ko", "+84 901 234 567"),
])
def test_phone_numbers_for_a_visitor_dialling_from_abroad(language, written):
    with translation.override(language):
        assert phone_number("090 1234567") == written


def test_a_phone_number_that_cannot_be_read_is_shown_as_typed():
    assert phone_number("gọi ban quản lý") == "gọi ban quản lý"
    assert phone_number("") == ""
