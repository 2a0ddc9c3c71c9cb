"""The printable fair catalogue (A4 PDF): exhibitors by booth, a QR code per product to its trace page."""

from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from formats import vn_date
from formats.pdf import pdf_font
from gs1.links import product_trace_path, public_url
from gs1.qr import qr_png

MARGIN = 15 * mm
QR_SIZE = 22 * mm
ROW = QR_SIZE + 4 * mm


def fair_catalogue_pdf(fair, exhibitors) -> bytes:
    """Render ``exhibitors`` (with ``public_listings``, as the public page shows them) to PDF bytes."""
    font = pdf_font()
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(fair.name)
    width, height = A4
    y = height - MARGIN

    def need(space):
        nonlocal y
        if y - space < MARGIN:
            pdf.showPage()
            y = height - MARGIN

    pdf.setFont(font, 16)
    pdf.drawString(MARGIN, y - 16, fair.name)
    pdf.setFont(font, 10)
    pdf.drawString(
        MARGIN, y - 32,
        f"{fair.venue}, {fair.province_name} · {vn_date(fair.starts_on)} – {vn_date(fair.ends_on)}",
    )
    pdf.drawString(MARGIN, y - 46, fair.organiser)
    y -= 60
    for exhibitor in exhibitors:
        need(14 + ROW)
        pdf.setFont(font, 12)
        pdf.drawString(MARGIN, y - 12, f"{exhibitor.booth} — {exhibitor.producer.name}")
        y -= 18
        for listing in exhibitor.public_listings:
            need(ROW)
            url = public_url(product_trace_path(listing.product))
            image = ImageReader(BytesIO(qr_png(url, box_size=4)))
            pdf.drawImage(image, MARGIN, y - QR_SIZE, QR_SIZE, QR_SIZE)
            pdf.setFont(font, 11)
            pdf.drawString(MARGIN + QR_SIZE + 5 * mm, y - 9 * mm, listing.product.title)
            pdf.setFont(font, 8)
            pdf.drawString(MARGIN + QR_SIZE + 5 * mm, y - 14 * mm, url)
            y -= ROW
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
