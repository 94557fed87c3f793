from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import segno
from axes.helpers import get_client_ip_address
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from smile.accounts import access, selectors, services
from smile.accounts.forms import (
    EmailAuthenticationForm,
    InvitationForm,
    LanguageForm,
    LocalisedPasswordResetForm,
    ProfileForm,
    SetPasswordForInvitationForm,
    TokenForm,
)
from smile.accounts.models import User
from smile.core import actor, http
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.organisations import access as organisations_access


def _remember_language(response: HttpResponse, language: str) -> HttpResponse:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
    )
    return response


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True

    def form_valid(self, form: EmailAuthenticationForm) -> HttpResponse:  # type: ignore[override]
        response = super().form_valid(form)
        user = form.get_user()
        return _remember_language(response, user.preferred_language)


class LogoutView(auth_views.LogoutView):
    pass


@login_required
def second_factor(request: HttpRequest) -> HttpResponse:
    """Verify the TOTP code; a person without a device first sets one up on this same page."""
    user: User = request.user  # type: ignore[assignment]
    next_url = http.next_url(request, reverse("portal:home"))
    device = selectors.confirmed_totp_device(user)
    setting_up = device is None
    if setting_up:
        device = services.totp_device_start(user=user)
    assert device is not None
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if setting_up:
                services.totp_device_confirm(device=device, token=form.cleaned_data["token"])
            elif not device.verify_token(form.cleaned_data["token"]):
                raise ApplicationError(
                    _("The code is wrong or too old. Try the newest code."), field="token"
                )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            otp_login(request, device)
            return HttpResponseRedirect(next_url)
    context: dict[str, Any] = {"form": form, "setting_up": setting_up, "next": next_url}
    if setting_up:
        context["secret"] = services.totp_secret_base32(device)
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_data_uri(scale=5)
    return render(request, "accounts/second_factor.html", context)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(
            user=user,
            full_name=form.cleaned_data["full_name"],
            preferred_language=form.cleaned_data["preferred_language"],
        )
        messages.success(request, _("Your profile is saved."))
        return _remember_language(redirect("accounts:profile"), user.preferred_language)
    has_device = selectors.confirmed_totp_device(user) is not None
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "has_device": has_device, "roles": actor.roles_of(user)},
    )


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language switcher: remembered in a cookie, and in the profile when logged in."""
    form = LanguageForm(request.POST)
    next_url = http.next_url(request, reverse("portal:home"))
    if not form.is_valid():
        messages.error(request, _("That language is not available."))
        return redirect(next_url)
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    return _remember_language(HttpResponseRedirect(next_url), language)


def _invitation_refused(request: HttpRequest, error: ApplicationError, status: int) -> HttpResponse:
    """The page for a link that cannot be used; a used one offers to log in instead."""
    context: dict[str, Any] = {"error": error.message}
    if isinstance(error, services.InvitationUsed):
        context["login_url"] = reverse("accounts:login")
    return render(request, "accounts/invitation_invalid.html", context, status=status)


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_by_token(token)
    try:
        services.invitation_check(invitation)
    except ApplicationError as error:
        return _invitation_refused(request, error, 410 if invitation else 404)
    assert invitation is not None
    existing = User.objects.filter(email__iexact=invitation.email).first()
    if existing is not None and request.user != existing:
        login_url = reverse("accounts:login") + "?" + urlencode({"next": request.path})
        return render(
            request,
            "accounts/invitation_login.html",
            {"invitation": invitation, "login_url": login_url},
        )
    form = SetPasswordForInvitationForm(
        request.POST or None, email=invitation.email, initial={"full_name": invitation.full_name}
    )
    if existing is not None:
        # Already logged in as the invited person: accepting needs no new password.
        if request.method == "POST":
            try:
                services.invitation_accept(
                    invitation=invitation, full_name="", password="", existing_user=existing
                )
            except ApplicationError as error:
                return _invitation_refused(request, error, 410)
            messages.success(request, _("The invitation is accepted."))
            return redirect("portal:home")
        return render(request, "accounts/invitation_confirm.html", {"invitation": invitation})
    if request.method == "POST" and form.is_valid():
        try:
            user = services.invitation_accept(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                existing_user=None,
            )
        except services.InvitationUsed as error:
            # Accepted a moment ago, in another tab or by a second click.
            return _invitation_refused(request, error, 410)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to SMILE! Your account is ready."))
            return _remember_language(redirect("portal:home"), user.preferred_language)
    return render(
        request, "accounts/invitation_accept.html", {"form": form, "invitation": invitation}
    )


def _invitation_form(request: HttpRequest) -> InvitationForm:
    organisations: QuerySet[Any] = organisations_access.changeable_organisations(request.user)
    workplaces = organisations_access.changeable_workplaces(request.user)
    return InvitationForm(request.POST or None, organisations=organisations, workplaces=workplaces)


@login_required
def invitation_list(request: HttpRequest) -> HttpResponse:
    if not organisations_access.can_coordinate(request.user):
        return render(request, "core/forbidden.html", status=403)
    form = _invitation_form(request)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.invitation_create(
                invited_by=request.user,  # type: ignore[arg-type]
                email=data["email"],
                full_name=data["full_name"],
                organisation=data["organisation"],
                role=data["role"],
                workplace=data["workplace"],
                language=data["language"],
                base_url=request.build_absolute_uri("/"),
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(
                request, _("The invitation is sent to %(email)s.") % {"email": data["email"]}
            )
            return redirect("accounts:invitations")
    invitations = access.visible_invitations(request.user).select_related(
        "organisation", "workplace"
    )[:100]
    valid_until = timezone.localdate() + timedelta(days=settings.INVITATION_VALID_DAYS)
    return render(
        request,
        "accounts/invitations.html",
        {"form": form, "invitations": invitations, "valid_until": valid_until},
    )


class PasswordResetView(auth_views.PasswordResetView):
    """Asks the worker for the e-mail and answers at once, the same way for every address.

    Neither whether the address has an account nor whether it (or this client) has asked too
    often shows in the answer: the page, the status and the text are the same.
    """

    template_name = "accounts/password_reset.html"
    form_class = LocalisedPasswordResetForm
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form: LocalisedPasswordResetForm) -> HttpResponse:  # type: ignore[override]
        services.password_reset_request(
            email=form.cleaned_data["email"],
            client=get_client_ip_address(self.request) or "unknown",
            domain=self.request.get_host(),
            use_https=self.request.is_secure(),
        )
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # The person has shown she holds the mailbox: a login lock-out no longer protects her.
        axes_reset(username=form.user.email.lower())
        return response


password_reset = PasswordResetView.as_view()
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = PasswordResetConfirmView.as_view()
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:profile"),
)
