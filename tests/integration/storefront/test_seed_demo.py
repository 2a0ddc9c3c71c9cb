"""seed_demo: one realistic demo from the provincial plans, gated like real data, safe to run again.

One scenario, seeded once: every package's demo (catalogue, traceability, sales points, fairs,
pages) is checked on the same run, then a second run (idempotent) and a larger one (growth).
"""

import pytest
from django.core.management import call_command

from catalogue.certification import local_today
from catalogue.models import Certificate, Producer, Product, RecognitionDecision
from catalogue.partner.models import StockRecord
from salespoints.models import SalesPoint, SalesPointStock
from storefront.models import ProducerPage, ProductStoryPage
from traceability.models import Lot, Stamp, TraceEvent
from tradefairs.models import TradeFair

COUNTED = (
    Producer, Product, Certificate, RecognitionDecision, StockRecord, Lot, Stamp, TraceEvent, SalesPoint,
    SalesPointStock, TradeFair, ProducerPage, ProductStoryPage,
)

pytestmark = pytest.mark.django_db


def _counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_seed_demo_builds_every_packages_demo_runs_again_unchanged_and_grows():
    call_command("seed_demo", products=150, producers=30, verbosity=0)
    first = _counts()

    # The catalogue: real names, some certificates expired, revoked or superseded, prices in VND.
    assert first["Product"] == 150
    assert 0 < Product.objects.browsable().count() < 150
    assert Certificate.objects.filter(status=Certificate.Status.REVOKED).exists()
    assert Certificate.objects.filter(supersedes__isnull=False).exists()
    assert set(StockRecord.objects.values_list("price_currency", flat=True)) == {"VND"}
    assert Product.objects.filter(title="Thanh trà Hương Vân", producer__name="HTX NN Hương Vân").exists()
    # Traceability: lots with their stamps and raw-material areas.
    assert first["Lot"] > 0 and first["Stamp"] == 3 * first["Lot"]
    assert Lot.objects.filter(areas__name="Ruộng muối Lý Nhơn").exists()
    # Sales points of the seeded provinces, with real names, carrying listable products.
    assert SalesPoint.objects.filter(name="Quầy OCOP Cảng hàng không quốc tế Phú Bài").exists()
    vam_sat = SalesPoint.objects.get(slug="can-gio-vam-sat")
    assert vam_sat.kind == SalesPoint.Kind.TOURIST_SITE and vam_sat.province_name == "Thành phố Hồ Chí Minh"
    assert SalesPointStock.objects.filter(product__in=Product.objects.browsable()).exists()
    # Fairs: one past and one upcoming, both with exhibitors.
    today = local_today()
    assert TradeFair.objects.filter(ends_on__lt=today, exhibitors__isnull=False).exists()
    assert TradeFair.objects.filter(starts_on__gt=today, exhibitors__isnull=False).exists()
    # Pages: the real producers' pages and their products' stories, translated into three languages;
    # products' names too.
    assert ProducerPage.objects.filter(title="HTX Diêm nghiệp Lý Nhơn").live().exists()
    stories = ProductStoryPage.objects.live()
    for title in ("Câu chuyện Mắm cá cơm Cần Giờ", "The story of Can Gio anchovy fish sauce",
                  "芹椰鳀鱼鱼露的故事", "껀저 멸치 액젓 이야기"):
        assert stories.filter(title=title).exists(), title
    assert Product.objects.filter(title_vi="Mắm cá cơm Cần Giờ", title_ko="껀저 멸치 액젓").exists()

    call_command("seed_demo", products=150, producers=30, verbosity=0)
    assert _counts() == first
    originals = ProducerPage.objects.filter(locale__language_code="vi")
    assert originals.filter(title="HTX Diêm nghiệp Lý Nhơn").count() == 1

    first_ids = set(Product.objects.values_list("pk", flat=True))
    call_command("seed_demo", products=170, producers=30, verbosity=0)
    assert Product.objects.count() == 170
    assert first_ids <= set(Product.objects.values_list("pk", flat=True))
