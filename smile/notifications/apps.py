from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "smile.notifications"
    label = "notifications"

    def ready(self) -> None:
        # The app's access rules join the policy registry.
        from smile.notifications import access

        access.register()
