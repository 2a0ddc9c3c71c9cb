import oscar.apps.dashboard.catalogue.apps as apps


class CatalogueDashboardConfig(apps.CatalogueDashboardConfig):
    """Oscar's product dashboard, forked so producers write their products' names and descriptions in
    each public language (forms.py). Oscar looks for dashboard forks under the dashboard app's package,
    hence here beside the orders fork."""

    name = "checkout.dashboard.catalogue"
