"""Word senses of event triggers: what a trigger means in its clause when that
differs from its usual type.

:data:`RETYPES` are steps that retype a typed clause ("attacked him *in a
tweet*" is an accusation, "received the refugees" is aid, "withdrew its
peacekeepers" a sanction).  The clauses that are no political event at all are
:mod:`.event_rejections`'s.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .args import acted_on, np_actors, prep_objects
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Analysis
    from .types import TypedClause

#: verbs of assault that are often said of words ("attacked her record", "hit him on taxes")
_VERBAL_ATTACK = frozenset("attack hit target slam blast bash lambaste lambast hammer pummel "
                           "savage rip".split())
#: the means or venue of an attack in words ("in a tweet", "during the debate")
_WORDS = frozenset("tweet ad advertisement speech debate interview statement remark comment "
                   "video column podcast".split())
#: adjectives of an attack made in words ("a scathing attack on the minister")
_SAID_ATTACK = frozenset("scathing blistering stinging withering verbal rhetorical".split())
#: issues that a politician is attacked "on"
_ISSUES = frozenset("tax record policy issue economy immigration trade healthcare abortion "
                    "email character temperament".split())


def verbal_attack(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """An "attack" in words is an accusation: "attacked Smith *for* his votes", "hit her
    *on* taxes", "attacked him *in a tweet*" (the target a person, or words as the means)."""
    trig = typed.clause.trigger
    if typed.type != "ASSAULT" or trig.lemma_.lower() not in _VERBAL_ATTACK:
        return typed
    target, source = typed.clause.target_actors, typed.clause.source_actors
    # a person attacked by no armed group ("militants attacked the governor for …" is violence)
    person = (any(_kind(analysis, a) == "person" for a in target)
              and not any(_kind(analysis, a) == "group" for a in source))
    reason = any(c.dep_ == "prep" and c.lower_ in ("for", "over") for c in trig.children)
    topic = any(c.dep_ == "prep" and c.lower_ == "on" and _topic(c) for c in trig.children)
    words = any(t.lemma_.lower() in _WORDS for t in trig.subtree if t.i != trig.i)
    # "launched a scathing attack on the government"
    said = any(c.dep_ == "amod" and c.lower_ in _SAID_ATTACK for c in trig.children)
    # "a new ad hitting Trump", "tweets targeting Machado": words do the attacking
    doer = trig.head if trig.dep_ in ("acl", "relcl") else next(
        (c for c in trig.children if c.dep_ == "nsubj"), None)
    by_words = doer is not None and doer.lemma_.lower() in _WORDS
    # "attacked the police and blamed them for …": one of a speaker's verbs
    blamed = any(c.dep_ == "conj" and c.lemma_.lower() in _BLAME for c in trig.children)
    if words or said or by_words or blamed or (person and (reason or topic)):
        return replace(typed, type="ACCUSE")
    return typed


_BLAME = frozenset("blame accuse criticize criticise condemn denounce mock call say".split())


