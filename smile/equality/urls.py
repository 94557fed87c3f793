from django.urls import URLPattern, URLResolver, include, path

from smile.equality import views

app_name = "equality"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.index, name="index"),
    path("report/", views.report, name="report"),
    path("follow/", views.follow, name="follow"),
    path("mine/", views.mine, name="mine"),
    path("mine/<int:pk>/", views.mine_detail, name="mine-detail"),
    path("cases/", views.cases, name="cases"),
    path("cases/<int:pk>/", views.case, name="case"),
    path("cases/<int:pk>/tasks/<int:task_pk>/done/", views.case_task_done, name="case-task-done"),
    path(
        "cases/<int:pk>/attachments/<int:attachment_pk>/",
        views.case_attachment,
        name="case-attachment",
    ),
    path("handlers/", views.handlers, name="handlers"),
    path("handlers/<int:programme_pk>/", views.programme_handlers, name="programme-handlers"),
    path(
        "handlers/<int:programme_pk>/<int:pk>/remove/",
        views.handler_remove,
        name="handler-remove",
    ),
    path("", include("smile.equality.measures.urls")),
    path("", include("smile.equality.figures.urls")),
]
