"""A GET of a public page writes nothing to the database: not a view count, a thumbnail record,
an image rendition or a session. Checked on make run's demo data, every URL its sitemaps list and
the public pages they do not (lists, search, feeds, the API, trace pages).

The one exception is on purpose: a scanned unit stamp records its scan (counterfeit detection).
"""

import re

import pytest
from django.core.management import call_command
from django.db import connection

from catalogue.models import Product
from gs1.links import lot_trace_path, product_trace_path
from traceability.models import Lot, RawMaterialArea
from tradefairs.models import TradeFair

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
LOCATION = re.compile(r"<loc>https?://[^/<]+(/[^<]*)</loc>")


class Writes:
    """Every statement that writes, as the database receives it."""

    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        if WRITE.match(sql):
            self.statements.append(sql.split("(")[0][:120])
        return execute(sql, params, many, context)


def sitemap_paths(client) -> list[str]:
    sections = LOCATION.findall(client.get("/sitemap.xml").content.decode())
    return [path for section in sections for path in LOCATION.findall(client.get(section).content.decode())]


def other_public_paths() -> list[str]:
    product = Product.objects.filter(gtin__gt="").order_by("pk").first()
    lot = Lot.objects.order_by("pk").first()
    fair = TradeFair.objects.order_by("pk").first()
    return [
        "/", "/catalogue/", "/catalogue/?page=2", "/catalogue/?stars=4&sort=price",
        "/search/?q=nuoc+mam", "/search/?q=buoi+da+xnah", "/search/?q=zzzz", "/search/suggest/?q=mam",
        "/diem-ban/", "/hoi-cho/", f"/hoi-cho/{fair.slug}/lich.ics" if fair else "/hoi-cho/",
        product_trace_path(product), lot_trace_path(lot),
        f"/vung-nguyen-lieu/{RawMaterialArea.objects.order_by('pk').first().pk}/",
        "/tra-cuu-don-hang/", "/basket/", "/robots.txt", "/sitemap.xml",
        "/feeds/san-pham-ocop.csv", "/feeds/san-pham-ocop.json", "/feeds/quyet-dinh.atom",
        "/api/v1/products/", "/api/v1/sales-points/", "/api/v1/fairs/",
        "/ngon-ngu/ko/?next=/catalogue/",
    ]


def test_no_public_get_writes_to_the_database(client):
    call_command("seed_demo", verbosity=0)
    paths = sorted(set(sitemap_paths(client) + other_public_paths()))
    assert len(paths) > 100  # products, producers, stories, sales points, fairs

    writes = Writes()
    answers = {}
    with connection.execute_wrapper(writes):
        for language in ("vi", "ko"):  # a page first rendered in Vietnamese, then in another language
            for path in paths:
                before = len(writes.statements)
                status = client.get(path, headers={"accept-language": language}).status_code
                answers[path] = status
                if len(writes.statements) > before:
                    pytest.fail(f"GET {path} ({language}) wrote: {writes.statements[before:]}")
    assert not [path for path, status in answers.items() if status >= 500]
