from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.organisations import access, selectors, services
from smile.organisations.forms import OrganisationForm, WorkplaceForm
from smile.organisations.models import Organisation, Workplace


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = selectors.organisation_list(user=request.user)
    return render(
        request,
        "organisations/organisation_list.html",
        {"organisations": organisations, "can_create": access.can_coordinate(request.user)},
    )


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    managers = selectors.coordinating_organisations(user=request.user)
    if not managers.exists():
        return render(request, "core/forbidden.html", status=403)
    form = OrganisationForm(request.POST or None, managers=managers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation = services.organisation_create(
                actor=request.user,
                name=data["name"],
                kind=data["kind"],
                organisation_number=data["organisation_number"],
                city=data["city"],
                managed_by=data["managed_by"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The organisation is saved."))
            return redirect("organisations:detail", pk=organisation.pk)
    return render(request, "core/form_page.html", {"form": form, "title": _("New organisation")})


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = policies.load(request.user, Organisation, pk)
    can_change = policies.can_change(request.user, organisation)
    context = {
        "organisation": organisation,
        "can_change": can_change,
        "workplaces": selectors.organisation_workplaces(organisation=organisation),
        "members": selectors.organisation_members(organisation=organisation) if can_change else [],
    }
    return render(request, "organisations/organisation_detail.html", context)


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = policies.load(request.user, Organisation, pk, to=policies.CHANGE)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.organisation_update(
                actor=request.user,
                organisation=organisation,
                name=data["name"],
                organisation_number=data["organisation_number"],
                city=data["city"],
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The organisation is saved."))
            return redirect("organisations:detail", pk=organisation.pk)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Edit %(name)s") % {"name": organisation.name}},
    )


@login_required
def workplace_edit(request: HttpRequest, pk: int, workplace_pk: int | None = None) -> HttpResponse:
    organisation = policies.load(request.user, Organisation, pk, to=policies.CHANGE)
    workplace = None
    if workplace_pk is not None:
        workplace = policies.load(request.user, Workplace, workplace_pk, to=policies.CHANGE)
        if workplace.organisation_id != organisation.pk:
            return render(request, "404.html", status=404)
    form = WorkplaceForm(request.POST or None, instance=workplace)
    if request.method == "POST" and form.is_valid():
        try:
            services.workplace_save(
                actor=request.user,
                organisation=organisation,
                workplace=workplace,
                **form.cleaned_data,
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The workplace is saved."))
            return redirect("organisations:detail", pk=organisation.pk)
    title = (
        _("Edit workplace")
        if workplace
        else _("New workplace at %(name)s") % {"name": organisation.name}
    )
    return render(request, "core/form_page.html", {"form": form, "title": title})
