"""Wagtail page models of the storefront (kept small: content here, rules in the apps)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import AbstractGroupApprovalTask, Page
from wagtail.search import index

from access.rules import ProvincePagePermissionTester, is_administrator, may_approve
from catalogue.models import Producer, Product, ProductGroup
from catalogue.selectors import products_for_cards, provinces_with_products
from storefront.blocks import StoryBlocks
from tradefairs.selectors import upcoming_fairs

FEATURED_PRODUCTS = 12
FEATURED_PRODUCERS = 6


class TranslatedContentMixin:
    """Show the translation in the visitor's language, at this page's own URL.

    Pages are written in Vietnamese and translated with wagtail.contrib.simple_translation; an
    English visitor (``?lang=en`` or the switch) reads the live English copy where one exists.
    Lists and links still come from the Vietnamese page, whose URLs are the site's.
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["page"] = context["self"] = self.localized.specific
        return context


def cover_image():
    """The optional cover photo of a story page (shared shape of producer and product stories)."""
    return models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("ảnh bìa"),
    )


def in_default_language(pages):
    """The Vietnamese originals only (a translation is its own page, but not another entry in a list)."""
    return pages.filter(locale__language_code=settings.LANGUAGE_CODE)


class HomePage(TranslatedContentMixin, Page):
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
        producer_pages = in_default_language(ProducerPage.objects.live()).select_related("producer")
        context["featured_producers"] = producer_pages.order_by("-first_published_at")[:FEATURED_PRODUCERS]
        context["upcoming_fairs"] = upcoming_fairs()
        return context



class ContentPage(TranslatedContentMixin, Page):
    """A plain page: about us, buying guides, the OCOP programme explained."""

    body = StreamField(StoryBlocks(), verbose_name=_("nội dung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    template = "storefront/content_page.html"

    class Meta:
        verbose_name = _("trang nội dung")


class ProducerIndexPage(TranslatedContentMixin, Page):
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


class ProducerPage(TranslatedContentMixin, Page):
    """A producer telling its own story; the producer's users may edit this page and its stories."""

    producer = models.ForeignKey(
        Producer, on_delete=models.PROTECT, related_name="pages", verbose_name=_("chủ thể OCOP")
    )
    intro = models.TextField(_("giới thiệu ngắn"), max_length=500)
    cover = cover_image()
    body = StreamField(StoryBlocks(), verbose_name=_("câu chuyện"), blank=True)

    content_panels = [*Page.content_panels, *map(FieldPanel, ["producer", "intro", "cover", "body"])]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["storefront.ProducerIndexPage"]
    subpage_types = ["storefront.ProductStoryPage"]
    template = "storefront/producer_page.html"

    class Meta:
        verbose_name = _("trang chủ thể")

    def clean(self):
        super().clean()
        _one_per_language(self, producer=self.producer_id)

    def permissions_for_user(self, user):
        return ProvincePagePermissionTester(user, self, self.producer.province_code)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = products_for_cards().filter(producer=self.producer)
        context["map_tiles"] = {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}
        context["stories"] = ProductStoryPage.objects.child_of(self).live().select_related("product")
        return context


NOT_THE_PRODUCERS_PRODUCT = _("Chỉ chọn được sản phẩm của chính chủ thể này.")


class ProductStoryPageForm(WagtailAdminPageForm):
    """The product list holds the producer's own products only: another's is not a valid choice,
    whatever a crafted form sends (the page's clean() says the same for any other way in)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        producer = getattr(self.parent_page.specific, "producer", None) if self.parent_page else None
        if producer is not None and "product" in self.fields:
            self.fields["product"].queryset = self.fields["product"].queryset.filter(producer=producer)


class ProductStoryPage(TranslatedContentMixin, Page):
    """The story behind one product: origin, people, process, raw materials, how to use it."""

    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="story_pages", verbose_name=_("sản phẩm")
    )
    summary = models.TextField(_("tóm tắt"), max_length=300)
    cover = cover_image()
    body = StreamField(StoryBlocks(), verbose_name=_("câu chuyện"))

    content_panels = [*Page.content_panels, *map(FieldPanel, ["product", "summary", "cover", "body"])]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["storefront.ProducerPage"]
    subpage_types = []
    template = "storefront/product_story_page.html"
    base_form_class = ProductStoryPageForm

    class Meta:
        verbose_name = _("câu chuyện sản phẩm")

    def clean(self):
        super().clean()
        _one_per_language(self, product=self.product_id)
        parent = self.get_parent() if self.path and self.depth > 1 else None
        producer_id = getattr(parent.specific, "producer_id", None) if parent else None
        if producer_id is not None and self.product_id and self.product.producer_id != producer_id:
            raise ValidationError({"product": NOT_THE_PRODUCERS_PRODUCT})

    def permissions_for_user(self, user):
        producer = self.product.producer
        return ProvincePagePermissionTester(user, self, producer.province_code if producer else None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["product_listable"] = self.product.is_listable()
        context["producer_page"] = self.get_parent().specific
        return context

    def story_text(self) -> str:
        """The story as plain text, for search and excerpts."""
        return " ".join([self.summary, *(strip_tags(str(block.render())) for block in self.body)])

    def excerpt(self, words=40) -> str:
        return Truncator(self.summary).words(words)


def _one_per_language(page, **subject):
    """One page per producer (or per product's story) in each language; its translations aside."""
    others = type(page).objects.filter(locale_id=page.locale_id, **subject).exclude(pk=page.pk)
    if others.exists():
        raise ValidationError({next(iter(subject)): _("Đã có một trang cho mục này bằng ngôn ngữ này.")})


class ProvinceApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, by those of the groups who may publish the page.

    A trade officer publishes only their own province's producer pages and stories
    (access.rules.ProvincePagePermissionTester); Wagtail's own task let any member of the group approve
    any page in moderation, whatever its province.
    """

    def _may_approve(self, obj, user) -> bool:
        return may_approve(user, getattr(obj, "specific", obj), in_approval_groups=self._user_in_groups(user))

    def user_can_access_editor(self, obj, user):
        return self._may_approve(obj, user)

    def locked_for_user(self, obj, user):
        return not self._may_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self._user_in_groups(user) and self._may_approve(obj, user)

    def get_actions(self, obj, user):
        return super().get_actions(obj, user) if self._may_approve(obj, user) else []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if is_administrator(user):
            return states
        waiting = states.select_related("workflow_state")
        mine = [state.pk for state in waiting if self._may_approve(state.workflow_state.content_object, user)]
        return states.filter(pk__in=mine)

    class Meta:
        verbose_name = _("duyệt theo tỉnh")
