from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import segno
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


def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_by_token(token)
    try:
        services.invitation_check(invitation)
    except ApplicationError as error:
        return render(
            request,
            "accounts/invitation_invalid.html",
            {"error": error.message},
            status=410 if invitation else 404,
        )
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
            services.invitation_accept(
                invitation=invitation, full_name="", password="", existing_user=existing
            )
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


password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    form_class=LocalisedPasswordResetForm,
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password-reset-complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:profile"),
)
