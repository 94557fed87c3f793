"""The closing reflection: write yours, then read both once the other side has written."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from smile.accounts.models import User
from smile.core import policies
from smile.core.errors import ApplicationError
from smile.core.forms import add_application_error
from smile.matching.models import Pair
from smile.mentoring.closing import selectors, services
from smile.mentoring.closing.forms import ReflectionForm


@login_required
def reflection(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    pair = policies.load(
        user, Pair, pk, to="reflect", related=("adept__user", "mentor__user", "programme")
    )
    form = ReflectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reflection_write(pair=pair, by=user, **form.cleaned_data)
        except ApplicationError as error:
            add_application_error(form, error)
        else:
            messages.success(request, _("Thank you for your reflection!"))
            return redirect("mentoring:reflection", pk=pair.pk)
    state = selectors.reflection_state(user=user, pair=pair)
    return render(request, "mentoring/closing/reflection.html", {"state": state, "form": form})
