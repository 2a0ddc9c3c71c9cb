from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CancelReason(models.TextChoices):
    SHOPPER = "shopper", _("Người mua hủy")
    UNPAID = "unpaid", _("Quá hạn chờ chuyển khoản")


class OrderPreferences(models.Model):
    """What the shopper chose at checkout that Oscar's order has no field for.

    The language writes every later email to the shopper in the language they bought in; the
    sales point is where a pickup order waits (reports count orders per point through it).
    """

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, primary_key=True, related_name="preferences",
        verbose_name=_("đơn hàng"),
    )
    language = models.CharField(_("ngôn ngữ"), max_length=8, choices=settings.LANGUAGES, default="vi")
    pickup_point = models.ForeignKey(
        "salespoints.SalesPoint", on_delete=models.PROTECT, null=True, blank=True,
        related_name="pickup_orders", verbose_name=_("nhận tại điểm bán"),
    )
    cancelled_because = models.CharField(
        _("lý do hủy"), max_length=16, choices=CancelReason.choices, blank=True,
    )

    class Meta:
        verbose_name = _("lựa chọn của người mua")
        verbose_name_plural = _("lựa chọn của người mua")

    def __str__(self):
        return str(self.order)


class BankNotice(models.Model):
    """A notice of money received on the shop's account, kept as it arrived, with what came of it.

    Notices come from the bank-notification service's webhook or from a statement file staff
    upload; refused ones are kept too (the audit trail). A bank transaction is recorded once,
    whichever way it arrives: its bank reference is unique among the notices that counted.
    """

    class Channel(models.TextChoices):
        WEBHOOK = "webhook", _("Thông báo từ ngân hàng (webhook)")
        STATEMENT = "statement", _("Sao kê tải lên")

    class Outcome(models.TextChoices):
        PAID = "paid", _("Khớp đơn, đã thanh toán")
        SHORT = "short", _("Chuyển thiếu")
        OVER = "over", _("Chuyển thừa")
        REFUND = "refund", _("Đơn đã hủy: cần hoàn tiền")
        UNMATCHED = "unmatched", _("Không khớp đơn nào")
        DUPLICATE = "duplicate", _("Giao dịch đã ghi nhận trước đó")
        REFUSED = "refused", _("Bị từ chối")
        IGNORED = "ignored", _("Không phải tiền vào")

    # Outcomes a person has to act on (until one does: settled_by).
    NEEDS_STAFF = (Outcome.SHORT, Outcome.OVER, Outcome.REFUND, Outcome.UNMATCHED)
    # Outcomes that hold the bank transaction (a later notice of it is a duplicate).
    COUNTED = (Outcome.PAID, Outcome.SHORT, Outcome.OVER, Outcome.REFUND, Outcome.UNMATCHED)

    channel = models.CharField(_("nguồn"), max_length=16, choices=Channel.choices)
    received_at = models.DateTimeField(_("nhận lúc"), default=timezone.now, db_index=True)
    payload = models.TextField(_("nội dung nhận được"))
    bank_reference = models.CharField(_("mã giao dịch ngân hàng"), max_length=100, blank=True)
    amount = models.DecimalField(_("số tiền"), max_digits=15, decimal_places=0, null=True, blank=True)
    description = models.TextField(_("nội dung chuyển khoản"), blank=True)
    transacted_at = models.DateTimeField(_("thời điểm giao dịch"), null=True, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=16, choices=Outcome.choices)
    reason = models.CharField(_("lý do"), max_length=255, blank=True)
    order = models.ForeignKey(
        "order.Order", on_delete=models.PROTECT, null=True, blank=True, related_name="bank_notices",
        verbose_name=_("đơn hàng"),
    )
    difference = models.DecimalField(
        _("chênh lệch"), max_digits=15, decimal_places=0, null=True, blank=True,
        help_text=_("Số tiền nhận được trừ số tiền phải trả."),
    )
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("người xử lý"),
    )
    settled_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    settlement = models.CharField(_("cách xử lý"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thông báo chuyển khoản")
        verbose_name_plural = _("thông báo chuyển khoản")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bank_reference"],
                condition=models.Q(outcome__in=["paid", "short", "over", "refund", "unmatched"])
                & ~models.Q(bank_reference=""),
                name="one_counted_notice_per_bank_transaction",
            ),
        ]

    def __str__(self):
        return f"{self.bank_reference or self.pk}: {self.get_outcome_display()}"

    @property
    def needs_staff(self) -> bool:
        return self.outcome in self.NEEDS_STAFF and self.settled_by_id is None
