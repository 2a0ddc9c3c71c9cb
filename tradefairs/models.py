"""Trade fairs and exhibitions (hội chợ, triển lãm) run by Sở Công Thương, their exhibitors and listings."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

import places
from catalogue.certification import local_today


class TradeFair(models.Model):
    class Kind(models.TextChoices):
        FAIR = "fair", _("Hội chợ")
        EXHIBITION = "exhibition", _("Triển lãm")

    name = models.CharField(_("tên"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.FAIR)
    venue = models.CharField(_("địa điểm"), max_length=255)
    province_code = models.PositiveSmallIntegerField(_("tỉnh/thành phố"), choices=places.province_choices)
    starts_on = models.DateField(_("ngày khai mạc"))
    ends_on = models.DateField(_("ngày bế mạc"))
    organiser = models.CharField(_("đơn vị tổ chức"), max_length=255)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("hội chợ, triển lãm")
        verbose_name_plural = _("hội chợ, triển lãm")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="fair_ends_after_start"
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("tradefairs:detail", kwargs={"slug": self.slug})

    def get_additional_data(self):  # auditlog: officers read the changes of their province
        return {"province_code": self.province_code}

    @property
    def is_running(self) -> bool:
        return self.starts_on <= local_today() <= self.ends_on

    @property
    def province_name(self):
        return places.province_name(self.province_code)


class Exhibitor(models.Model):
    fair = models.ForeignKey(
        TradeFair, on_delete=models.CASCADE, related_name="exhibitors", verbose_name=_("hội chợ")
    )
    producer = models.ForeignKey(
        "catalogue.Producer",
        on_delete=models.PROTECT,
        related_name="fair_exhibits",
        verbose_name=_("chủ thể OCOP"),
    )
    booth = models.CharField(_("gian hàng"), max_length=32)

    class Meta:
        ordering = ["booth", "pk"]
        verbose_name = _("đơn vị tham gia")
        verbose_name_plural = _("đơn vị tham gia")
        constraints = [
            models.UniqueConstraint(fields=["fair", "producer"], name="exhibitor_once_per_fair"),
            models.UniqueConstraint(fields=["fair", "booth"], name="exhibitor_booth_unique"),
        ]

    def __str__(self):
        return f"{self.booth} — {self.producer}"

    def get_additional_data(self):  # auditlog: officers read the changes of their province
        return {"province_code": self.fair.province_code}


class FairListing(models.Model):
    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, related_name="listings", verbose_name=_("đơn vị tham gia")
    )
    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="fair_listings",
        verbose_name=_("sản phẩm"),
    )

    class Meta:
        ordering = ["product__title", "pk"]
        verbose_name = _("sản phẩm trưng bày")
        verbose_name_plural = _("sản phẩm trưng bày")
        constraints = [models.UniqueConstraint(fields=["exhibitor", "product"], name="fair_listing_unique")]

    def __str__(self):
        return f"{self.product} @ {self.exhibitor}"

    def get_additional_data(self):  # auditlog: officers read the changes of their province
        return {"province_code": self.exhibitor.fair.province_code}
