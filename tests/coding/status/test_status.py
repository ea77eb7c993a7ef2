"""status_of on invented sentences: one case (or more) per status and rule (rules only)."""

from __future__ import annotations

import pytest

from newsevents.coding.attribution.attribution import AttributionStage
from newsevents.coding.base import Analysis
from newsevents.coding.status.status import certainty, status_of
from newsevents.records import STATUS_CERTAINTY, STATUSES, Article


def analyse(nlp, text: str) -> Analysis:
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    AttributionStage()(analysis)
    return analysis


def status(nlp, text: str, word: str, use_model: bool = False) -> str:
    """The rules' status of ``word`` (the learned check is tested in test_status_model.py)."""
    a = analyse(nlp, text)
    tok = next(t for t in a.doc if t.text == word)
    return status_of(tok, a, use_model=use_model)


@pytest.mark.parametrize("text,word,expected", [
    # asserted: the article says it itself
    ("Government troops shelled the port on Tuesday.", "shelled", "asserted"),
    # negated
    ("The army did not enter the city.", "enter", "negated"),
    ("The rebels never signed the truce.", "signed", "negated"),
    ("No country sent observers to the vote.", "sent", "negated"),
    ("The envoy left without signing the accord.", "signing", "negated"),
    ("The council refused to extend the mandate.", "extend", "negated"),
    # future
    ("Brazil will host the summit next year.", "host", "future"),
    ("The ministry plans to expel three diplomats.", "expel", "future"),
    ("The two leaders are set to meet in Geneva.", "meet", "future"),
    ("The vote is expected to take place in May.", "take", "future"),
    # hypothetical
    ("If the talks collapse, the army would resume the offensive.", "collapse", "hypothetical"),
    ("If the talks collapse, the army would resume the offensive.", "resume", "hypothetical"),
    ("The union will strike unless the wages rise.", "rise", "hypothetical"),
    # speculative
    ("The strike could delay the harvest.", "delay", "speculative"),
    ("The militia may have fired the rockets.", "fired", "speculative"),
    ("The navy possibly intercepted the tanker.", "intercepted", "speculative"),
    ("The government is likely to raise taxes.", "raise", "speculative"),
    # alleged
    ("Police allegedly beat the protesters.", "beat", "alleged"),
    ("The general was accused of ordering the massacre.", "ordering", "alleged"),
    ("The alleged bombing killed four people.", "bombing", "alleged"),
    # denied
    ("Tehran denied arming the rebels.", "arming", "denied"),
    ("The company rejected claims that it bribed officials.", "claims", "denied"),
    ("The ministry denied that its jets had bombed the market.", "bombed", "denied"),
    # reported: inside reported speech, or "reportedly"
    ("The governor said that the militants had seized the airport.", "seized", "reported"),
    ("Soldiers reportedly looted the warehouse.", "looted", "reported"),
    # implicatives keep the complement factual
    ("The hostages managed to escape.", "escape", "asserted"),
])
def test_status_rules(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


def test_speech_verb_itself_is_asserted(nlp):
    assert status(nlp, "The governor said that the militants had seized the airport.", "said") == "asserted"


def test_allegation_cue_makes_content_alleged(nlp):
    assert status(nlp, "The opposition claimed that the police had detained journalists.", "detained") == "alleged"


def test_without_analysis_reported_speech_is_not_detected(nlp):
    doc = nlp("The governor said that the militants had seized the airport.")
    seized = next(t for t in doc if t.text == "seized")
    assert status_of(seized) == "asserted"


def test_conjunct_with_its_own_subject_keeps_its_status(nlp):
    text = "The guards did not open the gate, and the crowd climbed the fence."
    assert status(nlp, text, "open") == "negated"
    assert status(nlp, text, "climbed") == "asserted"


def test_every_result_is_a_known_status(nlp):
    a = analyse(nlp, "If Iran had not denied the claims, the envoy might allegedly have planned to leave.")
    assert {status_of(t, a) for t in a.doc} <= set(STATUSES)


def test_certainty_orders_statuses():
    assert certainty("asserted") > certainty("reported") > certainty("speculative") > certainty("negated")
    assert certainty("denied") == STATUS_CERTAINTY["denied"]


@pytest.mark.parametrize("text,word,expected", [
    ("The envoy no longer visits the camps.", "visits", "negated"),
    ("The firm has not begun talks with the lenders.", "talks", "negated"),
    # an event noun kept from happening may still happen
    ("The court blocked the deportation of the activists.", "deportation", "speculative"),
    ("The strikers demanded that the manager be dismissed.", "dismissed", "future"),
    ("The ministry could face a lawsuit.", "lawsuit", "speculative"),
])
def test_status_of_arguments_and_clauses(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", [
    # a conjunct with its own tense is not under the first conjunct's "did not"
    ("The ministry did not name the donor but confirmed the grant.", "confirmed", "asserted"),
    ("The ministry did not name the donor but confirmed the grant.", "name", "negated"),
    # ... while "or"/"nor" keep the negation, and an "if" still reaches the second conjunct
    ("The clerk had not signed the form or stamped it.", "stamped", "negated"),
    ("If the mayor resigns and leaves the city, the council would meet.", "leaves", "hypothetical"),
    # a "neither ... nor" subject negates the verb
    ("Neither the mayor nor his deputy attended the parade.", "attended", "negated"),
])
def test_coordination_and_negative_subjects(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", [
    # a definite object of a negated verb existed; an indefinite one did not
    ("The board has not reviewed the merger.", "merger", "asserted"),
    ("The board has not announced a merger.", "merger", "negated"),
    # a definite object of a planned act existed already
    ("The agency sent inspectors to examine the explosion.", "explosion", "asserted"),
    ("The agency plans to hold an inquiry.", "inquiry", "future"),
    # the subject of a modal verb is taken as given
    ("The strike could delay the harvest.", "strike", "asserted"),
])
def test_definite_and_subject_nouns(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", [
    ("The minister announced that the army would withdraw from the valley.", "withdraw", "future"),
    ("The minister announced that the army would have withdrawn if asked.", "withdrawn", "hypothetical"),
    ("The army would withdraw if the rebels disarmed.", "withdraw", "hypothetical"),
])
def test_future_in_the_past(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", [
    # pressing for something is a goal whose outcome is open
    ("Thousands of farmers marched to press for the release of the activists.", "release", "speculative"),
    ("The families are waiting for a verdict.", "verdict", "future"),
    ("The court fined the firm for the spill.", "spill", "asserted"),
])
def test_goal_prepositions(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", [
    # an infinitive with its own subject ("wants the court to X") is a goal too
    ("The union wants the court to annul the contract.", "annul", "speculative"),
    ("The embargo did not force the regime to release the prisoners.", "release", "negated"),
])
def test_infinitives_with_subjects(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


def test_bare_infinitive_under_perception_verb_happened(nlp):
    # "saw" may also be an attribution cue, so the witnessed act is asserted or reported
    assert status(nlp, "Witnesses saw the soldiers burn the huts.", "burn") in {"asserted", "reported"}
    assert status(nlp, "The guards watched the prisoners dig the trench.", "dig") == "asserted"


def test_infinitive_relative_clause_is_not_yet_done(nlp):
    assert status(nlp, "There is nothing to discuss.", "discuss") == "future"
    # ... except after an ordinal or superlative: she did visit
    assert status(nlp, "She was the first minister to visit the camp.", "visit") == "asserted"


@pytest.mark.parametrize("text,word,expected", [
    ("The reform could include closing the border.", "closing", "speculative"),
    ("The ministry will stop issuing permits.", "issuing", "future"),
    ("The ministry stopped issuing permits.", "issuing", "asserted"),
])
def test_gerund_complement_shares_the_verb_status(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


def test_decline_governs_only_an_infinitive(nlp):
    assert status(nlp, "The minister declined to comment on the raid.", "comment") == "negated"
    # (the attribution model may read this sentence as a report: either is factual)
    assert status(nlp, "Profits kept declining on a drop in sales.", "drop") in {"asserted", "reported"}


@pytest.mark.parametrize("text,word,expected", [
    # trying, wanting, asking: whether the goal comes about is open
    ("The rebels tried to seize the airport.", "seize", "speculative"),
    ("The farmers hope to sell the harvest abroad.", "sell", "speculative"),
    ("The mayor urged the residents to leave the coast.", "leave", "speculative"),
    ("The envoy made an effort to reopen the talks.", "reopen", "speculative"),
    # plans, commitments and "will" stay future
    ("The ministry plans to expel three diplomats.", "expel", "future"),
    ("The two sides agreed to exchange prisoners.", "exchange", "future"),
    ("The army will withdraw from the valley.", "withdraw", "future"),
    # a negated goal word still negates its goal
    ("The council did not want to extend the curfew.", "extend", "negated"),
])
def test_goals_are_open_plans_are_future(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


def test_definite_object_of_a_goal_already_exists(nlp):
    # "the lawsuit" was filed already; "a lawsuit" may or may not be won
    assert status(nlp, "The farmers are trying to win the lawsuit.", "lawsuit") == "asserted"
    assert status(nlp, "The farmers are trying to win a lawsuit.", "lawsuit") == "speculative"


@pytest.mark.parametrize("text,word,expected", [
    ("The talks ended without an agreement.", "agreement", "speculative"),
    ("The regulator moved to prevent a merger of the two banks.", "merger", "speculative"),
    # a verb kept from happening did not happen
    ("The envoy left without signing the accord.", "signing", "negated"),
    # a definite object of a negated act existed: the complaint was lodged
    ("The clerk failed to forward the complaint.", "complaint", "asserted"),
])
def test_blocked_event_nouns_and_presupposed_objects(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", [
    # a disposition: the act may or may not follow
    ("The rebels are willing to negotiate with the army.", "negotiate", "speculative"),
    ("The navy is ready to escort the convoy.", "escort", "speculative"),
    # a schedule: the act is coming
    ("The ministers are due to meet in Oslo.", "meet", "future"),
    # held back: the act does not happen
    ("The rescuers were unable to reach the village.", "reach", "negated"),
    # kept from happening by "from": it may still happen
    ("The court barred the company from selling the land.", "selling", "speculative"),
])
def test_infinitives_under_adjectives_and_from(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text,word,expected", [
    # a noun of "failure", "refusal" governs its infinitive like "fail", "refuse"
    ("The council's failure to renew the mandate angered the envoys.", "renew", "negated"),
    # a condition still to be met
    ("The merger is subject to approval by the regulators.", "approval", "speculative"),
    # "any" marks a negative or open context
    ("The talks did not lead to any agreement on the border.", "agreement", "negated"),
    ("The ministry will welcome any offer of help.", "offer", "speculative"),
    # a condition holds its subject too
    ("If the blockade continues, the army would retreat.", "blockade", "hypothetical"),
    # a present-tense clause of time has not happened yet; a past one has
    ("The embargo will stay in place until the government releases the prisoners.", "releases", "future"),
    ("The embargo stayed in place until the government released the prisoners.", "released", "asserted"),
    ("Troops will withdraw once the monitors arrive.", "arrive", "future"),
    # the complement of "be" takes the copula's markers
    ("The delegates will be ready for a vote.", "ready", "future"),
    ("The army was not ready for the offensive.", "ready", "negated"),
    ("The army was ready for the offensive.", "ready", "asserted"),
])
def test_scope_of_conditions_times_and_copulas(nlp, text, word, expected):
    assert status(nlp, text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    # a headline's present tense, tagged as a bare verb, under "police say": it happened
    ("Rebels kill 8 in raid on border town, army says", "kill", "reported"),
    # a bare verb under a demand is still not done
    ("The judge ordered that he be released.", "released", "future"),
])
def test_bare_verb_under_a_headline_say_is_no_subjunctive(nlp, text, word, expected):
    assert status(nlp, text, word, use_model=True) == expected
