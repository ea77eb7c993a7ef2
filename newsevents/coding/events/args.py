"""Who did it and to whom: source and target actors of a predicate, from the parse.

Arguments are found through the dependency parse of the trigger's clause:
subjects (and passive agents) are sources; direct objects, passive subjects
and the objects of "to / against / with / on …" are targets; coordinated
noun phrases give several actors in one list.  A predicate with no subject
of its own borrows one from the verb that controls it ("X agreed to
*withdraw*", "X attacked and *killed* Y", "accused Y of *attacking* Z").

Each argument is an :class:`Arg`: the actor ids in text order and the token
span of the first one (what the classifier sees as the source/target).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import ActorIndex, Analysis

SUBJ_DEPS = frozenset({"nsubj", "csubj"})
PASS_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJ_DEPS = frozenset({"dobj", "dative", "iobj"})
#: prepositions whose object is the one acted upon
TARGET_PREPS = frozenset({"to", "against", "with", "on", "upon", "at", "toward", "towards",
                          "into", "from", "of"})
#: prepositions of a noun trigger whose objects are all participants ("talks between X and Y")
JOINT_PREPS = frozenset({"between", "among"})
#: verbs whose object, not subject, does what their complement says ("urged Y to withdraw")
OBJECT_CONTROL = frozenset({"urge", "ask", "call", "force", "persuade", "press", "order", "tell",
                            "allow", "encourage", "invite", "pressure", "push", "compel",
                            "help", "accuse", "blame", "warn", "authorize", "instruct"})
#: noun-phrase children whose subtrees are not part of the core mention
_NP_SKIP = frozenset({"prep", "relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "det"})
#: nouns of an act that stand for whoever did it ("welcomed the decision by the WEF"),
#: unlike works ("an introduction by the novelist")
_ACTS = frozenset("decision move effort plan proposal offer initiative attempt bid step action "
                  "request demand call order ruling announcement".split())
#: generic heads that stand for whoever follows ("officials from Iran", "members of Hamas")
_WH = frozenset({"which", "who", "that", "whom"})


@dataclass(frozen=True)
class Arg:
    """The actors of one argument position, in text order."""

    actors: tuple[str, ...]
    span: tuple[int, int]  # token span of the first actor's mention (start, end)


def _core_tokens(head: "Token") -> list[int]:
    """Tokens of ``head``'s noun phrase without its modifiers' clauses and conjuncts."""
    out = [head.i]
    stack = [c for c in head.children if c.dep_ not in _NP_SKIP]
    while stack:
        tok = stack.pop()
        out.append(tok.i)
        stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl", "conj", "cc"))
    return sorted(out)


def _mention_span(index: "ActorIndex", actor: str, tokens: list[int]) -> tuple[int, int]:
    hits = [i for i in tokens if index.actor_at(i) == actor]
    start = end = hits[0]
    while end + 1 in hits:
        end += 1
    return start, end + 1


def _sibling_groups(index: "ActorIndex", own: str, before: list[int]) -> list[str]:
    """ "Indian and Pakistani troops": the head word is the first country's troops, the
    other modifier the second's (groups of the same noun, one per country)."""
    head = index.get(own)
    if head.kind != "group":
        return []
    word = head.name.split()[-1]
    return [a for a in index_actors(index, before) if a != own and index.get(a).kind == "group"
            and index.get(a).name.split()[-1] == word]


def np_actors(head: "Token", index: "ActorIndex") -> Arg | None:
    """The actors that the noun phrase headed by ``head`` (and its conjuncts) refers to."""
    actors: list[str] = []
    span: tuple[int, int] | None = None
    for tok in [head, *sorted(head.conjuncts, key=lambda t: t.i)]:
        core = _core_tokens(tok)
        own = index.actor_at(tok.i)
        found = [own, *_sibling_groups(index, own, [t.i for t in tok.subtree if t.i < tok.i])] if own else \
            _drop_affiliations(index, index_actors(index, core))
        if not found:  # "the journalist Moussa Tchangari", "the minister, Ana Ruiz,"
            for appos in (c for c in tok.children if c.dep_ == "appos" and index.actor_at(c.i)):
                found, core = [index.actor_at(appos.i)], [appos.i]
                break
        if not found:  # "officials from Iran", "members of Hamas", "the decision by the WEF"
            preps = ("of", "from", "in", "by") if tok.lemma_.lower() in _ACTS else ("of", "from", "in")
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in preps:
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            sub = np_actors(pobj, index)
                            if sub is not None:
                                found = list(sub.actors)
                                core = list(range(sub.span[0], sub.span[1]))
        for a in found:
            if a not in actors:
                actors.append(a)
                if span is None:
                    span = _mention_span(index, a, core if a != own else [tok.i, *core])
    if not actors or span is None:
        return None
    return Arg(tuple(actors), span)


