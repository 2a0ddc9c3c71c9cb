default_app_config = 'reviews.catalogue..apps.CatalogueReviewsConfig'
