"""What a verb means with its object, where no lexicon row says it.

Readings of a verb and what it acts on or who does it: "exchanged fire" is a
clash, "acquired drones from Iran" military aid from Iran, people "blocked the
road" a protest, "vowed to attack" a threat, peacekeepers "arrived in" a country
aid to it, troops "left" a country a withdrawal; and verbs that judge the event
their object names ("condemned the arrests"), whose subject did not do it.
Each returns a lexicon :class:`~.event_lexicon.Trigger` (or ``None``) for
:mod:`.event_clauses` to use as the clause's row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab.roles import GROUPS, STATE_ARMS
from .args import Arg, merge, np_actors, prep_objects, subject_token
from .lexicon import Lexicon, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import ActorIndex


def _has_object(verb: "Token", lemmas: frozenset[str]) -> bool:
    """Whether ``verb`` has a direct object whose lemma is one of ``lemmas``."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lemmas for c in verb.children)


def exchange_of_fire(verb: "Token") -> Trigger | None:
    """ "Indian and Pakistani troops exchanged fire", "the two sides traded shots": a
    clash (ASSAULT, mutual), which neither word says alone."""
    if verb.lemma_.lower() not in ("exchange", "trade"):
        return None
    if _has_object(verb, _SHOTS):
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
    if not _has_object(verb, _ROADS):
        return None
    subj = subject_token(verb)
    doers = np_actors(subj, index) if subj is not None else None
    if doers is None:
        return None
    # "supporters of former President Ben Bella": the supporters, not the president
    sector = GROUPS.get(subj.lemma_.lower()) if subj is not None else None
    if sector in STATE_ARMS or sector is None and any(index.get(a).sector in STATE_ARMS
                                                        for a in doers.actors):
        return None
    return Trigger(pattern=f"{verb.lemma_.lower()} road", type="PROTEST", mode="blockade", pos="verb",
                   flags=frozenset({"fixed"}))


_ROADS = frozenset("road street highway motorway bridge railway rail route entrance crossing port "
                   "junction roundabout access traffic transport".split())


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


def territory_taken(verb: "Token") -> Trigger | None:
    """ "Ukrainian forces recaptured the town of Lyman", "troops captured part of a rebel
    stronghold": taking ground by force is an attack (PLOVER's ASSAULT, as the GSR codes
    it), not a seizure of goods (COERCE: "seized a tanker")."""
    if verb.lemma_.lower() not in _TAKE:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    places = [o for o in objects if o.lemma_.lower() in _GROUND or o.ent_type_ in ("GPE", "LOC", "FAC")
              or any(g.dep_ == "pobj" and g.lemma_.lower() in _GROUND for p in o.children
                     if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)]
    if not places:
        return None
    return Trigger(pattern=f"{verb.lemma_.lower()} ground", type="ASSAULT", mode="occupy", pos="verb",
                   flags=frozenset({"fixed"}))


#: not "take" (a team "took over Washington", "take on China")
_TAKE = frozenset(("capture", "recapture", "retake", "seize", "overrun"))
_GROUND = frozenset("town city village territory area region district province stronghold base "
                    "airport port hill position outpost border crossing enclave capital".split())


def cyber_breach(verb: "Token") -> Trigger | None:
    """ "hackers breached the networks of the parliament": a break-in to computers is a
    cyber attack (PLOVER's COERCE/cyber), not a broken agreement."""
    if verb.lemma_.lower() not in ("breach", "penetrate", "infiltrate", "compromise"):
        return None
    if _has_object(verb, _SYSTEMS):
        return Trigger(pattern=f"{verb.lemma_.lower()} network", type="COERCE", mode="cyber", pos="verb",
                       flags=frozenset({"fixed"}))
    return None


_SYSTEMS = frozenset("network system server computer database account email e-mail website site "
                     "infrastructure grid".split())


def ties_cut(verb: "Token") -> Trigger | None:
    """ "Saudi Arabia cut diplomatic ties with Qatar", "severed relations": reducing or
    breaking relations is a SANCTION (CAMEO 161)."""
    if verb.lemma_.lower() not in _CUT_TIES:
        return None
    if _has_object(verb, _TIES):
        return Trigger(pattern=f"{verb.lemma_.lower()} ties", type="SANCTION", mode="relations",
                       pos="verb", flags=frozenset({"fixed"}))
    return None


_CUT_TIES = frozenset("cut sever break downgrade suspend freeze end".split())
_TIES = frozenset(("tie", "ties", "relation", "relations"))


def says(verb: "Token", lex: Lexicon) -> bool:
    """Whether ``verb`` is a speech act about its object ("denied the attack", "accused")."""
    row = lex.lookup(verb)
    return row is not None and row.is_speech


def judges_event(verb: "Token", lex: Lexicon) -> bool:
    """ "condemned the arrests", "rejected the proposal", "welcomed the ceasefire": a verb
    that judges the event its object names (one that breaks it, "violated the truce",
    or reports it, "denied the attack", is the doer's)."""
    lemma = verb.lemma_.lower()
    if lemma in _PRAISE:
        return True
    row = lex.lookup(verb)
    return row is not None and row.type in ("ACCUSE", "REJECT") and not row.is_speech \
        and lemma not in _BREAK_VERBS


_PRAISE = frozenset("praise welcome hail applaud commend salute".split())


_BREAK_VERBS = frozenset("violate break breach flout defy".split())


def judges_object(verb: "Token") -> bool:
    """ "called the charges unsubstantiated", "declared the strike illegal": the verb says
    what its object is; its subject does not do what the object names."""
    return any(c.dep_ == "oprd" or (c.dep_ in ("xcomp", "acomp", "attr") and c.pos_ in ("ADJ", "NOUN"))
               for c in verb.children)
