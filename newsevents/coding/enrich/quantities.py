"""Numbers attached to events: casualties, arrests, displacement, munitions, money, troops.

A number expression ("at least 12", "over 1,400", "$2.5 billion", "twenty-three",
"3m") is found by one precompiled regex over the text, parsed by
:func:`parse_number`, and classified by the words it hangs on in the parse:
the noun it counts ("12 *people*", "40 *rockets*") and the predicate that
governs it ("*killing* 12", "12 were *wounded*", "the death *toll* rose to 40").
A quantity belongs to the event whose trigger governs it, else (casualties)
to the ASSAULT event of its sentence, else to the only event of its sentence;
a casualty count in the sentence right after a lone ASSAULT event, in a
sentence with no event of its own, belongs to that ASSAULT.
Vague amounts ("dozens", "hundreds", "tens of thousands") are skipped rather
than turned into invented numbers.  The qualifier of a number is kept as a
bound (:func:`parse_bounds`): "at least 12" is ``min=12``, "up to 300"
``max=300``, "about 40" ``approx``, a bare "15" ``min=max=15``.  A number with no recognised meaning is
dropped: every quantity emitted says what it counts.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...records import Quantity, Span
from . import anchors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..base import Analysis

log = logging.getLogger(__name__)

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
_CURRENCY_SIGN = {"us$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
                  "₽": "RUB", "₴": "UAH", "₪": "ILS", "c$": "CAD", "a$": "AUD"}
_CURRENCY_WORD = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "yuan": "CNY", "renminbi": "CNY",
    "ruble": "RUB", "rouble": "RUB", "yen": "JPY", "rupee": "INR", "hryvnia": "UAH",
    "shekel": "ILS", "usd": "USD", "eur": "EUR", "gbp": "GBP", "cny": "CNY", "rub": "RUB",
    "jpy": "JPY", "inr": "INR", "uah": "UAH", "chf": "CHF", "franc": "CHF", "rial": "IRR",
    "lira": "TRY", "naira": "NGN", "rand": "ZAR", "won": "KRW", "zloty": "PLN",
    "forint": "HUF", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "taka": "BDT",
    "afghani": "AFN",
}

_W = "|".join(sorted(list(_UNITS) + list(_SCALES) + ["dozen"], key=len, reverse=True))
# Qualifier -> (bound, approx): which side the number bounds ("min": the count is
# at least it, "max": at most it, None: neither) and whether it is an estimate; also
# the modifiers the number pattern accepts before a number (one list).
_QUALIFIERS: tuple[tuple[str, str | None, bool], ...] = (
    ("at least", "min", False), ("more than", "min", False), ("upwards of", "min", False),
    ("well over", "min", False), ("just over", "min", True), ("over", "min", False),
    ("at most", "max", False), ("less than", "max", False), ("fewer than", "max", False),
    ("up to", "max", False), ("as many as", "max", False), ("just under", "max", True),
    ("under", "max", False), ("nearly", "max", True), ("almost", "max", True),
    ("close to", "max", True), ("about", None, True), ("around", None, True),
    ("approximately", None, True), ("roughly", None, True), ("some", None, True),
    ("an estimated", None, True), ("estimated", None, True),
)
_MOD = (r"(?:(?:" + "|".join(words.replace(" ", r"\s+") for words, _, _ in _QUALIFIERS)
        + r")\s+)")
_SIGN = r"(?:US\$|C\$|A\$|\$|€|£|¥|₹|₽|₴|₪)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# "a million" (not "a quarter of a million"), or a run of number words
_WORDS = (rf"(?:(?<!\bof\s)(?:a|an|half\s+a)\s+(?:dozen|hundred|thousand|million|billion)\b"
          rf"|(?:{_W})(?:(?:\s+and\s+|[\s-]+)(?:{_W}))*)")
_SCALE = r"(?:[\s-]*(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|mn|mln|bn|b|tn)\b)"
_CUR_CODE = r"(?:USD|EUR|GBP|CNY|RUB|JPY|INR|UAH|CHF)"
_CUR_WORD = (r"(?:\s+(?:(?:US|U\.S\.|Canadian|Australian)\s+)?"
             r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|yuan|"
             r"renminbi|r[ou]bles?|yen|rupees?|hryvnias?|shekels?|francs?|rials?|lira|naira|rand|won|zloty|"
             r"forints?|baht|ringgits?|rupiah|taka|afghanis?)\b"
             r"|\s*" + _CUR_CODE + r"\b)")
NUMBER_RE = re.compile(
    rf"\b{_MOD}?(?:(?P<sign>{_SIGN})\s?|(?P<code>{_CUR_CODE})\s?)?"
    rf"(?P<num>(?:{_DIGITS}){_SCALE}?|{_WORDS})(?P<cur>{_CUR_WORD})?(?![\w%])"
    r"|" + rf"(?P<sign2>{_SIGN})\s?(?P<num2>{_DIGITS}{_SCALE}?)(?P<cur2>)(?![\w%])",
    re.IGNORECASE,
)
_DURATION_AFTER = re.compile(r"-(?:year|month|week|day|hour)", re.IGNORECASE)
_NOT_A_COUNT = re.compile(r"\b(?:no|not|aged?|ages)\s+$", re.IGNORECASE)
_PARSE_MOD = re.compile(r"^" + _MOD + "+", re.IGNORECASE)
_STRIP = re.compile(r"^(?:" + _SIGN + r"|" + _CUR_CODE + r")\s?|" + _CUR_WORD + r"$", re.IGNORECASE)
_NUMERIC = re.compile(r"^(" + _DIGITS + r")\s*([a-z]+)?$", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """Parse a number expression: "over 1,400" -> 1400, "a million" -> 1e6, "3m" -> 3e6.

    Modifiers (at least, over, nearly, some …) and currency marks are ignored;
    vague plurals ("dozens", "hundreds of", "tens of thousands") give ``None``.
    """
    t = " ".join(text.strip().lower().split())
    t = re.sub(r"(?<=\d)-(?=[a-z])", " ", t)  # "$400-million"
    t = _PARSE_MOD.sub("", t)
    t = _STRIP.sub("", t).strip()
    t = _STRIP.sub("", t).strip()
    if not t:
        return None
    m = _NUMERIC.match(t)
    if m:
        value = float(m.group(1).replace(",", ""))
        unit = (m.group(2) or "").lower()
        if not unit:
            return value
        scale = _SCALES.get(unit) or _SUFFIX.get(unit)
        return value * scale if scale else None
    parts = re.match(r"^(" + _DIGITS + r")\s+(" + "|".join(_SCALES) + r")$", t)
    if parts:
        return float(parts.group(1).replace(",", "")) * _SCALES[parts.group(2)]
    return _parse_words(t)


_AFTER_MIN = re.compile(r"\s*(?:\+|or\s+more\b|-plus\b)", re.IGNORECASE)
_AFTER_APPROX = re.compile(r"\s+or\s+so\b", re.IGNORECASE)


def parse_bounds(text: str, value: float, after: str = "") -> tuple[float | None, float | None, bool]:
    """``(min, max, approx)`` of a number expression whose value is ``value``.

    The qualifier before the number ("at least", "more than", "up to",
    "nearly", "about" …) or after it (``after``: "12 or more", "40 or so")
    says which side it bounds; an unqualified number is exact (``min == max ==
    value``).  "more than 1,400" is ``min=1400`` (the bound the text names,
    not 1401), "nearly 40,000" ``max=40000, approx=True``.
    """
    t = " ".join(text.strip().lower().split())
    lo: float | None = value
    hi: float | None = value
    approx = False
    for words, side, rough in _QUALIFIERS:
        if t.startswith(words + " "):
            approx = rough
            lo = value if side == "min" else None
            hi = value if side == "max" else None
            break
    if _AFTER_MIN.match(after):
        lo, hi = value, None
    elif _AFTER_APPROX.match(after):
        lo, hi, approx = None, None, True
    return lo, hi, approx


def _parse_words(t: str) -> float | None:
    """English number words: "twenty-three", "two hundred and fifty", "half a million"."""
    words = [w for w in re.split(r"[\s-]+", t) if w != "and"]
    if not words or words[0] in _SCALES:
        return None  # "those billion people": a bare scale word is not a count
    if words[:2] == ["half", "a"]:
        inner = _parse_words(" ".join(["a"] + words[2:]))
        return None if inner is None else inner / 2
    total, current, seen = 0.0, 0.0, False
    for k, w in enumerate(words):
        if w in ("a", "an") and k == 0 and len(words) > 1:
            current = 1
        elif w in _UNITS:
            current += _UNITS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number expression in the text, before it is classified."""

    start: int
    end: int
    value: float
    currency: str | None
    min: float | None = None
    max: float | None = None
    approx: bool = False


