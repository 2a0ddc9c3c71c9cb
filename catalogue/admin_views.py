"""Wagtail admin views for certification officers: importing decisions, expiring certificates."""

from functools import partial

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

import places
from access.rules import certified, certifying_province, may_certify
from catalogue.certification import local_today
from catalogue.expiry import certificates_expiring, send_expiry_warning
from catalogue.importing import ImportRejected, import_ocop
from uploads import pending
from uploads.forms import TableFileForm

IMPORT_SESSION_KEY = "ocop_import_pending"
PROVINCE_FIELD = "product__producer__province_code"


def _certifier_only(request):
    if not may_certify(request.user):
        raise PermissionDenied


class ImportForm(TableFileForm):
    file = forms.FileField(
        label=_("Tệp quyết định"),
        help_text=_("CSV (UTF-8) hoặc XLSX, mỗi dòng một giấy chứng nhận, theo mẫu cột của OCOP Market."),
    )


def import_decisions(request):
    """Upload → preview (nothing written) → confirm (re-checked, then applied in one transaction).

    A certification officer's file may hold its own province's rows only (importing.validate).
    """
    _certifier_only(request)
    province = certifying_province(request.user)
    context = {"form": ImportForm(), "province_name": places.province_name(province) if province else None}
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        dry_run = partial(import_ocop, dry_run=True, province_code=province)
        context |= pending.preview(request, IMPORT_SESSION_KEY, form, dry_run, ImportRejected)
    return TemplateResponse(request, "catalogue/admin/import_decisions.html", context)


def _confirm(request):
    kept = pending.take(request, IMPORT_SESSION_KEY)
    if kept is None:
        messages.error(request, pending.GONE)
        return redirect("ocop_import")
    content, filename = kept
    try:
        summary = import_ocop(content, filename, province_code=certifying_province(request.user))
    except ImportRejected as rejected:  # the database changed since the preview
        context = {"form": ImportForm(), "errors": rejected.errors}
        return TemplateResponse(request, "catalogue/admin/import_decisions.html", context)
    messages.success(request, _("Đã nhập tệp %(name)s: %(summary)s") % {
        "name": filename, "summary": "; ".join(summary.as_lines()),
    })
    return redirect("ocop_import")


EXPIRY_WINDOWS = (30, 60, 90)


def _window(value):
    return int(value) if value in {str(window) for window in EXPIRY_WINDOWS} else EXPIRY_WINDOWS[0]


def expiring_certificates(request):
    """Certificates of the officer's province that lapse within 30, 60 or 90 days, soonest first."""
    _certifier_only(request)
    days, today = _window(request.GET.get("days")), local_today()
    expiring = certified(request.user, certificates_expiring(days=days, today=today), PROVINCE_FIELD)
    certificates = [(certificate, (certificate.valid_until - today).days) for certificate in expiring]
    context = {"certificates": certificates, "days": days, "windows": EXPIRY_WINDOWS}
    return TemplateResponse(request, "catalogue/admin/expiring_certificates.html", context)


@require_POST
def remind_expiring(request):
    """Send the chosen owners (and their province's officers) the expiry warning again, now."""
    _certifier_only(request)
    days = _window(request.POST.get("days"))
    picked = certificates_expiring(days=days).filter(pk__in=_ids(request.POST.getlist("certificate")))
    chosen = certified(request.user, picked, PROVINCE_FIELD)
    reminded = [certificate.pk for certificate in chosen]
    for pk in reminded:
        send_expiry_warning.enqueue(pk)
    if reminded:
        messages.success(request, ngettext(
            "Đã gửi nhắc cho %(count)d chứng nhận.", "Đã gửi nhắc cho %(count)d chứng nhận.", len(reminded),
        ) % {"count": len(reminded)})
    else:
        messages.error(request, _("Hãy chọn ít nhất một chứng nhận trong danh sách để nhắc."))
    return redirect(f"{reverse('ocop_expiring')}?days={days}")


def _ids(values):
    return [int(value) for value in values if value.isdecimal()]
