from datetime import datetime, time, timedelta
from io import BytesIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
import zxingcpp
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image

from catalogue.certification import local_today
from catalogue.models import Certificate
from gs1 import links
from tests.factories import (
    CertificateFactory,
    LotFactory,
    ProductFactory,
    RawMaterialAreaFactory,
    StampFactory,
)
from traceability.models import AreaStandard, Scan, TraceEvent

pytestmark = pytest.mark.django_db

GTIN13 = "8930000000019"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def stamp(settings):
    settings.PUBLIC_BASE_URL = "https://ocop.example.vn"
    product = ProductFactory(title="Muối hạt Cần Giờ", gtin=GTIN13)
    area = RawMaterialAreaFactory(producer=product.producer)
    AreaStandard.objects.create(
        area=area,
        standard="vietgap",
        certificate_number="VG-0912",
        issuer="Trung tâm Chất lượng NLS",
        valid_from="2025-01-01",
        valid_until="2028-01-01",
    )
    lot = LotFactory(product=product, code="L2026-01")
    lot.areas.add(area)
    TraceEvent.objects.create(
        lot=lot, step="harvesting", occurred_at="2026-03-02T06:00+07:00", place="Ruộng muối Lý Nhơn"
    )
    return StampFactory(lot=lot)


def test_gs1_links_follow_the_digital_link_format(stamp):
    assert links.product_trace_path(stamp.lot.product) == "/01/08930000000019"
    assert links.lot_trace_path(stamp.lot) == "/01/08930000000019/10/L2026-01"
    assert links.stamp_trace_path(stamp) == f"/01/08930000000019/10/L2026-01/21/{stamp.serial}"


def test_unit_page_shows_live_status_producer_area_and_timeline(client, stamp):
    response = client.get(links.stamp_trace_path(stamp))
    page = response.content.decode()

    assert response.status_code == 200
    assert "Sản phẩm OCOP chính hãng" in page
    assert stamp.lot.product.producer.name in page
    assert "Ruộng muối Lý Nhơn" in page and "VG-0912" in page and "openstreetmap.org" in page
    assert "Thu hoạch" in page
    assert len(response.content) < 30 * 1024
    assert "<script" not in page


@pytest.mark.parametrize("gtin", ["8930000000019", "08930000000019"])
def test_gtin_13_and_14_resolve_to_the_same_product(client, stamp, gtin):
    assert client.get(f"/01/{gtin}").status_code == 200


def test_wrong_check_digit_is_a_404_that_says_so(client, stamp):
    response = client.get("/01/8930000000015")
    assert response.status_code == 404
    assert "số kiểm tra" in response.content.decode()


def test_unknown_serial_is_a_404_saying_the_code_is_not_genuine(client, stamp):
    response = client.get("/q/not-a-real-serial")
    assert response.status_code == 404
    assert "Mã không chính hãng" in response.content.decode()


def test_serial_under_another_lot_is_not_genuine(client, stamp):
    assert client.get(f"/01/08930000000019/10/OTHER/21/{stamp.serial}").status_code == 404


@pytest.mark.parametrize("path", [links.product_trace_path, links.lot_trace_path, links.stamp_trace_path])
def test_a_revocation_turns_a_cached_page_red_on_the_next_request(client, stamp, path):
    """The page is cached whole, but every request reads the gate's inputs: a revocation written
    without signals (a bulk update, as the import does) still lands on a page never cached."""
    target = {links.product_trace_path: stamp.lot.product, links.lot_trace_path: stamp.lot}.get(path, stamp)
    assert "status--ok" in client.get(path(target)).content.decode()

    Certificate.objects.filter(product=stamp.lot.product).update(
        status=Certificate.Status.REVOKED, revoked_on=local_today(), revocation_decision_number="66/QĐ-UBND"
    )

    page = client.get(path(target)).content.decode()
    assert "status--bad" in page and "66/QĐ-UBND" in page


