"""The rules of an OCOP certificate, checked on built objects (no database)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from catalogue.models import (
    FIVE_STARS_NATIONAL_ONLY,
    REVOCATION_INCOMPLETE,
    SCORE_OUTSIDE_BAND,
    STARS_NOT_CERTIFIED,
    VALIDITY_ORDER,
    Certificate,
    RecognitionDecision,
)

PROVINCE, NATIONAL = RecognitionDecision.Level.PROVINCE, RecognitionDecision.Level.NATIONAL


def certificate(*, level=PROVINCE, **fields):
    values = {
        "stars": 4, "score": 78, "valid_from": date(2025, 1, 1), "valid_until": date(2028, 1, 1),
        "status": Certificate.Status.ACTIVE, **fields,
    }
    return Certificate(decision=RecognitionDecision(level=level), **values)


def messages(cert) -> list[str]:
    return ValidationError(cert.rule_errors()).messages


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"stars": 3, "score": 50}, []),
        ({"stars": 4, "score": 89}, []),
        ({"stars": 5, "score": 90, "level": NATIONAL}, []),
        ({"stars": 4, "score": None}, []),
        ({"stars": 4, "score": 65}, [SCORE_OUTSIDE_BAND % {"score": 65, "stars": 4}]),
        ({"stars": 3, "score": 70}, [SCORE_OUTSIDE_BAND % {"score": 70, "stars": 3}]),
        ({"stars": 5, "score": 95, "level": PROVINCE}, [FIVE_STARS_NATIONAL_ONLY]),
        ({"stars": 2, "score": 45}, [STARS_NOT_CERTIFIED]),
        ({"stars": 6, "score": None}, [STARS_NOT_CERTIFIED]),
        ({"valid_until": date(2024, 12, 31)}, [VALIDITY_ORDER]),
    ],
    ids=lambda value: str(value),
)
def test_each_rule_gives_its_own_message(fields, expected):
    assert messages(certificate(**fields)) == [str(message) for message in expected]


def test_a_revocation_needs_its_date_and_its_decision_number():
    no_number = certificate(status=Certificate.Status.REVOKED, revoked_on=date(2026, 1, 2))
    no_date = certificate(status=Certificate.Status.REVOKED, revocation_decision_number="9/QĐ-UBND")
    complete = certificate(
        status=Certificate.Status.REVOKED, revoked_on=date(2026, 1, 2), revocation_decision_number="9/QĐ"
    )

    assert messages(no_number) == [str(REVOCATION_INCOMPLETE)]
    assert messages(no_date) == [str(REVOCATION_INCOMPLETE)]
    assert no_number.rule_errors().keys() == {"revocation_decision_number"}
    assert messages(complete) == []


def test_a_certificate_without_a_decision_yet_is_judged_on_its_own_fields():
    cert = Certificate(stars=5, score=95, valid_from=date(2025, 1, 1), valid_until=date(2028, 1, 1))
    assert messages(cert) == []  # the form reports the missing decision on its own field


def test_clean_raises_the_rules_by_field():
    with pytest.raises(ValidationError) as refused:
        certificate(stars=4, score=65).clean()
    assert refused.value.message_dict == {"score": [SCORE_OUTSIDE_BAND % {"score": 65, "stars": 4}]}
