import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tracker import models
from tracker.roles import ANALYSTS, EDITORS


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class DeploymentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Deployment
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"deployment-{n}")
    name = factory.Sequence(lambda n: f"Deployment {n}")
    sending_country = "North Korea"
    host_country = "Russia"
    theatre = "Kursk region"


class ContingentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Contingent

    deployment = factory.SubFactory(DeploymentFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.LazyAttribute(lambda c: f"Wave {c.number}")
    start_date = dt.date(2024, 10, 1)


def metric(slug: str) -> models.Metric:
    """The seeded metrics come from the data migration; factories look them up."""
    return models.Metric.objects.get(slug=slug)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Source {n}")
    slug = factory.Sequence(lambda n: f"source-{n}")
    kind = models.SourceKind.INTELLIGENCE
    country = "Ukraine"


class EstimateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Estimate

    deployment = factory.SubFactory(DeploymentFactory)
    metric = factory.LazyFunction(lambda: metric("killed"))
    source = factory.SubFactory(SourceFactory)
    low = 400
    best = 400
    high = 400
    qualifier = models.Qualifier.APPROX
    as_of = dt.date(2025, 2, 26)
    status = models.EstimateStatus.CONFIRMED


__all__ = [
    "ANALYSTS",
    "EDITORS",
    "ContingentFactory",
    "DeploymentFactory",
    "EstimateFactory",
    "SourceFactory",
    "UserFactory",
    "metric",
]
