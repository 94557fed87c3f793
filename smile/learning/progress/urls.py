"""URLs of the progress part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.learning.progress import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("progress/", views.cohort, name="progress"),
]
