"""URLs of the curricula part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
