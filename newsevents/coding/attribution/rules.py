"""Dependency-parse rules that find attribution cues, sources and contents.

The rules follow PolNeAR's span conventions (measured on its train split):
the source is the full subject noun phrase ("longtime Democratic pollster
Pat Caddell", "who", "he"); the cue is the cue word(s) only ("said",
"according to"); the content of indirect speech starts at its complementiser
("that …") and leaves out the sentence's final period, while a direct quote
keeps its quotation marks and the punctuation inside them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Mapping

from .lexicon import CueEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: punctuation trimmed from the edges of a content or source span
_EDGE_PUNCT = set(",.;:-\u2013\u2014()[]")
_QUOTE_CHARS = set("\"\u201c\u201d'\u2018\u2019`")
_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_CONTENT_DEPS = ("ccomp",)
#: dependency relations that let a participle/infinitive cue borrow its head's subject
_BORROW_SUBJ = {"advcl", "xcomp", "conj", "acl"}


@dataclass
class Draft:
    """An attribution while it is being built (character spans)."""

    cue: tuple[int, int]
    cue_token: int
    status: str
    kind: str = "indirect"
    source: tuple[int, int] | None = None
    source_head: int | None = None
    contents: list[tuple[int, int]] = field(default_factory=list)
    via: list[int] = field(default_factory=list)  # token indices of intermediaries
    quotes: list[int] = field(default_factory=list)  # indices of quotes it owns
    passive: bool = False  # "X is expected to …": no source in the text, but still an attribution
    confidence: float = 0.0  # the cue model's probability that the cue is one (0 without the model)


def is_verbal(token: "Token") -> bool:
    """Whether ``token`` is used as a verb (a cue candidate when its lemma is listed)."""
    return token.pos_ == "VERB" or token.tag_ in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}


def is_cue(token: "Token", cues: Mapping[str, CueEntry]) -> bool:
    """Whether ``token`` is a verb of the hand-written cue lexicon ``cues``."""
    return is_verbal(token) and token.lemma_.lower() in cues


def cue_status(token: "Token", cues: Mapping[str, CueEntry]) -> str:
    """Status of what the cue attributes ("accused" -> alleged)."""
    entry = cues.get(token.lemma_.lower())
    return entry.status if entry else "reported"


def subject_of(token: "Token") -> "Token | None":
    """The subject of a cue verb, borrowed from its head for "…, saying" and "to say"."""
    t = token
    for _ in range(3):
        for child in t.children:
            if child.dep_ == "agent":  # "was told by X"
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
        if any(c.dep_ == "nsubjpass" for c in t.children):
            return None  # "X was accused of …": X is who it is said of, not who says it
        for child in t.children:
            if child.dep_ in _SUBJ_DEPS:
                return child
        if t.dep_ not in _BORROW_SUBJ or t.head.i == t.i:
            return None
        t = t.head
    return None


#: prepositions whose gerund shares the subject of the verb they modify ("X did Y by saying Z")
_GERUND_PREPS = frozenset({"by", "after", "before", "while", "since", "upon", "without"})


def speaker_of(token: "Token") -> "Token | None":
    """Who says what the cue ``token`` attributes: its subject (:func:`subject_of`),
    else, for a gerund after "by"/"after"/… ("X won votes by calling for a ban"),
    the subject of the verb it modifies.

    Measured on PolNeAR train over gold cues without a subject of their own: for
    such gerunds after "by", "after", "before" or "since", the modified verb's
    subject was in the gold source 103 times of 110 (and a gerund coordinated with
    such a gerund shares it).  The noun a participle
    modifies ("the share of voters saying …") was in it 167 times of 219, but its
    span rarely matched (source exact F1 fell from 0.721 to 0.718), so it is left out."""
    subj = subject_of(token)
    if subj is not None or any(c.dep_ == "nsubjpass" for c in token.children):
        return subj
    head = token.head
    if token.dep_ == "conj" and head.dep_ == "pcomp":
        head, token = head.head, head  # "by calling X dopey and accusing him of …"
    if token.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in _GERUND_PREPS and head.head.i != head.i:
        return subject_of(head.head)
    return None


def token_span(tokens: Iterable["Token"]) -> tuple[int, int] | None:
    """Character span from the first to the last of ``tokens``."""
    toks = list(tokens)
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def trim(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Strip whitespace and edge punctuation; keep quote marks that pair inside."""
    start, end = span
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    if end <= start:
        return None
    return start, end


