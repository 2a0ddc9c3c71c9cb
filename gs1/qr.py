"""QR images: a URL in, PNG or SVG bytes out. Pure: no database, no request."""

from io import BytesIO

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE = 4  # modules; the minimum scanners rely on


def _code(url: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=10, border=QUIET_ZONE)
    code.add_data(url)
    code.make(fit=True)
    return code


def qr_png(url: str, *, box_size: int = 10) -> bytes:
    code = _code(url)
    code.box_size = box_size
    buffer = BytesIO()
    code.make_image().save(buffer, format="PNG")
    return buffer.getvalue()


def qr_svg(url: str) -> bytes:
    buffer = BytesIO()
    _code(url).make_image(image_factory=qrcode.image.svg.SvgPathImage).save(buffer)
    return buffer.getvalue()
