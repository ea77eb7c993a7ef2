"""The attribution stage on invented sentences: direct, indirect and mixed speech,
multi-paragraph quotes, "according to", dash bylines, outlets as ``via``, statuses."""

from __future__ import annotations

import pytest

from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.attribution.attribution import AttributionStage
from newsevents.coding.attribution.lexicon import cue_words
from newsevents.coding.attribution.quotes import find_quotes
from newsevents.coding.base import Analysis
from newsevents.records import Article

def code(nlp, text: str, actors: bool = True) -> Analysis:
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    if actors:
        ActorStage()(analysis)
    AttributionStage()(analysis)
    return analysis


def by_cue(analysis: Analysis, cue: str):
    for att in analysis.attributions:
        if att.cue.text == cue:
            return att
    raise AssertionError(f"no attribution with cue {cue!r}: {[a.cue.text for a in analysis.attributions]}")


def test_spans_slice_the_text_and_ids_are_numbered(nlp):
    text = ('The minister said the border would reopen. "We are ready for talks," '
            'Deputy Foreign Minister Lena Orlova told reporters.')
    a = code(nlp, text)
    assert [x.id for x in a.attributions] == [f"Q{i}" for i in range(1, len(a.attributions) + 1)]
    for att in a.attributions:
        for span in (att.cue, *att.contents, *([att.source.span] if att.source else [])):
            assert text[span.start:span.end] == span.text


def test_indirect_speech_keeps_complementiser_and_drops_final_period(nlp):
    a = code(nlp, "The general said that the convoy had crossed the river.")
    att = by_cue(a, "said")
    assert att.kind == "indirect"
    assert att.source.span.text == "The general"
    assert [c.text for c in att.contents] == ["that the convoy had crossed the river"]
    assert att.status == "reported"


def test_direct_quote_after_cue_keeps_quote_marks(nlp):
    a = code(nlp, "\u201cWe will never accept these terms,\u201d said Prime Minister Tomas Varga.")
    att = by_cue(a, "said")
    assert att.kind == "direct"
    assert att.source.span.text == "Prime Minister Tomas Varga"
    assert att.contents[0].text == "\u201cWe will never accept these terms,\u201d"


def test_mixed_speech_quotes_words_inside_a_clause(nlp):
    a = code(nlp, 'The mayor said the new bridge was "a waste of public money" and should be cancelled.')
    att = by_cue(a, "said")
    assert att.kind == "mixed"
    content = " ".join(c.text for c in att.contents)
    assert content.startswith("the new bridge was")
    assert '"a waste of public money"' in content


def test_quote_over_several_paragraphs_is_one_attribution(nlp):
    text = ("\u201cThe harvest failed in the north this year,\u201d the farmer said. "
            "\u201cWe lost almost everything.\n\n"
            "\u201cNobody from the ministry has visited us since the spring.\u201d\n\n"
            "The ministry did not answer questions.")
    a = code(nlp, text)
    att = by_cue(a, "said")
    texts = [c.text for c in att.contents]
    assert len(texts) == 3
    assert texts[1].startswith("\u201cWe lost")
    assert texts[2].startswith("\u201cNobody from the ministry")
    nobody = next(t for t in a.doc if t.text == "Nobody")
    assert a.content_of[nobody.i] == att.id


def test_find_quotes_links_continuation_paragraphs():
    text = "\u201cFirst part.\n\n\u201cSecond part.\u201d\n\nPlain paragraph. \u201cAnother one.\u201d"
    quotes = find_quotes(text)
    assert len(quotes) == 3
    assert not quotes[0].closed and quotes[1].continues == 0
    assert quotes[2].continues is None


def test_straight_and_double_apostrophe_quotes(nlp):
    a = code(nlp, "''The vote was rigged from the start,'' the opposition leader said.")
    att = by_cue(a, "said")
    assert att.contents[0].text == "''The vote was rigged from the start,''"


def test_according_to_without_verb(nlp):
    a = code(nlp, "Twelve soldiers were wounded in the clash, according to the regional governor.")
    att = by_cue(a, "according to")
    assert att.source.span.text == "the regional governor"
    assert att.contents[0].text == "Twelve soldiers were wounded in the clash"


def test_colon_after_cue_belongs_to_cue(nlp):
    text = 'The spokesman added: "The shipments will continue as planned."'
    a = code(nlp, text)
    att = by_cue(a, "added:")
    assert att.contents[0].text == '"The shipments will continue as planned."'


def test_dash_byline_after_quote(nlp):
    a = code(nlp, "\u201cThe new law will hurt small farmers more than anyone.\u201d \u2015 Maria Lopez\n")
    att = by_cue(a, "\u2015")
    assert att.source.span.text == "Maria Lopez"
    assert att.kind == "direct"


