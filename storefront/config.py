"""Oscar's shop config with Wagtail serving the home page."""

from django.urls import path
from oscar import config


class Shop(config.Shop):
    def get_urls(self):
        from wagtail.views import serve  # imported late: Wagtail needs the app registry

        urls = super().get_urls()
        # Oscar's "home" redirects to the catalogue; ours is the Wagtail home page,
        # kept under the name "home" that Oscar's templates reverse.
        return [path("", serve, {"path": ""}, name="home"), *urls[1:]]