def find_numbers(text: str, blocked: list[tuple[int, int]] = (), start: int = 0,
                 end: int | None = None) -> list[NumberMention]:
    """Every parseable number expression of ``text[start:end]`` outside the ``blocked`` ranges."""
    out: list[NumberMention] = []
    for m in NUMBER_RE.finditer(text, start, len(text) if end is None else end):
        s, e = m.start(), m.end()
        if any(s < be and bs < e for bs, be in blocked):
            continue
        if _DURATION_AFTER.match(text, e):
            continue  # "a 62-year-old", "a three-day truce"
        if _NOT_A_COUNT.search(text, max(0, s - 8), s):
            continue  # "no one was hurt", "aged 56"
        value = parse_number(m.group())
        if value is None:
            continue
        lo, hi, approx = parse_bounds(m.group(), value, text[e:e + 12])
        out.append(NumberMention(s, e, value, _currency(m), lo, hi, approx))
    return out


def _currency(m: re.Match) -> str | None:
    """ISO 4217 code of the currency mark or word of a number match, if any."""
    sign = (m.group("sign") or m.group("sign2") or "").lower().replace(" ", "")
    if sign:
        return _CURRENCY_SIGN.get(sign, "USD" if sign.endswith("$") else None)
    code = m.group("code") or ""
    word = (m.group("cur") or "").strip().lower()
    for key in (code.lower(), word.split()[-1].rstrip("s") if word else "",
                word.split()[-1] if word else ""):
        if key in _CURRENCY_WORD:
            return _CURRENCY_WORD[key]
    return None


