from django.urls import URLPattern, path

from smile.inclusion import views

app_name = "inclusion"

urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("checklists/<int:pk>/", views.checklist, name="checklist"),
    path("steps/<int:pk>/tick/", views.tick, name="tick"),
    path("languages/<int:pk>/", views.language, name="language"),
    path("workplaces/", views.completion, name="completion"),
    path("workplaces/<int:pk>/", views.workplace, name="workplace"),
    path("template-steps/<int:pk>/", views.step_edit, name="step-edit"),
    path("template-steps/<int:pk>/remove/", views.step_remove, name="step-remove"),
    path("ambassadors/<int:pk>/remove/", views.ambassador_remove, name="ambassador-remove"),
]
