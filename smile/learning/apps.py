from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "smile.learning"
    label = "learning"
    # The admin's heading of the app, in the staff's language.
    verbose_name = _("Learning")

    def ready(self) -> None:
        # The app's access rules join the policy registry (and its role sources, if any).
        from smile.learning import access

        access.register()

        # The texts of the practice log a reader may have translated (smile.core.texts).
        from smile.learning.practice import texts

        texts.register()
