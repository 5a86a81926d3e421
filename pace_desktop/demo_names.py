"""Invented names, places and plain-language text for the demo caseload (see the demo package).

Everything here is fiction. Given names and family names are common in the north of
Scotland, but every combination, street, school and house name the demo builds is made up.
Chronology titles follow the Care Inspectorate guide and The Promise: plain, factual and
non-judgemental, written as if the child and their family will read them, because they may.
"""

from __future__ import annotations

from typing import Final

GIRLS: Final = (
    "Màiri", "Ciorstaidh", "Seònaid", "Eilidh", "Isla", "Catrìona", "Ishbel", "Morven",
    "Kirsteen", "Ailsa", "Rhona", "Freya", "Thora", "Iona", "Sìne", "Peigi", "Ealasaid",
    "Orla", "Lorna", "Kirsty", "Beth", "Inga", "Ragna", "Ellie", "Ruby", "Hanna", "Anna",
)
BOYS: Final = (
    "Eòghann", "Ruairidh", "Calum", "Lachlan", "Fionnlagh", "Tormod", "Dòmhnall", "Seumas",
    "Coinneach", "Uisdean", "Magnus", "Erlend", "Thorfinn", "Alasdair", "Iain", "Niall",
    "Ewan", "Struan", "Sandy", "Jamie", "Aonghas", "Ross", "Finn", "Rory", "Harris", "Kai",
)
# Gaelic given names whose English form people often use day to day.
KNOWN_AS: Final[dict[str, str]] = {
    "Ciorstaidh": "Kirsty",
    "Seònaid": "Shona",
    "Ealasaid": "Elsie",
    "Catrìona": "Katie",
    "Fionnlagh": "Finlay",
    "Seumas": "Jamie",
    "Dòmhnall": "Donnie",
    "Coinneach": "Kenny",
    "Tormod": "Norrie",
    "Aonghas": "Angus",
    "Uisdean": "Hugh",
}
ADULT_WOMEN: Final = (
    "Kirsteen", "Morag", "Fiona", "Karen", "Lynsey", "Shona", "Gillian", "Isobel", "Jean",
    "Marion", "Elspeth", "Catriona", "Donna", "Louise", "Wendy", "Heather", "Aileen", "Jacqui",
    "Mairead", "Seonag", "Ingrid", "Brenda", "Norma", "Sheena",
)
ADULT_MEN: Final = (
    "Magnus", "Sandy", "Ewan", "Graham", "Stuart", "Derek", "Kenneth", "Tommy", "Alistair",
    "Gary", "Ronald", "Neil", "Murdo", "Angus", "Torquil", "Bruce", "Ivor", "Gordon",
    "Donald", "Fraser", "Craig", "Duncan",
)
NORTHERN_ISLES: Final = (
    "Flett", "Rendall", "Linklater", "Drever", "Isbister", "Tulloch", "Harcus", "Spence",
    "Scollay", "Halcrow", "Mowat", "Hourston", "Kirkness", "Groat", "Heddle", "Foubister",
    "Eunson", "Leask", "Manson", "Inkster", "Moar", "Clouston", "Omand", "Sclater", "Stove",
    "Pottinger", "Laurenson", "Jamieson", "Garriock", "Odie", "Work", "Costie",
)
HIGHLANDS: Final = (
    "MacLeod", "MacKenzie", "Matheson", "Munro", "Urquhart", "MacAskill", "MacRae", "Gillies",
    "Morrison", "Nicolson", "MacInnes", "MacLennan", "Macdonald", "Fraser", "Ross", "Sutherland",
    "Mackay", "MacIver", "Maclean", "Murray", "Grant", "Cameron",
)
NORTH_EAST: Final = (
    "Buchan", "Duthie", "Reid", "Strachan", "Cowie", "Mitchell", "Forbes", "Milne", "Skene",
    "Innes", "Gauld", "Ritchie", "Low", "Wood", "Bruce", "Gordon",
)

