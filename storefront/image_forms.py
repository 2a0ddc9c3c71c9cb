"""Wagtail's image form with alt text required: every photo on a public page must be described."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class DescribedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].required = True
            self.fields["description"].label = _("Mô tả ảnh (văn bản thay thế)")
            self.fields["description"].help_text = _(
                "Tả ngắn nội dung ảnh cho người dùng trình đọc màn hình, ví dụ: "
                "“Ruộng muối Lý Nhơn lúc bình minh”."
            )
