"""The events stage: PLOVER events with actors, mode, status and attribution.

For every sentence, :mod:`~newsevents.coding.events.clauses` proposes
candidate clauses (a trigger with its source and target actors).  Each is
typed by the learned classifier (:mod:`newsevents.coding.events.type_model`)
when it is confident, and by the trigger lexicon (``data/lexicons/events.tsv``)
otherwise; ``Event.coder`` says which.  Then it is gated: a clause with no
actor becomes an event only for an unambiguous trigger; an ambiguous trigger
with one actor, and a verb outside the lexicon (which needs both actors), are
left to the model, whose ``NONE`` class -- learned from non-event clauses of
ordinary political news (``scripts/train_event_trigger.py``) -- must say
that the clause is an event at all.  False positives are what users of event
data complain about most, so the gates favour precision.

Speech acts get their own event where PLOVER has a type for them ("denied"
-> REJECT, "accused" -> ACCUSE), and the event they report is coded too,
attributed to the speaker with the status the speech act gives it (denied,
alleged).  Status comes from :func:`newsevents.coding.status.status.status_of`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...records import Event, RejectedEvent
from .args import np_actors, quoted_we, subject_token
from .clauses import sentence_clauses
from ..lexicon_files import LexiconFiles
from ..status.cues import StatusWords, status_words
from .lexicon import Lexicon, load
from .readings import Readings
from .type_model import clause_features, load_default
from .types import Clause, TypedClause

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Analysis
    from .lexicon import Trigger
    from .type_model import EventTypeModel

log = logging.getLogger(__name__)

#: the model decides a lexicon-backed clause from this probability on
MODEL_MIN = 0.45
#: the model overrules an unambiguous lexicon trigger only from this probability on
MODEL_OVERRIDE = 0.7
#: ... and an ambiguous one from this probability on
MODEL_WEAK_OVERRIDE = 0.7
#: an ambiguous lexicon word with one actor is typed by the model only from this probability on
MODEL_ALONE = 0.8
#: a verb outside the lexicon (with a source and a target) becomes an event when the model
#: says it is an event at all (its NONE class, learned from non-event clauses) with at least
#: this probability ...
EVENT_MIN = 0.3
#: ... and names its type with at least this probability
TYPE_MIN = 0.3
#: an ambiguous lexicon word with one actor is an event when the model says "event" with at
#: least this probability and names the type with at least WEAK_TYPE_MIN
WEAK_EVENT_MIN = 0.3
WEAK_TYPE_MIN = 0.4
#: statuses under which a retreat is only promised (PLOVER's CONCEDE)
_PROMISED = frozenset({"future", "hypothetical", "speculative"})


def _status(token: "Token", analysis: "Analysis", words: StatusWords, use_model: bool = True) -> str:
    from ..status.status import status_of

    return status_of(token, analysis, words=words, use_model=use_model)


def split_yield(clause: Clause, status: str) -> str:
    """PLV's YIELD as PLOVER 2.0: promised (CONCEDE) or carried out (RETREAT)."""
    if clause.row is not None and clause.row.type == "CONCEDE":
        return "CONCEDE"
    if clause.governor_row is not None and clause.governor_row.type in ("AGREE", "CONCEDE"):
        return "CONCEDE"
    return "CONCEDE" if status in _PROMISED else "RETREAT"


def rule_type(clause: Clause) -> str | None:
    """The type the lexicon gives: a controlling verb's type first ("threatened to strike")."""
    base = clause.row.type if clause.row else None
    gov = clause.governor_row.type if clause.governor_row else None
    if gov == "AGREE" and base in ("RETREAT", "CONCEDE"):
        return "CONCEDE"
    return gov or base


def _speech_type(clause: Clause, lex: Lexicon) -> str | None:
    if clause.speech is None:
        return None
    row = lex.lookup(clause.speech)
    return row.type if row else None


@dataclass(frozen=True)
class Prediction:
    """What the classifier says about one clause."""

    label: str
    prob: float  # of the label, given that the clause is an event
    event: float = 1.0  # that the clause is an event at all


def lexicon_row(clause: Clause) -> "Trigger | None":
    """The lexicon entry that types a clause: its governor's ("launched an
    *attack*") when that has a type, else its trigger's."""
    return clause.governor_row if clause.governor_row and clause.governor_row.type else clause.row


def model_alone(clause: Clause) -> bool:
    """Whether :func:`decide` leaves the clause to the model alone: a verb outside
    the lexicon with both actors, or an ambiguous lexicon word with one actor
    (``scripts/train_event_trigger.py`` mines its non-event examples from these)."""
    n = clause.actor_count()
    if rule_type(clause) is None:
        return n == 2
    row = lexicon_row(clause)
    return row is not None and row.is_weak and n == 1


