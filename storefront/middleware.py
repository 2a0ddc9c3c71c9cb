
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation

from formats import CONTROL_CHARACTERS

API_PREFIX = "/api/"
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")

LANGUAGE_PARAMETER = "lang"


def in_language(path: str, query, code: str | None = None) -> str:
    """``path`` with its ``query`` (a QueryDict), ``?lang=`` set to ``code`` or left out."""
    query = query.copy()
    query.pop(LANGUAGE_PARAMETER, None)
    if code:
        query[LANGUAGE_PARAMETER] = code
    return f"{path}?{query.urlencode()}" if query else path


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """The language of a page: ``?lang=`` (every page's URL in each language, for hreflang and
    shared links), else the visitor's choice (a cookie set by the switcher, no session), else the
    first language the browser asks for that we have (Accept-Language), else Vietnamese.

    A tourist's phone set to Korean opens a scanned code, or any page, in Korean at once; Django's
    LocaleMiddleware adds Vary: Accept-Language, and the page cache keys pages by the language.
    """

    def process_request(self, request):
        asked = request.GET.get(LANGUAGE_PARAMETER)
        if asked not in dict(settings.LANGUAGES):  # then Django's order: the cookie, the browser, vi
            asked = translation.get_language_from_request(request)
        translation.activate(asked)
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


class RejectControlCharactersMiddleware:
    """Answer 400 to a control character (NUL above all) in the path, the query or a form field.

    No view then has to guard against them: PostgreSQL refuses NUL in text, so one reaching a
    query was an error page (a 500) on any URL that looks a value up. JSON bodies and uploaded
    files are left to their own parsers and validators.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = [request.path, *self._fields(request.GET)]
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            values += self._fields(request.POST)
        if any(CONTROL_CHARACTERS.search(value) for value in values):
            if request.path.startswith(API_PREFIX):  # machines get the API's own error shape
                return JsonResponse({"detail": "Control characters are not accepted"}, status=400)
            return HttpResponseBadRequest(render_to_string("400.html", request=request))
        return self.get_response(request)

    @staticmethod
    def _fields(query_dict) -> list[str]:
        return [text for key, items in query_dict.lists() for text in (key, *items)]
