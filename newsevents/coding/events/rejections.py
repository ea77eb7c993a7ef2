"""Clauses typed as events that are no political event, and why.

Each check of :data:`REJECTIONS` says why a typed clause is not an event (a sports
result, private dealings, nobody political involved, or one of the misread word senses
of :mod:`.misreadings`); the events stage keeps that reason and the check's name with
the rejected clause (``Analysis.rejected``) instead of dropping it silently.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Callable

from ..vocab.roles import GROUPS
from .args import acted_on
from .misreadings import (accident, anyone, forecast, homecoming, naming, no_comment, publication,
                          question_asked, sent_someone, words_given)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...records import Actor
    from ..base import Analysis
    from .types import TypedClause

#: verbs of a contest that are a result, not violence, when the text is about sport
_CONTEST = frozenset("beat defeat thrash rout crush edge outplay eliminate draw play face stun "
                     "upset hammer trounce whip overcome down top sink clinch".split())
#: words that hardly occur outside sport (lemmas): one in the sentence, or two different
#: ones in the article, make a contest verb a sports result ("Austria beat Hungary 2-1");
#: ambiguous ones ("goal", "league", "season", "penalty", "final") are left out
_SPORT = frozenset([*(w + s for w in (
    "tournament championship qualifier playoff semifinal semi-final quarterfinal quarter-final "
    "striker midfielder goalkeeper footballer cricketer stadium inning wicket touchdown "
    "quarterback fixture athlete scorer cup referee umpire hat-trick scoreline").split() for s in ("", "s")),
    *"innings olympics tennis football soccer rugby basketball hockey baseball cricket golf".split()])


def no_political_actor(typed: TypedClause, analysis: "Analysis") -> str | None:
    """Events among people and firms of no country or political sector, in a text that
    names no political actor ("the singer accused her label", a football manager
    agreeing a deal), are not what political event data counts.  In a political text
    an uncoded person is often a politician the gazetteer does not know, so the event
    stays; an event with no actor at all is judged by its trigger alone (the events
    stage's gates)."""
    clause = typed.clause
    actors = [*clause.source_actors, *clause.target_actors]
    if not actors or _political_text(analysis):
        return None
    if any(_political(analysis.actors.find(a)) for a in actors):
        return None
    return "no state or political-sector actor, in a text about no political actor"


def dismissal(typed: TypedClause, analysis: "Analysis") -> str | None:
    """ "her clients fired her", "the board fired the coach": firing someone from a job is
    no attack (one fires *at* people, or fires shots, rockets, missiles)."""
    word = typed.trigger
    if typed.type != "ASSAULT" or word.lemma_.lower() != "fire" or word.pos_ != "VERB":
        return None
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon")):
        if not any(o.ent_type_ in ("DATE", "TIME") for o in prep.children):  # not "on Monday"
            return None
    objects = acted_on(word)
    if objects and all(o.pos_ in ("PRON", "PROPN") or o.ent_type_ == "PERSON" or
                       o.lemma_.lower() in _EMPLOYEES for o in objects):
        return "a dismissal from a job, not an attack"
    return None


_EMPLOYEES = frozenset("coach manager director chief executive employee worker staff official minister "
                       "secretary adviser advisor aide head editor".split())


def private_dealings(typed: TypedClause, analysis: "Analysis") -> str | None:
    """Offers, deals, gifts and meetings among firms and private people only ("Google
    offers gamers a wider market", "she offered her spot to him", "SoftBank agreed to
    fund WeWork") are no political cooperation, whatever the text is about.  A country
    or a state body on either side, or a person of a country with no known occupation
    (often a politician the gazetteer does not know), keeps the event."""
    if typed.type not in _COOPERATION:
        return None
    actors = [analysis.actors.find(a) for a in (*typed.clause.source_actors, *typed.clause.target_actors)]
    # a lone sentence's uncoded person may be any politician ("Clinton"); an article's
    # setting and titles code its politicians, so there an uncoded person is private
    judged = len(analysis.doc) >= _JUDGED_TOKENS
    if actors and all(_private(a, judged) for a in actors):
        return "cooperation among firms or private people only"
    return None


#: the types of cooperation that private parties also engage in
_COOPERATION = frozenset({"AGREE", "AID", "COOPERATE", "CONSULT", "SUPPORT"})


def _private(actor: "Actor | None", people: bool) -> bool:
    """A firm, a newspaper, a hospital, a school, a church or a criminal, or (``people``)
    a person of no known country or office.  Civilians, refugees, workers and NGOs are
    parties to politics (protests, aid, strikes); an organisation of no known sector may
    be anything: neither is private."""
    if actor is None or actor.kind == "country":
        return False
    if actor.sector is not None:
        return actor.sector in _PRIVATE_SECTORS
    return people and actor.kind == "person" and actor.country is None


#: sectors of private life and business (PLOVER/CAMEO codes)
_PRIVATE_SECTORS = frozenset("BUS JRN MED EDU REL CRM AGR".split())


def _weight(actor: "Actor") -> float:
    return 1.0 if actor.sector in _POLITICAL_SECTORS else 0.5 if actor.country else 0.0


def _political(actor: "Actor | None") -> bool:
    """A party the codebook counts as political (GUIDE: a state or its parts, a politician,
    party, IGO or armed group): a country, or an actor of a political sector.  A firm or
    an entertainer with a country is not one (their news is business or culture)."""
    return actor is None or actor.kind == "country" or actor.sector in _POLITICAL_SECTORS


#: sectors of the state and of political life (PLOVER/CAMEO codes)
_POLITICAL_SECTORS = frozenset("GOV LEG JUD MIL COP PTY OPP DIP IGO REB SPY INS ELI".split())
#: political actors a text must name to count as political (see _political_text)
_POLITICAL_MIN = 2.0
#: a text shorter than this (tokens) is too short to tell its topic: it counts as political
_JUDGED_TOKENS = 150


def _political_text(analysis: "Analysis") -> bool:
    """Whether the article names political actors: two of a political sector (a ministry,
    the police, a party), or one and two others with a country, or four with a country
    (countries and people of a country also turn up in sports, business and
    entertainment news, so they count half)."""
    return _per_article(analysis, "political", lambda: (
        len(analysis.doc) < _JUDGED_TOKENS
        or sum(_weight(a) for a in analysis.actors.all()) >= _POLITICAL_MIN))


def _per_article(analysis: "Analysis", key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per article, kept in the analysis' notes under ``key``."""
    notes = analysis.notes.setdefault("events", {})  # the events stage's own notes
    if key not in notes:
        notes[key] = compute()
    return notes[key]


def sports_result(typed: TypedClause, analysis: "Analysis") -> str | None:
    """ "Austria beat North Macedonia 2-1": a contest verb in a text about sport."""
    trig = typed.clause.trigger
    if trig.lemma_.lower() not in _CONTEST:
        return None
    sent = trig.sent
    if any(_is_sport(t) for t in sent) or _score(trig):
        return "sports result"
    if len(_sport_words(analysis)) >= 2 or _scored(analysis):
        return "sports result (a sports text)"
    if trig.lemma_.lower() in _WIN and _candidates_only(typed, analysis):
        return "election or other contest"
    return None


def _score(verb: "Token") -> bool:
    """ "beat Argentina 2-0", "won 3-1": a score right after the contest verb's object."""
    words = []
    for tok in verb.doc[verb.i + 1:min(verb.i + 10, verb.sent.end)]:
        if tok.pos_ in ("VERB", "AUX") or tok.text in ".;":
            break
        words.append(tok.text_with_ws)
    return _SCORE.search("".join(words)) is not None


_SCORE = re.compile(r"(?<![\d.,])\d{1,2} ?[-\u2013] ?\d{1,2}(?![\d.,%])")


#: contest verbs that also name a military victory ("the army defeated the rebels")
_WIN = frozenset("beat defeat edge trounce rout upset unseat outpoll".split())


def _candidates_only(typed: TypedClause, analysis: "Analysis") -> bool:
    """ "She can't beat this guy", "the senator defeated his challenger": people and
    parties beaten, by no armed actor, is an election, not an attack."""
    clause = typed.clause
    targets, sources = clause.target_actors, clause.source_actors
    if not targets:
        return False
    armed = {"MIL", "REB", "COP", "SPY"}
    found = [analysis.actors.find(a) for a in (*targets, *sources)]
    if any(a is None or a.sector in armed or a.kind == "group" for a in found):
        return False
    # "he had been beaten by officers": the beaters are armed, named or not
    doers = [c for c in typed.trigger.children if c.dep_ in ("nsubj", "agent")]
    doers += [g for c in doers if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if any(GROUPS.get(d.lemma_.lower()) in armed for d in doers):
        return False
    return all(a.kind == "person" or a.sector in ("PTY", "LEG", "OPP") for a in found)


def _scored(analysis: "Analysis") -> bool:
    """Whether the article gives a contest's score ("beat Argentina 2-0"): then its other
    contest verbs are results too (the headline "Brazil beat Argentina")."""
    return _per_article(analysis, "scored", lambda: any(
        t.lemma_.lower() in _CONTEST and t.pos_ == "VERB" and _score(t) for t in analysis.doc))


def _sport_words(analysis: "Analysis") -> frozenset[str]:
    """The different sports words of the article (computed once per article)."""
    return _per_article(analysis, "sport",
                        lambda: frozenset(t.lower_ for t in analysis.doc if _is_sport(t)))


def _is_sport(tok: "Token") -> bool:
    # the word as written too: the tagger's lemma of a rare noun can be off ("qualifi")
    return tok.lower_ in _SPORT or tok.lemma_.lower() in _SPORT


#: the checks of this module and of :mod:`.misreadings`, in the order they are tried
#: (the first that gives a reason rejects the clause)
REJECTIONS = (anyone, sports_result, publication, no_comment, question_asked, words_given, naming,
              dismissal, private_dealings, homecoming, forecast, accident, sent_someone, no_political_actor)
