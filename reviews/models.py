from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews.abstract_models import AbstractProductReview


class ProductReview(AbstractProductReview):
    """A buyer's review of a product, written from the order line that brought it to them."""

    order_line = models.OneToOneField(
        "order.Line", on_delete=models.SET_NULL, null=True, blank=True, related_name="review",
        verbose_name=_("dòng đơn hàng"),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("người duyệt"),
    )
    moderated_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)

    class Meta(AbstractProductReview.Meta):
        # One review per order line (its one-to-one), not per product and user: a buyer who buys
        # again may say again; guests, who have no user, review too.
        unique_together = ()
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=1, score__lte=5), name="review_score_1_to_5")
        ]

    @property
    def province_code(self):
        producer = self.product.producer if self.product else None
        return producer.province_code if producer else None


from oscar.apps.catalogue.reviews.models import *  # noqa: E402,F403  Oscar: custom models first
