from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "smile.accounts"
    label = "accounts"
