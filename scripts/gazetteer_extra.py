"""Hand-written additions to the generated gazetteer (build-time only).

Each line of ``COUNTRY_TABLE`` is ``ISO3 | aliases | demonyms | seats``;
fields are ``;``-separated.  *aliases* are extra English names and short
forms, *demonyms* the adjective and people nouns ("Iranian", "Iranians"),
*seats* names used for the government besides the capital ("the Kremlin").
Plural people nouns ending in "s" are derived automatically when absent.
"""

COUNTRY_TABLE = """
AFG | Afghanistan | Afghan; Afghani | 
ALB | Albania | Albanian | 
DZA | Algeria | Algerian | 
AND | Andorra | Andorran | 
AGO | Angola | Angolan | 
ATG | Antigua; Antigua and Barbuda | Antiguan | 
ARG | Argentina; the Argentine Republic | Argentine; Argentinian; Argentinean | Casa Rosada
ARM | Armenia | Armenian | Yerevan
AUS | Australia | Australian; Aussie | Canberra
AUT | Austria | Austrian | 
AZE | Azerbaijan | Azerbaijani; Azeri | 
BHS | Bahamas; the Bahamas | Bahamian | 
BHR | Bahrain | Bahraini | 
BGD | Bangladesh | Bangladeshi | 
BRB | Barbados | Barbadian; Bajan | 
BLR | Belarus; Byelorussia | Belarusian; Belarusan; Byelorussian | 
BEL | Belgium | Belgian | 
BLZ | Belize | Belizean | 
BEN | Benin | Beninese | 
BTN | Bhutan | Bhutanese | 
BOL | Bolivia | Bolivian | 
BIH | Bosnia; Bosnia and Herzegovina; Bosnia-Herzegovina | Bosnian | 
BWA | Botswana | Botswanan; Motswana; Batswana | 
BRA | Brazil | Brazilian | Planalto; Planalto Palace
BRN | Brunei | Bruneian | 
BGR | Bulgaria | Bulgarian | 
BFA | Burkina Faso | Burkinabe | 
BDI | Burundi | Burundian | 
CPV | Cape Verde; Cabo Verde | Cape Verdean | 
KHM | Cambodia | Cambodian; Khmer | 
CMR | Cameroon | Cameroonian | 
CAN | Canada | Canadian | Ottawa; Parliament Hill
CAF | Central African Republic; CAR | Central African | 
TCD | Chad | Chadian | 
CHL | Chile | Chilean | La Moneda
CHN | China; People's Republic of China; PRC; P.R.C.; mainland China | Chinese | Beijing; Zhongnanhai; Peking
COL | Colombia | Colombian | Casa de Narino
COM | Comoros | Comoran; Comorian | 
COG | Republic of Congo; Republic of the Congo; Congo-Brazzaville; Congo Republic | Congolese | Brazzaville
COD | Democratic Republic of Congo; Democratic Republic of the Congo; DRC; DR Congo; D.R.C.; Congo-Kinshasa; Congo | Congolese | Kinshasa
CRI | Costa Rica | Costa Rican | 
CIV | Ivory Coast; Cote d'Ivoire; Côte d'Ivoire | Ivorian; Ivoirian | 
HRV | Croatia | Croatian; Croat | 
CUB | Cuba | Cuban | 
CYP | Cyprus | Cypriot; Greek Cypriot | Nicosia
CZE | Czech Republic; Czechia | Czech | 
DNK | Denmark | Danish; Dane | 
DJI | Djibouti | Djiboutian | 
DMA | Dominica | Dominican | 
DOM | Dominican Republic | Dominican | 
ECU | Ecuador | Ecuadorian; Ecuadorean | 
EGY | Egypt | Egyptian | Cairo
SLV | El Salvador | Salvadoran; Salvadorean | 
GNQ | Equatorial Guinea | Equatoguinean; Equatorial Guinean | 
ERI | Eritrea | Eritrean | 
EST | Estonia | Estonian | 
SWZ | Eswatini; Swaziland | Swazi; Eswatini | 
ETH | Ethiopia | Ethiopian | 
FJI | Fiji | Fijian | 
FIN | Finland | Finnish; Finn | 
FRA | France; the French Republic | French; Frenchman; Frenchmen; Frenchwoman | Paris; the Elysee; the Élysée; Elysee Palace; Élysée Palace; Quai d'Orsay
GAB | Gabon | Gabonese | 
GMB | Gambia; the Gambia | Gambian | 
GEO | Georgia | Georgian | Tbilisi
DEU | Germany; Federal Republic of Germany | German | Berlin
GHA | Ghana | Ghanaian | 
GRC | Greece | Greek | Athens
GRD | Grenada | Grenadian | 
GTM | Guatemala | Guatemalan | 
GIN | Guinea | Guinean | Conakry
GNB | Guinea-Bissau | Bissau-Guinean | 
GUY | Guyana | Guyanese | 
HTI | Haiti | Haitian | 
HND | Honduras | Honduran | 
HUN | Hungary | Hungarian; Magyar | Budapest
ISL | Iceland | Icelandic; Icelander | 
IND | India; Republic of India | Indian | New Delhi; Delhi
IDN | Indonesia | Indonesian | Jakarta
IRN | Iran; Islamic Republic of Iran; the Islamic Republic; Persia | Iranian; Persian | Tehran; Teheran
IRQ | Iraq | Iraqi | Baghdad
IRL | Ireland; Republic of Ireland; Eire | Irish; Irishman | Dublin
ISR | Israel; State of Israel | Israeli | Jerusalem; Tel Aviv
ITA | Italy | Italian | Rome; Palazzo Chigi
JAM | Jamaica | Jamaican | 
JPN | Japan | Japanese | Tokyo
JOR | Jordan; Hashemite Kingdom of Jordan | Jordanian | Amman
KAZ | Kazakhstan | Kazakh; Kazakhstani | Astana
KEN | Kenya | Kenyan | Nairobi
KIR | Kiribati | I-Kiribati | 
PRK | North Korea; DPRK; D.P.R.K.; Democratic People's Republic of Korea | North Korean | Pyongyang
KOR | South Korea; ROK; R.O.K.; Republic of Korea | South Korean | Seoul; the Blue House
XKX | Kosovo | Kosovar; Kosovan | Pristina
KWT | Kuwait | Kuwaiti | Kuwait City
KGZ | Kyrgyzstan; Kirghizia | Kyrgyz | Bishkek
LAO | Laos; Lao PDR | Laotian; Lao | Vientiane
LVA | Latvia | Latvian | Riga
LBN | Lebanon | Lebanese | Beirut
LSO | Lesotho | Basotho; Mosotho | 
LBR | Liberia | Liberian | Monrovia
LBY | Libya | Libyan | Tripoli
LIE | Liechtenstein | Liechtensteiner | 
LTU | Lithuania | Lithuanian | Vilnius
LUX | Luxembourg | Luxembourgish; Luxembourger | 
MDG | Madagascar | Malagasy | 
MWI | Malawi | Malawian | 
MYS | Malaysia | Malaysian | Kuala Lumpur; Putrajaya
MDV | Maldives; the Maldives | Maldivian | 
MLI | Mali | Malian | Bamako
MLT | Malta | Maltese | 
MHL | Marshall Islands | Marshallese | 
MRT | Mauritania | Mauritanian | 
MUS | Mauritius | Mauritian | 
MEX | Mexico | Mexican | Mexico City; Los Pinos; Palacio Nacional
FSM | Micronesia | Micronesian | 
MDA | Moldova | Moldovan | Chisinau
MCO | Monaco | Monegasque | 
MNG | Mongolia | Mongolian; Mongol | Ulaanbaatar; Ulan Bator
MNE | Montenegro | Montenegrin | Podgorica
MAR | Morocco | Moroccan | Rabat
MOZ | Mozambique | Mozambican | Maputo
MMR | Myanmar; Burma | Burmese; Myanmarese | Naypyitaw; Naypyidaw; Nay Pyi Taw
NAM | Namibia | Namibian | Windhoek
NRU | Nauru | Nauruan | 
NPL | Nepal | Nepali; Nepalese | Kathmandu
NLD | Netherlands; the Netherlands; Holland | Dutch; Dutchman | The Hague; Amsterdam
NZL | New Zealand | New Zealander; Kiwi | Wellington
NIC | Nicaragua | Nicaraguan | Managua
NER | Niger | Nigerien | Niamey
NGA | Nigeria | Nigerian | Abuja
MKD | North Macedonia; Macedonia | Macedonian | Skopje
NOR | Norway | Norwegian | Oslo
OMN | Oman | Omani | Muscat
PAK | Pakistan | Pakistani | Islamabad
PLW | Palau | Palauan | 
PSE | Palestine; State of Palestine; Palestinian territories; Palestinian Territories; occupied territories; West Bank; Gaza; Gaza Strip | Palestinian | Ramallah
PAN | Panama | Panamanian | 
PNG | Papua New Guinea | Papua New Guinean | 
PRY | Paraguay | Paraguayan | 
PER | Peru | Peruvian | Lima
PHL | Philippines; the Philippines | Philippine; Filipino; Filipina | Manila; Malacanang; Malacañang
POL | Poland | Polish; Pole | Warsaw
PRT | Portugal | Portuguese | Lisbon
QAT | Qatar | Qatari | Doha
ROU | Romania | Romanian | Bucharest
RUS | Russia; Russian Federation; the Russian Federation | Russian | Moscow; the Kremlin; Kremlin
RWA | Rwanda | Rwandan | Kigali
KNA | Saint Kitts and Nevis; St. Kitts and Nevis | Kittitian | 
LCA | Saint Lucia; St. Lucia | Saint Lucian | 
VCT | Saint Vincent and the Grenadines | Vincentian | 
WSM | Samoa | Samoan | 
SMR | San Marino | Sammarinese | 
STP | Sao Tome and Principe; São Tomé and Príncipe | Santomean | 
SAU | Saudi Arabia; KSA | Saudi; Saudi Arabian | Riyadh
SEN | Senegal | Senegalese | Dakar
SRB | Serbia | Serbian; Serb | Belgrade
SYC | Seychelles | Seychellois | 
SLE | Sierra Leone | Sierra Leonean | Freetown
SGP | Singapore | Singaporean | 
SVK | Slovakia; Slovak Republic | Slovak; Slovakian | Bratislava
SVN | Slovenia | Slovenian; Slovene | Ljubljana
SLB | Solomon Islands | Solomon Islander | 
SOM | Somalia | Somali; Somalian | Mogadishu; Villa Somalia
ZAF | South Africa | South African | Pretoria; Union Buildings
SSD | South Sudan | South Sudanese | Juba
ESP | Spain | Spanish; Spaniard | Madrid; Moncloa; La Moncloa
LKA | Sri Lanka; Ceylon | Sri Lankan | Colombo
SDN | Sudan | Sudanese | Khartoum
SUR | Suriname; Surinam | Surinamese | 
SWE | Sweden | Swedish; Swede | Stockholm
CHE | Switzerland | Swiss | Bern; Berne
SYR | Syria; Syrian Arab Republic | Syrian | Damascus
TWN | Taiwan; Republic of China; ROC | Taiwanese | Taipei
TJK | Tajikistan | Tajik; Tajikistani | Dushanbe
TZA | Tanzania | Tanzanian | Dodoma
THA | Thailand; Siam | Thai | Bangkok
TLS | East Timor; Timor-Leste | Timorese; East Timorese | Dili
TGO | Togo | Togolese | Lome
TON | Tonga | Tongan | 
TTO | Trinidad and Tobago; Trinidad | Trinidadian; Tobagonian | 
TUN | Tunisia | Tunisian | Tunis
TUR | Turkey; Turkiye; Türkiye | Turkish; Turk | Ankara
TKM | Turkmenistan | Turkmen | Ashgabat
TUV | Tuvalu | Tuvaluan | 
UGA | Uganda | Ugandan | Kampala
UKR | Ukraine; the Ukraine | Ukrainian | Kyiv; Kiev
ARE | United Arab Emirates; UAE; U.A.E.; the Emirates; Emirates | Emirati | Abu Dhabi
GBR | United Kingdom; UK; U.K.; Britain; Great Britain; England; Scotland; Wales; Northern Ireland | British; Briton; English; Englishman; Scottish; Scot; Welsh | London; Downing Street; No. 10; Number 10; Whitehall; Westminster
USA | United States; United States of America; US; U.S.; USA; U.S.A.; America | American | Washington; the White House; White House; Washington, D.C.; Washington D.C.; Oval Office; the Oval Office; Capitol Hill
URY | Uruguay | Uruguayan | Montevideo
UZB | Uzbekistan | Uzbek | Tashkent
VUT | Vanuatu | Ni-Vanuatu | 
VAT | Vatican; the Vatican; Vatican City; Holy See; the Holy See | Vatican | 
VEN | Venezuela | Venezuelan | Caracas; Miraflores; Miraflores Palace
VNM | Vietnam; Viet Nam | Vietnamese | Hanoi
YEM | Yemen | Yemeni | Sanaa; Sana'a; Aden
ZMB | Zambia | Zambian | Lusaka
ZWE | Zimbabwe | Zimbabwean | Harare
HKG | Hong Kong | Hong Konger; Hongkonger | 
MAC | Macau; Macao | Macanese | 
"""

