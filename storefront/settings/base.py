"""Settings shared by every environment; each deployment knob comes from the environment."""

import base64
import hashlib
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  Oscar's documented way to get its defaults

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Printed QR codes outlive deployments, so their URLs use this, never the request host.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, as its documentation asks
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    # Project apps (docs/architecture.md: the layers, bottom to top)
    "access.apps.AccessConfig",
    "pagecache.apps.PageCacheConfig",
    "storefront.apps.StorefrontConfig",
    "traceability.apps.TraceabilityConfig",
    "salespoints.apps.SalesPointsConfig",
    "tradefairs.apps.TradeFairsConfig",
    "onboarding.apps.OnboardingConfig",
    "reports.apps.ReportsConfig",
    "feeds.apps.FeedsConfig",
    # Oscar, with catalogue and search forked into the project
    "storefront.config.Shop",
    "catalogue.analytics.apps.AnalyticsConfig",
    "checkout.apps.CheckoutConfig",
    "checkout.address.apps.AddressConfig",
    "checkout.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "catalogue.partner.apps.PartnerConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "checkout.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "checkout.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "checkout.dashboard.orders.apps.OrdersDashboardConfig",
    "checkout.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",  # Oscar's class loader imports its haystack search views; nothing searches with it
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "auditlog",  # who changed what (AUDITLOG_INCLUDE_TRACKING_MODELS), read in /cms/ by province
    "django_tasks_db",  # the production task queue (TASKS_BACKEND=django_tasks_db.DatabaseBackend)
    "ninja",  # serves the API docs' Swagger UI from our static files (no CDN, no inline script)
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "storefront.middleware.RejectControlCharactersMiddleware",  # before anything reads a value
    "storefront.middleware.ContentSecurityPolicyMiddleware",
    "storefront.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "storefront.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "auditlog.middleware.AuditlogMiddleware",  # the signed-in user is the actor of audited changes
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "pagecache.middleware.PageCacheMiddleware",  # after everything it reads of the visitor
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lockout page
]

ROOT_URLCONF = "storefront.urls"
WSGI_APPLICATION = "storefront.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "wagtail.contrib.settings.context_processors.settings",
                "storefront.context_processors.oscar_scripts",
            ],
        },
    },
]

# Database: DATABASE_URL, SQLite file by default (the embedded, no-server setup).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (an outage degrades to misses: pagecache.redis), local
# memory otherwise. Sessions (baskets, logins) are written through to the database.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "pagecache.redis.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            # A stalled Redis must not stall pages: give up quickly and serve without it.
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole public pages from the cache (pagecache.middleware); off only to measure rendering
# (bench/mixed.py --cold).
PAGE_CACHE = env.bool("PAGE_CACHE", default=True)
# Messages travel in their own cookie, so a cached page can tell a visitor has one waiting
# without loading the session (pagecache.middleware).
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

# Search (search app): Elasticsearch when ELASTICSEARCH_URL is set, the database backend otherwise
# and whenever Elasticsearch does not answer (then retried after SEARCH_ELASTICSEARCH_RETRY_SECONDS).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX = env("ELASTICSEARCH_INDEX", default="ocop-products")  # an alias over versioned indices
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=2.0)  # a search; then the database
ELASTICSEARCH_INDEX_TIMEOUT = env.float("ELASTICSEARCH_INDEX_TIMEOUT", default=60.0)  # bulk writes
# OpenSearch-compatible servers (osmem-server in tests) want plain application/json, not the
# Elasticsearch 8 compatibility media type.
ELASTICSEARCH_PLAIN_JSON = env.bool("ELASTICSEARCH_PLAIN_JSON", default=False)
ELASTICSEARCH_REFRESH = env.bool("ELASTICSEARCH_REFRESH", default=False)  # True: writes visible at once
SEARCH_ELASTICSEARCH_RETRY_SECONDS = env.float("SEARCH_ELASTICSEARCH_RETRY_SECONDS", default=30)
# Oscar's class loader imports its own haystack-based search views beside ours; keep haystack inert.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

AUTHENTICATION_BACKENDS = (
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out login before any password check
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese first; English, Chinese and Korean for the public side (tourists).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("zh-hans", "中文"), ("ko", "한국어")]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600  # the visitor's choice (storefront.views.choose_language)
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# Page content is translatable (wagtail.contrib.simple_translation makes the English copies);
# a page's URL stays the same and shows its English translation when the visitor reads English.
WAGTAIL_I18N_ENABLED = True
# A /cms/ user's language (account settings) is also the language of the emails they receive.
# The workspaces (/cms/, /dashboard/) are for Vietnamese officers and producers: Vietnamese or English.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES[:2]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Product names and descriptions and the product groups are translated field by field
# (django-modeltranslation, catalogue/translation.py): a missing translation shows the Vietnamese.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)

