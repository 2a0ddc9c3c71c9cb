import pytest

_relevance = {}  # backend -> (queries, precision@5, recall@5), from test_relevance's reports


def pytest_runtest_logreport(report):
    """Collect the relevance figures on the controller (they travel with xdist's reports)."""
    for name, value in report.user_properties:
        if name == "relevance":
            backend, queries, precision, recall = value
            _relevance[backend] = (queries, precision, recall)


def pytest_terminal_summary(terminalreporter):
    for backend, (queries, precision, recall) in sorted(_relevance.items()):
        terminalreporter.write_line(
            f"search relevance, {backend} backend: {queries} queries, "
            f"precision@5 {precision:.2f}, recall@5 {recall:.2f}"
        )


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Keep uploaded and generated files out of the working tree."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Vietnamese: a request or email in another language may leave that one
    active in the worker's thread (Django activates per request and does not reset after it)."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (local memory by default, shared across tests)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def migrated_data(django_db_setup, django_db_blocker):
    """The rows data migrations made (product groups, Wagtail root and locales, home page, site)."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture
def migrated_transactional_db(migrated_data, transactional_db):
    """A committed-transactions database that starts from the migrated rows.

    Transactional tests end by emptying every table; each one reloads the migrated rows first.
    Django's serialized_rollback cannot be used: under Playwright's event loop the test gets a
    fresh connection object without the serialized copy.
    """
    from django.apps import apps
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(migrated_data)
    # The reloaded rows keep their ids; move PostgreSQL's sequences past them.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


@pytest.fixture
def producer_user(django_user_model):
    """A user who may open /cms/ and belongs to no producer yet (a test adds it to one)."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("htx", "htx@example.vn", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def commit():
    """Run what the test's transaction would run on commit, as if it committed here.

    Django's capture fixture runs only callbacks registered inside its block; a change made in
    the test may be covered by one registered earlier (pagecache.freshness bumps once per
    transaction), which a real commit runs all the same.
    """
    from django.db import connection

    def run():
        pending, connection.run_on_commit = connection.run_on_commit, []
        for _, callback, _ in pending:
            callback()

    return run
