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
