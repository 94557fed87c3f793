from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "smile.core"
    label = "core"

    def ready(self) -> None:
        from smile.core import freshness

        connection_created.connect(freshness.watch, dispatch_uid="smile.core.freshness")
