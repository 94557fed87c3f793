"""URLs of the reviews part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.learning.reviews import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("adepts/<int:pk>/reviews/new/", views.review_schedule, name="review-schedule"),
    path("reviews/<int:pk>/", views.review_detail, name="review"),
    path("reviews/<int:pk>/hold/", views.review_hold, name="review-hold"),
    path("reviews/<int:pk>/sign/", views.review_sign, name="review-sign"),
]
