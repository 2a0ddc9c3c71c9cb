"""Wagtail admin views for certification officers: importing decisions, expiring certificates."""

import secrets
from pathlib import Path

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from catalogue.certification import local_today
from catalogue.expiry import certificates_expiring
from catalogue.importing import ImportRejected, import_ocop
from uploads import ContentTypeValidator

IMPORT_PERMISSION = "catalogue.add_certificate"
IMPORT_SESSION_KEY = "ocop_import_pending"
MAX_IMPORT_SIZE = 5 * 1024 * 1024
IMPORT_EXTENSIONS = (".csv", ".xlsx")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp quyết định"),
        help_text=_("CSV (UTF-8) hoặc XLSX, mỗi dòng một giấy chứng nhận, theo mẫu cột của OCOP Market."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        if suffix not in IMPORT_EXTENSIONS:
            raise forms.ValidationError(_("Chỉ nhận tệp .csv hoặc .xlsx."))
        if upload.size > MAX_IMPORT_SIZE:
            raise forms.ValidationError(_("Tệp lớn hơn 5 MB."))
        ContentTypeValidator([suffix.lstrip(".")])(upload)  # the bytes must be what the name says
        return upload


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
        if form.is_valid():
            upload = form.cleaned_data["file"]
            content = upload.read()
            try:
                context["summary"] = import_ocop(content, upload.name, dry_run=True)
            except ImportRejected as rejected:
                context["errors"] = rejected.errors
            else:
                _keep_for_confirmation(request, content, upload.name)
                context["filename"] = upload.name
    return TemplateResponse(request, "catalogue/admin/import_decisions.html", context)


def _keep_for_confirmation(request, content, filename):
    _discard_pending(request)
    path = default_storage.save(
        f"imports/{secrets.token_urlsafe(16)}{Path(filename).suffix.lower()}", ContentFile(content)
    )
    request.session[IMPORT_SESSION_KEY] = {"path": path, "filename": filename}


def _discard_pending(request):
    pending = request.session.pop(IMPORT_SESSION_KEY, None)
    if pending and default_storage.exists(pending["path"]):
        default_storage.delete(pending["path"])
    return pending


def _confirm(request):
    pending = request.session.get(IMPORT_SESSION_KEY)
    if not pending or not default_storage.exists(pending["path"]):
        messages.error(request, _("Không còn tệp chờ xác nhận; hãy tải tệp lên lại."))
        return redirect("ocop_import")
    with default_storage.open(pending["path"], "rb") as stored:
        content = stored.read()
    try:
        summary = import_ocop(content, pending["filename"])
    except ImportRejected as rejected:  # the database changed since the preview
        _discard_pending(request)
        context = {"form": ImportForm(), "errors": rejected.errors}
        return TemplateResponse(request, "catalogue/admin/import_decisions.html", context)
    _discard_pending(request)
    messages.success(request, _("Đã nhập tệp %(name)s: %(summary)s") % {
        "name": pending["filename"], "summary": "; ".join(summary.as_lines()),
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