# --- classification: what a number counts ----------------------------------

_KILLED = frozenset({"kill", "killed", "die", "dead", "death", "fatality", "slay", "massacre",
                     "execute", "perish", "life", "toll", "murder", "drown", "behead", "gun"})
_INJURED = frozenset({"injure", "injured", "wound", "wounded", "hurt", "injury", "maim",
                      "hospitalize", "hospitalise", "hospitalized", "hospitalised"})
_MISSING = frozenset({"missing", "unaccounted", "disappear"})
_ARRESTED = frozenset({"arrest", "arrested", "detain", "detained", "jail", "imprison", "apprehend",
                       "custody", "detention", "round", "abduct", "kidnap"})
_DISPLACED = frozenset({"displace", "displaced", "flee", "evacuate", "uproot", "refugee",
                        "homeless", "displacement", "evacuee", "exodus", "home"})
_CASUALTY = frozenset({"casualty"})
_CATEGORIES = (("killed", _KILLED), ("injured", _INJURED), ("missing", _MISSING),
               ("arrested", _ARRESTED), ("displaced", _DISPLACED), ("casualties", _CASUALTY))
_PROJECTILES = frozenset({"shell", "rocket", "missile", "drone", "bomb", "mortar", "round",
                          "projectile", "munition", "grenade", "barrage", "strike", "airstrike"})
_FIRE = frozenset({"fire", "launch", "lob", "shoot", "rain", "hit", "strike", "land", "slam",
                   "target", "pound", "unleash", "send", "drop", "fly", "attack", "carry",
                   "barrage", "salvo", "volley", "fall"})
_INTERCEPT = frozenset({"intercept", "down", "destroy", "repel", "neutralize", "neutralise"})
_TROOPS = frozenset({"troop", "soldier", "servicemember", "personnel", "marine", "paratrooper",
                     "reservist", "serviceman", "servicemen", "force", "peacekeeper", "conscript"})
_DEPLOY = frozenset({"deploy", "send", "dispatch", "station", "mobilize", "mobilise", "mass",
                     "amass", "move", "base", "position", "post", "rush", "commit", "call"})
_PERSON_NOUNS = frozenset({
    "people", "person", "civilian", "child", "children", "woman", "women", "man", "men",
    "soldier", "troop", "fighter", "militant", "rebel", "protester", "protestor", "demonstrator",
    "resident", "villager", "student", "journalist", "worker", "migrant", "refugee", "passenger",
    "suspect", "member", "officer", "policeman", "police", "guard", "insurgent", "jihadist",
    "family", "baby", "infant", "teenager", "youth", "adult", "patient", "hostage", "prisoner",
    "detainee", "activist", "opponent", "supporter", "citizen", "national", "settler", "pilgrim",
    "worshipper", "tourist", "inmate", "personnel", "marine", "staff", "crew", "sailor",
    "victim", "casualty", "body", "individual", "other", "gunman", "attacker", "soul", "life",
    "death", "fatality", "injury", "toll", "displaced", "evacuee", "peacekeeper",
    "resident", "student", "migrant", "immigrant", "emigrant", "militant", "combatant",
    "participant", "inhabitant", "agent", "parent", "opponent", "dissident", "president",
    "correspondent", "servant", "applicant", "claimant", "descendant", "adolescent",
    "dead", "wounded", "injured", "missing", "youngster", "elder", "girl", "boy",
    "juvenile", "minor", "relative", "colleague", "employee", "official", "leader",
})
# Suffixes of agent nouns (protester, inspector, loyalist, civilian, detainee,
# fisherman); "-ent"/"-ant" are left out: settlement, equipment, plant.
_PERSON_SUFFIX = ("er", "or", "ist", "ian", "ee", "man", "men")
_PLAIN_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "det"})
_RISE = frozenset({"be", "rise", "climb", "reach", "stand", "increase", "jump", "hit", "top",
                   "exceed", "surpass", "pass", "grow", "mount", "soar"})


