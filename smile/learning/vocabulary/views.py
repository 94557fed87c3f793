"""The words of the trade: the adept's list and flashcards, and the editors' lists per curriculum
and per workplace (add, change, delete, import, export)."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.accounts.models import User
from smile.core import policies, spreadsheets
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.learning.models import Curriculum, Term
from smile.learning.vocabulary import selectors, services, transfer
from smile.learning.vocabulary.forms import TermForm, TermImportForm
from smile.learning.vocabulary.languages import BY_CODE
from smile.organisations.models import Workplace

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# --- the adept ---------------------------------------------------------------------------------


def _adept(request: HttpRequest) -> User:
    user = request_user(request)
    if not selectors.adept_enrolments(user=user).exists():
        raise Http404
    return user


def _in_her_language(terms: list[Term], user: User) -> None:
    """Each word's translation into her language, as `term.mine` ("" when there is none)."""
    for term in terms:
        term.mine = (term.translations or {}).get(user.preferred_language, "")  # type: ignore[attr-defined]


@login_required
def words(request: HttpRequest) -> HttpResponse:
    user = _adept(request)
    terms = selectors.word_list(user=user)
    _in_her_language(terms, user)
    context = {
        "terms": terms,
        "known": len([term for term in terms if getattr(term, "known", False)]),
        "language": BY_CODE.get(user.preferred_language),
    }
    return render(request, "learning/vocabulary/words.html", context)


@login_required
def practise(request: HttpRequest) -> HttpResponse:
    user = _adept(request)
    known, total = selectors.known_count(user=user)
    term = selectors.next_card(user=user)
    if term is not None:
        _in_her_language([term], user)
    context = {
        "term": term,
        "known": known,
        "total": total,
        "language": BY_CODE.get(user.preferred_language),
    }
    return render(request, "learning/vocabulary/practise.html", context)


@login_required
@require_POST
def practise_answer(request: HttpRequest) -> HttpResponse:
    user = _adept(request)
    term_pk = request.POST.get("term", "")
    term = selectors.words_for(user=user).filter(pk=int(term_pk) if term_pk.isdigit() else 0)
    answer = request.POST.get("known")
    if not term.exists() or answer not in ("yes", "no"):
        raise Http404
    services.term_practise(user=user, term=term.get(), known=answer == "yes")
    return redirect("learning:words-practise")


# --- editors -----------------------------------------------------------------------------------


@dataclass
class Owner:
    """The list a word belongs to: a curriculum or a workplace, and its addresses."""

    kind: str  # "curriculum" or "workplace"
    obj: Curriculum | Workplace

    @property
    def curriculum(self) -> Curriculum | None:
        return self.obj if isinstance(self.obj, Curriculum) else None

    @property
    def workplace(self) -> Workplace | None:
        return self.obj if isinstance(self.obj, Workplace) else None

    def _url(self, action: str = "", *args: object) -> str:
        name = f"learning:{self.kind}-words{'-' + action if action else ''}"
        return reverse(name, args=[self.obj.pk, *args])

    @property
    def url(self) -> str:
        return self._url()

    @property
    def new_url(self) -> str:
        return self._url("new")

    @property
    def import_url(self) -> str:
        return self._url("import")

    @property
    def csv_url(self) -> str:
        return self._url("export", "csv")

    @property
    def xlsx_url(self) -> str:
        return self._url("export", "xlsx")


def _owner(request: HttpRequest, kind: str, pk: int) -> Owner:
    user = request_user(request)
    if kind == "curriculum":
        return Owner(kind=kind, obj=policies.load(user, Curriculum, pk, to=policies.CHANGE))
    return Owner(
        kind=kind,
        obj=policies.load(user, Workplace, pk, to="describe"),
    )


def _term_owner(term: Term) -> Owner:
    if term.curriculum is not None:
        return Owner(kind="curriculum", obj=term.curriculum)
    assert term.workplace is not None
    return Owner(kind="workplace", obj=term.workplace)


