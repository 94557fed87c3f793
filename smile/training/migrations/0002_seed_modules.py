from typing import Any

from django.db import migrations


def seed(apps: Any, schema_editor: Any) -> None:
    from smile.training.content import MODULES

    Module = apps.get_model("training", "Module")
    for order, item in enumerate(MODULES, start=1):
        Module.objects.update_or_create(code=item["code"], defaults={**item, "order": order})


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
