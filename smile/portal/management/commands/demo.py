from typing import Any

from django.core.management.base import BaseCommand

from smile.portal.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo organisations, programme and accounts (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        if load_demo():
            self.stdout.write(self.style.SUCCESS("Demo loaded."))
        else:
            self.stdout.write("Demo already loaded.")
