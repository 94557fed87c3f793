from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "smile.training"
    label = "training"

    def ready(self) -> None:
        # The app's access rules join the policy registry.
        from smile.training import access

        access.register()
