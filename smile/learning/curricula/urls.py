"""URLs of the curricula part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.learning.curricula import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("curricula/", views.curriculum_list, name="curricula"),
    path("curricula/new/", views.curriculum_edit, name="curriculum-create"),
    path("curricula/<int:pk>/", views.curriculum_detail, name="curriculum"),
    path("curricula/<int:pk>/edit/", views.curriculum_edit, name="curriculum-edit"),
    path("curricula/<int:pk>/delete/", views.curriculum_delete, name="curriculum-delete"),
    path("curricula/<int:pk>/import/", views.curriculum_import, name="curriculum-import"),
    path(
        "curricula/<int:pk>/import/template/",
        views.curriculum_import_template,
        name="curriculum-import-template",
    ),
    path("curricula/<int:pk>/export/", views.curriculum_export, name="curriculum-export"),
    path("curricula/<int:pk>/languages/", views.curriculum_coverage, name="curriculum-coverage"),
    path("curricula/<int:pk>/units/new/", views.unit_edit, name="unit-create"),
    path("curricula/<int:pk>/units/<int:unit_pk>/edit/", views.unit_edit, name="unit-edit"),
    path("curricula/<int:pk>/units/<int:unit_pk>/delete/", views.unit_delete, name="unit-delete"),
    path("curricula/<int:pk>/objectives/new/", views.objective_edit, name="objective-create"),
    path(
        "curricula/<int:pk>/objectives/<int:objective_pk>/edit/",
        views.objective_edit,
        name="objective-edit",
    ),
    path(
        "curricula/<int:pk>/objectives/<int:objective_pk>/delete/",
        views.objective_delete,
        name="objective-delete",
    ),
    path("workplaces/<int:pk>/tasks/", views.task_list, name="tasks"),
    path("workplaces/<int:pk>/tasks/new/", views.task_create, name="task-create"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("tasks/<int:pk>/edit/", views.task_edit, name="task-edit"),
    path("tasks/<int:pk>/delete/", views.task_delete, name="task-delete"),
]
