from django.apps import AppConfig
from django.core.signals import request_finished
from django.db.backends.signals import connection_created


class CoreConfig(AppConfig):
    name = "smile.core"
    label = "core"

    def ready(self) -> None:
        from smile.core import freshness

        connection_created.connect(freshness.watch, dispatch_uid="smile.core.freshness")
        # A write the request committed outside a transaction renews the stamp as it ends.
        request_finished.connect(freshness.renew_pending, dispatch_uid="smile.core.freshness")
