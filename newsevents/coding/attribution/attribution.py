"""The attribution stage: quotes and reported speech, with source, cue and content.

``AttributionStage`` fills ``analysis.attributions`` with
:class:`~newsevents.records.Attribution` records (ids ``Q1``, ``Q2`` … in
text order of their cues) and ``analysis.content_of`` with the attribution
that holds each token (the innermost one when attributions nest).

It works in passes over the parse:

1. direct quotes (:mod:`.attribution_quotes`) are tied to the nearest cue
   verb of their sentence ("…," said X / X said: "…") or to a dash byline
   ("“…” ― Ana Ruiz"); a quote paragraph that continues an unclosed quote
   stays with its speaker;
2. the remaining verbs with a complement (a clause, "urged X to …", "called
   for …", an object) give indirect speech, or mixed speech when the clause
   quotes words.  Which verbs are cues is decided by the hand lexicon
   (``data/lexicons/attribution_cues.tsv``) for speech verbs with a clause,
   and otherwise by the cue classifier learned from PolNeAR train
   (:mod:`.models.attribution_cues`; the frame table alone when
   ``use_model`` is off); a clause that is all one lower-case quote ("She
   added, “frankly, …”") is the verb's direct quote, and a catenative verb
   whose infinitive attributes nothing is the cue ("declined" + "to comment");
3. "according to X" (and "In a … poll," or a figure "in the latest … poll")
   gives an attribution whose content is the rest of its clause;
4. "Name: …" opens a headline or a transcript line when what follows reads
   as a claim (not "The Latest: …", not a tally "Clinton: 547");
5. quotes left without a cue go to the speaker just before them.

Spans follow PolNeAR's conventions (see :mod:`.attribution_rules`).
"""

from __future__ import annotations

import logging
from itertools import chain
from typing import TYPE_CHECKING

