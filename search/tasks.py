from django_tasks import task

from search.indexing import update_elasticsearch


@task()
def update_search_index(product_ids: list[int]) -> None:
    update_elasticsearch(product_ids)
