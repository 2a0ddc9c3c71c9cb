"""Database triggers that move row versions and the listing clocks on every write, however made.

A cached page is fresh while the versions it was rendered from are current (pagecache.freshness).
The versions live in the rows the pages show and move in the writing transaction itself, so a
reader sees a new version exactly when it sees the new rows, and a bulk SQL ``UPDATE`` or a
statement typed at ``psql`` moves them as surely as a form does. Each package declares what its
tables move (``register(Touch(...))`` from its AppConfig.ready()); after every ``migrate`` the
triggers are checked and, if any is missing or differs (SQLite drops a table's triggers when a
migration rebuilds it), all are made again.

- A *versioned* table (a model with a ``version`` field) moves its row's version on each update.
- A ``Touch`` moves, on each write to its source table, either the version of rows of a versioned
  table (a stock record's write moves its product's) or a *clock*: striped counters whose sum is
  the version of a whole list (which products are listed, in which order). A writer bumps one
  stripe of 64 (chosen by the written row's id), so writers of different rows rarely meet on one
  counter, and the stock and order writes that fill most of the day touch no clock at all.
"""

import hashlib
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from django.db import connections, router

STRIPES = 64
OPERATIONS = ("INSERT", "UPDATE", "DELETE")
CLOCK_TABLE = "pagecache_clock"
PREFIX = "pagecache_"
# Selects of Touch.select: the written rows' own ids, or the products they belong to.
WRITTEN_ROWS = "SELECT id FROM {rows} w"
PRODUCT_ROWS = "SELECT product_id AS id FROM {rows} w"


@dataclass(frozen=True)
class Touch:
    """Writes to ``source`` move ``target`` for the rows ``select`` names.

    ``select`` reads ``{rows}`` (the written rows, old and new, with ``columns``) and yields one
    column named ``id``: ids of ``target``'s rows, or any id to pick the stripes of a clock
    (``target="clock:<kind>"``). ``changed`` limits UPDATEs to those that change one of these
    expressions, written over ``{r}`` (the row); ``key`` is the source's primary key column.
    """

    name: str
    source: str
    select: str
    columns: tuple[str, ...]
    target: str = "catalogue_product"
    on: tuple[str, ...] = OPERATIONS
    changed: tuple[str, ...] = ()
    key: str = "id"

    def action(self, rows: str) -> str:
        select = self.select.format(rows=rows)
        if self.target.startswith("clock:"):
            kind = self.target.removeprefix("clock:")
            return (
                f"UPDATE {CLOCK_TABLE} SET value = value + 1 WHERE kind = '{kind}' "
                f"AND stripe IN (SELECT DISTINCT touched.id % {STRIPES} FROM ({select}) AS touched)"
            )
        return f"UPDATE {self.target} SET version = version + 1 WHERE id IN ({select})"


_touches: dict[str, Touch] = {}
_versioned: set[str] = set()
_watched: set[str] = set()  # read on every model load and save: kept up to date, not recomputed


def register(*touches: Touch) -> None:
    for touch in touches:
        _touches[touch.name] = touch
        _watched.add(touch.source)


def versioned(*tables: str) -> None:
    """Tables whose rows carry a ``version`` column that moves on every update of the row."""
    _versioned.update(tables)
    _watched.update(tables)


def touches() -> list[Touch]:
    return sorted(_touches.values(), key=lambda touch: touch.name)


def versioned_tables() -> AbstractSet[str]:
    return _versioned


def watched_tables() -> AbstractSet[str]:
    """Tables whose writes the triggers follow: no model signal is needed for them."""
    return _watched


# PostgreSQL: one statement-level trigger per touch and operation, reading the transition
# tables, so a bulk update of 10,000 rows runs each action once.


def _postgresql_rows(touch: Touch, operation: str) -> str:
    if operation == "INSERT":
        return "new_rows"
    if operation == "DELETE":
        return "old_rows"
    if not touch.changed:
        return "(SELECT * FROM new_rows UNION ALL SELECT * FROM old_rows)"
    differs = " OR ".join(
        f"({expression.format(r='o')}) IS DISTINCT FROM ({expression.format(r='n')})"
        for expression in touch.changed
    )
    key = touch.key
    return (
        f"(SELECT n.* FROM new_rows n JOIN old_rows o ON o.{key} = n.{key} WHERE {differs} "
        f"UNION ALL SELECT o.* FROM old_rows o JOIN new_rows n ON n.{key} = o.{key} WHERE {differs})"
    )


