from django.urls import path

from smile.training import views

app_name = "training"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("modules/<int:pk>/", views.module, name="module"),
    path("profile/", views.profile, name="profile"),
    path("profile/rating/", views.profile_rate, name="profile_rate"),
    path("profile/goals/", views.profile_goals, name="profile_goals"),
    path("programmes/", views.programmes, name="programmes"),
    path("programmes/<int:pk>/", views.programme, name="programme"),
    path(
        "programmes/<int:pk>/mentors/<int:enrolment>/view/",
        views.mentor_view,
        name="mentor_view",
    ),
    path("programmes/<int:pk>/network/new/", views.network_new, name="network_new"),
    path("network/<int:pk>/change/", views.network_change, name="network_change"),
    path("network/<int:pk>/cancel/", views.network_cancel, name="network_cancel"),
    path("network/<int:pk>/attendance/", views.network_attendance, name="network_attendance"),
]
