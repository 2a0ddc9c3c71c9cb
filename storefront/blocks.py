"""StreamField blocks shared by the storefront's pages (producer stories, product stories, content)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class StorySectionBlock(blocks.StructBlock):
    """One part of a product's story: where it comes from, who makes it, how, with what, how to use it."""

    kind = blocks.ChoiceBlock(
        label=_("phần"),
        choices=[
            ("origin", _("Nguồn gốc")),
            ("people", _("Con người")),
            ("process", _("Quy trình")),
            ("materials", _("Nguyên liệu")),
            ("usage", _("Cách dùng")),
        ],
    )
    text = blocks.RichTextBlock(label=_("nội dung"), features=["bold", "italic", "link", "ol", "ul"])
    image = ImageBlock(label=_("ảnh"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = dict(self.child_blocks["kind"].field.choices).get(value["kind"], "")
        return context

    class Meta:
        icon = "doc-full"
        label = _("Phần câu chuyện")
        template = "storefront/blocks/story_section.html"


class StoryBlocks(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"), features=["h3", "bold", "italic", "link", "ol", "ul"]
    )
    section = StorySectionBlock()
    image = ImageBlock(label=_("Ảnh"))
    video = EmbedBlock(label=_("Video (YouTube, Vimeo…)"), max_width=800)
    quote = blocks.BlockQuoteBlock(label=_("Trích dẫn"))