def subject_span(text: str, subj: "Token", cue: "Token | None" = None) -> tuple[int, int] | None:
    """The source span of a subject: its whole subtree, appositions and
    relative clauses included (PolNeAR's convention), with the comma that
    closes an apposition, but without a trailing date ("in 2001"), a leading
    quote mark or dateline, and never reaching the cue itself."""
    toks = list(subj.subtree)
    if cue is not None and toks[0].i <= cue.i <= toks[-1].i:
        toks = [t for t in toks if t.i < cue.i] if subj.i < cue.i else [t for t in toks if t.i > cue.i]
    toks = _drop_trailing_date(subj, toks)
    while toks and toks[-1].is_punct and toks[-1].text in {".", ";", ":", "-", "--"}:
        toks.pop()
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if len(toks) > 2 and toks[0].is_upper and toks[1].text in {"-", "—", "–", "--"}:
        toks = toks[2:]  # "BRUSSELS - European leaders": a dateline
    span = token_span(toks)
    if span is None:
        return None
    start, end = span
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _drop_trailing_date(subj: "Token", toks: list["Token"]) -> list["Token"]:
    """Remove a final prepositional phrase that is a date ("an arbitration panel in 2001")."""
    for child in subj.rights:
        if child.dep_ == "prep" and any(g.ent_type_ in {"DATE", "TIME"} for g in child.children if g.dep_ == "pobj"):
            cut = {t.i for t in child.subtree}
            if max(cut) == toks[-1].i or (toks[-1].is_punct and max(cut) == toks[-1].i - 1):
                return [t for t in toks if t.i < min(cut)]
    return toks


def runs(text: str, tokens: list["Token"]) -> list[tuple[int, int]]:
    """Contiguous character runs covered by ``tokens`` (trimmed)."""
    out: list[tuple[int, int]] = []
    if not tokens:
        return out
    toks = sorted(tokens, key=lambda t: t.i)
    cur = [toks[0]]
    for t in toks[1:]:
        if t.i == cur[-1].i + 1:
            cur.append(t)
        else:
            out.append((cur[0].idx, cur[-1].idx + len(cur[-1].text)))
            cur = [t]
    out.append((cur[0].idx, cur[-1].idx + len(cur[-1].text)))
    trimmed = [trim(text, r) for r in out]
    return [r for r in trimmed if r is not None]


#: verb + preposition cues whose content is the preposition's object ("called for …")
PHRASAL_PREPS = frozenset({
    ("call", "for"), ("call", "on"), ("point", "to"), ("refer", "to"), ("talk", "about"),
    ("ask", "about"), ("speak", "of"), ("speak", "about"), ("warn", "of"), ("warn", "about"),
    ("complain", "about"), ("argue", "for"), ("push", "for"), ("advocate", "for"),
    ("comment", "on"), ("speak", "on"), ("weigh", "on"), ("insist", "on"), ("focus", "on"),
})
#: dependents that belong to the cue span when they directly precede the verb
_CUE_LEFT = {"aux", "auxpass", "neg"}
_CUE_ADVERBS = {"also", "later", "previously", "repeatedly", "publicly", "recently", "once", "often", "again", "then", "just", "already", "never", "first", "reportedly", "privately", "earlier"}


def _adjacent(verb: "Token", child: "Token") -> bool:
    """Whether ``child`` follows ``verb`` with at most a particle in between."""
    between = verb.doc[verb.i + 1:child.i]
    return all(t.dep_ == "prt" and t.head.i == verb.i for t in between)


#: nouns of "said in a statement"-type phrases that PolNeAR puts in the cue.  Measured
#: on PolNeAR train: "in a statement" is in the cue 44 times of 68, but "in an
#: interview" (14 of 45), "in an email" (4 of 12) and other venues mostly are not.
SPEECH_VENUES = frozenset({"statement", "column", "book"})
#: prepositions right after a cue verb that PolNeAR keeps in the cue, measured on
#: train ("pointed to" 585 of 670, "argued for" 220 of 255, "talked about" 188 of
#: 209, "spoke with", "said of"); "in", "at", "during" mostly start a circumstance
CUE_PREPS = frozenset({"to", "for", "about", "on", "against", "with", "of", "as", "over", "into", "upon"})
#: adverbs right after a cue verb that PolNeAR keeps in the cue ("shot back", "said recently")
_RIGHT_ADVERBS = frozenset({"back", "recently", "repeatedly", "again", "instead"})
#: adverbs before a verb that stay out of its cue ("when asked"): every other
#: adverb attached to the verb was in the cue on train (e.g. "now" 43 of 48)
_NOT_CUE_ADVERBS = frozenset({"when", "where", "why", "how", "so", "whether", "while"})


