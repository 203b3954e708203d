"""Rows written by plain statements.

Django's `bulk_create` prepares each field of each object through its generic machinery
(~30 µs a row), and an article brings a dozen or more rows besides its own: mentions, quotes,
round memberships. Their fields are plain numbers, strings and booleans (values the database
driver takes as they are), so they are written by one `executemany`, as the copy bands are.
A model with any other kind of field goes through `bulk_create`.
"""

from django.db import connection

PLAIN_FIELDS = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "FloatField",
    "ForeignKey",
    "IntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SmallIntegerField",
    "TextField",
}


def insert(model, objects):
    """Save these new objects of `model` (their primary keys are not read back)."""
    if not objects:
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    if not all(_is_plain(field) for field in fields):
        model.objects.bulk_create(objects)
        return
    quote = connection.ops.quote_name
    statement = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    names = [field.attname for field in fields]
    with connection.cursor() as cursor:
        cursor.executemany(statement, [[getattr(obj, name) for name in names] for obj in objects])


def _is_plain(field) -> bool:
    return field.get_internal_type() in PLAIN_FIELDS and not getattr(field, "auto_now_add", False)


def copy_to_history(model, column, ids, reason):
    """The first history row ("+", `reason`) of every `model` row whose `column` is one of
    `ids`, copied by the database itself (INSERT … SELECT), in primary-key order.

    What django-simple-history's `bulk_history_create` writes, without building a model
    instance per row in Python and preparing each of its fields again: for an import, that
    was a third of the importing process's time (the quotes read back, then ~30 fields of
    every article and quote prepared twice)."""
    from django.conf import settings
    from django.utils import timezone

    if not ids or not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    history = model.history.model
    quote = connection.ops.quote_name
    tracked = ", ".join(quote(field.column) for field in history.tracked_fields)
    user = history.get_default_history_user(None)  # the request's user, if any (none here)
    statement = (
        f"INSERT INTO {quote(history._meta.db_table)} ({tracked}, history_date,"
        " history_change_reason, history_type, history_user_id)"
        f" SELECT {tracked}, %s, %s, '+', %s FROM {quote(model._meta.db_table)}"
        f" WHERE {quote(column)} IN ({', '.join(['%s'] * len(ids))}) ORDER BY {quote('id')}"
    )
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(statement, [now, reason, user.pk if user else None, *ids])