def test_title_in_quotes_is_not_a_quote(nlp):
    a = code(nlp, 'The senator appeared on "Meet the Press" on Sunday.')
    assert a.attributions == []


def test_parenthetical_cue_splits_content(nlp):
    a = code(nlp, "The ceasefire, the envoy said, would hold until Friday.")
    att = by_cue(a, "said")
    assert att.source.span.text == "the envoy"
    joined = " ".join(c.text for c in att.contents)
    assert "The ceasefire" in joined and "would hold until Friday" in joined
    assert "envoy" not in joined


def test_auxiliary_is_part_of_cue(nlp):
    a = code(nlp, "The ministry has also said that the exercise was planned months ago.")
    assert by_cue(a, "has also said").kind == "indirect"


@pytest.mark.parametrize("sentence,cue,status", [
    ("The opposition accused the government of rigging the election.", "accused", "alleged"),
    ("The rebels claimed that the army had shelled the village.", "claimed", "alleged"),
    ("The ministry denied that its troops had crossed the border.", "denied", "denied"),
    ("The analyst suggested that the sanctions might be lifted.", "suggested", "speculative"),
    ("The embassy said that the ambassador had left the country.", "said", "reported"),
])
def test_attribution_status_follows_the_cue(nlp, sentence, cue, status):
    assert by_cue(code(nlp, sentence), cue).status == status


def test_told_outlet_is_via(nlp):
    a = code(nlp, "Foreign Minister Ana Ruiz told Reuters that Peru would recall its ambassador.")
    att = by_cue(a, "told")
    assert att.source is not None and att.source.span.text == "Foreign Minister Ana Ruiz"
    reuters = next(t for t in a.doc if t.text == "Reuters")
    outlet = a.actors.actor_at(reuters.i)
    assert outlet is not None, "Reuters is an outlet of data/lexicons/outlets.tsv"
    assert att.via == (outlet,)
    assert att.source.actor is not None and att.source.actor != outlet


def test_source_actor_is_resolved(nlp):
    a = code(nlp, "The Kremlin said that Russia would respond to the new sanctions.")
    att = by_cue(a, "said")
    kremlin = next(t for t in a.doc if t.text == "Kremlin")
    assert att.source.actor is not None
    assert att.source.actor == a.actors.actor_at(kremlin.i)


def test_nested_attribution_innermost_wins(nlp):
    text = ("The diplomat said that the general had told him the troops would withdraw.")
    a = code(nlp, text)
    outer = by_cue(a, "said")
    inner = by_cue(a, "had told")
    troops = next(t for t in a.doc if t.text == "troops")
    general = next(t for t in a.doc if t.text == "general")
    assert a.content_of[troops.i] == inner.id
    assert a.content_of[general.i] == outer.id


def test_no_attribution_in_plain_narration(nlp):
    a = code(nlp, "Heavy rain flooded the capital on Monday. Schools were closed.")
    assert a.attributions == [] and a.content_of == {}


def test_colon_headline_names_the_speaker(nlp):
    text = "Ruiz: Peru Will Not Return to the Talks\n\nThe foreign minister spoke on Monday.\n"
    a = code(nlp, text)
    att = by_cue(a, ":")
    assert att.source.span.text == "Ruiz"
    assert att.contents[0].text == "Peru Will Not Return to the Talks"


def test_section_kicker_is_not_a_speaker(nlp):
    a = code(nlp, "Background: The border has been closed since 2019.\n")
    assert all(att.cue.text != ":" for att in a.attributions)


def test_uncued_quote_goes_to_the_previous_speaker(nlp):
    text = ('The governor said on Monday that the dam was safe. "Nobody in the valley needs to leave."\n\n'
            "Engineers inspected the dam on Tuesday.")
    a = code(nlp, text)
    att = by_cue(a, "said")
    assert att.kind == "mixed"
    assert att.contents[-1].text == '"Nobody in the valley needs to leave."'


def test_lower_case_quote_continues_an_interrupted_quote(nlp):
    text = "\u201cEvery time the river rises,\u201d the mayor said, \u201cwe lose another road.\u201d"
    att = by_cue(code(nlp, text), "said")
    assert [c.text for c in att.contents] == ["\u201cEvery time the river rises,\u201d", "\u201cwe lose another road.\u201d"]


def test_short_spoken_quote_is_a_quote(nlp):
    att = by_cue(code(nlp, "\u201cI would,\u201d the farmer said."), "said")
    assert att.kind == "direct" and att.contents[0].text == "\u201cI would,\u201d"


