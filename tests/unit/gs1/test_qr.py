import math
from io import BytesIO
from xml.etree import ElementTree

import zxingcpp
from PIL import Image

from gs1.keys import SERIAL_ALPHABET, SERIAL_LENGTH, is_qualifier, new_serial
from gs1.qr import qr_png, qr_svg

URL = "https://ocop.example.vn/01/08930000000019/10/L2026-01/21/Vx3kq9Zt0aBcDeFgHiJkLm"


def test_png_decodes_back_to_the_url_with_a_real_decoder():
    results = zxingcpp.read_barcodes(Image.open(BytesIO(qr_png(URL))))

    assert [r.text for r in results] == [URL]
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode


def test_png_keeps_the_quiet_zone():
    image = Image.open(BytesIO(qr_png(URL, box_size=4))).convert("L")
    border = 4 * 4  # four modules of four pixels
    assert all(image.getpixel((x, y)) == 255 for x in range(border) for y in range(image.height))


def test_svg_is_well_formed_svg():
    root = ElementTree.fromstring(qr_svg(URL))
    assert root.tag.endswith("svg")


def test_serials_fit_ai_21_and_carry_at_least_96_random_bits():
    serials = {new_serial() for _ in range(1000)}

    assert len(serials) == 1000
    assert all(len(s) == 20 and s.isascii() and s.isalnum() and is_qualifier(s) for s in serials)
    assert SERIAL_LENGTH * math.log2(len(SERIAL_ALPHABET)) >= 96
