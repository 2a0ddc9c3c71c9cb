"""How values are written: for Vietnamese readers, and for visitors in the page's language."""

import json
import re
from datetime import datetime
from html import unescape

import phonenumbers
from babel.dates import format_date
from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, to_locale
from oscar.templatetags.currency_filters import currency

# Refused anywhere in a request (storefront.middleware), and said so in the API's schema: C0
# controls but tab, line feed and carriage return (which forms may hold), and DEL. Written as a
# character-class body both Python's and JSON Schema's regular expressions read.
CONTROL_CHARACTER_RANGES = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
CONTROL_CHARACTERS = re.compile(f"[{CONTROL_CHARACTER_RANGES}]")
VIETNAM_CALLING_CODE = 84


def has_control_characters(text: str) -> bool:
    return CONTROL_CHARACTERS.search(text) is not None


def without_control_characters(text: str) -> str:
    """``text`` with each control character as U+FFFD, for keeping what arrived (PostgreSQL refuses NUL)."""
    return CONTROL_CHARACTERS.sub("\ufffd", text)


def vnd(amount) -> str:
    """150000 → "150.000 ₫" in Vietnamese, "150,000 ₫" in English, Chinese and Korean: the pattern
    lives in OSCAR_CURRENCY_FORMAT, the separators follow the page's language."""
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


def local_date(value) -> str:
    """A date as the page's reader writes it: 05/12/2026 in Vietnamese, "Dec 5, 2026",
    "2026年12月5日", "2026. 12. 5." in English, Chinese and Korean."""
    language = get_language() or settings.LANGUAGE_CODE
    if not value or language == "vi":
        return vn_date(value)
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_date(value, format="medium", locale=to_locale(language))


def phone_number(value: str) -> str:
    """A Vietnamese number grouped for reading: "0901 234 567" in Vietnamese, "+84 901 234 567"
    for a visitor reading another language (dialled from a foreign phone). Kept as typed when it
    cannot be read as a number."""
    try:
        number = phonenumbers.parse(value or "", settings.PHONENUMBER_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return value or ""
    style = phonenumbers.PhoneNumberFormat
    reader = get_language() or settings.LANGUAGE_CODE
    national = reader == "vi" and number.country_code == VIETNAM_CALLING_CODE
    return phonenumbers.format_number(number, style.NATIONAL if national else style.INTERNATIONAL)


def plain_text(html: str | None) -> str:
    """The text of an HTML description on one line, paragraphs kept apart ("a.</p><p>b" → "a. b")."""
    return " ".join(unescape(strip_tags((html or "").replace("<", " <"))).split())


def json_ld_script(data: dict):
    """schema.org data as a <script type="application/ld+json"> element, empty values left out."""
    payload = json.dumps(_without_empty(data), ensure_ascii=False)
    # Safe inside <script>: <, > and & are \u escapes, so the JSON cannot close the element.
    escaped = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(escaped))  # noqa: S308  # nosec B308, B703


def _without_empty(value):
    if isinstance(value, dict):
        return {k: _without_empty(v) for k, v in value.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [_without_empty(v) for v in value]
    return value
