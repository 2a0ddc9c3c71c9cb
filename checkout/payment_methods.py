"""How a shopper may pay. Each method is one entry here: add one to offer it at checkout.

Neither method takes money at placement: cash is paid to the courier; a transfer is matched by
the bank's notice (checkout.reconciliation), or by staff from a statement, which marks the order paid.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from checkout.statuses import AWAITING_PAYMENT, TO_SHIP
from checkout.vietqr import BankAccount


@dataclass(frozen=True)
class PaymentMethod:
    code: str
    name: str
    description: str
    initial_status: str
    shows_vietqr: bool = False


METHODS = {
    method.code: method
    for method in [
        PaymentMethod(
            "cod", _("Thanh toán khi nhận hàng (COD)"),
            _("Trả tiền mặt cho người giao hàng khi nhận hàng."), TO_SHIP,
        ),
        PaymentMethod(
            "vietqr", _("Chuyển khoản ngân hàng (VietQR)"),
            _("Quét mã VietQR bằng ứng dụng ngân hàng; đơn hàng được giao khi đã nhận tiền."),
            AWAITING_PAYMENT, shows_vietqr=True,
        ),
    ]
}
DEFAULT_METHOD = "cod"


def method_for(code: str | None) -> PaymentMethod:
    return METHODS.get(code or DEFAULT_METHOD, METHODS[DEFAULT_METHOD])


def shop_bank_account() -> BankAccount:
    return BankAccount(
        bin=settings.VIETQR_BANK_BIN, number=settings.VIETQR_ACCOUNT_NUMBER, name=settings.VIETQR_ACCOUNT_NAME
    )
