from datetime import UTC, date, datetime

from formats import vn_date


def test_a_moment_is_dated_in_vietnam_time():
    """Regression: an order placed at 05:25 on 02/12 in Vietnam was dated 01/12 (its UTC date)."""
    assert vn_date(datetime(2026, 12, 1, 22, 25, tzinfo=UTC)) == "02/12/2026"


def test_a_date_is_written_day_first():
    assert vn_date(date(2026, 3, 9)) == "09/03/2026"
    assert vn_date(None) == ""


def test_money_is_vnd_with_dots_and_no_minor_unit():
    from formats import vnd

    assert vnd(150000).replace("\xa0", " ") == "150.000 ₫"