def index_actors(index: "ActorIndex", tokens: list[int]) -> list[str]:
    """Actors mentioned by ``tokens`` (any order), in text order, without repeats."""
    out: list[str] = []
    for i in sorted(tokens):
        a = index.actor_at(i)
        if a is not None and a not in out:
            out.append(a)
    return out


def _drop_affiliations(index: "ActorIndex", actors: list[str]) -> list[str]:
    """'Iran's foreign minister Ali X' is the minister, not also Iran."""
    affiliated = set()
    for a in actors:
        actor = index.find(a)
        aff = actor.affiliation if actor is not None else None
        if aff:
            affiliated.add(aff)
    return [a for a in actors if a not in affiliated] or actors


def merge(*args: "Arg | None") -> Arg | None:
    """Several argument positions as one list (first span kept)."""
    actors: list[str] = []
    span = None
    for arg in args:
        if arg is None:
            continue
        span = span or arg.span
        actors.extend(a for a in arg.actors if a not in actors)
    return Arg(tuple(actors), span) if actors and span else None


def _misread_subject(pred: "Token") -> "Token | None":
    """A name the parser took for a modifier of a finite verb with no subject
    ("USAID provided …" parsed with "USAID" as an adverb)."""
    if pred.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in PASS_SUBJ_DEPS for c in pred.children):
        return None
    for child in pred.lefts:
        name_like = child.pos_ == "PROPN" or (child.is_upper and len(child.text) > 1 and child.is_alpha)
        if child.dep_ in ("advmod", "npadvmod", "dep") and name_like \
                and child.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            return child
    return None


def subject_token(pred: "Token", depth: int = 0) -> "Token | None":
    """The token that does what ``pred`` says, borrowed from a controller when needed."""
    subjects = [c for c in pred.children if c.dep_ in SUBJ_DEPS]
    if subjects:
        # two subjects is a misparse, mostly of a dateline ("ANKARA, March 3 - Turkey's
        # ministry summoned …"): the one nearest the verb is the doer
        child = min(subjects, key=lambda c: abs(pred.i - c.i))
        if child.lower_ in _WH and pred.dep_ == "relcl":
            return pred.head
        return child
    misread = _misread_subject(pred)
    if misread is not None:
        return misread
    if depth > 3 or pred.head.i == pred.i:
        return None
    if any(c.dep_ in PASS_SUBJ_DEPS for c in pred.children):
        return None  # "…, but their helicopter was shot down": no doer borrowed from a conjunct
    head, dep = pred.head, pred.dep_
    if dep == "xcomp":
        if head.lemma_.lower() in OBJECT_CONTROL:
            obj = next((c for c in head.children if c.dep_ in OBJ_DEPS), None)
            if obj is not None:
                return obj
        return subject_token(head, depth + 1)
    if dep == "conj" and head.pos_ in ("VERB", "AUX"):
        return subject_token(head, depth + 1)
    if dep == "acomp" and head.pos_ in ("VERB", "AUX"):  # "Egypt is *willing* to withdraw"
        return subject_token(head, depth + 1)
    if dep == "advcl" and pred.tag_ == "VBG":  # "..., killing five"
        return subject_token(head, depth + 1)
    if dep == "acl" and pred.tag_ == "VBG":  # "militants attacking the base"
        return head
    if dep == "pcomp" and head.dep_ == "prep":  # "accused Y of attacking Z"
        verb = head.head
        obj = next((c for c in verb.children if c.dep_ in OBJ_DEPS), None)
        return obj if obj is not None else subject_token(verb, depth + 1)
    return None


def agent_token(pred: "Token") -> "Token | None":
    """The ``by`` object of a passive predicate."""
    for child in pred.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def acted_on(verb: "Token") -> list["Token"]:
    """What ``verb`` acts on: its direct object, or its subject in the passive."""
    return [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]


def prep_objects(tok: "Token", preps: frozenset[str]) -> list["Token"]:
    """Objects of ``tok``'s prepositions in ``preps``."""
    out = []
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def quoted_we(pred: "Token", analysis: "Analysis") -> Arg | None:
    """ "'We have not given any weapons to either side,' the spokesman said": "we" in what
    someone says is the speaker's organization, or an official's country; ``None`` when
    unknown (a private person's "we" is their family or friends)."""
    subj = subject_token(pred)
    if subj is None or subj.lower_ not in ("we", "us"):
        return None
    att = analysis.attribution_holding(subj.i)
    source = att.source if att is not None else None
    speaker = analysis.actors.find(source.actor) if source is not None and source.actor else None
    if speaker is None:
        return None
    own = speaker.id if speaker.kind != "person" else speaker.affiliation
    if own is None and speaker.sector in _SPEAKS_FOR_STATE:  # an official's "we" is the state's
        own = next((a.id for a in analysis.actors.all() if a.kind == "country" and speaker.country
                    and a.country == speaker.country), None)
    return Arg((own,), (subj.i, subj.i + 1)) if own else None


#: sectors of people whose "we" is their country ("We have sent aid," the minister said)
_SPEAKS_FOR_STATE = frozenset(("GOV", "DIP", "MIL"))
