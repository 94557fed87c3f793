from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "smile.programmes"
    label = "programmes"

    def ready(self) -> None:
        # The app's access rules join the policy registry (and its role sources, if any).
        from smile.programmes import access

        access.register()
