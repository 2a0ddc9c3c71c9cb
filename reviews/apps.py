import oscar.apps.catalogue.reviews.apps as apps


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    """Oscar's product reviews, forked so that only buyers review: one review per delivered order
    line (rules.py), moderated by the producer's province officers or staff (wagtail_hooks.py)."""

    name = "reviews"

    def ready(self):
        super().ready()
        from pagecache.triggers import PRODUCT_ROWS, Touch, register

        # A product's page shows its approved reviews.
        register(Touch("review_product", "reviews_productreview", PRODUCT_ROWS, ("product_id",)))
