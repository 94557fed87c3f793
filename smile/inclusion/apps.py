from django.apps import AppConfig


class InclusionConfig(AppConfig):
    name = "smile.inclusion"
    label = "inclusion"
