"""Word lists for people's titles and group nouns, with their PLOVER sectors.

A title is *specific* when it fixes the sector whatever the organization
("ambassador" is DIP, "general" MIL); a *generic* title ("spokesman",
"director", "researcher at …") takes the sector of the organization the
text ties the person to, and falls back to its own default.
"""

from __future__ import annotations

import re

from . import gazetteer as gz

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
     "commentator blogger moderator", "JRN", True)
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
    ("secretary", "-", "general"): ("GOV", False),
    ("secretary", "of", "state"): ("GOV", False),
    ("secretary", "general"): ("GOV", False),
    ("director", "-", "general"): ("GOV", False),
    ("governor", "-", "general"): ("GOV", False),
    ("inspector", "general"): ("GOV", False),
    ("surgeon", "general"): ("MED", True),
    ("solicitor", "general"): ("JUD", True),
    ("commander", "-", "in", "-", "chief"): ("MIL", True),
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
    "supreme high lead longtime veteran retired visiting crown grand".split()
)

# group noun lemma -> sector (plural heads and collectives: "Iranian officials")
GROUPS: dict[str, str] = {}


def _grp(words: str, sector: str) -> None:
    for w in words.split():
        GROUPS[w] = sector


_grp("official authority government administration regime leader leadership minister "
     "negotiator delegation delegate cabinet president premier chancellor king queen emir sultan "
     "governor mayor spokesman spokeswoman spokesperson ruler counterpart", "GOV")
_grp("diplomat envoy embassy ambassador consul", "DIP")
_grp("lawmaker legislator senator parliamentarian congressman mp mla parliament", "LEG")
_grp("troop soldier force military army navy marine officer commander general "
     "mercenary paratrooper serviceman servicemember airman sailor peacekeeper "
     "warship warplane jet aircraft helicopter drone tank bomber submarine gunboat artillery "
     "missile destroyer frigate", "MIL")
_grp("rebel militant insurgent fighter guerrilla gunman jihadist extremist separatist secessionist "
     "militia militiaman terrorist paramilitary", "REB")
_grp("protester protestor demonstrator crowd civilian resident villager voter citizen "
     "settler hostage prisoner mob national people supporter population community youth", "CVL")
_grp("opposition dissident", "OPP")
_grp("politician elder candidate", "ELI")
_grp("farmer", "AGR")
_grp("landowner town village", "CVL")
_grp("activist", "CVL")
_grp("police policeman", "COP")
_grp("journalist reporter media", "JRN")
_grp("judge prosecutor court tribunal investigator", "JUD")
_grp("doctor medic nurse", "MED")
_grp("cleric", "REL")
_grp("spy intelligence", "SPY")
_grp("student teacher lecturer", "EDU")
_grp("worker union miner docker driver", "LAB")
_grp("refugee migrant asylum-seeker", "REF")
_grp("detainee inmate", "CVL")
_grp("suspect criminal gang smuggler trafficker", "CRM")
_grp("employee staff striker", "LAB")
_grp("party", "PTY")
_grp("newspaper broadcaster", "JRN")
_grp("christian muslim shiite sunni jew hindu buddhist worshipper pilgrim", "REL")
# the tagger often reads these as proper nouns, whose lemma keeps the plural
_grp("christians muslims shiites sunnis jews hindus buddhists", "REL")
_grp("businessman investor company firm competitor carmaker automaker manufacturer supplier "
     "retailer lender insurer airline conglomerate startup chipmaker", "BUS")

_grp("group organization organisation", "CVL")
_grp("agency", "GOV")

#: Modifiers that give a generic group head its sector ("rights groups", "aid workers").
MODIFIER_SECTORS: dict[str, str] = {
    "rights": "NGO", "aid": "NGO", "humanitarian": "NGO", "charity": "NGO", "environmental": "NGO",
    "advocacy": "NGO", "relief": "NGO", "opposition": "OPP", "armed": "REB", "suicide": "REB",
    "terrorist": "REB", "jihadist": "REB", "islamist": "REB", "labor": "LAB", "labour": "LAB",
    "trade": "LAB", "business": "BUS", "religious": "REL", "church": "REL", "medical": "MED",
    "health": "MED", "news": "JRN", "media": "JRN", "security": "MIL", "military": "MIL",
    "intelligence": "SPY", "student": "EDU",
}

#: Group heads that take the sector of a group-noun modifier ("rebel leaders",
#: "opposition officials", "police officers").
GENERIC_GROUP_HEADS = frozenset(
    "leader leadership official officer member commander chief spokesman representative "
    "delegation delegate negotiator figure force supporter group organization organisation "
    "agency worker bomber candidate".split()
)

