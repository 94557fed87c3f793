"""URLs of the plans part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
