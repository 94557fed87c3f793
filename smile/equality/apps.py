from django.apps import AppConfig


class EqualityConfig(AppConfig):
    name = "smile.equality"
    label = "equality"

    def ready(self) -> None:
        # The app's access rules join the policy registry.
        from smile.equality import access

        access.register()
