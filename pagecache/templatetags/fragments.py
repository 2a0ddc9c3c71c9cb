"""``{% versioned obj [extra …] [clocks="content"] [unless=cond] %}…{% endversioned %}``: kept by version.

Russian-doll caching: a list whose one card changed renders that card again and takes the rest
from the cache. The key holds the row's table, id and version (pagecache.triggers move it on
every change the fragment may show), the language and the day (the gate's date), and whatever
``extra`` values the fragment also depends on. Other versioned rows the fragment loads, and the
``clocks`` named, are kept with it and checked on each use (one query, none when there are
none), and they join the dependencies of the page around it. Per-visitor parts (CSRF tokens,
script nonces) are kept out as in whole pages (pagecache.middleware). A row whose version was not
loaded, or a fragment whose ``unless`` holds (one with parts of a signed-in user's own), is
rendered every time.
"""

from django import template
from django.core.cache import cache

from pagecache import freshness
from pagecache.middleware import PAGE_SECONDS, with_visitor_parts, without_visitor_parts

register = template.Library()


class VersionedNode(template.Node):
    def __init__(self, nodelist, name, instance, extras, clocks, unless):
        self.nodelist = nodelist
        self.name = name  # the tag's place in its template
        self.instance = instance
        self.extras = extras
        self.clocks = clocks
        self.unless = unless

    def render(self, context):
        instance = self.instance.resolve(context)
        version = instance.__dict__.get("version")
        if version is None or (self.unless is not None and self.unless.resolve(context)):
            return self.nodelist.render(context)
        extras = [extra.resolve(context) for extra in self.extras]
        key = freshness.page_key(
            f"fragment:{self.name}", instance._meta.db_table, instance.pk, version, *extras
        )
        entry = cache.get(key)
        if entry is not None and (not entry[1] or freshness.is_fresh(entry[1])):
            html, dependencies = entry
            freshness.merge(dependencies)
        else:
            recording = freshness.Recording(self.clocks)
            try:
                html = without_visitor_parts(self.nodelist.render(context))
            finally:
                dependencies = recording.stop()
            cache.set(key, (html, dependencies), PAGE_SECONDS)
        request = context.get("request")
        return with_visitor_parts(request, html) if request is not None else html


@register.tag
def versioned(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% versioned %} needs the object whose version keys the fragment")
    options = dict(bit.split("=", 1) for bit in bits[2:] if bit.startswith(("clocks=", "unless=")))
    extras = [parser.compile_filter(bit) for bit in bits[2:] if not bit.startswith(("clocks=", "unless="))]
    clocks = [f"clock:{kind}" for kind in options.get("clocks", "").strip('"').split(",") if kind]
    unless = parser.compile_filter(options["unless"]) if "unless" in options else None
    nodelist = parser.parse(("endversioned",))
    parser.delete_first_token()
    name = f"{parser.origin.template_name}:{token.lineno}"  # one key space per place in a template
    return VersionedNode(nodelist, name, parser.compile_filter(bits[1]), extras, clocks, unless)
