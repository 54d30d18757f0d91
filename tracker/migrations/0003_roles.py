"""The role groups: Analysts read, Editors write the data, Admins also manage users."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = {
    "tracker": ["estimate", "citation", "source", "sourcealias", "discrepancy", "contingent"],
    "articles": ["article", "feed"],
}


def create_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make them now to attach them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    analysts, _ = Group.objects.get_or_create(name="Analysts")
    editors, _ = Group.objects.get_or_create(name="Editors")
    admins, _ = Group.objects.get_or_create(name="Admins")

    view = Permission.objects.filter(
        content_type__app_label__in=["tracker", "articles"], codename__startswith="view_"
    )
    analysts.permissions.add(*view)

    editor_codenames = [
        f"{action}_{model}"
        for models in EDITOR_MODELS.values()
        for model in models
        for action in ("add", "change", "delete", "view")
    ]
    editors.permissions.add(
        *view,
        *Permission.objects.filter(
            content_type__app_label__in=list(EDITOR_MODELS), codename__in=editor_codenames
        ),
    )
    admins.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=["tracker", "articles", "auth", "authtoken"])
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Analysts", "Editors", "Admins"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0002_seed_metrics"),
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
