"""Fragments of pages kept by the version of the row they show (Russian-doll caching).

A list whose one card changed renders that card again and takes the rest from the cache. A
fragment's key holds its name, the row's table, id and version (pagecache.triggers move it on
every change the fragment may show), the language and the day (the gate's date), and whatever
``extras`` the fragment also depends on. Other versioned rows the fragment loads, and the clocks
named, are kept with it and checked on each use (one query, none when there are none), and they
join the dependencies of the page around it. Per-visitor parts (CSRF tokens, script nonces) are
kept out as in whole pages (pagecache.middleware).

Templates use the ``{% versioned %}`` and ``{% kept %}`` tags (pagecache.templatetags.fragments).
A fragment that shows no one row (a list's filter form) is kept under the values it shows and
the clocks it names (``key_of_values``). A view about to
render many of them can ``take`` their fragments first, in one round trip to the cache, and
load what rendering needs for the rows left without one only.
"""

from collections.abc import Callable, Iterable

from django.core.cache import cache

from pagecache import freshness
from pagecache.middleware import PAGE_SECONDS, with_visitor_parts, without_visitor_parts


def key(name: str, instance, extras: Iterable = ()) -> str | None:
    """The fragment's key, or None when the row's version was not loaded (never kept)."""
    version = instance.__dict__.get("version")
    if version is None:
        return None
    return freshness.page_key(f"fragment:{name}", instance._meta.db_table, instance.pk, version, *extras)


def key_of_values(name: str, values: Iterable) -> str:
    """The key of a fragment that shows no one row: ``values`` and the clocks it is kept with decide it."""
    return freshness.page_key(f"fragment:{name}", *values)


def _usable(entry) -> bool:
    return entry is not None and (not entry[1] or freshness.is_fresh(entry[1]))


def take(request, name: str, instances: Iterable, extras: Callable = lambda instance: ()) -> list:
    """Fetch the fragments ``name`` of ``instances`` at once, for the tag to use when it renders
    them; returns the instances that have none, whose rendering needs their related rows.

    ``extras`` must give what the template passes as the tag's extras: a difference costs only
    speed (the tag then fetches or renders the fragment itself), never a wrong fragment.
    """
    keys = {}
    for instance in instances:
        keys[key(name, instance, extras(instance))] = instance
    found = cache.get_many([k for k in keys if k is not None])
    usable = {k: entry for k, entry in found.items() if _usable(entry)}
    taken = getattr(request, "taken_fragments", {})
    request.taken_fragments = {**taken, **usable}
    return [instance for k, instance in keys.items() if k not in usable]


def render(request, fragment_key: str | None, clocks: Iterable[str], render_body) -> str:
    """The fragment under ``fragment_key`` from the cache (taken before, or fetched now), else
    ``render_body()``, kept for the next time unless there is no key."""
    if fragment_key is None:
        return render_body()
    entry = getattr(request, "taken_fragments", {}).get(fragment_key)
    if entry is None:
        entry = cache.get(fragment_key)
        entry = entry if _usable(entry) else None
    if entry is not None:
        html, dependencies = entry
        freshness.merge(dependencies)
    else:
        recording = freshness.Recording(clocks)
        try:
            html = without_visitor_parts(render_body())
        finally:
            dependencies = recording.stop()
        cache.set(fragment_key, (html, dependencies), PAGE_SECONDS)
    return with_visitor_parts(request, html) if request is not None else html
