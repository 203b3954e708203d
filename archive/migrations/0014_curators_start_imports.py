from django.contrib.auth.management import create_permissions
from django.db import migrations


def curators_start_imports(apps, schema_editor):
    """Curators start imports from the admin (the runs stay read-only audit rows)."""
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="curator")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="archive", codename="add_importrun")
    )


class Migration(migrations.Migration):
    dependencies = [("archive", "0013_import_jobs")]

    operations = [migrations.RunPython(curators_start_imports, migrations.RunPython.noop)]
