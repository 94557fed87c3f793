"""Uploaded pictures are never public: each is served only to those who may see its record."""

import uuid

from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.http import require_GET

from smile.core import policies
from smile.learning.models import PracticeEntry, Term, WorkplaceTask

# (model, field) by the name used in the address.
PICTURES: dict[str, tuple[type[Model], str]] = {
    "task": (WorkplaceTask, "photo"),
    "practice": (PracticeEntry, "photo"),
    "term": (Term, "picture"),
}


@login_required
@require_GET
def picture(request: HttpRequest, kind: str, pk: int) -> FileResponse:
    if kind not in PICTURES:
        raise Http404
    model, field = PICTURES[kind]
    obj = policies.load(request.user, model, pk)
    file = getattr(obj, field)
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, content_type="image/png" if file.name.endswith(".png") else "image/jpeg"
    )
    # Private to the reader: no shared cache may keep it.
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def save_picture(obj: Model, field: str, upload: object) -> None:
    """Clean an uploaded picture (smaller, no metadata) and store it on the object's field.

    Raises `smile.lib.images.NotAPicture`; the caller turns it into a form error."""
    from django.core.files.base import ContentFile

    from smile.lib.images import clean_picture

    data, extension = clean_picture(upload, size=getattr(upload, "size", None))  # type: ignore[arg-type]
    getattr(obj, field).save(f"{uuid.uuid4().hex}.{extension}", ContentFile(data), save=False)
