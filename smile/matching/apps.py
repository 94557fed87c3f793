from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "smile.matching"
    label = "matching"

    def ready(self) -> None:
        # The app's access rules join the policy registry (and its role sources, if any).
        from smile.matching import access

        access.register()