def hosting(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """Receiving or hosting refugees is giving them refuge (AID, PLOVER's asylum mode),
    not a meeting: "Chad has received most of the refugees" (the visitor of a CONSULT
    host is a delegation, a leader, a country)."""
    if typed.type != "CONSULT" or typed.trigger.lemma_.lower() not in _HOSTING:
        return typed
    target = typed.clause.target_actors
    if target and all(_sector(analysis, a) == "REF" for a in target):
        return replace(typed, type="AID")
    return typed


_HOSTING = frozenset(("receive", "host", "welcome", "take", "accept", "shelter", "admit"))


def weapons_test(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """Missiles fired in a test or into the sea, at nobody named, are a show of force
    (MOBILIZE, PLOVER's "test weapons systems"), not an attack: "Pyongyang fired two
    ballistic missiles into the sea", "the army test-fired a cruise missile"."""
    if typed.type != "ASSAULT" or typed.clause.target_actors:
        return typed
    trig = typed.clause.trigger
    heads = [trig] + ([trig.head] if trig.dep_ in ("dobj", "nsubjpass") else [])
    words = {t.lemma_.lower() for h in heads for t in h.subtree}
    if not words & _WEAPONS:
        return typed
    into_sea = any(c.dep_ == "prep" and c.lower_ in ("into", "in", "off")
                   and any(o.dep_ == "pobj" and o.lemma_.lower() in _SEA for o in c.children)
                   for h in heads for c in h.children)
    if into_sea or words & _TESTS:
        return replace(typed, type="MOBILIZE")
    return typed


def peacekeeping(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """Troops deployed or sent to keep the peace are aid (PLOVER's AID, mode peacekeeping),
    not a show of force: "Nigeria announced the deployment of 230 troops to Liberia on a
    peacekeeping mission", "the UN sent peacekeepers to Mali"."""
    if typed.type != "MOBILIZE":
        return typed
    heads = [t for t in (typed.trigger, typed.clause.trigger, typed.clause.verb) if t is not None]
    if any(w.lower_.startswith("peacekeep") for h in heads for w in h.subtree):
        return replace(typed, type="AID")
    return typed


def recalled_mission(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """Withdrawing one's peacekeepers, envoys or monitors from a country is a sanction
    (CAMEO 16 "reduce relations", PLOVER SANCTION), not a retreat from ground held:
    "the UN withdrew its peacekeepers from Rwanda", "Qatar recalled its ambassador"."""
    if typed.type != "RETREAT":
        return typed
    verb = typed.clause.verb or typed.clause.trigger
    if verb.lemma_.lower() not in _RECALL:
        return typed
    if any(o.lemma_.lower() in _MISSION or o.lower_.startswith("peacekeep") for o in acted_on(verb)):
        return replace(typed, type="SANCTION")
    return typed


_RECALL = frozenset(("withdraw", "recall", "pull", "evacuate"))
_MISSION = frozenset("ambassador envoy diplomat monitor observer inspector peacekeeper mission "
                     "embassy consulate staff".split())


def permission_given(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """Permission given is a concession, not aid: "gave the UN permission to deliver
    food", "granted approval for the flights" (PLV's YIELD; carried out: RETREAT)."""
    if typed.type not in ("AID", "AGREE"):
        return typed
    verb = typed.clause.verb or typed.clause.trigger
    if verb.lemma_.lower() not in _GRANTING:
        return typed
    if any(o.lemma_.lower() in _PERMISSIONS for o in acted_on(verb)):
        return replace(typed, type="RETREAT")
    return typed


_GRANTING = frozenset(("give", "offer", "provide", "extend", "share", "grant"))
_PERMISSIONS = frozenset("permission approval authorization authorisation consent clearance "
                         "go-ahead access".split())


def demanded_punishment(typed: TypedClause, analysis: "Analysis", *, lex: Lexicon) -> TypedClause:
    """A call for a hostile measure against someone, with nobody asked to take it, is
    aimed at whom it would hit: "called for sanctions against Moscow", "demanded an
    inquiry into the minister" accuse Moscow and the minister (PLV's reading)."""
    if typed.type != "REQUEST" or typed.clause.target is not None:
        return typed
    word = typed.clause.trigger
    asked = prep_objects(word, frozenset({"for"})) + [c for c in word.children if c.dep_ == "dobj"]
    for noun in asked:
        row = lex.lookup(noun)
        if row is None or row.type not in _PUNISHMENTS:
            continue
        targets = prep_objects(noun, frozenset({"against", "on", "into", "of", "for"}))
        hit = next((a for a in (np_actors(t, analysis.actors) for t in targets) if a is not None), None)
        if hit is not None:
            return replace(typed, type="ACCUSE", clause=replace(typed.clause, target=hit))
    return typed


#: measures that punish whom they are aimed at
_PUNISHMENTS = frozenset({"SANCTION", "COERCE", "ACCUSE"})


def call_purpose(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """A phone call made to congratulate, apologise or assure is that support (PLOVER
    SUPPORT), as a call to discuss is a consultation: "called Merkel on Friday to
    congratulate her", "called the president to convey his support"."""
    word = typed.clause.trigger
    if typed.type != "CONSULT" or word.lemma_.lower() not in ("call", "phone", "telephone"):
        return typed
    for purpose in (c for c in word.children if c.dep_ in ("advcl", "xcomp")):
        lemma = purpose.lemma_.lower()
        said = {c.lemma_.lower() for c in purpose.children if c.dep_ == "dobj"}
        if lemma in _SUPPORTING or (lemma in ("express", "convey", "offer", "extend") and said & _SUPPORT_WORDS):
            return replace(typed, type="SUPPORT")
    return typed


_SUPPORTING = frozenset("congratulate apologize apologise thank assure reassure console praise".split())
_SUPPORT_WORDS = frozenset("support solidarity condolence condolences sympathy congratulations "
                           "gratitude thanks".split())


def official_protest(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """A government's or a diplomat's protest ("Tokyo lodged a protest with Pyongyang",
    "China protested the arms sale") is an official complaint (CAMEO 114, PLOVER's
    ACCUSE), not a demonstration: PLOVER's PROTEST is people in the street."""
    word, verb = typed.clause.trigger, typed.clause.verb
    if typed.type != "PROTEST" or word.lemma_.lower() != "protest":
        return typed
    if word.pos_ == "NOUN" and (verb is None or verb.lemma_.lower() not in _LODGE):
        return typed  # "Hong Kong protests", "praised the protests": people in the street
    if word.pos_ != "NOUN" and not any(c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in _PROTESTED
                                       for c in word.children):
        return typed  # "Hong Kong protests:" (a headline): protested nothing to anyone
    sources = [analysis.actors.find(a) for a in typed.clause.source_actors]
    if sources and all(a is not None and (a.sector in _OFFICIAL or a.kind == "country" and not a.sector)
                       for a in sources):
        return replace(typed, type="ACCUSE")
    return typed


_OFFICIAL = frozenset(("GOV", "DIP"))
#: verbs an official protest is made with ("lodged a protest with Pyongyang")
_LODGE = frozenset("lodge file issue deliver register submit send express voice convey".split())
_PROTESTED = frozenset(("to", "with", "against", "over"))


def expulsion(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """ "ordered the French ambassador to leave the country": ordering diplomats out is
    expelling them, a cut in relations (PLOVER's SANCTION, as "expel" is)."""
    word = typed.clause.trigger
    if typed.type != "COERCE" or word.lemma_.lower() not in ("order", "tell") or not typed.clause.target_actors:
        return typed
    leaves = any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _LEAVE for c in word.children)
    if leaves and all(_sector(analysis, a) == "DIP" for a in typed.clause.target_actors):
        return replace(typed, type="SANCTION")
    return typed


_LEAVE = frozenset(("leave", "depart", "quit", "exit"))


def received_from(typed: TypedClause, analysis: "Analysis") -> TypedClause:
    """ "the coalition received financial support from the US military": what is received
    comes from the "from" side, so the recipient is the target, not the source."""
    word = typed.clause.trigger
    if typed.type not in ("AID", "SUPPORT") or word.pos_ != "VERB" or word.lemma_.lower() not in _RECEIVE:
        return typed
    givers = [o for p in word.children if p.dep_ == "prep" and p.lower_ == "from"
              for o in p.children if o.dep_ == "pobj"]
    giver_ids = {analysis.actors.actor_at(t.i) for g in givers for t in g.subtree} - {None}
    clause = typed.clause
    if not giver_ids or not set(clause.target_actors) & giver_ids:
        return typed
    swapped = replace(clause, source=clause.target, target=clause.source)
    return replace(typed, clause=swapped)


_RECEIVE = frozenset(("receive", "get", "obtain", "accept"))


#: what a trigger word means in its clause, when that differs from its usual type
RETYPES = (verbal_attack, hosting, weapons_test, peacekeeping, recalled_mission, permission_given,
           demanded_punishment, call_purpose, official_protest, expulsion, received_from)

_WEAPONS = frozenset(("missile", "rocket", "warhead", "projectile", "weapon"))
_TESTS = frozenset(("test", "testing", "test-fire"))
_SEA = frozenset(("sea", "ocean", "water", "waters", "coast", "coastline"))


def _kind(analysis: "Analysis", actor_id: str) -> str | None:
    actor = analysis.actors.find(actor_id)
    return actor.kind if actor is not None else None


def _sector(analysis: "Analysis", actor_id: str) -> str | None:
    actor = analysis.actors.find(actor_id)
    return actor.sector if actor is not None else None


def _topic(prep: "Token") -> bool:
    """Whether the object of "on" is an issue ("on *his* record", "on taxes"), not a place."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lemma_.lower() in _ISSUES or any(c.dep_ == "poss" for c in obj.children):
            return obj.ent_type_ not in ("GPE", "LOC", "FAC")
    return False
