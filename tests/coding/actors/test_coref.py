"""Coreference inside the actors stage: surnames, pronouns, role nouns, "they"."""

from __future__ import annotations

from newsevents.coding.actors.actors import ActorStage
from newsevents.coding.base import Analysis
from newsevents.records import Article

THREE_LEES = (
    "Kim Lee, a rice farmer from the north, lost her harvest to the floods. "
    "Lee said the dams had been opened without warning.\n\n"
    "In the capital, Sen. David Lee, who chairs the farm committee, promised an inquiry. "
    "Lee said he would call the water minister to testify.\n\n"
    "Sarah Lee, a hydrologist at the national weather service, said the rainfall was extreme. "
    "Lee added that the forecasts had been clear.\n\n"
    "Back in the village, Kim Lee's neighbours were rebuilding. "
    "Lee said she had never seen such water."
)


def code(nlp, text: str) -> Analysis:
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage()(analysis)
    return analysis


def actor_at_nth(a: Analysis, word: str, n: int):
    """The actor of the ``n``-th (0-based) token ``word``."""
    toks = [t for t in a.doc if t.text == word]
    actor_id = a.actors.actor_at(toks[n].i)
    return a.actors.get(actor_id).name if actor_id else None


def test_three_lees_each_surname_goes_to_the_passage_person(nlp):
    a = code(nlp, THREE_LEES)
    lees = [x for x in a.actors.all() if x.kind == "person" and x.name.endswith("Lee")]
    assert sorted(x.name for x in lees) == ["David Lee", "Kim Lee", "Sarah Lee"]
    # Token "Lee" occurrences: 0 Kim Lee, 1 bare, 2 David Lee, 3 bare, 4 Sarah Lee, 5 bare, 6 Kim Lee's, 7 bare
    assert actor_at_nth(a, "Lee", 1) == "Kim Lee"
    assert actor_at_nth(a, "Lee", 3) == "David Lee"
    assert actor_at_nth(a, "Lee", 5) == "Sarah Lee"
    assert actor_at_nth(a, "Lee", 7) == "Kim Lee"


def test_three_lees_keep_their_own_sectors(nlp):
    a = code(nlp, THREE_LEES)
    sectors = {x.name: x.sector for x in a.actors.all() if x.kind == "person"}
    assert sectors["David Lee"] == "LEG"


def test_title_picks_the_right_namesake(nlp):
    text = ("Sen. Paul Okafor and his cousin Grace Okafor, a lawyer, attended the hearing. "
            "Ms. Okafor said little, but Sen. Okafor attacked the bill.")
    a = code(nlp, text)
    okafors = [t for t in a.doc if t.text == "Okafor"]
    names = [a.actors.get(a.actors.actor_at(t.i)).name for t in okafors]
    assert names == ["Paul Okafor", "Grace Okafor", "Grace Okafor", "Paul Okafor"]


def test_pronouns_follow_the_subject_and_gender(nlp):
    text = ("Defense Minister Hana Sato met Gen. Ivan Petrov on Monday. "
            "She said the army would withdraw. He did not comment.")
    a = code(nlp, text)
    assert actor_at_nth(a, "She", 0) == "Hana Sato"
    assert actor_at_nth(a, "He", 0) == "Ivan Petrov"


def test_pronoun_in_reported_clause_goes_to_speaker(nlp):
    a = code(nlp, "Omar Haddad said he would resign if the budget passed.")
    assert actor_at_nth(a, "he", 0) == "Omar Haddad"


def test_object_pronoun_is_not_the_subject_of_its_verb(nlp):
    text = "Rafael Ortiz greeted Tomas Silva warmly. Ortiz praised him for the agreement."
    a = code(nlp, text)
    assert actor_at_nth(a, "him", 0) == "Tomas Silva"


def test_pronoun_mentions_are_listed(nlp):
    a = code(nlp, "Maria Costa, the foreign minister, resigned. She cited health reasons.")
    costa = next(x for x in a.actors.all() if x.name == "Maria Costa")
    assert [m.text for m in costa.mentions] == ["Maria Costa", "She"]


def test_role_noun_links_to_the_person_with_that_role(nlp):
    text = ("Ambassador Lars Nilsen arrived in Oslo on Friday. "
            "The ambassador said the embassy would reopen.")
    a = code(nlp, text)
    tok = next(t for t in a.doc if t.text == "ambassador")
    assert a.actors.get(a.actors.actor_at(tok.i)).name == "Lars Nilsen"


def test_they_links_only_when_unambiguous(nlp):
    one = code(nlp, "Houthi rebels seized the port. They said the ships were Israeli.")
    assert actor_at_nth(one, "They", 0) == "Houthis"
    two = code(nlp, "Houthi rebels and Saudi troops clashed near the port. They both claimed victory.")
    assert actor_at_nth(two, "They", 0) is None