#: Words in an unknown organization's name -> its sector ("Nigerian Union of Teachers").
ORG_KEYWORDS: dict[str, str] = {}
for _words, _sector in (
    ("union unions workers", "LAB"), ("teachers university college school academy institute", "EDU"),
    ("party", "PTY"), ("army forces military brigade navy", "MIL"), ("police", "COP"),
    ("court tribunal", "JUD"), ("ministry government commission municipality council agency office "
                                 "department authority administration", "GOV"),
    ("assembly parliament senate congress", "LEG"),
    ("bank company corporation corp co inc ltd llc plc group holdings securities productions records studios "
     "entertainment motors airlines airways aerospace robotics technologies pharmaceuticals ventures partners "
     "industries enterprises insurance investments brokerage", "BUS"),
    ("observatory laboratory", "EDU"), ("infirmary", "MED"),
    ("church mosque diocese synagogue", "REL"), ("hospital clinic medical", "MED"),
    ("front liberation rebels militia resistance insurgency", "REB"),
    ("news times post radio television tv herald tribune gazette journal daily", "JRN"),
    ("foundation association society watch", "NGO"),
):
    for _w in _words.split():
        ORG_KEYWORDS[_w] = _sector
del _words, _sector, _w

#: Names of public bodies: "Bureau of Prisons", "Department for Transport", "National Weather Service".
_GOV_BODY = re.compile(r"^(?:(?:federal|national|state|central|royal|us|u s)\s+)?(?:bureau|department|ministry|agency|"
                       r"office|directorate|administration|commission|secretariat)\s+(?:of|for)\s+\w"
                       r"|^(?:federal|national)\s+(?:\w+\s+){0,3}(?:bureau|agency|administration|service|commission|"
                       r"authority|office|directorate)$")


#: Bodies of the states of a continent or region: "Africa Union", "West African Development Bank".
_REGIONAL_BODY = re.compile(r"^(?:the\s+)?(?:(?:north|south|east|west|central|southern|western|eastern)\s+)?"
                            r"(?:africa|african|europe|european|asia|asian|arab|eurasian|caribbean|pacific|"
                            r"latin american|nordic|baltic|gulf|andean)\s+(?:\w+\s+){0,2}"
                            r"(?:union|community|league|council|organization|organisation|commission|"
                            r"development bank|investment bank|parliament|court)$")


def org_sector(name: str) -> str | None:
    """Sector of an organization outside the dictionary, from words of its name."""
    if _GOV_BODY.match(gz.norm(name)):
        return "GOV"
    if _REGIONAL_BODY.match(gz.norm(name)):
        return "IGO"
    for word in reversed(gz.norm(name).split()):  # the head ("Union of Teachers" -> union) is usually last-ish
        if word in ORG_KEYWORDS:
            return ORG_KEYWORDS[word]
    return None


#: Group nouns that make an actor on their own, without a country or
#: organization modifier ("protesters clashed with police").
BARE_GROUPS = frozenset(
    "official authority rebel militant insurgent guerrilla gunman jihadist separatist secessionist "
    "militia terrorist protester protestor demonstrator police troop soldier lawmaker "
    "diplomat settler activist refugee migrant court tribunal "
    "striker mp mla legislator parliamentarian judge prosecutor peacekeeper paramilitary serviceman "
    "prisoner detainee inmate hostage civilian villager".split()
)

#: Working people who are an actor when the clause says they strike ("2,000 workers
#: went on strike", "employees stopped work"), not when merely mentioned.
STRIKING_GROUPS = frozenset("worker employee staff teacher lecturer nurse doctor driver miner "
                            "docker".split())
#: Words of a strike in the clause of such a group.
STRIKE_WORDS = frozenset("strike walkout stoppage sit-in".split())

#: Group nouns that are an actor even in the singular ("a suspected militant",
#: "a suicide bomber"): one unnamed member of an armed group.
SINGULAR_GROUPS = frozenset("rebel militant insurgent guerrilla gunman jihadist separatist terrorist "
                            "bomber".split())

#: Head words after "X-" that make the modifier a backer or supplier, not the group's
#: own country ("Iranian-backed militias", "US-supplied rebels").
BACKED = frozenset("backed allied supported funded aligned sponsored armed trained supplied".split())

#: Prepositions after which a capital is a location, not the government.
LOCATIVE_PREPS = frozenset(
    "in at near outside inside across throughout around into within toward towards "
    "via beyond past through".split()
)

#: Nouns of control over an area: "a curfew in Kashmir", "a state of siege in Pando"
#: make the place the target of the measure.
AREA_MEASURES = frozenset("curfew siege emergency ceasefire cease-fire truce lockdown blockade "
                          "crackdown clampdown law".split())

#: Nouns whose "of <place>" is the place acted upon ("the invasion of South Lebanon").
AREA_ACTIONS = frozenset("invasion shelling bombing bombardment siege occupation annexation blockade "
                         "capture seizure liberation encirclement".split())

#: Verbs and nouns whose "from <place>" is the place left ("withdrew troops from the Golan Heights").
WITHDRAWALS = frozenset("withdraw withdrawal pull pullout retreat evacuate evacuation".split())

#: Area nouns that pass the role on to their place ("parts of Kashmir", "the town of Cizre").
AREA_NOUNS = frozenset("part area region district province town city village state zone enclave "
                       "territory".split())

