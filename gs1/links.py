"""Public URLs printed on stamps (GS1 Digital Link) and given out by the API.

Printed codes outlive deployments, so URLs are built from settings.PUBLIC_BASE_URL and stable
public codes (GTIN, lot code, random serial), never from the request host or a primary key.
GS1 Digital Link (DESIGN.md §1): /01/{GTIN-14}, /01/{GTIN-14}/10/{lot}, /01/{GTIN-14}/10/{lot}/21/{serial}.
Products without a GTIN get short paths: /q/p/{product code}, /q/l/{product code}/{lot}, /q/{serial}.
"""

from urllib.parse import quote

from django.conf import settings


def public_url(path: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}{path}"


def product_trace_path(product) -> str:
    if product.gtin:
        return f"/01/{product.gtin.zfill(14)}"
    return f"/q/p/{_q(product.upc)}"


def lot_trace_path(lot) -> str:
    product = lot.product
    if product.gtin:
        return f"{product_trace_path(product)}/10/{_q(lot.code)}"
    return f"/q/l/{_q(product.upc)}/{_q(lot.code)}"


def stamp_trace_path(stamp) -> str:
    if stamp.lot.product.gtin:
        return f"{lot_trace_path(stamp.lot)}/21/{stamp.serial}"
    return f"/q/{stamp.serial}"


def _q(code: str) -> str:
    return quote(code, safe="")


def product_qr_path(product, fmt: str) -> str:
    return f"/qr/product/{_q(product.upc)}.{fmt}"


def stamp_qr_path(stamp, fmt: str) -> str:
    return f"/qr/stamp/{stamp.serial}.{fmt}"