def decide(clause: Clause, model_pred: Prediction | None, status: str, lex: Lexicon,
           neighbours: frozenset[str] = frozenset()) -> TypedClause | None:
    """Type one clause and apply the precision gates (``None``: not an event).

    ``lex`` is the stage's trigger lexicon; ``neighbours`` are the lexicon types of the
    sentence's other clauses (see :func:`_other_clauses`).
    """
    rules = rule_type(clause)
    row = lexicon_row(clause)
    n = clause.actor_count()
    label, prob = (model_pred.label, model_pred.prob) if model_pred else (None, 0.0)
    if label == "YIELD":
        label = split_yield(clause, status)
    # the lexicon's type stands when its reading is fixed ("violated the agreement"), or
    # when the label belongs to the governing speech act ("denied arming": the denial is
    # its own event) or to another clause of the sentence
    fixed = row is not None and row.is_fixed
    if label is not None and label != rules and (fixed or label == _speech_type(clause, lex) or _other_clauses(
            rules, label, neighbours)):
        label, prob = None, 0.0
    if rules is None:
        if label is None or n < 2 or prob < TYPE_MIN or model_pred.event < EVENT_MIN:
            return None
        return TypedClause(clause, label, "model", prob * model_pred.event, clause.trigger)
    if n == 0 and not (row is not None and row.is_strong):
        return None
    weak = row is not None and row.is_weak
    trig = clause.trigger_override or clause.trigger
    need = MODEL_MIN if label == rules else MODEL_WEAK_OVERRIDE if weak else MODEL_OVERRIDE
    if weak and n < 2:  # an ambiguous word with one actor: only when the model is sure
        return _weak_alone(clause, model_pred, label, trig)
    if label is not None and prob >= need and (not weak or n == 2 or label == rules):
        return TypedClause(clause, label, "model", prob, trig)
    return TypedClause(clause, rules, "rules", 0.45 + 0.1 * n - (0.1 if weak else 0.0), trig)


#: judgements of an event, and material acts that are judged
_JUDGEMENTS = frozenset({"ACCUSE", "REJECT", "SUPPORT"})
_ACTS = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "RETREAT", "COOPERATE", "PROTEST"})
#: demands made of someone ("condemned the arrests and *urged* Maduro to free them")
_DEMANDS = frozenset({"REQUEST", "THREATEN"})
#: pairs of kinds of clause whose types the classifier confuses within one sentence
_KEPT_APART = ((_JUDGEMENTS, _ACTS), (_JUDGEMENTS, _DEMANDS))


def _other_clauses(rules: str | None, label: str, neighbours: frozenset[str]) -> bool:
    """Whether the classifier's ``label`` is another clause's type: it reads the whole
    sentence around the actors, not the trigger, so in "Germany criticized the Russian
    invasion" it hears the invasion when asked about "criticized" and the criticism
    when asked about "invasion".  A judgement and the act it judges keep their own
    types, and so do a judgement and a demand in one sentence ("condemned the arrests
    and urged Maduro to free them"); other pairs ("promised support") are left to the
    classifier."""
    if label not in neighbours or rules is None:
        return False
    return any((rules in a and label in b) or (rules in b and label in a) for a, b in _KEPT_APART)


def _sentence_types(clauses: list[Clause]) -> dict[int, frozenset[str]]:
    """The lexicon types of each sentence's clauses, by sentence start."""
    out: dict[int, set[str]] = {}
    for c in clauses:
        t = rule_type(c)
        if t is not None:
            out.setdefault(c.trigger.sent.start, set()).add(t)
    return {k: frozenset(v) for k, v in out.items()}


def _weak_alone(clause: Clause, pred: Prediction | None, label: str | None, trig: "Token") -> TypedClause | None:
    """An ambiguous lexicon word with one actor ("said it will *release* the hostages").

    It is an event when the model is sure of its type, or when the model says
    it is an event at all and names a type with some confidence.
    """
    if pred is None or label is None:
        return None
    if pred.prob >= MODEL_ALONE or (pred.event >= WEAK_EVENT_MIN and pred.prob >= WEAK_TYPE_MIN):
        return TypedClause(clause, label, "model", pred.prob * min(1.0, pred.event + 0.2), trig)
    return None


def _mode(typed: TypedClause, lex: Lexicon) -> str | None:
    row = typed.clause.row
    if row is not None and row.type == typed.type and row.mode:
        return row.mode
    words: list[str] = []
    for tok in (typed.clause.trigger, typed.clause.verb):
        if tok is not None:
            words.extend(t.lemma_.lower() for t in tok.subtree)
    return lex.mode_from_words(typed.type, words)


