"""The pair page and matching profiles; included by `smile.matching.urls` (app "matching")."""

from django.urls import URLPattern, URLResolver, path

from smile.matching import views_pairs as views

urlpatterns: list[URLPattern | URLResolver] = [
    path("pairs/<int:pk>/", views.pair_detail, name="pair"),
    path("pairs/<int:pk>/answer/", views.pair_answer, name="pair-answer"),
    path("pairs/<int:pk>/<slug:action>/", views.pair_steer, name="pair-steer"),
    path("profile/<int:enrolment_pk>/", views.profile_edit, name="profile"),
]
