"""records.py: every processed article survives the cache's JSON exactly, and damaged data is refused."""

from __future__ import annotations

import json

import msgspec
import pytest

from conftest import copy_project
from generator import config as config_mod
from generator import records
from generator.cache import NOT_KEPT
from generator.models import Article
from generator.pipeline import gather


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("records") / "p")
    briefing, _ = gather(config_mod.load(project / "briefing.yml"))
    return briefing.articles


def test_every_article_comes_back_from_json_exactly(articles):
    for article in articles:
        data = records.encode(article, skip=NOT_KEPT)
        back = records.decode(Article, data, source=article.source, themes=article.themes)
        assert back == article, article.id
        # the same types too (a tuple stays a tuple, an int score stays an int): the same pages
        assert records.encode(back, skip=NOT_KEPT) == data
        assert type(back.meta.authors.value) is tuple
        assert [type(m.score) for m in back.scores] == [type(m.score) for m in article.scores]


def _fields(article) -> dict:
    return json.loads(records.encode(article, skip=NOT_KEPT))


@pytest.mark.parametrize("damage", [
    lambda d: {k: v for k, v in d.items() if k != "words"},      # a field missing
    lambda d: {**d, "blocks": "words"},                           # blocks of the wrong kind
    lambda d: {**d, "words": "1634"},                             # a word count as text
    lambda d: {**d, "meta": {**d["meta"], "date": {**d["meta"]["date"], "basis": "guessed"}}},  # an unknown basis
    lambda d: list(d.values()),                                   # the old format (a list of fields)
])
def test_damaged_data_is_refused(articles, damage):
    data = json.dumps(damage(_fields(articles[0]))).encode()
    with pytest.raises(msgspec.MsgspecError):
        records.decode(Article, data, source=articles[0].source, themes=())
