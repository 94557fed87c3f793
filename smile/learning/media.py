"""Uploaded pictures are never public: each is served only to those who may see its record."""

import uuid

from django.contrib.auth.decorators import login_required
from django.db.models import Model
from django.http import FileResponse, Http404, HttpRequest
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from smile.core import policies
from smile.learning.models import PracticeEntry, Term, WorkplaceTask
from smile.lib.images import MAX_PIXELS, NotAPicture, PictureTooLarge, clean_picture

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
    # Personal data: no cache may keep it, not even the reader's browser.
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def save_picture(obj: Model, field: str, upload: object) -> None:
    """Clean an uploaded picture (smaller, no metadata) and store it on the object's field.

    Raises `smile.lib.images.NotAPicture` before anything is stored; the caller turns it into
    a form error with `picture_problem`."""
    from django.core.files.base import ContentFile

    data, extension = clean_picture(upload, size=getattr(upload, "size", None))  # type: ignore[arg-type]
    getattr(obj, field).save(f"{uuid.uuid4().hex}.{extension}", ContentFile(data), save=False)


def picture_problem(error: NotAPicture) -> str:
    """What to tell the person whose upload `save_picture` refused, in her language."""
    if isinstance(error, PictureTooLarge):
        return _(
            "This picture is too large: it has more than %(count)d million pixels. Use a photo "
            "straight from a phone camera, or make the picture smaller."
        ) % {"count": MAX_PIXELS // 1_000_000}
    return _("This file is not a picture we can use. Use a JPEG or PNG photo under 10 MB.")
