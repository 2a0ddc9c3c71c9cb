import oscar.apps.dashboard.apps as apps


class DashboardConfig(apps.DashboardConfig):
    """Oscar's dashboard, forked (Oscar's documented way) only so its orders app can be: see orders/."""

    name = "checkout.dashboard"
