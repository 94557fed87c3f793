from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "smile.matching"
    label = "matching"
