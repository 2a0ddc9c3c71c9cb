"""GS1 key qualifiers (lot AI 10, serial AI 21): their character set and unguessable serials.

GS1 General Specifications §7.11: both are X..20, characters of the "AI encodable character set 82".
"""

import re
import secrets
import string

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

AI82_CHARACTERS = string.ascii_letters + string.digits + "!\"%&'()*+,-./:;<=>?_"
QUALIFIER_MAX_LENGTH = 20
# A new serial is drawn from letters and digits only (a subset of AI 82 that needs no escaping in
# a URL): 20 of 62 symbols is 119 random bits, beyond the 96 that make a serial unguessable.
SERIAL_ALPHABET = string.ascii_letters + string.digits
SERIAL_LENGTH = QUALIFIER_MAX_LENGTH

validate_ai82 = RegexValidator(
    f"^[{re.escape(AI82_CHARACTERS)}]{{1,{QUALIFIER_MAX_LENGTH}}}\\Z",
    message=_(
        "Chỉ dùng tối đa 20 ký tự: chữ cái không dấu, chữ số và các ký hiệu GS1 cho phép "
        "(không dấu cách, không chữ có dấu)."
    ),
    code="not_ai82",
)


def new_serial() -> str:
    return "".join(secrets.choice(SERIAL_ALPHABET) for _ in range(SERIAL_LENGTH))


def is_qualifier(value: str) -> bool:
    try:
        validate_ai82(value)
    except ValidationError:
        return False
    return True
