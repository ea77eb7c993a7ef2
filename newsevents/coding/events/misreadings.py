"""Clauses that borrow an event word in another sense, and why they are no event.

Each check takes a typed clause and returns the reason it is no event, or
``None``: words given ("gave an interview"), a publication ("released a
letter"), a question ("asked her about the emails"), a refusal to comment, a
naming ("called the vote a sham"), people going home, a forecast ("warned that
the fighting could …"), a doer who is nobody in particular, deaths in an
accident, a person sent somewhere.  They are listed in
:data:`.rejections.REJECTIONS` and run by :mod:`.readings`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .args import acted_on

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Analysis
    from .types import TypedClause


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


def anyone(typed: TypedClause, analysis: "Analysis") -> str | None:
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


def words_given(typed: TypedClause, analysis: "Analysis") -> str | None:
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


def publication(typed: TypedClause, analysis: "Analysis") -> str | None:
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


def question_asked(typed: TypedClause, analysis: "Analysis") -> str | None:
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


#: verbs that a refusal to speak hangs on ("declined to comment"): CAMEO's "decline
#: comment" is a statement, which PLOVER does not code
_SPEAK = frozenset("say comment discuss address elaborate specify confirm speculate talk speak "
                   "reply respond detail state clarify".split())


#: what a refusal to answer rejects ("refused to respond to the request")
_ASKS = frozenset("request demand call appeal ultimatum question letter summons subpoena "
                  "invitation offer".split())


def no_comment(typed: TypedClause, analysis: "Analysis") -> str | None:
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


def naming(typed: TypedClause, analysis: "Analysis") -> str | None:
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


def homecoming(typed: TypedClause, analysis: "Analysis") -> str | None:
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


def forecast(typed: TypedClause, analysis: "Analysis") -> str | None:
    """ "The UN warned that the fighting could trigger a famine": a warning about what a
    thing will do is a forecast, no threat.  A threat says what someone will do ("warned
    that his government would expel him", "that Washington would consider …", "that
    there will be no trade deal"), so only a clause whose subject is a common noun
    naming no actor counts as a forecast, and one with a condition ("… if the bombing
    does not stop") is a threat."""
    word = typed.clause.trigger
    if typed.type != "THREATEN" or word.lemma_.lower() not in _WARN or word.pos_ != "VERB":
        return None
    clauses = [c for c in word.children if c.dep_ == "ccomp"]
    if any(m.lower_ in ("if", "unless") for c in clauses for a in c.children if a.dep_ == "advcl"
           for m in a.children if m.dep_ == "mark"):
        return None  # "warned Israel that the war could spread if the bombing did not stop"
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


def accident(typed: TypedClause, analysis: "Analysis") -> str | None:
    """ "two service members were killed in a helicopter crash": deaths in an accident or
    a disaster are no attack."""
    if typed.type != "ASSAULT":
        return None
    word = typed.clause.trigger
    causes = [o for p in word.children if p.dep_ == "prep" and p.lower_ in ("in", "during", "by")
              for o in p.children if o.dep_ == "pobj"]
    # "in a helicopter crash", not "in rocket fire" or "in a drone crash they caused"
    if any(o.lemma_.lower() in _ACCIDENTS and not any(m.dep_ in ("compound", "amod", "nmod")
                                                      and m.lemma_.lower() in _WEAPON_WORDS
                                                      for m in o.children) for o in causes):
        return "an accident or a disaster, no attack"
    return None


_WEAPON_WORDS = frozenset("rocket mortar artillery gun tank sniper machine-gun cross enemy hostile "
                          "drone missile shell".split())


_ACCIDENTS = frozenset("crash accident collision derailment fire blaze storm flood flooding earthquake "
                       "quake landslide mudslide avalanche stampede cyclone hurricane typhoon tornado "
                       "heatwave drought shipwreck capsizing".split())


def sent_someone(typed: TypedClause, analysis: "Analysis") -> str | None:
    """ "he sent me to Mexico", "they sent her home": a person sent somewhere is no aid."""
    word = typed.clause.trigger
    if typed.type != "AID" or word.lemma_.lower() != "send":
        return None
    if any(c.dep_ == "dobj" and c.lower_ in _PERSONAL for c in word.children):
        return "someone sent somewhere, no aid"
    return None


_PERSONAL = frozenset("me you him her us them".split())