#: Verbs after which "to <capital>" is a destination.
MOTION_VERBS = frozenset(
    "go fly travel return come move arrive head drive sail flee deport send "
    "bring take relocate trip visit journey spread extend expand march escape evacuate "
    "retreat withdraw".split()
)

#: Common first names with a clear gender (news-frequent, many languages):
#: a prior for pronouns, overridden by honorifics ("Ms.") in the text.
MALE_NAMES = frozenset("""
aaron abdul abdullah abu adam ahmad ahmed ajay akira alan alberto aleksandr alex alexander alexei
alexis ali amir anatoly andre andrei andres andrew andy angel anthony antonio antony ariel arnold
artem ashraf avi ayman barack bashar ben benjamin benny bernie bill bob boris brad brian bruce
carlos charles chris christopher chuck colin dan daniel dario david dennis dick dmitry dmitri
don donald doug douglas ed eduardo edward ehud elon emmanuel enrique eric erik evan felipe
fernando francis francisco frank franz fred friedrich gabriel gary george gerald gerhard giorgio
giuseppe gordon greg gregory guy hamid harry hassan henry hiroshi hossein hugo hussein ian ibrahim
igor ilya isaac ismail ivan jack jacob jaime james jamal jan javier jean jeb jeff jeffrey jens
jeremy jerome jim jimmy joe joel john johnny jon jonathan jorge jose joseph josh joshua juan julian
justin kamal karim karl keir ken kenneth kevin khalid kirill kofi lars leon
leonid luis luiz manuel marco marcus mario mark martin matt matthew mauricio max
michael miguel mike mikhail mitch mitt mohamed mohammad mohammed muhammad mustafa naftali narendra
nicolas nikolai nikolay oleg olaf omar oscar pablo paolo pat patrick paul pedro pete peter
petr petro pierre rafael rahul ralph ramzan rand raul recep reince richard rick robert roberto
rodrigo roger ron ronald rudy rupert ryan saad saddam salman sam samuel scott sean sebastian
sergei sergey shinzo silvio simon stefan stephen steve steven stuart sultan tayyip ted thomas tim
timothy todd tom tony uri valery vasily viktor vincent vitali vladimir vlad volodymyr walter
william xi yair yasser yevgeny yitzhak youssef yuri yusuf zbigniew
abiy adel ahmet akbar aleksandar alexandre alfonso amos andrzej antoine arturo ashok
benedict bernard bruno cyril dario denis dominic edgar edmund emeka enrico
fabio faisal farid felix fidel florian francois frederic gaston gerardo gideon gilbert goran
gustavo hakan hamza hans haruto heinrich hiro ignacio imran jacques jair jakob javad jens joao
jonas kareem keith lester kemal klaus kwame lamine laszlo leo lionel lorenzo
luca lukas mahmoud majid marek mateo mehmet miloš milos mohsen moses nasser nawaz nelson nikola
nnamdi olusegun omer osama pavel pieter rajesh ramon rashid reza ricardo rishi
roman salvador santiago sanjay shehbaz sigmar sipho tariq tomas uhuru umar vikram
walid werner xavier yahya yoweri zoran lloyd antony jake kevin mitch chuck
""".split())
FEMALE_NAMES_EXTRA = frozenset("""
agnes alejandra amina anita ayesha beata benazir brigitte cecilia chrystia dina dorota elif
esther fiona gina giulia greta hala hanan heather helena ilse indira isabella jacqueline jasmine
josephine katalin katarzyna kristen laila lena liliana lindsey lorena magdalena margaret
mariam marta martina mia miriam mona nadine najat naomi natasha noura oksana petra pooja
rima sabrina salma samia sanna shabana simone sonja stella tatiana teresa ulrike ursula
vanessa yasmin yolanda zuzana zahra
""".split())
FEMALE_NAMES = frozenset("""
aisha alexandra alice alina amal amanda amy ana anastasia andrea angela angelina ann anna anne
annalena antonia aung barbara betsy beatriz carla carly carmen caroline catherine cheryl chelsea
christine christina claire claudia cristina dana daria diana dilma donna elena elisabeth elise
eliza elizabeth ellen emily emma erin eva fatima fatma francesca gabriela giorgia grace hana hanna
hannah helen hillary huma ilhan ingrid irina isabel jacinda jane janet janice jennifer jessica
jill joan joanna jodi julia julie kamala karen karine kate katherine kathleen kathy kaja kelly
kellyanne kirsten kristi kristina laura leila lisa liz louise lucia lucy ludmila lyudmila mai
maria marie marina marine marta mary maya megan melania melissa mette michelle mira monica nadia
nancy natalia natalya nicola nicole nikki nina olena olga patricia paula priti rachel
rania rebecca rosa ruth samantha sandra sara sarah shirin sofia sonia sophie susan
suzanne svetlana tamara tanya theresa tsai tulsi ursula valentina valerie vera victoria violeta
wendy yulia yuliya zainab zeynep
""".split()) | FEMALE_NAMES_EXTRA

#: sectors of the state's own arms: who closes a road or lays a siege for the state
STATE_ARMS = frozenset(("MIL", "COP", "GOV", "SPY", "JUD"))
