"""URLs of the reviews part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
