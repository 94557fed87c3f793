from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "smile.core"
    label = "core"
