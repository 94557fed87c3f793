"""URLs of the warnings part of mentoring (included by smile.mentoring.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.mentoring.warnings import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("warnings/", views.warning_list, name="warnings"),
    path("pairs/<int:pk>/message/", views.pair_message, name="message"),
]