from ...ingest.clean import is_kicker
from ...records import Attribution, AttributionSource
from .cue_model import CueModel, features, load_cue_model
from ..lexicon_files import LexiconFiles
from .lexicon import CueWords, cue_words, frames
from .quotes import Quote, find_quotes, paragraphs
from .rules import (
    Draft, according_to, poll_leads, catenative_head, content_frame, cue_extent, cue_status, is_verbal, runs,
    speaker_of, subject_of, subject_span, token_span, trim,
)
from .shapes import (
    COLON_LEAD, DASH_BYLINE, MIN_DIRECT_TOKENS, extend_to_quote, is_fragment, is_outlet, is_quoted,
    looks_like_title, via_tokens,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..base import Analysis

log = logging.getLogger(__name__)

#: a draft without a source is kept when the cue model gives its cue at least this
#: probability (PolNeAR train: 163 of 240 such drafts had a gold cue at >= 0.7)
SOURCELESS_CONFIDENCE = 0.7


def keeps(draft: Draft) -> bool:
    """Whether a draft is an attribution: it has a source, is passive ("X is
    expected to …"), or its cue is one the cue model is sure of."""
    return draft.source is not None or draft.passive or draft.confidence >= SOURCELESS_CONFIDENCE


class AttributionStage:
    """Coding stage ``attribution``: see the module docstring."""

    name = "attribution"

    def __init__(self, use_model: bool = True, files: LexiconFiles = LexiconFiles()) -> None:
        #: with ``use_model``, the frame table learned from PolNeAR train adds cues
        self.use_model = use_model
        #: the cue lexicon and outlets, from ``files`` (``Settings.lexicons``)
        self.words = cue_words(files)
        self.frames = frames(self.words.cues, use_model)

    def __call__(self, analysis: "Analysis") -> None:
        """Find the attributions of ``analysis.doc`` and record them."""
        doc = analysis.doc
        text = analysis.article.text
        model = load_cue_model() if self.use_model else None
        finder = _Finder(doc, text, self.frames, self.words, model)
        drafts = finder.run()
        _finish(analysis, drafts)


class _Finder:
    """The three passes over one document."""

    def __init__(self, doc: "Doc", text: str, table: dict[str, frozenset[str]], words: CueWords,
                 model: "CueModel | None" = None) -> None:
        self.doc = doc
        self.text = text
        self.table = table
        self.words = words
        self.model = model
        self.quotes: list[Quote] = find_quotes(text)
        self.quote_of_token = self._index_quotes()
        verbs = [t for t in doc if is_verbal(t) and self.quote_of_token.get(t.i) is None]
        listed = [t for t in verbs if t.lemma_.lower() in table]
        # "appeared to suggest": the infinitive is the cue, its catenative head is not;
        # but "declined to comment" attributes nothing to the infinitive, so the head
        # stays a candidate (PolNeAR's cue is then "declined", its content "to comment")
        heads = {h.i for h, t in ((catenative_head(t), t) for t in listed)
                 if h is not None and content_frame(t) is not None}
        # with the learned model every verb is a candidate; without it, listed verbs only
        cues = verbs if model is not None else listed
        self.cues = [t for t in cues if t.i not in heads]
        #: listed cue verbs: what direct quotes attach to and what ends a speaker's turn
        self.cue_set = {t.i for t in listed if t.i not in heads}
        self.by_cue: dict[int, Draft] = {}
        self.orphans: list[int] = []  # quotes with no cue of their own
        self.drafts: list[Draft] = []
        self.para_starts = [p[0] for p in paragraphs(text)]

    def _index_quotes(self) -> dict[int, int]:
        """token index -> index of the quote that holds it."""
        out: dict[int, int] = {}
        qi = 0
        for t in self.doc:
            while qi < len(self.quotes) and self.quotes[qi].end <= t.idx:
                qi += 1
            if qi < len(self.quotes) and self.quotes[qi].start <= t.idx < self.quotes[qi].end:
                out[t.i] = qi
        return out

    def run(self) -> list[Draft]:
        self._direct_pass()
        self._indirect_pass()
        self._according_pass()
        self._colon_headlines()
        self._adopt_orphans()
        # a cue with no one saying it ("calling for …" after a noun, "known as") is
        # rarely an attribution (65 of 89 such drafts were wrong on PolNeAR dev) unless
        # the cue model is sure of it ("In defending himself, …"; 163 of 240 right on train)
        kept = [d for d in self.drafts if keeps(d)]
        return sorted(kept, key=lambda d: d.cue[0])

    # -- pass 1: direct quotes -------------------------------------------------
    def _quote_tokens(self, q: Quote) -> list["Token"]:
        span = self.doc.char_span(q.start, q.end, alignment_mode="expand")
        return list(span) if span is not None else []

    def _direct_pass(self) -> None:
        last: Draft | None = None
        for qi, q in enumerate(self.quotes):
            toks = self._quote_tokens(q)
            if q.continues is not None:
                owner = next((d for d in self.drafts if q.continues in d.quotes), None)
                if owner is not None:
                    owner.contents.append((q.start, q.end))
                    owner.quotes.append(qi)
                    last = owner
                    continue
                if q.continues in self.orphans:
                    self.orphans.append(qi)
                    continue
            if looks_like_title(toks):
                continue
            if is_fragment(self.text, q):
                # a lower-case piece belongs to a quote its sentence's cue already
                # owns (“…,” she said, “and …”); otherwise pass 2 reads it as mixed
                cue = self._cue_for_quote(q, toks)
                if cue is not None and cue.i in self.by_cue and self.by_cue[cue.i].kind == "direct":
                    self.by_cue[cue.i].contents.append((q.start, q.end))
                    self.by_cue[cue.i].quotes.append(qi)
                continue
            dashed = self._dash_byline(qi, q)
            if dashed is not None:
                last = dashed
                continue
            cue = self._cue_for_quote(q, toks)
            if cue is not None:
                last = self._attach(cue, qi, q)
            elif last is not None and self._continues_speaker(last, q):
                last.contents.append((q.start, q.end))
                last.quotes.append(qi)
            else:
                self.orphans.append(qi)

    def _adopt_orphans(self) -> None:
        """Give an uncued quote to the attribution just before it ("X said Monday.
        "…"") when no other cue comes in between."""
        for qi in self.orphans:
            q = self.quotes[qi]
            if q.continues is not None:
                owner = next((d for d in self.drafts if q.continues in d.quotes), None)
                if owner is not None:
                    owner.contents.append((q.start, q.end))
                    owner.quotes.append(qi)
                    continue
            before = [d for d in self.drafts if d.source is not None and d.cue[1] <= q.start]
            if not before:
                continue
            owner = max(before, key=lambda d: d.cue[0])
            if self._continues_speaker(owner, q):
                owner.contents.append((q.start, q.end))
                owner.quotes.append(qi)
                if owner.kind == "indirect":
                    owner.kind = "mixed"

    def _dash_byline(self, qi: int, q: Quote) -> Draft | None:
        """ "“…” ― Ana Ruiz": a quote signed with a dash and a name on the same line."""
        m = DASH_BYLINE.match(self.text, q.end)
        if m is None:
            return None
        name = m.group(2).strip().rstrip(" .,\u00a0")
        if not name or len(name.split()) > 8 or not name[0].isupper():
            return None
        dash_start = m.start(1)
        src_start = m.start(2)
        cue_tok = self.doc.char_span(dash_start, m.end(1), alignment_mode="expand")
        draft = Draft(cue=(dash_start, m.end(1)), cue_token=cue_tok.start if cue_tok else -1,
                      status="reported", kind="direct")
        draft.source = (src_start, src_start + len(name))
        head = self.doc.char_span(src_start, src_start + len(name), alignment_mode="expand")
        draft.source_head = head.root.i if head is not None else None
        draft.contents.append((q.start, q.end))
        draft.quotes.append(qi)
        self.drafts.append(draft)
        return draft

    def _cue_for_quote(self, q: Quote, toks: list["Token"]) -> "Token | None":
        """The cue verb of the quote's sentence(s) nearest to it, outside quotes."""
        sents = {toks[0].sent.start: toks[0].sent, toks[-1].sent.start: toks[-1].sent}
        after = self._sentence_after(q, toks[-1])
        if after is not None:  # '"… wall?" | He said.': the parser split off the cue
            sents[after.start] = after
        best: "Token | None" = None
        best_dist = 10**9
        for sent in sents.values():
            for t in sent:
                if t.i not in self.cue_set or "ccomp" not in self.table.get(t.lemma_.lower(), ()):
                    continue
                dist = min(abs(t.idx - q.end), abs(t.idx - q.start))
                if dist < best_dist:
                    best, best_dist = t, dist
        if best is None:
            best = self._colon_cue(toks[0])
        return best

    def _sentence_after(self, q: Quote, last: "Token") -> "Span | None":
        """The sentence that starts right after a quote on the same line, when it is
        a short "he said." with no complement of its own."""
        end = last.sent.end
        if end >= len(self.doc) or "\n" in self.text[q.end:self.doc[end].idx]:
            return None
        nxt = self.doc[end].sent
        if len(nxt) > 12 or any(t.dep_ == "ccomp" for t in nxt):
            return None
        return nxt

    def _colon_cue(self, first: "Token") -> "Token | None":
        """A cue of the previous sentence that ends with a colon ("X said:")."""
        sent = first.sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        if prev[-1].text != ":":
            return None
        for t in reversed(list(prev)):
            if t.i in self.cue_set:
                return t
        return None

    def _continues_speaker(self, last: Draft, q: Quote) -> bool:
        """Whether an uncued quote is the previous speaker's next words."""
        if not last.contents:
            return False
        prev_end = last.contents[-1][1]
        between = self.text[prev_end:q.start]
        # same or next paragraph, and no other cue verb in between
        if between.count("\n\n") > 1 or between.count("\n") > 2:
            return False
        return not any(prev_end <= self.doc[i].idx < q.start and i != last.cue_token for i in self.cue_set)

    def _attach(self, cue: "Token", qi: int, q: Quote) -> Draft:
        """Give quote ``qi`` to the attribution of ``cue`` (creating it).

        When the cue's clause runs beyond the quote ("With X, "…," he said"
        or "he said the plan was "…""), the content is that clause with the
        quote in it, and the attribution is mixed.
        """
        draft = self.by_cue.get(cue.i)
        if draft is None:
            draft = self._new_draft(cue, "direct", "ccomp")
        found = content_frame(cue)
        draft.quotes.append(qi)
        if found is not None and found[0] == "ccomp":
            toks = [t for t in found[1] if t.i not in self.cue_set or t.i == cue.i]
            span = token_span(toks)
            if span and span[0] < q.end and q.start < span[1]:
                start, end = min(span[0], q.start), max(span[1], q.end)
                outside = self.text[start:q.start].strip() + self.text[q.end:end].strip()
                if any(ch.isalnum() for ch in outside):
                    draft.kind = "mixed"
                    for r in runs(self.text, toks):
                        draft.contents.append(extend_to_quote(r, q))
                    return draft
        draft.contents.append((q.start, q.end))
        return draft

    # -- pass 2: indirect speech ----------------------------------------------
    def _indirect_pass(self) -> None:
        for cue in self.cues:
            if cue.i in self.by_cue:
                continue
            found = content_frame(cue)
            if found is None:
                found = self._parenthetical(cue)
            if found is None:
                continue
            frame, toks = found
            if not self._accepts(cue, frame):
                continue
            confidence = self._confidence(cue, frame)
            if frame == "ccomp" and toks and all(t.i in self.quote_of_token for t in toks if not t.is_punct):
                self._quoted_clause(cue, toks, confidence)
                continue  # the clause is a quote that pass 1 left alone
            contents = runs(self.text, toks)
            if not contents:
                continue
            draft = self._new_draft(cue, "indirect", frame)
            draft.confidence = confidence
            inner = sorted({self.quote_of_token[t.i] for t in toks if t.i in self.quote_of_token})
            if inner:
                draft.kind = "mixed"
                draft.quotes.extend(inner)
                last_q = self.quotes[inner[-1]]
                contents[-1] = extend_to_quote(contents[-1], last_q)
            draft.contents.extend(contents)

    def _quoted_clause(self, cue: "Token", toks: list["Token"], confidence: float) -> None:
        """'He added, “actually, we …”': a clause that is all one quote starting in lower
        case, which pass 1 left to this verb, is the verb's direct quote when it has at
        least ``MIN_DIRECT_TOKENS`` words and no other attribution owns it."""
        qis = sorted({self.quote_of_token[t.i] for t in toks if t.i in self.quote_of_token})
        if len(qis) != 1 or any(qis[0] in d.quotes for d in self.drafts):
            return
        q = self.quotes[qis[0]]
        words = [t for t in self._quote_tokens(q) if not (t.is_punct or t.is_space)]
        if len(words) < MIN_DIRECT_TOKENS or not is_fragment(self.text, q):
            return
        draft = self._new_draft(cue, "direct", "ccomp")
        draft.confidence = confidence
        draft.contents.append((q.start, q.end))
        draft.quotes.append(qis[0])

    def _accepts(self, cue: "Token", frame: str) -> bool:
        """Whether ``cue`` with this complement frame is an attribution cue."""
        lemma = cue.lemma_.lower()
        if frame == "parenthetical":
            return lemma in self.table
        entry = self.words.cues.get(lemma)
        if frame == "ccomp" and entry is not None and entry.strong:
            return True  # a speech verb with a clause: always reported speech
        if self.model is not None:
            return self.model.is_cue(cue, frame, self.words.cues)
        return frame in self.table.get(lemma, frozenset())

    def _confidence(self, cue: "Token", frame: str) -> float:
        """The cue model's probability for ``cue`` (0 without the model or for an unseen verb)."""
        if self.model is None or frame == "parenthetical" or f"lemma={cue.lemma_.lower()}" not in self.model.weights:
            return 0.0
        return self.model.probability(features(cue, frame, self.words.cues))

    def _parenthetical(self, cue: "Token") -> tuple[str, list["Token"]] | None:
        """ "X, he said, Y" / "X, she added." / "As the paper reported, X": the
        content is the governing clause."""
        head = cue.head
        if cue.dep_ not in {"parataxis", "ccomp", "advcl"} or head.i == cue.i or head.pos_ not in {"VERB", "AUX"}:
            return None
        if cue.dep_ != "parataxis" and not (_as_clause(cue) or cue.i > 0 and cue.doc[
                cue.i - 1 - (cue.i - cue.left_edge.i)].text in {",", "—"}):
            return None
        if subject_of(cue) is None:
            return None
        banned = {t.i for t in cue.subtree}
        toks = [t for t in head.subtree if t.i not in banned and t.i not in self.cue_set]
        return "parenthetical", toks

    # -- pass 3: according to ---------------------------------------------------
    def _according_pass(self) -> None:
        for acc, to, obj in chain(according_to(self.doc), poll_leads(self.doc)):
            if acc.i in self.quote_of_token:
                continue
            sent = acc.sent
            prep = {t.i for t in acc.subtree} | {t.i for t in to.subtree}
            toks = [t for t in sent if t.i not in prep]
            contents = runs(self.text, toks)
            if not contents:
                continue
            draft = Draft(cue=(acc.idx, to.idx + len(to.text)), cue_token=acc.i, status="reported")
            src = subject_span(self.text, obj)
            draft.source, draft.source_head = src, obj.i
            if is_outlet(obj, self.words.outlets):
                draft.via.append(obj.i)
            draft.contents.extend(contents)
            self.drafts.append(draft)

    # -- pass 4: "Name: what they said" -----------------------------------------
    def _colon_headlines(self) -> None:
        """A paragraph that opens with a short capitalised name and a colon
        ("Gingrich: Trump Must Pick a Running Mate", "PENCE: Well, …")."""
        for p_start, p_end in paragraphs(self.text):
            m = COLON_LEAD.match(self.text, p_start, p_end)
            if m is None or is_kicker(m.group(2)):
                continue
            name_start, name_end = m.span(2)
            colon = m.start(3)
            content = trim(self.text, (m.end(3), p_end))
            span = self.doc.char_span(name_start, name_end, alignment_mode="expand")
            if content is None or span is None or any(t.i in self.by_cue for t in span):
                continue
            if not self._says_something(span, content):
                continue
            draft = Draft(cue=(colon, colon + 1), cue_token=span.end, status="reported", kind="direct"
                          if is_quoted(self.text, *content) else "indirect")
            draft.source, draft.source_head = (name_start, name_end), span.root.i
            draft.contents.append(content)
            self.drafts.append(draft)

    def _says_something(self, name: "Span", content: tuple[int, int]) -> bool:
        """Whether "Name: …" reads as a claim: quoted words, or a clause with a verb
        that is not a bare number ("Clinton: 547" is a tally).  A verbless phrase
        counts only after a named person or organisation ("Clinton: Time for …").
        On PolNeAR train verbless, unquoted leads after other names were a gold
        attribution 4 times of 32 ("The Ninth Circle: The Hellish View …")."""
        if is_quoted(self.text, *content):
            return True
        words = self.doc.char_span(*content, alignment_mode="expand")
        if words is None or words[0].like_num:
            return False
        if any(t.pos_ in {"VERB", "AUX"} for t in words):
            return True
        return any(t.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for t in name)

    # -- helpers ------------------------------------------------------------------
    def _new_draft(self, cue: "Token", kind: str, frame: str | None) -> Draft:
        span = self.model.extent(cue, frame) if self.model is not None else cue_extent(cue, frame)
        draft = Draft(cue=span, cue_token=cue.i, status=cue_status(cue, self.words.cues), kind=kind)
        draft.passive = any(c.dep_ == "nsubjpass" for c in cue.children)
        subj = speaker_of(cue)
        if subj is not None:
            draft.source, draft.source_head = subject_span(self.text, subj, cue), subj.i
        draft.via.extend(via_tokens(cue, self.words.outlets))
        self.by_cue[cue.i] = draft
        self.drafts.append(draft)
        return draft


def _as_clause(cue: "Token") -> bool:
    """ "As the Post reported, …" / "…, as she noted": an adverbial clause opened by
    "as" (on PolNeAR train such a listed verb without a complement of its own was
    the cue of its governing clause 38 times of 69, with this very span 31 times)."""
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)


