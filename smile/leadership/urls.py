from django.urls import URLPattern, URLResolver, path

from smile.leadership import views

app_name = "leadership"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.overview, name="overview"),
    path("workplaces/<int:pk>/", views.workplace_page, name="workplace"),
    path("workplaces/<int:pk>/self-assessment/", views.assessment, name="assessment"),
    path("workplaces/<int:pk>/self-assessment/open/", views.round_open, name="round-open"),
    path("workplaces/<int:pk>/commitment/", views.commitment_sign, name="commitment-sign"),
    path("workplaces/<int:pk>/actions/new/", views.action_create, name="action-create"),
    path("workplaces/<int:pk>/follow-ups/new/", views.follow_up_create, name="follow-up-create"),
    path("self-assessment/", views.to_answer, name="to-answer"),
    path("my-time/", views.my_time, name="my-time"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/answer/", views.round_answer, name="round-answer"),
    path("rounds/<int:pk>/close/", views.round_close, name="round-close"),
    path("rounds/<int:pk>/act/", views.action_from_gap, name="round-act"),
    path("commitments/<int:pk>/", views.commitment_detail, name="commitment"),
    path("programmes/<int:pk>/", views.programme_rule, name="programme"),
    path("actions/<int:pk>/", views.action_edit, name="action"),
    path("follow-ups/<int:pk>/", views.follow_up_detail, name="follow-up"),
]