# Local authority -> (towns, family-name pool, weight). Islands are weighted up: the demo
# is built for the workers who most need an offline tool.
AUTHORITIES: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...], int]]] = {
    "Orkney Islands": (
        ("Kirkwall", "Stromness", "St Margaret's Hope", "Dounby", "Finstown", "Westray",
         "Sanday", "Stronsay"),
        NORTHERN_ISLES, 5,
    ),
    "Shetland Islands": (
        ("Lerwick", "Scalloway", "Brae", "Sandwick", "Yell", "Unst", "Whalsay", "Aith"),
        NORTHERN_ISLES, 5,
    ),
    "Highland": (
        ("Inverness", "Dingwall", "Fort William", "Wick", "Thurso", "Portree", "Golspie"),
        HIGHLANDS, 4,
    ),
    "Aberdeenshire": (
        ("Peterhead", "Fraserburgh", "Inverurie", "Stonehaven", "Huntly", "Banff"),
        NORTH_EAST, 3,
    ),
    "Comhairle nan Eilean Siar": (
        ("Stornoway", "Tarbert", "Balivanich", "Castlebay", "Lochmaddy"),
        HIGHLANDS, 2,
    ),
    "Moray": (("Elgin", "Forres", "Buckie", "Keith"), NORTH_EAST, 1),
}

STREETS: Final = (
    "Harbour Road", "Victoria Street", "Garden Terrace", "Mill Brae", "Shore Street",
    "Kirk Road", "Ferry Loan", "Weaver's Row", "Pier Lane", "Hillside Crescent", "Market Wynd",
    "Cairn View", "Bay Road", "School Brae", "Norse Road", "Heather Place", "Sound View",
    "Links Avenue", "Croft Road", "Anchor Close",
)
HOUSES: Final = (
    "Burnside", "Seaview", "Ferryfield", "Hillhead", "Braeside", "Westerlea", "Northlea",
    "Sandfield",
)
SCHOOL_WORDS: Final = ("Bayview", "Hillside", "Kirkton", "Southend", "Glebe", "Harbourside")

RELATIVES: Final = (
    ("maternal grandmother", "Gran"),
    ("paternal grandmother", "Gran"),
    ("maternal aunt", "Aunt"),
    ("paternal aunt", "Aunt"),
    ("maternal grandparents", "Gran and Grandad"),
    ("paternal uncle", "Uncle"),
    ("family friend", "family friend"),
)
SIBLING_WORDS: Final = {
    "female": ("sister", "half-sister"),
    "male": ("brother", "half-brother"),
}
SIBLING_LIVES: Final = (
    "lives with Mum",
    "lives with Dad",
    "lives with the same carers",
    "lives with separate foster carers",
    "lives with grandparents",
    "lives independently",
)

PROFESSIONS: Final = (
    ("Health visitor", "NHS health visiting team", 0, 5),
    ("School nurse", "NHS school nursing team", 5, 18),
    ("Head teacher", "school", 5, 18),
    ("Nursery manager", "nursery", 2, 5),
    ("GP", "GP practice", 0, 18),
    ("Family placement worker", "family placement team", 0, 18),
    ("Children's rights officer", "children's rights service", 8, 18),
    ("Independent advocate", "advocacy service", 8, 18),
)

REFERRALS: Final = (
    ("Police Scotland", "Police shared a concern after being called to the family home"),
    ("Health visitor", "Health visitor shared concerns about the baby's care and weight"),
    ("School", "School shared concerns about attendance and {name} arriving hungry"),
    ("Midwife", "Midwife referred the family for support around the birth"),
    ("GP practice", "GP practice shared concerns about Mum's health and the children's care"),
    ("Nursery", "Nursery staff shared concerns about bruising; medical examination arranged"),
    ("Mum", "Mum asked social work for help; she was finding things very hard"),
    ("Neighbour (anonymous)", "A neighbour phoned with worries about the children at home"),
)

REASONS_FOR_MOVE: Final = {
    "first": (
        "Accommodated after the child protection planning meeting",
        "Accommodated with Mum's agreement while she gets support",
        "Accommodated under a child protection order",
        "Accommodated under an interim supervision order",
    ),
    "early": (
        "Short-term carers' approval ended; planned move",
        "Moved to live with brother and sister",
        "Kinship assessment approved; moved to live with family",
        "Carers' own family circumstances changed",
        "Move to carers nearer school",
    ),
    "long_term": (
        "Matched with long-term foster carers",
        "Planned move to long-term carers agreed at the permanence panel",
    ),
    "adopters": (
        "Moved to prospective adopters after the matching permanence panel",
        "Planned move to prospective adopters after introductions",
    ),
    "home": ("Returned home to Mum", "Returned home to Mum and Dad", "Returned home to Dad"),
    "back": ("Came back into care after the return home broke down",),
    "residential": ("Moved to a children's house when living with foster carers stopped",),
}

