import pytest
from django.core.management import call_command
from oscar.apps.partner.models import StockRecord

from catalogue.models import Certificate, Producer, Product, RecognitionDecision

pytestmark = pytest.mark.django_db


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (Producer, Product, Certificate, RecognitionDecision, StockRecord)
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


def test_seed_demo_grows_to_a_larger_size_without_touching_existing_rows():
    call_command("seed_demo", products=40, producers=30)
    first_ids = set(Product.objects.values_list("pk", flat=True))

    call_command("seed_demo", products=60, producers=30)

    assert Product.objects.count() == 60
    assert first_ids <= set(Product.objects.values_list("pk", flat=True))
