from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The top of SMILE: what gathers from several domains (homes, navigation, the demo)."""

    name = "smile.portal"
    label = "portal"
