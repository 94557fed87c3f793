"""The notices of rounds closed before this change kept the moment each adept answered
(`done_at`) and opened them (`read_at`): set both to the round's close, as closing does now."""

from django.db import migrations


def even_out(apps, schema_editor):  # type: ignore[no-untyped-def]
    PulseRound = apps.get_model("belonging", "PulseRound")
    Notification = apps.get_model("notifications", "Notification")
    for pk, closed_at in PulseRound.objects.filter(closed_at__isnull=False).values_list(
        "pk", "closed_at"
    ):
        Notification.objects.filter(
            kind="belonging_pulse", subject=f"belonging.pulseround:{pk}:answer"
        ).update(done_at=closed_at, read_at=closed_at)


class Migration(migrations.Migration):
    dependencies = [
        ("belonging", "0001_initial"),
        ("notifications", "0005_new_kinds"),
    ]

    operations = [migrations.RunPython(even_out, migrations.RunPython.noop)]