def _postgresql() -> list[tuple[str, list[str], str]]:
    """(trigger, statements making it, its table) for each trigger; ``@`` stands for its name."""
    triggers = []
    for table in sorted(_versioned):
        triggers.append(
            (
                f"{PREFIX}{table}_version",
                [
                    "CREATE FUNCTION @() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$ BEGIN NEW.version := OLD.version + 1; RETURN NEW; END $$",
                    f"CREATE TRIGGER @ BEFORE UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION @()",
                ],
                table,
            )
        )
    for touch in touches():
        for operation in touch.on:
            tables = {
                "INSERT": "NEW TABLE AS new_rows",
                "DELETE": "OLD TABLE AS old_rows",
                "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            }[operation]
            triggers.append(
                (
                    f"{PREFIX}{touch.name}_{operation.lower()}",
                    [
                        "CREATE FUNCTION @() RETURNS trigger LANGUAGE plpgsql AS "
                        f"$$ BEGIN {touch.action(_postgresql_rows(touch, operation))}; RETURN NULL; END $$",
                        f"CREATE TRIGGER @ AFTER {operation} ON {touch.source} REFERENCING {tables} "
                        "FOR EACH STATEMENT EXECUTE FUNCTION @()",
                    ],
                    touch.source,
                )
            )
    return triggers


# SQLite has row triggers only; {rows} is the one row, built from NEW and OLD.


def _sqlite_rows(touch: Touch, operation: str) -> str:
    def row(alias):
        return "SELECT " + ", ".join(f"{alias}.{column} AS {column}" for column in touch.columns)

    if operation == "INSERT":
        return f"({row('NEW')})"
    if operation == "DELETE":
        return f"({row('OLD')})"
    return f"({row('NEW')} UNION ALL {row('OLD')})"


def _sqlite() -> list[tuple[str, list[str], str]]:
    triggers = []
    for table in sorted(_versioned):
        triggers.append(
            (
                f"{PREFIX}{table}_version",
                [
                    # A model saved from a stale copy writes back the version it loaded: move on
                    # from the row's own, whatever the statement wrote.
                    f"CREATE TRIGGER @ AFTER UPDATE ON {table} FOR EACH ROW WHEN NEW.version <= OLD.version "
                    f"BEGIN UPDATE {table} SET version = OLD.version + 1 WHERE id = NEW.id; END"
                ],
                table,
            )
        )
    for touch in touches():
        for operation in touch.on:
            when = ""
            if operation == "UPDATE" and touch.changed:
                when = " WHEN " + " OR ".join(
                    f"({e.format(r='OLD')}) IS NOT ({e.format(r='NEW')})" for e in touch.changed
                )
            triggers.append(
                (
                    f"{PREFIX}{touch.name}_{operation.lower()}",
                    [
                        f"CREATE TRIGGER @ AFTER {operation} ON {touch.source} FOR EACH ROW{when} "
                        f"BEGIN {touch.action(_sqlite_rows(touch, operation))}; END"
                    ],
                    touch.source,
                )
            )
    return triggers


BUILDERS = {"postgresql": _postgresql, "sqlite": _sqlite}


def _fingerprinted(connection) -> list[tuple[str, list[str], str]]:
    """The triggers, a digest of each definition in its name: a changed definition is a missing trigger."""
    if connection.vendor not in BUILDERS:
        raise RuntimeError(
            f"No freshness triggers for {connection.vendor}: cached pages could outlive a revocation"
        )
    named = []
    for trigger, statements, table in BUILDERS[connection.vendor]():
        name = f"{trigger[:54]}_{hashlib.sha256(repr(statements).encode()).hexdigest()[:8]}"
        named.append((name, [statement.replace("@", name) for statement in statements], table))
    return named


def installed(connection) -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE %s", [f"{PREFIX}%"])
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{PREFIX}%"]
            )
        return {row[0] for row in cursor.fetchall()}


def expected(connection) -> set[str]:
    return {name for name, _, _ in _fingerprinted(connection)}


def install(using: str = "default") -> bool:
    """Make the triggers again unless all of them are in place as defined; True if it did."""
    connection = connections[using]
    wanted = _fingerprinted(connection)
    present = installed(connection)
    if {name for name, _, _ in wanted} == present:
        return False
    tables = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for name in present:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}() CASCADE")  # its trigger with it
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for _, statements, table in wanted:
            if table in tables:  # after a partial migrate, the rest come with the next one
                for statement in statements:
                    cursor.execute(statement)
    return True


def ensure_clocks(using: str = "default") -> None:
    """Every stripe of every clock exists (a flush of the database empties the table)."""
    from pagecache.models import Clock

    stripes = [
        (kind, stripe) for kind in (Clock.Kind.LISTING, Clock.Kind.PRICES) for stripe in range(STRIPES)
    ]
    stripes.append((Clock.Kind.CONTENT, 0))
    Clock.objects.using(using).bulk_create(
        [Clock(kind=kind, stripe=stripe) for kind, stripe in stripes], ignore_conflicts=True
    )


def install_after_migrate(sender, using="default", **kwargs) -> None:
    if router.allow_migrate(using, sender.label):
        ensure_clocks(using)
        install(using)
