"""The seeded vocabulary of metrics. The slugs are part of the API."""

from django.db import migrations

METRICS = [
    ("deployed", "Deployed", "Troops sent to the theatre.", 10, True),
    ("in_training", "In training", "Troops training before deployment to the front.", 20, False),
    ("killed", "Killed", "Killed in action or died of wounds.", 30, True),
    ("wounded", "Wounded", "Wounded or injured.", 40, True),
    (
        "casualties",
        "Casualties",
        "Killed and wounded together, when a source does not separate them.",
        50,
        True,
    ),
    ("captured", "Captured", "Taken prisoner.", 60, True),
    ("returned_to_duty", "Returned to duty", "Wounded who went back to the front.", 70, True),
    ("missing", "Missing", "Missing in action.", 80, True),
    (
        "combined_force",
        "Combined force",
        "A joint force that includes the deployed troops (with the host's own).",
        90,
        False,
    ),
]


def seed(apps, schema_editor):
    Metric = apps.get_model("tracker", "Metric")
    for slug, name, description, order, cumulative in METRICS:
        Metric.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "sort_order": order,
                "is_cumulative": cumulative,
            },
        )


def unseed(apps, schema_editor):
    Metric = apps.get_model("tracker", "Metric")
    Metric.objects.filter(slug__in=[m[0] for m in METRICS], estimates__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
