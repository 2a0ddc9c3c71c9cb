"""JSON API (/api/v1/), OpenAPI schema at /api/v1/schema/: one router per resource; all reads but
the EPCIS capture of a producer's own events (api/epcis.py).

Lists show only listable products (the listing gate, through browsable() or the search); a single
product answers whatever its status, so anyone holding one can check its certificate. Every 4xx
answers one shape: {"detail": "<what went wrong>"} (with "errors" for invalid parameters).
"""

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from api import epcis, fairs, producers, products, sales_points
from formats import CONTROL_CHARACTER_RANGES

ERROR = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
INVALID = {
    "type": "object",
    "properties": {"detail": {"type": "string"}, "errors": {"type": "array", "items": {"type": "object"}}},
    "required": ["detail", "errors"],
}
# storefront.middleware refuses C0 control characters anywhere in a request: said in the schema.
NO_CONTROL_CHARACTERS = f"^[^{CONTROL_CHARACTER_RANGES}]*$"
# What any operation may answer besides its own result, in the one shape the handlers below give.
ERRORS = {
    "400": ("Bad request", ERROR),
    "404": ("Not found", ERROR),
    "422": ("Invalid parameters", INVALID),
}


class OcopAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        # The ids clients were generated from when the API was one module, storefront/api.py.
        return f"storefront_api_{operation.view_func.__name__}"

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for parameter in operation.get("parameters", []):
                    if parameter["schema"].get("type") == "string":
                        parameter["schema"].setdefault("pattern", NO_CONTROL_CHARACTERS)
                for status, (description, body) in ERRORS.items():
                    response = {"description": description, "content": {"application/json": {"schema": body}}}
                    operation["responses"].setdefault(status, response)
        return schema


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
