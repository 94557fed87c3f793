"""The bell's list of notices, opening one, and each person's choice of what she hears about."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from smile.accounts.http import request_user
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.core.http import local_url
from smile.notifications import selectors, services
from smile.notifications.forms import NotificationSettingsForm
from smile.notifications.messages import render_html
from smile.notifications.models import Notification


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The person's own notices, newest first, 30 a page; `?show=todo` only those that ask her
    for something not yet done."""
    user = request_user(request)
    to_do = request.GET.get("show") == "todo"
    notices = selectors.notification_list(user=user, to_do=to_do)
    page = Paginator(notices, selectors.PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"notice": n, "line": render_html(n)} for n in page]
    context = {
        "page": page,
        "rows": rows,
        "to_do": to_do,
        # The "to do" list's paginator has counted them already.
        "to_do_count": page.paginator.count if to_do else selectors.to_do_count(user=user),
    }
    return render(request, "notifications/list.html", context)


@login_required
@require_POST
def notification_read(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a notice: it is marked read, and the person goes where it points (on this site)."""
    user = request_user(request)
    notification = get_object_or_404(Notification, pk=pk, recipient=user)
    services.notification_read(notification=notification, user=user)
    target = local_url(request, notification.url)
    return redirect(target) if target else redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request: HttpRequest) -> HttpResponse:
    services.notifications_read_all(user=request_user(request))
    messages.success(request, _("All notices are marked as read."))
    return redirect("notifications:list")


@login_required
def notification_settings(request: HttpRequest) -> HttpResponse:
    """A table of kinds, each with "In SMILE" and "By e-mail"."""
    user = request_user(request)
    form = NotificationSettingsForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.notification_settings_update(
                user=user, in_app=form.cleaned_data["in_app"], email=form.cleaned_data["email"]
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Your choices are saved."))
            return redirect("notifications:settings")
    rows = selectors.notification_settings(user=user)
    if form.is_bound:
        chosen_in_app = set(form["in_app"].value() or [])
        chosen_email = set(form["email"].value() or [])
        rows = [
            selectors.KindSetting(
                kind=r.kind,
                label=r.label,
                in_app=r.kind in chosen_in_app,
                email=r.kind in chosen_email,
            )
            for r in rows
        ]
    return render(request, "notifications/settings.html", {"form": form, "rows": rows})