def _speaker_actors(analysis: "Analysis", actors: tuple[str, ...]) -> tuple[str, ...]:
    """Actors who assert something, with each person's organization or country."""
    out: list[str] = []
    for a in actors:
        if a not in out:
            out.append(a)
        actor = analysis.actors.find(a)
        aff = actor.affiliation if actor is not None else None
        if aff and aff not in out:
            out.append(aff)
    return tuple(out)


def _attribution(analysis: "Analysis", typed: TypedClause,
                 lex: Lexicon) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """(attribution id, attributed_to, via) of an event."""
    clause = typed.clause
    att_id = None
    for tok in (clause.status_token, typed.trigger, clause.trigger):
        att_id = analysis.content_of.get(tok.i)
        if att_id:
            break
    if clause.speech is not None and typed.type != _speech_type(clause, lex):
        # "Tehran denied arming Y", "X accused Y of …": the speaker asserts (or denies) it
        subj = subject_token(clause.speech)
        speaker = np_actors(subj, analysis.actors) if subj is not None else None
        if speaker is not None:
            return att_id, _speaker_actors(analysis, speaker.actors), ()
    if att_id is None:
        return None, (), ()
    try:
        att = analysis.attribution(att_id)
    except KeyError:
        return att_id, (), ()
    own = [t for t in (clause.trigger, clause.verb, clause.governor, typed.trigger) if t is not None]
    if any(att.cue.start <= t.idx < att.cue.end for t in own):
        return None, (), ()  # the event is the speech act itself ("threatened to …")
    speaker = (att.source.actor,) if att.source is not None and att.source.actor else ()
    return att_id, _speaker_actors(analysis, speaker), tuple(att.via)


def _dedupe(items: list[tuple[TypedClause, str]]) -> list[tuple[TypedClause, str]]:
    """One record per event: drop a clause that repeats another's type, actors and status
    (a claim and its denial in one sentence are two records: "Iran denied sending drones,
    after officials said it had shipped them")."""
    kept: list[tuple[TypedClause, str]] = []
    for item in sorted(items, key=lambda it: -it[0].clause.actor_count()):
        t, status = item
        src, tgt = set(t.clause.source_actors), set(t.clause.target_actors)
        dup = False
        for other, other_status in kept:
            if other.type != t.type or other.trigger.sent.start != t.trigger.sent.start \
                    or other_status != status:
                continue
            if src <= set(other.clause.source_actors) and tgt <= set(other.clause.target_actors):
                dup = True
                break
        if not dup:
            kept.append(item)
    return kept


