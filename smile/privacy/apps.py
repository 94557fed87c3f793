from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "smile.privacy"
    label = "privacy"
