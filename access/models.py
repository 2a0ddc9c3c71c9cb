"""Who holds a role tied to a place: a trade officer of Sở Công Thương works for one province."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

import places


class TradeOfficer(models.Model):
    """A trade officer of Sở Công Thương: manages the sales points and fairs of one province."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trade_officer",
        verbose_name=_("người dùng"),
    )
    province_code = models.PositiveSmallIntegerField(_("tỉnh/thành phố"), choices=places.province_choices)

    class Meta:
        db_table = "storefront_tradeofficer"  # created by storefront 0005, moved here without a copy
        verbose_name = _("cán bộ Sở Công Thương")
        verbose_name_plural = _("cán bộ Sở Công Thương")

    def __str__(self):
        return f"{self.user} — {places.province_name(self.province_code)}"


class CertificationOfficer(models.Model):
    """An officer of a provincial OCOP office: imports its province's recognition and revocation
    decisions, follows expiries and invites producers. The same person may also be a trade officer."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certification_officer",
        verbose_name=_("người dùng"),
    )
    province_code = models.PositiveSmallIntegerField(_("tỉnh/thành phố"), choices=places.province_choices)

    class Meta:
        verbose_name = _("cán bộ văn phòng OCOP tỉnh")
        verbose_name_plural = _("cán bộ văn phòng OCOP tỉnh")

    def __str__(self):
        return f"{self.user} — {places.province_name(self.province_code)}"


class NotificationSettings(models.Model):
    """The emails a person may switch off (invitations and password resets always go out)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings",
        verbose_name=_("người dùng"),
    )
    expiry_warnings = models.BooleanField(
        _("Chứng nhận OCOP sắp hết hạn"), default=True,
        help_text=_("30 ngày trước khi chứng nhận của sản phẩm hết hạn."),
    )
    order_lines = models.BooleanField(
        _("Đơn hàng mới có hàng cần giao"), default=True, help_text=_("Khi khách đặt sản phẩm của cơ sở."),
    )
    stamp_sheets = models.BooleanField(
        _("Tờ tem đã sẵn sàng để in"), default=True, help_text=_("Khi tạo xong tem cho một lô."),
    )

    class Meta:
        verbose_name = _("thông báo qua email")
        verbose_name_plural = _("thông báo qua email")

    def __str__(self):
        return str(self.user)