def _dyads(t: TypedClause) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Source and target of the events a typed clause makes: one, or for a mutual act
    of several subjects and no object ("Kenya and Ethiopia signed a pact", "the two
    armies clashed") one per subject, aimed at the others, as dyadic event data
    codes a mutual act in both directions."""
    sources, targets = t.clause.source_actors, t.clause.target_actors
    if targets or len(sources) < 2 or t.type not in _MUTUAL_TYPES or not _mutual(t):
        return [(sources, targets)]
    return [((a,), tuple(b for b in sources if b != a)) for a in sources]


def _mutual(t: TypedClause) -> bool:
    """Whether the clause's words say the subjects act on each other: a verb of joint
    action ("met", "clashed"), or a noun of one, alone ("talks between X and Y") or under
    a verb that makes it ("signed a pact", "held talks"; not "mediated a truce", which
    others make)."""
    word, verb = t.clause.trigger, t.clause.verb
    if word.pos_ in ("VERB", "AUX"):
        return word.lemma_.lower() in _MUTUAL_VERBS
    return word.lemma_.lower() in _MUTUAL_NOUNS and (verb is None or verb.lemma_.lower() in _MAKES_MUTUAL)


_MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "ASSAULT", "RETREAT"})
_MUTUAL_VERBS = frozenset("meet talk negotiate discuss agree sign ink clash fight cooperate "
                          "reconcile exchange trade".split())
_MUTUAL_NOUNS = frozenset("agreement deal pact treaty accord talk meeting summit truce ceasefire "
                          "exercise drill clash negotiation".split())
_JOINT_LIGHT_VERBS = frozenset("reach hold conclude seal strike hammer conduct stage".split())
#: verbs under which a mutual noun is made by its subjects together
_MAKES_MUTUAL = _MUTUAL_VERBS | _JOINT_LIGHT_VERBS


_OWN_FORCES_TYPES = frozenset({"MOBILIZE", "RETREAT", "AID"})


def _own_forces(analysis: "Analysis", actor_id: str) -> bool:
    """Armed or police personnel of no country ("troops", "soldiers"): nobody's in
    particular, so the source's own.  Refugees or civilians given aid are its target."""
    actor = analysis.actors.find(actor_id)
    return actor is not None and actor.kind == "group" and actor.country is None \
        and actor.affiliation is None and actor.sector in _FORCE_SECTORS


_FORCE_SECTORS = frozenset(("MIL", "COP", "REB", "SPY", None))


class EventStage:
    """Fills ``analysis.events`` (see the module docstring)."""

    name = "events"

    def __init__(self, use_model: bool = True, model: "EventTypeModel | None" = None,
                 readings_off: frozenset[str] = frozenset(), files: LexiconFiles = LexiconFiles()) -> None:
        self.use_model = use_model
        self._model = model
        #: the word lists this stage reads, from ``files`` (``Settings.lexicons``): the trigger
        #: lexicon (clauses, gates, readings, model features) and the status cues
        self.lexicon = load(files)
        self.status_words = status_words(files)
        self.readings = Readings(readings_off, self.lexicon)

    @property
    def model(self) -> "EventTypeModel | None":
        """The classifier (shipped one by default; ``None`` when disabled or absent)."""
        if not self.use_model:
            return None
        if self._model is None:
            self._model = load_default()
        return self._model

    def clauses(self, analysis: "Analysis") -> list[Clause]:
        """Every candidate clause of the article, in text order."""
        lex, model = self.lexicon, self.model
        out: list[Clause] = []
        for sent in analysis.doc.sents:
            out.extend(sentence_clauses(sent, analysis.actors, lex, model is not None))
        for clause in out:
            if clause.source is None:  # "'We have not …,' the spokesman said"
                clause.source = quoted_we(clause.verb or clause.trigger, analysis)
        return out

    def _predict(self, analysis: "Analysis", clauses: list[Clause]) -> list[Prediction | None]:
        model = self.model
        preds: list[Prediction | None] = [None] * len(clauses)
        if model is None:
            return preds
        todo = [i for i, c in enumerate(clauses) if c.actor_count() > 0]
        feats = [clause_features(analysis.doc, None, clauses[i].source.span if clauses[i].source else None,
                                 clauses[i].target.span if clauses[i].target else None, self.lexicon)
                 for i in todo]
        # one vectorised call per document
        for i, (label, prob, event) in zip(todo, model.predict_with_event(feats)):
            preds[i] = Prediction(label, prob, event)
        return preds

    def __call__(self, analysis: "Analysis") -> None:
        clauses = self.clauses(analysis)
        preds = self._predict(analysis, clauses)
        typed: list[tuple[TypedClause, str]] = []
        sentence_types = _sentence_types(clauses)
        for clause, pred in zip(clauses, preds):
            status = _status(clause.status_token, analysis, self.status_words, self.use_model)
            neighbours = sentence_types.get(clause.trigger.sent.start, frozenset()) - {rule_type(clause)}
            t = decide(clause, pred, status, self.lexicon, neighbours)
            if t is not None:
                if t.trigger is not clause.trigger:
                    status = _status(t.trigger, analysis, self.status_words, self.use_model)
                read = self.readings.apply(t, status, analysis)
                if read.typed is None:
                    no = read.rejection
                    analysis.rejected.append(RejectedEvent(no.before, analysis.span_of(t.trigger), no.reason,
                                                           no.reading))
                    continue
                names = tuple(d.reading for d in read.decisions)
                typed.append((replace(read.typed, readings=names) if names else read.typed, read.status))
        typed = sorted(_dedupe(typed), key=lambda it: (it[0].trigger.idx, it[0].type))
        dyads = [(t, s, source, target) for t, s in typed for source, target in _dyads(t)]
        analysis.events.extend(self._event(analysis, n, *dyad) for n, dyad in enumerate(dyads, 1))

    def _event(self, analysis: "Analysis", n: int, t: TypedClause, status: str,
               source: tuple[str, ...], target: tuple[str, ...]) -> Event:
        att_id, attributed_to, via = _attribution(analysis, t, self.lexicon)
        if t.type in _OWN_FORCES_TYPES:  # "deployed troops": the troops are the source's own
            target = tuple(a for a in target if not _own_forces(analysis, a))
        return Event(
            id=f"E{n}", type=t.type, mode=_mode(t, self.lexicon),
            trigger=analysis.span_of(t.trigger), evidence=analysis.sentence_of(t.trigger),
            source=source,
            target=target,
            status=status, attributed_to=attributed_to, via=via,
            confidence=round(max(0.0, min(1.0, t.confidence)), 3), coder=t.coder,
            attribution=att_id, readings=t.readings)
