from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "smile.accounts"
    label = "accounts"

    def ready(self) -> None:
        # The app's access rules join the policy registry (and its role sources, if any).
        from smile.accounts import access

        access.register()
