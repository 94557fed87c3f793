from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "smile.training"
    label = "training"
