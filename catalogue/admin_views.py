"""Wagtail admin views for certification officers: importing decisions, expiring certificates."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from catalogue.certification import local_today
from catalogue.expiry import certificates_expiring
from catalogue.importing import ImportRejected, import_ocop
from uploads import pending
from uploads.forms import TableFileForm

IMPORT_PERMISSION = "catalogue.add_certificate"
IMPORT_SESSION_KEY = "ocop_import_pending"


class ImportForm(TableFileForm):
    file = forms.FileField(
        label=_("Tệp quyết định"),
        help_text=_("CSV (UTF-8) hoặc XLSX, mỗi dòng một giấy chứng nhận, theo mẫu cột của OCOP Market."),
    )


def import_decisions(request):
    """Upload → preview (nothing written) → confirm (re-checked, then applied in one transaction)."""
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
    context = {"form": ImportForm()}
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm(request)
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        context |= pending.preview(request, IMPORT_SESSION_KEY, form, _dry_run, ImportRejected)
    return TemplateResponse(request, "catalogue/admin/import_decisions.html", context)


def _dry_run(content, filename):
    return import_ocop(content, filename, dry_run=True)


def _confirm(request):
    kept = pending.take(request, IMPORT_SESSION_KEY)
    if kept is None:
        messages.error(request, pending.GONE)
        return redirect("ocop_import")
    content, filename = kept
    try:
        summary = import_ocop(content, filename)
    except ImportRejected as rejected:  # the database changed since the preview
        context = {"form": ImportForm(), "errors": rejected.errors}
        return TemplateResponse(request, "catalogue/admin/import_decisions.html", context)
    messages.success(request, _("Đã nhập tệp %(name)s: %(summary)s") % {
        "name": filename, "summary": "; ".join(summary.as_lines()),
    })
    return redirect("ocop_import")


EXPIRY_WINDOWS = (30, 90)


def expiring_certificates(request):
    """Certificates that lapse within 30 or 90 days, soonest first, for certification officers."""
    if not request.user.has_perm("catalogue.view_certificate"):
        raise PermissionDenied
    days = int(request.GET.get("days", EXPIRY_WINDOWS[0]))
    if days not in EXPIRY_WINDOWS:
        days = EXPIRY_WINDOWS[0]
    today = local_today()
    certificates = [
        (certificate, (certificate.valid_until - today).days)
        for certificate in certificates_expiring(days=days, today=today)
    ]
    context = {"certificates": certificates, "days": days, "windows": EXPIRY_WINDOWS}
    return TemplateResponse(request, "catalogue/admin/expiring_certificates.html", context)
