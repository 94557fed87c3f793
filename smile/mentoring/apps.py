from django.apps import AppConfig


class MentoringConfig(AppConfig):
    name = "smile.mentoring"
    label = "mentoring"
