"""Every upload is checked for size, for what its bytes really are and, for images, for their
dimensions before decoding: refused with a Vietnamese message, never a server error."""

import io
import struct
import zlib
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms import modelform_factory
from PIL import Image as PillowImage
from wagtail.images.models import Image

from salespoints.models import SalesPointPhoto
from tests.factories import LotFactory, SalesPointFactory
from tests.ocop_files import csv_bytes, ocop_row, xlsx_bytes
from uploads import sniff, validate_image_pixels

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_claiming(width, height):
    """A few hundred bytes whose header claims width × height pixels (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _chunk(b"IEND", b"")
    )


def real_png(size=(40, 30)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#b3261e").save(buffer, "PNG")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


# --- Trace event attachments (Wagtail snippet) ---

def _add_trace_event(client, attachment):
    lot = LotFactory(produced_on=date(2026, 3, 1))
    data = {"lot": lot.pk, "step": "packing", "occurred_at": "2026-03-02 06:00", "place": "Cần Giờ",
            "attachment": attachment}
    return client.post("/cms/snippets/traceability/traceevent/add/", data)


def test_a_trace_attachment_over_10_mb_is_refused(admin_client):
    big = SimpleUploadedFile("kiem-nghiem.pdf", PDF + b"0" * (10 * MB), content_type="application/pdf")

    response = _add_trace_event(admin_client, big)

    assert response.status_code == 200
    assert "Tệp lớn hơn 10,0\xa0MB" in response.context["form"].errors["attachment"][0]


def test_a_trace_attachment_named_pdf_that_is_an_image_is_refused(admin_client):
    lying = SimpleUploadedFile("kiem-nghiem.pdf", real_png(), content_type="application/pdf")

    response = _add_trace_event(admin_client, lying)

    assert response.status_code == 200
    assert response.context["form"].errors["attachment"] == [
        "Nội dung tệp không phải PDF (tên hoặc đuôi tệp không quyết định loại tệp)."
    ]


def test_a_real_pdf_attachment_is_accepted(admin_client):
    response = _add_trace_event(admin_client, SimpleUploadedFile("kiem-nghiem.pdf", PDF))

    assert response.status_code == 302, response.context["form"].errors


# --- OCOP decision imports ---

@pytest.fixture
def officer_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _import_errors(client, upload):
    response = client.post("/cms/ocop/import/", {"file": upload})
    assert response.status_code == 200
    return response.context["form"].errors.get("file", [])


def test_an_import_named_xlsx_that_is_an_image_is_refused(officer_client):
    errors = _import_errors(officer_client, SimpleUploadedFile("quyet-dinh.xlsx", real_png()))

    assert errors == ["Nội dung tệp không phải XLSX (tên hoặc đuôi tệp không quyết định loại tệp)."]


def test_an_import_named_csv_that_is_a_spreadsheet_is_refused(officer_client):
    errors = _import_errors(officer_client, SimpleUploadedFile("quyet-dinh.csv", xlsx_bytes([ocop_row(1)])))

    assert errors and "CSV" in errors[0]


def test_an_import_over_5_mb_is_refused(officer_client):
    content = csv_bytes([ocop_row(1)]) + b"\n" * (5 * MB)

    errors = _import_errors(officer_client, SimpleUploadedFile("quyet-dinh.csv", content))

    assert errors == ["Tệp lớn hơn 5 MB."]


def test_genuine_csv_and_xlsx_files_are_recognised():
    assert sniff(SimpleUploadedFile("a.csv", csv_bytes([ocop_row(1)]))) == "csv"
    assert sniff(SimpleUploadedFile("a.xlsx", xlsx_bytes([ocop_row(1)]))) == "xlsx"


# --- Images: decompression bombs ---

def test_a_decompression_bomb_is_refused_by_the_wagtail_image_upload(admin_client):
    bomb = SimpleUploadedFile("ruong-muoi.png", png_claiming(100_000, 100_000), content_type="image/png")

    response = admin_client.post(
        "/cms/images/add/", {"title": "Bom", "file": bomb, "description": "Ảnh", "collection": 1}
    )

    assert response.status_code == 200 and not Image.objects.exists()
    assert response.context["form"].errors["file"]


def test_a_decompression_bomb_is_refused_as_a_sales_point_photo():
    form_class = modelform_factory(SalesPointPhoto, fields=["sales_point", "image"])
    bomb = SimpleUploadedFile("diem-ban.png", png_claiming(100_000, 100_000), content_type="image/png")

    form = form_class({"sales_point": SalesPointFactory().pk}, {"image": bomb})

    assert not form.is_valid()
    assert form.errors["image"]  # Pillow refuses to open it: Django's "not a valid image", in Vietnamese
    assert "ảnh" in form.errors["image"][0]


def test_an_image_between_our_limit_and_pillows_hard_limit_is_refused_with_the_limit():
    """Pillow only warns up to twice MAX_IMAGE_PIXELS; 8000 × 6000 = 48 M pixels is still refused."""
    with pytest.raises(Exception) as refused:
        validate_image_pixels(SimpleUploadedFile("anh.png", png_claiming(8000, 6000)))

    assert refused.value.messages == ["Ảnh quá lớn: tối đa 40 triệu điểm ảnh (chiều rộng × chiều cao)."]


def test_pillow_refuses_to_decode_beyond_our_limit():
    assert PillowImage.MAX_IMAGE_PIXELS == 40_000_000
    with pytest.raises((PillowImage.DecompressionBombError, PillowImage.DecompressionBombWarning)):
        PillowImage.open(io.BytesIO(png_claiming(8000, 6000)))


def test_a_sales_point_photo_that_is_a_pdf_named_jpg_is_refused():
    form_class = modelform_factory(SalesPointPhoto, fields=["sales_point", "image"])

    form = form_class({"sales_point": SalesPointFactory().pk}, {"image": SimpleUploadedFile("anh.jpg", PDF)})

    assert not form.is_valid() and form.errors["image"]


# --- Wagtail documents ---

def test_a_wagtail_document_that_is_html_is_refused(admin_client):
    from wagtail.documents.models import Document

    page = SimpleUploadedFile("bang-gia.html", b"<script>alert(1)</script>", content_type="text/html")
    response = admin_client.post("/cms/documents/add/", {"title": "Bảng giá", "file": page, "collection": 1})

    assert response.status_code == 200 and not Document.objects.exists()
    assert response.context["form"].errors["file"]
