"""Raising a concern, following it, and working the case; naming the case handlers."""

import secrets
from typing import Any

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from smile.accounts.http import request_user
from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.equality import access, selectors, services
from smile.equality.forms import (
    ANONYMOUS,
    AnswerForm,
    AskForm,
    CodeForm,
    HandlerAddForm,
    LogForm,
    ReportForm,
    StepForm,
    TaskForm,
)
from smile.equality.models import CaseHandler, Concern
from smile.organisations.models import Workplace
from smile.programmes.models import Programme


def _client(request: HttpRequest) -> str:
    return get_client_ip_address(request) or "unknown"


def index(request: HttpRequest) -> HttpResponse:
    """Where anyone starts: what a concern is, how to report one, how to follow it."""
    user = request.user
    context = {
        "can_report": selectors.reportable_programmes(user=user).exists(),
        "has_own": selectors.own_concern_list(user=user).exists(),
        "is_handler": selectors.is_case_handler(user=user),
        "names_handlers": selectors.handler_managed_programmes(user=user).exists(),
        "sees_figures": policies.allowed(user, Programme, access.FIGURES).exists()
        or policies.allowed(user, Workplace, access.FIGURES).exists(),
    }
    return render(request, "equality/index.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    programmes = selectors.reportable_programmes(user=user)
    if not programmes.exists():
        raise Http404
    form = ReportForm(request.POST or None, request.FILES or None, programmes=programmes)
    once = request.POST.get("once", "")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if once and once not in request.session.get(REPORT_TOKENS, []):
            # The same form sent again: most often a reload of the page that shows the code.
            form.add_error(
                None, _("This report is already sent. You do not need to send it again.")
            )
            return render(request, "equality/report.html", {"form": form, "once": _once(request)})
        try:
            reported = services.concern_report(
                reporter=user,
                programme=data["programme"],
                kind=data["kind"],
                ground=data["ground"],
                place=data["place"],
                what=data["what"],
                when=data["when"],
                anonymous=data["anonymous"] == ANONYMOUS,
                attachment=data["attachment"],
                client=_client(request),
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            _spend(request, once)
            if reported.code is not None:
                # Shown once, in this answer: the code is kept nowhere, not even in the session.
                return render(request, "equality/reported.html", {"code": reported.code})
            messages.success(request, _("Thank you. Your report is sent to the case handlers."))
            return redirect("equality:mine-detail", pk=reported.concern.pk)
    return render(request, "equality/report.html", {"form": form, "once": once or _once(request)})


REPORT_TOKENS = "equality-report-tokens"


def _once(request: HttpRequest) -> str:
    """A one-time token for the report form, kept in the session until the report is sent, so
    the same form sent twice (a reload of the page that shows the code) is not a second report.
    The session holds only these random tokens, nothing of a report. A few are kept, for a form
    open in several tabs."""
    token = secrets.token_urlsafe(16)
    request.session[REPORT_TOKENS] = [*request.session.get(REPORT_TOKENS, [])[-4:], token]
    return token


def _spend(request: HttpRequest, once: str) -> None:
    tokens = request.session.get(REPORT_TOKENS, [])
    if once in tokens:
        request.session[REPORT_TOKENS] = [token for token in tokens if token != once]


@never_cache
@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    """The anonymous reporter's page: she gives her code with every request (it is kept in no
    session or address), sees each step in her language and can answer."""
    code_form = CodeForm(request.POST or None)
    if request.method != "POST" or not code_form.is_valid():
        return render(request, "equality/follow.html", {"code_form": code_form})
    typed = code_form.cleaned_data["code"]
    try:
        concern = services.concern_by_code(typed=typed, client=_client(request), user=request.user)
    except ApplicationError as error:
        add_application_error(code_form, error)
        return render(request, "equality/follow.html", {"code_form": code_form}, status=429)
    if concern is None:
        code_form.add_error(
            "code", _("This code does not open a case. Check the code and try again.")
        )
        return render(request, "equality/follow.html", {"code_form": code_form})
    answer_form = AnswerForm()
    if "send_answer" in request.POST:
        answer_form = AnswerForm(request.POST, request.FILES)
        if answer_form.is_valid():
            try:
                services.concern_answer(
                    concern=concern,
                    text=answer_form.cleaned_data["text"],
                    attachment=answer_form.cleaned_data["attachment"],
                    code=typed,
                )
            except ApplicationError as error:
                add_application_error(answer_form, error)
            else:
                messages.success(request, _("Your message is sent to the case handlers."))
                answer_form = AnswerForm()
    context = {
        "case": selectors.reporter_case(concern),
        "code": typed,
        "answer_form": answer_form,
    }
    return render(request, "equality/follow_case.html", context)


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    return render(
        request, "equality/mine.html", {"concerns": selectors.own_concern_list(user=user)}
    )


@login_required
@require_http_methods(["GET", "POST"])
def mine_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A named reporter's own case: its steps in her language, and her answers."""
    user = request_user(request)
    concern = policies.load(user, Concern, pk, to=access.FOLLOW, related=("programme",))
    answer_form = AnswerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and answer_form.is_valid():
        try:
            services.concern_answer(
                concern=concern,
                text=answer_form.cleaned_data["text"],
                attachment=answer_form.cleaned_data["attachment"],
                by=user,
            )
        except ApplicationError as error:
            add_application_error(answer_form, error)
        else:
            messages.success(request, _("Your message is sent to the case handlers."))
            return redirect("equality:mine-detail", pk=pk)
    case = services.concern_follow(concern=concern, reader=user)
    return render(request, "equality/mine_detail.html", {"case": case, "answer_form": answer_form})


# --- the case handlers' pages ------------------------------------------------------------------


@login_required
def cases(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not selectors.is_case_handler(user=user):
        raise Http404
    return render(request, "equality/cases.html", {"cases": selectors.handler_case_list(user=user)})


CASE_FORMS = ("step", "ask", "log", "task")


@login_required
@require_http_methods(["GET", "POST"])
def case(request: HttpRequest, pk: int) -> HttpResponse:
    """One case, whole, for its handlers; each form on the page posts here with its `action`.
    Every opening is logged in the access log."""
    user = request_user(request)
    concern = policies.load(user, Concern, pk, related=("programme", "reporter", "workplace"))
    action = request.POST.get("action") if request.method == "POST" else None
    if request.method == "POST" and action not in CASE_FORMS:
        raise Http404
    posted = {name: request.POST if name == action else None for name in CASE_FORMS}
    forms: dict[str, Form] = {
        "step": StepForm(posted["step"], prefix="step", steps=selectors.later_steps(concern)),
        "ask": AskForm(posted["ask"], prefix="ask"),
        "log": LogForm(posted["log"], prefix="log"),
        "task": TaskForm(
            posted["task"], prefix="task", handlers=selectors.handlers_of(concern.programme)
        ),
    }
    if action is not None:
        form = forms[action]
        if form.is_valid():
            try:
                _act(action, concern=concern, user=user, data=form.cleaned_data)
            except ApplicationError as error:
                add_application_error(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("equality:case", pk=pk)
    view = services.concern_read(concern=concern, reader=user)
    return render(request, "equality/case.html", {"view": view, "forms": forms})


def _act(action: str, *, concern: Concern, user: User, data: dict[str, Any]) -> None:
    if action == "step":
        services.concern_advance(
            concern=concern, by=user, step=data["step"], message=data["message"]
        )
    elif action == "ask":
        services.concern_ask(concern=concern, by=user, text=data["text"])
    elif action == "log":
        services.case_log_add(concern=concern, by=user, text=data["text"])
    else:
        services.case_task_add(
            concern=concern,
            by=user,
            title=data["title"],
            due_on=data["due_on"],
            assignee=data["assignee"],
        )


@login_required
@require_POST
def case_task_done(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    user = request_user(request)
    concern = policies.load(user, Concern, pk)
    task = selectors.task_of(concern=concern, pk=task_pk)
    if task is None:
        raise Http404
    try:
        services.case_task_done(task=task, by=user)
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The task is done."))
    return redirect("equality:case", pk=pk)


EXTENSIONS = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}


@login_required
def case_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    """A file of the case, decrypted for a handler and always downloaded, never shown inline (a
    PDF or a picture is not run in SMILE's pages)."""
    user = request_user(request)
    concern = policies.load(user, Concern, pk)
    attachment = selectors.attachment_of(concern=concern, pk=attachment_pk)
    if attachment is None:
        raise Http404
    try:
        data = services.attachment_open(attachment=attachment, reader=user)
    except FileNotFoundError:
        raise Http404 from None
    extension = EXTENSIONS.get(attachment.content_type, "bin")
    response = HttpResponse(data, content_type=attachment.content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="{concern.reference}-{attachment.pk}.{extension}"'
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return response


# --- naming the case handlers ------------------------------------------------------------------


@login_required
def handlers(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    programmes = selectors.handler_managed_programmes(user=user)
    if not programmes.exists():
        raise Http404
    return render(request, "equality/handlers.html", {"programmes": programmes})


@login_required
@require_http_methods(["GET", "POST"])
def programme_handlers(request: HttpRequest, programme_pk: int) -> HttpResponse:
    user = request_user(request)
    programme = policies.load(user, Programme, programme_pk, to=access.MANAGE_HANDLERS)
    form = HandlerAddForm(
        request.POST or None, people=selectors.eligible_handlers(programme=programme)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.case_handler_add(programme=programme, by=user, user=form.cleaned_data["user"])
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The case handler is named."))
            return redirect("equality:programme-handlers", programme_pk=programme.pk)
    context = {
        "programme": programme,
        "handlers": selectors.programme_handlers(programme=programme),
        "form": form,
    }
    return render(request, "equality/programme_handlers.html", context)


@login_required
@require_POST
def handler_remove(request: HttpRequest, programme_pk: int, pk: int) -> HttpResponse:
    user = request_user(request)
    handler = policies.load(user, CaseHandler, pk, to=policies.CHANGE)
    if handler.programme_id != programme_pk:
        raise Http404
    services.case_handler_remove(handler=handler, by=user)
    messages.success(request, _("The case handler is removed."))
    return redirect("equality:programme-handlers", programme_pk=programme_pk)
