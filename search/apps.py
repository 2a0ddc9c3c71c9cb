import oscar.apps.search.apps as apps
from django.urls import path


class SearchConfig(apps.SearchConfig):
    name = "search"

    def ready(self):
        super().ready()
        from pagecache.triggers import PRODUCT_ROWS, Touch, register
        from search import receivers  # noqa: F401  connects the index updates

        # The database backend's answers are kept under the listing clock: whatever changes an
        # entry moves it (search.backends.database).
        register(
            Touch(
                "entry_listing",
                "search_productsearchentry",
                PRODUCT_ROWS,
                ("product_id",),
                target="clock:listing",
                changed=("{r}.name", "{r}.producer", "{r}.text"),
                key="product_id",
            )
        )
        from search.views import suggestions

        self.suggestions_view = suggestions

    def get_urls(self):
        return [
            *super().get_urls(),
            path("suggest/", self.suggestions_view, name="suggest"),
        ]