def _source_actor(analysis: "Analysis", draft: Draft) -> str | None:
    """The actor a source span mentions: its head first, then any token in it."""
    if draft.source_head is None or draft.source is None:
        return None
    actor = analysis.actors.actor_at(draft.source_head)
    if actor is not None:
        return actor
    span = analysis.doc.char_span(draft.source[0], draft.source[1], alignment_mode="expand")
    if span is None:
        return None
    found = analysis.actors.actors_in(span.start, span.end)
    return found[0] if found else None


def _finish(analysis: "Analysis", drafts: list[Draft]) -> None:
    """Turn drafts into records and fill ``content_of`` (innermost wins)."""
    records: list[Attribution] = []
    for n, d in enumerate(drafts, start=1):
        contents = tuple(analysis.span(s, e) for s, e in sorted(set(d.contents)))
        if not contents:
            continue
        source = None
        if d.source is not None:
            source = AttributionSource(analysis.span(*d.source), _source_actor(analysis, d))
        via = tuple(dict.fromkeys(a for a in (analysis.actors.actor_at(i) for i in d.via) if a))
        records.append(Attribution(
            id=f"Q{len(records) + 1}", kind=d.kind, cue=analysis.span(*d.cue), contents=contents,
            source=source, status=d.status, via=via,
        ))
    analysis.attributions.extend(records)
    # widest first, so that nested (narrower) contents overwrite: innermost wins
    order = sorted(records, key=lambda a: -sum(c.end - c.start for c in a.contents))
    for att in order:
        for c in att.contents:
            span = analysis.doc.char_span(c.start, c.end, alignment_mode="contract")
            if span is None:
                continue
            for i in range(span.start, span.end):
                analysis.content_of[i] = att.id


__all__ = ["AttributionStage", "SOURCELESS_CONFIDENCE", "keeps"]
