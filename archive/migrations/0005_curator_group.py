from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITABLE = [
    "article", "actor", "alias", "actorrole", "actorproposal", "event", "participant",
    "mention", "quote",
]
READ_ONLY = [
    "importrun", "mergerecord", "historicalarticle", "historicalactor", "historicalalias",
    "historicalevent", "historicalactorrole",
]


def curator_group(apps, schema_editor):
    """Curators edit entities and dates; only admins (superusers) manage users."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="curator")
    codenames = [f"{action}_{model}" for model in EDITABLE for action in ("add", "change", "delete", "view")]
    codenames += [f"view_{model}" for model in READ_ONLY]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0004_actors_quotes_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(curator_group, migrations.RunPython.noop)]