CHILD_VIEWS: Final = {
    0: (
        ("{name} is too young to say in words. {name} is settled, feeding well and reaches "
         "for carers when upset.",
         "Not obtained in words: {name} is a baby; worker's and carers' observations"),
        ("{name} is too young to give views. {name} smiles and babbles during visits and "
         "sleeps well.",
         "Not obtained in words: observation by the worker during two home visits"),
    ),
    1: (
        ("{name} showed the worker a drawing of the house and said 'my room'.",
         "Through play and drawing with the worker"),
        ("{name} talked about the cat at carers' house and about seeing Mum.",
         "Through play with the worker at nursery"),
    ),
    2: (
        ("{name} said they like living where they are now and want to see Mum more often.",
         "In person, with the worker, the week before the meeting"),
        ("{name} wrote that school is good and that they miss their brother.",
         "All About Me form, filled in with carers"),
        ("{name} told the advocate they want to stay with their carers and keep seeing Gran.",
         "Through an independent advocate"),
        ("{name} said they worry about Mum and want to know what happens next.",
         "In person, with the worker, after school"),
    ),
    3: (
        ("{name} came to part of the review and said they want to stay where they are until "
         "they leave school.",
         "In person at the review"),
        ("{name} did not want to attend; they asked the advocate to say they want more say "
         "over family time.",
         "Through an independent advocate"),
        ("{name} wrote a letter to the chair about wanting to see friends at weekends.",
         "Written, a letter to the chair"),
        ("{name} chose not to share views this time; the worker will try again before the "
         "next review.",
         "Not obtained: {name} chose not to take part this time"),
    ),
}
FAMILY_VIEWS: Final = (
    "Mum said she wants {name} home and is working with the support service.",
    "Mum said she knows she cannot care for {name} at the moment and wants regular news.",
    "Dad did not attend; he told the worker by phone that he supports the plan.",
    "Mum and Dad disagree with the plan and have a solicitor.",
    "Carers said {name} is settled and they would like to keep caring for {name}.",
    "Gran said the family want to stay part of {name}'s life.",
    "Mum said family time is the most important thing to her.",
    "Dad asked for family time to move to Saturdays because of work.",
)
ACTIONS: Final = (
    "Arrange a health assessment",
    "Update the child's plan and share it with the family",
    "Complete the kinship assessment",
    "Arrange life story work",
    "Review family time arrangements",
    "Refer to the independent advocacy service",
    "Send the permanence report to the permanence panel adviser",
    "Arrange an education review with school",
    "Complete the sibling assessment",
    "Request a dental registration",
    "Share the minute with everyone who attended",
    "Arrange a meeting with Mum about the plan",
)
AMENDMENTS: Final = (
    "Correction: family time is fortnightly, not weekly as recorded.",
    "Correction: Dad sent apologies; he was not absent without word.",
    "Correction: the date of the next review is as noted in the minute.",
    "Correction: the health visitor's name was spelt wrongly.",
)

