from django.urls import path

from smile.matching import views_coordinator as views

urlpatterns = [
    path("programmes/<int:pk>/", views.matching_page, name="programme"),
    path("programmes/<int:pk>/criteria/", views.criteria_save, name="criteria"),
    path("programmes/<int:pk>/run/", views.run_start, name="run"),
    path("programmes/<int:pk>/progress/", views.run_progress, name="progress"),
    path("programmes/<int:pk>/assign/", views.draft_assign, name="assign"),
    path(
        "programmes/<int:pk>/pairs/<int:pair_pk>/unassign/",
        views.draft_unassign,
        name="unassign",
    ),
    path("programmes/<int:pk>/swap/", views.draft_swap, name="swap"),
    path("programmes/<int:pk>/publish/", views.publish, name="publish"),
    path("programmes/<int:pk>/import/", views.profiles_import, name="import"),
    path(
        "programmes/<int:pk>/import/template.csv",
        views.profiles_import_template,
        name="import_template",
    ),
]
