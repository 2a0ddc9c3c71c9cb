"""What every template may ask of the request beyond Django's and Oscar's context processors."""

# Oscar's shop pages whose templates use its scripts: the basket's remove and save-for-later
# links, checkout's sign-in choice, the account pages.
OSCAR_SCRIPT_NAMESPACES = frozenset({"basket", "checkout", "customer"})


def oscar_scripts(request) -> dict:
    """Whether the page loads jQuery, Bootstrap's script and Oscar's ui.js (templates/oscar/layout.html)."""
    match = getattr(request, "resolver_match", None)
    return {"oscar_scripts": bool(match and set(match.namespaces) & OSCAR_SCRIPT_NAMESPACES)}
