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
