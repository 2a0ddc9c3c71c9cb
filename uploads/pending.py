"""An uploaded file kept between its preview and the user's confirmation (import, statement).

The bytes go to the default storage under a random name; the session holds only where they are,
so a confirmation applies exactly the file that was previewed, and one pending file per purpose.
"""

import secrets
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _

GONE = _("Không còn tệp chờ xác nhận; hãy tải tệp lên lại.")


def keep(request, purpose: str, content: bytes, filename: str) -> None:
    discard(request, purpose)
    path = default_storage.save(
        f"pending/{secrets.token_urlsafe(16)}{Path(filename).suffix.lower()}", ContentFile(content)
    )
    request.session[purpose] = {"path": path, "filename": filename}


def read(request, purpose: str) -> tuple[bytes, str] | None:
    """The kept file's bytes and name, or None when nothing (or nothing readable) is pending."""
    pending = request.session.get(purpose)
    if not pending or not default_storage.exists(pending["path"]):
        return None
    with default_storage.open(pending["path"], "rb") as stored:
        return stored.read(), pending["filename"]


def take(request, purpose: str) -> tuple[bytes, str] | None:
    """The kept file for its confirmation, no longer pending afterwards (None: say ``GONE``)."""
    kept = read(request, purpose)
    discard(request, purpose)
    return kept


def discard(request, purpose: str) -> None:
    pending = request.session.pop(purpose, None)
    if pending and default_storage.exists(pending["path"]):
        default_storage.delete(pending["path"])


def preview(request, purpose: str, form, make_preview, rejected) -> dict:
    """Check the form's file, preview it with ``make_preview(content, filename)`` (which writes
    nothing and raises ``rejected``, carrying ``.errors``, for a bad file) and keep it to confirm.

    The page's context: the preview and the file's name, or the errors; nothing for a bad form.
    """
    if not form.is_valid():
        return {}
    upload = form.cleaned_data["file"]
    content = upload.read()
    try:
        result = make_preview(content, upload.name)
    except rejected as refusal:
        return {"errors": refusal.errors}
    keep(request, purpose, content, upload.name)
    return {"preview": result, "filename": upload.name}