#: Alias forms that are also common English words or personal names: they
#: only count as a country when NER calls the mention GPE/LOC/NORP.
AMBIGUOUS = [
    "Chad", "Jordan", "Georgia", "Turkey", "Guinea", "Niger", "China", "Israel",
    "Lima", "Victoria", "Kingston", "America", "Wales", "Jersey", "Panama",
    "Mali", "Togo", "Cuba", "Oman", "Peru", "Eire", "Dominica", "Grenada",
    "Kiwi", "Pole", "Dane", "Finn", "Turk", "Swede", "Scot",
    "Washington", "Paris", "Lome", "Aden", "Juba", "CAR", "ROC",
    "Congo", "Holland", "Trinidad", "Siam", "Persia", "Macedonia",
    "Amsterdam", "Delhi", "the Islamic Republic", "Ceylon", "Kiev",
    "Male", "Georgetown", "Santiago", "Sucre", "Nassau", "Praia", "Kingstown", "Bern",
]

#: Words that look like seats but denote something else when used as an
#: actor: the EU's seat is the usual meaning of "Brussels" in news.
SEAT_OVERRIDES = {"Brussels": "EU"}

#: Well-known English or former names of cities (alias -> geonames name).
#: Geonames' own alternate names are mostly transliterations and airport
#: codes ("CAN" for Guangzhou), so only these hand-picked ones are shipped.
CITY_ALIASES = {
    "Bombay": "Mumbai", "Calcutta": "Kolkata", "Madras": "Chennai",
    "Bangalore": "Bengaluru", "Saigon": "Ho Chi Minh City", "Peking": "Beijing",
    "Canton": "Guangzhou", "Rangoon": "Yangon", "Kiev": "Kyiv", "Kharkov": "Kharkiv",
    "Odessa": "Odesa", "Lvov": "Lviv", "Dnepropetrovsk": "Dnipro", "Nikolaev": "Mykolayiv", "Mykolaiv": "Mykolayiv",
    "Zaporozhye": "Zaporizhzhya", "Zaporizhzhia": "Zaporizhzhya", "Lugansk": "Luhansk", "Donetsk": "Donetsk",
    "Sana'a": "Sanaa", "Tel Aviv": "Tel Aviv", "Tel Aviv-Yafo": "Tel Aviv",
    "Gaza City": "Gaza", "Aleppo": "Aleppo", "Teheran": "Tehran", "Ulaanbaatar": "Ulan Bator",
    "Naypyidaw": "Nay Pyi Taw", "Naypyitaw": "Nay Pyi Taw", "Washington, D.C.": "Washington",
    "New York City": "New York City", "NYC": "New York City", "Mecca": "Makkah",
    "Medina": "Madinah", "Hanoi": "Hanoi", "Bern": "Bern", "Berne": "Bern",
}

