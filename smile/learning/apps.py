from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "smile.learning"
    label = "learning"

    def ready(self) -> None:
        # The app's access rules join the policy registry (and its role sources, if any).
        from smile.learning import access

        access.register()
