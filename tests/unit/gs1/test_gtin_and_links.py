"""GTIN check digits and the Digital Link paths printed on stamps (their format is a contract)."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from gs1.gtin import gtin_check_digit, is_valid_gtin, normalise_gtin
from gs1.links import lot_trace_path, product_trace_path, public_url, stamp_trace_path


@pytest.mark.parametrize("gtin", ["8930000000019", "08930000000019", "96385074", "036000291452"])
def test_valid_gtins_of_every_length_pass(gtin):
    assert is_valid_gtin(gtin)
    assert normalise_gtin(gtin) == gtin.zfill(14)


@pytest.mark.parametrize(
    "gtin", ["8930000000010", "893000000001", "89300000000A9", "", "²²²²²²²²", "٨٩٣٠٠٠٠٠٠٠٠١٠"]
)
def test_a_wrong_check_digit_length_or_character_is_refused(gtin):
    assert not is_valid_gtin(gtin)
    with pytest.raises(ValidationError):
        normalise_gtin(gtin)


def test_the_check_digit_is_gs1_mod_10():
    assert gtin_check_digit("893000000001") == 9


def test_digital_link_paths_nest_product_lot_and_serial():
    product = SimpleNamespace(gtin="8930000000019", upc="OCOP-1")
    lot = SimpleNamespace(product=product, code="L2026/01")
    stamp = SimpleNamespace(lot=lot, serial="Vx3kq9Zt0aBcDeFgHiJk")

    assert product_trace_path(product) == "/01/08930000000019"
    assert lot_trace_path(lot) == "/01/08930000000019/10/L2026%2F01"
    assert stamp_trace_path(stamp) == "/01/08930000000019/10/L2026%2F01/21/Vx3kq9Zt0aBcDeFgHiJk"


def test_products_without_a_gtin_get_short_paths_on_the_public_base_url(settings):
    settings.PUBLIC_BASE_URL = "https://ocop.example.vn"
    product = SimpleNamespace(gtin="", upc="OCOP 1")
    stamp = SimpleNamespace(lot=SimpleNamespace(product=product, code="L1"), serial="abc")

    assert public_url(product_trace_path(product)) == "https://ocop.example.vn/q/p/OCOP%201"
    assert stamp_trace_path(stamp) == "/q/abc"
