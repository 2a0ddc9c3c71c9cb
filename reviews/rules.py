"""Who may review what, and what a product's reviews add up to.

Only a buyer reviews: from an order line that has been delivered, once per line. A review is
public once the producer's province officer (or staff) approves it; Oscar keeps the product's
average of approved scores (``Product.rating``) as reviews are saved.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from oscar.core.loading import get_model

from access.rules import may_moderate_review
from checkout.statuses import DELIVERED

ProductReview = get_model("reviews", "ProductReview")
Line = get_model("order", "Line")


class NotAllowed(Exception):
    pass


def may_review(line) -> bool:
    return line.status == DELIVERED and line.product_id is not None and not ProductReview.objects.filter(
        order_line=line).exists()


def reviewable_lines(order) -> list:
    delivered = order.lines.filter(status=DELIVERED, product__isnull=False)
    reviewed = ProductReview.objects.filter(order_line__order=order).values("order_line_id")
    return list(delivered.exclude(pk__in=reviewed))


@transaction.atomic
def write_review(line, *, score: int, body: str):
    """The buyer's review of ``line`` (locked: two submits make one review), awaiting moderation."""
    line = Line.objects.select_for_update().get(pk=line.pk)
    if not may_review(line):
        raise NotAllowed
    order = line.order
    address = order.shipping_address
    review = ProductReview(
        product_id=line.product_id, order_line=line, score=score, body=body,
        title=Truncator(body.splitlines()[0] if body else "").chars(80),
        user=order.user, name=(address.first_name if address else "") or "Khách", email=order.email or "",
        status=ProductReview.FOR_MODERATION,
    )
    review.full_clean(exclude=["user"])
    review.save()
    return review


def moderate(review, user, *, approve: bool) -> None:
    if not may_moderate_review(user, review):
        raise NotAllowed
    review.status = ProductReview.APPROVED if approve else ProductReview.REJECTED
    review.moderated_by, review.moderated_at = user, timezone.now()
    review.save()


@dataclass(frozen=True)
class Rating:
    average: float | None
    count: int


def rating_of(product) -> Rating:
    """Oscar's average of approved scores, and how many there are (none asked for while it has none)."""
    count = approved_reviews(product).count() if product.rating is not None else 0
    return Rating(product.rating, count)


def approved_reviews(product):
    return product.reviews.filter(status=ProductReview.APPROVED).order_by("-date_created")
