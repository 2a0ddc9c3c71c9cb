"""The reviews awaiting moderation that the user may decide, with approve and reject buttons."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from access.rules import may_moderate_reviews, reviews_to_moderate
from reviews.rules import NotAllowed, moderate

ProductReview = get_model("reviews", "ProductReview")


def moderate_reviews(request):
    if not may_moderate_reviews(request.user):
        raise PermissionDenied
    reviews = reviews_to_moderate(request.user, ProductReview.objects.select_related("product__producer"))
    if request.method == "POST":
        review_id = request.POST.get("review", "")
        review = reviews.filter(pk=review_id).first() if review_id.isdecimal() else None
        try:
            if review is None:
                raise NotAllowed
            moderate(review, request.user, approve=request.POST.get("decision") == "approve")
        except NotAllowed:
            messages.error(request, _("Không tìm thấy đánh giá này trong phạm vi quý vị duyệt."))
        else:
            messages.success(request, _("Đã duyệt.") if review.is_approved else _("Đã từ chối."))
        return redirect("ocop_reviews")
    pending = reviews.filter(status=ProductReview.FOR_MODERATION).order_by("date_created")[:200]
    return TemplateResponse(request, "reviews/admin/moderate.html", {"reviews": pending})
