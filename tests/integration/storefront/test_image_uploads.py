"""Photo uploads in the admin: size, type and alt text are checked, with a clear message."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


def _png(size=(64, 48)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, "#2e7d32").save(buffer, "PNG")
    return SimpleUploadedFile("ruong-muoi.png", buffer.getvalue(), content_type="image/png")


def _upload(client, file, description):
    return client.post(
        "/cms/images/add/", {"title": "Ruộng muối", "file": file, "description": description, "collection": 1}
    )


def test_a_described_photo_is_accepted(admin_client):
    response = _upload(admin_client, _png(), "Ruộng muối Lý Nhơn lúc bình minh")
    assert response.status_code == 302
    assert Image.objects.get().description == "Ruộng muối Lý Nhơn lúc bình minh"


def test_a_photo_without_alt_text_is_refused(admin_client):
    response = _upload(admin_client, _png(), "")
    assert response.status_code == 200 and not Image.objects.exists()
    assert "description" in response.context["form"].errors


def test_a_file_that_is_not_an_image_is_refused_with_a_message(admin_client):
    fake = SimpleUploadedFile("bang-gia.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = _upload(admin_client, fake, "Bảng giá")
    assert response.status_code == 200 and not Image.objects.exists()
    assert response.context["form"].errors["file"]


def test_an_unlisted_type_is_refused(admin_client):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (10, 10)).save(buffer, "GIF")
    gif = SimpleUploadedFile("anh.gif", buffer.getvalue(), content_type="image/gif")
    response = _upload(admin_client, gif, "Ảnh động")
    assert not Image.objects.exists() and response.context["form"].errors["file"]


def test_an_oversized_upload_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    photo = _png(size=(800, 800))
    assert photo.size > 1024
    response = _upload(admin_client, photo, "Ảnh quá lớn")
    assert not Image.objects.exists()
    assert "1,0\xa0KB" in response.context["form"].errors["file"][0]  # says what the limit is
