"""Who is told what, in which language: emails a person may switch off (access.models.
NotificationSettings; no row means every switch is on), each in the reader's own language
(Wagtail's account setting), grouped so that one email goes out per language."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation

EXPIRY_WARNINGS, ORDER_LINES, STAMP_SHEETS = "expiry_warnings", "order_lines", "stamp_sheets"


def listening(users, kind: str):
    """The active ``users`` with an address who have not switched ``kind`` off."""
    return users.filter(is_active=True).exclude(email="").exclude(**{f"notification_settings__{kind}": False})


def language_of(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.preferred_language if profile else "") or settings.LANGUAGE_CODE


def officers_of(province_code: int | None) -> Q:
    """Users holding either officer role (trade, certification) in a province."""
    if province_code is None:
        return Q(pk__in=[])
    trade, certification = "trade_officer__province_code", "certification_officer__province_code"
    return Q(**{trade: province_code}) | Q(**{certification: province_code})


def users_where(condition: Q):
    return get_user_model().objects.filter(condition).distinct()


def tell(users, kind: str, template: str, context: dict, *, addresses=()) -> int:
    """Send ``template`` (``{template}_subject.txt`` and ``{template}.txt``) to the ``users``
    listening to ``kind``, and to plain ``addresses`` (an organisation's own, read in the default
    language). Returns how many emails went out."""
    by_language = defaultdict(set)
    for user in listening(users.select_related("wagtail_userprofile"), kind):
        by_language[language_of(user)].add(user.email.lower())
    known = set().union(*by_language.values())
    by_language[settings.LANGUAGE_CODE].update(a.lower() for a in addresses if a and a.lower() not in known)
    sent = 0
    for language, recipients in sorted(by_language.items()):
        if not recipients:
            continue
        with translation.override(language):
            send_template(template, context, sorted(recipients))
        sent += 1
    return sent


def send_template(template: str, context: dict, recipients: list[str]) -> None:
    """One email from ``{template}_subject.txt`` and ``{template}.txt``, in the active language."""
    send_mail(
        subject=render_to_string(f"{template}_subject.txt", context).strip(),
        message=render_to_string(f"{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )
