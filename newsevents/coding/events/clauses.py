"""Candidate event clauses of a sentence: trigger, governor, source and target.

A :class:`Clause` is one possible event before it is typed: the word that
names it (a verb, or an event noun such as "airstrike", "sanctions",
"talks"), the verb that carries its subject when the noun is the object of
a light verb ("held *talks*", "imposed *sanctions*"), the controlling verb
that may set its type ("*threatened* to strike", "*refused* to withdraw"),
the speech act that reports it ("*denied* arming", "*accused* Y of …"), and
its source and target actors (:mod:`newsevents.coding.events.args`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .args import (JOINT_PREPS, OBJ_DEPS, PASS_SUBJ_DEPS, SUBJ_DEPS, TARGET_PREPS, Arg, agent_token,
                   merge, np_actors, prep_objects, subject_token)
from .lexicon import Lexicon, Trigger
from .nouns import armed_strike, defiance_args, protest_joiners, row_as, state_blockade, undo_row
from .types import Clause
from .verbs import (arms_acquired, cyber_breach, exchange_of_fire, judges_event, judges_object,
                    peacekeepers_present, road_block, says, territory_taken, ties_cut,
                    troops_leaving, vowed_violence)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..base import ActorIndex

_VERB_POS = frozenset({"VERB"})
#: verbs that report, state or link and never name a PLOVER event themselves
NON_EVENT_VERBS = frozenset(
    "say tell report state add note claim write explain argue insist be have become remain seem "
    "appear know think believe describe quote cite comment suggest mention reply respond "
    "show include want need expect hope feel see look get go come make take do use".split())
#: heads of complements that a speech act or controller passes its clause to
_COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp"})
#: a noun trigger's modifiers that name its source ("Israeli airstrikes", "Russia's invasion")
_NOUN_SOURCE_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
#: possessive pronouns that make an object the subject's own ("its troops")
_OWN = frozenset({"its", "their", "our", "his", "her", "my"})
#: verbs of saying whose pronoun-subject complement speaks of the speaker ("X said it would …")
_REPORT_VERBS = frozenset("say announce state add tell claim insist warn confirm declare pledge "
                          "vow promise threaten affirm reiterate stress argue conclude maintain "
                          "write note emphasize emphasise underline".split())
#: which actor kinds a subject pronoun may stand for
_PRONOUN_KINDS: dict[str, frozenset[str]] = {
    "it": frozenset({"country", "organization"}),
    "they": frozenset({"organization", "group"}),
    "we": frozenset({"country", "organization", "group"}),
    "he": frozenset({"person"}), "she": frozenset({"person"}),
}
#: verbs whose subject undergoes what their object names ("Iran faces new sanctions",
#: "the convoy suffered an attack"): the subject is the target
_UNDERGO = frozenset("face suffer endure undergo sustain".split())
#: verbs of doing something to someone with/of something: with no object, the subject is
#: the one it is done to (a headline's reduced passive: "Hong Kong threatened with
#: intervention", "minister accused of graft")
_DONE_TO = {"threaten": "with", "accuse": "of", "charge": "with", "suspect": "of", "convict": "of",
            "hit": "with", "slap": "with"}
#: verbs that always take an object: with none, and no passive of their own, the subject is
#: the one it is done to (headlines: "US helicopter shot down", "aid workers kidnapped")
_OBJECT_ONLY = frozenset("kill capture arrest detain abduct kidnap wound injure destroy seize "
                         "execute deport expel jail oust topple behead".split())
#: intransitive uses that still act on something ("shot at the crowd", "fired on protesters")
_AIMED = frozenset(("at", "on", "into", "upon"))
#: types of event nouns that go from someone to someone ("Japan's aid to Tonga", "support
#: from the Republicans for the bill"): "from/of/by" give the source, "for/to" the target
_BENEFITS = frozenset({"SUPPORT", "AID"})
#: types of event nouns whose place ("in Syria") is their target when none is named
_PLACE_TARGETS = frozenset({"ASSAULT", "AID"})
#: nouns that count or group events ("a round of talks", "a wave of strikes")
_MEASURES = frozenset("round series wave spate string flurry set number campaign".split())
#: verbs of state whose subject does what the noun after "on" names ("went on strike")
_STATE_VERBS = frozenset("go remain stay be put place keep".split())


def _complement(tok: "Token") -> "Token | None":
    """The predicate of ``tok``'s complement clause ("refused *to withdraw*", "accused … *of attacking*")."""
    for child in tok.children:
        if child.dep_ in _COMPLEMENT_DEPS and child.pos_ in ("VERB", "AUX", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "for"):
            for gc in child.children:
                if gc.dep_ == "pcomp" and gc.pos_ == "VERB":
                    return gc
    return None


def _event_object(verb: "Token", lex: Lexicon) -> "Token | None":
    """An event noun that is the object of ``verb`` ("launched *airstrikes*")."""
    for child in verb.children:
        if child.dep_ in OBJ_DEPS and child.pos_ == "NOUN":
            row = lex.lookup(child)
            if row is not None and row.type:
                return child
    return None


def _controller(tok: "Token", lex: Lexicon) -> tuple["Token | None", Trigger | None, "Token | None"]:
    """The controlling verb and the speech act above ``tok``, if any."""
    governor = governor_row = speech = None
    cur, hops = tok, 0
    while cur.dep_ in _COMPLEMENT_DEPS | {"dobj", "pobj"} and hops < 3:
        head = cur.head if cur.dep_ != "pcomp" else cur.head.head
        if cur.dep_ == "pobj":
            break
        row = lex.lookup(head)
        if row is not None and row.is_speech:
            speech = head
            break
        if row is not None and row.is_control and governor is None:
            governor, governor_row = head, row
        if cur.dep_ == "dobj":
            break
        cur, hops = head, hops + 1
    return governor, governor_row, speech


#: verbs that judge the event they take as object, an event of their own
_JUDGING = frozenset({"SUPPORT", "ACCUSE", "REJECT"})


def _skip_verb(tok: "Token", row: Trigger | None, lex: Lexicon, with_model: bool) -> bool:
    """Whether a verb is not a clause of its own (light verb, controller, non-event)."""
    lemma = tok.lemma_.lower()
    if lemma in NON_EVENT_VERBS and (row is None or row.type is None):
        return True
    light = row is None or row.type is None or (row.is_weak and row.type not in _JUDGING)
    if light and _event_object(tok, lex) is not None and not judges_object(tok):
        return True  # "launched airstrikes": the noun is the clause ("backed the plan" is not)
    if row is not None and row.is_control and not row.is_speech:
        comp = _complement(tok)
        if comp is not None and comp.pos_ == "VERB" and comp.lemma_.lower() not in NON_EVENT_VERBS:
            return True  # "threatened to strike": the complement carries it
    return row is None and not with_model


def _reported_speaker(subj: "Token", pred: "Token", index: "ActorIndex") -> Arg | None:
    """The speaker of a report whose subject is a pronoun that stands for it ("Turkey says
    *it* will launch …", "the rebels said *they* would free …"); ``None`` otherwise."""
    kinds = _PRONOUN_KINDS.get(subj.lower_)
    if kinds is None or pred.dep_ != "ccomp" or pred.head.lemma_.lower() not in _REPORT_VERBS:
        return None
    speaker = subject_token(pred.head)
    arg = np_actors(speaker, index) if speaker is not None else None
    if arg is None or len(arg.actors) != 1:
        return None
    actor = index.find(arg.actors[0])
    return arg if actor is not None and actor.kind in kinds else None


def _undergoes(tok: "Token", depth: int = 0) -> bool:
    """Whether the subject of ``tok`` is acted upon (see ``_UNDERGO`` and ``_DONE_TO``)."""
    lemma = tok.lemma_.lower()
    if lemma in _UNDERGO:
        return True
    deps = {c.dep_ for c in tok.children}
    # an object, a clause, or a passive of its own ("was charged with") is parsed as usual
    if deps & (OBJ_DEPS | PASS_SUBJ_DEPS | {"agent", "auxpass", "ccomp", "xcomp"}):
        return False
    if "nsubj" not in deps:  # "shot down and destroyed": a conjunct shares its head's reading
        # (a few conjuncts up at most: a run-on chain of "and …" must not recurse deeply)
        return (tok.dep_ == "conj" and tok.head.pos_ == "VERB" and depth < 4
                and _undergoes(tok.head, depth + 1))
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    if lemma in _DONE_TO:
        return _DONE_TO[lemma] in preps
    shot_down = lemma == "shoot" and any(c.dep_ == "prt" or c.lower_ == "down" for c in tok.children)
    return (lemma in _OBJECT_ONLY or shot_down) and not preps & _AIMED


def _verb_args(tok: "Token", index: "ActorIndex") -> tuple[Arg | None, Arg | None]:
    if _undergoes(tok):
        subj = subject_token(tok)
        target = np_actors(subj, index) if subj is not None else None
        return merge(*(np_actors(t, index) for t in prep_objects(tok, frozenset({"from", "by"})))), target
    subj = subject_token(tok)
    source = np_actors(subj, index) if subj is not None else None
    if source is None and subj is not None and subj.pos_ == "PRON":
        source = _reported_speaker(subj, tok, index)
    agent = agent_token(tok)
    if agent is not None:  # passive: the agent acts
        source = merge(np_actors(agent, index), source)
    # the passive subject undergoes it ("villages were shelled")
    targets = [c for c in tok.children if c.dep_ in PASS_SUBJ_DEPS]
    for obj in (c for c in tok.children if c.dep_ in OBJ_DEPS):
        if not any(c.dep_ == "poss" and c.lower_ in _OWN for c in obj.children):
            targets.append(obj)  # "withdrew *its* troops": the source's own, not a target
        targets += prep_objects(obj, TARGET_PREPS - {"of"})  # "eased restrictions on X"
    targets += prep_objects(tok, TARGET_PREPS)
    for comp in tok.children:  # "found X guilty": the small clause's subject
        if comp.dep_ in ("ccomp", "oprd") and comp.pos_ == "ADJ":
            targets += [c for c in comp.children if c.dep_ in SUBJ_DEPS]
    target = merge(*(np_actors(t, index) for t in targets))
    return source, target


def _responsible(noun: "Token") -> "Token | None":
    """The copula of "X was responsible for the attacks", whose subject did them."""
    prep = noun.head
    adj = prep.head
    if (noun.dep_ == "pobj" and prep.lower_ == "for" and adj.lemma_.lower() == "responsible"
            and adj.dep_ == "acomp"):
        return adj.head
    return None


#: nouns of a pursuit whose "for" names the one pursued
_SOUGHT = frozenset(("warrant", "manhunt", "hunt", "search", "bounty"))


def _noun_args(noun: "Token", verb: "Token | None", index: "ActorIndex") -> tuple[Arg | None, Arg | None]:
    mods = [c for c in noun.children if c.dep_ in _NOUN_SOURCE_DEPS and index.actor_at(c.i)]
    source = merge(*(np_actors(m, index) for m in mods))
    copula = _responsible(noun) if source is None else None
    if copula is not None:
        subj = subject_token(copula)
        source = np_actors(subj, index) if subj is not None else None
    source = merge(source, *(np_actors(t, index) for t in prep_objects(noun, JOINT_PREPS)))
    # "the minister faces criticism from the UN": what is undergone comes from its "from"
    undergone = verb is not None and _undergoes(verb)
    givers = frozenset({"by", "from"}) if undergone else frozenset({"by"})
    source = merge(source, *(np_actors(t, index) for t in prep_objects(noun, givers)))
    target_toks = prep_objects(noun, TARGET_PREPS - givers)
    if noun.lemma_.lower() in _SOUGHT:  # "an arrest warrant for the minister"
        target_toks += prep_objects(noun, frozenset({"for"}))
    if verb is not None:
        v_source, v_target = _verb_args(verb, index)
        if source is None:
            source = v_source
        subj = subject_token(verb) if undergone else None
        if subj is not None:  # "the minister faces charges": they are aimed at the minister
            target_toks.append(subj)
        target_toks += prep_objects(verb, TARGET_PREPS - {"of"})
        target_toks += [c for c in verb.children if c.dep_ in ("dative", "iobj")]
        if _used_as(noun):  # what is used as a shield is what it is done to
            target_toks += [c for c in verb.children if c.dep_ == "dobj"]
    target = merge(*(np_actors(t, index) for t in target_toks))
    return source, target


_RECEIVE = frozenset(("receive", "get", "obtain", "win", "secure"))


def _benefit_args(noun: "Token", verb: "Token | None", index: "ActorIndex") -> tuple[Arg | None, Arg | None]:
    """Source and target of a support or aid noun (see ``_BENEFITS``)."""
    mods = [c for c in noun.children if c.dep_ in _NOUN_SOURCE_DEPS and index.actor_at(c.i)]
    # "the support of the party" is the party's; "her support of the war" is for the war
    of_gives = not mods
    givers = prep_objects(noun, frozenset({"from", "by", "of"} if of_gives else {"from", "by"}))
    source = merge(*(np_actors(t, index) for t in (*mods, *givers)))
    target_toks = prep_objects(noun, frozenset({"for", "to"} if of_gives else {"for", "to", "of"}))
    if verb is not None and verb.lemma_.lower() in _RECEIVE:
        # "the coalition received support from the US": the subject got it
        subj = subject_token(verb)
        target_toks += [subj] if subj is not None else []
        givers_of_verb = prep_objects(verb, frozenset({"from"}))
        source = source or merge(*(np_actors(t, index) for t in givers_of_verb))
    elif verb is not None:
        v_source, _ = _verb_args(verb, index)
        source = source or v_source
        target_toks += prep_objects(verb, frozenset({"to", "for"}))
        target_toks += [c for c in verb.children if c.dep_ in ("dative", "iobj")]
    return source, merge(*(np_actors(t, index) for t in target_toks))


def _place_target(heads: list["Token"], index: "ActorIndex", aid: bool = False) -> Arg | None:
    """The country of "killings in northern Mexico", "airstrikes in Syria", "assistance in
    Iraq": with no one else named, violence or aid is aimed at the place it happens in
    (as event data codes it).  Aid is aimed at the country its recipients are in, however
    deep in the clause they are named ("gave $5m to help families in Chad", "flew
    medicine into Yemen")."""
    objs = [o for h in heads for o in prep_objects(h, frozenset({"in"}))]
    if aid:
        objs += sorted((o for h in heads for o in _nested_place_objects(h)), key=lambda t: t.i)
    for obj in objs:
        arg = np_actors(obj, index)
        if arg is None:
            continue
        actors = [index.find(a) for a in arg.actors]
        if all(a is not None and a.kind == "country" for a in actors):
            return arg
    return None


def _nested_place_objects(head: "Token") -> list["Token"]:
    """Objects of "in/into/to" under ``head``, in its own clause and its purpose clauses,
    outside its subject (conjoined clauses are other events; the walk is bounded, as
    run-on sentences in hostile input can be thousands of tokens long)."""
    out: list["Token"] = []
    todo = [c for c in head.children if c.dep_ not in _NOT_NESTED and c.dep_ != "conj"]
    seen = 0
    while todo and seen < _NESTED_MAX:
        tok = todo.pop()
        seen += 1
        if tok.dep_ == "prep" and tok.lower_ in ("in", "into", "to"):
            out.extend(c for c in tok.children if c.dep_ == "pobj")
        todo.extend(c for c in tok.children if c.dep_ not in _NOT_NESTED
                    and not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")))
    return out


_NOT_NESTED = SUBJ_DEPS | PASS_SUBJ_DEPS | {"ccomp", "parataxis", "punct"}
_NESTED_MAX = 60


def _used_as(noun: "Token") -> bool:
    """ "used civilians *as* human shields": the verb's subject does it to its object."""
    head = noun.head
    return (noun.dep_ == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB"
            and head.head.lemma_.lower() in _USING)


#: verbs that use someone as something
_USING = frozenset(("use", "hold", "keep", "take", "exploit"))


def _light_verb(noun: "Token") -> "Token | None":
    """The verb whose subject does what ``noun`` names: its object's verb ("imposed
    *sanctions*"), or a verb of state with the noun after "on" ("went on *strike*",
    "remained on *alert*")."""
    head = noun.head
    # "began a new round of joint exercises", "launched a wave of strikes": through the measure
    if (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in _MEASURES
            and head.head.dep_ in OBJ_DEPS):
        noun, head = head.head, head.head.head
    if noun.dep_ in OBJ_DEPS and head.pos_ == "VERB" and not judges_object(head):
        return head
    if _used_as(noun):  # "held civilians as human shields"
        return head.head
    if (noun.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in ("VERB", "AUX")
            and head.head.lemma_.lower() in _STATE_VERBS):
        return head.head
    return None


def _fallback_target(tok: "Token", index: "ActorIndex") -> Arg | None:
    """An actor right after the trigger when the parse attached it elsewhere."""
    doc = tok.doc
    for i in range(tok.i + 1, min(tok.i + 4, tok.sent.end)):
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX", "ADP", "SCONJ"):
            return None
        actor = index.actor_at(i)
        if actor is not None:
            return np_actors(doc[i], index) or Arg((actor,), (i, i + 1))
    return None


def _governor_args(clause: Clause, index: "ActorIndex") -> None:
    """'Poland urged Germany to send tanks': the request is Poland's, made to Germany."""
    gov = clause.governor
    subj = subject_token(gov)
    source = np_actors(subj, index) if subj is not None else None
    objs = [c for c in gov.children if c.dep_ in OBJ_DEPS and c.pos_ != "VERB"]
    objs += prep_objects(gov, frozenset({"on", "to", "with", "against"}))
    target = merge(*(np_actors(o, index) for o in objs))
    asked = clause.source  # the governed clause's own doer
    if source is not None or subj is not None:
        # "a spokeswoman urged the US to stop …": the request is hers, whoever she
        # is; the clause's own subject (the US, asked to stop) is not who asked
        clause.source = source
    if target is not None:
        clause.target = target
    elif clause.governor_row.type == "REQUEST" and asked is not None \
            and (source is None or set(asked.actors) - set(source.actors)):
        clause.target = asked  # "Mexico demanded that the US prove …": the US is asked
    clause.trigger_override = gov


def sentence_clauses(sent: "SpacySpan", index: "ActorIndex", lex: Lexicon,
                     with_model: bool) -> list[Clause]:
    """Every candidate event clause of one sentence, in text order."""
    out: list[Clause] = []
    for tok in sent:
        row = lex.lookup(tok)
        if tok.pos_ in _VERB_POS:
            # verb readings no lexicon row gives ("take part in peacekeeping", "troops left Chad")
            reading = peacekeepers_present(tok) or troops_leaving(tok, index) or territory_taken(tok) \
                or cyber_breach(tok) or ties_cut(tok)
            if reading is None and _skip_verb(tok, row, lex, with_model):
                continue
            blocked = road_block(tok, index) if row is None or row.type == "COERCE" else None
            clause = Clause(trigger=tok, row=blocked or reading or row or exchange_of_fire(tok))
            clause.source, clause.target = _verb_args(tok, index)
            bought = arms_acquired(tok, index)
            if bought is not None:  # "Russia acquired drones from Iran": Iran gave them
                clause.row, clause.source, clause.target = bought
            if clause.target is None and clause.source is not None:
                clause.target = _fallback_target(tok, index)
            if clause.target is None and clause.row is not None and clause.row.type == "AID":
                clause.target = _place_target([tok], index, aid=True)
        elif tok.pos_ == "NOUN" and row is not None and row.type:
            verb = _light_verb(tok)
            clause = Clause(trigger=tok, row=undo_row(tok, verb, row), verb=verb)
            # "the US condemned the arrests": who condemns did not arrest anyone
            doer_verb = None if verb is not None and judges_event(verb, lex) else verb
            if clause.row.type in _BENEFITS:
                clause.source, clause.target = _benefit_args(tok, doer_verb, index)
            else:
                clause.source, clause.target = _noun_args(tok, doer_verb, index)
            if clause.source is None and clause.row.type == "PROTEST":
                clause.source = protest_joiners(tok, index)
                if clause.source is not None:  # people at a rally: no market rally
                    clause.row = Trigger(pattern=f"join {clause.row.pattern}", type="PROTEST",
                                         mode=clause.row.mode, pos="noun", flags=frozenset({"fixed"}))
            state_blockade(clause, index)
            if clause.row.type == "REJECT" and clause.row.is_fixed and verb is not None:
                defiance_args(clause, verb, index)
            if armed_strike(clause, index):  # "retaliatory strikes", "the air force's strikes"
                clause.row = row_as("armed", clause.row, "ASSAULT", fixed=True)
            if clause.target is None and clause.row.type in _PLACE_TARGETS:
                clause.target = _place_target([tok, verb] if verb is not None else [tok], index,
                                              aid=clause.row.type == "AID")
        else:
            continue
        top = clause.verb if clause.verb is not None else tok
        clause.governor, clause.governor_row, clause.speech = _controller(top, lex)
        if clause.speech is None and clause.verb is not None and says(clause.verb, lex):
            clause.speech = clause.verb  # "Hamas denied the attack": the attack is what is denied
        if clause.governor is not None and clause.governor_row is not None:
            clause.governor_row = vowed_violence(clause.governor, clause.governor_row, clause.row)
        if clause.governor is not None and clause.governor_row and clause.governor_row.type:
            _governor_args(clause, index)
        if clause.source and clause.target:  # "X and Y held talks with X": no self-loops
            rest = tuple(a for a in clause.target.actors if a not in clause.source.actors)
            clause.target = Arg(rest, clause.target.span) if rest else None
        out.append(clause)
    out.extend(_demands(sent, index))
    return out


#: modals of obligation that make a statement about someone else's act a demand
_MUST = frozenset(("must", "should"))
#: the lexicon row of such a demand ("Russia says Israel must end its strikes")
#: fixed: the classifier reads the embedded act ("should release") into the saying verb
_DEMAND_ROW = Trigger(pattern="say must", type="REQUEST", mode=None, pos="verb", flags=frozenset({"fixed"}))


def _demands(sent: "SpacySpan", index: "ActorIndex") -> list[Clause]:
    """ "X says Y must / should …": X demands it of Y (PLOVER's REQUEST), whatever the
    embedded event is (which is coded too, with its own status)."""
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in _REPORT_VERBS:
            continue
        for comp in (c for c in tok.children if c.dep_ == "ccomp"):
            if not any(c.dep_ == "aux" and c.lower_ in _MUST for c in comp.children):
                continue
            speaker, addressee = subject_token(tok), subject_token(comp)
            if addressee is None or index.actor_at(addressee.i) is None:
                continue  # "Pence's performance should boost …" asks nothing of Pence
            source = np_actors(speaker, index) if speaker is not None else None
            target = np_actors(addressee, index)
            if source is None or target is None or set(source.actors) & set(target.actors):
                continue
            out.append(Clause(trigger=tok, row=_DEMAND_ROW, source=source, target=target))
    return out
