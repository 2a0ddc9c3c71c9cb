import oscar.apps.search.apps as apps
from django.urls import path


class SearchConfig(apps.SearchConfig):
    name = "search"

    def ready(self):
        super().ready()
        from search import receivers  # noqa: F401  connects the index updates
        from search.views import suggestions

        self.suggestions_view = suggestions

    def get_urls(self):
        return [
            *super().get_urls(),
            path("suggest/", self.suggestions_view, name="suggest"),
        ]
