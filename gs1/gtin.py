"""GTIN (GS1 trade item numbers): check digit and normalisation to 14 digits."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

GTIN_LENGTHS = (8, 12, 13, 14)
INVALID_GTIN = _("Mã GTIN không hợp lệ: cần 8, 12, 13 hoặc 14 chữ số với số kiểm tra đúng.")


def gtin_check_digit(body: str) -> int:
    """Compute the GS1 mod-10 check digit of the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(value: str) -> bool:
    return (
        value.isascii()
        and value.isdigit()
        and len(value) in GTIN_LENGTHS
        and gtin_check_digit(value[:-1]) == int(value[-1])
    )


def normalise_gtin(value: str) -> str:
    """Return the GTIN-14 form of a valid GTIN-8/12/13/14; raise ValidationError otherwise."""
    value = value.strip()
    if not is_valid_gtin(value):
        raise ValidationError(INVALID_GTIN, code="invalid_gtin")
    return value.zfill(14)


def validate_gtin(value: str) -> None:
    normalise_gtin(value)


def stored_forms(gtin: str) -> set[str]:
    """The forms a GTIN may be stored in (8, 12, 13 or 14 digits); ValidationError for a bad one."""
    gtin14 = normalise_gtin(gtin)
    return {gtin14[-length:] for length in (8, 12, 13, 14) if set(gtin14[:-length]) <= {"0"}}
