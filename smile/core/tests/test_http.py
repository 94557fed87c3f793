"""Going back only ever leads to a page of this site."""

import pytest
from django.test import RequestFactory

from smile.core.http import local_url, next_url


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/home/adept/", "/home/adept/"),
        ("/learning/my-plan/?x=1", "/learning/my-plan/?x=1"),
        ("https://evil.example/", None),
        ("//evil.example/path", None),
        ("/\\evil.example", None),
        ("http://testserver/home/", None),  # only paths, even to this host
        ("", None),
        (None, None),
    ],
)
def test_only_paths_of_this_site_are_kept(target: str | None, expected: str | None) -> None:
    assert local_url(RequestFactory().get("/"), target) == expected


def test_next_comes_from_the_form_or_the_link_else_the_fallback() -> None:
    factory = RequestFactory()
    assert next_url(factory.post("/", {"next": "/a/"}), "/home/") == "/a/"
    assert next_url(factory.get("/", {"next": "/b/"}), "/home/") == "/b/"
    assert next_url(factory.post("/", {"next": "https://evil.example/"}), "/home/") == "/home/"
    assert next_url(factory.get("/"), "/home/") == "/home/"
