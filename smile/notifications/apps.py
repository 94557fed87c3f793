from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "smile.notifications"
    label = "notifications"
