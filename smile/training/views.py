"""The mentor's development page and modules; the coordinator's completion per programme."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from smile.accounts.http import request_user
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.programmes.models import Programme
from smile.training import access, selectors, services
from smile.training.forms import ReflectionForm
from smile.training.models import Module


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not access.is_mentor(user):
        raise Http404
    rows = selectors.my_modules(user=user)
    context = {"rows": rows, "basic_done": services.basic_modules_done(user=user)}
    return render(request, "training/mine.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def module(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    if not access.is_mentor(user):
        raise Http404
    found = policies.load(user, Module, pk)
    questions = found.question_texts()
    own = {r.question: r for r in access.own_reflections(user).filter(module=found)}
    initial: dict[str, object] = {}
    for index, reflection in own.items():
        initial[f"answer_{index + 1}"] = reflection.answer
        initial[f"shared_{index + 1}"] = reflection.shared
    form = ReflectionForm(
        request.POST if request.method == "POST" else None, questions=questions, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.module_complete(
                actor=user, module=found, answers=form.answers(), shared=form.shared()
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("The module is complete."))
            return redirect("training:mine")
    completed = access.own_completions(user).filter(module=found).first()
    context = {"module": found, "form": form, "completion": completed}
    return render(request, "training/module.html", context)


@login_required
def programme(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    found = policies.load(user, Programme, pk, to=access.DEVELOPMENT)
    context = {
        "programme": found,
        **selectors.programme_completion(programme=found),
        "shared": access.shared_reflections(user, found).select_related("module", "user"),
    }
    return render(request, "training/programme.html", context)


@login_required
def programmes(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not access.follows_development(user):
        raise Http404
    found = policies.allowed(user, Programme, access.DEVELOPMENT).order_by("name")
    return render(request, "training/programmes.html", {"programmes": found})
