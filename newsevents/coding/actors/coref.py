"""Coreference for the actors stage (called by :class:`~.actors.ActorStage`).

* Names: a full name ("Kim Lee") makes a person; a later single name ("Lee")
  goes to the person of that surname (or first name) that the passage is
  about, i.e. the one mentioned most recently, unless a title or honorific
  next to it ("Sen. Lee", "Ms. Lee") fits another one better.
* Pronouns: he/him/his/himself and she/her/hers/herself go to the most
  salient compatible person of the current or the two previous sentences
  (subjects first, then recency), never to the subject of the same verb for
  an object pronoun.
* Role nouns: "the minister", "the ambassador" go to the most recent person
  whose role has that word, within the last five sentences.
* They/them/their go to a group or organization only when exactly one was
  mentioned in this or the previous sentence.
* Institution nouns: "the ministry", "the army" go to the most recent
  organization or group of the last five sentences whose name has that word.
* "It", subject of what an organization or a country says ("the ministry said
  it had …"), is that organization or country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..vocab.gazetteer import norm
from ..vocab.roles import FEMALE_NAMES, HONORIFICS, MALE_NAMES, TITLES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .types import Builder, Draft, NameMention

_MALE = frozenset("he him his himself".split())
_FEMALE = frozenset("she her hers herself".split())
_PLURAL = frozenset("they them their theirs themselves".split())

_PRONOUNS = _MALE | _FEMALE | _PLURAL
_SUBJ = frozenset(("nsubj", "nsubjpass"))
_OBJ = frozenset(("dobj", "pobj", "iobj", "dative"))
_ROLE_WINDOW = 5
#: Nouns that refer back to a named institution ("the ministry said", "the army denied").
_INSTITUTIONS = frozenset("ministry army military navy police embassy government parliament "
                          "court council commission committee cabinet junta".split())
#: Nouns that refer back to an organization ("the group said").
_ORG_NOUNS = frozenset("group movement organization organisation alliance bloc agency militia party".split())
#: Offices whose holder is an actor even when the article never names them ("the President said").
_HIGH_OFFICES = frozenset("president minister premier chancellor king queen emir pope governor mayor".split())
_OFFICE_MODIFIERS = frozenset("prime foreign defense defence interior finance vice deputy former "
                              "supreme crown".split())
_PRONOUN_WINDOW = 2
#: Nouns that name the organization itself before a title ("Ministry spokesman", "agency director").
INSTITUTIONS = _INSTITUTIONS | _ORG_NOUNS


def _norm(w: str) -> str:
    return norm(w)


class NameResolver:
    """Gives each name mention, in text order, the key of its person (see module doc)."""

    def __init__(self, b: "Builder", names: list["NameMention"]) -> None:
        self.b = b
        self.last_seen: dict[str, int] = {}
        self.words_of: dict[str, tuple[str, ...]] = {}
        # full names in order, for a short form that comes before the full name
        self.full = [tuple(_norm(w) for w in m.words) for m in names if len(m.words) >= 2]

    def key_of(self, m: "NameMention") -> str:
        """The person key for ``m``; call in text order, after earlier mentions were added."""
        words = tuple(_norm(w) for w in m.words)
        if len(words) >= 2:
            key = self._longer(words) or f"person:{words[0]} {words[-1]}"
        else:
            key = (_resolve_single(self.b, m, words[0], self.last_seen, self.words_of)
                   or self._later(words[0]) or f"person:{words[0]}")
        if len(words) > len(self.words_of.get(key, ())):
            self.words_of[key] = words
        self.last_seen[key] = m.start
        return key

    def _longer(self, words: tuple[str, ...]) -> str | None:
        """A known fuller name that ends with ``words`` ("De Blasio" in "Bill de Blasio")."""
        for key, ws in self.words_of.items():
            if len(ws) > len(words) and ws[-len(words):] == words:
                return key
        for ws in self.full:
            if len(ws) > len(words) and ws[-len(words):] == words:
                return f"person:{ws[0]} {ws[-1]}"
        return None

    def _later(self, word: str) -> str | None:
        """The first full name later in the text with this surname ("Trump" … "Donald Trump",
        "Moon" … "Moon Jae-in")."""
        for ws in self.full:
            if surname(ws, self.b.words.family_first) == word:
                return f"person:{ws[0]} {ws[-1]}"
        return None


def surname(words: tuple[str, ...], listed: frozenset[str]) -> str:
    """The family name of a normalised full name: the first word of a Korean, Chinese or
    Vietnamese name ("moon jae-in", "xi jinping"), else the last ("ana ruiz"). A second word
    that is a Western given name or another listed family name ("kim lee") keeps Western order."""
    if 2 <= len(words) <= 3 and words[0] in listed and words[1] not in listed \
            and words[1] not in MALE_NAMES and words[1] not in FEMALE_NAMES:
        return words[0]
    return words[-1]


def _resolve_single(b: "Builder", m: "NameMention", word: str, last_seen: dict[str, int],
                    words_of: dict[str, tuple[str, ...]]) -> str | None:
    """The person a bare surname or first name refers to, by recency and title fit."""
    cands = [k for k, ws in words_of.items() if len(ws) >= 2 and word in (ws[-1], ws[0])]
    if not cands:
        return None
    by_surname = [k for k in cands if surname(words_of[k], b.words.family_first) == word]
    cands = by_surname or cands
    title = _title_word(b, m.start)
    if m.gender:
        fit = [k for k in cands if b.drafts.get(k) is None or b.drafts[k].gender in (None, m.gender)]
        cands = fit or cands
    if title and title not in HONORIFICS:
        fit = [k for k in cands if _has_title(b.drafts.get(k), title)]
        cands = fit or cands
    return max(cands, key=lambda k: last_seen.get(k, -1))


def _title_word(b: "Builder", start: int) -> str | None:
    if start == 0:
        return None
    w = b.doc[start - 1].lower_.rstrip(".")
    return w if w in TITLES or w in HONORIFICS else None


def _has_title(d: "Draft | None", title: str) -> bool:
    if d is None or not d.role:
        return False
    return title in d.role.lower().replace(".", "").split()


def link_pronouns(b: "Builder") -> None:
    """Link personal pronouns, role nouns and unambiguous "they" (see module doc)."""
    for tok in b.toks:
        low = tok.lower_
        if tok.i in b.owner or not (low in _PRONOUNS or low in TITLES or low in _ORG_NOUNS
                                    or low in _INSTITUTIONS):
            continue
        if low in _MALE or low in _FEMALE:
            key = _pronoun_antecedent(b, tok, "m" if low in _MALE else "f")
        elif low in _PLURAL:
            key = _plural_antecedent(b, tok)
        elif low in _ORG_NOUNS and tok.pos_ == "NOUN":
            _link_org_noun(b, tok)
            continue
        elif low in _INSTITUTIONS and tok.pos_ == "NOUN":
            _link_institution(b, tok)
            continue
        elif tok.lemma_.lower() in TITLES and tok.pos_ in ("NOUN", "PROPN"):
            _link_role_noun(b, tok)
            continue
        else:
            continue
        if key is not None:
            b.mention(key, tok.i, tok.i + 1)
    for tok in b.toks:
        if tok.lower_ == "it" and tok.i not in b.owner:
            key = _reported_it(b, tok)
            if key is not None:
                b.mention(key, tok.i, tok.i + 1)


def _reported_it(b: "Builder", tok: "Token") -> str | None:
    """ "The ministry said it had summoned the envoy": "it", subject of what an
    organization or a country says, is that organization or country."""
    clause = tok.head
    if tok.dep_ not in _SUBJ or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    # the nearest one: a dateline can be misread as a second subject ("KYIV - the army said")
    speaker = min(subjects, key=lambda c: abs(verb.i - c.i)) if subjects else None
    key = b.owner.get(speaker.i) if speaker is not None else None
    d = b.drafts.get(key) if key is not None else None
    return key if d is not None and d.kind in ("organization", "group", "country") else None


def _link_org_noun(b: "Builder", tok: "Token") -> None:
    """ "the group", "the militant group", "the alliance": the one organization or group of
    this or the previous sentence."""
    toks, i = b.toks, tok.i - 1
    while i >= 0 and toks[i].pos_ in ("ADJ", "NOUN") and i not in b.owner and tok.i - i <= 2:
        i -= 1
    if i < 0 or toks[i].lower_ != "the" or (tok.i + 1 < len(toks) and toks[tok.i + 1].lower_ == "of"):
        return
    cands = {d.key for _, d in mentions_before(b, tok, 1, ("organization", "group"))
             if not d.key.startswith("group:")}
    if len(cands) == 1:
        b.mention(cands.pop(), i, tok.i + 1)


def _link_institution(b: "Builder", tok: "Token") -> None:
    """ "the ministry said", "the army denied it": the most recent actor of the last
    five sentences whose name has that word ("Turkey's foreign ministry", "Sudan's army")."""
    start = _definite(b, tok)
    if start is None:
        return
    word = tok.lower_
    cands = [d for _, d in mentions_before(b, tok, _ROLE_WINDOW, ("organization", "group"))
             if word in d.name.lower().split()]
    if cands:
        b.mention(cands[-1].key, start, tok.i + 1)


def refers_back(t: "Token") -> bool:
    """ "its"/"their" or an institution noun before a title ("its director", "Ministry spokesman")."""
    return (t.lower_ in ("its", "their") and t.dep_ == "poss") or \
        (t.lower_ in INSTITUTIONS and t.dep_ in ("compound", "nmod"))


def possessor(b: "Builder", tok: "Token") -> "Draft | None":
    """The organization, group or country an "its"/"their" (or a bare institution noun
    such as "Ministry" in "Ministry spokesman …") before a title stands for: "North
    Korea's spy agency … its director" -> the agency."""
    low = tok.lower_
    if low in ("its", "their") and tok.dep_ == "poss":
        cands = [(i, d) for i, d in mentions_before(b, tok, 1, ("organization", "group", "country"))
                 if low == "their" or not _plural_mention(b, i, d)]
        return cands[-1][1] if cands else None
    if low in INSTITUTIONS and tok.dep_ in ("compound", "poss", "nmod"):
        cands = [d for _, d in mentions_before(b, tok, _ROLE_WINDOW, ("organization", "group"))
                 if low in d.name.lower().split()]
        return cands[-1] if cands else None
    return None


