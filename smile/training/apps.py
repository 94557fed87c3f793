from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "smile.training"
    label = "training"
    verbose_name = _("Mentor development")

    def ready(self) -> None:
        # The app's access rules join the policy registry.
        from smile.training import access

        access.register()
