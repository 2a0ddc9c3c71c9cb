"""Wagtail page models of the storefront (kept small: content here, rules in the apps)."""

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from catalogue.models import Producer, Product, ProductGroup
from catalogue.selectors import products_for_cards, provinces_with_products
from storefront.blocks import StoryBlocks

FEATURED_PRODUCTS = 12
FEATURED_PRODUCERS = 6


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
        context["provinces"] = provinces_with_products()
        context["featured_producers"] = (
            ProducerPage.objects.live().select_related("producer", "cover").order_by("-first_published_at")
        )[:FEATURED_PRODUCERS]
        return context



class ContentPage(Page):
    """A plain page: about us, buying guides, the OCOP programme explained."""

    body = StreamField(StoryBlocks(), verbose_name=_("nội dung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    template = "storefront/content_page.html"

    class Meta:
        verbose_name = _("trang nội dung")


class ProducerIndexPage(Page):
    """The list of producers; each producer's page and stories live under it."""

    intro = models.TextField(_("lời giới thiệu"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["storefront.ProducerPage"]
    max_count = 1
    template = "storefront/producer_index_page.html"

    class Meta:
        verbose_name = _("danh sách chủ thể")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["producer_pages"] = (
            ProducerPage.objects.child_of(self).live().select_related("producer", "cover").order_by("title")
        )
        return context


class ProducerPage(Page):
    """A producer telling its own story; the producer's users may edit this page and its stories."""

    producer = models.OneToOneField(
        Producer, on_delete=models.PROTECT, related_name="page", verbose_name=_("chủ thể OCOP")
    )
    intro = models.TextField(_("giới thiệu ngắn"), max_length=500)
    cover = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ảnh bìa"),
    )
    body = StreamField(StoryBlocks(), verbose_name=_("câu chuyện"), blank=True)

    content_panels = [*Page.content_panels, *map(FieldPanel, ["producer", "intro", "cover", "body"])]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["storefront.ProducerIndexPage"]
    subpage_types = ["storefront.ProductStoryPage"]
    template = "storefront/producer_page.html"

    class Meta:
        verbose_name = _("trang chủ thể")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = products_for_cards().filter(producer=self.producer)
        context["stories"] = ProductStoryPage.objects.child_of(self).live().select_related("product")
        return context


class ProductStoryPage(Page):
    """The story behind one product: origin, people, process, raw materials, how to use it."""

    product = models.OneToOneField(
        Product, on_delete=models.PROTECT, related_name="story_page", verbose_name=_("sản phẩm")
    )
    summary = models.TextField(_("tóm tắt"), max_length=300)
    cover = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ảnh bìa"),
    )
    body = StreamField(StoryBlocks(), verbose_name=_("câu chuyện"))

    content_panels = [*Page.content_panels, *map(FieldPanel, ["product", "summary", "cover", "body"])]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["storefront.ProducerPage"]
    subpage_types = []
    template = "storefront/product_story_page.html"

    class Meta:
        verbose_name = _("câu chuyện sản phẩm")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["product_listable"] = self.product.is_listable()
        return context

    def story_text(self) -> str:
        """The story as plain text, for search and excerpts."""
        return " ".join([self.summary, *(strip_tags(str(block.render())) for block in self.body)])

    def excerpt(self, words=40) -> str:
        return Truncator(self.summary).words(words)
