import pytest
from django.core.management import call_command

from catalogue.models import Certificate, Producer, Product, RecognitionDecision
from catalogue.partner.models import StockRecord
from salespoints.models import SalesPoint, SalesPointStock
from traceability.models import Lot, Stamp, TraceEvent

COUNTED = (
    Producer, Product, Certificate, RecognitionDecision, StockRecord, Lot, Stamp, TraceEvent, SalesPoint,
    SalesPointStock,
)

pytestmark = pytest.mark.django_db


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in COUNTED
    }


def test_seed_demo_builds_a_gated_catalogue_and_a_second_run_changes_nothing():
    call_command("seed_demo", products=150, producers=30)
    first = _counts()

    call_command("seed_demo", products=150, producers=30)

    assert _counts() == first
    assert first["Product"] == 150
    listable = Product.objects.browsable().count()
    assert 0 < listable < 150  # some demo certificates are expired or revoked
    assert Certificate.objects.filter(status=Certificate.Status.REVOKED).exists()
    assert Certificate.objects.filter(supersedes__isnull=False).exists()
    assert set(StockRecord.objects.values_list("price_currency", flat=True)) == {"VND"}
    assert Product.objects.filter(title="Thanh trà Hương Vân", producer__name="HTX NN Hương Vân").exists()
    assert first["Lot"] > 0 and first["Stamp"] == 3 * first["Lot"]
    assert Lot.objects.filter(areas__name="Ruộng muối Lý Nhơn").exists()


def test_seed_demo_grows_to_a_larger_size_without_touching_existing_rows():
    call_command("seed_demo", products=40, producers=30)
    first_ids = set(Product.objects.values_list("pk", flat=True))

    call_command("seed_demo", products=60, producers=30)

    assert Product.objects.count() == 60
    assert first_ids <= set(Product.objects.values_list("pk", flat=True))


def test_seed_demo_has_sales_points_of_the_seeded_provinces_with_real_names():
    call_command("seed_demo", products=150, producers=30)

    names = set(SalesPoint.objects.values_list("name", flat=True))
    assert "Quầy OCOP Cảng hàng không quốc tế Phú Bài" in names
    vam_sat = SalesPoint.objects.get(slug="can-gio-vam-sat")
    assert vam_sat.kind == SalesPoint.Kind.TOURIST_SITE and vam_sat.province_name == "Thành phố Hồ Chí Minh"
    assert SalesPointStock.objects.filter(product__in=Product.objects.browsable()).exists()
