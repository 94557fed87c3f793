"""Reads for mentor development; constant query counts."""

from typing import Any

from smile.core import policies
from smile.core.actor import AnyUser
from smile.programmes.models import Enrolment, EnrolmentRole, EnrolmentStatus, Programme
from smile.training import access
from smile.training.models import Completion, Module


def my_modules(*, user: AnyUser) -> list[dict[str, Any]]:
    modules = list(policies.allowed(user, Module))
    done = {c.module_id: c for c in access.own_completions(user)}
    return [{"module": m, "completion": done.get(m.pk)} for m in modules]


def programme_completion(*, programme: Programme) -> dict[str, Any]:
    """Which of the programme's active mentors completed which modules (three queries)."""
    modules = list(Module.objects.all())
    mentors = list(
        Enrolment.objects.filter(
            programme=programme, role=EnrolmentRole.MENTOR, status=EnrolmentStatus.ACTIVE
        )
        .select_related("user")
        .order_by("user__full_name")
    )
    done: dict[int, set[int]] = {}
    for user_id, module_id in Completion.objects.filter(
        user_id__in=[e.user_id for e in mentors]
    ).values_list("user_id", "module_id"):
        done.setdefault(user_id, set()).add(module_id)
    basic = {m.pk for m in modules if m.basic}
    rows = [
        {
            "enrolment": e,
            "cells": [{"module": m, "done": m.pk in done.get(e.user_id, set())} for m in modules],
            "basic_done": basic <= done.get(e.user_id, set()),
        }
        for e in mentors
    ]
    return {"modules": modules, "rows": rows}
