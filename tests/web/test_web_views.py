"""From records to page parts: marks of an event, attribution chains."""

from dataclasses import replace

from web_store import drones, sp

from newsevents.records import Actor, AttributionSource
from newsevents.web.views import article_marks, attribution_chain, event_evidence, event_marks


def _event(result, event_id):
    return next(e for e in result.events if e.id == event_id)


def test_event_marks_cover_only_mentions_inside_the_evidence():
    result = drones()
    e1 = _event(result, "e1")
    kinds = {(m.kind, result.article.text[m.start:m.end]) for m in event_marks(result, e1)}
    assert ("source", "Iran") in kinds and ("target", "Russia") in kinds
    # Iran's other mentions ("Tehran", the later "Iran") lie outside this sentence
    assert ("source", "Tehran") not in kinds
    assert all(e1.evidence.start <= m.start and m.end <= e1.evidence.end
               for m in event_marks(result, e1) if m.kind in ("source", "target"))


def test_chain_reads_outlet_via_speaker_cue():
    result = drones()
    text = result.article.text
    agency = Actor("a9", "Reuters", "organization", (sp(text, "reporters"),))
    t1 = replace(result.attributions[0], via=("a9",))
    result = replace(result, actors=(*result.actors, agency),
                     attributions=(t1, *result.attributions[1:]))
    chain = attribution_chain(result, _event(result, "e1"))
    assert [(s.role, s.label) for s in chain] == [
        ("article", "Northern Ledger"), ("via", "Reuters"), ("speaker", "Western officials"),
        ("cue", "said")]


def test_chain_without_attribution_uses_attributed_to_or_the_article_alone():
    result = drones()
    assert [s.role for s in attribution_chain(result, _event(result, "e2"))] == ["article"]
    e = replace(_event(result, "e3"), attributed_to=("a4",))
    assert [(s.role, s.label) for s in attribution_chain(result, e)][-1] == ("speaker", "Ali Rahimi")


def test_speaker_without_actor_shows_the_span_text():
    result = drones()
    t1 = result.attributions[0]
    unnamed = replace(t1, source=AttributionSource(t1.source.span, None))
    result = replace(result, attributions=(unnamed, *result.attributions[1:]))
    chain = attribution_chain(result, _event(result, "e1"))
    assert ("speaker", "Western officials") in [(s.role, s.label) for s in chain]
    assert chain[-2].actor_id is None


def test_article_marks_include_removed_lines_and_every_attribution_content():
    result = drones()
    marks = article_marks(result)
    assert [result.article.text[m.start:m.end] for m in marks if m.kind == "removed"] == [
        "Subscribe to our morning newsletter"]
    contents = [m for m in marks if m.kind == "content"]
    assert len(contents) == sum(len(a.contents) for a in result.attributions)


def test_evidence_html_is_the_sentence():
    result = drones()
    html = str(event_evidence(result, _event(result, "e2")))
    assert html == ('<mark class="hl-source" title="source: Iran (IRN)">Tehran</mark> '
                    '<mark class="hl-trigger" title="trigger: REJECT (asserted)">denied</mark>'
                    ' the claim.')