def content_frame(tok: "Token") -> tuple[str, list["Token"]] | None:
    """The complement a cue verb attributes and its frame name, or None.

    Frames, in order of preference: ``ccomp`` (a clause), ``xcomp`` ("urged X
    to act": the object and the infinitive), ``prep:<word>`` (a phrasal cue,
    "called for X"), ``dobj`` ("endorsed Clinton").
    """
    ccomp = xcomp = dobj = None
    prep = None
    for child in tok.children:
        dep = child.dep_
        if dep == "ccomp" and ccomp is None:
            ccomp = child
        elif dep == "xcomp" and xcomp is None and child.i > tok.i:
            xcomp = child
        elif dep == "dobj" and dobj is None and child.i > tok.i:
            dobj = child
        elif dep == "prep" and prep is None and child.i > tok.i and _adjacent(tok, child):
            prep = child
    if ccomp is not None:
        return "ccomp", [t for t in ccomp.subtree if not t.is_ancestor(tok) and t.i != tok.i]
    if xcomp is not None:
        toks = list(xcomp.subtree)
        if dobj is not None and dobj.i < xcomp.i:
            toks = list(dobj.subtree) + toks
        return "xcomp", toks
    if prep is not None:
        objs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if objs:
            return f"prep:{prep.lower_}", [t for o in objs for t in o.subtree]
    if dobj is not None:
        charge = object_preposition(tok, dobj)
        if charge is not None:  # "accused Iran of prolonging the war": object and charge
            return "dobj", list(dobj.subtree) + list(charge.subtree)
        toks = list(dobj.subtree)
        toks += [t for c in tok.children if c.dep_ == "oprd" and c.i > dobj.i for t in c.subtree]
        return "dobj", toks
    return None


#: "accuse X of", "blame X for", "charge X with": the preposition carries the charge
CHARGE_PREPS = frozenset({("accuse", "of"), ("blame", "for"), ("charge", "with"), ("criticize", "for"),
                          ("praise", "for"), ("thank", "for"), ("fault", "for"), ("condemn", "for"),
                          ("attack", "for"), ("slam", "for"), ("credit", "with"), ("suspect", "of")})


def object_preposition(tok: "Token", dobj: "Token") -> "Token | None":
    """The "of"/"for"/"with" after the object of a verb of accusing or praising."""
    for child in tok.children:
        if child.dep_ == "prep" and child.i > dobj.i and (tok.lemma_.lower(), child.lower_) in CHARGE_PREPS:
            if any(c.dep_ in {"pobj", "pcomp"} for c in child.children):
                return child
    return None


#: verbs that take a cue as their infinitive and belong to its span ("appeared to suggest")
CATENATIVES = frozenset({
    "appear", "seem", "go", "continue", "begin", "start", "try", "refuse", "decline", "fail",
    "resist", "tend", "want", "need", "have", "hasten", "rush", "move", "proceed", "dare",
})


def catenative_head(tok: "Token") -> "Token | None":
    """The verb of "appeared to suggest" / "went on to discuss" for the cue ``tok``."""
    head = tok.head
    if tok.dep_ == "xcomp" and head.i < tok.i and head.lemma_.lower() in CATENATIVES:
        return head
    return None


def _left_edge(tok: "Token") -> int:
    """Index of the first token of a verb's cue span: auxiliaries, negation and
    adverbs right before it ("has also said", "now says", "cynically dismissed"),
    across white-space tokens (a no-break space)."""
    doc = tok.doc
    start = tok.i
    j = start - 1
    while j >= 0:
        prev = doc[j]
        if prev.is_space:
            j -= 1
            continue
        attached = prev.head.i == tok.i or (prev.head.dep_ == "advmod" and prev.head.head.i == tok.i)
        if not attached:
            break
        if prev.dep_ in _CUE_LEFT or prev.dep_ == "advmod" and _cue_adverb(prev):
            start = j
            j -= 1
            continue
        break
    return start


def _cue_adverb(adv: "Token") -> bool:
    """Whether an adverb before a cue verb is part of the cue (see ``_NOT_CUE_ADVERBS``)."""
    return adv.lower_ in _CUE_ADVERBS or (adv.lower_ not in _NOT_CUE_ADVERBS and adv.is_alpha)


