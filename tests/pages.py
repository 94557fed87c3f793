"""Reading a page in a test: the status is always checked before the content is believed."""

from django.http import HttpResponse


def body_of(response: HttpResponse, status: int = 200) -> str:
    """The page's text, after checking it answered with `status` (a 404 page holds no names
    either, so a test that only looks for an absent name must know which page it read)."""
    assert response.status_code == status, (
        f"expected {status}, got {response.status_code} (Location: {response.get('Location', '-')})"
    )
    return response.content.decode()
