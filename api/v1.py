"""Read-only JSON API (/api/v1/), OpenAPI schema at /api/v1/schema/: one router per resource.

Lists show only listable products (the listing gate, through browsable() or the search); a single
product answers whatever its status, so anyone holding one can check its certificate. Every 4xx
answers one shape: {"detail": "<what went wrong>"} (with "errors" for invalid parameters).
"""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from api import epcis, fairs, producers, products, sales_points


class OcopAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # The ids clients were generated from when the API was one module, storefront/api.py.
        return f"storefront_api_{operation.view_func.__name__}"


api = OcopAPI(
    title="OCOP Market API",
    version="1",
    description="Sản phẩm OCOP còn hiệu lực, chủ thể và trạng thái chứng nhận. Chỉ đọc.",
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url="/docs/",
)
for resource in (products, producers, sales_points, fairs, epcis):
    api.add_router("", resource.router)


@api.exception_handler(HttpError)
def http_error(request, error: HttpError):
    return api.create_response(request, {"detail": error.message}, status=error.status_code)


@api.exception_handler(Http404)
def not_found(request, error: Http404):
    return api.create_response(request, {"detail": "Not Found"}, status=404)


@api.exception_handler(ValidationError)
def invalid_parameters(request, error: ValidationError):
    body = {"detail": "Invalid parameters", "errors": error.errors}
    return api.create_response(request, body, status=422)
