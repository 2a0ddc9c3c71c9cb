"""Upload checks shared by every file field: size, the type the bytes really are, image dimensions.

The client's file name and Content-Type are its own claims; only the first bytes say what a file
is. Images are also measured before anything decodes them (decompression bombs).
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image

KIND_NAMES = {"pdf": "PDF", "png": "PNG", "jpeg": "JPEG", "webp": "WebP", "csv": "CSV", "xlsx": "XLSX"}
HEAD_BYTES = 4096

FILE_TOO_LARGE = _("Tệp lớn hơn %(limit)s, vui lòng chọn tệp nhỏ hơn.")
WRONG_CONTENT = _("Nội dung tệp không phải %(expected)s (tên hoặc đuôi tệp không quyết định loại tệp).")
TOO_MANY_PIXELS = _("Ảnh quá lớn: tối đa %(limit)s triệu điểm ảnh (chiều rộng × chiều cao).")
UNREADABLE_IMAGE = _("Không đọc được ảnh này; vui lòng tải lên ảnh JPEG, PNG hoặc WebP hợp lệ.")


def _head(upload):
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def _is_xlsx(upload):
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:  # reads only the central directory
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(name.startswith("xl/") for name in names)


def _is_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:  # the sample may cut a character in two
        return error.start >= len(head) - 3
    return True


def sniff(upload):
    """The kind of file the bytes are: a KIND_NAMES key, or None."""
    head = _head(upload)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04") and _is_xlsx(upload):
        return "xlsx"
    if _is_text(head):
        return "csv"
    return None


@deconstructible
class MaxSizeValidator:
    def __init__(self, limit):
        self.limit = limit

    def __call__(self, upload):
        if upload.size > self.limit:
            raise ValidationError(FILE_TOO_LARGE, code="file_too_large",
                                  params={"limit": filesizeformat(self.limit)})

    def __eq__(self, other):
        return isinstance(other, MaxSizeValidator) and self.limit == other.limit


@deconstructible
class ContentTypeValidator:
    """Refuse a file whose bytes are not one of ``kinds`` (KIND_NAMES keys), whatever its name says."""

    def __init__(self, kinds):
        self.kinds = list(kinds)

    def __call__(self, upload):
        if sniff(upload) not in self.kinds:
            expected = ", ".join(KIND_NAMES[kind] for kind in self.kinds)
            raise ValidationError(WRONG_CONTENT, code="wrong_content", params={"expected": expected})

    def __eq__(self, other):
        return isinstance(other, ContentTypeValidator) and self.kinds == other.kinds


def validate_image_pixels(upload):
    """Refuse an image whose header claims more than MAX_IMAGE_PIXELS, before decoding it."""
    too_many = ValidationError(
        TOO_MANY_PIXELS, code="too_many_pixels", params={"limit": settings.MAX_IMAGE_PIXELS // 1_000_000}
    )
    upload.seek(0)
    try:
        with Image.open(upload) as image:  # reads the header only
            width, height = image.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):  # Pillow's own check
        raise too_many
    except (OSError, ValueError, SyntaxError):
        raise ValidationError(UNREADABLE_IMAGE, code="invalid_image")
    finally:
        upload.seek(0)
    if width * height > settings.MAX_IMAGE_PIXELS:
        raise too_many


def image_validators(limit=5 * 1024 * 1024):
    return [MaxSizeValidator(limit), ContentTypeValidator(["jpeg", "png", "webp"]), validate_image_pixels]


def pdf_validators(limit=10 * 1024 * 1024):
    return [MaxSizeValidator(limit), ContentTypeValidator(["pdf"])]
