from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.organisations.models import Organisation
from smile.programmes import placement, selectors, services
from smile.programmes.forms import EnrolmentEditForm, EnrolmentForm, ProgrammeForm
from smile.programmes.models import Enrolment, EnrolmentRole, Programme


def _programme_form_page(request: HttpRequest, programme: Programme | None) -> HttpResponse:
    owners = selectors.programme_owners_for(user=request.user)
    if programme is None and not owners.exists():
        return render(request, "core/forbidden.html", status=403)
    if programme is not None:
        # The current owner stays selectable even for a coordinator of a partner school.
        owners = Organisation.objects.filter(
            Q(pk__in=owners.values("pk")) | Q(pk=programme.owner_id)
        )
    form = ProgrammeForm(
        request.POST or None,
        instance=programme,
        owners=owners.distinct(),
        partners=selectors.programme_partner_choices(user=request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            saved = services.programme_save(actor=request.user, programme=programme, **data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The programme is saved."))
            return redirect("programmes:detail", pk=saved.pk)
    title = _("Edit %(name)s") % {"name": programme.name} if programme else _("New programme")
    return render(request, "core/form_page.html", {"form": form, "title": title})


@login_required
def programme_create(request: HttpRequest) -> HttpResponse:
    return _programme_form_page(request, None)


@login_required
def programme_edit(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    return _programme_form_page(request, programme)


@login_required
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk)
    context = {
        "programme": programme,
        "can_change": policies.can_change(request.user, programme),
        "enrolments": selectors.programme_enrolments(user=request.user, programme=programme),
        "partners": programme.partners.all(),
    }
    return render(request, "programmes/programme_detail.html", context)


@login_required
def enrolment_create(request: HttpRequest, pk: int) -> HttpResponse:
    programme = policies.load(request.user, Programme, pk, to=policies.CHANGE)
    form = EnrolmentForm(request.POST or None, programme=programme)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = services.enrolment_create(
                actor=request.user, programme=programme, **form.cleaned_data
            )
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The person is enrolled."))
            if enrolment.role == EnrolmentRole.ADEPT:
                for warning in placement.warnings(programme, enrolment.workplace):
                    messages.warning(request, warning)
            return redirect("programmes:detail", pk=programme.pk)
    title = _("Enrol a person in %(name)s") % {"name": programme.name}
    return render(request, "core/form_page.html", {"form": form, "title": title})


@login_required
def enrolment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = policies.load(request.user, Enrolment, pk, to=policies.CHANGE)
    placed_at = enrolment.workplace_id
    form = EnrolmentEditForm(request.POST or None, instance=enrolment)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrolment_update(actor=request.user, enrolment=enrolment, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("The enrolment is saved."))
            if enrolment.role == EnrolmentRole.ADEPT and enrolment.workplace_id != placed_at:
                for warning in placement.warnings(enrolment.programme, enrolment.workplace):
                    messages.warning(request, warning)
            return redirect("programmes:detail", pk=enrolment.programme_id)
    title = _("Enrolment of %(name)s") % {"name": enrolment.user.full_name}
    return render(request, "core/form_page.html", {"form": form, "title": title})
