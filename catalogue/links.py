"""Public URLs printed on stamps and given out by the API.

Printed codes outlive deployments, so these are built from settings.PUBLIC_BASE_URL and a
stable public code (GTIN or product code), never from the request host or a primary key.
GS1 Digital Link: /01/{GTIN-14} (DESIGN.md §1); products without a GTIN get /q/p/{code}.
"""

from urllib.parse import quote

from django.conf import settings


def public_url(path: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}{path}"


def trace_path(product) -> str:
    if product.gtin:
        return f"/01/{product.gtin.zfill(14)}"
    return f"/q/p/{quote(product.upc)}"


def qr_path(product, fmt: str) -> str:
    return f"/qr/product/{quote(product.upc)}.{fmt}"