SITE_ID = 1

# Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "storefront" / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Media served by the app itself also with DEBUG off: a single-box trial (bench/lighthouse.py);
# a real deployment serves it from the storage or the reverse proxy. The demo (DEBUG) always does.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
STORAGES = {
    "default": {"BACKEND": env("MEDIA_STORAGE", default="uploads.storage.WholeFileSystemStorage")},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Request bodies other than files (form fields, JSON); files are limited per field (uploads).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # larger uploads are spooled to a temporary file
# Django's 1000 fields is too few for a long StreamField page in the Wagtail editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = env.int("DATA_UPLOAD_MAX_NUMBER_FIELDS", default=5000)
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Pillow refuses to decode larger images (decompression bombs): set in StorefrontConfig.ready().
MAX_IMAGE_PIXELS = 40_000_000

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="OCOP Market <no-reply@ocop.local>")

# Background tasks: in-process by default; production runs them through the database queue
# (TASKS_BACKEND=django_tasks_db.DatabaseBackend) and a `manage.py db_worker` process.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend"),
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# Map tiles (Leaflet is served from our static files); OpenStreetMap's by default.
MAP_TILE_URL = env("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors")

# --- Wagtail ---
WAGTAIL_SITE_NAME = "OCOP Market"
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS  # refuse decompression bombs
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "storefront.image_forms.DescribedImageForm"
# Documents editors may upload: no HTML, SVG or executables served from our own origin.
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "xlsx", "docx", "odt", "txt"]

# --- Oscar ---
OSCAR_SHOP_NAME = "OCOP Market"
OSCAR_SHOP_TAGLINE = _("Sản phẩm OCOP Việt Nam")
OSCAR_HOMEPAGE = "/"
OSCAR_DEFAULT_CURRENCY = "VND"
# VND has no minor unit and is written 150.000 ₫ whatever the page language.
# The page's language picks the separators (Oscar passes its locale): 150.000 ₫, 150,000 ₫.
OSCAR_CURRENCY_FORMAT = {"VND": {"format": "#,##0\xa0¤", "currency_digits": False}}
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "country", "phone_number")
PHONENUMBER_DEFAULT_REGION = "VN"  # "0901 234 567" is read as +84 901 234 567
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
# Thumbnails made are remembered in the cache, not a table: a page view writes no row.
THUMBNAIL_KVSTORE = "catalogue.thumbnails.CacheKVStore"
OSCAR_HIDDEN_FEATURES = ["reviews", "wishlists"]
# "đ" has no ASCII decomposition, so slugify would drop it ("đặc biệt" → "ac-biet").
OSCAR_SLUG_MAP = {"đ": "d", "Đ": "D"}

# Payment reconciliation beside the orders in the dashboard's fulfilment menu.
OSCAR_DASHBOARD_NAVIGATION = [  # noqa: F405  Oscar's default, extended
    {**section, "children": [*section["children"], {
        "label": _("Đối soát chuyển khoản"), "url_name": "dashboard:bank-notices"}]}
    if section.get("icon") == "fas fa-shopping-cart" else section
    for section in OSCAR_DASHBOARD_NAVIGATION  # noqa: F405
]

