from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Bộ nhớ đệm trang"

    def ready(self):
        from pagecache import freshness

        freshness.connect()  # cached pages follow every change they may show
