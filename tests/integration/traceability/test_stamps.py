import io

import pytest
import zxingcpp
from django.core.management import CommandError, call_command
from PIL import Image

from tests.factories import LotFactory, ProductFactory
from traceability.models import Stamp
from traceability.services import stamps_generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def lot():
    return LotFactory(product=ProductFactory(gtin="8930000000019"), code="L2026-07")


def _sheet_url(lot):
    return f"/qr/lot/{lot.product.upc}/{lot.code}/stamps.pdf"


def test_generate_stamps_creates_unique_random_serials(lot):
    call_command("generate_stamps", lot.product.upc, lot.code, count=500)

    serials = list(Stamp.objects.filter(lot=lot).values_list("serial", flat=True))
    assert len(serials) == len(set(serials)) == 500


def test_generate_stamps_rejects_a_bad_count_or_unknown_lot(lot):
    with pytest.raises(CommandError):
        call_command("generate_stamps", lot.product.upc, lot.code, count=0)
    with pytest.raises(CommandError):
        call_command("generate_stamps", lot.product.upc, "NO-SUCH-LOT", count=5)


def test_producer_user_downloads_a_sheet_whose_codes_scan(client, django_user_model, lot):
    stamps = stamps_generate(lot=lot, count=45)
    user = django_user_model.objects.create_user("htx", "htx@example.vn", "pw")
    lot.product.producer.partner.users.add(user)
    client.force_login(user)

    response = client.get(_sheet_url(lot))

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert response["Content-Type"] == "application/pdf"
    assert {s.serial for s in stamps} <= {s.serial for s in Stamp.objects.filter(lot=lot)}


def test_another_producers_user_and_anonymous_get_404_for_the_sheet(client, django_user_model, lot):
    stamps_generate(lot=lot, count=3)
    assert client.get(_sheet_url(lot)).status_code == 404
    other = django_user_model.objects.create_user("other", "other@example.vn", "pw")
    ProductFactory().producer.partner.users.add(other)
    client.force_login(other)

    assert client.get(_sheet_url(lot)).status_code == 404


def _decoded(image):
    buffer = io.BytesIO()
    image.convert("L").resize((450, 450), Image.NEAREST).save(buffer, "PNG")
    return zxingcpp.read_barcodes(Image.open(buffer))[0].text


def test_sheet_qr_codes_decode_to_trace_urls_whatever_their_serials():
    """Regression: the sheet's QR version came from its first serial, and one rich in digits
    packs tighter, so the next serial overflowed that version (a flaky "Code length overflow")."""
    from types import SimpleNamespace

    from gs1.links import public_url, stamp_trace_path
    from traceability.sheets import _qr_image, _version, stamp_sheet_pdf

    product = SimpleNamespace(gtin="8930000000019", upc="X", title="Muối")
    lot = SimpleNamespace(code="L2026-001", product=product)
    digits, letters = "1234567890123456789012", "abcdefghijklmnopqrstuv"
    stamps = [SimpleNamespace(lot=lot, serial=serial) for serial in (digits, letters)]
    urls = [public_url(stamp_trace_path(stamp)) for stamp in stamps]

    assert stamp_sheet_pdf(stamps, title="Muối", stars=4).startswith(b"%PDF")
    assert [_decoded(_qr_image(url, _version(urls[0]))) for url in urls] == urls
