"""Recompute the whole analysis: counters, revisions, discrepancies. Safe to re-run."""

import time

from django.core.management.base import BaseCommand

from tracker.analysis import refresh


class Command(BaseCommand):
    help = (
        "Recompute corroboration counters, revision links and discrepancies over all "
        "estimates. Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        started = time.perf_counter()
        changed = refresh(None)
        self.stdout.write(
            f"Analysed in {time.perf_counter() - started:.2f}s: "
            f"{changed['superseded']} revision links changed, "
            f"{changed['created']} discrepancies found, {changed['deleted']} no longer hold."
        )
