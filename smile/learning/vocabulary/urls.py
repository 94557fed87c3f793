"""URLs of the vocabulary part of learning (included by smile.learning.urls)."""

from django.urls import URLPattern, URLResolver, path

from smile.learning.vocabulary import views

CURRICULUM = {"kind": "curriculum"}
WORKPLACE = {"kind": "workplace"}

urlpatterns: list[URLPattern | URLResolver] = [
    path("words/", views.words, name="words"),
    path("words/practise/", views.practise, name="words-practise"),
    path("words/practise/answer/", views.practise_answer, name="words-practise-answer"),
    path("words/manage/", views.manage, name="words-manage"),
    path("words/<int:pk>/edit/", views.term_edit, name="word-edit"),
    path("words/<int:pk>/delete/", views.term_delete, name="word-delete"),
]
for kind, extra in (("curriculum", CURRICULUM), ("workplace", WORKPLACE)):
    urlpatterns += [
        path(f"words/{kind}/<int:pk>/", views.owner_words, extra, name=f"{kind}-words"),
        path(f"words/{kind}/<int:pk>/new/", views.term_new, extra, name=f"{kind}-words-new"),
        path(
            f"words/{kind}/<int:pk>/import/",
            views.words_import,
            extra,
            name=f"{kind}-words-import",
        ),
        path(
            f"words/{kind}/<int:pk>/export/<slug:fmt>/",
            views.words_export,
            extra,
            name=f"{kind}-words-export",
        ),
    ]
