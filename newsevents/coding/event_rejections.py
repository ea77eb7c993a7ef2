"""Clauses typed as events that are no political event, and why.

:func:`rejection` says why a typed clause is not an event (a sports result, a
price movement, a trigger inside a name, a refusal to comment, nobody political
involved); the events stage keeps that reason with the rejected clause
(``Analysis.rejected``) instead of dropping it silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from .event_args import acted_on
from .roles import GROUPS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..records import Actor
    from .base import Analysis
    from .events import _Typed

#: verbs of a contest that are a result, not violence, when the text is about sport
_CONTEST = frozenset("beat defeat thrash rout crush edge outplay eliminate draw play face stun "
                     "upset hammer trounce whip overcome down top sink clinch".split())
#: words that hardly occur outside sport (lemmas): one in the sentence, or two different
#: ones in the article, make a contest verb a sports result ("Austria beat Hungary 2-1");
#: ambiguous ones ("goal", "league", "season", "penalty", "final") are left out
_SPORT = frozenset([*(w + s for w in (
    "tournament championship qualifier playoff semifinal semi-final quarterfinal quarter-final "
    "striker midfielder goalkeeper footballer cricketer stadium inning wicket touchdown "
    "quarterback fixture athlete scorer cup").split() for s in ("", "s")),
    *"innings olympics tennis football soccer rugby basketball hockey baseball cricket golf".split()])
#: entity labels of names that a trigger word inside them does not make an event
#: ("the Volatiles *Investigating* Polar Exploration Rover", "*Protest* the Hero")
_NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "NORP"})
#: things given or offered that are words, not help ("gave an interview", "provided details")
_SAID_THINGS = frozenset("interview impression speech address talk statement detail account date "
                         "answer reply response testimony view opinion update briefing sign signal "
                         "hint reason explanation indication thought comment lecture presentation "
                         "performance insight example glimpse overview preview assessment "
                         "estimate figure number timeline description interpretation advice idea "
                         "letter message note memo email e-mail text tweet".split())
_GIFT_VERBS = frozenset(("give", "offer", "provide", "extend", "share", "send", "write"))
#: the types a gift of words is mistaken for ("offered an explanation" is no AGREE either)
_GIFT_TYPES = frozenset(("AID", "AGREE", "COOPERATE"))


def rejection(typed: _Typed, analysis: "Analysis") -> str | None:
    """Why a typed clause is not a political event (``None``: it is one)."""
    for check in _CHECKS:
        reason = check(typed, analysis)
        if reason:
            return reason
    return None


def in_name(typed: _Typed, analysis: "Analysis") -> str | None:
    """A trigger word that is part of a name, and no verb of the clause outside it."""
    own = [t for t in (typed.trigger, typed.clause.trigger, typed.clause.verb) if t is not None]
    if all(t.ent_type_ in _NAME_LABELS for t in own):
        return f"trigger inside a name ({typed.trigger.ent_type_})"
    return None


def no_political_actor(typed: _Typed, analysis: "Analysis") -> str | None:
    """Events among people and firms of no country or political sector, in a text that
    names no political actor ("the singer accused her label", a football manager
    agreeing a deal), are not what political event data counts.  In a political text
    an uncoded person is often a politician the gazetteer does not know, so the event
    stays; an event with no actor at all is judged by its trigger alone (the events
    stage's gates)."""
    clause = typed.clause
    actors = [*clause.source_actors, *clause.target_actors]
    if not actors or _political_text(analysis):
        return None
    if any(_political(analysis.actors.find(a)) for a in actors):
        return None
    return "no actor with a country or political sector, in a text about no political actor"


def saying(typed: _Typed, analysis: "Analysis") -> str | None:
    """A verb of saying that the lexicon gives no event type ("she *recalled*", "he
    *noted*"), read by the classifier as an event: it is the attribution's cue, which
    the record keeps as attribution, not an event."""
    if typed.coder != "model" or typed.clause.row is not None or typed.clause.governor_row is not None:
        return None
    idx = typed.trigger.idx
    if any(att.cue.start <= idx < att.cue.end for att in analysis.attributions):
        return "a verb of saying (an attribution cue), not an event"
    return None


def dismissal(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "her clients fired her", "the board fired the coach": firing someone from a job is
    no attack (one fires *at* people, or fires shots, rockets, missiles)."""
    word = typed.trigger
    if typed.type != "ASSAULT" or word.lemma_.lower() != "fire" or word.pos_ != "VERB":
        return None
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "upon")):
        if not any(o.ent_type_ in ("DATE", "TIME") for o in prep.children):  # not "on Monday"
            return None
    objects = acted_on(word)
    if objects and all(o.pos_ in ("PRON", "PROPN") or o.ent_type_ == "PERSON" or
                       o.lemma_.lower() in _EMPLOYEES for o in objects):
        return "a dismissal from a job, not an attack"
    return None


_EMPLOYEES = frozenset("coach manager director chief executive employee worker staff official minister "
                       "secretary adviser advisor aide head editor".split())


def private_dealings(typed: _Typed, analysis: "Analysis") -> str | None:
    """Offers, deals, gifts and meetings among firms and private people only ("Google
    offers gamers a wider market", "she offered her spot to him", "SoftBank agreed to
    fund WeWork") are no political cooperation, whatever the text is about.  A country
    or a state body on either side, or a person of a country with no known occupation
    (often a politician the gazetteer does not know), keeps the event."""
    if typed.type not in _COOPERATION:
        return None
    actors = [analysis.actors.find(a) for a in (*typed.clause.source_actors, *typed.clause.target_actors)]
    # a lone sentence's uncoded person may be any politician ("Clinton"); an article's
    # setting and titles code its politicians, so there an uncoded person is private
    judged = len(analysis.doc) >= _JUDGED_TOKENS
    if actors and all(_private(a, judged) for a in actors):
        return "cooperation among firms or private people only"
    return None


#: the types of cooperation that private parties also engage in
_COOPERATION = frozenset({"AGREE", "AID", "COOPERATE", "CONSULT", "SUPPORT"})


def _private(actor: "Actor | None", people: bool) -> bool:
    """A firm, a newspaper, a hospital, a school, a church or a criminal, or (``people``)
    a person of no known country or office.  Civilians, refugees, workers and NGOs are
    parties to politics (protests, aid, strikes); an organisation of no known sector may
    be anything: neither is private."""
    if actor is None or actor.kind == "country":
        return False
    if actor.sector is not None:
        return actor.sector in _PRIVATE_SECTORS
    return people and actor.kind == "person" and actor.country is None


#: sectors of private life and business (PLOVER/CAMEO codes)
_PRIVATE_SECTORS = frozenset("BUS JRN MED EDU REL CRM AGR".split())


def _weight(actor: "Actor") -> float:
    return 1.0 if actor.sector in _POLITICAL_SECTORS else 0.5 if actor.country else 0.0


def _political(actor: "Actor | None") -> bool:
    return actor is None or bool(actor.country) or actor.sector in _POLITICAL_SECTORS


#: sectors of the state and of political life (PLOVER/CAMEO codes)
_POLITICAL_SECTORS = frozenset("GOV LEG JUD MIL COP PTY OPP DIP IGO REB SPY INS ELI".split())
#: political actors a text must name to count as political (see _political_text)
_POLITICAL_MIN = 2.0
#: a text shorter than this (tokens) is too short to tell its topic: it counts as political
_JUDGED_TOKENS = 150


def _political_text(analysis: "Analysis") -> bool:
    """Whether the article names political actors: two of a political sector (a ministry,
    the police, a party), or one and two others with a country, or four with a country
    (countries and people of a country also turn up in sports, business and
    entertainment news, so they count half)."""
    return _per_article(analysis, "political", lambda: (
        len(analysis.doc) < _JUDGED_TOKENS
        or sum(_weight(a) for a in analysis.actors.all()) >= _POLITICAL_MIN))


def _per_article(analysis: "Analysis", key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per article, kept in the analysis' notes under ``key``."""
    notes = analysis.notes.setdefault("event_senses", {})
    if key not in notes:
        notes[key] = compute()
    return notes[key]


def sports_result(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "Austria beat North Macedonia 2-1": a contest verb in a text about sport."""
    trig = typed.clause.trigger
    if trig.lemma_.lower() not in _CONTEST:
        return None
    sent = trig.sent
    if any(_is_sport(t) for t in sent):
        return "sports result"
    if len(_sport_words(analysis)) >= 2:
        return "sports result (a sports text)"
    if trig.lemma_.lower() in _WIN and _candidates_only(typed, analysis):
        return "election or other contest"
    return None


#: contest verbs that also name a military victory ("the army defeated the rebels")
_WIN = frozenset("beat defeat edge trounce rout upset unseat outpoll".split())


def _candidates_only(typed: _Typed, analysis: "Analysis") -> bool:
    """ "She can't beat this guy", "the senator defeated his challenger": people and
    parties beaten, by no armed actor, is an election, not an attack."""
    clause = typed.clause
    targets, sources = clause.target_actors, clause.source_actors
    if not targets:
        return False
    armed = {"MIL", "REB", "COP", "SPY"}
    found = [analysis.actors.find(a) for a in (*targets, *sources)]
    if any(a is None or a.sector in armed or a.kind == "group" for a in found):
        return False
    # "he had been beaten by officers": the beaters are armed, named or not
    doers = [c for c in typed.trigger.children if c.dep_ in ("nsubj", "agent")]
    doers += [g for c in doers if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if any(GROUPS.get(d.lemma_.lower()) in armed for d in doers):
        return False
    return all(a.kind == "person" or a.sector in ("PTY", "LEG", "OPP") for a in found)


def _sport_words(analysis: "Analysis") -> frozenset[str]:
    """The different sports words of the article (computed once per article)."""
    return _per_article(analysis, "sport",
                        lambda: frozenset(t.lower_ for t in analysis.doc if _is_sport(t)))


def _is_sport(tok: "Token") -> bool:
    # the word as written too: the tagger's lemma of a rare noun can be off ("qualifi")
    return tok.lower_ in _SPORT or tok.lemma_.lower() in _SPORT


def anyone(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "act against anyone who threatens its citizens", "whoever attacks us": a doer
    who is nobody in particular does nothing that happened."""
    subj = next((c for c in typed.clause.trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.dep_ == "nsubj" and subj.lower_ in ("who", "that"):
        subj = subj.head.head if subj.head.dep_ == "relcl" else subj
    if subj is not None and subj.lower_ in _NOBODY_IN_PARTICULAR:
        return "nobody in particular"
    return None


_NOBODY_IN_PARTICULAR = frozenset("anyone anybody whoever someone somebody everyone everybody "
                                  "nobody".split())


def legal_plea(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "pleaded not guilty": an answer to a charge, not a request; "he would appeal",
    "appealed the ruling": a case taken to a higher court, not an appeal to someone."""
    trig = typed.clause.trigger
    lemma = trig.lemma_.lower()
    if lemma == "plead":
        words = {t.lower_ for t in trig.subtree}
        return "plea to a charge" if words & {"guilty", "innocent", "contest"} else None
    if lemma != "appeal":
        return None
    kids = list(trig.children)
    if any(k.dep_ == "prep" and k.lower_ in ("to", "for") for k in kids):
        return None  # "appealed to the UN for help"
    objects = [g for k in kids for g in ([k] if k.dep_ == "dobj" else k.children if k.dep_ == "prep"
                                         and k.lower_ in ("against", "over") else [])]
    if trig.pos_ == "VERB" and not objects or any(o.lemma_.lower() in _RULINGS for o in objects):
        return "an appeal to a higher court"
    return None


_RULINGS = frozenset("verdict sentence ruling decision conviction judgment judgement acquittal "
                     "order".split())


def words_given(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "gave an interview", "shared their interpretation", "sent a letter to the Senate":
    words given are no aid."""
    trig = typed.trigger  # "agreed to share information" is an agreement: its trigger is "agreed"
    if typed.type not in _GIFT_TYPES or trig.lemma_.lower() not in _GIFT_VERBS:
        return None
    objs = [c for c in trig.children if c.dep_ == "dobj"]
    if objs and all(o.lemma_.lower() in _SAID_THINGS for o in objs):
        return "words given, not help"
    return None


#: what is released when a release is publication, not freeing anyone ("released a letter")
_PUBLISHED = frozenset("letter video footage statement report data record document album song film "
                       "movie photo image picture transcript list figure result poll memo book "
                       "trailer version update product game return recording tape audio clip "
                       "study survey finding details information text email emails map plan "
                       "schedule budget forecast estimate".split())


def publication(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "released a letter from his doctor", "the footage released by the family":
    making something public is no release of prisoners (RETREAT/CONCEDE)."""
    trig = typed.clause.trigger
    if trig.lemma_.lower() not in ("release", "publish", "unveil"):
        return None
    objs = acted_on(trig)
    if trig.dep_ in ("acl", "relcl", "amod") and trig.tag_ == "VBN":
        objs.append(trig.head)  # "the footage released Friday"
    if objs and all(o.lemma_.lower() in _PUBLISHED for o in objs):
        return "publication, not a release"
    # "released it to The Washington Post and other media outlets"
    for prep in (c for c in trig.children if c.dep_ == "prep" and c.lower_ == "to"):
        for obj in (c for c in prep.subtree if c.dep_ in ("pobj", "conj")):
            actor = analysis.actors.find(analysis.actors.actor_at(obj.i) or "")
            if obj.lemma_.lower() in _MEDIA or (actor is not None and actor.sector == "JRN"):
                return "publication, not a release"
    return None


#: who things are released to when they are published
_MEDIA = frozenset("media press reporter reporters journalist journalists outlet outlets public "
                   "newspaper newspapers".split())


def question_asked(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "asked Clinton about her emails", "asked whether the talks would resume": a
    question, not a request (which asks someone to do something, or for something)."""
    trig = typed.trigger
    if typed.type != "REQUEST" or trig.lemma_.lower() not in ("ask", "question", "quiz", "press"):
        return None
    deps = {c.dep_ for c in trig.children}
    preps = {c.lower_ for c in trig.children if c.dep_ == "prep"}
    if "xcomp" in deps or "for" in preps:
        return None
    wh = any(c.dep_ == "ccomp" and any(m.lower_ in ("whether", "if") or m.tag_ in ("WDT", "WP", "WRB")
                                       for m in c.children) for c in trig.children)
    asked_question = any(c.dep_ == "dobj" and c.lemma_.lower() == "question" for c in trig.children)
    if "about" in preps or wh or asked_question:
        return "a question, not a request"
    return None


#: what markets do: when a trigger moves a price or an index it is no political act
_MARKET = frozenset("stock stocks share shares market markets index price prices bond bonds equity "
                    "equities currency dollar euro yen yuan rupee pound oil gold futures yield yields "
                    "nikkei dow nasdaq s&p ftse dax kospi sensex nifty hang seng".split())


#: words of price movement that are also words of political acts
_MOVES = frozenset("decline fall rally retreat drop slump tumble plunge surge jump climb recover "
                   "gain rise sink slide lose advance withdraw pull".split())


def market_move(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "the Nikkei declined 0.3%", "shares retreated", "a rally in bank stocks": a price
    or index moving, which borrows the words of protest, refusal and retreat."""
    trig = typed.trigger
    if trig.lemma_.lower() not in _MOVES:
        return None
    # what moved: the subject, a compound ("stock rally") or "in" ("a rally in stocks")
    movers = [c for c in trig.children if c.dep_ in ("nsubj", "compound")
              or (c.dep_ == "prep" and c.lower_ == "in")]
    if trig.dep_ == "nsubj" or trig.pos_ == "NOUN":
        movers += [c for c in trig.children if c.dep_ == "poss"]
    if trig.dep_ == "dobj":  # "attributed the rally in bank stocks to …": "in" hangs on the verb
        movers += [c for c in trig.head.children if c.dep_ == "prep" and c.lower_ == "in"]
    if any(t.lower_ in _MARKET for m in movers for t in m.subtree):
        return "market movement"
    # by how much: "fell 0.5%", "declined 3 percent"
    amounts = [c for c in trig.children if c.dep_ in ("dobj", "npadvmod", "advmod")]
    if any(t.text in ("%", "percent") for a in amounts for t in a.subtree):
        return "market movement"
    return None


#: verbs that a refusal to speak hangs on ("declined to comment"): CAMEO's "decline
#: comment" is a statement, which PLOVER does not code
_SPEAK = frozenset("say comment discuss address elaborate specify confirm speculate talk speak "
                   "reply respond detail state clarify".split())


#: what a refusal to answer rejects ("refused to respond to the request")
_ASKS = frozenset("request demand call appeal ultimatum question letter summons subpoena "
                  "invitation offer".split())


def no_comment(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "declined to comment", "refused to say when …": no event to code."""
    trig = typed.trigger
    if typed.type != "REJECT" or trig.lemma_.lower() not in ("decline", "refuse"):
        return None
    comps = [c for c in trig.children if c.dep_ == "xcomp"]
    # "refused to respond *to a request* from the envoy" rejects the request
    answers = any(p.dep_ == "prep" and p.lower_ == "to"
                  and any(o.lemma_.lower() in _ASKS for o in p.children if o.dep_ == "pobj")
                  for c in comps for p in c.children)
    if comps and all(c.lemma_.lower() in _SPEAK for c in comps) and not answers:
        return "declined to comment"
    return None


def intransitive_sense(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "declined" with nothing declined is falling, "as demonstrated by" is showing:
    the refusal and protest senses need their own frames (an object or an infinitive
    for "decline", none for "demonstrate")."""
    trig = typed.trigger
    lemma = trig.lemma_.lower()
    deps = {c.dep_ for c in trig.children}
    if lemma == "decline" and trig.pos_ == "VERB" and not deps & {"dobj", "xcomp", "ccomp"}:
        # "Chaffetz declined." refuses; "the index declined 3%" falls
        subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
        if subj is None or analysis.actors.actor_at(subj.i) is None:
            return "declined (fell), no refusal"
    if lemma == "demonstrate" and trig.pos_ == "VERB" and (deps & {"dobj", "ccomp", "agent"}
                                                           or trig.tag_ == "VBN"):
        return "demonstrated (showed), no protest"
    return None


def naming(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "called the vote a sham", "everyone called him Mike", "a group, called X":
    calling something a name is no phone call (the classifier may still read an
    insult as ACCUSE); nor is a call for something or into a show."""
    word = typed.clause.trigger
    if typed.type != "CONSULT" or word.lemma_.lower() != "call" or word.pos_ != "VERB":
        return None
    kids = list(word.children)
    if any(k.lower_ in _NOT_A_CALL and k.dep_ in ("prt", "prep", "mark") for k in (*kids, *(
            g for k in kids if k.dep_ == "advcl" for g in k.children))):
        return "a call for or into something, not a phone call"
    if word.dep_ in ("amod", "acl", "parataxis") or any(k.dep_ in ("nsubjpass", "auxpass") for k in kids):
        return "a naming, not a phone call"
    objects = [k for k in kids if k.dep_ in ("dobj", "oprd", "xcomp", "attr", "acomp", "ccomp")]
    named = [o for o in objects if analysis.actors.actor_at(o.i) is None and o.pos_ != "VERB"]
    named += [c for o in objects for c in o.children if c.dep_ in ("appos", "npadvmod", "attr")
              and c.pos_ == "NOUN" and analysis.actors.actor_at(c.i) is None]
    if named or sum(o.dep_ != "ccomp" for o in objects) > 1:
        return "a naming, not a phone call"
    return None


#: particles and prepositions of "call" that make it no phone call to someone
_NOT_A_CALL = frozenset(("for", "in", "into", "off", "out"))


def thing_received(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "the paper received pages of his tax returns": receiving a thing is no visit
    (the visitor of a CONSULT host is someone: "Putin received Xi")."""
    word = typed.clause.trigger
    if typed.type != "CONSULT" or word.lemma_.lower() != "receive" or word.pos_ != "VERB":
        return None
    objects = [c for c in word.children if c.dep_ == "dobj"]
    if objects and all(o.pos_ == "NOUN" and o.lemma_.lower() not in GROUPS
                       and analysis.actors.actor_at(o.i) is None for o in objects):
        return "a thing received, no visit"
    return None


def homecoming(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "150 Indians returned home after being deported": people going home is no
    withdrawal (PLOVER's RETREAT is forces or states pulling back)."""
    word = typed.clause.trigger
    if typed.type != "RETREAT" or word.lemma_.lower() != "return" or typed.clause.target_actors \
            or any(c.dep_ == "dobj" for c in word.children):  # "returned the prisoners"
        return None
    sources = [analysis.actors.find(a) for a in typed.clause.source_actors]
    if sources and all(a is not None and (a.sector in _PEOPLE or a.kind == "person" and not a.sector)
                       for a in sources):
        return "people going home, no withdrawal"
    return None


_PEOPLE = frozenset(("CVL", "REF"))


def forecast(typed: _Typed, analysis: "Analysis") -> str | None:
    """ "The UN warned that the fighting could trigger a famine": a warning about what a
    thing will do is a forecast, no threat.  A threat says what someone will do ("warned
    that his government would expel him", "that Washington would consider …", "that
    there will be no trade deal"), so only a clause whose subject is a common noun
    naming no actor counts as a forecast."""
    word = typed.clause.trigger
    if typed.type != "THREATEN" or word.lemma_.lower() not in _WARN or word.pos_ != "VERB":
        return None
    clauses = [c for c in word.children if c.dep_ == "ccomp"]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    if clauses and subjects and all(s.pos_ == "NOUN" and analysis.actors.actor_at(s.i) is None
                                    and not _names_actor(s, analysis) for s in subjects):
        return "a forecast, not a threat"
    return None


_WARN = frozenset(("warn", "caution"))


def _names_actor(noun: "Token", analysis: "Analysis") -> bool:
    """Whether an actor is named in the noun phrase ("the Russian army") or owns it ("its
    forces", "our troops")."""
    return any(analysis.actors.actor_at(t.i) is not None or t.dep_ == "poss" for t in noun.subtree)


_CHECKS = (in_name, anyone, legal_plea, sports_result, market_move, publication, no_comment,
           question_asked, intransitive_sense, words_given, naming, saying, dismissal, private_dealings,
           thing_received, homecoming, forecast, no_political_actor)
