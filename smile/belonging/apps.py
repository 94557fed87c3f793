from django.apps import AppConfig


class BelongingConfig(AppConfig):
    name = "smile.belonging"
    label = "belonging"
