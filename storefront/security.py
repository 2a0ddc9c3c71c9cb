"""Login lockout helpers for django-axes (named by dotted path in settings)."""

from django.conf import settings
from django.shortcuts import render


def login_username(request, credentials):
    """The attempted username, case-folded: "An@x.vn" and "an@x.vn" are one account's attempts.

    Oscar's e-mail login matches case-insensitively, so counting them apart would give an attacker
    five more guesses per spelling.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    username = (credentials or {}).get(field) or request.POST.get(field) or ""
    return username.strip().casefold() or None


def lockout_response(request, original_response=None, credentials=None):
    """The 429 page of a locked-out login, in Vietnamese and English whatever the page language."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": minutes}
    return render(request, "storefront/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