@login_required
def manage(request: HttpRequest) -> HttpResponse:
    lists = selectors.editable_lists(user=request_user(request))
    if not lists["curricula"] and not lists["workplaces"]:
        raise Http404
    return render(request, "learning/vocabulary/manage.html", lists)


@login_required
def owner_words(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    owner = _owner(request, kind, pk)
    terms = selectors.owner_terms(curriculum=owner.curriculum, workplace=owner.workplace)
    context = {"owner": owner, "terms": terms}
    return render(request, "learning/vocabulary/owner_words.html", context)


def _term_page(
    request: HttpRequest, owner: Owner, form: TermForm, term: Term | None
) -> HttpResponse:
    context = {"owner": owner, "form": form, "term": term}
    return render(request, "learning/vocabulary/term_form.html", context)


@login_required
def term_new(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    owner = _owner(request, kind, pk)
    posted = request.method == "POST"
    form = TermForm(request.POST, request.FILES) if posted else TermForm()
    if posted and form.is_valid():
        try:
            services.term_create(
                actor=request_user(request),
                curriculum=owner.curriculum,
                workplace=owner.workplace,
                swedish=form.cleaned_data["swedish"],
                explanation=form.cleaned_data["explanation"],
                translations=form.translations(),
                picture=form.cleaned_data["picture"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The word is saved."))
            return redirect(owner.url)
    return _term_page(request, owner, form, None)


@login_required
def term_edit(request: HttpRequest, pk: int) -> HttpResponse:
    term = policies.load(request_user(request), Term, pk, to=policies.CHANGE)
    owner = _term_owner(term)
    posted = request.method == "POST"
    form = TermForm(request.POST, request.FILES, term=term) if posted else TermForm(term=term)
    if posted and form.is_valid():
        try:
            services.term_update(
                actor=request_user(request),
                term=term,
                swedish=form.cleaned_data["swedish"],
                explanation=form.cleaned_data["explanation"],
                translations=form.translations(),
                picture=form.cleaned_data["picture"],
                remove_picture=form.cleaned_data.get("remove_picture", False),
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The word is saved."))
            return redirect(owner.url)
    return _term_page(request, owner, form, term)


@login_required
def term_delete(request: HttpRequest, pk: int) -> HttpResponse:
    term = policies.load(request_user(request), Term, pk, to=policies.CHANGE)
    owner = _term_owner(term)
    if request.method == "POST":
        services.term_delete(actor=request_user(request), term=term)
        messages.success(request, _("The word is deleted."))
        return redirect(owner.url)
    return render(request, "learning/vocabulary/term_delete.html", {"owner": owner, "term": term})


@login_required
def words_import(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    owner = _owner(request, kind, pk)
    report = None
    posted = request.method == "POST"
    form = TermImportForm(request.POST, request.FILES) if posted else TermImportForm()
    if posted and form.is_valid():
        upload = form.cleaned_data["file"]
        report = transfer.terms_import(
            actor=request_user(request),
            curriculum=owner.curriculum,
            workplace=owner.workplace,
            filename=upload.name or "",
            content=upload.read(transfer.MAX_BYTES + 1),
        )
        if report.ok:
            spreadsheets.import_succeeded(
                request,
                report,
                _("The words are imported: %(created)d new, %(updated)d changed.")
                % {"created": report.created, "updated": report.updated},
            )
            return redirect(owner.url)
        spreadsheets.import_refused(form, report)
    context = {"owner": owner, "form": form, "report": report}
    return render(request, "learning/vocabulary/import.html", context)


@login_required
def words_export(request: HttpRequest, kind: str, pk: int, fmt: str) -> HttpResponse:
    if fmt not in CONTENT_TYPES:
        raise Http404
    owner = _owner(request, kind, pk)
    terms = list(selectors.owner_terms(curriculum=owner.curriculum, workplace=owner.workplace))
    response = HttpResponse(
        transfer.terms_export(terms=terms, fmt=fmt), content_type=CONTENT_TYPES[fmt]
    )
    response["Content-Disposition"] = f'attachment; filename="words-{kind}-{pk}.{fmt}"'
    return response
