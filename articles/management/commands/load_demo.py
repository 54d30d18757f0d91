from django.core.management.base import BaseCommand

from articles.demo import load_demo


class Command(BaseCommand):
    help = "Load the running case (North Korean forces in Russia) as demo data. Safe to re-run."

    def handle(self, *args, **options):
        made = load_demo()
        if made["estimates"] or made["citations"]:
            self.stdout.write(
                f"Demo data loaded: {made['estimates']} estimates, {made['citations']} citations."
            )
        else:
            self.stdout.write("Demo data already loaded; nothing changed.")
