"""Cue kinds the attribution stage added after the PolNeAR error analysis, on
invented sentences: a catenative verb whose infinitive attributes nothing
("declined to comment") and a quoted clause that starts in lower case
("She added, “frankly, …”")."""

from __future__ import annotations

from newsevents.coding.attribution.attribution import AttributionStage
from newsevents.coding.base import Analysis
from newsevents.records import Article


def attributions(nlp, text: str):
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    AttributionStage()(analysis)
    return {a.cue.text: a for a in analysis.attributions}


def test_declined_to_comment_is_a_cue_with_the_infinitive_as_content(nlp):
    found = attributions(nlp, "A spokeswoman for the ministry declined to comment.")
    att = found["declined"]
    assert [c.text for c in att.contents] == ["to comment"]
    assert att.source.span.text == "A spokeswoman for the ministry"


def test_declined_in_a_relative_clause_takes_the_pronoun_as_source(nlp):
    found = attributions(nlp, "The company, which declined to comment, sold the plant in May.")
    assert found["declined"].source.span.text == "which"


def test_catenative_with_a_reported_infinitive_keeps_the_infinitive_as_cue(nlp):
    # the infinitive has a clause of its own: it stays the cue, not "refused"
    found = attributions(nlp, "The minister refused to say whether the talks had failed.")
    assert "refused" not in found
    assert any("say" in cue for cue in found)


def test_lower_case_quote_after_a_cue_is_a_direct_quote(nlp):
    text = "The mayor spoke for an hour. She added, \u201cfrankly, nobody expected the bridge to fall this year.\u201d"
    att = attributions(nlp, text)["added"]
    assert att.kind == "direct"
    assert att.source.span.text == "She"
    assert [c.text for c in att.contents] == ["\u201cfrankly, nobody expected the bridge to fall this year.\u201d"]


def test_lower_case_quote_without_comma_is_a_direct_quote(nlp):
    text = "The governor says \u201cwe will rebuild every school that the storm destroyed.\u201d"
    att = attributions(nlp, text)["says"]
    assert att.kind == "direct"
    assert att.contents[0].text.startswith("\u201cwe will rebuild")


def test_short_quoted_phrase_stays_mixed_speech(nlp):
    # three words are a phrase the speaker used, not a quote of its own
    att = attributions(nlp, "He called the plan \u201ca total disaster.\u201d")["called"]
    assert att.kind == "mixed"


def test_colon_headline_with_a_claim_is_an_attribution(nlp):
    found = attributions(nlp, "Senator Alvarez: The tariffs will ruin our farmers.\n\nThe vote is on Monday.")
    assert found[":"].source.span.text == "Senator Alvarez"


def test_colon_label_of_a_live_blog_is_not_a_speaker(nlp):
    found = attributions(nlp, "The Latest: Senate votes to extend the budget talks.\n\nThe vote came late.")
    assert ":" not in found


def test_colon_tally_is_not_an_attribution(nlp):
    found = attributions(nlp, "Delegates won so far.\n\nMaria Alvarez: 1,204.\n\nJohn Ortega: 987.")
    assert ":" not in found


def test_colon_lead_with_a_verbless_phrase_after_no_name_is_not_an_attribution(nlp):
    found = attributions(nlp, "The Long Road: A history of the border towns.\n\nThe towns grew fast.")
    assert ":" not in found


def test_figure_in_a_poll_mid_sentence_is_attributed_to_the_poll(nlp):
    found = attributions(nlp, "Governor Ruiz was at 25 percent support in the latest Channel 9 poll, up eight points.")
    att = found["in"]
    assert "Channel 9 poll" in att.source.span.text
    assert any("25 percent" in c.text for c in att.contents)


def test_poll_mentioned_without_a_figure_is_not_a_source(nlp):
    found = attributions(nlp, "The governor talked about her standing in the latest Channel 9 poll at the rally.")
    assert "in" not in found
