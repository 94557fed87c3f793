from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "smile.learning"
    label = "learning"
