"""What an event noun means under its verb: "*lifted* the sanctions" is a RETREAT,
"*suspended* aid" a SANCTION, "*accepted* the demands" a concession, "*violated* the
ban" a REJECT of whoever made it, a *retaliatory* strike an attack.

The clause builder (:mod:`.event_clauses`) calls :func:`undo_row` on every event
noun with its light verb, then :func:`armed_strike` and :func:`defiance_args`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .event_args import OBJ_DEPS, PASS_SUBJ_DEPS, Arg, merge, np_actors, prep_objects, subject_token
from .event_lexicon import Trigger
from .roles import GROUPS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .base import ActorIndex
    from .event_clauses import Clause

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


def exchange_of_fire(verb: "Token") -> Trigger | None:
    """ "Indian and Pakistani troops exchanged fire", "the two sides traded shots": a
    clash (ASSAULT, mutual), which neither word says alone."""
    if verb.lemma_.lower() not in ("exchange", "trade"):
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() in _SHOTS for c in verb.children):
        return Trigger(pattern=f"{verb.lemma_.lower()} fire", type="ASSAULT", mode=None, pos="verb",
                       flags=frozenset({"fixed"}))
    return None


_SHOTS = frozenset(("fire", "gunfire", "shot", "salvo", "blow", "rocket", "shell"))


def arms_acquired(verb: "Token", index: "ActorIndex") -> tuple[Trigger, Arg, Arg] | None:
    """ "Russia acquired drones from Iran", "bought missiles from North Korea": weapons
    got from someone are military aid from them (as "Iran supplied drones to Russia"):
    the row and the giver and taker, or ``None``."""
    if verb.lemma_.lower() not in _ACQUIRE:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"
               and any(t.lemma_.lower() in _ARMS for t in c.subtree)]
    if not objects:
        return None
    # "from Iran" hangs on the verb or on what was acquired ("drones from Iran")
    sellers = [t for h in (verb, *objects) for t in prep_objects(h, frozenset({"from"}))]
    giver = merge(*(np_actors(t, index) for t in sellers))
    subj = subject_token(verb)
    taker = np_actors(subj, index) if subj is not None else None
    if giver is None or taker is None:
        return None
    row = Trigger(pattern=f"{verb.lemma_.lower()} from", type="AID", mode="military", pos="verb",
                  flags=frozenset({"fixed"}))
    return row, giver, taker


_ACQUIRE = frozenset(("acquire", "buy", "purchase", "obtain", "import", "receive", "get"))
#: what is acquired when an acquisition is an arms transfer
_ARMS = frozenset("weapon arm drone missile rocket munition ammunition shell tank jet warplane "
                  "fighter helicopter artillery howitzer launcher system".split())


def road_block(verb: "Token", index: "ActorIndex") -> Trigger | None:
    """ "Young Algerians blocked roads to the city centre", "workers blocked the bridge":
    people blocking a road is a protest (PLOVER's PROTEST/blockade); forces or a state
    closing one is not."""
    if verb.lemma_.lower() not in ("block", "barricade", "blockade"):
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in _ROADS for c in verb.children):
        return None
    subj = subject_token(verb)
    doers = np_actors(subj, index) if subj is not None else None
    if doers is None:
        return None
    # "supporters of former President Ben Bella": the supporters, not the president
    sector = GROUPS.get(subj.lemma_.lower()) if subj is not None else None
    if sector in _STATE_ARMS or sector is None and any(index.get(a).sector in _STATE_ARMS
                                                        for a in doers.actors):
        return None
    return Trigger(pattern=f"{verb.lemma_.lower()} road", type="PROTEST", mode="blockade", pos="verb",
                   flags=frozenset({"fixed"}))


def _against(noun: "Token") -> bool:
    """Whether a rally is against something ("a rally against the law", "to protest …")."""
    return any(c.dep_ == "prep" and c.lower_ in ("against", "over") or
               c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in _PROTEST_VERBS
               for c in noun.children) or any(
        s.dep_ == "advcl" and s.lemma_.lower() in _PROTEST_VERBS for s in noun.head.head.children)


#: protest nouns that also name a campaign event, and the verbs that make one a protest
_CAMPAIGN_WORDS = frozenset(("rally", "march", "gathering"))
_PROTEST_VERBS = frozenset("protest demand denounce condemn oppose press demonstrate".split())


_ROADS = frozenset("road street highway motorway bridge railway rail route entrance crossing port "
                   "junction roundabout access traffic transport".split())
_STATE_ARMS = frozenset(("MIL", "COP", "GOV", "SPY", "JUD"))


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
    if people is None or any(index.get(a).sector in _STATE_ARMS for a in people.actors):
        return None
    return people


def state_blockade(clause: "Clause", index: "ActorIndex") -> None:
    """ "Israel reimposed blockades in the West Bank": a blockade or siege laid by a state
    or its forces is coercion (PLOVER's COERCE/blockade), not a protest."""
    if clause.row is None or clause.row.type != "PROTEST" or clause.source is None \
            or clause.trigger.lemma_.lower() not in ("blockade", "siege"):
        return
    if all(index.get(a).kind == "country" or index.get(a).sector in _STATE_ARMS
           for a in clause.source.actors):
        clause.row = row_as("state", clause.row, "COERCE", fixed=True)


def vowed_violence(governor: "Token", governor_row: Trigger, clause_row: Trigger | None) -> Trigger:
    """ "Ethnic Albanians have sworn to fight until …", "the rebels vowed to attack the
    capital": a promise of violence or coercion is a threat (PLOVER's THREATEN), and not
    an ambiguous one; any other promise keeps the governor's own row."""
    if governor.lemma_.lower() in _VOW and clause_row is not None and clause_row.type in _VIOLENCE:
        return Trigger(pattern=f"{governor.lemma_.lower()} to {clause_row.pattern}", type="THREATEN",
                       mode=None, pos="verb", flags=frozenset({"control", "fixed"}))
    return governor_row


_VOW = frozenset(("vow", "swear", "pledge", "promise"))
_VIOLENCE = frozenset(("ASSAULT", "COERCE", "SANCTION"))


def peacekeepers_present(verb: "Token") -> Trigger | None:
    """ "Japanese peacekeepers arrived in Juba", "Irish soldiers served in Lebanon as
    peacekeepers", "troops participate in peacekeeping operations in Mali": keeping the
    peace in a country is aid to it (PLOVER's AID, mode peacekeeping)."""
    takes_part = verb.lemma_.lower() == "take" and any(c.dep_ == "dobj" and c.lower_ == "part"
                                                        for c in verb.children)
    if verb.lemma_.lower() not in _PRESENT and not takes_part:
        return None
    subj = subject_token(verb)
    words = [t.lower_ for t in (subj.subtree if subj is not None else ())]
    words += [t.lower_ for c in verb.children if c.dep_ in ("prep", "advcl") for t in c.subtree]
    if not any(w.startswith("peacekeep") for w in words):
        return None
    return Trigger(pattern=f"peacekeepers {verb.lemma_.lower()}", type="AID", mode="peacekeeping",
                   pos="verb", flags=frozenset({"fixed"}))


_PRESENT = frozenset(("arrive", "deploy", "serve", "participate", "land", "operate", "station"))


def troops_leaving(verb: "Token", index: "ActorIndex") -> Trigger | None:
    """ "American troops have begun leaving Afghanistan", "the last Russian soldiers left
    Moldova": forces leaving a country withdraw from it (PLOVER's RETREAT)."""
    if verb.lemma_.lower() not in _LEAVE:
        return None
    subj = subject_token(verb)
    if subj is None or GROUPS.get(subj.lemma_.lower()) != "MIL":
        return None
    left = [c for c in verb.children if c.dep_ == "dobj" and index.actor_at(c.i) is not None
            and index.get(index.actor_at(c.i)).kind == "country"]
    if not left:
        return None
    return Trigger(pattern=f"troops {verb.lemma_.lower()}", type="RETREAT", mode=None, pos="verb",
                   flags=frozenset({"fixed"}))


_LEAVE = frozenset(("leave", "quit", "exit", "evacuate"))
