"""/cms/: the moderation queue of buyers' reviews, for province officers (their province) and staff."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from access.rules import may_moderate_reviews
from access.viewsets import RuleMenuItem
from reviews import admin_views


@hooks.register("register_admin_urls")
def review_urls():
    return [path("ocop/danh-gia/", admin_views.moderate_reviews, name="ocop_reviews")]


@hooks.register("register_admin_menu_item")
def review_menu_item():
    return RuleMenuItem(_("Duyệt đánh giá"), reverse("ocop_reviews"), icon_name="comment",
                        order=260, shown_to=may_moderate_reviews)
