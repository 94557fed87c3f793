from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "smile.programmes"
    label = "programmes"
