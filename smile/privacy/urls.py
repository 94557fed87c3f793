from django.urls import URLPattern, URLResolver, path

from smile.privacy import views

app_name = "privacy"

urlpatterns: list[URLPattern | URLResolver] = [
    path("access-log/", views.access_log, name="access-log"),
]
