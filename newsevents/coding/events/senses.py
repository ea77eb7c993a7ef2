"""Word senses of event triggers: what a trigger means in its clause when that
differs from its usual type.

:data:`RETYPES` are steps that retype a typed clause ("attacked him *in a
tweet*" is an accusation, "withdrew its peacekeepers" a sanction).  The clauses
that are no political event at all are :mod:`.rejections`'s.
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


#: what a trigger word means in its clause, when that differs from its usual type
RETYPES = (verbal_attack, peacekeeping, recalled_mission, demanded_punishment)


def _kind(analysis: "Analysis", actor_id: str) -> str | None:
    actor = analysis.actors.find(actor_id)
    return actor.kind if actor is not None else None


def _topic(prep: "Token") -> bool:
    """Whether the object of "on" is an issue ("on *his* record", "on taxes"), not a place."""
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        if obj.lemma_.lower() in _ISSUES or any(c.dep_ == "poss" for c in obj.children):
            return obj.ent_type_ not in ("GPE", "LOC", "FAC")
    return False
