"""Every GS1 Digital Link the site prints or serves passes GS1's own digital-link.js; stamps printed
with the older 22-character serials still lead to their item."""

import re
from importlib import import_module
from io import BytesIO

import pytest
import zxingcpp
from django.apps import apps
from PIL import Image

from gs1 import links
from tests.factories import LotFactory, ProductFactory, StampFactory
from tests.validators import invalid_digital_links
from traceability.models import Stamp

pytestmark = pytest.mark.django_db

BASE = "https://ocop.example.vn"


@pytest.fixture
def stamp(settings):
    settings.PUBLIC_BASE_URL = BASE
    lot = LotFactory(product=ProductFactory(gtin="8930000000019"), code="L2026-01")
    return StampFactory(lot=lot)


def _decoded(png: bytes) -> str:
    return zxingcpp.read_barcodes(Image.open(BytesIO(png)))[0].text


def test_printed_and_served_links_are_valid_digital_links(client, stamp):
    product, lot = stamp.lot.product, stamp.lot
    printed = [
        _decoded(client.get(links.product_qr_path(product, "png")).content),
        _decoded(client.get(f"/qr/lot/{product.upc}/{lot.code}.png").content),
        _decoded(client.get(links.stamp_qr_path(stamp, "png")).content),
        client.get(f"/api/v1/products/{product.upc}/").json()["trace_url"],
    ]
    page = client.get(printed[2]).content.decode()
    served = re.findall(r'href="(https://ocop\.example\.vn/01/[^"]+)"', page)

    assert printed[2] == f"{BASE}/01/08930000000019/10/L2026-01/21/{stamp.serial}"
    assert served, "the trace page names its own Digital Link"
    assert invalid_digital_links(printed + served) == []


def test_the_validator_refuses_what_gs1_refuses():
    """The check can fail: a 22-character serial and a wrong check digit are refused."""
    too_long = f"{BASE}/01/08930000000019/10/L1/21/{'a' * 22}"
    wrong_check_digit = f"{BASE}/01/08930000000018"

    refused = invalid_digital_links([too_long, wrong_check_digit, f"{BASE}/01/08930000000019"])

    assert set(refused) == {too_long, wrong_check_digit}


def _with_legacy_serial(stamp, legacy="Vx3kq9Zt0aBcDeFgHiJkLm"):
    """A stamp as printed before serials fitted AI 21, then given a valid serial by the migration."""
    Stamp.objects.filter(pk=stamp.pk).update(serial=legacy)
    import_module("traceability.migrations.0004_stamp_serials_fit_gs1").fit_serials(apps, None)
    stamp.refresh_from_db()
    return legacy


def test_the_migration_gives_long_serials_a_valid_one_and_keeps_the_old(stamp):
    legacy = _with_legacy_serial(stamp)

    assert stamp.legacy_serial == legacy
    assert len(stamp.serial) == 20 and stamp.serial != legacy
    assert invalid_digital_links([links.public_url(links.stamp_trace_path(stamp))]) == []


def test_an_old_printed_stamp_still_leads_to_its_item(client, stamp):
    legacy = _with_legacy_serial(stamp)

    for printed in (f"/01/08930000000019/10/L2026-01/21/{legacy}", f"/q/{legacy}"):
        response = client.get(printed)
        assert response.status_code == 301
        assert response["Location"] == links.stamp_trace_path(stamp)
        assert client.get(response["Location"]).status_code == 200


def test_an_old_serial_under_another_lot_is_not_genuine(client, stamp):
    legacy = _with_legacy_serial(stamp)

    assert client.get(f"/01/08930000000019/10/OTHER/21/{legacy}").status_code == 404
