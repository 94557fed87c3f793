"""URLs of the closing part of mentoring (included by smile.mentoring.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.mentoring.closing import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("pairs/<int:pk>/reflection/", views.reflection, name="reflection"),
]
