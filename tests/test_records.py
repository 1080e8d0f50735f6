"""records.py: every processed article survives the cache's JSON exactly, and damaged data is refused."""

from __future__ import annotations

import json

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
        data = json.loads(json.dumps(records.dump(article, skip=NOT_KEPT)))
        back = records.load(Article, data, source=article.source, themes=article.themes)
        assert back == article, article.id
        # the same types too (a tuple stays a tuple, an int score stays an int): the same pages
        assert json.dumps(records.dump(back, skip=NOT_KEPT)) == json.dumps(records.dump(article, skip=NOT_KEPT))
        assert type(back.meta.authors.value) is tuple


@pytest.mark.parametrize("damage", [
    lambda d: d[:-1],                          # a field missing
    lambda d: d + [[]],                        # one too many
    lambda d: [d[0], "words", *d[2:]],         # blocks of the wrong kind
    lambda d: [d[0], d[1], "1634", *d[3:]],    # a word count as text
    lambda d: {"meta": d[0]},                  # the old format (a mapping)
])
def test_damaged_data_is_refused(articles, damage):
    data = json.loads(json.dumps(records.dump(articles[0], skip=NOT_KEPT)))
    with pytest.raises((ValueError, TypeError)):
        records.load(Article, damage(data), source=articles[0].source, themes=())