# Orders: statuses in Vietnamese, as staff and producers see them (the same words as the
# constants of checkout.statuses; settings cannot import app code, it would import
# settings back). Each producer moves its own lines; the order follows them.
OSCAR_INITIAL_ORDER_STATUS = "Chờ giao hàng"  # per payment method: checkout.payment_methods
OSCAR_INITIAL_LINE_STATUS = "Chờ giao hàng"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Chờ thanh toán": ("Đã thanh toán", "Đã hủy"),
    "Đã thanh toán": ("Giao một phần", "Đang giao", "Đã giao", "Đã hủy"),
    "Chờ giao hàng": ("Giao một phần", "Đang giao", "Đã giao", "Đã hủy"),
    "Giao một phần": ("Đang giao", "Đã giao"),
    "Đang giao": ("Đã giao", "Đã hủy"),
    "Đã giao": (),
    "Đã hủy": (),
}
OSCAR_LINE_STATUS_PIPELINE = {  # a pickup line goes straight from "Chờ giao hàng" to "Đã giao"
    "Chờ thanh toán": ("Chờ giao hàng", "Đã hủy"),
    "Chờ giao hàng": ("Đang giao", "Đã giao", "Đã hủy"),
    "Đang giao": ("Đã giao", "Đã hủy"),
    "Đã giao": (),
    "Đã hủy": (),
}
# A transfer received frees every line for delivery; a cancelled order cancels its lines.
OSCAR_ORDER_STATUS_CASCADE = {"Đã thanh toán": "Chờ giao hàng", "Đã hủy": "Đã hủy"}
# Home delivery: flat fee by the address's region, free from a basket total (checkout.shipping.fees).
SHIPPING_FEES_VND = {
    "north": env.int("SHIPPING_FEE_NORTH_VND", default=30000),
    "central": env.int("SHIPPING_FEE_CENTRAL_VND", default=35000),
    "south": env.int("SHIPPING_FEE_SOUTH_VND", default=30000),
}
FREE_SHIPPING_FROM_VND = env.int("FREE_SHIPPING_FROM_VND", default=500000)
# Open data (feeds.opendata): who publishes it, under which licence, whom to ask.
OPEN_DATA_PUBLISHER = env("OPEN_DATA_PUBLISHER", default="OCOP Market")
OPEN_DATA_LICENSE = env("OPEN_DATA_LICENSE", default="https://creativecommons.org/licenses/by/4.0/")
OPEN_DATA_CONTACT_EMAIL = env("OPEN_DATA_CONTACT_EMAIL", default="dulieu@ocop.example.vn")
# Days a buyer may send back goods that arrived damaged or not as described (shown to search engines).
RETURN_WINDOW_DAYS = env.int("RETURN_WINDOW_DAYS", default=7)
# The shop's account for VietQR transfers (the note is the order's payment reference, OCOP + number).
VIETQR_BANK_BIN = env("VIETQR_BANK_BIN", default="970436")  # Vietcombank
VIETQR_ACCOUNT_NUMBER = env("VIETQR_ACCOUNT_NUMBER", default="0011004395921")
VIETQR_ACCOUNT_NAME = env("VIETQR_ACCOUNT_NAME", default="CONG TY TNHH OCOP MARKET")
# Banks' logos by their VietQR code ({code}); empty shows the bank's name alone.
VIETQR_BANK_LOGO_URL = env("VIETQR_BANK_LOGO_URL", default="https://api.vietqr.io/img/{code}.png")
# Transfer notices from the bank-notification service (SePay's webhook format): it authenticates
# with "Authorization: Apikey <BANK_WEBHOOK_API_KEY>", or signs the body with HMAC-SHA256 in
# "X-Signature: sha256=<hex>" under BANK_WEBHOOK_HMAC_SECRET. With neither set, every notice is refused.
BANK_WEBHOOK_API_KEY = env("BANK_WEBHOOK_API_KEY", default="")
BANK_WEBHOOK_HMAC_SECRET = env("BANK_WEBHOOK_HMAC_SECRET", default="")
# An order awaiting its transfer longer than this is cancelled (manage.py expire_transfers, hourly).
TRANSFER_WAIT_HOURS = env.int("TRANSFER_WAIT_HOURS", default=48)
# Guest order lookups per client address (django-ratelimit's rate syntax), counted in the cache;
# the client address is read as the login lockout reads it (axes, TRUSTED_PROXY_COUNT below).
ORDER_LOOKUP_RATE = env("ORDER_LOOKUP_RATE", default="10/15m")
RATELIMIT_IP_META_KEY = "axes.helpers.get_client_ip_address"

# --- Traceability ---
# A stamp scanned more often, or by more different clients, than this may have been copied.
SCAN_WARNING_COUNT = env.int("SCAN_WARNING_COUNT", default=20)
SCAN_WARNING_CLIENTS = env.int("SCAN_WARNING_CLIENTS", default=5)
SCAN_RATE_LIMIT_SECONDS = env.int("SCAN_RATE_LIMIT_SECONDS", default=60)