def _plural_mention(b: "Builder", i: int, d: "Draft") -> bool:
    """True when the mention of ``d`` at ``i`` is a plural noun ("protesters"), which "its" cannot take."""
    end = next((e for s, e in d.spans if s == i), i + 1)
    return b.doc[end - 1].tag_ in ("NNS", "NNPS")


def _link_role_noun(b: "Builder", tok: "Token") -> None:
    """ "the minister" -> the minister named before; "the President" with nobody named
    before -> an unnamed office holder (a person actor of its own)."""
    start = _definite(b, tok)
    if start is None:
        return
    key = _role_antecedent(b, tok)
    if key is not None:
        b.mention(key, start, tok.i + 1)
        return
    word = tok.lemma_.lower()
    if word in _HIGH_OFFICES:
        role = b.doc[start + 1:tok.i + 1].text
        b.mention(f"person:office:{role.lower()}", start, tok.i + 1, kind="person", name=role,
                  sector=TITLES[word][0], role=role)


def _definite(b: "Builder", tok: "Token") -> int | None:
    """Start of "the [prime] minister" standing alone (not "the minister Ana Ruiz",
    not "the minister's office", not "the minister of X" that another step coded)."""
    toks, i = b.toks, tok.i - 1
    while i >= 0 and toks[i].lower_ in _OFFICE_MODIFIERS and i not in b.owner:
        i -= 1
    if i < 0 or toks[i].lower_ != "the" or i in b.owner:
        return None
    nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
    if nxt is not None and (nxt.pos_ == "PROPN" or nxt.text in ("'s", "\u2019s")):
        return None
    return i