def test_a_cached_page_turns_red_the_day_after_the_certificate_ends(client, stamp):
    certificate = stamp.lot.product.certificates.get()
    assert "status--ok" in client.get(links.stamp_trace_path(stamp)).content.decode()

    day_after = datetime.combine(certificate.valid_until + timedelta(days=1), time(9), tzinfo=HANOI)
    with time_machine.travel(day_after):
        page = client.get(links.stamp_trace_path(stamp)).content.decode()

    assert "status--bad" in page


def test_revoked_product_turns_its_trace_page_red_on_the_next_request_but_still_answers(client, stamp):
    Certificate.objects.filter(product=stamp.lot.product).update(
        status=Certificate.Status.REVOKED,
        revoked_on=local_today(),
        revocation_decision_number="66/QĐ-UBND",
        revocation_reason="Vi phạm an toàn thực phẩm",
    )

    response = client.get(links.stamp_trace_path(stamp))
    page = response.content.decode()

    assert response.status_code == 200
    assert "status--bad" in page and "66/QĐ-UBND" in page and "Vi phạm an toàn thực phẩm" in page
    assert "★" not in page


def test_scans_are_counted_once_a_minute_per_client_and_shown(client, stamp, settings):
    url = links.stamp_trace_path(stamp)
    client.get(url)
    client.get(url)  # same client within the minute: not counted again
    page = client.get(url, REMOTE_ADDR="203.0.113.9").content.decode()

    assert Scan.objects.filter(stamp=stamp).count() == 2
    assert f"lần đầu ngày {local_today():%d/%m/%Y}, 2 lần" in page


def test_a_much_scanned_serial_warns_it_may_be_copied(client, stamp, settings):
    settings.SCAN_WARNING_CLIENTS = 2
    for n in range(4):
        page = client.get(links.stamp_trace_path(stamp), REMOTE_ADDR=f"198.51.100.{n}").content.decode()
    assert "có thể đã bị sao chép" in page


def test_the_counters_and_warning_read_in_english_too(client, stamp, settings):
    settings.SCAN_WARNING_COUNT = 1
    url = links.stamp_trace_path(stamp) + "?lang=en"
    client.get(url, REMOTE_ADDR="198.51.100.1")

    page = client.get(url, REMOTE_ADDR="198.51.100.2").content.decode()

    assert f"first checked on {local_today():%d/%m/%Y}, 2 times so far." in page
    assert "<strong>Warning:</strong>" in page and "may have been copied" in page


def test_a_check_reads_once_and_writes_the_scan_once_the_page_is_cached(client, stamp):
    client.get(links.stamp_trace_path(stamp))  # the first check renders the page (seven reads)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(links.stamp_trace_path(stamp), REMOTE_ADDR="203.0.113.9").content.decode()
    statements = [q["sql"].split()[0] for q in queries.captured_queries]

    # one read: the stamp's counters, its product, the page version (a plain SELECT: no PREPARE,
    # which a transaction-mode pooler such as PgBouncer cannot keep between transactions)
    assert statements == ["SELECT", "INSERT", "UPDATE"]
    assert "2 lần đến nay" in page  # this check counted, though the rest of the page came from the cache


def test_qr_image_decodes_to_a_url_that_resolves_to_its_trace_page(client, stamp):
    png = client.get(links.stamp_qr_path(stamp, "png"))
    url = zxingcpp.read_barcodes(Image.open(BytesIO(png.content)))[0].text

    assert url == f"https://ocop.example.vn/01/08930000000019/10/L2026-01/21/{stamp.serial}"
    assert client.get(urlsplit(url).path).status_code == 200


def test_product_without_gtin_gets_short_urls(client):
    product = ProductFactory(gtin="")
    stamp = StampFactory(lot=LotFactory(product=product))

    assert client.get(links.product_trace_path(product)).status_code == 200
    assert client.get(links.lot_trace_path(stamp.lot)).status_code == 200
    assert client.get(f"/q/{stamp.serial}").status_code == 200
    assert client.get(links.product_qr_path(product, "svg"))["Content-Type"] == "image/svg+xml"


