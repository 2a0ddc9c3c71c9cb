from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet

from catalogue.certification import listable_q


class ProductQuerySet(OscarProductQuerySet):
    def browsable(self):
        """Canonical products that pass the OCOP listing gate today.

        Oscar's lists, offers, history and alerts all call this, so the gate reaches them.
        """
        return super().browsable().filter(listable_q())

    def listable(self, day=None):
        return self.filter(listable_q(day))
