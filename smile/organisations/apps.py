from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "smile.organisations"
    label = "organisations"

    def ready(self) -> None:
        # The app's access rules join the policy registry (and its role sources, if any).
        from smile.organisations import access

        access.register()
