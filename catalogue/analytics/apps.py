import oscar.apps.analytics.apps as apps


class AnalyticsConfig(apps.AnalyticsConfig):
    """Oscar's analytics, forked so that viewing a product or searching writes nothing to the
    database: views are counted in the cache and flushed in batches (views.py)."""

    name = "catalogue.analytics"

    def ready(self):
        super().ready()  # Oscar's receivers: purchases and basket additions (POSTs) stay as they are
        from oscar.apps.analytics import receivers
        from oscar.apps.catalogue.signals import product_viewed
        from oscar.apps.search.signals import user_search

        from catalogue.analytics.views import count_view

        product_viewed.disconnect(receivers.receive_product_view)
        user_search.disconnect(receivers.receive_product_search)  # searches are not kept per user
        product_viewed.connect(count_view, dispatch_uid="catalogue.analytics.count_view")
