"""PDFs for Vietnamese readers: a font that has the Vietnamese letters."""

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_PATHS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
)


def pdf_font() -> str:
    """A TrueType font with Vietnamese glyphs when the system has one; Helvetica otherwise."""
    for path in FONT_PATHS:
        try:
            pdfmetrics.registerFont(TTFont("StampFont", path))
            return "StampFont"
        except Exception:  # noqa: BLE001, S112  font missing or unreadable: try the next
            continue
    return "Helvetica"
