from django.db.models import Exists, OuterRef
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet

from catalogue.certification import certificate_valid_on_q, listable_q, local_today


class ProductQuerySet(OscarProductQuerySet):
    def browsable(self, day=None):
        """Canonical products that pass the OCOP listing gate on ``day`` (today by default).

        Oscar's lists, offers, history and alerts all call this, so the gate reaches them.
        """
        return super().browsable().filter(listable_q(day))

    def listable(self, day=None):
        return self.filter(listable_q(day))

    def with_stars(self, stars, day=None):
        """Products whose certificate valid on ``day`` carries exactly ``stars``."""
        from catalogue.models import Certificate

        certificates = Certificate.objects.filter(
            certificate_valid_on_q(day or local_today()), product=OuterRef("pk"), stars=stars
        )
        return self.filter(Exists(certificates))
