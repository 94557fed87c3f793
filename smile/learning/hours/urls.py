"""URLs of the hours part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.learning.hours import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("hours/", views.hours_mine, name="hours"),
    path("adepts/<int:pk>/hours/", views.hours_adept, name="hours-adept"),
    path("adepts/<int:pk>/hours/add/", views.hours_add, name="hours-add"),
    path("adepts/<int:pk>/hours/month/", views.month_confirm, name="hours-month-confirm"),
    path("hours/<int:pk>/delete/", views.hours_delete, name="hours-delete"),
    path("hours/to-confirm/", views.hours_to_confirm, name="hours-to-confirm"),
    path("hours/confirm/", views.hours_confirm, name="hours-confirm"),
    path("hours/export/", views.hours_export, name="hours-export"),
]