def _anchor_and_noun(root: "Token") -> tuple["Token", "Token | None"]:
    """The token standing for the whole counted phrase, and the counted noun."""
    if root.dep_ in _PLAIN_DEPS and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return root.head, root.head
    return root, None


def _words(tok: "Token") -> set[str]:
    """Lemma and lower-cased form ("missing" is lemmatised to "miss")."""
    return {tok.lemma_.lower(), tok.lower_}


def _evidence_levels(anchor: "Token", noun: "Token | None", root: "Token",
                     last: "Token") -> list[set[str]]:
    """Words around the number, nearest first.

    The word right after the phrase ("19 *wounded*", "12 people *killed*"),
    then the phrase's own modifiers, its predicate, and the predicate's
    subject ("the death *toll* rose to 40").
    """
    doc = root.doc
    after = noun if noun is not None and noun.i == last.i + 1 else last
    nxt = _words(doc[after.i + 1]) if after.i + 1 < len(doc) else set()
    phrase: set[str] = set()
    for c in root.children:
        if c.dep_ in ("amod", "acl", "relcl", "appos"):
            phrase |= _words(c)
    if noun is not None:
        phrase |= _words(noun)
        for c in noun.children:
            if c.dep_ in ("amod", "acl", "relcl", "compound"):
                phrase |= _words(c)
            if c.dep_ == "relcl":
                for g in c.children:
                    if g.dep_ in ("acomp", "oprd"):
                        phrase |= _words(g)
    gov = anchors.governor(anchor)
    pred: set[str] = set()
    subj: set[str] = set()
    if gov is not None and anchor.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in gov.children):
        gov, nxt = None, set()  # "Two bombers killed 23 people": the agent, not the toll
    if gov is not None:
        pred = _words(gov)
        for c in gov.children:
            # "shot down": the particle is often parsed as an advmod
            if c.dep_ in ("acomp", "oprd", "attr", "prt") or c.lower_ == "down":
                pred |= _words(c)
            elif c.dep_ == "prep" and c.lower_ in ("into", "from", "out"):
                # "took 40 into custody", "forced 300 families from their homes"
                for g in c.children:
                    if g.dep_ == "pobj":
                        pred |= _words(g)
        if gov.pos_ in ("NOUN", "PROPN"):
            subj |= _words(gov)
        elif gov.lemma_.lower() in _RISE:
            for c in gov.children:
                if c.dep_ in ("nsubj", "nsubjpass"):
                    subj |= _words(c)
                    for g in c.children:
                        if g.dep_ in ("compound", "amod"):
                            subj |= _words(g)
                        elif g.dep_ == "prep" and g.lower_ == "of":  # "the number of dead"
                            subj |= {w for x in g.children for w in _words(x)}
    return [nxt, phrase, pred, subj]


def classify(doc: "Doc", mention: NumberMention) -> tuple[str, str] | None:
    """``(what, unit)`` of a number mention, or ``None`` when its meaning is unclear."""
    toks = anchors.tokens_in(doc, mention.start, mention.end)
    root = anchors.span_root(toks)
    if root is None:
        return None
    if mention.currency:
        return "money", mention.currency
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return None  # partitive "three of the wounded": a subset, not a count
    anchor, noun = _anchor_and_noun(root)
    levels = _evidence_levels(anchor, noun, root, toks[-1])
    lemma = noun.lemma_.lower() if noun is not None else ""
    if lemma in _PROJECTILES:
        around = levels[0] | levels[1] | levels[2]
        if around & _INTERCEPT:
            return "intercepted", _plural(lemma)
        if around & _FIRE:
            return "fired", _plural(lemma)
        return None
    if noun is not None and not _is_person(noun):
        return None
    for level in levels:
        for what, words in _CATEGORIES:
            if level & words:
                return what, "people"
    if lemma in _TROOPS and (levels[1] | levels[2]) & _DEPLOY:
        return "deployed", "troops"
    return None


def _is_person(noun: "Token") -> bool:
    """Whether a counted noun denotes people ("12 civilians"), not things ("12 rifles")."""
    lemma = noun.lemma_.lower()
    if lemma in _PERSON_NOUNS or noun.lower_ in _PERSON_NOUNS or lemma in _TROOPS:
        return True
    if noun.ent_type_ in ("NORP", "PERSON"):
        return True
    return lemma.endswith(_PERSON_SUFFIX) and noun.pos_ == "NOUN"