#: Display names where the sources' short name is not the usual English one.
NAME_OVERRIDES = {
    "NLD": "Netherlands", "PSE": "Palestine", "CZE": "Czech Republic", "TUR": "Turkey",
    "COD": "DR Congo", "COG": "Republic of the Congo", "CIV": "Ivory Coast", "MMR": "Myanmar",
    "VNM": "Vietnam", "SYR": "Syria", "LAO": "Laos", "MDA": "Moldova", "TZA": "Tanzania",
    "BOL": "Bolivia", "VEN": "Venezuela", "KOR": "South Korea", "PRK": "North Korea",
    "RUS": "Russia", "IRN": "Iran", "TWN": "Taiwan", "BES": "Bonaire, Sint Eustatius and Saba",
    "XKX": "Kosovo", "SWZ": "Eswatini", "CPV": "Cape Verde", "FSM": "Micronesia",
}

#: Regions often in the news (region -> ISO3 of the country it is in, by
#: UN-recognised borders), so that they resolve as places, never as people.
REGIONS = {
    "Crimea": "UKR", "Donbas": "UKR", "Donbass": "UKR", "Kherson region": "UKR",
    "Darfur": "SDN", "North Darfur": "SDN", "West Darfur": "SDN", "South Darfur": "SDN",
    "Kordofan": "SDN", "Blue Nile": "SDN", "Tigray": "ETH", "Amhara": "ETH", "Oromia": "ETH",
    "Kashmir": "IND", "Jammu and Kashmir": "IND", "Ladakh": "IND", "Assam": "IND", "Manipur": "IND",
    "Uttar Pradesh": "IND", "Tamil Nadu": "IND", "Kerala": "IND", "Gujarat": "IND", "Bihar": "IND",
    "Balochistan": "PAK", "Khyber Pakhtunkhwa": "PAK", "Waziristan": "PAK", "North Waziristan": "PAK",
    "Sindh": "PAK", "Gilgit-Baltistan": "PAK", "Xinjiang": "CHN", "Tibet": "CHN",
    "Inner Mongolia": "CHN", "Guangdong": "CHN", "Kurdistan": "IRQ", "Iraqi Kurdistan": "IRQ",
    "Anbar": "IRQ", "Nineveh": "IRQ", "Idlib": "SYR", "Raqqa": "SYR", "Deir ez-Zor": "SYR",
    "Golan Heights": "SYR", "Ghouta": "SYR", "Sinai": "EGY", "North Sinai": "EGY",
    "Catalonia": "ESP", "Basque Country": "ESP", "Bavaria": "DEU", "Quebec": "CAN",
    "Ontario": "CAN", "Alberta": "CAN", "British Columbia": "CAN", "Chechnya": "RUS",
    "Dagestan": "RUS", "Siberia": "RUS", "Kursk region": "RUS", "Belgorod region": "RUS",
    "Transnistria": "MDA", "Abkhazia": "GEO", "South Ossetia": "GEO", "Nagorno-Karabakh": "AZE",
    "Karabakh": "AZE", "Mindanao": "PHL", "Aceh": "IDN", "Papua": "IDN", "West Papua": "IDN",
    "Rakhine": "MMR", "Kachin": "MMR", "Cabo Delgado": "MOZ", "Borno": "NGA", "Niger Delta": "NGA",
    "Somaliland": "SOM", "Puntland": "SOM", "Jubaland": "SOM", "Cyrenaica": "LBY",
    "Hadramout": "YEM", "Marib": "YEM", "Galilee": "ISR", "Negev": "ISR",
    "Scotland": "GBR", "Wales": "GBR", "Northern Ireland": "GBR", "Corsica": "FRA",
    "Sardinia": "ITA", "Sicily": "ITA", "Puerto Rico": "PRI", "Greenland": "GRL",
    # states and provinces that governments, curfews and offensives are often tied to
    "West Bengal": "IND", "Maharashtra": "IND", "Karnataka": "IND", "Andhra Pradesh": "IND",
    "Telangana": "IND", "Rajasthan": "IND", "Madhya Pradesh": "IND", "Odisha": "IND",
    "Jharkhand": "IND", "Chhattisgarh": "IND", "Haryana": "IND", "Uttarakhand": "IND",
    "Himachal Pradesh": "IND", "Tripura": "IND", "Nagaland": "IND", "Mizoram": "IND",
    "Meghalaya": "IND", "Arunachal Pradesh": "IND", "Sikkim": "IND",
    "Helmand": "AFG", "Badghis": "AFG", "Nangarhar": "AFG", "Ghazni": "AFG", "Paktia": "AFG",
    "Paktika": "AFG", "Khost": "AFG", "Uruzgan": "AFG", "Zabul": "AFG", "Faryab": "AFG",
    "Baghlan": "AFG", "Takhar": "AFG", "Badakhshan": "AFG", "Kunar": "AFG", "Nuristan": "AFG",
    "Logar": "AFG", "Wardak": "AFG",
    "Adamawa": "NGA", "Yobe": "NGA", "Zamfara": "NGA", "Borno State": "NGA",
    "Salahuddin": "IRQ", "Diyala": "IRQ", "Hasakah": "SYR", "Quneitra": "SYR",
    "Saada": "YEM", "Shabwa": "YEM", "Abyan": "YEM",
    "North Kivu": "COD", "South Kivu": "COD", "Ituri": "COD", "Katanga": "COD", "Kasai": "COD",
    "South Kordofan": "SDN", "Narathiwat": "THA",
    "Shan State": "MMR", "Karen State": "MMR", "Kayin": "MMR", "Chin State": "MMR",
    "Sinaloa": "MEX", "Michoacan": "MEX", "Tamaulipas": "MEX", "Jalisco": "MEX",
    "Oaxaca": "MEX", "Chiapas": "MEX", "Antioquia": "COL", "Cauca": "COL",
    "Ingushetia": "RUS", "Tatarstan": "RUS", "Bashkortostan": "RUS",
    "Queensland": "AUS", "New South Wales": "AUS", "Tasmania": "AUS", "Northern Territory": "AUS",
    "Manitoba": "CAN", "Saskatchewan": "CAN", "Nova Scotia": "CAN", "England": "GBR",
    "Andalusia": "ESP", "Sulu": "PHL", "Basilan": "PHL", "Hubei": "CHN", "Sichuan": "CHN",
    "Yunnan": "CHN", "Henan": "CHN", "Zhejiang": "CHN", "Fujian": "CHN", "Guangxi": "CHN",
    "Sulawesi": "IDN", "Sumatra": "IDN", "Maluku": "IDN", "Fezzan": "LBY",
    "Republika Srpska": "BIH", "Vojvodina": "SRB", "Nakhchivan": "AZE", "Anatolia": "TUR",
}
