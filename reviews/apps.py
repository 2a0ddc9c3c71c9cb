import oscar.apps.catalogue.reviews.apps as apps


class CatalogueReviewsConfig(apps.CatalogueReviewsConfig):
    """Oscar's product reviews, forked so that only buyers review: one review per delivered order
    line (rules.py), moderated by the producer's province officers or staff (wagtail_hooks.py)."""

    name = "reviews"