# Chronology notes for padding a journey. Phases: p before accommodation, a while away from
# home, h at home (after a return, or looked after at home), f after a final order that ends
# being looked after. Age bands: 0 under 3, 1 aged 3-4, 2 aged 5-11, 3 aged 12 and over.
# Fields: phases, bands, title, detail, source, impact, sign, action, significant, withheld.
# Titles that reveal where the child or carers live are withheld from relevant persons.
NOTES: Final = (
    ("a", "0123", "Family time with Mum took place", "Family time lasted two hours and was "
     "warm; Mum brought a snack and photos.", "carer", "{name} enjoyed seeing Mum.",
     "positive", "No action needed.", True, False),
    ("a", "0123", "Mum did not come to family time", "Mum phoned afterwards to say she had "
     "been unwell.", "worker", "{name} was disappointed and unsettled that evening.",
     "negative", "Worker spoke with Mum about letting carers know in advance.", True, False),
    ("a", "0123", "Family time with Dad took place", "Supervised at the family centre.",
     "worker", "{name} and Dad played together.", "positive", "Continue as planned.", True,
     False),
    ("ah", "0123", "Routine visit by the social worker", "Seen alone; no new concerns.",
     "worker", "None noted.", "neutral", "No action needed.", False, False),
    ("ah", "01", "Health visitor development check", "Development on track for age.",
     "health", "Healthy development.", "positive", "Next check as planned.", True, False),
    ("ah", "01", "Missed health appointment", "The appointment letter went to the old "
     "address.", "health", "Health check delayed.", "negative", "New appointment made.",
     True, False),
    ("a", "0123", "Carers report a settled month", "Sleeping and eating well.", "carer",
     "{name} is settled.", "positive", "No action needed.", False, False),
    ("a", "123", "{name} asked about going home", "Carers answered simply and told the "
     "worker.", "carer", "{name} needs clear information about the plan.", "neutral",
     "Worker to explain the plan at the next visit.", True, False),
    ("ah", "23", "School report received", "Attendance is good and {name} is making "
     "progress in reading.", "school", "Doing well at school.", "positive",
     "Shared with carers.", True, False),
    ("ah", "23", "School raised a concern about attendance", "Attendance this term is lower "
     "than usual.", "school", "Missing learning.", "negative",
     "Meeting with school arranged.", True, False),
    ("a", "23", "{name} started at {school}", "Settled in well during the first week.",
     "school", "New school near carers' home.", "neutral", "School told about the plan.",
     True, True),
    ("a", "0123", "Carers moved house within {town}", "Carers' new address recorded on the "
     "file.", "carer", "{name} stays with the same carers.", "neutral", "Address updated.",
     True, True),
    ("a", "0123", "Letterbox family time: letter sent to Mum", "Photos and a short letter "
     "sent through the family placement team.", "family_placement", "Keeps links with Mum.",
     "positive",
     "Next exchange in six months.", False, False),
    ("a", "23", "Life story work session", "Worked on {name}'s life story book.", "worker",
     "Helps {name} understand their history.", "positive", "Next session in a month.",
     False, False),
    ("ap", "0123", "Mum started with the support service", "Weekly sessions agreed.",
     "worker", "May help Mum care for {name}.", "positive", "Progress to be reviewed.", True,
     False),
    ("ph", "0123", "Police attended the family home", "Police were called after an argument "
     "between adults; {name} was present.", "police", "{name} was frightened.",
     "negative", "Home visit by the worker the next day.", True, False),
    ("ph", "0123", "Home visit: home warm and well stocked", "The worker visited "
     "unannounced.", "worker", "Needs were met that day.", "positive", "No action needed.",
     True, False),
    ("ph", "0123", "Home visit: no answer at the door", "Planned visit; the family were out.",
     "worker", "Not known.", "neutral", "Visit rearranged for the following week.", False,
     False),
    ("h", "0123", "Mum attended the parenting group", "Mum completed four of six sessions.",
     "worker", "Helps Mum respond to {name}'s needs.", "positive", "Continue.", True, False),
    ("h", "23", "{name} joined an after-school club", "{name} chose the club.", "school",
     "New friendships.", "positive", "No action needed.", True, False),
    ("a", "23", "Overnight stay with a friend agreed", "Agreed by carers under delegated "
     "authority.", "carer", "A normal childhood experience.", "positive", "No action needed.",
     False, False),
    ("a", "3", "{name} was not back at the agreed time", "Returned at 23:30 with a friend; "
     "police were told.", "carer", "Risk while out late.", "negative",
     "Safety plan reviewed with {name}.", True, False),
    ("a", "3", "{name} met the advocate", "First meeting with the independent advocate.",
     "advocate", "{name}'s views can be heard at reviews.", "positive", "None.", True,
     False),
    ("ahf", "0123", "Dental check-up", "No treatment needed.", "health",
     "Healthy teeth.", "positive", "Next check in six months.", False, False),
    ("a", "0123", "Sibling family time took place", "{name} saw their brother and sister at "
     "the family centre.", "worker", "Keeps sibling relationships going.", "positive",
     "Continue monthly.", True, False),
    ("a", "0123", "Carers had a short break", "{name} stayed two nights with short break "
     "carers.", "carer", "A change of routine.", "neutral", "No action needed.", False,
     False),
    ("f", "0123", "Support after the order: check-in visit", "Family doing well.", "worker",
     "Stable home.", "positive", "Support continues on request.", False, False),
    ("f", "0123", "Carers asked for advice about school", "Advice given by phone.", "worker",
     "None noted.", "neutral", "None needed.", False, False),
    ("ahf", "23", "{name} took part in a school trip", "{name} enjoyed the trip.", "school",
     "Confidence growing.", "positive", "None.", False, False),
    ("ap", "0123", "Mum's tenancy ended", "Mum moved in with a friend.", "worker",
     "Less stability for family time.", "negative", "Housing support referral made.", True,
     False),
)

# Notes that can only happen once in a childhood; padding never repeats them.
ONE_OFF: Final = frozenset({
    "{name} started at {school}",
    "Carers moved house within {town}",
    "{name} met the advocate",
    "Mum's tenancy ended",
    "Mum started with the support service",
    "{name} joined an after-school club",
})