def test_no_pronoun_link_without_a_person(nlp):
    a = code(nlp, "The storm hit the coast. He was not there.")
    assert actor_at_nth(a, "He", 0) is None


def test_coref_can_be_switched_off(nlp):
    text = "Maria Costa, the foreign minister, resigned. She cited health reasons."
    analysis = Analysis(article=Article(id="t", source="t", text=text), doc=nlp(text))
    ActorStage(coref=False)(analysis)
    assert actor_at_nth(analysis, "She", 0) is None


def test_surname_before_full_name_joins_the_later_full_name(nlp):
    a = code(nlp, "Okonkwo wins again. Chinedu Okonkwo, the mayor, was re-elected on Sunday.")
    people = [x for x in a.actors.all() if x.kind == "person"]
    assert len(people) == 1 and len(people[0].mentions) >= 2


def test_shorter_multiword_name_joins_the_full_name(nlp):
    a = code(nlp, "Mayor Bill de Blasio spoke on Sunday. Later, De Blasio said the city was safe.")
    people = [x for x in a.actors.all() if x.kind == "person"]
    assert [x.name for x in people] == ["Bill de Blasio"]
    assert len(people[0].mentions) >= 2


def test_first_name_gives_pronoun_gender(nlp):
    a = code(nlp, "Hillary Okoro and Donald Baptiste debated on Monday. She attacked his record.")
    assert actor_at_nth(a, "She", 0) == "Hillary Okoro"
    assert actor_at_nth(a, "his", 0) == "Donald Baptiste"


def test_pronoun_in_fronted_phrase_goes_to_the_following_subject(nlp):
    text = "Karim Nasser arrived late. In his new book, Mr. Ode Obi argues for reform."
    a = code(nlp, text)
    assert actor_at_nth(a, "his", 0) == "Ode Obi"


def test_unnamed_office_holder_is_an_actor(nlp):
    a = code(nlp, "The Prime Minister said the budget would pass. The prime minister later resigned.")
    pm = [x for x in a.actors.all() if x.kind == "person"]
    assert len(pm) == 1 and pm[0].sector == "GOV" and len(pm[0].mentions) == 2


def test_named_office_holder_is_preferred(nlp):
    a = code(nlp, "President Laura Okoye visited the port. The president said trade would grow.")
    tok = next(t for t in a.doc if t.text == "president")
    assert a.actors.get(a.actors.actor_at(tok.i)).name == "Laura Okoye"


def test_definite_org_noun_links_to_the_only_organization(nlp):
    a = code(nlp, "Hezbollah fired rockets overnight. The militant group said it targeted a base.")
    tok = next(t for t in a.doc if t.text == "group")
    assert a.actors.get(a.actors.actor_at(tok.i)).name == "Hezbollah"
    two = code(nlp, "Hezbollah and Hamas fired rockets overnight. The group said it targeted a base.")
    tok2 = next(t for t in two.doc if t.text == "group")
    assert two.actors.actor_at(tok2.i) is None


def test_hyphenated_given_names_keep_their_person_and_the_family_name_comes_first(nlp):
    # East Asian order: family name first, given name hyphenated with a lower-case part
    text = ("Trade Minister Kang Min-ji met executives in Busan. Kang said the tariffs would "
            "stay.\n\nKang Tae-sung, a researcher at the Hanbit Institute, said the talks were "
            "late. \"This is too slow,\" Kang said.")
    a = code(nlp, text)
    people = {x.name for x in a.actors.all() if x.kind == "person"}
    assert {"Kang Min-ji", "Kang Tae-sung"} <= people
    assert actor_at_nth(a, "Kang", 1) == "Kang Min-ji"    # the Kang named last before it
    assert actor_at_nth(a, "Kang", 3) == "Kang Tae-sung"


def test_a_counterpart_is_a_person_of_the_modifying_country(nlp):
    a = code(nlp, "Defence Minister Carl Olsen met his Japanese counterpart in Osaka.")
    counterpart = [x for x in a.actors.all() if x.role == "counterpart"]
    assert [(x.kind, x.country) for x in counterpart] == [("person", "JPN")]


def test_their_belongs_to_the_plural_subject_of_its_clause_even_if_no_actor(nlp):
    a = code(nlp, "Six soldiers were wounded and hundreds of villagers left their farms.")
    soldiers = [x for x in a.actors.all() if x.name == "soldiers"]
    assert soldiers and [m.text for m in soldiers[0].mentions] == ["soldiers"]
    b = code(nlp, "Rebel fighters left the town. They burned their camp.")
    fighters = [x for x in b.actors.all() if x.kind == "group"]
    assert [m.text for m in fighters[0].mentions] == ["Rebel fighters", "They", "their"]
