from django.contrib.auth.management import create_permissions
from django.db import migrations


def curators_edit_thesaurus(apps, schema_editor):
    """Curators edit the thesaurus as they edit actors (its history stays read-only)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="curator")
    codenames = [
        f"{action}_{model}"
        for model in ("concept", "conceptterm")
        for action in ("add", "change", "delete", "view")
    ] + ["view_historicalconcept"]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
    )


class Migration(migrations.Migration):
    dependencies = [("archive", "0019_thesaurus")]

    operations = [migrations.RunPython(curators_edit_thesaurus, migrations.RunPython.noop)]
