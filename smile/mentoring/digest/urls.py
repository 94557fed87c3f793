"""URLs of the managers' digest (included by smile.mentoring.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.mentoring.digest import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("digest/<str:end>/", views.manager_digest, name="digest"),
]
