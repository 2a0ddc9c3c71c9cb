"""Vietnamese banks by their NAPAS BIN, as the VietQR bank list names them (vietnam-qr-pay's copy).

Logos are VietQR's own images, by the bank's code (settings.VIETQR_BANK_LOGO_URL; empty: none).
"""

from dataclasses import dataclass
from functools import cache

from django.conf import settings
from vietnam_qr_pay import BanksObject


@dataclass(frozen=True)
class Bank:
    bin: str
    code: str
    short_name: str
    name: str

    @property
    def logo_url(self) -> str:
        template = settings.VIETQR_BANK_LOGO_URL
        return template.format(code=self.code) if template else ""


@cache
def _banks_by_bin() -> dict[str, Bank]:
    banks = {}
    # Current entries win over deprecated ones that share their BIN.
    for entry in sorted(BanksObject.values(), key=lambda entry: not entry.deprecated):
        banks[entry.bin] = Bank(entry.bin, entry.code.value, entry.short_name, entry.name)
    return banks


def bank_by_bin(bin_code: str) -> Bank | None:
    return _banks_by_bin().get(bin_code)
