from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        verbose_name = _("lựa chọn của người mua")
        verbose_name_plural = _("lựa chọn của người mua")

    def __str__(self):
        return str(self.order)