def mentions_before(b: "Builder", tok: "Token", window: int, kinds: tuple[str, ...]) -> list[tuple[int, "Draft"]]:
    """(token index, draft) of mentions of ``kinds`` in the last ``window`` sentences before ``tok``."""
    s = b.sent_of[tok.i]
    out = []
    for d in b.drafts.values():
        if d.kind not in kinds:
            continue
        for start, _ in d.spans:
            if start < tok.i and s - window <= b.sent_of[start] <= s:
                out.append((start, d))
    return sorted(out, key=lambda x: x[0])


def _pronoun_antecedent(b: "Builder", tok: "Token", gender: str) -> str | None:
    """Most salient gender-compatible person before ``tok`` (subjects first, then recency);
    in a fronted phrase, the subject that follows ("In his book, Mr. Ode said")."""
    doc = b.doc
    ahead = _cataphora(b, tok, gender)
    if ahead is not None:
        return ahead
    cands = [(i, d) for i, d in mentions_before(b, tok, _PRONOUN_WINDOW, ("person",))
             if d.gender in (None, gender)]
    if tok.dep_ in _OBJ or tok.lower_ in ("him", "her", "himself", "herself"):
        verb = tok.head if tok.dep_ != "pobj" else tok.head.head
        if tok.lower_ not in ("himself", "herself"):
            same = {d.key for i, d in cands if doc[i].dep_ in _SUBJ or _span_root(b, i, d).dep_ in _SUBJ
                    if _root_of(doc, i, d).i == verb.i}
            cands = [(i, d) for i, d in cands if d.key not in same]
    if not cands:
        return None
    s = b.sent_of[tok.i]

    def score(item: tuple[int, "Draft"]) -> tuple[int, int, int]:
        i, d = item
        head = _span_root(b, i, d)
        subject = head.dep_ in _SUBJ or (head.dep_ == "appos" and head.head.dep_ in _SUBJ)
        return (-(s - b.sent_of[i]), int(subject), i)

    best = max(cands, key=score)[1]
    if best.gender is None and len({d.key for _, d in cands}) == 1:
        best.gender = gender  # the only candidate: now we know
    return best.key


