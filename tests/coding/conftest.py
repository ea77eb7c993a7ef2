"""Fixtures shared by the coding-stage tests."""

from __future__ import annotations

import pytest

from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.attribution.attribution import AttributionStage
from newsevents.coding.base import Analysis
from newsevents.coding.events.events import EventStage
from newsevents.records import Article


@pytest.fixture(scope="module")
def code(nlp):
    """``code(text)``: the actors, attribution and events stages run on ``text``."""
    stage = EventStage()

    def run(text: str) -> Analysis:
        analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
        ActorStage()(analysis)
        AttributionStage()(analysis)
        stage(analysis)
        return analysis

    return run


@pytest.fixture(scope="module")
def code_actors(nlp):
    """``code_actors(text)``: the actors stage alone run on ``text``."""

    def run(text: str) -> Analysis:
        analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
        ActorStage()(analysis)
        return analysis

    return run