def cue_extent(tok: "Token", frame: str | None) -> tuple[int, int]:
    """Character span of a cue: the verb with its auxiliaries, negation, a
    preceding adverb such as "also", a catenative verb ("appeared to"), a
    phrasal preposition and a trailing colon."""
    doc = tok.doc
    cat = catenative_head(tok)
    start = _left_edge(cat if cat is not None else tok)
    end = tok.i
    for j in range(tok.i + 1, min(len(doc), tok.i + 4)):
        t = doc[j]
        if t.head.i != tok.i:
            break
        if t.dep_ == "prt" or (t.dep_ == "advmod" and t.lower_ in _RIGHT_ADVERBS):
            end = j
        elif t.dep_ == "npadvmod" and t.ent_type_ in {"DATE", "TIME"}:
            end = j  # "said Sunday": in the cue 73 times of 122 on PolNeAR train
        elif t.dep_ == "prep" and (frame == f"prep:{t.lower_}" or (tok.lemma_.lower(), t.lower_) in PHRASAL_PREPS
                                   or _cue_prep(t, frame)):
            end = j
            break
        elif t.dep_ == "prep" and t.lower_ == "in" and _venue(t):
            end = next(c.i for c in t.children if c.dep_ == "pobj")  # "in a statement", not "… to X"
            break
        else:
            break
    if end + 1 < len(doc) and doc[end + 1].text == ":":
        end += 1
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def cue_variants(tok: "Token", frame: str | None) -> dict[str, tuple[int, int]]:
    """Other cue spans PolNeAR uses for some verbs, by name: ``bare`` (the verb
    without what :func:`cue_extent` adds after it: "described", not "described
    as"), ``inf`` / ``infprep`` ("continued to attack" / "tends to focus on"),
    ``dobj`` / ``dobjprep`` ("made no mention of") / ``object`` (the second
    when there is a preposition, else the first).  Which one a (lemma, frame)
    takes is learned from PolNeAR train (:mod:`.models.attribution_cues`)."""
    doc = tok.doc
    start, _ = cue_extent(tok, frame)
    out = {"bare": (start, tok.idx + len(tok.text))}
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
        verb = doc[tok.i + 2]
        if verb.head.i == tok.i and verb.dep_ == "xcomp":
            out["inf"] = (start, verb.idx + len(verb.text))
            out.update(_next_prep("infprep", start, verb))
    for child in tok.children:
        if child.dep_ == "dobj" and child.i > tok.i:
            out["dobj"] = (start, child.idx + len(child.text))
            out.update(_next_prep("dobjprep", start, child))
            out["object"] = out.get("dobjprep", out["dobj"])  # "expressed concern (about)"
            break
    return out


def _next_prep(name: str, start: int, tok: "Token") -> dict[str, tuple[int, int]]:
    """``{name: span}`` up to the preposition right after ``tok``, if there is one."""
    for child in tok.children:
        if child.dep_ == "prep" and child.i == tok.i + 1:
            return {name: (start, child.idx + len(child.text))}
    return {}


def _cue_prep(prep: "Token", frame: str | None) -> bool:
    """A preposition that PolNeAR keeps in the cue of a verb without a clause
    ("turned to", "spoke about"): with a clause ("said on Tuesday that …") it
    starts a circumstance instead, and so does a date."""
    if frame in {"ccomp", "parenthetical", None} or prep.lower_ not in CUE_PREPS:
        return False
    return not any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def _venue(prep: "Token") -> bool:
    """ "in a statement", "in an interview with CNN": where something was said."""
    return any(c.dep_ == "pobj" and c.lemma_.lower() in SPEECH_VENUES for c in prep.children)


def according_to(doc: "Doc") -> Iterable[tuple["Token", "Token", "Token"]]:
    """(according, to, object) triples of "according to X"."""
    for t in doc:
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            to = doc[t.i + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None:
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None:
                yield t, to, obj


#: what a sentence-initial "In a …" must name to be a source ("In a new Fox poll, 45 percent …")
POLL_NOUNS = frozenset({"poll", "survey"})


def poll_leads(doc: "Doc") -> Iterable[tuple["Token", "Token", "Token"]]:
    """(in, in, poll) triples of "In a … poll/survey, …" at the start of a sentence,
    or of "… in a/the … poll" later in a sentence that gives a figure ("Ruiz was at
    25 percent in the latest Fox poll"): PolNeAR's cue is "in" and its source the poll.
    On train 19 of 23 openings were cues; later in the sentence, one poll (not
    "polls") in a sentence with a number was 18 times of 39, any other poll
    mention 23 of 128."""
    for t in doc:
        if t.lower_ != "in" or t.dep_ != "prep":
            continue
        obj = next((c for c in t.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in POLL_NOUNS:
            continue
        opening = not any(not (x.is_space or x.is_punct) for x in doc[t.sent.start:t.i])
        outside = (x for x in t.sent if not t.left_edge.i <= x.i <= t.right_edge.i)  # not "Channel 9"
        if opening or obj.tag_ in {"NN", "NNP"} and any(_figure(x) for x in outside):
            yield t, t, obj


def _figure(tok: "Token") -> bool:
    """A number or share ("25", "percent", "%", "points")."""
    return tok.like_num or tok.lower_ in {"%", "percent", "points", "percentage"}


__all__ = [
    "Draft", "poll_leads", "is_cue", "is_verbal", "cue_status", "subject_of", "speaker_of", "token_span", "trim",
    "subject_span", "runs", "according_to",
    "content_frame", "cue_extent", "cue_variants", "PHRASAL_PREPS", "CATENATIVES", "catenative_head",
]
