from django.apps import AppConfig
from django.db.models.signals import post_migrate


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Bộ nhớ đệm trang"

    def ready(self):
        from pagecache import freshness, triggers, watch

        watch.register_catalogue()
        freshness.connect()  # cached pages follow every change they may show
        post_migrate.connect(triggers.install_after_migrate, sender=self)