def _plural(lemma: str) -> str:
    return {"airstrike": "airstrikes", "strike": "strikes"}.get(lemma, lemma + "s")


# --- the stage ---------------------------------------------------------------

_BLOCKING_ENTS = frozenset({"DATE", "TIME", "PERCENT", "ORDINAL", "QUANTITY", "LAW", "PRODUCT"})
_CASUALTY_WHAT = frozenset({"killed", "injured", "casualties", "missing"})


def find_quantities(analysis: "Analysis", sentences: list,
                    ents: tuple | None = None) -> list[tuple[Quantity, int]]:
    """Classified quantities in the given sentences, each with its root token index."""
    doc, text = analysis.doc, analysis.article.text
    ents = doc.ents if ents is None else ents
    blocked = [(e.start_char, e.end_char) for e in ents if e.label_ in _BLOCKING_ENTS]
    for m in analysis.dates:  # time expressions the dates stage found
        blocked.append((m.date.span.start, m.date.span.end))
    out = []
    for sent in sentences:
        for num in find_numbers(text, blocked, sent.start_char, sent.end_char):
            kind = classify(doc, num)
            if kind is None:
                continue
            root = anchors.span_root(anchors.tokens_in(doc, num.start, num.end))
            if root is not None:
                out.append((Quantity(value=num.value, unit=kind[1], what=kind[0],
                                     span=Span.of(text, num.start, num.end), min=num.min,
                                     max=num.max, approx=num.approx), root.i))
    return out


def _governing_event(doc: "Doc", root: int, triggers: list) -> int | None:
    """Index of the event whose trigger is the nearest ancestor of token ``root``."""
    tok = doc[root]
    for _ in range(40):
        for k, trig in enumerate(triggers):
            if trig is not None and tok.i in trig.ids:
                return k
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _attach(frame: anchors.Frame, q: Quantity, root: int, events: list,
            triggers: list, follow: dict[int, int]) -> int | None:
    """Which event a quantity belongs to (see the module doc), or ``None``."""
    k = _governing_event(frame.doc, root, triggers)
    if k is not None:
        return k
    sent = frame.sent_start[root]
    same = [k for k, trig in enumerate(triggers) if trig is not None and trig.sent == sent]
    if q.what in _CASUALTY_WHAT:
        assaults = [k for k in same if events[k].type == "ASSAULT"]
        if assaults:
            return min(assaults, key=lambda k: anchors.distance(root, root, triggers[k]))
        if not same and sent in follow:
            return follow[sent]
    return same[0] if len(same) == 1 else None


def _follow_ups(frame: anchors.Frame, events: list, triggers: list) -> dict[int, int]:
    """Sentences right after a sentence with one ASSAULT event, that have no event themselves.

    "Missiles struck the city overnight. At least 12 people were killed." --
    the toll in the second sentence belongs to the strike in the first.
    Maps the follow-up sentence's start to the index of that event.
    """
    with_events = {t.sent for t in triggers if t is not None}
    by_sent: dict[int, list[int]] = {}
    for k, trig in enumerate(triggers):
        if trig is not None and events[k].type == "ASSAULT":
            by_sent.setdefault(trig.sent, []).append(k)
    follow = {}
    for sent, ks in by_sent.items():
        nxt = frame.next_sentence(sent)
        if len(ks) == 1 and nxt is not None and nxt not in with_events:
            follow[nxt] = ks[0]
    return follow


class QuantitiesStage:
    """Enrichment stage: attaches counted quantities to the events that govern them."""

    name = "quantities"

    def __call__(self, analysis: "Analysis") -> None:
        if not analysis.events:
            return
        frame = anchors.Frame.of(analysis)
        triggers = [frame.trigger(ev) for ev in analysis.events]
        follow = _follow_ups(frame, analysis.events, triggers)
        sentences = frame.event_sentences(triggers) + [frame.sents[k] for k in sorted(follow)]
        found = find_quantities(analysis, sentences, frame.ents)
        extra: dict[int, list[Quantity]] = {}
        for q, root in found:
            k = _attach(frame, q, root, analysis.events, triggers, follow)
            if k is not None:
                extra.setdefault(k, []).append(q)
        analysis.events = [
            replace(ev, quantities=ev.quantities + tuple(extra[k])) if k in extra else ev
            for k, ev in enumerate(analysis.events)
        ]


#: The name the pipeline imports.
QuantityStage = QuantitiesStage
