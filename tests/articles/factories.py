import datetime as dt

import factory

from articles.models import Article, ArticleStatus, Feed, content_hash


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    url = factory.Sequence(lambda n: f"https://news.example.org/story/{n}")
    normalized_url = factory.LazyAttribute(lambda a: a.url)
    outlet = "Example News"
    title = factory.Sequence(lambda n: f"Story {n}")
    published = dt.date(2025, 3, 5)
    text = factory.Sequence(
        lambda n: f"Report {n}: about 400 North Korean soldiers have been killed, officials said."
    )
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.text))
    status = ArticleStatus.DONE


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feed

    url = factory.Sequence(lambda n: f"https://news.example.org/feed/{n}.xml")
    outlet = "Example News"
