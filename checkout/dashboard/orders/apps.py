import oscar.apps.dashboard.orders.apps as apps


class OrdersDashboardConfig(apps.OrdersDashboardConfig):
    """Oscar's orders dashboard, forked so a producer sees and fulfils only its own order lines."""

    name = "checkout.dashboard.orders"
