"""The SQL and Python forms of the listing gate agree on every case."""

from datetime import timedelta

import pytest
import time_machine

from catalogue.certification import is_listable, local_today
from catalogue.models import Product
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def _valid_product(**certificate):
    product = ProductFactory(certificate=None)
    CertificateFactory(product=product, **certificate)
    return product


CASES = {
    "valid 4-star certificate": (lambda: _valid_product(), True),
    "expires today": (lambda: _valid_product(valid_until=local_today()), True),
    "expired yesterday": (lambda: _valid_product(valid_until=local_today() - timedelta(days=1)), False),
    "not valid yet": (lambda: _valid_product(valid_from=local_today() + timedelta(days=1)), False),
    "revoked": (lambda: _valid_product(revoked=True), False),
    "superseded only": (lambda: _valid_product(superseded=True), False),
    "no certificate": (lambda: ProductFactory(uncertified=True), False),
    "producer inactive": (lambda: ProductFactory(producer__is_active=False), False),
    "not public": (lambda: ProductFactory(is_public=False), False),
}


@pytest.mark.parametrize("case", CASES)
def test_sql_and_python_forms_of_the_gate_agree(case):
    build, expected = CASES[case]
    product = build()
    ProductFactory()  # a listable neighbour, so an over-broad filter shows up

    in_sql = Product.objects.browsable().filter(pk=product.pk).exists()

    assert in_sql is expected
    assert is_listable(product) is expected


@time_machine.travel("2026-03-31 23:30 +07:00", tick=False)
def test_certificate_is_valid_through_its_last_day_in_vietnam_time():
    product = _valid_product(valid_until=local_today())
    assert Product.objects.browsable().filter(pk=product.pk).exists()


def test_certificate_lapses_the_day_after_valid_until_in_vietnam_time():
    with time_machine.travel("2026-03-31 12:00 +07:00", tick=False):
        product = _valid_product(valid_until=local_today())
    # 17:30 UTC on 31/03 is already 01/04 in Asia/Ho_Chi_Minh.
    with time_machine.travel("2026-03-31 17:30 +00:00", tick=False):
        assert not Product.objects.browsable().filter(pk=product.pk).exists()
        assert not is_listable(product)


def test_browsable_does_not_duplicate_products_with_several_valid_certificates():
    product = _valid_product()
    CertificateFactory(product=product, stars=5, score=92)
    assert Product.objects.browsable().filter(pk=product.pk).count() == 1
