from django.apps import AppConfig


class BelongingConfig(AppConfig):
    name = "smile.belonging"
    label = "belonging"

    def ready(self) -> None:
        from smile.belonging import access

        access.register()
