"""The bank-notification service's webhook: one POST per transfer received on the shop's account.

The body is SePay's (``id``, ``transferType``, ``transferAmount``, ``content``, ``referenceCode``,
``transactionDate`` in Vietnam time). Authentication is an API key or an HMAC-SHA256 signature of
the raw body (settings.BANK_WEBHOOK_API_KEY / BANK_WEBHOOK_HMAC_SECRET). Every notice is kept,
refused ones too (checkout.reconciliation); only an authentic, well-formed incoming transfer can
pay an order.
"""

import hashlib
import hmac
import json
from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from checkout.models import BankNotice
from checkout.reconciliation import Transfer, amount_error, ignore, record, refuse
from formats import has_control_characters

MAX_KEPT_PAYLOAD = 20_000  # characters of a refused body kept for the audit trail
REQUIRED_FIELDS = ("id", "transferType", "transferAmount", "content", "transactionDate")


class MalformedNotice(ValueError):
    pass


def is_authentic(request) -> bool:
    """The service's API key, or its signature of the exact body; False when neither is configured."""
    api_key, secret = settings.BANK_WEBHOOK_API_KEY, settings.BANK_WEBHOOK_HMAC_SECRET
    if api_key and hmac.compare_digest(request.headers.get("Authorization", ""), f"Apikey {api_key}"):
        return True
    if secret:
        expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(request.headers.get("X-Signature", ""), expected)
    return False


def sepay_transfer(data) -> Transfer:
    """The transfer a SePay notice describes; MalformedNotice says what is wrong with it."""
    if not isinstance(data, dict):
        raise MalformedNotice(_("Nội dung phải là một đối tượng JSON."))
    missing = [name for name in REQUIRED_FIELDS if data.get(name) in (None, "")]
    if missing:
        raise MalformedNotice(_("Thiếu trường: %(fields)s.") % {"fields": ", ".join(missing)})
    raw_amount = data["transferAmount"]
    try:
        if isinstance(raw_amount, bool) or not isinstance(raw_amount, int | float | str):
            raise InvalidOperation
        amount = Decimal(str(raw_amount))
    except InvalidOperation:
        amount = None
    error = amount_error(amount)
    if error:
        raise MalformedNotice(error)
    try:
        when = timezone.make_aware(datetime.strptime(str(data["transactionDate"]), "%Y-%m-%d %H:%M:%S"))
    except ValueError as parse_error:
        raise MalformedNotice(_("transactionDate phải có dạng YYYY-MM-DD HH:MM:SS.")) from parse_error
    reference = str(data.get("referenceCode") or f"SEPAY-{data['id']}")
    if has_control_characters(reference + str(data["content"])):
        raise MalformedNotice(_("Nội dung hoặc mã giao dịch có ký tự điều khiển."))
    return Transfer(reference, amount, description=str(data["content"]), transacted_at=when)


@csrf_exempt
@require_POST
def bank_transfer_webhook(request):
    channel = BankNotice.Channel.WEBHOOK
    payload = request.body.decode("utf-8", errors="replace")
    if not is_authentic(request):
        refuse(channel=channel, payload=payload[:MAX_KEPT_PAYLOAD], reason=_("Sai khóa hoặc chữ ký."))
        return JsonResponse({"success": False, "error": "unauthorized"}, status=401)
    try:
        data = json.loads(payload)
        transfer = sepay_transfer(data)
    except ValueError as error:  # json's decoding error, or our MalformedNotice
        reason = str(error) if isinstance(error, MalformedNotice) else _("Nội dung không phải JSON.")
        refuse(channel=channel, payload=payload[:MAX_KEPT_PAYLOAD], reason=reason)
        return JsonResponse({"success": False, "error": reason}, status=400)
    if data["transferType"] != "in":
        ignore(channel=channel, payload=payload, reason=_("Giao dịch tiền ra."))
        return JsonResponse({"success": True, "outcome": BankNotice.Outcome.IGNORED})
    notice = record(transfer, channel=channel, payload=payload)
    return JsonResponse({"success": True, "outcome": notice.outcome})
