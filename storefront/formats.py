"""How values are written for Vietnamese readers, in every page language."""

from datetime import datetime

from django.utils import timezone


def vn_date(value) -> str:
    """Dates as dd/mm/yyyy, the Vietnamese way; a moment is dated in Vietnam's time zone.

    A stored moment is UTC: an order placed at 05:25 on 02/12 in Hà Nội is 22:25 on 01/12 in UTC.
    """
    if not value:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y")
