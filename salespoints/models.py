"""Sales points (điểm giới thiệu và bán sản phẩm OCOP, Decision 950/QĐ-BCT) and what they carry."""

from django.conf import settings
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.models import Address, Located
from uploads import image_validators


class SalesPoint(Address, Located):
    """A place where OCOP products are shown and sold, run by one or more operators."""

    class Kind(models.TextChoices):
        # The location types of Decision 950/QĐ-BCT (18/04/2023).
        STATION = "station", _("Nhà ga, sân bay")
        REST_STOP = "rest_stop", _("Trạm dừng nghỉ trên cao tốc")
        MARKET = "market", _("Trung tâm thương mại, chợ")
        TOURIST_SITE = "tourist_site", _("Điểm du lịch, khách sạn")
        CRAFT_VILLAGE = "craft_village", _("Làng nghề")
        TRADE_CENTRE = "trade_centre", _("Trung tâm xúc tiến thương mại")
        FAIR_CENTRE = "fair_centre", _("Trung tâm hội chợ, triển lãm")
        POST_OFFICE = "post_office", _("Bưu điện văn hóa xã")

    name = models.CharField(_("tên điểm bán"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("loại địa điểm"), max_length=32, choices=Kind.choices)
    opening_hours = models.CharField(_("giờ mở cửa"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    operators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="operated_sales_points",
        verbose_name=_("người vận hành"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("điểm bán OCOP")
        verbose_name_plural = _("điểm bán OCOP")
        indexes = [models.Index(fields=["province_code", "commune_code"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("salespoints:detail", kwargs={"slug": self.slug})

    def get_additional_data(self):  # auditlog: officers read the changes of their province
        return {"province_code": self.province_code}


class SalesPointPhoto(models.Model):
    sales_point = models.ForeignKey(
        SalesPoint, on_delete=models.CASCADE, related_name="photos", verbose_name=_("điểm bán")
    )
    image = models.ImageField(
        _("ảnh"), upload_to="sales_points/",
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"]), *image_validators()],
    )
    caption = models.CharField(_("chú thích"), max_length=255, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("ảnh điểm bán")
        verbose_name_plural = _("ảnh điểm bán")

    def __str__(self):
        return self.caption or str(self.sales_point)


class SalesPointStock(models.Model):
    """One product carried by a sales point, with its stock level (and a count when known)."""

    class Level(models.TextChoices):
        IN_STOCK = "in_stock", _("Còn hàng")
        LOW = "low", _("Sắp hết")
        OUT = "out", _("Hết hàng")

    sales_point = models.ForeignKey(
        SalesPoint, on_delete=models.CASCADE, related_name="stock", verbose_name=_("điểm bán")
    )
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="sales_point_stock",
        verbose_name=_("sản phẩm"),
    )
    level = models.CharField(_("tình trạng"), max_length=16, choices=Level.choices, default=Level.IN_STOCK)
    quantity = models.IntegerField(
        _("số lượng"), null=True, blank=True,
        validators=[MinValueValidator(0, _("Số lượng không được âm."))],
    )
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        ordering = ["product__title"]
        verbose_name = _("hàng tại điểm bán")
        verbose_name_plural = _("hàng tại điểm bán")
        constraints = [
            models.UniqueConstraint(fields=["sales_point", "product"], name="sales_point_stock_unique"),
            models.CheckConstraint(
                condition=models.Q(quantity__isnull=True) | models.Q(quantity__gte=0),
                name="sales_point_stock_quantity_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.product} @ {self.sales_point}"

    def get_additional_data(self):  # auditlog: officers read the changes of their province
        return {"province_code": self.sales_point.province_code}