def test_expired_product_page_says_when_it_expired(client):
    product = ProductFactory(certificate=None, gtin="")
    certificate = CertificateFactory(product=product, expired=True)

    page = client.get(links.product_trace_path(product)).content.decode()

    assert f"hết hạn ngày {certificate.valid_until:%d/%m/%Y}" in page


def test_a_first_check_renders_through_the_gate_with_seven_reads_plus_the_scan_write(
    client, stamp, django_assert_max_num_queries
):
    # gate facts; stamp with product and producer; certificates; areas; standards; events; sales points
    with django_assert_max_num_queries(7 + 2):  # the write: one INSERT into the log, one UPDATE of totals
        assert client.get(links.stamp_trace_path(stamp)).status_code == 200


def test_once_cached_a_check_from_another_client_reads_once(client, stamp, django_assert_max_num_queries):
    client.get(links.stamp_trace_path(stamp))
    other_client = Client(REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Zalo")  # logged, not rate-limited
    with django_assert_max_num_queries(1 + 2):
        page = other_client.get(links.stamp_trace_path(stamp)).content.decode()
    assert "VG-0912" in page and "Thu hoạch" in page  # areas and timeline, from the cache


def test_a_rate_limited_repeat_view_only_reads(client, stamp, django_assert_max_num_queries):
    client.get(links.stamp_trace_path(stamp))
    with django_assert_max_num_queries(1):
        client.get(links.stamp_trace_path(stamp))


def test_a_changed_event_shows_on_the_next_check(client, stamp, commit):
    url = links.stamp_trace_path(stamp)
    client.get(url)
    event = stamp.lot.events.first()
    event.place = "Kho lạnh Bình Khánh"
    event.save()
    commit()  # as in production
    assert "Kho lạnh Bình Khánh" in client.get(url).content.decode()


def test_distinct_clients_are_counted_from_the_log_not_the_cache(client, stamp):
    url = links.stamp_trace_path(stamp)
    client.get(url)
    cache.clear()  # a restarted worker or an evicted key must not make a known client new again
    client.get(url)
    client.get(url, REMOTE_ADDR="203.0.113.7")

    stamp.refresh_from_db()
    assert (stamp.scan_count, stamp.client_count) == (3, 2)


def test_lang_parameter_shows_the_page_in_english(client, stamp):
    page = client.get(links.stamp_trace_path(stamp), {"lang": "en"}).content.decode()

    assert '<html lang="en">' in page and "Genuine OCOP product" in page


def test_unknown_serial_page_is_translated_too(client):
    page = client.get("/q/not-a-real-serial", {"lang": "en"}).content.decode()

    assert "Code not genuine" in page and "may not be genuine" in page


def test_lot_page_lists_its_areas_without_counting_a_scan(client, stamp):
    response = client.get(links.lot_trace_path(stamp.lot))

    assert response.status_code == 200 and "Ruộng muối Lý Nhơn" in response.content.decode()
    assert not Scan.objects.exists()


def test_an_event_attachment_is_linked_from_the_timeline(client, stamp):
    event = stamp.lot.events.get()
    event.attachment = SimpleUploadedFile("phieu-kiem-nghiem.pdf", b"%PDF-1.4 test", "application/pdf")
    event.save()

    page = client.get(links.lot_trace_path(stamp.lot)).content.decode()

    assert event.attachment.url in page and "Tài liệu kèm theo (PDF)" in page


def test_product_trace_page_is_indexable_canonical_to_the_shop_page_and_described(client, stamp):
    product = stamp.lot.product

    page = client.get(links.product_trace_path(product)).content.decode()

    assert 'name="robots"' not in page
    assert f'<link rel="canonical" href="https://ocop.example.vn{product.get_absolute_url()}">' in page
    assert '<meta name="description" content="Muối hạt Cần Giờ: trạng thái chứng nhận OCOP' in page


def test_unit_and_lot_pages_are_not_indexed_and_name_themselves(client, stamp):
    for path in (links.stamp_trace_path(stamp), links.lot_trace_path(stamp.lot)):
        page = client.get(path).content.decode()
        assert '<meta name="robots" content="noindex">' in page
        assert f'<link rel="canonical" href="https://ocop.example.vn{path}">' in page
