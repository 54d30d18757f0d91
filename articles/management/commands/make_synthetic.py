from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.synthetic import SyntheticError, SyntheticSpec, make_synthetic


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic corpus for benchmarks: deployments, contingents, "
        "sources with aliases, articles, estimates and their citations. Deterministic for a "
        "seed; refuses a database that already has estimates unless --append."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--estimates", type=int, required=True, help="How many estimates.")
        parser.add_argument(
            "--articles",
            type=int,
            help="How many articles (about 4 KB of text each); default: one per 20 estimates.",
        )
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument("--deployments", type=int, default=3, help="Default 3.")
        parser.add_argument("--sources", type=int, default=300, help="Default 300.")
        parser.add_argument(
            "--append", action="store_true", help="Add to a database that already has estimates."
        )
        parser.add_argument("--database", default="default", help="Database alias.")

    def handle(self, *args, **options) -> None:
        estimates = options["estimates"]
        articles = options["articles"]
        if articles is None:
            articles = max(1, estimates // 20)
        spec = SyntheticSpec(
            estimates=estimates,
            articles=articles,
            seed=options["seed"],
            deployments=options["deployments"],
            sources=options["sources"],
        )
        try:
            result = make_synthetic(spec, append=options["append"], using=options["database"])
        except SyntheticError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(result.summary())
