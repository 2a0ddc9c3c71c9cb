"""Wagtail page models of the storefront (kept small: content here, rules in the apps)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from catalogue.models import ProductGroup
from catalogue.selectors import products_for_cards
from storefront import places

FEATURED_PRODUCTS = 12


class HomePage(Page):
    hero_title = models.CharField(_("tiêu đề"), max_length=120, blank=True)
    hero_text = models.TextField(_("lời giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("hero_title"), FieldPanel("hero_text")]
    max_count = 1
    template = "storefront/home_page.html"

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_products"] = products_for_cards()[:FEATURED_PRODUCTS]
        context["product_groups"] = ProductGroup.objects.all()
        return context


class TradeOfficer(models.Model):
    """A trade officer of Sở Công Thương: manages the sales points and fairs of one province."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trade_officer",
        verbose_name=_("người dùng"),
    )
    province_code = models.PositiveSmallIntegerField(_("tỉnh/thành phố"), choices=places.province_choices)

    class Meta:
        verbose_name = _("cán bộ Sở Công Thương")
        verbose_name_plural = _("cán bộ Sở Công Thương")

    def __str__(self):
        return f"{self.user} — {places.province_name(self.province_code)}"
