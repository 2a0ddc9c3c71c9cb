"""Certificate history and the status sentence the product pages show."""

from datetime import date

import pytest
import time_machine

from catalogue.certification import listing_status
from catalogue.selectors import certificate_history, listing_status_message, products_with_certificates
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


@time_machine.travel(date(2026, 3, 1), tick=False)
def test_certificate_history_is_newest_first_with_live_statuses():
    product = ProductFactory(uncertified=True)
    oldest = CertificateFactory(
        product=product, superseded=True, valid_from=date(2020, 1, 1), valid_until=date(2023, 1, 1)
    )
    expired = CertificateFactory(product=product, valid_from=date(2022, 1, 1), valid_until=date(2025, 1, 1))
    current = CertificateFactory(product=product, valid_from=date(2025, 2, 1), valid_until=date(2028, 2, 1))

    history = certificate_history(product)

    assert [(e.certificate, e.status) for e in history] == [
        (current, "active"),
        (expired, "expired"),
        (oldest, "superseded"),
    ]
    assert [e.status_label for e in history] == ["Còn hiệu lực", "Đã hết hạn", "Đã được thay thế"]


def test_certificate_history_runs_no_query_when_certificates_are_prefetched(django_assert_num_queries):
    product = ProductFactory()
    CertificateFactory(product=product, expired=True)
    product = products_with_certificates().get(pk=product.pk)

    with django_assert_num_queries(0):
        assert len(certificate_history(product)) == 2


def test_status_sentence_of_a_revoked_product_gives_date_decision_and_reason():
    product = ProductFactory(uncertified=True)
    CertificateFactory(
        product=product,
        revoked=True,
        revoked_on=date(2026, 1, 5),
        revocation_decision_number="45/QĐ-UBND",
        revocation_reason="Không đánh giá lại.",
    )

    message = listing_status_message(listing_status(product))

    assert message == (
        "Chứng nhận OCOP đã bị thu hồi ngày 05/01/2026 theo quyết định số 45/QĐ-UBND. "
        "Lý do: Không đánh giá lại."
    )


def test_status_sentence_of_an_expired_product_gives_its_expiry_date():
    product = ProductFactory(uncertified=True)
    CertificateFactory(product=product, expired=True)

    assert listing_status_message(listing_status(product)) == "Chứng nhận OCOP đã hết hạn ngày 01/01/2023."
