from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

LANGUAGE_PARAMETER = "lang"


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Vietnamese unless the visitor picked English: ``?lang=`` for one page, the switch for good.

    Django's own middleware would follow the browser's Accept-Language, turning the site
    English for most phones set to English even in Vietnam; the choice stays explicit here.
    ``?lang=en`` gives every page an English URL of its own (shared links, hreflang, QR codes).
    """

    def process_request(self, request):
        choices = [request.GET.get(LANGUAGE_PARAMETER), request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)]
        language = next((c for c in choices if c in dict(settings.LANGUAGES)), settings.LANGUAGE_CODE)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy on public pages; a looser one under the admin prefixes.

    The Wagtail admin, Oscar's dashboard and Django's admin rely on inline scripts and styles we
    do not own, so there only the directives that cannot break them apply (settings.CSP_ADMIN_*).
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(
            settings.CSP_ADMIN_PREFIXES
        ):
            parts.config = settings.CSP_ADMIN_DIRECTIVES
        return parts


class PermissionsPolicyMiddleware:
    """Permissions-Policy on every response (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