def test_unbalanced_and_odd_quotes_never_break_the_stage(nlp):
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.sampled_from([
        "\u201c", "\u201d", '"', "''", " said ", " the minister ", " according to ", ":", "\n\n",
        " We will win.", " \u2015 Ana Ruiz", " told Reuters that ", " Talks failed", ",", ".",
    ])

    @settings(max_examples=40, deadline=None, database=None)
    @given(st.lists(pieces, max_size=25))
    def check(parts):
        text = "".join(parts)
        a = code(nlp, text, actors=False)
        for att in a.attributions:
            for span in (att.cue, *att.contents, *([att.source.span] if att.source else [])):
                assert text[span.start:span.end] == span.text and span.end > span.start
        assert set(a.content_of.values()) <= {att.id for att in a.attributions}

    check()


def test_passive_cue_takes_its_agent_as_source(nlp):
    a = code(nlp, "The villagers were told by the army that the road would reopen.")
    att = by_cue(a, "were told")
    assert att.source is not None and att.source.span.text == "the army"


def test_passive_subject_is_not_the_source(nlp):
    a = code(nlp, "The governor was accused of taking bribes.")
    att = by_cue(a, "was accused of")
    assert att.source is None
    assert att.status == "alleged"


def test_accusation_content_holds_the_charge(nlp):
    a = code(nlp, "The president accused the rebels of shelling the hospital.")
    att = by_cue(a, "accused")
    assert att.status == "alleged"
    assert "of shelling the hospital" in " ".join(c.text for c in att.contents)
    shelling = next(t for t in a.doc if t.text == "shelling")
    assert a.content_of[shelling.i] == att.id


@pytest.mark.parametrize("text,cue,outlet", [
    ("Defense Minister Ali Reza said in an interview with CNN that Iran would not send troops.",
     "said", "CNN"),
    ("The army shelled the border town overnight, according to state media.", "according to", "media"),
])
def test_interview_and_state_media_are_via(nlp, text, cue, outlet):
    a = code(nlp, text)
    att = by_cue(a, cue)
    tok = next(t for t in a.doc if t.text == outlet)
    actor = a.actors.actor_at(tok.i)
    assert actor is not None, f"{outlet!r} is not coded as an actor"
    assert actor in att.via


def test_cue_model_ships_and_separates_speech_from_action(nlp):
    from newsevents.coding.attribution.cue_model import load_cue_model

    model = load_cue_model()
    assert model is not None and 0.0 < model.threshold < 1.0
    doc = nlp("The senator blasted the new budget. The workers built a new fence.")
    blasted = next(t for t in doc if t.text == "blasted")
    built = next(t for t in doc if t.text == "built")
    cues = cue_words().cues
    assert model.is_cue(blasted, "dobj", cues)
    assert not model.is_cue(built, "dobj", cues)


def test_rules_only_stage_still_finds_speech(nlp):
    text = "The envoy said that the ceasefire was holding."
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    AttributionStage(use_model=False)(analysis)
    assert [a.cue.text for a in analysis.attributions] == ["said"]


@pytest.mark.parametrize("text,cue", [
    # PolNeAR train: "in a statement" belongs to the cue, "in an interview" does not
    ("The mayor said in a statement that the bridge would stay closed.", "said in a statement"),
    ("The mayor said in an interview that the bridge would stay closed.", "said"),
    # a date after a clause-taking cue is a circumstance, not part of the cue
    ("The mayor said on Tuesday that the bridge would stay closed.", "said"),
    # … but a bare day right after the verb is in it, more often than not on train
    ("The mayor said Tuesday that the bridge would stay closed.", "said Tuesday"),
    # an adverb before the verb belongs to the cue
    ("The mayor now says that the bridge will stay closed.", "now says"),
])
def test_cue_boundaries_follow_polnear(nlp, text, cue):
    a = code(nlp, text)
    assert [x.cue.text for x in a.attributions] == [cue]


def test_preposition_of_a_cue_without_clause_is_in_the_cue(nlp):
    from newsevents.coding.attribution.rules import cue_extent

    text = "The senator railed against the farm bill at length."
    doc = nlp(text)
    verb = next(t for t in doc if t.text == "railed")
    start, end = cue_extent(verb, "dobj")
    assert text[start:end] == "railed against"
    start, end = cue_extent(verb, "ccomp")
    assert text[start:end] == "railed"


def test_cue_in_the_sentence_after_a_question_quote(nlp):
    text = '"Who will pay for the new stadium?" the councillor said. The vote is next week.'
    a = code(nlp, text)
    att = by_cue(a, "said")
    assert [c.text for c in att.contents] == ['"Who will pay for the new stadium?"']
    assert att.kind == "direct"


def test_short_verbless_quote_with_comma_is_a_quote(nlp):
    text = '"Absolutely not," the governor said when asked about the tax.'
    a = code(nlp, text)
    att = by_cue(a, "said")
    assert att.contents[0].text == '"Absolutely not,"'


def test_short_quoted_phrase_without_comma_stays_a_phrase(nlp):
    text = 'The governor called the plan "a total disaster" on Monday.'
    a = code(nlp, text)
    assert all('"a total disaster"' != c.text for att in a.attributions for c in att.contents)