_FRONTED = frozenset(("prep", "advcl", "npadvmod", "advmod"))


def _cataphora(b: "Builder", tok: "Token", gender: str) -> str | None:
    """The person subject of the main clause when ``tok`` sits in a phrase fronted before it."""
    root = tok.sent.root
    subj = next((c for c in root.children if c.dep_ in _SUBJ), None)
    if subj is None or subj.i <= tok.i:
        return None
    d = b.draft_at(subj.i)
    if d is None or d.kind != "person" or d.gender not in (None, gender):
        return None
    branch = tok
    while branch.head.i != root.i and branch.head.i != branch.i:
        branch = branch.head
    if branch.dep_ in _FRONTED and branch.i < subj.i:
        return d.key
    return None


def _span_root(b: "Builder", i: int, d: "Draft") -> "Token":
    end = next((e for s, e in d.spans if s == i), i + 1)
    return b.doc[i:end].root


def _root_of(doc, i: int, d: "Draft") -> "Token":
    end = next((e for s, e in d.spans if s == i), i + 1)
    return doc[i:end].root.head


def _plural_antecedent(b: "Builder", tok: "Token") -> str | None:
    """The one group/organization of this or the previous sentence, if there is exactly one,
    and no plural noun that is no actor is the subject of the pronoun's own clause
    ("1,400 people fled their homes": "their" is the people's)."""
    if _nonactor_plural_subject(b, tok):
        return None
    cands = mentions_before(b, tok, 1, ("group", "organization"))
    keys = {d.key for _, d in cands}
    return keys.pop() if len(keys) == 1 else None


def _nonactor_plural_subject(b: "Builder", tok: "Token") -> bool:
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # up to the clause's verb
        head = head.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i]
    return any(s.tag_ in ("NNS", "NNPS") and s.i not in b.owner for s in subjects)


def _role_antecedent(b: "Builder", tok: "Token") -> str | None:
    """The most recent person whose role has this title word."""
    word = tok.lemma_.lower()
    cands = [(i, d) for i, d in mentions_before(b, tok, _ROLE_WINDOW, ("person",)) if _has_title(d, word)]
    # several ministers in the window: the most recently mentioned one is the passage's
    return cands[-1][1].key if cands else None
