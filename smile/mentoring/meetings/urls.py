"""URLs of the meetings part of mentoring (included by smile.mentoring.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.mentoring.meetings import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("pairs/<int:pk>/meetings/new/", views.meeting_propose, name="meeting-propose"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/answer/", views.meeting_answer, name="meeting-answer"),
    path("meetings/<int:pk>/meeting.ics", views.meeting_ics_download, name="meeting-ics"),
]
