"""URLs of the life part of mentoring (included by smile.mentoring.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.mentoring.life import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("life/", views.life, name="life"),
    path("life/new/", views.life_new, name="life-new"),
    path("life/<int:pk>/", views.life_detail, name="life-detail"),
    path("life/<int:pk>/delete/", views.life_delete, name="life-delete"),
    path("life/<int:pk>/messages/", views.life_message, name="life-message"),
    path("life/<int:pk>/follow-up/", views.life_follow_up, name="life-follow-up"),
    path("support-requests/", views.support_requests, name="support-requests"),
]
