"""Language support at a workplace, as apps above matching know it (inclusion's language
ambassadors): matching cannot import them, so they register a provider here in their
AppConfig.ready.

A provider takes workplace ids and returns, for each workplace it knows, the languages someone
there speaks who helps newcomers (ISO 639 codes). Without a provider there is no support.
"""

from collections.abc import Callable, Collection, Mapping

type Provider = Callable[[Collection[int]], Mapping[int, Collection[str]]]

_providers: dict[str, Provider] = {}


def register(name: str, provider: Provider) -> None:
    """Add (or replace, by name: ready() may run twice in tests) a provider."""
    _providers[name] = provider


def languages_at(workplace_ids: Collection[int]) -> dict[int, frozenset[str]]:
    """The support languages at each of these workplaces (workplaces without any are left out)."""
    ids = {pk for pk in workplace_ids if pk is not None}
    found: dict[int, set[str]] = {}
    if not ids:
        return {}
    for provider in _providers.values():
        for workplace_id, languages in provider(ids).items():
            found.setdefault(workplace_id, set()).update(languages)
    return {pk: frozenset(codes) for pk, codes in found.items() if codes}
