from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "access"
    verbose_name = "Phân quyền"

    def ready(self):
        from access import receivers  # noqa: F401  (connects the role signals)
