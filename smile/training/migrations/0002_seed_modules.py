from typing import Any

from django.db import migrations


def seed(apps: Any, schema_editor: Any) -> None:
    from smile.training import content

    content.seed(apps.get_model("training", "Module"))


class Migration(migrations.Migration):
    dependencies = [("training", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
