"""Fragments of pages kept by the version of the row they show (Russian-doll caching).

A list whose one card changed renders that card again and takes the rest from the cache. A
fragment's key holds its name, the row's table, id and version (pagecache.triggers move it on
every change the fragment may show), the language and the day (the gate's date), and whatever
``extras`` the fragment also depends on. Other versioned rows the fragment loads, and the clocks
named, are kept with it and checked on each use (one query, none when there are none), and they
join the dependencies of the page around it. Per-visitor parts (CSRF tokens, script nonces) are
kept out as in whole pages (pagecache.middleware).

Templates use the ``{% versioned %}`` and ``{% kept %}`` tags (pagecache.templatetags.fragments);
a fragment that shows no one row (a list's filters and facets) is kept under the values it shows
and the clocks it names. A view about to render many fragments can ``take`` them first, in one
round trip to the cache, and load what rendering needs for the rows left without one only.
"""

from collections.abc import Callable, Iterable

from django.core.cache import cache

from pagecache import freshness
from pagecache.middleware import PAGE_SECONDS, with_visitor_parts, without_visitor_parts


def identity(name: str, instance, extras: Iterable = ()) -> tuple | None:
    """What keys the fragment ``name`` of ``instance``: None when the row's version was not
    loaded (then it is never kept)."""
    version = instance.__dict__.get("version")
    if version is None:
        return None
    return (name, instance._meta.db_table, instance.pk, version, *extras)


def _key(fragment: tuple) -> str:
    name, *parts = fragment
    return freshness.page_key(f"fragment:{name}", *parts)


def _usable(entry) -> bool:
    return entry is not None and (not entry[1] or freshness.is_fresh(entry[1]))


def take(request, name: str, instances: Iterable, extras: Callable = lambda instance: ()) -> list:
    """Fetch the fragments ``name`` of ``instances`` at once, for the tag to use when it renders
    them; returns the instances that have none, whose rendering needs their related rows.

    ``extras`` must give what the template passes as the tag's extras: a difference costs only
    speed (the tag then fetches or renders the fragment itself), never a wrong fragment.
    """
    identities = {identity(name, instance, extras(instance)): instance for instance in instances}
    keys = {_key(fragment): fragment for fragment in identities if fragment is not None}
    found = cache.get_many(list(keys))
    usable = {keys[key]: entry for key, entry in found.items() if _usable(entry)}
    request.taken_fragments = {**getattr(request, "taken_fragments", {}), **usable}
    return [instance for fragment, instance in identities.items() if fragment not in usable]


def render(request, fragment: tuple | None, clocks: Iterable[str], render_body) -> str:
    """The fragment ``fragment`` (an identity, or a name and the values that key it) from the
    cache, taken before or fetched now, else ``render_body()``, kept for the next time unless
    there is no identity."""
    if fragment is None:
        return render_body()
    taken = getattr(request, "taken_fragments", None)  # only where a view took some: values may not hash
    entry = taken.get(fragment) if taken else None
    key = None
    if entry is None:
        key = _key(fragment)
        entry = cache.get(key)
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
        cache.set(key, (html, dependencies), PAGE_SECONDS)
    return with_visitor_parts(request, html) if request is not None else html
