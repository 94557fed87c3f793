"""URLs of the closing part of mentoring (included by smile.mentoring.urls)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
