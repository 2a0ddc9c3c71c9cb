"""How values are written for Vietnamese readers, in every page language."""

from datetime import datetime
from html import unescape

from django.utils import timezone
from django.utils.html import strip_tags
from oscar.templatetags.currency_filters import currency


def vnd(amount) -> str:
    """150000 → "150.000 ₫" in every language (the format lives in OSCAR_CURRENCY_FORMAT)."""
    return currency(amount, "VND")


def vn_date(value) -> str:
    """Dates as dd/mm/yyyy, the Vietnamese way; a moment is dated in Vietnam's time zone.

    A stored moment is UTC: an order placed at 05:25 on 02/12 in Hà Nội is 22:25 on 01/12 in UTC.
    """
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")


def plain_text(html: str | None) -> str:
    """The text of an HTML description on one line, paragraphs kept apart ("a.</p><p>b" → "a. b")."""
    return " ".join(unescape(strip_tags((html or "").replace("<", " <"))).split())
