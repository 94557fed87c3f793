"""URLs of fair figures (included by smile.equality.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.equality.figures import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("figures/", views.figures, name="figures"),
    path("figures/consent/", views.consent, name="figures-consent"),
]
