"""What an event noun means under its verb: "*lifted* the sanctions" is a RETREAT,
"*suspended* aid" a SANCTION, "*accepted* the demands" a concession, "*violated* the
ban" a REJECT of whoever made it, a *retaliatory* strike an attack.

The clause builder (:mod:`.event_clauses`) calls :func:`undo_row` on every event
noun with its light verb, then :func:`armed_strike` and :func:`defiance_args`; a
protest noun gets its protesters from :func:`protest_joiners` ("gathered for a rally
against the law"), and a blockade laid by a state is coercion (:func:`state_blockade`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab.roles import STATE_ARMS
from .args import OBJ_DEPS, PASS_SUBJ_DEPS, Arg, merge, np_actors, subject_token
from .lexicon import Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import ActorIndex
    from .types import Clause

#: event types of hostile measures that a retreat undoes ("lifted the sanctions")
_HOSTILE = frozenset({"COERCE", "SANCTION", "PROTEST", "ASSAULT", "THREATEN", "MOBILIZE"})
#: event types of cooperation that a sanction stops or a rejection calls off
_COOPERATIVE = frozenset({"AID", "CONSULT", "COOPERATE", "AGREE"})
#: verbs (lemma, or lemma + particle) that undo the event their object names, and the type
#: of the undoing for hostile and for cooperative objects ("lifted the embargo": RETREAT,
#: "suspended aid": SANCTION, "cancelled the visit": REJECT); None: no such reading
_UNDO: dict[str, tuple[str | None, str | None]] = {
    **{v: ("RETREAT", None) for v in "lift ease relax revoke repeal rescind remove scrap".split()},
    **{v: (None, "SANCTION") for v in "suspend halt freeze sever".split()},
    # "cut tariffs" eases a hostile measure; "cut aid" withholds a friendly one
    **{v: ("RETREAT", "SANCTION") for v in "cut reduce lower slash".split()},
    "roll back": ("RETREAT", None),
    **{v: (None, "REJECT") for v in ("cancel", "postpone")},
    "end": ("RETREAT", "SANCTION"),
    "call off": ("RETREAT", "REJECT"),
}
#: verbs that grant demands ("accepted the protesters' demands"): a concession, carried out
#: (RETREAT) or promised (the stage makes it CONCEDE by status); an accepted *request* is
#: rather an agreement, left to the verb
_GRANT = frozenset("accept meet grant heed fulfil fulfill satisfy".split())
#: verbs that break a rule: a broken ceasefire is fighting (ASSAULT), not its declaration;
#: a broken ban or agreement is defied (REJECT)
_BREAK = frozenset("violate break breach flout defy".split())
#: nouns that make an agreement a ceasefire ("the ceasefire agreement")
_TRUCES = frozenset(("ceasefire", "truce", "armistice"))


def undo_row(noun: "Token", verb: "Token | None", row: Trigger) -> Trigger:
    """The row of an event noun under a verb that undoes it ("*lifted* the sanctions" is a
    RETREAT, "*suspended* aid" a SANCTION, "*cancelled* the visit" a REJECT) or grants it
    ("*accepted* the demands" is a RETREAT); ``row`` otherwise."""
    if verb is None or row.type is None:
        return row
    lemma = verb.lemma_.lower()
    if lemma in _BREAK and (row.mode == "ceasefire" or any(
            c.dep_ == "compound" and c.lemma_.lower() in _TRUCES for c in noun.children)):
        return row_as(lemma, row, "ASSAULT", fixed=True)  # "violated the ceasefire (agreement)": fighting
    if lemma in _BREAK and noun.dep_ in OBJ_DEPS | PASS_SUBJ_DEPS:
        # "violated the UN ban", "breached the agreement": defying it (CAMEO 12, REJECT),
        # which the classifier, hearing "agreement", must not overrule
        return row_as(lemma, row, "REJECT", fixed=True)
    if row.pattern == "demand" and lemma in _GRANT and noun.dep_ in OBJ_DEPS:
        return row_as(lemma, row, "RETREAT")
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    undo = _UNDO.get(f"{lemma} {prt}") if prt else _UNDO.get(lemma)
    if undo is None:
        return row
    new = undo[0] if row.type in _HOSTILE else undo[1] if row.type in _COOPERATIVE else None
    return row if new is None else row_as(lemma, row, new)


def row_as(verb_lemma: str, row: Trigger, event_type: str, fixed: bool = False) -> Trigger:
    """The noun's row retyped by its verb ("lift sanction" as RETREAT); ``fixed``: a
    reading the classifier does not overrule."""
    return Trigger(pattern=f"{verb_lemma} {row.pattern}", type=event_type, mode=None, pos="noun",
                   flags=frozenset({"fixed"} if fixed else ()))


def defiance_args(clause: "Clause", verb: "Token", index: "ActorIndex") -> None:
    """ "Pyongyang violated a ban by the UN": the one who defies the rule rejects whoever
    made it (the noun's own actors), not the other way round."""
    subj = subject_token(verb)
    defier = np_actors(subj, index) if subj is not None else None
    if defier is None:
        return
    made_by = [a for a in (clause.source, clause.target) if a is not None and a.actors != defier.actors]
    clause.source, clause.target = defier, merge(*made_by)


def armed_strike(clause: "Clause", index: "ActorIndex") -> bool:
    """A strike by armed forces or a state, or called military, missile, retaliatory …,
    is an attack ("Israel's air force carried out strikes against Hamas"), not a walkout."""
    word = clause.trigger
    if clause.row is None or clause.row.type != "PROTEST" or word.lemma_.lower() != "strike":
        return False
    if any(c.lemma_.lower() in _ARMED_STRIKES for c in word.children if c.dep_ in ("amod", "compound")):
        return True
    sources = [index.find(a) for a in clause.source_actors]
    return bool(sources) and all(a is not None and (a.sector in _ARMED or a.kind == "country")
                                 for a in sources)


_ARMED = frozenset(("MIL", "REB", "SPY"))
_ARMED_STRIKES = frozenset("military missile rocket artillery retaliatory precision preemptive pre-emptive "
                           "targeted punitive naval aerial".split())


def _against(noun: "Token") -> bool:
    """Whether a rally is against something ("a rally against the law", "to protest …")."""
    return any(c.dep_ == "prep" and c.lower_ in ("against", "over") or
               c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in _PROTEST_VERBS
               for c in noun.children) or any(
        s.dep_ == "advcl" and s.lemma_.lower() in _PROTEST_VERBS for s in noun.head.head.children)


#: protest nouns that also name a campaign event, and the verbs that make one a protest
_CAMPAIGN_WORDS = frozenset(("rally", "march", "gathering"))
_PROTEST_VERBS = frozenset("protest demand denounce condemn oppose press demonstrate".split())


def protest_joiners(noun: "Token", index: "ActorIndex") -> Arg | None:
    """ "Nigerians converged for a rally", "youths threw stones during demonstrations": the
    people of the verb a protest noun hangs on are its protesters (unless they are the
    state's forces: "police fired on them during the protest")."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("in", "for", "during", "at", "into", "to"):
        return None
    if noun.lemma_.lower() in _CAMPAIGN_WORDS and not _against(noun):
        return None  # "told supporters at a rally": a campaign rally, no protest
    verb, subj = head.head, None
    for _ in range(3):  # "resorted to throwing stones during …": up to the verb with a subject
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        subj = subject_token(verb) or (verb.head if verb.dep_ == "acl" else None)
        if subj is not None or verb.dep_ not in ("pcomp", "xcomp", "advcl"):
            break
        verb = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    people = np_actors(subj, index) if subj is not None else None
    if people is None or any(index.get(a).sector in STATE_ARMS for a in people.actors):
        return None
    return people


def state_blockade(clause: "Clause", index: "ActorIndex") -> None:
    """ "Israel reimposed blockades in the West Bank": a blockade or siege laid by a state
    or its forces is coercion (PLOVER's COERCE/blockade), not a protest."""
    if clause.row is None or clause.row.type != "PROTEST" or clause.source is None \
            or clause.trigger.lemma_.lower() not in ("blockade", "siege"):
        return
    if all(index.get(a).kind == "country" or index.get(a).sector in STATE_ARMS
           for a in clause.source.actors):
        clause.row = row_as("state", clause.row, "COERCE", fixed=True)


