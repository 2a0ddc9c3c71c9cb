"""The Elasticsearch connection and index: a versioned index behind an alias, swapped on rebuild."""

import logging
from collections.abc import Iterable
from functools import lru_cache

from django.conf import settings
from django.utils import timezone
from elastic_transport import Urllib3HttpNode
from elasticsearch import Elasticsearch, NotFoundError
from elasticsearch.helpers import bulk

from search.documents import ProductDocument

logger = logging.getLogger(__name__)


class PlainJsonNode(Urllib3HttpNode):
    """Send plain application/json instead of the Elasticsearch 8 compatibility media type.

    OpenSearch-compatible servers (osmem-server in the tests) refuse
    ``application/vnd.elasticsearch+json; compatible-with=8``; ELASTICSEARCH_PLAIN_JSON selects this.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        headers = dict(headers or {})
        for name in list(headers):
            if name.lower() in ("accept", "content-type"):
                headers[name] = "application/json"
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


def is_configured() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def client() -> Elasticsearch:
    return _client(
        settings.ELASTICSEARCH_URL, settings.ELASTICSEARCH_PLAIN_JSON, settings.ELASTICSEARCH_TIMEOUT
    )


@lru_cache(maxsize=4)
def _client(url: str, plain_json: bool, timeout: float) -> Elasticsearch:
    options = {"node_class": PlainJsonNode} if plain_json else {}
    return Elasticsearch(url, request_timeout=timeout, max_retries=0, retry_on_timeout=False, **options)


def alias() -> str:
    return settings.ELASTICSEARCH_INDEX


def create_index() -> str:
    """A new, empty, timestamped index with the product mapping; the alias does not point to it yet."""
    name = f"{alias()}-{timezone.now():%Y%m%d%H%M%S%f}"
    ProductDocument.init(index=name, using=client())
    return name


def ensure_index() -> None:
    """Create the first index and its alias if there is none (a fresh Elasticsearch)."""
    if not client().indices.exists_alias(name=alias()):
        swap_alias(create_index())


def swap_alias(new_index: str) -> None:
    """Point the alias at ``new_index`` in one atomic step."""
    es = client()
    try:
        old = list(es.indices.get_alias(name=alias()))
    except NotFoundError:
        old = []
    actions = [{"remove": {"index": index, "alias": alias()}} for index in old]
    actions.append({"add": {"index": new_index, "alias": alias()}})
    es.indices.update_aliases(actions=actions)


def live_indices() -> list[str]:
    """The aliased index and any index being built, so updates during a rebuild reach both."""
    try:
        return sorted(client().indices.get(index=f"{alias()}-*"))
    except NotFoundError:
        return []


def write(documents: Iterable[ProductDocument], deleted_ids: Iterable[int], indices: list[str]) -> None:
    documents, deleted_ids, actions = list(documents), list(deleted_ids), []
    for index in indices:
        actions += [document.to_dict(include_meta=True) | {"_index": index} for document in documents]
        actions += [{"_op_type": "delete", "_index": index, "_id": pk} for pk in deleted_ids]
    if not actions:
        return
    writer = client().options(request_timeout=settings.ELASTICSEARCH_INDEX_TIMEOUT)
    _, errors = bulk(writer, actions, raise_on_error=False, refresh=settings.ELASTICSEARCH_REFRESH)
    failures = [error for error in errors if _status(error) != 404]  # deleting an absent doc is fine
    if failures:
        logger.error("Elasticsearch refused %d index actions, first: %s", len(failures), failures[0])


def _status(error: dict) -> int | None:
    return next(iter(error.values()), {}).get("status")
