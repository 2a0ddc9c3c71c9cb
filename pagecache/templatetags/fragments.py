"""Fragments kept in the cache while what they show is unchanged (pagecache.fragments).

``{% versioned obj [extra …] [clocks="content"] [unless=cond] [name="…"] %}…{% endversioned %}``
keeps the fragment by ``obj``'s version (and the extras). ``{% kept value … clocks="content"
[unless=cond] %}…{% endkept %}`` keeps one that shows no one row by the values and the clocks.
A fragment whose ``unless`` holds (one with parts of a signed-in user's own) is rendered every
time. ``name`` names a versioned fragment for views that take many at once
(pagecache.fragments.take); by default a fragment is named by its tag's place in its template.
"""

from django import template

from pagecache import fragments

register = template.Library()
OPTIONS = ("clocks=", "unless=", "name=")


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, instance, values, clocks, unless):
        self.nodelist = nodelist
        self.name = name
        self.instance = instance  # None: a fragment kept by its values only
        self.values = values
        self.clocks = clocks
        self.unless = unless

    def render(self, context):
        if self.unless is not None and self.unless.resolve(context):
            return self.nodelist.render(context)
        values = [value.resolve(context) for value in self.values]
        if self.instance is None:
            fragment = (self.name, *values)
        else:
            fragment = fragments.identity(self.name, self.instance.resolve(context), values)
        return fragments.render(
            context.get("request"), fragment, self.clocks, lambda: self.nodelist.render(context)
        )


def _parse(parser, token, end, *, with_instance):
    bits = token.split_contents()
    if with_instance and len(bits) < 2:
        raise template.TemplateSyntaxError(
            f"{{% {bits[0]} %}} needs the object whose version keys the fragment"
        )
    rest = bits[2:] if with_instance else bits[1:]
    options = dict(bit.split("=", 1) for bit in rest if bit.startswith(OPTIONS))
    values = [parser.compile_filter(bit) for bit in rest if not bit.startswith(OPTIONS)]
    clocks = [f"clock:{kind}" for kind in options.get("clocks", "").strip('"').split(",") if kind]
    unless = parser.compile_filter(options["unless"]) if "unless" in options else None
    name = options.get("name", "").strip('"') or f"{parser.origin.template_name}:{token.lineno}"
    nodelist = parser.parse((end,))
    parser.delete_first_token()
    instance = parser.compile_filter(bits[1]) if with_instance else None
    return FragmentNode(nodelist, name, instance, values, clocks, unless)


@register.tag
def versioned(parser, token):
    return _parse(parser, token, "endversioned", with_instance=True)


@register.tag
def kept(parser, token):
    return _parse(parser, token, "endkept", with_instance=False)