# Sales-point map: tile URL template (OpenStreetMap by default); empty shows the list without a map.
SALES_POINT_MAP_TILES = env(
    "SALES_POINT_MAP_TILES", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
SALES_POINT_MAP_ATTRIBUTION = env(
    "SALES_POINT_MAP_ATTRIBUTION", default="&copy; OpenStreetMap contributors"
)

# --- Login lockout (django-axes) ---
# Failures are counted per username *and* client address, so an attacker can neither keep guessing
# one account nor lock a user out from everywhere. Counted in the database, not the cache: a login
# needs the database anyway, and a Redis outage must neither block logins nor lift the limit.
# Audit (reports.audit): who changed what and when. Each model's get_additional_data() names its
# province, so officers see their province's entries.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    "catalogue.certificate",
    "catalogue.recognitiondecision",
    {"model": "catalogue.producer", "include_fields": ["is_active", "name"]},
    {"model": "catalogue.product", "include_fields": ["is_public", "title"]},
    {"model": "partner.stockrecord", "include_fields": ["price", "num_in_stock"]},
    "salespoints.salespoint",
    {"model": "salespoints.salespointstock", "include_fields": ["level", "quantity"]},
    "tradefairs.tradefair",
    "tradefairs.exhibitor",
    "tradefairs.fairlisting",
)
AUDITLOG_DISABLE_REMOTE_ADDR = True  # the actor is enough; no visitor addresses kept

# Invitations (onboarding): the link works for 7 days, once; the subject carries no site prefix.
INVITATIONS_INVITATION_MODEL = "onboarding.Invitation"
INVITATIONS_INVITATION_EXPIRY = 7
INVITATIONS_EMAIL_SUBJECT_PREFIX = ""

AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "storefront.security.login_username"  # case-insensitive, as logins are
AXES_LOCKOUT_CALLABLE = "storefront.security.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# TRUSTED_PROXY_COUNT: how many reverse proxies we run in front of the app. With none (the default)
# only REMOTE_ADDR counts, so a client cannot forge its address. With N, each proxy appends the
# address it saw to X-Forwarded-For: the client is the entry the outermost one appended, N from the
# right (ipware counts the N - 1 proxy entries after it); entries further left are the client's own.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_IPWARE_PROXY_ORDER = "right-most"
AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT - 1 if TRUSTED_PROXY_COUNT else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if TRUSTED_PROXY_COUNT else ("REMOTE_ADDR",)
)

# --- Security headers ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# "Gần tôi" (near me) asks the browser for its position; nothing here uses camera or microphone.
PERMISSIONS_POLICY = "geolocation=(self), camera=(), microphone=(), payment=(), usb=()"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Not HttpOnly: Oscar's JavaScript reads the CSRF cookie for its AJAX posts (Django's docs: no gain).
CSRF_COOKIE_HTTPONLY = False


def _inline_style_hash(template):
    """'sha256-…' of a template's one inline <style>, read from the file so the policy follows edits."""
    text = (BASE_DIR / "templates" / template).read_text(encoding="utf-8")
    style = re.search(r"<style>(.*?)</style>", text, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    return f"'sha256-{digest}'"


def _origin(url):
    parts = urlsplit(url)
    # Leaflet's {s} subdomain placeholder becomes the CSP wildcard.
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}" if parts.scheme and parts.netloc else None


BANK_LOGO_ORIGIN = _origin(VIETQR_BANK_LOGO_URL)
MAP_TILE_ORIGINS = sorted(
    {o for o in (_origin(MAP_TILE_URL), _origin(SALES_POINT_MAP_TILES)) if o}
    | {"https://tile.openstreetmap.org", "https://*.tile.openstreetmap.org"}
)
# Content-Security-Policy (django-csp) for every public page. Scripts: our files, plus the one
# inline script of Oscar's base (its page-load hook) carrying the request's nonce, on the basket,
# checkout and account pages only (storefront.context_processors.oscar_scripts), rendered per request.
# Styles: our files, plus the critical inline <style> of the trace pages and the error pages by
# hash (trace pages are cached whole, so a nonce would go stale).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "script-src-attr": [NONE],
        "style-src": [
            SELF, _inline_style_hash("traceability/base.html"), _inline_style_hash("error_page.html")
        ],
        # Oscar's basket and checkout templates hide elements with style="display:none": style
        # attributes only style their own element and cannot run script (img-src/font-src still
        # bound what they load), so they are allowed; <style> elements are not.
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [SELF, "data:", *MAP_TILE_ORIGINS, *filter(None, [_origin(MEDIA_URL), BANK_LOGO_ORIGIN])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# The Wagtail admin, Oscar's dashboard and Django's admin are built on inline scripts and styles
# we do not own: there only the directives that cannot break them (storefront.middleware).
CSP_ADMIN_PREFIXES = ("/cms/", "/dashboard/", "/django-admin/")
CSP_ADMIN_DIRECTIVES = {"frame-ancestors": [SELF], "base-uri": [SELF], "object-src": [NONE]}
