"""Word lists for people's titles and group nouns, with their PLOVER sectors.

A title is *specific* when it fixes the sector whatever the organization
("ambassador" is DIP, "general" MIL); a *generic* title ("spokesman",
"director", "researcher at …") takes the sector of the organization the
text ties the person to, and falls back to its own default.
"""

from __future__ import annotations

# title word (lower case, no final period) -> (sector, specific?)
TITLES: dict[str, tuple[str | None, bool]] = {}


def _add(words: str, sector: str | None, specific: bool) -> None:
    for w in words.split():
        TITLES[w.replace("_", " ")] = (sector, specific)


_add("president vice-president vp premier chancellor minister secretary governor mayor "
     "king queen emir sultan prince princess sheikh monarch ruler dictator strongman "
     "taoiseach leader", "GOV", False)
_add("official spokesman spokeswoman spokesperson adviser advisor aide director head chief "
     "chairman chairwoman chair deputy member representative commissioner administrator "
     "coordinator undersecretary under-secretary secretary-general negotiator", "GOV", False)
_add("ambassador envoy diplomat consul attache attaché emissary", "DIP", True)
_add("senator sen congressman congresswoman congressmember lawmaker legislator mp rep "
     "parliamentarian assemblyman assemblywoman speaker whip", "LEG", True)
_add("general gen lt lieut col colonel maj major admiral adm commander cmdr captain capt "
     "sgt sergeant soldier brigadier marshal lieutenant corporal cpl pvt private "
     "commander-in-chief servicemember paratrooper pilot", "MIL", True)
_add("judge justice prosecutor magistrate attorney-general lawyer", "JUD", True)
_add("sheriff policeman policewoman constable detective", "COP", True)
_add("reporter journalist correspondent editor columnist anchor photographer "
     "commentator blogger", "JRN", True)
_add("ceo executive businessman businesswoman entrepreneur founder banker "
     "billionaire tycoon investor", "BUS", False)
_add("researcher analyst scholar fellow expert professor prof economist historian "
     "scientist lecturer academic", "EDU", False)
_add("doctor physician nurse surgeon medic paramedic epidemiologist", "MED", True)
_add("cleric imam ayatollah rev reverend bishop pope rabbi priest patriarch cardinal "
     "archbishop mufti pastor preacher", "REL", True)
_add("activist campaigner organizer", "CVL", False)
_add("dissident", "OPP", True)
_add("rebel militant insurgent guerrilla jihadist fighter warlord", "REB", True)
_add("spy operative", "SPY", True)
_add("candidate nominee", None, False)

#: Titles of more than one word whose meaning differs from their head.
MULTI_TITLES: dict[tuple[str, ...], tuple[str | None, bool]] = {
    ("attorney", "general"): ("JUD", True),
    ("chief", "justice"): ("JUD", True),
    ("police", "chief"): ("COP", True),
    ("police", "officer"): ("COP", True),
    ("police", "commissioner"): ("COP", True),
    ("supreme", "leader"): ("GOV", True),
    ("opposition", "leader"): ("OPP", True),
    ("foreign", "minister"): ("GOV", True),
    ("prime", "minister"): ("GOV", True),
    ("chief", "of", "staff"): ("GOV", False),
    ("army", "chief"): ("MIL", True),
    ("military", "chief"): ("MIL", True),
    ("intelligence", "chief"): ("SPY", True),
    ("spy", "chief"): ("SPY", True),
    ("defense", "chief"): ("MIL", True),
    ("rebel", "leader"): ("REB", True),
    ("militia", "leader"): ("REB", True),
}

#: Honorifics: no sector, but they tell the gender (for pronouns).
HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f", "lady": "f",
    "dr": None,
}

#: Words that modify a title without changing it ("former", "acting").
TITLE_MODIFIERS = frozenset(
    "former then acting deputy vice senior top chief interim outgoing incoming "
    "newly elected appointed ex- first second assistant associate principal "
    "foreign defense defence interior finance justice health economy trade energy "
    "home state national federal regional provincial local military security "
    "presidential press communications political civil general special "
    "supreme high lead longtime veteran retired visiting".split()
)

# group noun lemma -> sector (plural heads and collectives: "Iranian officials")
GROUPS: dict[str, str] = {}


def _grp(words: str, sector: str) -> None:
    for w in words.split():
        GROUPS[w] = sector


_grp("official authority government administration regime leader leadership minister "
     "negotiator delegation delegate cabinet", "GOV")
_grp("diplomat envoy embassy", "DIP")
_grp("lawmaker legislator senator parliamentarian congressman mp parliament", "LEG")
_grp("troop soldier force military army navy marine officer commander general "
     "mercenary paratrooper serviceman servicemember airman sailor", "MIL")
_grp("rebel militant insurgent fighter guerrilla gunman jihadist extremist separatist "
     "militia militiaman terrorist paramilitary", "REB")
_grp("protester protestor demonstrator crowd civilian resident villager voter citizen "
     "settler hostage prisoner mob", "CVL")
_grp("activist", "CVL")
_grp("police policeman", "COP")
_grp("journalist reporter media", "JRN")
_grp("judge prosecutor court", "JUD")
_grp("doctor medic", "MED")
_grp("cleric", "REL")
_grp("spy intelligence", "SPY")
_grp("student", "EDU")
_grp("worker union", "LAB")
_grp("refugee migrant", "REF")
_grp("businessman investor company", "BUS")

#: Group nouns that make an actor on their own, without a country or
#: organization modifier ("protesters clashed with police").
BARE_GROUPS = frozenset(
    "official authority rebel militant insurgent guerrilla gunman jihadist separatist "
    "militia terrorist protester protestor demonstrator police troop soldier lawmaker "
    "diplomat settler activist".split()
)

#: Head words after "X-" that make the modifier a backer, not the group's
#: own country ("Iranian-backed militias").
BACKED = frozenset("backed led allied supported funded aligned sponsored armed trained".split())

#: Prepositions after which a capital is a location, not the government.
LOCATIVE_PREPS = frozenset(
    "in at near outside inside across throughout around into within toward towards "
    "via beyond past through".split()
)

#: Verbs after which "to <capital>" is a destination.
MOTION_VERBS = frozenset(
    "go fly travel return come move arrive head drive sail flee deport send "
    "bring take relocate trip visit journey".split()
)
