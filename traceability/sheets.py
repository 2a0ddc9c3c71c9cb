"""Printable A4 stamp sheets: a grid of QR codes with the human-readable code, product and stars."""

from io import BytesIO

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_M
from qrcode.util import MODE_8BIT_BYTE, QRData
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from formats.pdf import pdf_font
from gs1.links import public_url, stamp_trace_path

COLUMNS, ROWS = 5, 8
MARGIN = 10 * mm
QR_SIZE = 24 * mm




def _bytes(url: str) -> QRData:
    """The URL as one byte-mode segment: its encoded length then depends on its length only.

    Left to itself qrcode packs digit runs more tightly, so a serial with many digits needed a
    smaller version than the next one, and the sheet's fixed version overflowed on that one.
    """
    return QRData(url.encode(), mode=MODE_8BIT_BYTE)


def _version(url: str) -> int:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M)
    code.add_data(_bytes(url))
    code.make(fit=True)
    return code.version


def _qr_image(url: str, version: int) -> Image.Image:
    """A 1-bit image, one pixel per module, quiet zone included (4 modules).

    The version and mask are fixed for the whole sheet (every URL has the same length): any
    mask decodes, and skipping qrcode's search over all eight makes 10,000 codes seven times faster.
    """
    code = qrcode.QRCode(version=version, error_correction=ERROR_CORRECT_M, border=4, mask_pattern=2)
    code.add_data(_bytes(url))
    code.make(fit=False)
    matrix = code.get_matrix()
    image = Image.new("1", (len(matrix), len(matrix)), 1)
    image.putdata([0 if dark else 1 for row in matrix for dark in row])
    return image


def stamp_sheet_pdf(stamps, *, title: str, stars: int | None) -> bytes:
    """Render stamps (with .lot.product loaded) on A4 pages, COLUMNS × ROWS per page."""
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=1)
    pdf.setTitle(title)
    font = pdf_font()
    width, height = A4
    cell_w = (width - 2 * MARGIN) / COLUMNS
    cell_h = (height - 2 * MARGIN) / ROWS
    version = _version(public_url(stamp_trace_path(stamps[0]))) if stamps else 1
    label = f"{title[:28]}{' · OCOP ' + '★' * stars if stars and font != 'Helvetica' else ''}"
    for index, stamp in enumerate(stamps):
        slot = index % (COLUMNS * ROWS)
        if index and slot == 0:
            pdf.showPage()
        x = MARGIN + (slot % COLUMNS) * cell_w
        y = height - MARGIN - (slot // COLUMNS + 1) * cell_h
        image = _qr_image(public_url(stamp_trace_path(stamp)), version)
        pdf.drawImage(ImageReader(image), x + (cell_w - QR_SIZE) / 2, y + 9 * mm, QR_SIZE, QR_SIZE)
        pdf.setFont(font, 6.5)
        pdf.drawCentredString(x + cell_w / 2, y + 6 * mm, stamp.serial)
        pdf.drawCentredString(x + cell_w / 2, y + 3 * mm, label)
    pdf.save()
    return buffer.getvalue()
