import oscar.apps.dashboard.orders.apps as apps
from django.urls import path


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's orders dashboard, forked so a producer sees and fulfils only its own order lines,
    and staff reconcile bank transfers beside the orders (reconciliation.py)."""

    name = "checkout.dashboard.orders"

    def get_urls(self):
        from checkout.dashboard.orders import reconciliation

        # Before Oscar's "<number>/" pattern, which would take these paths for order numbers.
        ours = [
            path("doi-soat/", reconciliation.bank_notices, name="bank-notices"),
            path("doi-soat/sao-ke/", reconciliation.upload_statement, name="bank-statement"),
        ]
        return self.post_process_urls(ours) + super().get_urls()
