"""The running case as demo data: North Korean forces sent to Russia, October 2024 – March 2025.

The facts and figures are those published at the time; every sentence of the sample
articles was written by this team. Loading is idempotent: each row is found by its
natural key (slug, number, URL, or the estimate's own fields) before it is created.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from articles.models import Article, ArticleStatus, content_hash
from tracker import services
from tracker.models import (
    Contingent,
    ContingentStatus,
    Credibility,
    DatePrecision,
    Deployment,
    Estimate,
    EstimateStatus,
    Metric,
    Qualifier,
    Reliability,
    Source,
    SourceAlias,
    SourceKind,
)

DEMO_EXTRACTOR_VERSION = "demo"

DEPLOYMENT = {
    "slug": "north-korea-russia",
    "name": "North Korean forces in Russia",
    "sending_country": "North Korea",
    "host_country": "Russia",
    "theatre": "Kursk region and Russia's Far East",
    "description": (
        "North Korean troops sent to Russia from October 2024, trained in the Far East and "
        "committed to the fighting in the Kursk region against Ukrainian forces."
    ),
    "started_on": dt.date(2024, 10, 1),
}

CONTINGENTS = [
    {
        "number": 1,
        "name": "First wave",
        "start_date": dt.date(2024, 10, 1),
        "start_precision": DatePrecision.MONTH,
        "end_date": dt.date(2024, 11, 30),
        "end_precision": DatePrecision.MONTH,
        "location": "Kursk region",
        "status": ContingentStatus.AT_FRONT,
    },
    {
        "number": 2,
        "name": "Second wave",
        "start_date": dt.date(2025, 1, 1),
        "start_precision": DatePrecision.MONTH,
        "end_date": dt.date(2025, 2, 28),
        "end_precision": DatePrecision.MONTH,
        "location": "Kursk region",
        "status": ContingentStatus.AT_FRONT,
    },
    {
        "number": 3,
        "name": "Third wave",
        "start_date": dt.date(2025, 3, 1),
        "start_precision": DatePrecision.MONTH,
        "location": "Russia's Far East",
        "status": ContingentStatus.TRAINING,
    },
]


@dataclass(frozen=True)
class DemoSource:
    slug: str
    name: str
    kind: str
    country: str
    reliability: str
    is_party: bool
    aliases: tuple[str, ...] = ()
    parent: str | None = None


SOURCES = [
    DemoSource(
        "hur",
        "Defence Intelligence of Ukraine (HUR)",
        SourceKind.INTELLIGENCE,
        "Ukraine",
        Reliability.C,
        True,
        (
            "HUR",
            "GUR",
            "DIU",
            "Defence Intelligence of Ukraine",
            "Defense Intelligence of Ukraine",
            "Ukraine's Defence Intelligence",
            "Ukraine's Defense Intelligence",
            "Ukraine's military intelligence",
            "Ukrainian military intelligence",
            "Ukraine's Main Directorate of Intelligence",
            "Main Directorate of Intelligence",
            "Ukrainian intelligence",
            "Ukraine's intelligence",
            "Ukraine's intelligence agency",
        ),
    ),
    DemoSource(
        "kyrylo-budanov",
        "Kyrylo Budanov",
        SourceKind.INTELLIGENCE,
        "Ukraine",
        Reliability.C,
        True,
        ("Budanov", "Kyrylo Budanov", "Kyrylo Budanov, head of HUR"),
        parent="hur",
    ),
    DemoSource(
        "nis",
        "National Intelligence Service (NIS)",
        SourceKind.INTELLIGENCE,
        "South Korea",
        Reliability.B,
        False,
        (
            "NIS",
            "National Intelligence Service",
            "South Korea's National Intelligence Service",
            "South Korea's spy agency",
            "Seoul's spy agency",
            "South Korean intelligence",
            "South Korea's intelligence service",
            "South Korea's intelligence agency",
            "Seoul's intelligence agency",
            "South Korean intelligence agency",
            "South Korea's intelligence",
        ),
    ),
    DemoSource(
        "us-officials",
        "US officials",
        SourceKind.GOVERNMENT,
        "United States",
        Reliability.B,
        False,
        (
            "U.S. officials",
            "American officials",
            "US assessments",
            "U.S. assessments",
            "Washington",
        ),
    ),
    DemoSource(
        "pentagon",
        "US Department of Defense",
        SourceKind.GOVERNMENT,
        "United States",
        Reliability.B,
        False,
        ("Pentagon", "the Pentagon", "US Department of Defense", "U.S. Defense Department"),
    ),
    DemoSource(
        "zelenskyy",
        "Volodymyr Zelenskyy",
        SourceKind.HEAD_OF_STATE,
        "Ukraine",
        Reliability.D,
        True,
        (
            "Zelenskyy",
            "Zelensky",
            "Volodymyr Zelensky",
            "Zelenskiy",
            "Volodymyr Zelenskiy",
            "Zelenskyi",
            "Ukrainian President",
            "Ukraine's president",
        ),
    ),
    DemoSource(
        "joongang-ilbo",
        "JoongAng Ilbo",
        SourceKind.MEDIA,
        "South Korea",
        Reliability.C,
        False,
        ("JoongAng", "Korea JoongAng Daily"),
    ),
    DemoSource(
        "yu-yong-weon",
        "Yu Yong-weon",
        SourceKind.LAWMAKER,
        "South Korea",
        Reliability.C,
        False,
        ("Yu Yong-weon", "Rep. Yu", "Rep. Yu Yong-weon", "lawmaker Yu Yong-weon"),
    ),
    DemoSource(
        "jcs",
        "Joint Chiefs of Staff of South Korea (JCS)",
        SourceKind.MILITARY,
        "South Korea",
        Reliability.B,
        False,
        ("JCS", "Joint Chiefs of Staff", "South Korea's Joint Chiefs of Staff"),
    ),
]


@dataclass(frozen=True)
class DemoArticle:
    key: str
    outlet: str
    title: str
    published: dt.date
    text: str

    @property
    def url(self) -> str:
        return f"https://demo.tracker.invalid/articles/{self.key}"


ARTICLES = [
    DemoArticle(
        "nis-first-troops-leave",
        "Demo Wire",
        "Seoul says North Korean special forces have begun moving to Russia",
        dt.date(2024, 10, 18),
        "South Korea's National Intelligence Service said on Friday that North Korea had "
        "started shipping soldiers to Russia. According to the NIS, some 1,500 special "
        "operations troops were carried by Russian navy vessels to Vladivostok in a first "
        "move. The agency expects Pyongyang to send about 12,000 troops in all, in several "
        "waves, and said the soldiers were being issued Russian uniforms and papers.",
    ),
    DemoArticle(
        "zelenskyy-11000-kursk",
        "Demo Daily",
        "Zelenskyy: 11,000 North Korean soldiers now in Kursk",
        dt.date(2024, 11, 5),
        "President Volodymyr Zelenskyy said on Tuesday that 11,000 North Korean soldiers had "
        "reached the Kursk region, where Ukrainian troops have held ground since the summer. "
        "Ukraine's leader urged allies to respond before the force was sent into combat. "
        "Separately, the Pentagon said last week that roughly 10,000 North Korean troops had "
        "been sent to eastern Russia for training.",
    ),
    DemoArticle(
        "nis-first-losses",
        "Demo Wire",
        "First North Korean losses reported by Seoul's spy agency",
        dt.date(2024, 12, 19),
        "North Korean units have taken their first heavy losses in Kursk, South Korean "
        "lawmakers were told on Thursday. Briefing the intelligence committee, the NIS said "
        "at least 100 North Korean soldiers had been killed and nearly 1,000 wounded since "
        "they entered combat this month.",
    ),
    DemoArticle(
        "nis-january-300-2700",
        "Demo Times",
        "NIS raises its count of North Korean dead and wounded",
        dt.date(2025, 1, 13),
        "Seoul's spy agency now believes that around 300 North Korean soldiers have died in "
        "the fighting in Kursk and that 2,700 more have been wounded, according to a lawmaker "
        "who attended Monday's closed briefing. The NIS added that two North Korean soldiers "
        "were captured by Ukraine on Saturday, the first to be taken alive.",
    ),
    DemoArticle(
        "estimates-diverge-february",
        "Demo Times",
        "Estimates of North Korean losses diverge",
        dt.date(2025, 2, 27),
        "How many North Koreans have been hurt in Kursk depends on who is counting. "
        "Ukrainian President Volodymyr Zelenskyy put North Korean dead and wounded together at "
        "about 4,000 in January, while U.S. officials offered a lower estimate of around 1,200. "
        "South Korean intelligence said on Thursday that more troops had been sent but that "
        "their number was still being assessed. The JoongAng Ilbo, quoting people it did not "
        "name, reported that between 1,000 and 3,000 soldiers were sent to Kursk in January "
        "and February as a second wave.",
    ),
    DemoArticle(
        "yu-hur-briefing",
        "Demo Wire",
        "Lawmaker relays Ukrainian intelligence tally of North Korean losses",
        dt.date(2025, 3, 5),
        "A South Korean lawmaker back from Kyiv said on Wednesday that Ukraine's military "
        "intelligence counts roughly 400 North Korean soldiers killed as of February 26, with "
        "about 3,600 wounded. Rep. Yu Yong-weon, citing a briefing by HUR chief Kyrylo "
        "Budanov, said 300 of the wounded had already gone back to the front. By Budanov's "
        "account the first wave sent in October 2024 numbered around 11,000, and a second "
        "group of 1,500 has already reached Kursk after training. A further 3,500 soldiers "
        "are training at five sites in the Far East and may form a third wave. HUR puts the "
        "joint Russian and North Korean force in Kursk at 63,000.",
    ),
    DemoArticle(
        "yu-hur-briefing-syndicated",
        "Demo Herald",
        "North Korea readies a third wave, Ukrainian spies say",
        dt.date(2025, 3, 5),
        "North Korea may be preparing to send a third group of soldiers to Russia, according "
        "to Ukrainian intelligence findings shared by South Korean lawmaker Yu Yong-weon. In "
        "October, Pyongyang had already sent about 12,000 troops, he said. Ukrainian "
        "intelligence estimates that about 400 North Koreans had been killed by February 26 "
        "and roughly 3,600 wounded.",
    ),
]


@dataclass(frozen=True)
class DemoEstimate:
    metric: str
    source: str
    as_of: dt.date
    precision: str
    qualifier: str
    article: str
    quote: str
    low: int | None = None
    best: int | None = None
    high: int | None = None
    contingent: int | None = None
    via: str | None = None
    credibility: int = Credibility.POSSIBLY_TRUE
    extra_citations: tuple[tuple[str, str], ...] = ()


DAY, MONTH = DatePrecision.DAY, DatePrecision.MONTH
APPROX, EXACT, AT_LEAST, RANGE = (
    Qualifier.APPROX,
    Qualifier.EXACT,
    Qualifier.AT_LEAST,
    Qualifier.RANGE,
)

ESTIMATES = [
    DemoEstimate(
        "deployed",
        "nis",
        dt.date(2024, 10, 18),
        DAY,
        APPROX,
        "nis-first-troops-leave",
        "some 1,500 special operations troops",
        1500,
        1500,
        1500,
        contingent=1,
    ),
    DemoEstimate(
        "deployed",
        "nis",
        dt.date(2024, 10, 18),
        DAY,
        APPROX,
        "nis-first-troops-leave",
        "about 12,000 troops in all",
        12000,
        12000,
        12000,
        contingent=1,
        credibility=Credibility.PROBABLY_TRUE,
    ),
    DemoEstimate(
        "deployed",
        "zelenskyy",
        dt.date(2024, 11, 5),
        DAY,
        EXACT,
        "zelenskyy-11000-kursk",
        "11,000 North Korean soldiers had reached the Kursk region",
        11000,
        11000,
        11000,
        contingent=1,
    ),
    DemoEstimate(
        "in_training",
        "pentagon",
        dt.date(2024, 10, 28),
        DAY,
        APPROX,
        "zelenskyy-11000-kursk",
        "roughly 10,000 North Korean troops had been sent to eastern Russia for training",
        10000,
        10000,
        10000,
        contingent=1,
    ),
    DemoEstimate(
        "killed",
        "nis",
        dt.date(2024, 12, 19),
        DAY,
        AT_LEAST,
        "nis-first-losses",
        "at least 100 North Korean soldiers had been killed",
        100,
        None,
        None,
    ),
    DemoEstimate(
        "wounded",
        "nis",
        dt.date(2024, 12, 19),
        DAY,
        APPROX,
        "nis-first-losses",
        "nearly 1,000 wounded",
        1000,
        1000,
        1000,
    ),
    DemoEstimate(
        "killed",
        "nis",
        dt.date(2025, 1, 13),
        DAY,
        APPROX,
        "nis-january-300-2700",
        "around 300 North Korean soldiers have died",
        300,
        300,
        300,
        credibility=Credibility.PROBABLY_TRUE,
    ),
    DemoEstimate(
        "wounded",
        "nis",
        dt.date(2025, 1, 13),
        DAY,
        EXACT,
        "nis-january-300-2700",
        "2,700 more have been wounded",
        2700,
        2700,
        2700,
        credibility=Credibility.PROBABLY_TRUE,
    ),
    DemoEstimate(
        "captured",
        "nis",
        dt.date(2025, 1, 11),
        DAY,
        EXACT,
        "nis-january-300-2700",
        "two North Korean soldiers were captured by Ukraine on Saturday",
        2,
        2,
        2,
        credibility=Credibility.CONFIRMED,
    ),
    DemoEstimate(
        "casualties",
        "zelenskyy",
        dt.date(2025, 1, 1),
        MONTH,
        APPROX,
        "estimates-diverge-february",
        "put North Korean dead and wounded together at about 4,000 in January",
        4000,
        4000,
        4000,
    ),
    DemoEstimate(
        "casualties",
        "us-officials",
        dt.date(2025, 1, 1),
        MONTH,
        APPROX,
        "estimates-diverge-february",
        "a lower estimate of around 1,200",
        1200,
        1200,
        1200,
    ),
    DemoEstimate(
        "deployed",
        "joongang-ilbo",
        dt.date(2025, 1, 1),
        MONTH,
        RANGE,
        "estimates-diverge-february",
        "between 1,000 and 3,000 soldiers were sent to Kursk in January and February",
        1000,
        None,
        3000,
        contingent=2,
    ),
    DemoEstimate(
        "killed",
        "hur",
        dt.date(2025, 2, 26),
        DAY,
        APPROX,
        "yu-hur-briefing",
        "roughly 400 North Korean soldiers killed as of February 26",
        400,
        400,
        400,
        via="yu-yong-weon",
        extra_citations=(
            (
                "yu-hur-briefing-syndicated",
                "about 400 North Koreans had been killed by February 26",
            ),
        ),
    ),
    DemoEstimate(
        "wounded",
        "hur",
        dt.date(2025, 2, 26),
        DAY,
        APPROX,
        "yu-hur-briefing",
        "about 3,600 wounded",
        3600,
        3600,
        3600,
        via="yu-yong-weon",
        extra_citations=(("yu-hur-briefing-syndicated", "roughly 3,600 wounded"),),
    ),
    DemoEstimate(
        "returned_to_duty",
        "hur",
        dt.date(2025, 2, 26),
        DAY,
        EXACT,
        "yu-hur-briefing",
        "300 of the wounded had already gone back to the front",
        300,
        300,
        300,
        via="yu-yong-weon",
    ),
    DemoEstimate(
        "deployed",
        "hur",
        dt.date(2024, 10, 1),
        MONTH,
        APPROX,
        "yu-hur-briefing",
        "the first wave sent in October 2024 numbered around 11,000",
        11000,
        11000,
        11000,
        contingent=1,
        via="yu-yong-weon",
    ),
    DemoEstimate(
        "deployed",
        "hur",
        dt.date(2024, 10, 1),
        MONTH,
        APPROX,
        "yu-hur-briefing-syndicated",
        "In October, Pyongyang had already sent about 12,000 troops",
        12000,
        12000,
        12000,
        contingent=1,
        via="yu-yong-weon",
    ),
    DemoEstimate(
        "deployed",
        "hur",
        dt.date(2025, 2, 26),
        DAY,
        EXACT,
        "yu-hur-briefing",
        "a second group of 1,500 has already reached Kursk",
        1500,
        1500,
        1500,
        contingent=2,
        via="yu-yong-weon",
    ),
    DemoEstimate(
        "in_training",
        "hur",
        dt.date(2025, 2, 26),
        DAY,
        EXACT,
        "yu-hur-briefing",
        "A further 3,500 soldiers are training at five sites in the Far East",
        3500,
        3500,
        3500,
        contingent=3,
        via="yu-yong-weon",
    ),
    DemoEstimate(
        "combined_force",
        "hur",
        dt.date(2025, 2, 26),
        DAY,
        EXACT,
        "yu-hur-briefing",
        "joint Russian and North Korean force in Kursk at 63,000",
        63000,
        63000,
        63000,
        via="yu-yong-weon",
    ),
]


def _load_sources() -> dict[str, Source]:
    by_slug: dict[str, Source] = {}
    for demo in SOURCES:
        source, _ = Source.objects.update_or_create(
            slug=demo.slug,
            defaults={
                "name": demo.name,
                "kind": demo.kind,
                "country": demo.country,
                "reliability": demo.reliability,
                "is_party": demo.is_party,
            },
        )
        by_slug[demo.slug] = source
    for demo in SOURCES:
        source = by_slug[demo.slug]
        if demo.parent and source.parent_id != by_slug[demo.parent].pk:
            source.parent = by_slug[demo.parent]
            source.save(update_fields=["parent"])
        for alias in demo.aliases:
            if not SourceAlias.objects.filter(alias__iexact=alias).exists():
                SourceAlias.objects.create(source=source, alias=alias)
    return by_slug


def _load_articles() -> dict[str, Article]:
    by_key: dict[str, Article] = {}
    for demo in ARTICLES:
        article, _ = Article.objects.get_or_create(
            url=demo.url,
            defaults={
                "normalized_url": demo.url,
                "outlet": demo.outlet,
                "title": demo.title,
                "published": demo.published,
                "text": demo.text,
                "content_hash": content_hash(demo.text),
                "status": ArticleStatus.DONE,
                "extractor_version": DEMO_EXTRACTOR_VERSION,
            },
        )
        by_key[demo.key] = article
    return by_key


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Load (or complete) the running case; returns how many rows of each kind were made."""
    made = {"estimates": 0, "citations": 0}
    deployment, _ = Deployment.objects.update_or_create(
        slug=DEPLOYMENT["slug"], defaults={k: v for k, v in DEPLOYMENT.items() if k != "slug"}
    )
    contingents = {}
    for row in CONTINGENTS:
        contingent, _ = Contingent.objects.update_or_create(
            deployment=deployment,
            number=row["number"],
            defaults={k: v for k, v in row.items() if k != "number"},
        )
        contingents[row["number"]] = contingent
    sources = _load_sources()
    articles = _load_articles()
    metrics = {m.slug: m for m in Metric.objects.all()}

    for demo in ESTIMATES:
        key = {
            "deployment": deployment,
            "metric": metrics[demo.metric],
            "source": sources[demo.source],
            "contingent": contingents.get(demo.contingent) if demo.contingent else None,
            "as_of": demo.as_of,
            "low": demo.low,
            "best": demo.best,
            "high": demo.high,
        }
        estimate = Estimate.objects.filter(**key).first()
        if estimate is None:
            estimate = services.create_estimate(
                **key,
                qualifier=demo.qualifier,
                as_of_precision=demo.precision,
                via=sources[demo.via] if demo.via else None,
                credibility=demo.credibility,
                status=EstimateStatus.CONFIRMED,
                notes="Demo data.",
            )
            made["estimates"] += 1
        for article_key, quote in ((demo.article, demo.quote), *demo.extra_citations):
            _, created = services.cite(
                estimate=estimate,
                article=articles[article_key],
                quote=quote,
                extractor_version=DEMO_EXTRACTOR_VERSION,
            )
            made["citations"] += int(created)
    return made
