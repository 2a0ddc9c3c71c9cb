"""A certificate that breaks an OCOP rule is refused the same way by every door: the /cms/ form,
the importer, full_clean() and the database itself."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from catalogue import importing
from catalogue.models import (
    FIVE_STARS_NATIONAL_ONLY,
    REVOCATION_INCOMPLETE,
    SCORE_OUTSIDE_BAND,
    STARS_NOT_CERTIFIED,
    Certificate,
    RecognitionDecision,
)
from tests.factories import CertificateFactory, ProductFactory, RecognitionDecisionFactory
from tests.ocop_files import csv_bytes, ocop_row

pytestmark = pytest.mark.django_db

REVOKED_WITHOUT_NUMBER = {"status": "revoked", "revoked_on": "2026-01-02", "revocation_decision_number": ""}
BAD_CERTIFICATES = {
    "4 stars scored 65": (
        {"stars": 4, "score": 65}, "province", SCORE_OUTSIDE_BAND % {"score": 65, "stars": 4}
    ),
    "5 stars on a provincial decision": ({"stars": 5, "score": 95}, "province", FIVE_STARS_NATIONAL_ONLY),
    "2 stars": ({"stars": 2, "score": 45}, "province", STARS_NOT_CERTIFIED),
    "revoked without a decision number": (REVOKED_WITHOUT_NUMBER, "province", REVOCATION_INCOMPLETE),
}


def _import_row(fields, level):
    row = {"stars": str(fields["stars"]) if "stars" in fields else "4", "level": level}
    if "score" in fields:
        row["score"] = str(fields["score"])
    if fields.get("status") == "revoked":
        row.update(status="revoked", revoked_on="02/01/2026", revocation_decision="")
    return ocop_row(1, **row)


@pytest.mark.parametrize("case", BAD_CERTIFICATES)
def test_full_clean_refuses_it(case):
    fields, level, message = BAD_CERTIFICATES[case]
    certificate = CertificateFactory.build(
        product=ProductFactory(certificate=None), decision=RecognitionDecisionFactory(level=level), **fields
    )
    with pytest.raises(ValidationError) as refused:
        certificate.full_clean()
    assert str(message) in refused.value.messages


@pytest.mark.parametrize("case", BAD_CERTIFICATES)
def test_the_importer_refuses_it_and_writes_nothing(case):
    fields, level, message = BAD_CERTIFICATES[case]
    with pytest.raises(importing.ImportRejected) as refused:
        importing.import_ocop(csv_bytes([_import_row(fields, level)]), filename="decisions.csv")
    assert [error.message for error in refused.value.errors] == [str(message)]
    assert not RecognitionDecision.objects.exists()


@pytest.mark.parametrize("case", BAD_CERTIFICATES)
def test_the_cms_form_refuses_it_and_writes_nothing(case, admin_client):
    fields, level, message = BAD_CERTIFICATES[case]
    product, decision = ProductFactory(certificate=None), RecognitionDecisionFactory(level=level)
    form = {
        "product": product.pk, "decision": decision.pk,
        "valid_from": "2026-01-01", "valid_until": "2028-12-31",
        "status": "active", "score": "", "revocation_decision_number": "", "revocation_reason": "",
        **{name: str(value) for name, value in fields.items()},
    }

    response = admin_client.post(reverse("wagtailsnippets_catalogue_certificate:add"), form)

    assert response.status_code == 200  # the form again, with its errors
    assert str(message) in response.content.decode()
    assert not Certificate.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [{"stars": 2, "score": 45}, {"stars": 4, "score": 65}, {"status": "revoked", "revoked_on": "2026-01-02"}],
    ids=["2 stars", "score outside its band", "revoked without a decision number"],
)
def test_the_database_refuses_it_even_past_the_model(fields):
    certificate = CertificateFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.filter(pk=certificate.pk).update(**fields)