def test_confident_cue_without_source_is_kept_and_weak_one_dropped():
    from newsevents.coding.attribution.attribution import SOURCELESS_CONFIDENCE, keeps
    from newsevents.coding.attribution.rules import Draft

    bare = Draft(cue=(0, 4), cue_token=0, status="reported")
    assert not keeps(bare)
    assert keeps(Draft(cue=(0, 4), cue_token=0, status="reported", source=(5, 9)))
    assert keeps(Draft(cue=(0, 4), cue_token=0, status="reported", passive=True))
    assert keeps(Draft(cue=(0, 4), cue_token=0, status="reported", confidence=SOURCELESS_CONFIDENCE))
    assert not keeps(Draft(cue=(0, 4), cue_token=0, status="reported", confidence=SOURCELESS_CONFIDENCE - 0.1))


def test_cue_variants_name_the_spans_polnear_uses(nlp):
    from newsevents.coding.attribution.rules import cue_variants

    text = "The senator made no mention of the tariff and continued to attack the plan."
    doc = nlp(text)
    made = next(t for t in doc if t.text == "made")
    spans = {k: text[s:e] for k, (s, e) in cue_variants(made, "dobj").items()}
    assert spans["bare"] == "made"
    assert spans["dobjprep"] == spans["object"] == "made no mention of"
    cont = next(t for t in doc if t.text == "continued")
    assert text.__getitem__(slice(*cue_variants(cont, "xcomp")["inf"])) == "continued to attack"


def test_learned_extent_and_veto_change_only_the_named_pairs(nlp):
    from newsevents.coding.attribution.cue_model import CueModel

    text = "The senator made no mention of the tariff."
    doc = nlp(text)
    made = next(t for t in doc if t.text == "made")
    plain = CueModel({"bias": 5.0, "lemma=make": 0.0}, 0.5)
    learned = CueModel({"bias": 5.0, "lemma=make": 0.0}, 0.5, {"make|dobj": "dobjprep"}, frozenset({"make|xcomp"}))
    assert text.__getitem__(slice(*plain.extent(made, "dobj"))) == "made"
    assert text.__getitem__(slice(*learned.extent(made, "dobj"))) == "made no mention of"
    assert learned.is_cue(made, "dobj", cue_words().cues)
    vetoed = CueModel({"bias": 5.0, "lemma=make": 0.0}, 0.5, {}, frozenset({"make|dobj"}))
    assert not vetoed.is_cue(made, "dobj", cue_words().cues)


def test_sentence_opening_poll_is_a_source(nlp):
    text = "In a new Harbor Institute poll released Sunday, 41 percent of voters backed the levy."
    a = code(nlp, text)
    att = by_cue(a, "In")
    assert att.source is not None and "poll" in att.source.span.text
    assert "41 percent of voters backed the levy" in " ".join(c.text for c in att.contents)


def test_poll_in_mid_sentence_is_not_a_cue(nlp):
    text = "The senator gained ground in a new Harbor Institute poll released Sunday."
    a = code(nlp, text)
    assert all(att.cue.text != "in" for att in a.attributions)


def test_as_clause_attributes_its_governing_clause(nlp):
    # "As X reported, Y": no complement of its own, the cue's content is the main clause
    text = "As the regional newspaper reported, the mayor had quietly sold the harbour land to a cousin."
    a = code(nlp, text)
    att = by_cue(a, "reported")
    assert att.source.span.text == "the regional newspaper"
    assert [c.text for c in att.contents] == ["the mayor had quietly sold the harbour land to a cousin"]


def test_as_clause_needs_a_listed_cue_verb(nlp):
    # a temporal "as" clause with a verb that is no cue is not an attribution
    a = code(nlp, "As the ferry docked, the crew unloaded forty crates of oranges.")
    assert all(att.cue.text != "docked" for att in a.attributions)


@pytest.mark.parametrize("text, cue, source", [
    ("The senator won loud applause by calling for a ban on the imports.", "calling for", "The senator"),
    ("The governor ended the meeting after promising a new bridge for the valley.", "promising", "The governor"),
    # the second of two coordinated gerunds shares the first one's subject
    ("The chairwoman closed the session by thanking the staff and urging members to vote early.",
     "urging", "The chairwoman"),
])
def test_gerund_after_preposition_borrows_the_clause_subject(nlp, text, cue, source):
    att = by_cue(code(nlp, text), cue)
    assert att.source is not None and att.source.span.text == source


def test_gerund_with_its_own_subject_keeps_it(nlp):
    # a cue clause that names its own speaker keeps it (nothing is borrowed from "surprised")
    a = code(nlp, "The mayor surprised everyone when her deputy said that the budget was empty.")
    att = by_cue(a, "said")
    assert att.source.span.text == "her deputy"
