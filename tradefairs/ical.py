"""A fair as an iCalendar file (RFC 5545): one all-day event a visitor adds to their calendar."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


def fair_calendar(fair) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//OCOP Market//Hội chợ OCOP//VI")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"hoi-cho-{fair.slug}@{urlsplit(settings.PUBLIC_BASE_URL).hostname}")
    event.add("dtstamp", timezone.now())
    event.add("summary", fair.name)
    event.add("dtstart", fair.starts_on)
    event.add("dtend", fair.ends_on + timedelta(days=1))  # all-day events end the day after (exclusive)
    event.add("location", f"{fair.venue}, {fair.province_name}")
    event.add("description", f"{fair.get_kind_display()} — {fair.organiser}")
    event.add("url", settings.PUBLIC_BASE_URL + fair.get_absolute_url())
    calendar.add_component(event)
    return calendar.to_ical()
