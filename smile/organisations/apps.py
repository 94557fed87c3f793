from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "smile.organisations"
    label = "organisations"
