from django.db import models
from django.utils.translation import gettext_lazy as _


class Clock(models.Model):
    """One stripe of a clock: the sum of a kind's stripes is the version of every list of that kind.

    Moved by database triggers (pagecache.triggers) for listings and prices, and after commit by
    pagecache.freshness for editorial content. Stripes spread the writers: a writer bumps the
    stripe of the row it wrote, so writers of different rows rarely update the same counter.
    """

    class Kind(models.TextChoices):
        LISTING = "listing", _("sản phẩm được bày bán và thứ tự của chúng")
        PRICES = "prices", _("giá bán")
        CONTENT = "content", _("nội dung biên tập")

    kind = models.CharField(max_length=16, choices=Kind.choices)
    stripe = models.PositiveSmallIntegerField()
    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("đồng hồ làm mới trang")
        constraints = [models.UniqueConstraint(fields=["kind", "stripe"], name="clock_stripe_unique")]

    def __str__(self):
        return f"{self.kind}:{self.stripe}={self.value}"
