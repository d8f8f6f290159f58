"""Synthetic, labelled prompts for training the task classifier.

Every prompt in this module was written for this project from scratch: no text comes from a
public prompt collection, and the templates, slot words and topics differ from the ones in
``sample_logs/generate.py`` (the sample week measures the classifier, so it must stay unseen).

Each *template* belongs to one category of ``shared/design/TAXONOMY.md`` and renders
``(system, user)`` pairs in one of three styles:

* API style: a fixed system prompt that states the task, and a user message that is mostly the
  variable input (a review, a table, a code block, a contract clause ...);
* inline style: no system prompt, the instruction and the input share the user message;
* chat style: a person typing a question, with no system prompt or a generic assistant one.

Slots are written ``{name}`` and filled from the word lists below; a value is drawn once per
example, so a name used twice in one prompt stays the same. Slot values are inserted verbatim
(never re-scanned), so code and JSON inside them are safe. Output is deterministic: template
``t`` with seed ``s`` draws from ``random.Random(f"{s}:{t}")``.

    >>> from analyzer.classify import training_data
    >>> len(training_data.examples()) >= 26 * 10 * 12
    True
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from analyzer.classify.taxonomy import CATEGORIES


@dataclass(frozen=True)
class Example:
    """One labelled request: what the classifier sees, and the category it should give."""

    system: str | None  # system prompt (API style) or None (chat style)
    user: str  # the user message (the last user turn)
    category: str  # a taxonomy id
    template: str  # a stable template name, e.g. "sentiment_analysis/api-hotel-review"


# --------------------------------------------------------------------------------------
# Slot machinery
# --------------------------------------------------------------------------------------

_SLOT_RE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class _Ctx:
    """Values drawn for one example; ``get`` draws a slot once and caches it."""

    __slots__ = ("r", "vals")

    def __init__(self, r: random.Random) -> None:
        self.r = r
        self.vals: dict[str, str] = {}

    def get(self, name: str) -> str:
        v = self.vals.get(name)
        if v is None:
            fn = _SLOTS.get(name)
            if fn is None:
                raise KeyError(f"unknown slot {{{name}}}")
            v = fn(self)
            self.vals[name] = v
        return v

    def fill(self, text: str) -> str:
        return _SLOT_RE.sub(lambda m: self.get(m.group(1)), text)

    def pick(self, options: Sequence[str]) -> str:
        """One option, with its slots filled."""
        return self.fill(self.r.choice(options))


SlotFn = Callable[[_Ctx], str]
_SLOTS: dict[str, SlotFn] = {}


def _one(*options: str) -> SlotFn:
    """A slot that picks one option and fills the slots inside it."""
    return lambda c: c.pick(options)


def _raw(*options: str) -> SlotFn:
    """A slot that picks one option verbatim (code, JSON: braces are not slots)."""
    return lambda c: c.r.choice(options)


def _of(options: Sequence[str]) -> SlotFn:
    return lambda c: c.pick(options)


def _lines(pool: Sequence[str], lo: int, hi: int, sep: str = "\n", keep_order: bool = True) -> SlotFn:
    """Between ``lo`` and ``hi`` distinct lines of ``pool`` (in pool order unless told)."""

    def f(c: _Ctx) -> str:
        k = c.r.randint(lo, min(hi, len(pool)))
        idx = c.r.sample(range(len(pool)), k)
        if keep_order:
            idx.sort()
        return sep.join(c.fill(pool[i]) for i in idx)

    return f


def _slots(**fns: SlotFn) -> None:
    for k, fn in fns.items():
        if k in _SLOTS:
            raise ValueError(f"slot {k} defined twice")
        _SLOTS[k] = fn


# --------------------------------------------------------------------------------------
# Template registry
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Template:
    name: str
    category: str
    systems: tuple[str | None, ...]
    users: tuple[str, ...]
    casual: bool


_REGISTRY: dict[str, _Template] = {}

#: System prompts seen on chat-style requests: mostly none, sometimes a generic assistant.
_CHAT_SYS: tuple[str | None, ...] = (
    None, None, None, None, None,
    "You are a helpful assistant.",
    "You are a helpful assistant.",
    "You are a helpful, friendly assistant. Keep answers clear and accurate.",
    "You are an AI assistant. If you are not sure about something, say so.",
    "You are a helpful assistant. Today's date is {today}.",
    "You are {bot_name}, the internal AI assistant at {company}. Be concise and professional.",
    "You are a knowledgeable assistant. Use markdown where it helps readability.",
)  # fmt: skip


def _add(
    category: str,
    name: str,
    users: str | Sequence[str],
    systems: str | None | Sequence[str | None] = None,
    *,
    casual: bool = False,
) -> None:
    full = f"{category}/{name}"
    if category not in CATEGORIES:
        raise ValueError(f"{full}: unknown category")
    if full in _REGISTRY:
        raise ValueError(f"{full}: template defined twice")
    sys_opts = (systems,) if systems is None or isinstance(systems, str) else tuple(systems)
    user_opts = (users,) if isinstance(users, str) else tuple(users)
    _REGISTRY[full] = _Template(full, category, sys_opts, user_opts, casual)


def _api(category: str, name: str, system: str | Sequence[str], users: str | Sequence[str]) -> None:
    """API style: a fixed system prompt states the task; the user message is the input."""
    _add(category, f"api-{name}", users, system)


def _inline(category: str, name: str, users: str | Sequence[str]) -> None:
    """API style without a system prompt: instruction and input in the user message."""
    _add(category, f"inline-{name}", users, None)


def _chat(
    category: str,
    name: str,
    users: str | Sequence[str],
    systems: str | None | Sequence[str | None] = _CHAT_SYS,
) -> None:
    """Chat style: a person asking, no or a generic system prompt."""
    _add(category, f"chat-{name}", users, systems, casual=True)


def _casualize(r: random.Random, text: str) -> str:
    """People type carelessly: sometimes a lowercase start or no final question mark."""
    x = r.random()
    if x < 0.3 and len(text) > 1 and text[0].isupper() and text[1].islower():
        text = text[0].lower() + text[1:]
    if r.random() < 0.15 and text.endswith("?") and "\n" not in text:
        text = text[:-1]
    return text


def _render(t: _Template, r: random.Random) -> tuple[str | None, str]:
    c = _Ctx(r)
    system_t = r.choice(t.systems)
    user_t = r.choice(t.users)
    user = c.fill(user_t).strip()
    system = c.fill(system_t).strip() if system_t is not None else None
    if t.casual:
        user = _casualize(r, user)
    return system, user


def templates() -> list[str]:
    """All template names, ``<category>/<style>-<slug>``, in a stable order."""
    return list(_REGISTRY)


def examples(seed: int = 0, per_template: int = 12) -> list[Example]:
    """``per_template`` examples of every template (deterministic for a seed)."""
    out: list[Example] = []
    for name, t in _REGISTRY.items():
        r = random.Random(f"{seed}:{name}")
        seen: set[tuple[str | None, str]] = set()
        for _ in range(per_template):
            for _attempt in range(10):
                pair = _render(t, r)
                if pair not in seen:
                    break
            seen.add(pair)
            out.append(Example(pair[0], pair[1], t.category, name))
    return out


# --------------------------------------------------------------------------------------
# Shared word lists (all invented for this module)
# --------------------------------------------------------------------------------------

FIRST = (
    "Aiko", "Bartek", "Camille", "Desmond", "Esther", "Florin", "Gabriela", "Hamid", "Isolde",
    "Jakub", "Kerstin", "Leilani", "Malik", "Nicolás", "Oksana", "Pavel", "Rhiannon", "Saoirse",
    "Tobias", "Ulrike", "Valentina", "Wojtek", "Ximena", "Yusuf", "Zainab", "Alistair", "Beatriz",
    "Chidi", "Dagny", "Emeka", "Fiona", "Gideon", "Henrike", "Ismail", "Josefine", "Kwame",
    "Lorenzo", "Mirela", "Niamh", "Oskar", "Pilar", "Rafael", "Signe", "Tomasz", "Vivienne",
)  # fmt: skip
LAST = (
    "Abernathy", "Bjornsson", "Castellanos", "Delacroix", "Eriksen", "Fontaine", "Gallagher",
    "Hoffmann", "Ivanova", "Jovanovic", "Kaur", "Lambert", "Mwangi", "Nilsen", "Oyelaran",
    "Pereira", "Quinlan", "Rasmussen", "Sato", "Thorne", "Urquhart", "Vasquez", "Whitfield", "Xu",
    "Yamamoto", "Zielinski", "Achterberg", "Brandt", "Chaudhry", "Duarte",
)  # fmt: skip
CITIES = (
    "Bergen", "Ljubljana", "Zaragoza", "Ghent", "Aarhus", "Bologna", "Edinburgh", "Wroclaw",
    "Seville", "Utrecht", "Salzburg", "Galway", "Vilnius", "Halifax", "Adelaide", "Kyoto", "Pune",
    "Accra", "Quito", "Winnipeg", "Dunedin", "Tampere", "Marseille", "Leipzig", "Antwerp",
    "Cluj-Napoca", "Trieste", "Cardiff",
)  # fmt: skip
COUNTRIES = (
    "Portugal", "Norway", "Chile", "Vietnam", "Morocco", "Ireland", "Poland", "New Zealand",
    "Japan", "Canada", "Kenya", "Greece", "Mexico", "Estonia", "Austria",
)  # fmt: skip
COMPANIES = (
    "Pinecrest Outfitters", "Saltmarsh Books", "Copperleaf Bank", "Harborlight Hotels",
    "Fernwood Clinic", "Quillon Learning", "Redkite Bikes", "Bramble & Oak Furniture",
    "Lantern Games", "Meadowlark Meal Kits", "Stonegate Recruiting", "Velvetine Cosmetics",
    "Tidewater Travel", "Orbitly", "Granite Peak Insurance", "Juniper Vet Care",
    "Silverbirch Pharmacy", "Atlasform", "Marigold Coffee Roasters", "Foxglove Studios",
)  # fmt: skip
PRODUCTS = (
    "TrailPro 40L backpack", "Cirrus wireless earbuds", "Ridgeback e-bike", "Nimbus standing desk",
    "Aster espresso machine", "Kodiak hiking boots", "Lumo reading lamp", "Pebble fitness tracker",
    "Sable office chair", "Orca two-person kayak", "Tempo running shoes", "Vela carry-on suitcase",
    "Fjell down jacket", "Brio blender", "Kestrel drone", "Mosaic puzzle table",
)  # fmt: skip
APPS = ("Quill notes app", "Atlasform planner", "Pocketwise budgeting app", "Stride running app",
        "Lingo Lark language app", "Tablemate booking app", "Harbor banking app")
DEPARTMENTS = ("Finance", "People Ops", "Customer Care", "Engineering", "Marketing", "Procurement",
               "Sales", "Facilities", "Legal", "Product")
LANGUAGES = ("French", "German", "Spanish", "Italian", "Portuguese", "Dutch", "Polish", "Japanese",
             "Korean", "Swedish", "Turkish", "Greek", "Czech", "Vietnamese", "Indonesian",
             "Brazilian Portuguese", "Simplified Chinese", "Ukrainian")
STREETS = ("Willow Crescent", "Old Mill Road", "Calle del Carmen", "Brunnenstraße", "Rue Lafayette",
           "Ferry Lane", "Orchard Close", "Via Roma", "Kastanjelaan", "Prospect Hill")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
ROLES = ("backend engineer", "product designer", "data analyst", "account executive",
         "operations coordinator", "nurse practitioner", "junior accountant", "QA engineer",
         "community manager", "warehouse supervisor", "UX researcher", "site reliability engineer")
TEAMS = ("Payments", "Growth", "Onboarding", "Platform", "Mobile", "Search", "Data", "Support tools")


def _date(c: _Ctx) -> str:
    d = date(2025, 1, 6) + timedelta(days=c.r.randrange(900))
    style = c.r.random()
    if style < 0.4:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style < 0.7:
        return d.isoformat()
    if style < 0.85:
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _money(c: _Ctx, lo: float, hi: float) -> str:
    cur = c.r.choice(("$", "€", "£", "$", "€", "CHF "))
    v = c.r.uniform(lo, hi)
    return f"{cur}{v:,.2f}" if v < 1000 else f"{cur}{v:,.0f}"


def _digits(c: _Ctx, k: int) -> str:
    return "".join(c.r.choice("0123456789") for _ in range(k))


def _email_of(c: _Ctx, first: str, last: str) -> str:
    first = first.lower().replace("á", "a").replace("é", "e")
    last = last.lower()
    domain = c.r.choice(("fastmail.example", "mailbox.example.org", "post.example.net", "example.com",
                         "inbox.example", "webmail.example.co.uk"))
    style = c.r.randrange(3)
    user = f"{first}.{last}" if style == 0 else (f"{first[0]}{last}" if style == 1 else f"{first}{c.r.randrange(10, 99)}")
    return f"{user}@{domain}"


_slots(
    first=lambda c: c.r.choice(FIRST),
    first2=lambda c: c.r.choice([f for f in FIRST if f != c.get("first")]),
    first3=lambda c: c.r.choice([f for f in FIRST if f not in (c.get("first"), c.get("first2"))]),
    last=lambda c: c.r.choice(LAST),
    last2=lambda c: c.r.choice(LAST),
    fullname=lambda c: f"{c.get('first')} {c.get('last')}",
    fullname2=lambda c: f"{c.get('first2')} {c.get('last2')}",
    email=lambda c: _email_of(c, c.get("first"), c.get("last")),
    email2=lambda c: _email_of(c, c.get("first2"), c.get("last2")),
    phone=lambda c: c.r.choice(("+44 7911 ", "+353 87 ", "+1 416 555 ", "+49 170 ", "+34 612 ", "+61 412 "))
    + _digits(c, 3) + " " + _digits(c, 3),
    address=lambda c: f"{c.r.randint(2, 188)} {c.r.choice(STREETS)}, {c.get('city')}",
    dob=lambda c: f"{c.r.randint(1, 28):02d}.{c.r.randint(1, 12):02d}.{c.r.randint(1950, 2005)}",
    city=lambda c: c.r.choice(CITIES),
    city2=lambda c: c.r.choice([x for x in CITIES if x != c.get("city")]),
    country=lambda c: c.r.choice(COUNTRIES),
    company=lambda c: c.r.choice(COMPANIES),
    company2=lambda c: c.r.choice([x for x in COMPANIES if x != c.get("company")]),
    product=lambda c: c.r.choice(PRODUCTS),
    app=lambda c: c.r.choice(APPS),
    dept=lambda c: c.r.choice(DEPARTMENTS),
    role=lambda c: c.r.choice(ROLES),
    team=lambda c: c.r.choice(TEAMS),
    lang=lambda c: c.r.choice(LANGUAGES),
    weekday=lambda c: c.r.choice(WEEKDAYS[:5]),
    month=lambda c: c.r.choice(MONTHS),
    date=_date,
    date2=_date,
    today=lambda c: (date(2026, 1, 1) + timedelta(days=c.r.randrange(365))).isoformat(),
    time=lambda c: f"{c.r.randint(7, 19)}:{c.r.choice(('00', '15', '30', '45'))}",
    amount=lambda c: _money(c, 4, 450),
    amount2=lambda c: _money(c, 300, 48000),
    fare=lambda c: _money(c, 39, 780),
    rent=lambda c: _money(c, 650, 3200),
    iso_date=lambda c: (date(2026, 1, 1) + timedelta(days=c.r.randrange(365))).isoformat(),
    pct=lambda c: f"{c.r.uniform(2, 60):.0f}%",
    n=lambda c: str(c.r.choice((3, 5, 5, 6, 8, 10, 10, 12, 15, 20))),
    n_small=lambda c: str(c.r.randint(2, 9)),
    n_people=lambda c: str(c.r.randint(4, 60)),
    n_words=lambda c: str(c.r.choice((25, 40, 50, 75, 100, 120, 150, 200))),
    order_no=lambda c: c.r.choice(("A", "B", "PO-", "ORD-", "#")) + _digits(c, c.r.choice((5, 6, 7))),
    ticket_no=lambda c: c.r.choice(("TCK-", "SR", "#", "CASE-")) + _digits(c, 5),
    booking_ref=lambda c: "".join(c.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6)),
    username=lambda c: c.r.choice(FIRST).lower().replace("á", "a") + c.r.choice(("_", ".", "", "-"))
    + c.r.choice(("rides", "cooks", "dev", "writes", "x", str(c.r.randint(1, 999)))),
    ip=lambda c: f"{c.r.choice((10, 81, 92, 172, 185, 203))}.{c.r.randint(0, 255)}.{c.r.randint(0, 255)}.{c.r.randint(1, 254)}",
    card4=lambda c: _digits(c, 4),
    bot_name=_raw("Atlas", "Beacon", "Iris", "Compass", "Sage", "Orbit"),
    flight=lambda c: c.r.choice(("AU", "KX", "TW", "LM")) + str(c.r.randint(100, 2999)),
    year=lambda c: str(c.r.randint(2019, 2026)),
)


# ======================================================================================
# classification: pick a label from a given set
# ======================================================================================

_slots(
    rental_msg=_one(
        "I booked two e-bikes for Saturday morning but we need to move it to Sunday. Is that possible?",
        "The rear brake on the bike I picked up at the {city} harbour dock squeals and barely stops.",
        "My card was declined at the dock even though there's definitely money on it.",
        "Does the annual pass cover the cargo bikes too or only the city bikes?",
        "The chain came off twice during my ride along the canal path, please have a look at bike {card4}.",
        "Can I get a receipt with my company name on it for last week's rides?",
        "I'd like to pause my membership over the winter months, I won't be riding.",
        "Do you have child seats available for weekend rentals?",
        "Someone left a rucksack in the basket of the bike I rented, where should I hand it in?",
        "We'd like to reserve bikes for a group of {n_people} for a company outing on {date}.",
        "The app charged me for three hours but I docked the bike after forty minutes.",
        "Tyre pressure on the tandem was really low yesterday, someone should check it before it's rented again.",
        "Can my 16-year-old daughter be added to my membership?",
        "Is there a discount if I pay for the whole year upfront?",
    ),
    headline=_one(
        "Central bank holds rates steady as inflation cools for a fourth month",
        "{city} side clinch promotion after dramatic penalty shoot-out",
        "Researchers map the genome of a deep-sea octopus for the first time",
        "Parliament votes to extend coalition agreement until the spring",
        "New exhibition brings forgotten Baroque painters back to {city}",
        "Hospital waiting lists shrink for third quarter in a row",
        "Start-up raises {amount2}m to build cheaper satellite launchers",
        "Veteran sprinter announces retirement at 36 after injury-hit season",
        "Study links short afternoon naps to better long-term memory",
        "Ministers clash over new housing targets ahead of budget",
        "Film festival opens with a restored silent-era classic",
        "Retail chain to close 40 stores as online sales surge",
        "Astronomers spot water vapour on a planet 120 light years away",
        "Mayor of {city} resigns over procurement scandal",
        "Doctors warn of early start to flu season",
        "Chess prodigy, 14, becomes youngest national champion",
    ),
    bank_msg=_one(
        "how much have i got left in my savings",
        "I think I left my debit card in a taxi last night",
        "send 200 to my sister's account please",
        "There's a charge of {amount} from a shop I've never heard of. Wasn't me.",
        "I'd like to open a joint account with my partner",
        "can I talk to an actual human please",
        "What's the current balance on my credit card?",
        "wallet stolen at the station, card's gone",
        "I need to move money from my current account to my savings",
        "the same hotel booking in {city} shows up twice on my card",
        "Do you offer accounts for teenagers?",
        "stop with the bot, get me a person",
        "Can you freeze my card? I can't find it anywhere.",
        "pay my rent to {fullname}, same as last month",
    ),
    recipe=_one(
        "Overnight oats with grated apple, cinnamon and toasted walnuts",
        "Slow-braised beef short ribs in red wine with mashed celeriac",
        "Lemon drizzle traybake with a crunchy sugar top",
        "Chickpea and spinach wrap with tahini dressing",
        "Smoky roasted almonds with paprika and sea salt",
        "Shakshuka with feta and warm flatbread",
        "Miso-glazed salmon with sticky rice and pak choi",
        "Dark chocolate mousse with a pinch of salt",
        "Cucumber and dill yoghurt dip with pitta chips",
        "Wild mushroom risotto with parmesan",
        "Fluffy banana pancakes with maple syrup",
        "Tomato and red lentil soup with crusty bread",
        "Crispy tofu noodle salad with peanut sauce",
        "Poached pears in spiced red wine",
    ),
    lead_form=lambda c: c.fill(
        "Company: {company}\nCompany size: " + c.r.choice(("1-10", "11-50", "51-200", "201-1000", "1000+"))
        + "\nRole: " + c.r.choice(("Head of Operations", "Intern", "CTO", "Office manager", "Student",
                                    "VP Sales", "Founder", "Procurement lead"))
        + "\nBudget: " + c.r.choice(("not sure yet", "under $1k", "$10k-50k", "approved for this quarter", "none"))
        + "\nTimeline: " + c.r.choice(("this month", "next year maybe", "ASAP, our contract ends in 3 weeks",
                                        "just researching", "Q3"))
        + "\nMessage: " + c.r.choice((
            "We need to replace our current tool before renewal, can we get a demo this week?",
            "Writing a university report on SaaS pricing, could you share some numbers?",
            "Interested in the enterprise plan for about 300 seats.",
            "Just browsing, sign me up for the newsletter.",
            "Our team of 12 is evaluating you against two competitors, please send pricing.",
            "Is there a free version?",
        ))
    ),
    cv_summary=_one(
        "Eight years building payment backends in Java and Kotlin; led a team of five through a migration to event sourcing.",
        "Closed {amount2} in new business last year selling HR software to mid-market companies. Consistently above quota.",
        "Product designer with a strong portfolio in mobile banking apps. Comfortable running usability tests and building design systems in Figma.",
        "Chartered accountant with experience in month-end close, audit preparation and VAT returns for retail clients.",
        "Shift lead at a distribution centre in {city}, responsible for 30 pickers, rota planning and health and safety checks.",
        "Customer success manager for a portfolio of 60 accounts; reduced churn by {pct} through quarterly business reviews.",
        "Self-taught front-end developer, React and TypeScript, two years of freelance work for local shops.",
        "Financial analyst who built the forecasting model for a chain of 40 restaurants. Advanced Excel and SQL.",
        "Illustrator and brand designer; created packaging for several craft breweries.",
        "Logistics coordinator handling customs paperwork and carrier contracts for imports from Asia.",
    ),
    feedback_line=_one(
        "Why does the library close at 5 on Saturdays when that's when most people are free?",
        "The new self-checkout machines keep rejecting my card. Very annoying.",
        "The children's reading hour is wonderful, my son loves it. Thank you!",
        "It would be great if you could add more plug sockets in the study area.",
        "Is there a limit on how many e-books I can borrow at once?",
        "The coffee at the café downstairs was cold twice this week.",
        "Thank you to {first} at the front desk for helping me find that old newspaper archive!",
        "You could offer a quiet room for phone calls so people stop taking them at the desks.",
        "How do I renew a loan without coming in?",
        "The toilets on the second floor have been out of order for a week now.",
        "Please consider opening earlier on weekdays, even 8am would help commuters.",
        "The staff were so patient with my mother, who struggles with the computers. Thank you.",
    ),
    bug_desc=_one(
        "App crashes on launch for every user on Android 14 after yesterday's release.",
        "Typo in the footer: it says 'Privay policy'.",
        "Exporting a report to PDF drops the page numbers.",
        "Nobody can log in with single sign-on; the callback returns a 500.",
        "Tooltip on the pricing page flickers when you hover quickly.",
        "Search results include projects that were deleted months ago.",
        "Checkout accepts an expired card and the order is marked as paid.",
        "The dark-mode logo is slightly blurry on retina screens.",
        "Invoices for customers in Canada show the wrong tax rate.",
        "Dragging a task to another column sometimes takes two tries.",
        "All file uploads over 10 MB fail silently.",
        "The 'Last edited' timestamp is shown in UTC instead of the user's time zone.",
    ),
    symptom_msg=_one(
        "I've had a mild sore throat for two days, no fever. Can I see someone this week?",
        "My husband has chest pain spreading to his left arm and he's sweating a lot.",
        "I need a repeat prescription for my asthma inhaler.",
        "My son fell off his scooter and his wrist is swollen and very painful, he can't move it.",
        "There's an itchy rash on my forearm but it isn't spreading.",
        "I'd like to book my annual check-up, any time next month is fine.",
        "Can you send me a copy of my vaccination record?",
        "I've been vomiting since last night and can't keep water down.",
        "My 3-year-old has a temperature of 39.5 and is very drowsy.",
        "Need to change my appointment on {date} to a later time.",
        "I cut my finger while cooking, it's deep and won't stop bleeding after 20 minutes of pressure.",
    ),
    cefr_text=_one(
        "My name is Tom. I live in a small house. I have a dog and a cat.",
        "Yesterday I went to the market with my sister. We bought apples and bread, and then we had coffee.",
        "I've been learning to play the guitar for about a year, and although it's difficult, I really enjoy it.",
        "If the council had invested in public transport earlier, the traffic problems in the city centre might not have become so severe.",
        "The novel's fragmented chronology, far from being a gimmick, mirrors the narrator's gradual disintegration and forces the reader to assemble meaning from shards.",
        "Notwithstanding the committee's reservations, the proposal was adopted, albeit with amendments that considerably diluted its original ambition.",
        "I like pizza. Pizza is good. I eat pizza on Friday.",
        "When I was a child, we used to spend every summer at my grandparents' farm, where there was always something to do.",
        "Working from home has its advantages, but I sometimes miss chatting with colleagues over lunch.",
        "Had the government acted sooner, the crisis might have been contained, or so the report implies.",
        "My brother works in a hospital. He is a nurse. He works at night.",
        "Despite the rain, we decided to go ahead with the picnic, which turned out to be a mistake.",
    ),
    fact_or_opinion=_one(
        "The museum opened in 1893.",
        "The museum is the most beautiful building in the city.",
        "Water boils at 100 degrees Celsius at sea level.",
        "Electric cars are the only sensible choice for families today.",
        "The company reported revenue of {amount2} last quarter.",
        "The new logo looks cheap and rushed.",
        "{city} has a population of roughly half a million people.",
        "Remote meetings are far less productive than in-person ones.",
        "The train journey takes about three hours.",
        "Nobody should pay that much for a cup of coffee.",
    ),
    inbox_email=_one(
        "From: {first} {last}\nSubject: dinner on {weekday}?\n\nHey! Are we still on for {weekday}? I can book the Thai place.",
        "From: Tablemate\nSubject: Your reservation is confirmed\n\nTable for {n_small} on {date} at {time}. Reply to this email to make changes.",
        "From: Pinecrest Outfitters\nSubject: 30% off all rain gear this weekend only\n\nGear up for autumn with our biggest sale of the season.",
        "From: Friendlink\nSubject: {first} tagged you in a photo\n\nSee what {first} shared and leave a comment.",
        "From: {fullname}\nSubject: Contract draft v3\n\nHi, attached the latest draft with your comments addressed. Can you sign off by {weekday}?",
        "From: Harbor banking app\nSubject: Your monthly statement is ready\n\nYour statement for {month} is now available in the app.",
        "From: Lantern Games\nSubject: New season pass drops Friday!\n\nPre-order now and get an exclusive skin.",
        "From: Quill notes app\nSubject: Security alert: new sign-in from {city}\n\nIf this was you, no action is needed.",
        "From: Community board\nSubject: {first2} replied to your post\n\n\"Thanks, that fixed it for me too!\"",
    ),
    bug_or_feature=_one(
        "The export button doesn't include archived items.",
        "It would be nice if we could pin favourite reports to the home screen.",
        "When I sort by date, items from the same day come out in random order.",
        "Can you add a keyboard shortcut for creating a new card?",
        "The reminder emails arrive an hour late since the clocks changed.",
        "Could the mobile app support landscape mode on tablets?",
        "Clicking 'Undo' twice restores the wrong version of the document.",
        "Please let admins bulk-invite users from a CSV file.",
    ),
    transactions=_lines((
        "GREENLEAF GROCER {amount}",
        "CITY TRANSIT CARD TOP-UP 30.00",
        "RENT - FLAT 4B 950.00",
        "CINEPLEX STUDIO 2 TICKETS 24.00",
        "CORNER BAKERY 4.60",
        "RIDESHARE TRIP 12.75",
        "STREAMFLIX MONTHLY 11.99",
        "FARMERS MARKET 17.40",
        "PARKING GARAGE NORTH 8.00",
        "NOODLE BAR {city} 21.30",
        "WATER UTILITY DIRECT DEBIT 38.15",
        "BOOKSHOP SALTMARSH 15.99",
        "PETROL STATION A14 61.02",
        "GYM MEMBERSHIP 35.00",
    ), 4, 9, keep_order=False),
    hr_it_q=_one(
        "How many vacation days do I have left?",
        "My laptop won't connect to the office wifi.",
        "Who do I talk to about changing my pension contribution?",
        "I need access to the shared finance drive.",
        "Can I work from abroad for two weeks in {month}?",
        "The VPN keeps asking for my password again and again.",
        "When is payroll this month?",
        "How do I set up my email signature?",
        "Is parental leave paid in full?",
        "My second monitor isn't detected after the update.",
    ),
    ticket_short_cls=_one(
        "Hi, my package still hasn't arrived and the tracking page has not updated since {date}.",
        "The parcel came today but the box was soaked and the book inside is ruined.",
        "I ordered a size M and received an XL. How do I swap it?",
        "Your courier left my order with a neighbour I don't know.",
        "Please cancel my order {order_no}, I bought it by mistake.",
        "Is it possible to deliver to a pick-up point instead of my home?",
        "The kettle I bought stopped working after a week.",
        "Can you confirm you received my return? I sent it on {date}.",
    ),
)

_api("classification", "bike-rental-queue",
     "You route emails sent to a city bike rental service. Pick exactly one queue: RENTALS, REPAIRS, "
     "PAYMENTS, MEMBERSHIP, OTHER. Output the queue name and nothing else.",
     ("{rental_msg}", "Subject: question\n\n{rental_msg}\n\n{first}", "From: {email}\n\n{rental_msg}"))
_api("classification", "news-section",
     "Assign each headline to a newspaper section. Sections: politics, business, sport, science, culture, "
     "health. Respond with the section only.",
     ("{headline}", "Headline: {headline}"))
_api("classification", "search-relevance",
     "You grade search results. Given a query and one result, answer RELEVANT if the result would satisfy "
     "the query and NOT_RELEVANT otherwise. No explanation.",
     "Query: {query}\nResult title: {result_title}\nSnippet: {result_snippet}")
_api("classification", "banking-intent",
     "You are the intent classifier of a retail bank's chat assistant. Intents: check_balance, "
     "card_lost_or_stolen, transfer_money, dispute_charge, open_account, human_agent. Return JSON: "
     "{\"intent\": \"<one intent>\"}.",
     "{bank_msg}")
_api("classification", "recipe-meal-type",
     "Categorize recipes by meal type for the cooking app's filters. Allowed values: breakfast, lunch, "
     "dinner, dessert, snack. One value only.",
     ("Recipe: {recipe}", "{recipe}"))
_api("classification", "lead-temperature",
     "Score inbound sales leads from the website contact form as hot, warm or cold. Hot = budget and a "
     "timeline within 3 months; warm = real interest, no timeline; cold = research, students, spam. Reply "
     "with the label only.",
     "{lead_form}")
_api("classification", "cv-job-family",
     "Map a candidate summary to one job family: engineering, sales, design, finance, operations, "
     "customer_success. Output only the job family.",
     ("Candidate summary: {cv_summary}", "{cv_summary}"))
_api("classification", "bug-severity",
     "Assign a severity to incoming bug reports using this scale: blocker (many users cannot use the "
     "product or money is lost), major (important feature broken), minor (workaround exists), trivial "
     "(cosmetic). Answer with one word.",
     ("{bug_desc}", "Bug report {ticket_no}: {bug_desc}"))
_api("classification", "clinic-triage",
     "You sort messages sent to a GP practice's online form into: EMERGENCY (advise calling emergency "
     "services now), URGENT (same-day appointment), ROUTINE (appointment within two weeks), ADMIN "
     "(prescriptions, records, rescheduling). Reply with the category in capitals.",
     "{symptom_msg}")
_api("classification", "cefr-level",
     "Estimate the CEFR level (A1, A2, B1, B2, C1 or C2) of the English text a learner submitted. Output the level code only.",
     "{cefr_text}")
_api("classification", "email-folder",
     "Sort each email into exactly one inbox tab: Primary, Updates, Promotions or Social. Reply with the tab name.",
     "{inbox_email}")
_inline("classification", "feedback-type",
        ("Categorize the following visitor comment as one of [question, complaint, compliment, suggestion]. "
         "Return only the category.\n\nComment: {feedback_line}",
         "Label this comment (question / complaint / compliment / suggestion):\n{feedback_line}",
         "Which type of feedback is this? Options: question, complaint, compliment, suggestion.\n\"{feedback_line}\""))
_inline("classification", "fact-opinion",
        ("Is the following statement a fact or an opinion? Answer FACT or OPINION.\n\n{fact_or_opinion}",
         "Classify as FACT or OPINION: {fact_or_opinion}"))
_inline("classification", "yes-no-delivery",
        ("Answer YES or NO only. Does this customer message describe a problem with delivery?\n\n{ticket_short_cls}",
         "Decide whether the message is about shipping/delivery. Output true or false.\nMessage: {ticket_short_cls}"))
_chat("classification", "bug-or-feature",
      ("Would you call this a bug or a feature request? \"{bug_or_feature}\"",
       "bug or feature request: {bug_or_feature}",
       "Our PM wants me to label tickets as bug vs feature. Which is this one? {bug_or_feature}"))
_chat("classification", "bank-transactions",
      ("Put each of these bank transactions into a category: groceries, transport, housing, entertainment, "
       "eating out, other.\n\n{transactions}",
       "can you sort my spending into groceries / transport / housing / fun / eating out / other?\n{transactions}"))
_chat("classification", "hr-or-it",
      ("Does this question belong in our HR FAQ or the IT FAQ? \"{hr_it_q}\"",
       "HR or IT? -> {hr_it_q}",
       "I'm sorting employee questions into two buckets, HR and IT. Where does this go: {hr_it_q}"))

_slots(
    query=lambda c: c.get("_rel").split("||")[0],
    result_title=lambda c: c.get("_rel").split("||")[1],
    result_snippet=lambda c: c.get("_rel").split("||")[2],
    _rel=lambda c: _relevance_pair(c),
)

_REL = (
    ("waterproof hiking boots women", "Kodiak women's waterproof hiking boots - sizes 36-42",
     "Breathable membrane, grippy sole, free returns within 30 days."),
    ("how to descale an espresso machine", "Descaling your espresso machine in 6 steps",
     "Mix the descaler with water, run it through the group head and steam wand, then rinse twice."),
    ("cheap flights to {city} in march", "Spring fares to {city} from $89",
     "Compare airlines and find the lowest fares for March departures."),
    ("python read csv skip header", "Reading CSV files in Python",
     "Use next(reader) to skip the first row, or pandas.read_csv with header=0."),
    ("vegan lasagna recipe", "The ultimate plant-based lasagne",
     "Layers of lentil ragu, cashew béchamel and spinach. Serves six."),
    ("best budget mechanical keyboard", "Ten keyboards under $60, tested",
     "We typed on each for a week to find the best value mechanical boards."),
    ("symptoms of iron deficiency", "Iron deficiency: signs and causes",
     "Tiredness, pale skin and shortness of breath are common signs."),
    ("apartments for rent near university of {city}", "Student flats close to campus",
     "Furnished rooms and studios within a 10-minute walk of the main university buildings."),
)


def _relevance_pair(c: _Ctx) -> str:
    q = c.r.choice(_REL)
    res = q if c.r.random() < 0.5 else c.r.choice(_REL)
    return "||".join((c.fill(q[0]), c.fill(res[1]), c.fill(res[2])))


# ======================================================================================
# sentiment_analysis: polarity, emotion, tone
# ======================================================================================

REVIEWS_POS = (
    "The staff at the front desk remembered our names by the second day and the room was spotless. Would happily stay again.",
    "I didn't expect much from a budget pair of earbuds, but the sound is crisp and one charge lasts my commute all week.",
    "Our waiter recommended the lamb and he was spot on. A lovely evening from start to finish.",
    "The instructor explains things slowly without being patronising. I finally understand pivot tables.",
    "Assembly took twenty minutes and the {product} feels rock solid.",
    "Arrived a day early, well packed, and the colour is exactly like the photos.",
    "Honestly the best {product} I've owned. Light, comfortable, and it survived a week of rain in {country}.",
    "Booked last minute and they still upgraded us to a sea-view room. Brilliant service.",
)
REVIEWS_NEG = (
    "Waited fifty minutes for a table we had booked, and the soup arrived cold. Not coming back.",
    "The zip broke on the second day of the trip and customer service told me to contact the manufacturer.",
    "The room smelled of smoke, the air conditioning rattled all night and nobody answered the phone at reception.",
    "The app logs me out every time I switch screens. Useless.",
    "Half the videos in module three don't play and the quiz marks wrong answers as correct.",
    "Paid for express shipping, got it a week later, and nobody replies to my emails about it.",
    "My {product} stopped working after a month and the warranty claim has been 'in review' for six weeks.",
    "Overpriced, understaffed and the toilets were filthy.",
)
REVIEWS_NEU = (
    "Ordered the medium, fits as expected. Delivery took four days.",
    "The hotel is about ten minutes on foot from the old town. Breakfast is served until 10.",
    "It's a standard blender. It blends.",
    "The course covers spreadsheet basics in six modules with a short quiz after each.",
    "Received the {product} today. Haven't tried it outside yet.",
)
REVIEWS_MIX = (
    "Gorgeous views and a comfortable bed, but the walls are paper thin and breakfast was poor for the price.",
    "The boots are comfortable straight out of the box. Sadly they let water in after an hour of light rain.",
    "Food was excellent, service was painfully slow.",
    "Great content, but the instructor's audio is so quiet I had to max out my laptop volume.",
    "Battery life is fantastic; the companion app, on the other hand, is a mess.",
    "Lovely staff, shame about the noise from the bar downstairs until 2am.",
)
_ALL_REVIEWS = REVIEWS_POS + REVIEWS_NEG + REVIEWS_NEU + REVIEWS_MIX

_slots(
    review=_of(_ALL_REVIEWS),
    review_list=lambda c: "\n".join(f"- {c.fill(x)}" for x in c.r.sample(_ALL_REVIEWS, c.r.randint(3, 7))),
    emotion_text=_one(
        "We got the keys to our first flat today and I can't stop smiling!",
        "I've explained this three times now and you keep closing my ticket without reading it.",
        "Our dog died this morning. The house is so quiet.",
        "The turbulence was so bad I gripped the armrest the whole flight and I'm still shaking.",
        "Wait, the package arrived already? I only ordered it last night!",
        "Found a hair baked into the bread. Absolutely revolting.",
        "Can't believe I passed the exam, I was sure I'd failed!!",
        "Nobody from the team even said goodbye on my last day.",
        "There's a strange noise downstairs and I'm home alone.",
        "The meeting is at 3.",
        "I can't stop crying, they cancelled the adoption at the last minute.",
        "How dare they raise the rent again without even fixing the roof!",
        "I opened the fridge and the smell nearly knocked me over. Something has definitely gone off.",
        "Best. Birthday. Ever. Thank you all so much!",
    ),
    survey_comment=_one(
        "My manager gives clear feedback and I feel trusted to make my own decisions.",
        "Workload has been unsustainable since the reorganisation and nobody seems to notice.",
        "The new office is fine, I guess.",
        "I love my team but career paths here are a complete mystery.",
        "Best place I've worked. The flexibility makes a huge difference with two small kids.",
        "Too many meetings, not enough time to actually do the work.",
        "Pay is below market and the last raise barely covered inflation.",
        "Onboarding was smooth and everyone was welcoming.",
    ),
    airline_post=_one(
        "@AureliaAir cabin crew on my flight to {city} were absolute stars with my nervous toddler",
        "@AureliaAir 3 hours on the tarmac and not a single update. unreal.",
        "Aurelia Air flight {flight} now boarding at gate 12",
        "gotta say the new Aurelia Air app check-in took 30 seconds, impressed",
        "lost my suitcase AGAIN @AureliaAir, second time this year",
        "anyone know if Aurelia Air lets you bring a guitar as hand luggage?",
        "@AureliaAir thanks for rebooking me so quickly after the cancellation, saved my holiday",
    ),
    sarcastic_text=_one(
        "Oh fantastic, another update that moves every button I use. Just what I needed.",
        "Wow, only four hours on hold. Truly world-class service.",
        "Love how the 'waterproof' jacket kept me perfectly damp all day.",
        "The delivery guy even rang the bell before leaving the card. What a treat.",
        "Really enjoyed the course, the exercises were practical and the pace was just right.",
        "Sure, because paying extra for a seat next to my own child makes total sense.",
        "Great, the 'quick' update only took three hours. Loving my evening.",
        "The hotel staff went out of their way to help us find a pharmacy at midnight. Genuinely grateful.",
        "Oh sure, I just love when the app deletes my notes. Very relaxing.",
        "Nice touch that the hiking boots came with spare laces, really thoughtful.",
    ),
    call_transcript=_one(
        "Agent: Thanks for calling, how can I help?\nCaller: I've been transferred four times already.\n"
        "Agent: I'm sorry about that, let me take a look.\nCaller: Just fix it. Please. I've been on the phone for an hour.",
        "Agent: Good morning, {company}.\nCaller: Hi, I just wanted to check when my order ships.\n"
        "Agent: It leaves the warehouse tomorrow.\nCaller: Perfect, thank you so much!",
        "Caller: This is the third time the technician hasn't shown up.\nAgent: I understand, I can book a new slot.\n"
        "Caller: I don't want a new slot, I want someone to tell me why this keeps happening.",
        "Agent: How can I help today?\nCaller: My card doesn't work abroad.\nAgent: Let me enable it for you.\nCaller: Oh, that was quick. Great.",
    ),
    fin_news=_one(
        "Shares of {company} jumped 12% after the firm raised its full-year guidance.",
        "{company} warned that profits would fall short as demand for its flagship product weakens.",
        "{company} will report quarterly results on {weekday}.",
        "Regulators have opened an investigation into {company}'s accounting practices.",
        "{company} announced a share buyback and a higher dividend, beating analyst expectations.",
        "{company} appointed a new chief financial officer effective next month.",
    ),
    boss_email=_one(
        "Per my last email, the figures were due yesterday. Please prioritise this.",
        "Thanks for pulling this together so quickly, really appreciate it.",
        "Can we talk tomorrow about the client call? Nothing urgent.",
        "I'm surprised this wasn't flagged earlier. Let's discuss.",
        "Noted.",
        "Great job on the launch, everyone. Drinks on me on {weekday}!",
    ),
)

_api("sentiment_analysis", "hotel-review",
     "You read guest reviews for a hotel group. Return the overall sentiment: POSITIVE, MIXED, NEUTRAL or NEGATIVE.",
     ("{review}", "Guest review ({city}): {review}"))
_api("sentiment_analysis", "score-1-5",
     "Rate how positive the text is on a scale from 1 (very negative) to 5 (very positive). Output the number only.",
     "{review}")
_api("sentiment_analysis", "aspect-based",
     "Aspect-based sentiment for restaurant reviews. For each aspect (food, service, price, ambience) output "
     "positive, negative, neutral or not_mentioned as a JSON object.",
     "Review: {review}")
_api("sentiment_analysis", "emotion",
     "Identify the dominant emotion in the message. Choose from: joy, anger, sadness, fear, surprise, disgust, "
     "neutral. Answer in lowercase.",
     "{emotion_text}")
_api("sentiment_analysis", "employee-survey",
     "You analyse free-text answers from our employee engagement survey. For each comment return "
     "sentiment (positive/negative/neutral) and a confidence from 0 to 1, as JSON.",
     ("Comment: {survey_comment}", "{survey_comment}"))
_api("sentiment_analysis", "brand-mentions",
     "Social listening: determine the author's attitude towards the airline in each post. Output one of "
     "positive, negative, neutral.",
     "{airline_post}")
_api("sentiment_analysis", "sarcasm-aware",
     "Detect the real sentiment of the text, taking sarcasm and irony into account. Reply with "
     "`sarcastic: yes|no` and `sentiment: positive|negative|neutral`.",
     "{sarcastic_text}")
_api("sentiment_analysis", "call-frustration",
     "Rate the caller's frustration level in the call transcript as calm, irritated or angry, and say "
     "whether it improved by the end of the call.",
     "{call_transcript}")
_api("sentiment_analysis", "finance-news",
     "Classify financial news sentiment toward the company mentioned: bullish, bearish or neutral. One word.",
     "{fin_news}")
_inline("sentiment_analysis", "polarity",
        ("What is the sentiment of this review? Answer positive, negative or neutral.\n\n{review}",
         "Sentiment (pos/neg/neu) of the following text:\n{review}",
         "Determine whether the following customer comment is positive or negative: {review}"))
_chat("sentiment_analysis", "boss-tone",
      ("Does this message from my boss sound annoyed to you? \"{boss_email}\"",
       "how would you read the tone of this email from my manager: {boss_email}",
       "Is my manager upset with me or am I overthinking? She wrote: \"{boss_email}\""))
_chat("sentiment_analysis", "feedback-mood",
      ("Here are some comments from our feedback form. Are people happy overall or not?\n{review_list}",
       "Are these reviews mostly happy or unhappy?\n\n{review_list}",
       "Quick sentiment check on these, mostly positive or negative?\n{review_list}"))
_chat("sentiment_analysis", "how-upset",
      ("On a scale of 1 to 10, how angry does this customer sound?\n\n{call_transcript}",
       "How frustrated is this caller? {call_transcript}"))


# ======================================================================================
# spam_detection: spam, scams, abuse, policy flags
# ======================================================================================

_slots(
    blog_comment=_one(
        "Made this last night with oat milk instead and it still set perfectly, thanks!",
        "Great post!!! Check my profile for CHEAP followers and likes, 1000 for $5",
        "You clearly can't cook. Delete your blog and spare us all.",
        "How long does the dough keep in the fridge?",
        "Visit w w w . best-casino-bonus . example for free spins!!! no deposit",
        "My grandmother used to add a little nutmeg, highly recommend trying it.",
        "Nobody cares about your stupid recipes, idiot.",
        "I earn $400 a day working from home, ask me how >>> link in bio",
        "Tried it twice, second time I halved the sugar and it was even better.",
    ),
    sms=_one(
        "WINNER! Your number was drawn for a {amount} voucher. Reply CLAIM now to collect.",
        "Your parcel is held at the depot due to an unpaid customs fee of 1.99. Pay now: parcel-release.example/x7",
        "URGENT: unusual login on your Copperleaf account. Verify immediately at copperleaf-secure.example",
        "Running 10 min late, grab a table by the window",
        "Your appointment at Fernwood Clinic is confirmed for {weekday} {time}. Reply C to cancel.",
        "mum says dinner at 7, bring the salad bowl back",
        "Congrats! You qualify for a pre-approved loan of {amount2}, no credit check. Txt YES",
        "Your verification code is {card4}. Do not share it with anyone.",
        "Hi it's me, I lost my phone, this is my new number. Can you send me some money for a taxi?",
    ),
    sender_spam=_raw("security-team@copperleaf-verify.example", "billing@invoice-centre.example",
                     "prizes@lucky-draw-winners.example", "hr-department@payroll-update.example"),
    phish_mail=_one(
        "Subject: Action required: mailbox storage full\n\nYour mailbox has exceeded its limit. Click below within 12 hours "
        "to keep receiving messages: http://mail-upgrade.example/login",
        "Subject: Payroll update\n\nDear employee, please confirm your bank details for the next salary run using the "
        "secure form: http://payroll-update.example/form. Failure to do so will delay your payment.",
        "Subject: Invoice {order_no} overdue\n\nAttached is your overdue invoice. Enable macros to view the document.",
        "Subject: Team lunch on {weekday}\n\nHi all, I've booked the Italian place for 12:30. Let me know about dietary "
        "needs by tomorrow. - {first}",
        "Subject: Your {company} order has shipped\n\nHi {first}, your order {order_no} is on its way. You can track it "
        "in your account.",
        "Subject: Quick favour\n\nAre you at your desk? I need you to buy some gift cards for a client, I'll reimburse "
        "you today. Keep this between us. Sent from my phone",
        "Subject: Minutes from the {team} review\n\nHi both, notes attached. Two action items for {first2}.",
    ),
    listing=_one(
        "Brand new flagship phone, 90% off retail! Payment by gift card only. Ships from overseas.",
        "Selling my road bike, 54cm frame, some scratches on the top tube. Collection only in {city}.",
        "Puppies available now, no vet records, pay a deposit by wire transfer before viewing.",
        "Two concert tickets for {date}, PDF only, will send after payment via friends-and-family.",
        "Oak dining table with six chairs, good condition, {amount}. Can deliver within 10 km.",
        "Designer handbags, 100% authentic replicas, wholesale prices, message for catalogue.",
        "Kids' climbing frame, you dismantle and collect. Free to a good home.",
        "Rent this cosy studio in central {city}, only {amount} per month! I'm abroad so I'll mail you the keys after the deposit.",
    ),
    toxic_text=_one(
        "I think you're wrong about the tax changes, and here's why.",
        "Go back to where you came from, nobody wants you here.",
        "This is the dumbest take I've read all week, are you even literate?",
        "Thanks for the detailed answer, that clears it up.",
        "If you post that again I'll find out where you live.",
        "Respectfully, the data in your second chart doesn't support the conclusion.",
        "Shut up, loser.",
        "I disagree, but I see where you're coming from.",
        "Nobody asked for your opinion, keep your ugly face off this forum.",
        "Could a moderator lock this thread? It's going in circles.",
        "People from that town are all thieves, everyone knows it.",
        "Your code has a bug on line 12, the loop never ends.",
    ),
    dating_profile=_one(
        "Hi, I'm {first}, 34, nurse, love hiking and terrible puns. Looking for someone to try every noodle bar in {city} with.",
        "Hello dear, I am engineer on oil rig, widower, looking for honest woman. Please write me on my private email, I do not use this site often.",
        "Teacher by day, amateur potter by night. Two cats. Not here for hookups.",
        "Crypto investor, I can teach you how to double your money in a week. Message me on WhatsApp.",
        "Just moved to {city} for work. Runner, reader, bad cook.",
        "Model, 24, only chat on my premium site, link in bio xoxo",
    ),
    job_post=_one(
        "Data-entry assistant, work from home, earn $3,000 a week! No interview. Pay a one-off $49 starter-kit fee to begin.",
        "{company} is hiring a {role} in {city}. Hybrid, 3 days in office. Apply via our careers page.",
        "Mystery shopper needed. We send you a cheque, you deposit it, buy gift cards and send us the codes.",
        "Part-time barista, weekends, {city} city centre. Experience preferred but not required.",
        "Urgent!!! Package reshipping manager from home, receive parcels and forward them abroad, paid per box.",
        "Graduate scheme in finance, two-year rotation, starting {month}. Closing date {date}.",
    ),
    handle=_one(
        "admin_support_official", "sunny_gardener_82", "Copperleaf_Bank_Help", "mod-team-real", "{username}",
        "xX_h8r_Xx", "pottery_and_tea", "CEO_{company}", "free_giftcards_now", "bookworm_{city}",
    ),
    review_suspect=_one(
        "BEST PRODUCT EVER!!! 10/10 buy now, use my code SAVE50 at checkout!!!",
        "Bought this for my dad's birthday, he uses it every morning. Slightly noisy but works well.",
        "I received this product for free in exchange for an honest review. Five stars.",
        "Perfect perfect perfect perfect. Great seller. Great product. Great.",
        "Fits well, true to size, the stitching on the left sleeve came loose after a month.",
        "Amazing!! Also check out my shop for similar items at half the price: cheap-deals.example",
        "The {product} is decent for the price. Battery is weaker than advertised, but it's comfortable.",
        "Great great great seller, fast shipping, great item, great price, great!!!",
        "As the owner of this shop I can say this is our best product, buy it now.",
        "Returned it after a week: the strap broke. Refund was quick, though.",
    ),
)

_api("spam_detection", "recipe-blog-moderation",
     "You moderate comments on a recipe blog. Return ALLOW or REMOVE followed by a reason code: ok, spam, "
     "harassment, scam.",
     ("{blog_comment}", "Comment by {username}: {blog_comment}"))
_api("spam_detection", "sms-filter",
     "SMS spam filter. Output 1 if the message is spam or a scam, 0 if it is a normal message.",
     "{sms}")
_api("spam_detection", "phishing-mail",
     "You are an email security scanner. Decide whether the email is phishing, spam or safe, and give the "
     "top indicator in under 12 words. Format: VERDICT | indicator.",
     ("From: {sender_spam}\n{phish_mail}", "From: {email}\n{phish_mail}"))
_api("spam_detection", "marketplace-listing",
     "Trust & safety check for a second-hand marketplace. Flag listings that look like scams, counterfeit "
     "goods or prohibited items. Respond with JSON {\"flag\": true|false, \"policy\": \"...\"}.",
     "Listing:\n{listing}")
_api("spam_detection", "toxicity",
     "Return a toxicity score between 0 and 1 and say whether the text breaks the community guidelines "
     "(harassment, threats, hate). Format: score=<x>; violates=<yes|no>.",
     "{toxic_text}")
_api("spam_detection", "dating-fake-profile",
     "You review new profiles on a dating app. Decide if the profile is likely a romance scammer, a bot or "
     "commercial spam. Answer GENUINE or SUSPICIOUS and a short reason.",
     "{dating_profile}")
_api("spam_detection", "job-scam",
     "Screen job ads before they go live on the job board. Reject postings that ask for fees, involve "
     "cheque or parcel schemes, or promise unrealistic pay. Output APPROVE or REJECT.",
     "{job_post}")
_api("spam_detection", "username-policy",
     "Check whether a new username is offensive or impersonates staff, a bank or a brand. Answer ok or "
     "block, nothing else.",
     ("{handle}", "Username: {handle}"))
_api("spam_detection", "fake-review",
     "Review-integrity filter: hold reviews that look paid-for, written by the seller or copy-pasted; publish the "
     "rest. Output PUBLISH or HOLD.",
     "{review_suspect}")
_inline("spam_detection", "is-spam",
        ("Is the following message spam? Reply yes or no.\n\n{sms}",
         "Junk or real comment?\n{blog_comment}",
         "Moderation check: does this comment contain harassment or threats? Answer true/false.\n\n{toxic_text}"))
_chat("spam_detection", "scam-text",
      ("Received this SMS an hour ago. Scam? \"{sms}\"",
       "Is this message legit or a scam: {sms}",
       "My dad received this and wants to click the link. Should he? {sms}"))
_chat("spam_detection", "discord-harassment",
      ("Someone posted this in our Discord server. Does it count as harassment, should I ban them? \"{toxic_text}\"",
       "is this comment over the line for our forum rules? {toxic_text}"))
_chat("spam_detection", "suspicious-email",
      ("I got this email at work, does it look like phishing to you?\n\n{phish_mail}",
       "Should I report this to IT as phishing?\n{phish_mail}"))


# ======================================================================================
# language_detection and the foreign-language pool (also used by translation)
# ======================================================================================

#: (ISO 639-1 code, English name, text). All sentences written for this module.
FOREIGN: tuple[tuple[str, str, str], ...] = (
    ("de", "German", "Der Zug nach Hamburg hat heute leider zwanzig Minuten Verspätung."),
    ("de", "German", "Können Sie mir sagen, wann das Museum am Sonntag öffnet?"),
    ("de", "German", "Wir haben den Kuchen ohne Zucker gebacken und er schmeckt trotzdem gut."),
    ("fr", "French", "Le musée est fermé le lundi, mais vous pouvez réserver vos billets en ligne."),
    ("fr", "French", "J'ai oublié mon parapluie dans le bus ce matin."),
    ("fr", "French", "Est-ce que la réunion de demain est toujours prévue à dix heures ?"),
    ("es", "Spanish", "¿Sabes si la biblioteca abre los domingos por la tarde?"),
    ("es", "Spanish", "Mañana va a llover en toda la costa, así que lleva chaqueta."),
    ("es", "Spanish", "Necesito cambiar la fecha de mi reserva para el viernes."),
    ("it", "Italian", "Il treno per Firenze parte dal binario sette tra dieci minuti."),
    ("it", "Italian", "Abbiamo prenotato un tavolo per quattro persone alle otto."),
    ("it", "Italian", "Non riesco a trovare le chiavi della macchina."),
    ("pt", "Portuguese", "Vou chegar um pouco atrasado porque o metrô está parado."),
    ("pt", "Portuguese", "A reunião foi adiada para a próxima semana."),
    ("pt", "Portuguese", "Podes enviar-me a fatura por e-mail, por favor?"),
    ("nl", "Dutch", "Ik heb mijn fiets voor het station laten staan en nu is hij weg."),
    ("nl", "Dutch", "Kun jij morgen de vergadering voorzitten? Ik ben ziek."),
    ("sv", "Swedish", "Vi ses vid busshållplatsen klockan halv nio."),
    ("sv", "Swedish", "Jag har glömt mitt lösenord igen."),
    ("da", "Danish", "Jeg kan desværre ikke komme til mødet i morgen."),
    ("da", "Danish", "Hvor ligger det nærmeste apotek?"),
    ("no", "Norwegian", "Jeg gleder meg til å gå på ski i helgen."),
    ("no", "Norwegian", "Kan du hente barna i barnehagen i dag?"),
    ("fi", "Finnish", "Juna on puoli tuntia myöhässä."),
    ("fi", "Finnish", "Kiitos avusta, se oli todella hyödyllistä."),
    ("pl", "Polish", "Czy mogę zapłacić kartą?"),
    ("pl", "Polish", "Jutro idziemy do kina na nowy film."),
    ("cs", "Czech", "Dnes večer budu pracovat dlouho, nečekej na mě s večeří."),
    ("cs", "Czech", "Kde je nejbližší autobusová zastávka?"),
    ("tr", "Turkish", "Yarın sabah erkenden havalimanına gitmem gerekiyor."),
    ("tr", "Turkish", "Bu kitabı çok beğendim, sana da tavsiye ederim."),
    ("ro", "Romanian", "Mulțumesc pentru ajutor, a fost foarte util."),
    ("ro", "Romanian", "Magazinul se închide la ora nouă seara."),
    ("hu", "Hungarian", "Holnap reggel korán indulunk a Balatonra."),
    ("hu", "Hungarian", "Köszönöm szépen a segítséget!"),
    ("el", "Greek", "Καλημέρα, θα ήθελα έναν καφέ χωρίς ζάχαρη."),
    ("ru", "Russian", "Сегодня вечером я буду дома, позвони мне после семи."),
    ("ru", "Russian", "Где находится ближайшая аптека?"),
    ("uk", "Ukrainian", "Дякую за допомогу, тепер усе працює."),
    ("ja", "Japanese", "明日の会議は午後三時からです。"),
    ("ja", "Japanese", "この本はとても面白かったです。"),
    ("ko", "Korean", "내일 아침에 도서관에서 만나요."),
    ("ko", "Korean", "이 식당은 정말 맛있어요."),
    ("zh", "Chinese", "我明天要去北京出差。"),
    ("zh", "Chinese", "请问最近的地铁站在哪里？"),
    ("ar", "Arabic", "أين أقرب محطة قطار؟"),
    ("ar", "Arabic", "شكراً جزيلاً على مساعدتك."),
    ("hi", "Hindi", "मुझे कल सुबह जल्दी उठना है।"),
    ("vi", "Vietnamese", "Hôm nay trời rất đẹp, chúng ta đi dạo nhé."),
    ("id", "Indonesian", "Saya akan datang terlambat karena hujan deras."),
    ("ca", "Catalan", "Demà anirem a la platja si no plou."),
    ("he", "Hebrew", "תודה רבה על העזרה."),
    ("sw", "Swahili", "Habari za asubuhi? Natumaini uko salama."),
    ("en", "English", "I'll be a bit late, the bus broke down near the bridge."),
)  # fmt: skip


def _foreign(c: _Ctx) -> str:
    code, name, text = c.r.choice(FOREIGN)
    c.vals["foreign_code"] = code
    c.vals["foreign_name"] = name
    return text


def _foreign_lines(c: _Ctx) -> str:
    picks = c.r.sample(FOREIGN, c.r.randint(3, 6))
    return "\n".join(f"{i + 1}. {t}" for i, (_, _, t) in enumerate(picks))


_slots(
    foreign=_foreign,
    foreign_lines=_foreign_lines,
    mixed_text=_raw(
        "Ok so I told her 'no pasa nada' but honestly the whole trip was un desastre total.",
        "Meeting ist um 3, bring bitte the slides und den Laptop.",
        "C'est la vie, I guess. On verra demain if the weather holds.",
        "Ciao! Just landed, the hotel è bellissimo and the view is amazing.",
        "Thanks for the help, muito obrigado, see you next week!",
        "Ik weet het niet, maybe we should just order pizza tonight.",
        "Das Meeting war echt lang, but at least we finally agreed on the budget.",
        "Je suis crevé today, let's do the call demain matin?",
        "Grazie mille for the lovely dinner, la prossima volta offro io!",
        "Vamos a la playa this weekend if it's not too windy, ¿te apuntas?",
        "Dziękuję for the book recommendation, I loved it.",
        "Tack så mycket! The package arrived today and everything is perfect.",
    ),
    lang_pair=lambda c: _lang_pair(c),
    foreign_confusable=lambda c: (c.get("lang_pair"), c.vals["foreign_confusable"])[1],
)

#: Languages people mix up, by ISO code of the text shown.
_CONFUSABLE = {"pt": "Spanish", "es": "Portuguese", "da": "Norwegian", "no": "Danish", "sv": "Norwegian",
               "nl": "German", "de": "Dutch", "ca": "Spanish", "id": "Malay", "cs": "Slovak", "uk": "Russian",
               "ru": "Ukrainian", "it": "Spanish", "ro": "Italian", "fi": "Estonian", "ja": "Chinese", "zh": "Japanese"}


def _lang_pair(c: _Ctx) -> str:
    code, name, text = c.r.choice([f for f in FOREIGN if f[0] in _CONFUSABLE])
    c.vals["foreign_confusable"] = text
    pair = [name, _CONFUSABLE[code]]
    c.r.shuffle(pair)
    return f"{pair[0]} or {pair[1]}"

_api("language_detection", "iso-code",
     "Return the ISO 639-1 code of the language the text is written in. Two lowercase letters, nothing else.",
     "{foreign}")
_api("language_detection", "json-confidence",
     "Language identification service. Respond with JSON {\"lang\": <ISO 639-1>, \"script\": <ISO 15924>, "
     "\"confidence\": <0-1>}.",
     ("{foreign}", "text: {foreign}"))
_api("language_detection", "english-name",
     "Tell me which language the following user input is in. Answer with the language's English name only, "
     "e.g. 'Finnish'.",
     "{foreign}")
_api("language_detection", "mixed-languages",
     "Some messages mix languages. List every language present in the message with the approximate share of "
     "words, most frequent first.",
     "{mixed_text}")
_api("language_detection", "per-line",
     "For each numbered line, output the line number and the BCP-47 language tag, one per line.",
     "{foreign_lines}")
_api("language_detection", "is-english",
     "Pre-filter for an English-only model. Reply ENGLISH if the message is in English, otherwise reply "
     "OTHER:<language code>.",
     ("{foreign}", "Message: {foreign}"))
_inline("language_detection", "detect",
        ("Detect the language of this text and answer with its name:\n\n{foreign}",
         "Language ID only, no translation please: {foreign}",
         "What language is the following sentence written in? Give the ISO code.\n\"{foreign}\""))
_chat("language_detection", "what-language",
      ("which language is this?? {foreign}",
       "A friend sent me this, which language is it? {foreign}",
       "Any idea what language this text is in: \"{foreign}\"",
       "no idea what language this is lol: {foreign}"))
_chat("language_detection", "which-of-two",
      ("Is this {lang_pair}? \"{foreign_confusable}\"",
       "I can never tell {lang_pair} apart. Which is this one: {foreign_confusable}",
       "{lang_pair}? {foreign_confusable}"))
_chat("language_detection", "list-languages",
      ("Which languages are these lines in?\n{foreign_lines}",
       "can you identify the language of each of these?\n\n{foreign_lines}"))


# ======================================================================================
# pii_detection: find or redact personal data
# ======================================================================================

_slots(
    sortcode=lambda c: f"{_digits(c, 2)}-{_digits(c, 2)}-{_digits(c, 2)}",
    acct=lambda c: _digits(c, 8),
    passport=lambda c: c.r.choice("CPXK") + _digits(c, 8),
    mrn=lambda c: "MRN " + _digits(c, 7),
    plate=lambda c: c.r.choice(("KX", "LB", "WP", "GA")) + _digits(c, 2) + " " + "".join(c.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)),
    pii_text=_one(
        "New starter details for payroll: {fullname}, born {dob}, personal mobile {phone}, home address "
        "{address}. Bank: sort code {sortcode}, account {acct}.",
        "Hey, it's {first}! Text me on {phone} or email {email} when you land in {city}.",
        "Tenant application - Name: {fullname}. Passport no. {passport}. Current address: {address}. "
        "Employer: {company}, salary {amount2}.",
        "Patient {fullname}, {mrn}, DOB {dob}, seen on {date} for a follow-up. Lives with partner {first2}. "
        "Contact {phone}.",
        "The car with plate {plate} was parked across the exit again. Owner appears to be {fullname} from flat 12.",
        "Reminder: the quarterly review is on {weekday} at {time} in meeting room B.",
        "Please send the signed form back to {email} or post it to {address}.",
        "Visitor log {date}: {fullname} ({company}), badge 44, escorted by {first2}.",
        "Customer called to say the {product} arrived damaged. No other details given.",
        "Refund the deposit to {fullname}, IBAN DE{acct}{acct}{card4}, reference {booking_ref}.",
    ),
    log_lines=lambda c: "\n".join(
        f"2026-0{c.r.randint(1, 9)}-{c.r.randint(10, 28)}T{c.r.randint(10, 23)}:{c.r.randint(10, 59)}:{c.r.randint(10, 59)}Z "
        + c.r.choice(("INFO", "WARN", "INFO", "ERROR")) + " "
        + c.r.choice((
            f"login ok user={_email_of(c, c.r.choice(FIRST), c.r.choice(LAST))} ip={c.get('ip')}",
            f"password reset requested for {_email_of(c, c.r.choice(FIRST), c.r.choice(LAST))}",
            "cache miss key=catalog:v2:page:3",
            f"payment failed card=**** {_digits(c, 4)} name=\"{c.r.choice(FIRST)} {c.r.choice(LAST)}\"",
            "GET /api/v1/products 200 41ms",
            f"shipping label created to={c.r.randint(2, 90)} {c.r.choice(STREETS)} phone={c.get('phone')}",
            "worker 3 heartbeat",
        ))
        for _ in range(c.r.randint(4, 8))
    ),
    chat_transcript_pii=_one(
        "Customer: hi my name is {fullname} and my card ending {card4} was charged twice\n"
        "Agent: Sorry about that! Can you confirm the email on the account?\nCustomer: {email}\n"
        "Agent: Thanks. And the billing postcode?\nCustomer: it's the one for {address}",
        "Agent: Welcome to {company}, who am I speaking with?\nCustomer: {first}, I'm calling for my mum {fullname2}, "
        "date of birth {dob}\nAgent: Thank you. What's the best number to call back?\nCustomer: {phone}",
        "Customer: can you change the delivery address to {address}?\nAgent: Of course. Could you confirm your name?\n"
        "Customer: {fullname}\nAgent: Done, anything else?",
    ),
    hr_note=_one(
        "{fullname} ({role}, {team}) has been signed off sick since {date} with anxiety; her GP note is in the file. "
        "Manager {fullname2} has been informed.",
        "Exit interview with {fullname}: leaving for a role at {company}. Mentioned pay ({amount2}) and a difficult "
        "relationship with {first2}.",
        "Disciplinary meeting for {fullname}, employee ID E{acct}, on {date}. Union rep: {fullname2}.",
    ),
    clinical_note=_one(
        "Patient {fullname}, {mrn}, DOB {dob}, seen on {date} for a follow-up. Lives with partner {first2}. "
        "Contact {phone}.",
        "{date}: {fullname} (DOB {dob}) attended with her daughter {first2}. BP 142/91, advised to reduce salt. "
        "Review in 4 weeks at the {city} clinic. Home: {address}.",
        "Discharge summary - {fullname}, {mrn}. Admitted {date} with a fractured wrist after a cycling accident on "
        "{address}. GP: Dr {last2}. Phone on file {phone}.",
        "Telephone consult with {fullname}, born {dob}. Reports three nights of fever. Works as a {role} at {company}. "
        "Email for results: {email}.",
    ),
    clean_text=_one(
        "Visitors to the north wing should use the lift next to the café.",
        "The quarterly figures will be published on the intranet next week.",
        "Our support team is available from 8am to 6pm on weekdays.",
        "All orders over {amount} ship free within the EU.",
    ),
)

_api("pii_detection", "redact-tags",
     "Redact personal data from the text. Replace names with [PERSON], emails with [EMAIL], phone numbers "
     "with [PHONE], addresses with [ADDRESS], dates of birth with [DOB], and any ID, passport, account or "
     "card numbers with [ID]. Keep everything else exactly as is.",
     "{pii_text}")
_api("pii_detection", "list-json",
     "You are a personal-data scanner. Return a JSON array of the personal data items in the input: "
     "[{\"type\": \"name|email|phone|address|dob|id_number|bank|health|plate\", \"text\": \"...\", "
     "\"start\": <offset>}]. Return [] when there is none.",
     ("{pii_text}", "{clean_text}", "{pii_text}"))
_api("pii_detection", "contains-bool",
     "Does the text contain personally identifiable information? Reply with true or false only.",
     ("{pii_text}", "{clean_text}"))
_api("pii_detection", "log-scrub",
     "Scrub application logs before they are shipped to the third-party log platform: mask email addresses, "
     "IP addresses, card fragments, names, street addresses and phone numbers with ***. Return the log lines only.",
     "{log_lines}")
_api("pii_detection", "transcript-anonymise",
     "Anonymise the support chat transcript for use in training material. Replace every personal detail of "
     "the customer with a realistic but fake value of the same type, and list what you replaced.",
     "{chat_transcript_pii}")
_api("pii_detection", "special-category",
     "GDPR screening: identify personal data in the HR note and flag special-category data (health, "
     "religion, union membership, ethnicity, sexual orientation) separately. Output two bullet lists.",
     "{hr_note}")
_api("pii_detection", "phi-deidentify",
     "De-identify the clinical note by removing the HIPAA Safe Harbor identifiers (names, dates except year, "
     "phone numbers, medical record numbers, addresses). Output the cleaned note.",
     "{clinical_note}")
_inline("pii_detection", "mask-stars",
        ("Find all personal data in this text and replace it with ***:\n\n{pii_text}",
         "Mask any PII (names, emails, phones, addresses, IDs) in the following:\n{pii_text}",
         "List the personal information in this message, if any:\n{pii_text}"))
_chat("pii_detection", "safe-to-share",
      ("I'm about to paste this into a public GitHub issue. Does it contain anything personal I should remove?\n\n{log_lines}",
       "These logs are going to an outside vendor. Strip anything that identifies a person first:\n{log_lines}"))
_chat("pii_detection", "remove-names",
      ("Remove names and contact details from this so I can post it in the team channel: {pii_text}",
       "please redact the personal details in this before I forward it\n\n{chat_transcript_pii}",
       "Does this note contain personal data I shouldn't share? {pii_text}"))


# ======================================================================================
# entity_extraction: fields and named entities into a structure
# ======================================================================================

_slots(
    receipt=_one(
        "THE COPPER KETTLE\n{address}\n{date} {time}\nTable 7  Server: {first}\n2 x Flat white      7.80\n"
        "1 x Club sandwich   11.50\n1 x Carrot cake      4.90\nSubtotal           24.20\nService 10%         2.42\n"
        "TOTAL              26.62\nPaid VISA ****{card4}",
        "Silverbirch Pharmacy - Receipt {order_no}\n{date}\nAllergy tablets 30ct   {amount}\nSunscreen SPF50        {amount}\n"
        "Total incl. VAT: {amount2}\nCash",
        "MARKET HALL FUEL\nPump 4  Unleaded  42.18 L\nPrice/L 1.739\nAmount {amount}\n{date}  Card ****{card4}",
    ),
    resume=_one(
        "{fullname}\n{email} | {phone} | {city}\n\nEXPERIENCE\n{role}, {company} ({year}-present)\n- Led migration of 40 "
        "services to containers\nIntern, {company2} ({year})\n\nEDUCATION\nBSc Computer Science, University of {city2}\n\n"
        "SKILLS\nPython, Go, PostgreSQL, Kubernetes, German (fluent)",
        "Curriculum vitae - {fullname}\nBorn {dob}. Lives in {city}.\nWork: {role} at {company} since {year}; previously "
        "three years as a barista.\nLanguages: English, Spanish, basic Japanese.\nContact: {email}",
    ),
    flight_mail=_one(
        "Your booking is confirmed! Booking reference {booking_ref}.\nPassenger: {fullname}\nOutbound: {flight} {city} -> {city2}, "
        "{date}, departs {time}, seat 14C\nBaggage: 1 x 23kg\nTotal paid: {fare}",
        "Hi {first}, here is your e-ticket. Flight {flight} from {city} to {city2} on {date}. Boarding closes 30 minutes before "
        "departure at {time}. Ref: {booking_ref}.",
    ),
    news_item=_one(
        "{fullname}, chief executive of {company}, told reporters in {city} on {weekday} that the firm would hire 200 "
        "engineers by {month}, after securing {amount2} from investors led by {company2}.",
        "The {city} city council approved a {amount2} plan to renovate the central library. Councillor {fullname2} said "
        "work would begin on {date}.",
        "{company} and {company2} announced a merger on {date}. The combined company will be based in {city} and led "
        "by {fullname}.",
        "Police in {city2} are looking for witnesses after a van belonging to {company} was stolen on {date}, "
        "according to spokesperson {fullname}.",
    ),
    messy_address=_one(
        "flat 3, {address} - postcode is on the parcel, ring twice",
        "{fullname} c/o {company}, {address}, {country}",
        "deliver to: {first} at {address}, back door",
        "{address}, 2nd floor left, {country}",
    ),
    product_listing=_one(
        "{product} - now with 20% longer battery! Weight 1.2 kg. Colours: slate, moss, sand. 2-year warranty. "
        "Was {amount2}, now {amount}. In stock, ships in 2-3 days.",
        "For sale: {product}, used twice, original box. Dimensions 60 x 40 x 25 cm. Asking {amount}. Pick-up in {city}.",
        "NEW {product}\n- Material: recycled nylon\n- Capacity: 40 litres\n- Weight: 1.4 kg\n- Price: {amount}\n- SKU: PX-{card4}",
    ),
    event_invite=_one(
        "You're invited! {first}'s 40th birthday, {weekday} {date} from {time} at the Lantern Room, {address}. "
        "Dress code: anything sparkly. RSVP to {email} by the end of the month.",
        "Workshop: Intro to watercolour with {fullname}. {date}, {time}, two hours. Community hall, {city}. Fee {amount}, "
        "materials included. Max {n_people} participants.",
        "Town hall meeting for {company} employees on {date} at {time} CET, main auditorium and online. Speakers: "
        "{fullname} and {fullname2}.",
    ),
    prescription=_one(
        "Amoxicillin 500 mg capsules, one three times a day for 7 days. Take with food. Prescriber: Dr {last}. {date}.",
        "Rx: Sertraline 50mg tablet, 1 tab PO once daily in the morning, qty 28, 2 refills. Dr {fullname}.",
        "Ibuprofen 400 mg every 6-8 hours as needed for pain, max 3 tablets per day, and omeprazole 20 mg once daily.",
    ),
    property_listing=_one(
        "Bright two-bedroom flat in central {city}, 74 m², 3rd floor with lift, balcony facing south. Rent {rent} per "
        "month, deposit two months. Available from {date}. Pets considered. Contact {fullname}, {phone}.",
        "Detached family house, 4 bed, 2 bath, garden 600 m², garage. Built {year}. Asking price {amount2}. "
        "Viewings Saturdays via {company}.",
    ),
    contract_preamble=_one(
        "This Services Agreement (the \"Agreement\") is made on {date} between {company}, a company registered in "
        "{country} (\"Client\"), and {company2} (\"Provider\"). The initial term is 24 months starting {date2}. Fees: "
        "{amount2} per year, payable quarterly.",
        "LEASE AGREEMENT. Landlord: {fullname}. Tenant: {fullname2}. Premises: {address}. Term: 12 months from {date}. "
        "Monthly rent: {rent}. Deposit: {amount2}.",
    ),
    meeting_notes_actions=_one(
        "Notes {date}: {first} to send the revised budget to finance by {weekday}. {first2} will book the venue for the "
        "offsite ({city}). Everyone: review the draft roadmap before the next sync. {first3} owns the customer survey, due {date2}.",
        "- agreed to delay launch to {date}\n- {first2}: fix onboarding emails\n- {first}: call {company} about pricing, this week\n"
        "- next meeting {weekday} {time}",
    ),
    money_text=_one(
        "We spent {amount} on catering, {amount} on the venue deposit and another {amount} on printing. The sponsor "
        "covered {amount2}.",
        "Budget update: travel came in at {amount2} against a plan of {amount2}; software licences were {amount}.",
        "Invoice {order_no}: consulting {amount2}, expenses {amount}, late fee {amount}.",
    ),
)

_api("entity_extraction", "receipt-fields",
     "Extract the following fields from the receipt and return JSON only: merchant, date, time, items "
     "[{name, quantity, price}], subtotal, tip_or_service, total, payment_method. Use null when a field is missing.",
     "{receipt}")
_api("entity_extraction", "resume-parse",
     "Parse the CV into JSON with keys name, email, phone, location, current_title, current_employer, "
     "previous_roles (list), education (list), skills (list), languages (list).",
     "{resume}")
_api("entity_extraction", "flight-booking",
     "From a flight confirmation email, extract passenger_name, booking_reference, flight_number, origin, "
     "destination, departure_date, departure_time and price. Output a single JSON object.",
     "{flight_mail}")
_api("entity_extraction", "ner-news",
     "Mark up the people, organisations, places, dates and monetary values in the article with inline tags such "
     "as <PER>...</PER>, <ORG>, <LOC>, <DATE> and <MONEY>. Return the tagged text.",
     "{news_item}")
_api("entity_extraction", "address-parse",
     "Split free-text delivery addresses into components: recipient, company, street_number, street, unit, "
     "city, postcode, country, delivery_notes. JSON, null for anything missing.",
     "{messy_address}")
_api("entity_extraction", "product-specs",
     "Pull the structured attributes out of a product listing for the catalogue: name, weight, dimensions, "
     "colours, capacity, material, warranty, price, sale_price, availability. JSON.",
     "{product_listing}")
_api("entity_extraction", "event-details",
     "Invitation parser for a family organiser app: read the invite and fill title, date, start_time, location, "
     "host, cost, rsvp_contact and deadline (JSON).",
     "{event_invite}")
_api("entity_extraction", "medication",
     "Extract each medication from the prescription text as {drug, strength, form, dose, frequency, duration, "
     "max_daily_dose, notes}. Return a JSON list.",
     "{prescription}")
_api("entity_extraction", "property",
     "Convert the property advert into our listing schema: type, bedrooms, bathrooms, floor_area_m2, "
     "outdoor_space, price_or_rent, deposit, available_from, pets, contact. JSON only.",
     "{property_listing}")
_api("entity_extraction", "contract-metadata",
     "Extract contract metadata for the contract register: parties (with roles), effective_date, term, "
     "fees, payment_schedule, premises. Don't interpret the terms, only extract them.",
     "{contract_preamble}")
_inline("entity_extraction", "action-items",
        ("Extract every action item from these notes as a JSON list of {owner, task, due}:\n\n{meeting_notes_actions}",
         "Pull out who needs to do what by when. Table format.\n{meeting_notes_actions}"))
_inline("entity_extraction", "amounts",
        ("List every monetary amount in the text and what it refers to, as JSON:\n{money_text}",
         "Extract (amount, currency, purpose) triples: {money_text}"))
_chat("entity_extraction", "people-companies",
      ("Who's who in this article? List every person, organisation and place.\n\n{news_item}",
       "who and which organisations are mentioned here? {news_item}"))
_chat("entity_extraction", "pull-dates",
      ("Grab the date, time and venue from this invite for my calendar:\n\n{event_invite}",
       "What's the booking ref, flight number and departure time in this email? {flight_mail}",
       "Grab the total, the date and the card digits from this receipt:\n{receipt}"))


# ======================================================================================
# keyword_extraction: keywords, tags, key phrases
# ======================================================================================

ARTICLES = (
    "Urban gardening has grown quickly in dense cities, where balconies and rooftops are turned into small vegetable "
    "plots. Beyond fresh food, community gardens give neighbours a reason to meet, and several city councils now lend "
    "unused land to local groups. The main obstacles are soil contamination, access to water and the time volunteers "
    "can commit over a whole season.",
    "Most successful phishing attacks still begin with a convincing email. Attackers copy the look of real login "
    "pages, register look-alike domains and create a sense of urgency. Multi-factor authentication blocks the majority "
    "of these attempts, but only if staff are trained to reject unexpected prompts rather than approving them by habit.",
    "Adults need between seven and nine hours of sleep, yet surveys suggest a third regularly get less. Short sleep is "
    "linked to poorer concentration, weaker immunity and a higher risk of accidents. Keeping a regular wake-up time, "
    "limiting caffeine after midday and keeping the bedroom cool are among the simplest ways to improve sleep quality.",
    "Since the pandemic, many companies have settled on hybrid work, asking staff to come in two or three days a week. "
    "Supporters say it combines focus time at home with collaboration in the office. Critics point to half-empty "
    "buildings, uneven rules between teams and the difficulty of mentoring junior employees remotely.",
    "Specialty coffee roasters buy green beans directly from farms and roast them in small batches. Lighter roasts "
    "preserve the fruity and floral notes of the origin, while darker roasts bring out chocolate and caramel flavours. "
    "Freshness matters: beans are at their best between one and four weeks after roasting.",
    "Cities that build protected bike lanes see more people cycling, especially women and older residents who avoid "
    "riding in traffic. The cost per kilometre is small compared with road projects, and local shops often report "
    "higher sales once streets become calmer. Winter maintenance and connecting isolated lanes remain common problems.",
    "Plastic packaging makes up a large share of household waste, and only a fraction is recycled. Deposit-return "
    "schemes for bottles have pushed return rates above ninety percent in some countries. Refill stations and "
    "reusable containers are spreading, though they depend on customers changing long-standing shopping habits.",
    "Large language models are increasingly used to draft emails, summarise documents and answer customer questions. "
    "Their output can be fluent yet wrong, so companies add retrieval from trusted sources, human review for sensitive "
    "cases and monitoring of costs, since every request is billed by the number of tokens processed.",
    "Heat waves are becoming longer and more frequent in many regions. Older people, outdoor workers and residents of "
    "poorly ventilated flats are most at risk. Cities are responding with cooling centres, more street trees and "
    "early-warning systems that text residents when temperatures are expected to peak.",
    "Board games have enjoyed a revival over the last decade. Crowdfunding lets small studios publish ambitious "
    "designs, and board-game cafés give people a place to try before they buy. Cooperative games, where players win or "
    "lose together, have been particularly popular with families.",
)

_slots(
    article=_of(ARTICLES),
    article_two=lambda c: "\n\n".join(c.r.sample(ARTICLES, 2)),
    social_post=_one(
        "Just finished my first half marathon in {city}!! 2:04, legs are jelly but so worth it. Huge thanks to everyone "
        "who cheered at the 18k mark.",
        "New in store: hand-thrown mugs from a local potter, each one slightly different. Perfect with our autumn blend.",
        "We're hiring a {role} to join our small team in {city}. Flexible hours, great coffee, no egos.",
        "Sunday bake: cardamom buns with a brown-butter glaze. Recipe in the comments.",
    ),
    paper_abstract=_one(
        "We study the effect of classroom air quality on test performance in 48 primary schools. Using low-cost CO2 "
        "sensors over one school year, we find that scores on afternoon tests fall measurably when concentrations "
        "exceed 1,500 ppm. Opening windows for five minutes between lessons removed most of the effect.",
        "This paper proposes a lightweight method for detecting duplicate product listings in online marketplaces. "
        "Combining image hashes with title embeddings, our approach improves recall by 11 points over text-only "
        "baselines while running on a single CPU.",
        "We surveyed 2,300 gig-economy couriers in four countries about income stability, working hours and injuries. "
        "Respondents who relied on a single platform reported higher income volatility and less bargaining power.",
        "We evaluate whether adding bike lanes changes retail footfall on 22 shopping streets. Using card-payment data "
        "before and after construction, we observe no decline in spending and a small increase on weekends.",
        "This study tests a reminder-text intervention for missed GP appointments in {city}. Patients receiving a "
        "personalised SMS two days ahead missed 23% fewer appointments than the control group.",
        "We introduce a benchmark of 3,000 hand-labelled customer emails for intent detection in five languages and "
        "show that small fine-tuned models match much larger general models at a fraction of the cost.",
        "Using satellite images from 2000 to 2024, we estimate the loss of urban tree cover in 40 European cities and "
        "relate it to surface temperatures during heat waves.",
    ),
    podcast_desc=_one(
        "In this episode we talk to a marine biologist about why octopuses are so smart, how they change colour and "
        "what aquariums get wrong about keeping them.",
        "Two former restaurant owners share what they learned from closing their bistro during a recession, and how "
        "they started again with a food truck.",
        "We break down the basics of index funds, why fees matter more than you think, and common mistakes first-time "
        "investors make.",
        "This week: a night-shift nurse on sleep, coffee and the small rituals that get her through a 12-hour shift.",
        "A historian explains how medieval cities dealt with fires, from bucket brigades to the first building codes.",
        "We review three budget mirrorless cameras for beginners and answer listener questions about lenses.",
        "Our guest built a board-game café from a closed bank branch in {city}. We talk rent, licences and dice.",
        "How to train for your first ultramarathon without wrecking your knees, with a sports physiotherapist.",
        "A conversation about learning Japanese in your forties: apps, tutors and why kanji isn't as scary as it looks.",
    ),
    job_ad=_one(
        "We're looking for a {role} to join the {team} team. You'll work with Python, dbt and Snowflake, build dashboards "
        "in Looker and partner with product managers on experiment design. Nice to have: experience with causal "
        "inference and stakeholder communication.",
        "Join our clinic as a veterinary nurse. Responsibilities include anaesthesia monitoring, post-operative care, "
        "client education and managing the pharmacy stock. Registration with the national council required.",
    ),
)

_api("keyword_extraction", "seo-listing",
     "E-commerce search tuning: propose the search terms shoppers would type to find this listing. Output a JSON "
     "array of up to 10 terms.",
     "{product_listing}")
_api("keyword_extraction", "key-phrases",
     "Pull out the phrases that best describe this article, to be stored as search facets. JSON array, at most "
     "8 phrases, copied verbatim from the text.",
     ("{article}", "Article:\n{article}"))
_api("keyword_extraction", "hashtags",
     "Suggest 5 to 8 relevant hashtags for the social media post. Output the hashtags on one line.",
     "{social_post}")
_api("keyword_extraction", "paper-keywords",
     "Given a paper abstract, return five index keywords in the style of an academic journal, separated by "
     "semicolons.",
     "{paper_abstract}")
_api("keyword_extraction", "podcast-tags",
     "Tag podcast episodes for discovery. Output four to seven topic tags, lowercase, hyphenated, comma-separated.",
     "{podcast_desc}")
_api("keyword_extraction", "skills-terms",
     "Extract the skill and tool keywords mentioned in the job ad for our matching index. Return a flat list, "
     "one term per line, no duplicates.",
     "{job_ad}")
_api("keyword_extraction", "ticket-tags",
     "Generate free-form tags for support tickets so agents can search them later. 3-5 short tags, comma separated.",
     ("{ticket_short_cls}", "{rental_msg}"))
_api("keyword_extraction", "tfidf-style",
     "Identify the most distinctive terms of document A compared with document B. Return the top 10 terms of A "
     "with a relevance score from 0 to 1.",
     "Document A:\n{article}\n\nDocument B:\n{article_two}")
_inline("keyword_extraction", "top-keywords",
        ("List the 10 most important keywords in this text, ranked:\n\n{article}",
         "Extract keywords from the following paragraph (max 7):\n{article}",
         "Give me the key phrases from this abstract:\n{paper_abstract}"))
_chat("keyword_extraction", "essay-keywords",
      ("which words would you pick as keywords for this? {article}",
       "I need keywords for my assignment submission, can you pull them out of my intro?\n\n{article}"))
_chat("keyword_extraction", "blog-tags",
      ("Need tags for this blog post, what fits?\n{article}",
       "suggest a few tags for this post: {social_post}",
       "Give me some hashtags for this: {social_post}"))


# ======================================================================================
# format_conversion: the same data in another format
# ======================================================================================

_COURSES = ("Intro to Pottery", "Spanish A2", "Python Basics", "Wine Tasting", "Yoga for Runners",
            "Bookkeeping 101", "Street Photography", "Conversational Japanese")


def _csv_rows(c: _Ctx) -> str:
    kind = c.r.randrange(3)
    if kind == 0:
        rows = ["booking_id,guest,room,check_in,nights,total"]
        for _ in range(c.r.randint(3, 7)):
            rows.append(f"B{_digits(c, 5)},{c.r.choice(FIRST)} {c.r.choice(LAST)},{c.r.randint(101, 420)},"
                        f"2026-{c.r.randint(1, 12):02d}-{c.r.randint(1, 28):02d},{c.r.randint(1, 9)},{c.r.uniform(90, 2400):.2f}")
    elif kind == 1:
        rows = ["sku,name,category,price,stock"]
        for _ in range(c.r.randint(3, 7)):
            rows.append(f"PX-{_digits(c, 4)},{c.r.choice(PRODUCTS)},{c.r.choice(('outdoor', 'home', 'audio', 'office'))},"
                        f"{c.r.uniform(9, 600):.2f},{c.r.randint(0, 250)}")
    else:
        rows = ["student,course,score,passed"]
        for _ in range(c.r.randint(3, 8)):
            s = c.r.randint(35, 100)
            rows.append(f"{c.r.choice(FIRST)},{c.r.choice(_COURSES)},{s},{'yes' if s >= 50 else 'no'}")
    return "\n".join(rows)


def _json_doc(c: _Ctx) -> str:
    kind = c.r.randrange(3)
    if kind == 0:
        obj: object = {
            "order": c.get("order_no"),
            "customer": {"name": c.get("fullname"), "email": c.get("email")},
            "items": [{"sku": f"PX-{_digits(c, 4)}", "qty": c.r.randint(1, 4), "price": round(c.r.uniform(5, 300), 2)}
                      for _ in range(c.r.randint(1, 3))],
            "gift_wrap": c.r.random() < 0.3,
        }
    elif kind == 1:
        obj = {"service": c.r.choice(("search-api", "checkout", "image-resizer")), "replicas": c.r.randint(2, 12),
               "env": {"LOG_LEVEL": c.r.choice(("info", "debug")), "TIMEOUT_MS": c.r.choice((500, 2000, 5000))},
               "ports": [8080, 9090], "healthcheck": {"path": "/healthz", "interval_s": 10}}
    else:
        obj = [{"city": c.r.choice(CITIES), "temp_c": c.r.randint(-5, 34), "rain_mm": round(c.r.uniform(0, 30), 1)}
               for _ in range(c.r.randint(2, 5))]
    return json.dumps(obj, indent=c.r.choice((2, 4)), ensure_ascii=False)


def _xml_doc(c: _Ctx) -> str:
    items = "".join(
        f"\n    <book isbn=\"978{_digits(c, 10)}\"><title>{c.r.choice(('The Quiet Harbour', 'Salt and Iron', 'A Year of Bread', 'Maps of Rain', 'The Ninth Lantern'))}</title>"
        f"<author>{c.r.choice(FIRST)} {c.r.choice(LAST)}</author><price currency=\"EUR\">{c.r.uniform(8, 30):.2f}</price></book>"
        for _ in range(c.r.randint(2, 4))
    )
    return f"<catalogue store=\"Saltmarsh Books\">{items}\n</catalogue>"


def _yaml_doc(c: _Ctx) -> str:
    return c.fill(
        "name: {team}-weekly-report\nschedule: \"0 7 * * 1\"\nowner: {email}\nsources:\n  - warehouse.orders\n"
        "  - warehouse.refunds\nrecipients:\n  - {email2}\nformat: pdf\nenabled: true"
    )


def _kv_doc(c: _Ctx) -> str:
    return c.fill(
        "Name: {fullname}\nRole: {role}\nTeam: {team}\nStart date: {date}\nOffice: {city}\nManager: {fullname2}\n"
        "Laptop: 14-inch, 32 GB"
    )


def _tsv_doc(c: _Ctx) -> str:
    rows = ["Month\tVisitors\tSignups\tRevenue"]
    for m in c.r.sample(MONTHS, 4):
        rows.append(f"{m}\t{c.r.randint(4000, 90000)}\t{c.r.randint(50, 3000)}\t{c.r.randint(2000, 80000)}")
    return "\n".join(rows)


def _html_table(c: _Ctx) -> str:
    rows = "".join(
        f"\n  <tr><td>{c.r.choice(FIRST)}</td><td>{c.r.choice(DEPARTMENTS)}</td><td>{c.r.randint(2, 30)}</td></tr>"
        for _ in range(c.r.randint(2, 5))
    )
    return f"<table>\n  <tr><th>Name</th><th>Department</th><th>Years</th></tr>{rows}\n</table>"


def _env_file(c: _Ctx) -> str:
    return (f"DATABASE_URL=postgres://app@db:5432/{c.r.choice(('shop', 'crm', 'ledger'))}\nREDIS_HOST=cache\n"
            f"REDIS_PORT=6379\nFEATURE_NEW_CHECKOUT={c.r.choice(('true', 'false'))}\nMAX_UPLOAD_MB={c.r.choice((10, 25, 50))}\n"
            f"SENTRY_ENV={c.r.choice(('staging', 'production'))}")


def _times_text(c: _Ctx) -> str:
    return "\n".join(
        f"{c.r.choice(('Pottery', 'Yoga', 'Choir', 'Chess club', 'Book circle'))}: {c.r.choice(WEEKDAYS)} "
        f"{c.r.randint(1, 12)}:{c.r.choice(('00', '30', '15'))} {c.r.choice(('am', 'pm'))}"
        for _ in range(c.r.randint(3, 6))
    )


def _bullets(c: _Ctx) -> str:
    return "\n".join(
        f"- {c.r.choice(FIRST)} {c.r.choice(LAST)} - {c.r.choice(ROLES)} - {c.r.choice(CITIES)}"
        for _ in range(c.r.randint(3, 6))
    )


_slots(
    csv_rows=_csv_rows, json_doc=_json_doc, xml_doc=_xml_doc, yaml_doc=_yaml_doc, kv_doc=_kv_doc,
    tsv_doc=_tsv_doc, html_table=_html_table, env_file=_env_file, times_text=_times_text, bullets=_bullets,
)

_api("format_conversion", "csv-to-json",
     "Turn CSV into JSON: one object per data row, field names from the first line, numeric strings as numbers, "
     "yes/no as booleans. Valid JSON only.",
     "{csv_rows}")
_api("format_conversion", "json-to-csv",
     "Flatten the JSON into CSV with a header row. Nested keys become dot.separated column names. Return the "
     "CSV only, no code fences.",
     "{json_doc}")
_api("format_conversion", "yaml-to-json",
     "You convert configuration files between formats. Convert the YAML to pretty-printed JSON with the same "
     "structure and types.",
     "{yaml_doc}")
_api("format_conversion", "xml-to-json",
     "XML in, JSON out. Map repeated elements to arrays, keep attribute values as strings and preserve element "
     "order.",
     "{xml_doc}")
_api("format_conversion", "tsv-to-markdown",
     "Render tab-separated data as a GitHub-flavoured markdown table. Right-align the numeric columns.",
     "{tsv_doc}")
_api("format_conversion", "html-to-markdown",
     "Convert HTML tables to markdown tables. Output only the markdown.",
     "{html_table}")
_api("format_conversion", "env-to-yaml",
     "Convert a .env file to a Kubernetes ConfigMap YAML named app-config. Keep values as strings.",
     "{env_file}")
_api("format_conversion", "csv-to-sql",
     "Turn the CSV rows into SQL INSERT statements for a table named after the first column's entity. One "
     "statement per row, quote strings properly.",
     "{csv_rows}")
_api("format_conversion", "kv-to-json",
     "Convert 'Key: value' lines to a JSON object with snake_case keys. Dates in ISO 8601. No commentary.",
     "{kv_doc}")
_inline("format_conversion", "times-24h",
        ("Rewrite these times in 24-hour format and sort the lines by weekday. Change nothing else:\n\n{times_text}",
         "Convert every time below to 24h notation, same layout:\n{times_text}"))
_inline("format_conversion", "bullets-to-table",
        ("Turn this list into a CSV with the columns name, role, city:\n{bullets}",
         "Convert to a JSON array with fields name, role and city:\n\n{bullets}",
         "Make this a markdown table (Name | Role | City):\n{bullets}"))
_inline("format_conversion", "json-to-yaml",
        ("YAML please, same data:\n{json_doc}",
         "Please output the following as TOML instead of JSON.\n\n{json_doc}",
         "Reformat as XML with a root element called <data>:\n{json_doc}"))
_chat("format_conversion", "make-a-table",
      ("table-ify this for me\n{csv_rows}",
       "Could you format this CSV as a nice markdown table for our wiki?\n\n{csv_rows}",
       "put this in a table pls\n{kv_doc}"))
_chat("format_conversion", "make-json",
      ("How would this look as a JSON object?\n{kv_doc}",
       "convert this xml to json for me\n{xml_doc}",
       "I need this as CSV so I can open it in Excel:\n{json_doc}"))


# ======================================================================================
# translation: the same text in another language
# ======================================================================================

EN_SOURCES = (
    "Our opening hours change on public holidays. Please check the website before you visit.",
    "Your table is booked for four people at 7:30 pm. Let us know if your plans change.",
    "Please keep your luggage with you at all times.",
    "The workshop is suitable for beginners; all materials are provided.",
    "Thank you for your application. We will get back to you within two weeks.",
    "Check-in opens at 3 pm and check-out is until 11 am. Late check-out can be arranged at reception.",
    "Sign up before Friday to get the early-bird price.",
    "The lift is out of order. Please use the stairs on the left or ask staff for help.",
    "Your password must be at least twelve characters long and include a number.",
    "We're sorry, this item is no longer available. Here are some similar products you might like.",
    "Dogs are welcome on the terrace but not inside the restaurant.",
    "The concert has been moved to the main hall because of the weather.",
)
UI_KEYS = (("cart.empty", "Your basket is empty"), ("checkout.pay", "Pay now"), ("profile.save", "Save changes"),
           ("search.none", "No results for this search"), ("booking.cancel", "Cancel booking"),
           ("auth.reset", "Reset your password"), ("orders.track", "Track your order"),
           ("reviews.write", "Write a review"))
SUBTITLES = ("Where were you last night?", "I told you, I was at the lighthouse.", "Alone? In that storm?",
             "Someone had to keep the light on.", "You could have called.", "The phone lines were down. Again.",
             "Then why is your coat dry?")
MENU = ("Roasted pumpkin soup with sage butter", "Grilled sea bass, fennel salad, lemon dressing",
        "Slow-cooked lamb shoulder with rosemary potatoes", "Chocolate tart with salted caramel",
        "Seasonal vegetables (vegan)", "Contains nuts")

def _srt(c: _Ctx) -> str:
    t = c.r.uniform(5, 3000)
    blocks = []
    for i, line in enumerate(SUBTITLES[c.r.randint(0, 2):][: c.r.randint(3, 5)]):
        end = t + c.r.uniform(1.2, 3.5)
        blocks.append(f"{i + 1}\n{_ts(t)} --> {_ts(end)}\n{line}\n")
        t = end + c.r.uniform(0.2, 2.0)
    return "\n".join(blocks)


def _ts(sec: float) -> str:
    ms = int(sec * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


_slots(
    en_source=_of(EN_SOURCES),
    en_long=lambda c: " ".join(c.r.sample(EN_SOURCES, c.r.randint(2, 4))),
    ui_json=lambda c: json.dumps(dict(c.r.sample(UI_KEYS, c.r.randint(3, 6))), indent=2),
    subtitle_block=lambda c: _srt(c),
    menu_lines=lambda c: "\n".join(c.r.sample(MENU, c.r.randint(3, 6))),
    en_phrase=_raw("Where is the nearest pharmacy?", "Could we have the bill, please?", "I'm allergic to peanuts.",
                   "How much is a return ticket?", "Happy birthday!", "Nice to meet you.", "Good luck with the exam!",
                   "Is this seat taken?", "I don't understand, could you speak more slowly?"),
    md_doc=lambda c: c.fill(
        "## Getting started\n\n1. Download the **{app}** from the app store.\n2. Create an account with your email.\n"
        "3. Tap *Settings* to choose your language.\n\n> Tip: you can change this later."
    ),
)

_api("translation", "localizer",
     "Localisation service for a travel site: render the English source in {lang}, leaving brand names, prices "
     "and markup untouched. Reply with the {lang} text alone.",
     "{en_source}")
_api("translation", "to-english",
     "Inbound messages from international customers: produce an idiomatic English rendering. If the input is "
     "English already, echo it.",
     "{foreign}")
_api("translation", "ui-strings",
     "You localise app interface copy. The message gives a locale and a JSON map of string IDs to English text; "
     "return the same map with values in that locale, short enough for buttons.",
     "Target locale: {lang}\n{ui_json}")
_api("translation", "subtitles",
     "Translate SRT subtitles into {lang}. Keep the numbering and timestamps exactly as they are and only "
     "translate the dialogue lines.",
     "{subtitle_block}")
_api("translation", "menu",
     "Translate restaurant menu items for foreign guests. Target language: {lang}. Keep dish names appetising "
     "and natural, not literal.",
     "{menu_lines}")
_api("translation", "formal-register",
     "Translate into German using the formal 'Sie' form, suitable for a letter to a customer.",
     "{en_long}")
_api("translation", "markdown-preserving",
     "Translate the documentation page into {lang}. Preserve all markdown syntax, lists and bold/italic markers.",
     "{md_doc}")
_inline("translation", "from-to",
        ("Translate from English to {lang}:\n\n{en_long}",
         "Translate the following into {lang}. Return only the translated text.\n{en_source}",
         "English -> {lang}: {en_source}"))
_inline("translation", "into-english",
        ("Translate to English: {foreign}",
         "Please provide an English translation of the following text.\n\n{foreign}"))
_chat("translation", "how-do-you-say",
      ("what's the {lang} for \"{en_phrase}\"?",
       "What's \"{en_phrase}\" in {lang}?",
       "I'm travelling next week, how would I say {en_phrase} in {lang}?"))
_chat("translation", "what-does-it-mean",
      ("What does this mean in English? {foreign}",
       "Can you translate this for me? My neighbour left it on a note: {foreign}",
       "got this message, what does it say in english? {foreign}"))
_chat("translation", "translate-my-email",
      ("Can you translate my email into {lang}? I want it to sound natural.\n\n{en_long}",
       "{lang} version of this please:\n{en_long}"))


# ======================================================================================
# simple_qa: short factual answer, or an answer from a given context
# ======================================================================================

TRIVIA_QS = (
    "What is the largest planet in the solar system?", "How many sides does a hexagon have?",
    "Who wrote Pride and Prejudice?", "What is the chemical symbol for sodium?",
    "What's the capital of Australia?", "How many centimetres are in an inch?",
    "In which year did the first crewed moon landing happen?", "Which element has atomic number 1?",
    "What is the longest river in Africa?", "How many players does a football team have on the pitch?",
    "Who painted the Mona Lisa?", "What currency is used in Japan?", "What is 15% of 80?",
    "How many continents are there?", "What language is mostly spoken in Brazil?",
    "What's the tallest mountain in the world?", "What does CPU stand for?",
    "Which gas do plants absorb from the air?", "How many hours are in three days?",
    "What is the plural of cactus?", "Who discovered penicillin?", "What's the smallest prime number?",
    "In what year did the Second World War end?", "What's the capital of Kenya?",
    "How many strings does a violin have?", "Which organ pumps blood around the body?",
    "What does RSVP stand for?", "How many bits are in a byte?", "What is the largest desert in the world?",
    "Which country has the city of Kyoto?", "What's the square root of 144?", "Who composed The Four Seasons?",
    "How many weeks are in a year?", "What is the hardest natural substance?", "What's the capital of Canada's province of Nova Scotia?",
    "What is the main language spoken in Quito?", "How many grams are in a kilogram?",
)  # fmt: skip
FACTOID_YN = (
    "Is a whale a mammal?", "Is Vienna the capital of Austria?", "Does sound travel faster than light?",
    "Is 91 a prime number?", "Is Mount Kilimanjaro in Kenya?", "Do penguins live at the North Pole?",
    "Is the Great Wall of China visible from the Moon with the naked eye?", "Is a tomato botanically a fruit?",
    "Was Shakespeare born in the 16th century?", "Is Venus hotter than Mercury?", "Are bats blind?",
    "Is Canberra the largest city in Australia?", "Does a leap year have 366 days?", "Is glass a liquid at room temperature?",
)

CONTEXT_DOCS = (
    ("Library loans: adult members can borrow up to 15 items at once. Books are lent for three weeks, DVDs for one "
     "week. Loans can be renewed twice online unless another member has reserved the item. Overdue fines are 20 cents "
     "per day per item, capped at 5 euros.",
     ("How many times can I renew a book?", "How long can I keep a DVD?", "What's the maximum overdue fine per item?",
      "How many items can I borrow?")),
    ("Gym membership: the Flex plan gives access 6am-10pm on weekdays and 8am-8pm at weekends. Off-Peak members may "
     "visit only between 10am and 4pm. Classes can be booked 7 days ahead; cancellations later than 2 hours before "
     "the class count as a no-show. Three no-shows in a month block class bookings for a week.",
     ("When can off-peak members come in?", "How far ahead can I book a class?", "What happens after three no-shows?",
      "What time does the gym open on Saturday for Flex members?")),
    ("Train ticket refunds: Advance tickets cannot be refunded but can be changed before departure for a 10 fee plus "
     "any fare difference. Anytime tickets are fully refundable up to 28 days after the travel date, minus a 5 admin "
     "fee. Season tickets are refunded pro rata.",
     ("Can I get my money back for an Advance ticket?", "How long do I have to refund an Anytime ticket?",
      "Is there a fee to change an Advance ticket?")),
    ("Conference venue: the Harbour Centre is a 12-minute walk from the central station. Registration opens at 8:15 "
     "in the ground-floor foyer. Lunch is served in Hall B from 12:30. Wi-Fi network: HC-Guest, password on your badge. "
     "The cloakroom closes at 18:00.",
     ("Where is lunch served?", "When does registration open?", "Where do I find the wifi password?",
      "How far is it from the station?")),
    ("Release 4.2 notes: added dark mode on Android; fixed a crash when uploading photos over 20 MB; CSV export now "
     "includes archived projects; the minimum supported iOS version is now 16. Known issue: push notifications may be "
     "delayed on some Samsung devices.",
     ("Does CSV export include archived projects now?", "What's the minimum iOS version?", "What is the known issue?",
      "Which platform got dark mode?")),
    ("Pet policy: dogs and cats up to 15 kg are welcome in all ground-floor rooms for a cleaning fee of 25 per stay. "
     "Pets may not be left alone in the room and are not allowed in the breakfast room. Assistance dogs stay free of charge.",
     ("How much is the pet fee?", "Can I bring my 20 kg dog?", "Do assistance dogs pay the fee?",
      "Can my cat come to breakfast?")),
)


def _context_doc(c: _Ctx) -> str:
    doc, qs = c.r.choice(CONTEXT_DOCS)
    c.vals["context_q"] = c.r.choice(qs)
    return doc


def _timetable(c: _Ctx) -> str:
    rows = ["Stop            | Dep 1 | Dep 2 | Dep 3"]
    stops = c.r.sample(("Market Square", "Hospital", "University", "Riverside", "Old Mill", "Airport", "Zoo", "Stadium"), 5)
    h = c.r.randint(6, 17)
    for i, s in enumerate(stops):
        rows.append(f"{s:<15} | {h}:{i * 7:02d}  | {h}:{(i * 7 + 20) % 60:02d}  | {h + 1}:{i * 7:02d}")
    c.vals["timetable_q"] = f"When does the second bus leave from {c.r.choice(stops)}?"
    return "\n".join(rows)


_slots(
    trivia=_of(TRIVIA_QS),
    trivia_yn=_of(FACTOID_YN),
    context_doc=_context_doc,
    context_q=lambda c: (c.get("context_doc"), c.vals["context_q"])[1],
    timetable=_timetable,
    timetable_q=lambda c: (c.get("timetable"), c.vals["timetable_q"])[1],
    unit_q=_one("How many ounces are in a pound?", "What's 5 miles in kilometres?", "How many millilitres in a cup?",
                "What is 30 degrees Celsius in Fahrenheit?", "How many seconds are in an hour?",
                "How many feet in a metre, roughly?", "How many tablespoons are in a quarter cup?",
                "What's 180 centimetres in feet and inches?", "How many litres is a US gallon?",
                "What is 75 kilograms in pounds?", "How many days are in 10 weeks?", "What's 1.5 hours in minutes?"),
    acronym=_raw("ISBN", "NATO", "GDP", "HTML", "UNESCO", "PDF", "ETA", "DNA", "ATM", "FAQ", "VPN", "CEO"),
    spec_sheet=lambda c: c.fill(
        "{product}\nWeight: 1.3 kg | Battery: 14 h | Waterproof: IPX4 | Colours: black, olive | Warranty: 2 years | "
        "Charging: USB-C, 2.5 h to full"
    ),
    spec_q=_raw("Is it waterproof?", "How long does the battery last?", "What colours does it come in?",
                "How long is the warranty?", "How does it charge?", "How heavy is it?"),
)

_api("simple_qa", "help-center-context",
     "Grounded answering: the user message holds a policy excerpt and a question. Answer from the excerpt alone, "
     "briefly; reply 'not covered' when it is silent.",
     ("Policy:\n{context_doc}\n\nQuestion: {context_q}", "{context_doc}\n\nQ: {context_q}"))
_api("simple_qa", "one-fact",
     "Quiz bot. Reply with just the answer: a word, a number or a name.",
     "{trivia}")
_api("simple_qa", "true-false",
     "Answer the question with True or False and at most one short sentence of justification.",
     ("{trivia_yn}",))
_api("simple_qa", "timetable-lookup",
     "Answer questions about the bus timetable below. Give the time only.",
     "{timetable}\n\n{timetable_q}")
_api("simple_qa", "spec-sheet",
     "You are a product Q&A widget. Answer shoppers' questions strictly from the spec sheet, in a few words.",
     "Spec sheet:\n{spec_sheet}\n\nShopper question: {spec_q}")
_api("simple_qa", "unit-convert",
     "Quick answers for a kitchen and travel helper app. Give the number with its unit, nothing else.",
     "{unit_q}")
_inline("simple_qa", "based-on-text",
        ("Based on the text below, answer this: {context_q}\n\n{context_doc}",
         "Read the passage and answer briefly. {context_q}\n\nPassage: {context_doc}",
         "Using only this information: \"{context_doc}\"\n\nQuestion: {context_q}"))
_inline("simple_qa", "short-answer",
        ("Answer in one word: {trivia}", "Short answer only. {trivia}", "Q: {trivia}\nA:"))
_chat("simple_qa", "trivia",
      ("{trivia}", "random one: {trivia}", "Settle a bet: {trivia}", "{trivia} my kid asked and I forgot"))
_chat("simple_qa", "acronym",
      ("What does {acronym} stand for?", "{acronym} stands for what again?", "what's {acronym} short for"))
_chat("simple_qa", "units",
      ("{unit_q}", "quick one: {unit_q}"))
_chat("simple_qa", "from-pasted",
      ("{context_q} Here's the info from their site: {context_doc}",
       "According to this, what's the answer? {context_q}\n\n{context_doc}"))
_chat("simple_qa", "yes-no-fact",
      ("{trivia_yn}", "Just checking: {trivia_yn}", "{trivia_yn} yes or no?"))


# ======================================================================================
# summarization: a shorter version of one given text
# ======================================================================================

THREAD_MAILS = (
    "From: {first}\nHi all, the printer vendor says the new machines arrive on {date}. Installation needs half a day "
    "and the old ones must be unplugged the night before.",
    "From: {first2}\nThanks. Can IT handle the unplugging? Facilities only has one person that week.",
    "From: {first3}\nIT can do it, but not before 6pm. Also we need the floor plan to know where the network ports are.",
    "From: {first}\nI'll send the floor plan tomorrow. Budget-wise we're {amount} under, so we could add a fourth machine on the 2nd floor.",
    "From: {first2}\nLet's not. Finance wants the savings back this quarter.",
    "From: {first3}\nAgreed. Final plan: three machines, unplug on the evening before, install in the morning.",
)
CALL_LINES = (
    "Host: Thanks for joining. Let's start with last month's numbers.",
    "{first}: Bookings were up, mostly from the new partnership with {company}, but cancellations also rose.",
    "{first2}: The cancellations are almost all from the new flexible fare. People book two options and drop one.",
    "Host: Do we want to keep that fare?",
    "{first}: I'd keep it but add a small fee after 48 hours.",
    "{first2}: We should test that in one market first, maybe {city}.",
    "Host: Fine. {first2}, can you draft the test plan by next week?",
    "{first2}: Yes. I'll also pull the numbers per channel.",
    "Host: Great. Last item: the website redesign slipped by two weeks because of the translation work.",
)
STORY_PASSAGES = (
    "The ferry was late again, and Marta stood at the rail with her collar turned up against the wind. She had "
    "promised her brother she would be there before dark, but the island was still a grey smudge on the horizon. "
    "Around her, tourists photographed gulls and complained about the cold. Marta thought instead about the letter in "
    "her pocket, the one she had not yet opened, and about the house they had both left twenty years earlier. When the "
    "ferry finally bumped against the pier, she saw him waiting under the single streetlight, older and thinner, "
    "holding a lantern as their father used to. Neither of them spoke as they walked up the hill.",
    "Nobody in the village had seen the clockmaker leave his shop in eleven years, so when the door stood open one "
    "Tuesday morning, the baker sent her son to look. The boy found the workbench covered in tiny gears, a cup of tea "
    "still warm, and a note addressed to the mayor. He did not read it. Instead he ran back to the bakery, where half "
    "the street had already gathered, each with a theory. By noon the mayor had read the note aloud: the clockmaker "
    "had gone to the city to find the apprentice he had once turned away, and he asked the village to wind the "
    "church clock every evening until he returned.",
    "Priya had rehearsed the presentation thirty times, but when the projector failed she realised she had never "
    "practised it without slides. The investors waited. She put the clicker down, walked to the front of the stage "
    "and told them about her grandmother's spice stall, the notebook of recipes, and the first customer who had "
    "cried tasting a dish from home. Twenty minutes later, nobody asked about the missing charts. They asked when "
    "they could visit the kitchen.",
    "The expedition reached the ridge two days later than planned. Supplies were low, the radio had been silent "
    "since the storm, and Jonas's knee had swollen badly. The leader, a quiet woman called Ilse, decided they would "
    "wait one more night for the weather to clear. At dawn the sky was bright and still. From the ridge they could "
    "see the valley, the hut with its red roof, and a thin line of smoke that meant someone was already there, "
    "waiting for them.",
)
SLACK_LINES = (
    "[09:02] {first}: deploy of the search service is stuck at 60%",
    "[09:04] {first2}: looks like the new index build is eating all the memory",
    "[09:05] {first3}: I can roll back if we want",
    "[09:07] {first}: let's wait 5 min, it might finish",
    "[09:15] {first2}: nope, two pods OOM-killed",
    "[09:16] {first3}: rolling back now",
    "[09:24] {first3}: rollback done, latency is back to normal",
    "[09:30] {first}: I'll open a ticket to cap the index builder's memory and we retry tomorrow",
    "[09:31] {first2}: 👍 also need to tell support that search was slow for ~20 min",
)
CHANGELOG = (
    "- Added: bulk edit for tasks (select up to 200 at once)",
    "- Added: calendar view for projects with due dates",
    "- Changed: the default sort order of the inbox is now newest first",
    "- Changed: exports are emailed instead of downloaded when larger than 50 MB",
    "- Fixed: comments with emoji were truncated in notifications",
    "- Fixed: timezone bug that moved all-day events to the previous day",
    "- Fixed: memory leak in the desktop app after long sessions",
    "- Removed: legacy API v1 endpoints (deprecated since last year)",
    "- Security: session tokens now expire after 14 days of inactivity",
)
POLICY_LINES = (
    "1. Employees may work remotely up to three days per week, subject to manager approval.",
    "2. Core collaboration hours are 10:00-15:00 local time, when employees should be reachable.",
    "3. Working from another country is allowed for up to 20 working days per year and must be registered with HR.",
    "4. The company provides a one-off home-office allowance, paid with the first salary after approval.",
    "5. Equipment remains company property and must be returned when employment ends.",
    "6. Managers review remote arrangements every six months and may withdraw them if team needs change.",
    "7. Employees are responsible for a safe and ergonomic workspace at home.",
)

_slots(
    email_thread=_lines(THREAD_MAILS, 4, 6, sep="\n\n"),
    call_notes=_lines(CALL_LINES, 5, 9),
    story_passage=_raw(*STORY_PASSAGES),
    slack_log=_lines(SLACK_LINES, 6, 9),
    changelog=_lines(CHANGELOG, 5, 9),
    policy_doc=_lines(POLICY_LINES, 5, 7),
    long_article=lambda c: "\n\n".join(c.r.sample(ARTICLES, c.r.randint(1, 3))),
)

_api("summarization", "email-thread",
     "Summarize the email thread for someone who was not copied: the decision, who does what, and any open "
     "question. Maximum 4 bullet points.",
     "{email_thread}")
_api("summarization", "article-tldr",
     "Write a TL;DR of the article in at most two sentences for the morning newsletter.",
     ("{long_article}", "Article:\n\n{long_article}"))
_api("summarization", "call-recap",
     "Turn the call transcript into a recap email body: 'Discussed' (max 3 bullets) and 'Next steps' "
     "(owner: task).",
     "{call_notes}")
_api("summarization", "one-sentence",
     "Summarize the text in exactly one sentence of no more than 25 words.",
     ("{long_article}", "{story_passage}", "{policy_doc}"))
_api("summarization", "chapter",
     "You write short synopses of book passages for a reading app. Keep it spoiler-light and under 60 words.",
     ("{story_passage}", "Chapter {n_small}, excerpt:\n\n{story_passage}", "Passage:\n{story_passage}"))
_api("summarization", "slack-catchup",
     "Summarize the channel history for a teammate who just came online: what happened, current status, and "
     "what's still open.",
     "{slack_log}")
_api("summarization", "release-notes-digest",
     "Condense the changelog into a three-sentence summary for customers. Mention only the changes users will notice.",
     "{changelog}")
_api("summarization", "policy-plain",
     "Summarize the internal policy in plain language for an all-hands slide: five short bullets at most.",
     "{policy_doc}")
_api("summarization", "abstract-short",
     "Shorten the research abstract into a single plain-English sentence for a general audience.",
     "{paper_abstract}")
_api("summarization", "reviews-digest",
     "Summarize what customers say in these reviews into 'people like' and 'people dislike' lists of at most three items each.",
     "{review_list}")
_inline("summarization", "bullets",
        ("Summarize in 3 bullet points:\n\n{long_article}",
         "Give me a summary of this in under {n_words} words.\n\n{long_article}",
         "Summarize the following meeting transcript:\n{call_notes}"))
_inline("summarization", "key-points",
        ("What are the key points of this email thread? Keep it short.\n\n{email_thread}",
         "Summarise this policy in two sentences:\n{policy_doc}"))
_chat("summarization", "tldr",
      ("tldr pls\n\n{long_article}", "Boil this article down for me:\n\n{long_article}",
       "too long didn't read, summary please:\n{long_article}"))
_chat("summarization", "what-happened",
      ("I was out yesterday. Can you summarize what happened in this channel?\n\n{slack_log}",
       "summarize this thread for me, I just got added\n\n{email_thread}",
       "Can you sum up this transcript in a few lines?\n{call_notes}"))
_chat("summarization", "summarize-passage",
      ("Summarize this passage from the book I'm reading: {story_passage}",
       "what's the short version of this? {story_passage}"))


# ======================================================================================
# email_drafting: a message to a person
# ======================================================================================

_slots(
    complaint_msg=_one(
        "I ordered the {product} three weeks ago and it still hasn't shipped. Nobody answers the phone. I want my money back.",
        "The {product} arrived with a scratch across the top. I'd like a replacement, not a voucher.",
        "You charged me twice for order {order_no}. Please sort it out today.",
        "My booking for {date} was cancelled without any explanation. We had planned our whole holiday around it.",
        "The instructor didn't show up to the class I paid for on {weekday}.",
    ),
    agent_notes=_one(
        "Replacement approved, ships {weekday} by courier.", "Refund of {amount} issued today, 3-5 days to appear.",
        "Warehouse delay, new ETA {date}. Offer 15% off next order.", "Needs photos before we can decide.",
        "Duplicate charge confirmed, reversed by finance.",
    ),
    incoming_email=_one(
        "Hi {first},\n\nHope you're well. Could you send me the signed copy of the agreement and confirm whether your "
        "team can start on {date}? We'd also like to schedule a kickoff call.\n\nBest,\n{fullname2}",
        "Dear {first},\n\nI was disappointed to hear that my application for the {role} position was unsuccessful. Could "
        "you share any feedback that might help me in future?\n\nKind regards,\n{fullname2}",
        "Hey {first}! Long time no see. A few of us are getting together in {city} on {weekday}, would you like to come? "
        "Bring {first3} if she's around.\n\n{first2}",
        "Hello,\n\nWe noticed invoice {order_no} for {amount2} is now 30 days overdue. Please let us know when we can "
        "expect payment.\n\nAccounts Receivable, {company}",
    ),
    outreach_goal=_one(
        "introduce our bookkeeping service for small restaurants", "ask if they'd speak at our meetup in {city}",
        "propose a partnership between our bike shop and their running club", "invite them to try our meal kits for their office",
        "ask for a 20-minute call about their experience with hybrid work policies",
    ),
    outage=_one(
        "the booking system was down for 3 hours on {weekday} morning", "some customers were charged twice during a payment provider incident",
        "the mobile app lost saved drafts after the last update", "deliveries in {city} are delayed by up to a week due to a warehouse flood",
    ),
    reminder_subject=_one("the unpaid invoice {order_no} ({amount2})", "the overdue library books", "the signed consent form for the school trip",
                          "the timesheet for {month}", "the feedback on the draft report"),
)

_api("email_drafting", "support-reply",
     "Support copilot for an outdoor-gear web shop: turn the agent's notes into a finished reply to the customer. "
     "Warm, clear, brief, one apology at most, and the concrete next step from the notes. Sign as '{first2}, Customer Care'.",
     "Customer: {fullname}\nMessage: {complaint_msg}\nAgent notes: {agent_notes}")
_api("email_drafting", "cold-outreach",
     "You help founders write short cold emails: a subject line, three to five sentences, one clear ask, no "
     "buzzwords.",
     ("Recipient: {fullname}, {role} at {company}\nGoal: {outreach_goal}",
      "Write to {fullname} ({company}). I want to {outreach_goal}."))
_api("email_drafting", "incident-apology",
     "Draft customer-facing apology emails after service incidents. Explain what happened in plain words, what "
     "we did about it and what customers need to do, if anything. Under 150 words.",
     "Incident: {outage}")
_api("email_drafting", "candidate-rejection",
     "You are a recruiter's assistant. Write kind, respectful rejection emails that thank the candidate and, "
     "where notes are given, include one piece of constructive feedback.",
     "Candidate: {fullname}\nRole: {role}\nStage: final interview\nNotes: strong technical skills, less experience with stakeholder management")
_api("email_drafting", "payment-reminder",
     "Write a polite but firm payment reminder email from the accounts team. Include the amount, the original "
     "due date and how to pay.",
     "Client: {company}\nInvoice: {order_no}\nAmount: {amount2}\nDue: {date}")
_api("email_drafting", "reply-to-incoming",
     "You draft email replies on behalf of the user. Match the sender's tone. Output the reply body only.",
     ("{incoming_email}", "Reply to this, saying yes:\n\n{incoming_email}", "Decline politely:\n\n{incoming_email}"))
_api("email_drafting", "sms-notification",
     "Write the SMS and push-notification text for customer notifications. SMS max 160 characters, push max 60. "
     "Friendly, no emojis.",
     "Event: appointment reminder\nCustomer: {first}\nWhen: {weekday} {time}\nWhere: {company}, {city}")
_inline("email_drafting", "write-email",
        ("Draft a note to {fullname}: can we push the project deadline from {date} to {date2}?",
         "Draft a short email to my team letting them know I'll be out on {weekday} and {first2} will cover for me.",
         "Write a thank-you email to {fullname} for interviewing me for the {role} role yesterday."))
_chat("email_drafting", "landlord",
      ("Can you help me write an email to my landlord asking for my deposit back? I moved out on {date} and left the flat clean.",
       "help me write to my landlord, there's mould in the bathroom again",
       "I need to email my landlord that the washing machine is leaking. Keep it polite but make it clear it's urgent."))
_chat("email_drafting", "reply-for-me",
      ("how should I reply to this? I want to say no without burning bridges\n\n{incoming_email}",
       "Write a reply to this email for me:\n{incoming_email}",
       "Can you draft an answer? Keep it short.\n\n{incoming_email}"))
_chat("email_drafting", "out-of-office",
      ("write an out of office message, I'm away until {date}, urgent stuff goes to {first2}",
       "Can you write me an auto-reply for my holiday? Back on {weekday}."))
_chat("email_drafting", "professor-extension",
      ("I need to ask my professor for an extension on my essay because I was sick. Can you write the email?",
       "Help me email my tutor to ask for two more days on the assignment due {date}, I had a family emergency."))
_chat("email_drafting", "nudge",
      ("write a friendly follow-up email to {first} about {reminder_subject}, I already asked once",
       "I need to remind {fullname} about {reminder_subject} without sounding pushy. Draft something?"))
_chat("email_drafting", "resignation",
      ("Can you write my resignation email? Last day will be {date}. I want to stay on good terms.",
       "help me tell my manager I'm leaving, nicely. I've accepted an offer at {company}."))


# ======================================================================================
# content_editing: improve or change a given text
# ======================================================================================

TYPO_TEXTS = (
    "Their going to anounce the winers of the competiton on friday, so make sure you check you're inbox.",
    "We has recieved your documents and will proces them as soon as posible.",
    "The team worked realy hard on this project and we are very proud off the results, it's definately our best work yet.",
    "Please find attach the report, let me know if you has any question's.",
    "Its important to remeber that the deadline cant be moved becuase the client allready approved it.",
    "Me and {first} was planing to visit the exibition next weekend but it was sold out alredy.",
    "The resturant have excelent food, however the servise was a bit slow and the prices is high.",
    "Could you please sent me the the updated version of the presentaion before tomorows meeting.",
    "Every body in the class have to bring there own lunch on the feild trip.",
    "I would of finished the report sooner but the data was'nt ready untill this morning.",
)
CASUAL_TEXTS = (
    "hey so the report's gonna be late, stuff got crazy this week, sorry!! should have it by monday prob",
    "yeah we can't do the discount thing anymore, boss said no. sorry about that",
    "lol the server died again, we're on it, don't panic",
    "just FYI the meeting's moved, same room tho",
    "so basically the price is going up next month, nothing we can do, sorry not sorry",
    "can't make it thurs, something came up. next week?",
    "ur invoice is wrong btw, u charged us for 12 seats and we only have 9",
    "heads up, we're gonna miss the deadline. the vendor ghosted us",
    "omg thank u so much for the quick fix, u saved my weekend",
)
STIFF_TEXTS = (
    "It is hereby communicated that the office premises will be inaccessible for the duration of the upcoming public holiday.",
    "Your correspondence has been received and will be processed in accordance with standard procedures.",
    "Participants are required to ensure punctual attendance at all scheduled sessions.",
    "We wish to inform you that the requested item is currently not available for dispatch.",
    "Residents are reminded that refuse must be placed in the designated receptacles no earlier than 19:00 on the evening prior to collection.",
    "The undersigned acknowledges receipt of the aforementioned documentation.",
    "Failure to complete the mandatory training module by the stipulated date may result in restricted system access.",
    "Kindly be advised that the cafeteria will cease operations at 14:00 on the date in question.",
)
JARGON_TEXTS = (
    "We need to leverage our core competencies to drive synergies across verticals and move the needle on "
    "customer-centric KPIs going forward.",
    "Let's circle back offline to double-click on the learnings and align on a best-in-class go-to-market motion.",
    "The initiative aims to operationalise a holistic, data-driven paradigm for stakeholder value creation.",
    "Our cloud-native, AI-powered platform empowers enterprises to unlock actionable insights at scale.",
    "We're pivoting to a platform play to capture adjacent TAM and de-risk the roadmap.",
    "Please action the deliverables and socialise the deck with key stakeholders ahead of the QBR.",
    "The patient presented with acute dyspnoea and was commenced on nebulised bronchodilators prior to transfer.",
)
PASSIVE_TEXTS = (
    "The decision was made by the committee to postpone the launch. Customers will be informed by the team in due course.",
    "Mistakes were made in the calculation of the invoices, and they have been corrected by finance.",
    "The new policy was approved by the board and will be implemented by managers next quarter.",
    "The package was left at the door by the courier and was taken by someone before it was noticed by us.",
    "The results of the survey were analysed by our team, and several issues were identified.",
    "Your request has been reviewed and a decision will be communicated to you by the end of the week.",
    "The bridge was built in 1887 and was restored by the city in 2004.",
)
DRAFT_POSTS = (
    "So excited to announce that after 5 years at {company} I'm starting a new role!!! It's been a wild ride and I "
    "learned so much and met so many amazing people and I'm really really grateful.",
    "Hot take: most meetings should be emails. We tried no-meeting Wednesdays and productivity went up a lot. Thoughts?",
)
COVER_LETTERS = (
    "I am writing to apply for the position of {role} at {company}. I think I would be good at this job because I am "
    "hard-working and I like to work in a team and I also like to learn new things. In my last job I did many tasks "
    "such as reports, meetings with customers and also some training of new people. I hope you will consider my "
    "application and I look forward to hear from you.",
    "Dear hiring manager, I saw your advert for a {role} and I want to apply. I have worked for {n_small} years at "
    "{company2} where I was responsible for lots of different things. I am a people person and a quick learner. I "
    "believe I am the perfect candidate. Please contact me.",
    "Hello, my name is {fullname} and I am interested in the {role} job. I just finished my studies in {city} and I "
    "did an internship where I learned many things about the industry and about myself. I am very motivated and I "
    "would love to work at {company} because it is a great company.",
)
PRODUCT_COPY = (
    "The {product} is a product which has been designed by our team with the purpose of giving you the best possible "
    "experience when you are out and about and want something reliable that you can count on in all sorts of weather "
    "conditions and situations.",
    "Our café serves coffee. We also have cakes. We are open every day. Come and visit us in {city}.",
)

_slots(
    typo_text=_of(TYPO_TEXTS), casual_text=_of(CASUAL_TEXTS), stiff_text=_of(STIFF_TEXTS),
    jargon_text=_of(JARGON_TEXTS), passive_text=_of(PASSIVE_TEXTS), draft_post=_of(DRAFT_POSTS),
    cover_letter=_of(COVER_LETTERS), product_copy=_of(PRODUCT_COPY),
    any_text=_of(TYPO_TEXTS + CASUAL_TEXTS + STIFF_TEXTS + JARGON_TEXTS + PASSIVE_TEXTS + PRODUCT_COPY),
    tone=_raw("more formal", "friendlier", "more confident", "less apologetic", "more concise", "warmer",
              "more neutral", "more upbeat"),
    gendered_text=_one(
        "Dear Sirs, each employee must submit his timesheet to the chairman by Friday. Manpower is limited, so the "
        "girls in reception will help with the paperwork.",
        "Every developer should make sure his code is reviewed before he merges it.",
        "We are looking for a strong salesman who can hold his own with demanding clients.",
        "Ask the cleaning lady to leave the meeting room unlocked for the firemen's inspection.",
        "A good nurse always knows her patients by name.",
        "Ladies and gentlemen, please welcome our new chairman to the stage.",
        "Each customer should bring his receipt to the counter.",
        "We need more manpower on the night shift; the foreman will pick the guys.",
        "Mothers are invited to help with the school bake sale on {weekday}.",
        "Our policemen and firemen deserve more support from the city.",
    ),
    audience=_raw("ten-year-olds", "senior executives", "non-native English speakers", "new employees",
                  "patients with no medical background", "investors"),
)

_api("content_editing", "proofread",
     "Copy desk: do a correction pass. Return the text with typos and grammar mistakes fixed, wording otherwise "
     "untouched.",
     "{typo_text}")
_api("content_editing", "formalize",
     "Turn informal internal messages into something we can send to a client: polite, clear, no slang.",
     ("{casual_text}", "To: {fullname} ({company})\n\n{casual_text}"))
_api("content_editing", "warmer",
     "Make stiff corporate notices sound human and friendly while keeping all the facts. One short paragraph.",
     ("{stiff_text}", "Notice for the {dept} team:\n{stiff_text}"))
_api("content_editing", "shorten",
     "Trim copy to fit a word budget (given first). Cut filler, keep the meaning.",
     ("Word limit: {n_words}\n\n{product_copy}", "Limit {n_words} words.\n{cover_letter}"))
_api("content_editing", "plain-language",
     "Rewrite jargon-heavy text in plain English that anyone can understand. Keep the intent.",
     "{jargon_text}")
_api("content_editing", "active-voice",
     "Rewrite the sentences in the active voice. Keep the content identical otherwise.",
     "{passive_text}")
_api("content_editing", "linkedin-polish",
     "Polish the user's draft social media post: tighten it, fix the rhythm, remove repetition, keep their "
     "voice and keep it under 80 words.",
     "{draft_post}")
_api("content_editing", "cover-letter-edit",
     "You are a career coach who edits cover letters. Improve clarity, structure and impact. Return the edited "
     "letter, then a short list of what you changed.",
     "{cover_letter}")
_api("content_editing", "reading-level",
     "Rewrite the text so it suits the audience named by the user. Keep all facts.",
     "Audience: {audience}\n\n{any_text}")
_api("content_editing", "inclusive-language",
     "Review the text for non-inclusive or gendered language and return a revised version with neutral wording.",
     "{gendered_text}")
_inline("content_editing", "rewrite-tone",
        ("Rewrite this to sound {tone}:\n\n{any_text}",
         "Make the following text {tone}, keep the length similar.\n{any_text}",
         "Can you rephrase this so it's {tone}? \"{any_text}\""))
_inline("content_editing", "fix-grammar",
        ("Fix the grammar: {typo_text}", "Correct any mistakes in this sentence and return it: {typo_text}",
         "Spellcheck and fix grammar, give me back just the fixed text:\n{typo_text}"))
_chat("content_editing", "make-better",
      ("can you polish this up? {any_text}",
       "Does this sound ok? Please improve it if not:\n\n{cover_letter}",
       "Help me tighten this paragraph: {product_copy}"))
_chat("content_editing", "less-rude",
      ("Can you make my message less blunt? \"{casual_text}\"",
       "rewrite this so my boss doesn't think I'm rude: {casual_text}"))
_chat("content_editing", "simplify",
      ("Can you simplify this so my grandma would get it? {jargon_text}",
       "translate this corporate speak into normal English lol: {jargon_text}"))


# ======================================================================================
# code pools (shared by code_explanation and code_generation)
# ======================================================================================

CODE_SNIPPETS: tuple[tuple[str, str], ...] = (
    ("Python", '''def top_words(path, k=5):
    counts = {}
    with open(path) as fh:
        for line in fh:
            for w in line.lower().split():
                counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items(), key=lambda kv: -kv[1])[:k]'''),
    ("Python", '''class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()

    def get(self, key):
        if key not in self.data:
            return None
        self.data.move_to_end(key)
        return self.data[key]

    def put(self, key, value):
        self.data[key] = value
        self.data.move_to_end(key)
        if len(self.data) > self.capacity:
            self.data.popitem(last=False)'''),
    ("Python", '''def flatten(nested):
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item'''),
    ("Python", '''def timed(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            print(f"{fn.__name__} took {time.perf_counter() - start:.3f}s")
    return wrapper'''),
    ("Python", '''df = pd.read_csv("orders.csv", parse_dates=["created"])
monthly = (df[df.status == "paid"]
           .groupby(df.created.dt.to_period("M"))["amount"]
           .agg(["sum", "count"]))
monthly["avg"] = monthly["sum"] / monthly["count"]'''),
    ("Python", '''def add_tag(tag, tags=[]):
    tags.append(tag)
    return tags'''),
    ("JavaScript", '''const groupBy = (arr, key) =>
  arr.reduce((acc, item) => {
    (acc[item[key]] ||= []).push(item);
    return acc;
  }, {});'''),
    ("JavaScript", '''async function retry(fn, times = 3) {
  for (let i = 0; i < times; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i === times - 1) throw err;
      await new Promise(r => setTimeout(r, 2 ** i * 100));
    }
  }
}'''),
    ("TypeScript", '''export function SearchBox({ onSearch }: { onSearch: (q: string) => void }) {
  const [q, setQ] = useState("");
  useEffect(() => {
    const t = setTimeout(() => onSearch(q), 300);
    return () => clearTimeout(t);
  }, [q, onSearch]);
  return <input value={q} onChange={e => setQ(e.target.value)} placeholder="Search" />;
}'''),
    ("Go", '''func fanIn(chs ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, c := range chs {
		wg.Add(1)
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }()
	return out
}'''),
    ("Rust", '''fn word_lengths(text: &str) -> HashMap<usize, usize> {
    let mut m = HashMap::new();
    for w in text.split_whitespace() {
        *m.entry(w.len()).or_insert(0) += 1;
    }
    m
}'''),
    ("Java", '''public static boolean isPalindrome(String s) {
    String t = s.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
    int i = 0, j = t.length() - 1;
    while (i < j) {
        if (t.charAt(i++) != t.charAt(j--)) return false;
    }
    return true;
}'''),
    ("C#", '''public async Task<IReadOnlyList<Order>> GetRecentOrdersAsync(int customerId, int days = 30)
{
    var since = DateTime.UtcNow.AddDays(-days);
    return await _db.Orders
        .Where(o => o.CustomerId == customerId && o.CreatedAt >= since)
        .OrderByDescending(o => o.CreatedAt)
        .ToListAsync();
}'''),
    ("SQL", '''SELECT b.branch_name,
       COUNT(l.loan_id) AS loans,
       AVG(julianday(l.returned_on) - julianday(l.borrowed_on)) AS avg_days
FROM loans l
JOIN branches b ON b.id = l.branch_id
WHERE l.borrowed_on >= date('now', '-90 days')
GROUP BY b.branch_name
HAVING COUNT(l.loan_id) > 50
ORDER BY avg_days DESC;'''),
    ("SQL", '''SELECT customer_id, order_id, amount,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY created_at) AS running_total,
       RANK() OVER (PARTITION BY customer_id ORDER BY amount DESC) AS rnk
FROM orders;'''),
    ("Bash", '''for f in *.png; do
  convert "$f" -resize 50% "thumbs/${f%.png}_small.png"
done'''),
    ("Ruby", '''class Invoice
  attr_reader :lines

  def initialize
    @lines = []
  end

  def add(desc, qty, price)
    @lines << { desc: desc, qty: qty, price: price }
    self
  end

  def total
    @lines.sum { |l| l[:qty] * l[:price] }
  end
end'''),
    ("PHP", '''function slugify(string $text): string {
    $text = strtolower(trim($text));
    $text = preg_replace('/[^a-z0-9]+/', '-', $text);
    return trim($text, '-');
}'''),
    ("Kotlin", '''fun <T> List<T>.chunkedBy(predicate: (T) -> Boolean): List<List<T>> =
    fold(mutableListOf(mutableListOf<T>())) { acc, item ->
        if (predicate(item) && acc.last().isNotEmpty()) acc.add(mutableListOf())
        acc.last().add(item)
        acc
    }'''),
    ("C", '''int count_bits(unsigned int x) {
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}'''),
)
ONE_LINERS = (
    'find . -name "*.log" -size +100M -exec gzip {} \\;',
    "awk -F, 'NR>1 {s[$2]+=$4} END {for (k in s) print k, s[k]}' sales.csv | sort -k2 -nr",
    'grep -rIl "TODO" src/ | xargs wc -l | tail -1',
    "git log --since='2 weeks ago' --pretty=format:'%an' | sort | uniq -c | sort -rn",
    "docker ps -q --filter status=exited | xargs -r docker rm",
    "[x for row in grid for x in row if x % 2 == 0]",
    "const unique = [...new Set(items.map(i => i.id))];",
)
REGEXES_MINE = (
    r"^[\w.+-]+@[\w-]+\.[\w.]+$", r"\b\d{3}-\d{3}-\d{4}\b", r"^(?:\d{1,3}\.){3}\d{1,3}$",
    r"(?<=\$)\d+(?:\.\d{2})?", r"^#?([a-fA-F0-9]{6}|[a-fA-F0-9]{3})$", r"\s{2,}", r"^(?!.*\s)(?=.*[!@#$%]).{8,}$",
)


def _snippet(c: _Ctx) -> str:
    lang, code = c.r.choice(CODE_SNIPPETS)
    c.vals["code_lang"] = lang
    return code


def _py_snippet(c: _Ctx) -> str:
    return c.r.choice([code for lang, code in CODE_SNIPPETS if lang == "Python"])


_slots(
    snippet=_snippet,
    code_lang=lambda c: (c.get("snippet"), c.vals["code_lang"])[1],
    py_snippet=_py_snippet,
    one_liner=_raw(*ONE_LINERS),
    regex=_raw(*REGEXES_MINE),
    diff=_raw(
        "--- a/cart.py\n+++ b/cart.py\n@@ -12,7 +12,9 @@ def apply_discount(cart, code):\n"
        "-    if code in DISCOUNTS:\n-        cart.total *= 1 - DISCOUNTS[code]\n"
        "+    pct = DISCOUNTS.get(code.upper())\n+    if pct is None:\n+        raise ValueError(f\"unknown code {code}\")\n"
        "+    cart.total = round(cart.total * (1 - pct), 2)\n     return cart",
        "--- a/server.js\n+++ b/server.js\n@@ -3,6 +3,7 @@\n app.use(express.json());\n"
        "+app.use(cors({ origin: '*' }));\n app.get('/users/:id', async (req, res) => {\n"
        "-  const user = await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);\n"
        "+  const user = await db.query('SELECT * FROM users WHERE id = $1', [req.params.id]);\n   res.json(user);",
        "--- a/worker.go\n+++ b/worker.go\n@@ -20,8 +20,10 @@ func (w *Worker) Run(ctx context.Context) {\n"
        " \tfor {\n-\t\tjob := <-w.jobs\n-\t\tw.handle(job)\n+\t\tselect {\n+\t\tcase <-ctx.Done():\n+\t\t\treturn\n"
        "+\t\tcase job := <-w.jobs:\n+\t\t\tgo w.handle(job)\n+\t\t}\n \t}\n }",
        "--- a/models.py\n+++ b/models.py\n@@ -40,6 +40,12 @@ class Account(Base):\n     email = Column(String, unique=True)\n"
        "+    password = Column(String)\n+\n+    def check_password(self, raw):\n+        return self.password == raw\n",
        "--- a/utils/dates.ts\n+++ b/utils/dates.ts\n@@ -1,5 +1,7 @@\n-export const daysBetween = (a: Date, b: Date) =>\n"
        "-  Math.round((b.getTime() - a.getTime()) / 86400000);\n+export function daysBetween(a: Date, b: Date): number {\n"
        "+  const ms = Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) - Date.UTC(a.getFullYear(), a.getMonth(), a.getDate());\n"
        "+  return Math.floor(ms / 86_400_000);\n+}",
    ),
)


# ======================================================================================
# code_explanation: explain, review or document given code
# ======================================================================================

_api("code_explanation", "explain-beginner",
     "Onboarding helper for junior developers: describe the purpose of the code first, then go through it block "
     "by block in plain words.",
     ("```\n{snippet}\n```", "{snippet}"))
_api("code_explanation", "pr-review",
     "You are reviewing a pull request. Comment on correctness, security, readability and missing tests. "
     "Be specific and reference lines from the diff.",
     ("{diff}", "PR #{card4} by {username}\n\n{diff}", "Please review this change:\n\n{diff}"))
_api("code_explanation", "docstring",
     "Generate API documentation for the function in the message (docstring, JSDoc, GoDoc or rustdoc as fits the "
     "language), covering parameters, return value and errors. Only the doc block.",
     "{snippet}")
_api("code_explanation", "complexity",
     "Analyse the time and space complexity of the code in Big-O notation and explain the dominant cost.",
     ("{snippet}", "```{code_lang}\n{snippet}\n```"))
_api("code_explanation", "line-comments",
     "Annotate the code: return it unchanged except for a short comment above each non-trivial line explaining what it does.",
     "{snippet}")
_api("code_explanation", "security-review",
     "You are an application security reviewer. Identify vulnerabilities or risky patterns in the snippet "
     "and rate each as low, medium or high. Do not rewrite the code.",
     ("{diff}", "{snippet}"))
_api("code_explanation", "readme-section",
     "Write a README 'How it works' section describing the given code for other maintainers. Markdown, under 200 words.",
     "{snippet}")
_inline("code_explanation", "what-does-it-do",
        ("Explain what this {code_lang} code does:\n\n{snippet}",
         "Describe the behaviour of the following function, including edge cases:\n```\n{snippet}\n```",
         "Give a high-level explanation of this snippet.\n{snippet}"))
_chat("code_explanation", "what-is-this",
      ("what is this code doing?\n\n{snippet}",
       "Can someone explain this code to me like I'm new to {code_lang}?\n```\n{snippet}\n```",
       "I inherited this from a colleague who left. What is it doing?\n\n{snippet}",
       "why would someone write it like this?\n{snippet}"))
_chat("code_explanation", "regex",
      ("Break this regular expression down for me, token by token: {regex}",
       "what does {regex} match?",
       "I found this regular expression in our validation code and have no idea what it accepts: {regex}"))
_chat("code_explanation", "one-liner",
      ("explain this command: {one_liner}",
       "What does this one-liner do exactly? `{one_liner}`",
       "Break down this line for me: {one_liner}"))
_chat("code_explanation", "default-arg-surprise",
      ("Why does this function keep remembering tags from previous calls?\n\n" + CODE_SNIPPETS[5][1],
       "Is there anything wrong with this Python? It passes my tests but a colleague frowned at it.\n\n{py_snippet}"))
_chat("code_explanation", "sql-walkthrough",
      ("Step me through this query clause by clause?\n\n{sql_snippet}",
       "what is this SQL actually calculating?\n{sql_snippet}"))

_slots(sql_snippet=lambda c: c.r.choice([code for lang, code in CODE_SNIPPETS if lang == "SQL"]))


# ======================================================================================
# code_generation: write, fix or refactor code
# ======================================================================================

CODE_TASKS = (
    "parses a duration string like '2h15m' or '45s' into a number of seconds",
    "returns the n most common words in a text file, ignoring case and punctuation",
    "removes duplicates from a list while keeping the original order",
    "converts Roman numerals to integers",
    "checks whether two strings are anagrams of each other",
    "computes a moving average over a sliding window",
    "fetches every page of an API that returns a next_cursor field",
    "flattens a nested dictionary using dot-separated keys",
    "finds the longest common prefix of a list of strings",
    "generates a random password with at least one digit, one uppercase letter and one symbol",
    "counts the business days between two dates, skipping a list of holidays",
    "throttles a function so it runs at most once per second",
    "validates a credit card number with the Luhn algorithm",
    "reads a large file line by line and reports lines longer than 120 characters",
    "converts a snake_case string to camelCase",
    "merges two sorted lists into one sorted list",
)
LANGS_CODE = ("Python", "Python", "TypeScript", "JavaScript", "Go", "Rust", "Java", "C#", "Kotlin", "Ruby", "Swift")
SCHEMAS = (
    "members(id, name, joined_at, branch_id), branches(id, city), loans(id, member_id, book_id, borrowed_on, returned_on), books(id, title, genre)",
    "users(id, email, created_at, country), subscriptions(id, user_id, plan, started_at, ended_at), payments(id, subscription_id, amount, paid_at)",
    "patients(id, name, dob), appointments(id, patient_id, doctor_id, starts_at, status), doctors(id, name, specialty)",
    "products(id, name, category, price), order_items(order_id, product_id, qty), orders(id, customer_id, placed_at, status)",
)
SQL_ASKS = (
    "the five members with the most overdue loans right now",
    "revenue by plan and month over the past year",
    "the no-show rate per doctor last quarter",
    "the best-selling product in each category this year",
    "users who signed up in {month} but never paid",
    "the average time between a customer's first and second order",
)
TRACES = (
    'Traceback (most recent call last):\n  File "app/report.py", line 57, in build_rows\n    ratio = done / total\nZeroDivisionError: division by zero',
    'Traceback (most recent call last):\n  File "parser.py", line 22, in parse_header\n    key, value = line.split(":")\nValueError: too many values to unpack (expected 2)',
    "Uncaught TypeError: items.filter is not a function\n    at renderList (list.js:14:22)\n    at App (App.js:31:5)",
    'Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.example.Greeter.greet(Greeter.java:12)',
    "error[E0502]: cannot borrow `v` as mutable because it is also borrowed as immutable\n --> src/main.rs:8:5\n  |\n7 |     let first = &v[0];\n  |                  - immutable borrow occurs here\n8 |     v.push(4);\n  |     ^^^^^^^^^ mutable borrow occurs here",
    "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\nmain.main()\n\t/tmp/main.go:9 +0x37",
    'Traceback (most recent call last):\n  File "sync.py", line 88, in <module>\n    main()\n  File "sync.py", line 80, in main\n    for row in rows:\nTypeError: \'NoneType\' object is not iterable',
    "RecursionError: maximum recursion depth exceeded while calling a Python object",
)
SCRIPT_TASKS = (
    "backs up my Documents folder to an external drive every night and keeps the last 7 copies",
    "renames photos to their EXIF date, like 2024-05-01_1432.jpg",
    "reports which URLs in a text file return something other than 200",
    "finds the ten biggest files under a directory",
    "converts every .docx in a folder to PDF",
    "watches a folder and uploads new files to S3",
    "rotates the nginx access logs weekly and compresses the old ones",
    "pulls the latest changes in every git repository under ~/code",
    "exports all tables of a SQLite database to separate CSV files",
    "resizes every image in a folder to a maximum width of 1600 pixels",
    "alerts me by email when disk usage goes above 90%",
    "deletes Docker images that haven't been used for 30 days",
)
COMPONENTS = (
    "a React component that shows a paginated table of users with a search box",
    "a Vue component for a star rating input",
    "a SwiftUI view with a list of tasks that can be ticked off",
    "an HTML/CSS pricing card with three tiers, responsive",
    "a Flutter screen with a login form and validation",
)

_slots(
    code_task=_of(CODE_TASKS),
    code_lang2=_raw(*LANGS_CODE),
    schema=_raw(*SCHEMAS),
    sql_ask=_of(SQL_ASKS),
    trace=_raw(*TRACES),
    script_task=_of(SCRIPT_TASKS),
    component=_of(COMPONENTS),
    target_lang=lambda c: c.r.choice([x for x in ("Go", "Rust", "TypeScript", "Java", "Python", "Kotlin") if x != c.get("code_lang")]),
)

_api("code_generation", "function",
     "You are a senior software engineer. Write clean, idiomatic, well-tested code. Reply with one code block, "
     "then up to three lines of notes.",
     ("Function request ({code_lang2}): one that {code_task}.", "Language: {code_lang2}\nTask: a function that {code_task}"))
_api("code_generation", "sql-schema",
     "Text-to-SQL for the reporting replica. Schema: {schema}. Produce a single query (SQLite dialect) inside a "
     "sql code block; prefer CTEs over nested subqueries.",
     ("{sql_ask}", "Query for {sql_ask}."))
_api("code_generation", "fix-from-trace",
     "Debugging assistant: find what triggers the error below, state the root cause briefly, and show a patch.",
     ("{trace}", "Error:\n{trace}\n\nIt happens in the nightly job since this morning.",
      "Stack trace from CI:\n{trace}"))
_api("code_generation", "unit-tests",
     "Produce a test suite for the code in the message, in its language's usual test framework, covering normal "
     "cases, boundaries and failures. Code only.",
     "{snippet}")
_api("code_generation", "refactor",
     "Refactor the code for readability and performance without changing behaviour. Return the new version "
     "and a bullet list of changes.",
     "{snippet}")
_api("code_generation", "port-language",
     "Translate source code between programming languages, keeping behaviour identical and using idiomatic "
     "constructs of the target language.",
     "Target language: {target_lang}\n\n{snippet}")
_api("code_generation", "shell-script",
     "You write portable, safe shell scripts (set -euo pipefail, quoted variables, helpful usage message).",
     "Script that {script_task}.")
_api("code_generation", "ui-component",
     "You are a front-end engineer. Produce production-ready UI code with accessibility in mind. Code only.",
     ("Build {component}.", "{component}"))
_api("code_generation", "complete-body",
     "Complete the function body. Keep the signature exactly as given and return only the completed function.",
     ("def business_days(start: date, end: date, holidays: set[date]) -> int:\n    \"\"\"Count weekdays in [start, end) that are not holidays.\"\"\"\n",
      "function luhnValid(cardNumber: string): boolean {\n  // TODO\n}",
      "func Dedupe[T comparable](items []T) []T {\n\t// keep first occurrence, preserve order\n}",
      "public static Map<String, Long> wordFrequencies(Path file) throws IOException {\n    // your code here\n}",
      "def parse_duration(text: str) -> int:\n    \"\"\"Parse '1h30m', '45s' or '2h' into seconds.\"\"\"\n",
      "fn median(values: &mut [f64]) -> Option<f64> {\n    todo!()\n}",
      "export function chunk<T>(items: T[], size: number): T[][] {\n  // split into arrays of length `size`\n}",
      "def is_valid_isbn13(code: str) -> bool:\n    ...",
      "func ReverseWords(s string) string {\n\t// reverse the order of words, keep single spaces\n}"))
_api("code_generation", "devops-config",
     "You write CI/CD and container configuration. Output only the file content in a code block.",
     ("Dockerfile for a {code_lang2} web service, multi-stage build, non-root user.",
      "CI pipeline (GitHub Actions) that lints and tests every pull request for a {code_lang2} project.",
      "docker-compose.yml with a web app, Postgres 16 and Redis, with a healthcheck for the database."))
_inline("code_generation", "write-function",
        ("In {code_lang2}, implement something that {code_task}.",
         "Implement in {code_lang2}: a function that {code_task}. Include a couple of tests.",
         "I need {code_lang2} code that {code_task}. Please keep it dependency-free."))
_inline("code_generation", "regex-gen",
        ("Write a regular expression that matches {regex_target}.",
         "Give me a regex for {regex_target}, with a short test in Python."))
_chat("code_generation", "fix-my-error",
      ("CI is red with this, what's the fix?\n\n{trace}",
       "My code crashes with this, can you fix it?\n{trace}",
       "help!! {trace}"))
_chat("code_generation", "script-please",
      ("can you write me a script that {script_task}?",
       "I'm on a Mac, need a shell script that {script_task}",
       "Write a Python script that {script_task}."))
_chat("code_generation", "make-it-faster",
      ("This is too slow on big inputs, can you rewrite it?\n\n{snippet}",
       "please refactor this, it's ugly:\n{snippet}",
       "Add type hints and error handling to this:\n{py_snippet}"))
_chat("code_generation", "sql-please",
      ("I have tables {schema}. How do I get {sql_ask}? Write the SQL.",
       "write a query: {sql_ask}. tables are {schema}"))
_chat("code_generation", "build-me",
      ("how do I build {component}? show me the code",
       "Can you code {component}?"))

_slots(regex_target=_raw(
    "UK postcodes like 'SW1A 1AA'", "hex colour codes like #fff or #a1b2c3", "dates in the format DD/MM/YYYY",
    "semantic version numbers like 1.4.0-beta.2", "hashtags in a tweet", "US ZIP codes with the optional +4 part",
))


# ======================================================================================
# data_analysis: read tables, metrics or logs and draw conclusions
# ======================================================================================


def _sales_table(c: _Ctx) -> str:
    prods = c.r.sample(PRODUCTS, 4)
    months = MONTHS[c.r.randint(0, 5):][:6]
    rows = ["| product | " + " | ".join(m[:3] for m in months) + " |", "|---" * (len(months) + 1) + "|"]
    for p in prods:
        v = c.r.uniform(50, 900)
        vals = []
        for _ in months:
            v *= c.r.uniform(0.8, 1.25)
            vals.append(f"{v:.0f}")
        rows.append(f"| {p} | " + " | ".join(vals) + " |")
    return "\n".join(rows) + "\n(units sold)"


def _funnel(c: _Ctx) -> str:
    n = c.r.randint(20000, 120000)
    steps = ("landing", "product_view", "add_to_cart", "checkout_start", "payment", "order_confirmed")
    rows = ["step,desktop,mobile"]
    d, m = n, int(n * c.r.uniform(1.1, 2.0))
    for s in steps:
        rows.append(f"{s},{d},{m}")
        d = int(d * c.r.uniform(0.35, 0.8))
        m = int(m * c.r.uniform(0.25, 0.75))
    return "\n".join(rows)


def _cohort(c: _Ctx) -> str:
    rows = ["cohort   M0    M1    M2    M3    M4"]
    start = c.r.randrange(12)
    for i in range(5):
        mth = MONTHS[(start + i) % 12]
        r = 100.0
        vals = []
        for _ in range(5 - i):
            vals.append(f"{r:>4.0f}%")
            r *= c.r.uniform(0.5, 0.9)
        rows.append(f"{mth[:3]:<8} " + " ".join(vals))
    return "\n".join(rows)


def _tickets_by_cat(c: _Ctx) -> str:
    cats = ("login", "billing", "bug", "how-to", "feature req", "shipping")
    rows = ["week  " + "  ".join(f"{x:>11}" for x in cats)]
    for w in range(c.r.randint(14, 30), c.r.randint(31, 36)):
        rows.append(f"W{w:<4} " + "  ".join(f"{c.r.randint(5, 400):>11}" for _ in cats))
    return "\n".join(rows)


def _budget(c: _Ctx) -> str:
    lines = ["category,budget,actual"]
    for cat in ("Salaries", "Software", "Travel", "Marketing", "Office", "Training", "Contractors"):
        b = c.r.randint(5, 400) * 1000
        lines.append(f"{cat},{b},{int(b * c.r.uniform(0.6, 1.5))}")
    return "\n".join(lines)


def _channels(c: _Ctx) -> str:
    lines = ["channel | spend | signups | paying | revenue_90d"]
    for ch in ("Paid search", "Social ads", "Podcasts", "Referral", "Newsletter sponsorship", "Organic"):
        spend = 0 if ch in ("Organic", "Referral") else c.r.randint(2, 60) * 1000
        s = c.r.randint(100, 5000)
        p = int(s * c.r.uniform(0.02, 0.3))
        lines.append(f"{ch} | {spend} | {s} | {p} | {int(p * c.r.uniform(30, 300))}")
    return "\n".join(lines)


def _latency_log(c: _Ctx) -> str:
    base = c.r.randint(80, 200)
    spike_at = c.r.randint(4, 9)
    out = []
    for i in range(12):
        p99 = base * (c.r.uniform(4, 9) if i >= spike_at else c.r.uniform(0.9, 1.2))
        err = c.r.uniform(2, 9) if i >= spike_at + 1 else c.r.uniform(0, 0.4)
        out.append(f"14:{i * 5:02d}  p50={int(base * 0.4)}ms  p99={int(p99)}ms  5xx={err:.2f}%  rps={c.r.randint(800, 1300)}")
    return "\n".join(out)


def _grades(c: _Ctx) -> str:
    lines = ["class,students,mean,median,fail_rate"]
    for cl in ("7A", "7B", "7C", "8A", "8B"):
        m = c.r.uniform(48, 82)
        lines.append(f"{cl},{c.r.randint(22, 31)},{m:.1f},{m + c.r.uniform(-5, 5):.1f},{c.r.uniform(2, 30):.0f}%")
    return "\n".join(lines)


def _delivery(c: _Ctx) -> str:
    lines = ["warehouse   orders  on_time  avg_days  damaged"]
    for w in ("North", "South", "East", "West", "Central"):
        o = c.r.randint(800, 9000)
        lines.append(f"{w:<11} {o:>6}  {c.r.uniform(70, 99):>6.1f}%  {c.r.uniform(1.2, 5.5):>8.1f}  {c.r.randint(0, 90):>7}")
    return "\n".join(lines)


def _ratings(c: _Ctx) -> str:
    lines = ["version  released    avg_rating  reviews  crash_free_sessions"]
    for i, v in enumerate(("5.0", "5.1", "5.2", "5.3", "6.0")):
        lines.append(f"{v:<8} 2026-0{i + 2}-1{i}  {c.r.uniform(3.1, 4.8):>10.1f}  {c.r.randint(80, 2500):>7}  {c.r.uniform(96, 99.9):>18.2f}%")
    return "\n".join(lines)


_slots(
    sales_table=_sales_table, funnel=_funnel, cohort=_cohort, tickets_by_cat=_tickets_by_cat, budget=_budget,
    channels=_channels, latency_log=_latency_log, grades=_grades, delivery=_delivery, ratings=_ratings,
    any_table=lambda c: c.r.choice((_sales_table, _funnel, _budget, _channels, _delivery, _grades))(c),
)

_api("data_analysis", "sales-insights",
     "You are a retail analyst. From the sales table, identify the main trends, the best and worst performers "
     "and anything unusual. Support every point with numbers.",
     "{sales_table}")
_api("data_analysis", "funnel",
     "Analyse the conversion funnel. Compute step-to-step conversion per device, find the biggest drop-off and "
     "suggest where to investigate first.",
     "{funnel}")
_api("data_analysis", "cohort-retention",
     "Interpret the retention cohort table: how retention evolves, whether newer cohorts do better or worse, and "
     "what that might mean for the business.",
     "{cohort}")
_api("data_analysis", "ticket-trends",
     "You analyse support ticket volumes. Describe weekly trends per category, flag spikes and propose likely "
     "causes to check.",
     "{tickets_by_cat}")
_api("data_analysis", "budget-variance",
     "Compare budget and actual spend per category. Report the variances in absolute and percentage terms, "
     "highlight the three largest overruns and write a two-sentence conclusion for the CFO.",
     "{budget}")
_api("data_analysis", "marketing-channels",
     "Evaluate marketing channel performance: cost per signup, cost per paying customer, 90-day ROAS. Recommend "
     "where to shift budget.",
     "{channels}")
_api("data_analysis", "latency-anomaly",
     "You are an SRE assistant. Look at the five-minute metrics and determine when the incident started, "
     "which signal moved first and what that suggests about the cause.",
     "{latency_log}")
_api("data_analysis", "grades",
     "Analyse end-of-term results per class for the head of year. Point out differences between classes and "
     "which groups may need support.",
     "{grades}")
_api("data_analysis", "warehouse-kpis",
     "Review warehouse delivery KPIs and rank the sites. Explain which metrics drive the ranking and which "
     "site is an outlier.",
     "{delivery}")
_api("data_analysis", "release-quality",
     "Look at app ratings and stability by release. Is there a relationship between crash-free sessions and "
     "ratings? Which release was a regression?",
     "{ratings}")
_inline("data_analysis", "analyze-table",
        ("Analyze this data and give me the three most important insights:\n\n{any_table}",
         "Describe the patterns in the following table. Be quantitative.\n{any_table}",
         "Here are our numbers. What stands out, and what would you dig into next?\n\n{any_table}"))
_chat("data_analysis", "what-trends",
      ("sales numbers below. anything worrying?\n{sales_table}",
       "Which product is underperforming here and why do you think so?\n\n{sales_table}",
       "can you look at these numbers and tell me if the new checkout helped?\n{funnel}"))
_chat("data_analysis", "when-did-it-break",
      ("These are the metrics from this afternoon. When did things go wrong and what broke first?\n\n{latency_log}",
       "can you read these numbers and tell me what happened at 14:xx?\n{latency_log}"))
_chat("data_analysis", "is-this-good",
      ("Is our retention good or bad? Here's the cohort table:\n{cohort}",
       "We're spending a lot on podcasts. Based on this, is it worth it?\n\n{channels}",
       "Where are we overspending?\n{budget}"))
_chat("data_analysis", "spot-spikes",
      ("Our support team feels swamped. Does the data back that up?\n\n{tickets_by_cat}",
       "which weeks had unusual ticket volume?\n{tickets_by_cat}"))


# ======================================================================================
# brainstorming: lists of ideas, names, options
# ======================================================================================

_slots(
    business=_raw("a small bakery that only sells sourdough", "a dog-walking app", "a bike repair van",
                  "a second-hand children's clothing shop", "a climbing gym for beginners", "a vegan food truck",
                  "a bookkeeping service for freelancers", "a plant-sitting service", "a board-game café"),
    gift_for=_raw("my dad who has everything and likes fishing", "a colleague who is retiring after 30 years",
                  "a 10-year-old who loves space", "my partner, we've been together 5 years",
                  "a friend who just moved into her first flat", "my grandmother who is 90"),
    budget_small=_raw("under 30 euros", "around $50", "under £100", "flexible", "about 20 dollars"),
    event=_raw("a volunteer day for our staff", "a school fundraiser", "a neighbourhood street party", "a product launch party",
               "a charity run", "a company's 25th anniversary", "a book club's first meeting"),
    topic_blog=_raw("personal finance for students", "learning a language as an adult", "zero-waste cooking",
                    "remote work with kids at home", "beginner trail running", "home coffee brewing",
                    "moving to a new country", "indie game development"),
    problem=_raw("reduce meeting overload in our team", "get more people to use the staff canteen",
                 "cut our cloud bill without hurting performance", "make onboarding less overwhelming for new hires",
                 "get customers to leave more reviews", "reduce food waste in our restaurant",
                 "keep volunteers engaged over the winter", "make our weekly all-hands less boring",
                 "encourage staff to cycle to work", "attract younger members to our choir",
                 "raise money for a new playground", "make our open-source project friendlier to first-time contributors",
                 "reduce no-shows at our free workshops"),
    product_idea_for=_raw("people who work night shifts", "first-time parents", "students sharing a flat",
                          "older people living alone", "amateur football teams", "small landlords"),
)

_api("brainstorming", "business-names",
     "You are a naming consultant. Generate a numbered list of name ideas with a one-line rationale for each. "
     "Avoid existing famous brands.",
     ("{n} name ideas for {business}.", "Business: {business}\nNumber of names: {n}"))
_api("brainstorming", "gift-ideas",
     "Suggest thoughtful gift ideas as a bulleted list. Include a rough price for each idea.",
     "Gift for {gift_for}, budget {budget_small}.")
_api("brainstorming", "blog-topics",
     "You help content marketers plan editorial calendars. Give a list of article ideas with working titles.",
     "Plan {n} articles on {topic_blog} for next quarter.")
_api("brainstorming", "event-activities",
     "Event planning assistant. Suggest a varied list of activity ideas, grouped by indoor and outdoor.",
     ("Activities for {event} with about {n_people} people.", "Ideas for {event} in {city}."))
_api("brainstorming", "problem-solutions",
     "You facilitate brainstorming sessions. Produce many diverse ideas, from quick wins to bold bets. Don't "
     "evaluate them yet.",
     "How might we {problem}?")
_api("brainstorming", "feature-ideas",
     "Generate jobs-to-be-done for the audience described and a feature concept for each one.",
     "Audience: {product_idea_for}\nProduct: {app}")
_api("brainstorming", "interview-questions",
     "Suggest interview questions for hiring managers. Return a list grouped by competency.",
     "Role: {role}. Give me {n} questions.")
_api("brainstorming", "talk-titles",
     "Suggest catchy conference talk titles and a one-sentence abstract for each.",
     "Topic: {topic_blog}. Audience: beginners. {n} options.")
_inline("brainstorming", "list-ideas",
        ("Give me {n} ideas for {event}.",
         "List {n} creative ways to {problem}.",
         "Brainstorm {n} possible names for {business}."))
_inline("brainstorming", "research-questions",
        ("Suggest {n} questions to ask in user interviews for {app}.",
         "What are some survey questions we could use to find out why customers leave {company}? List {n}."))
_chat("brainstorming", "weekend",
      ("what can I do this weekend in {city}? we like food and walking",
       "Ideas for a rainy Sunday with two kids under 8?",
       "I'm bored, give me some hobby ideas I can do at home"))
_chat("brainstorming", "gift",
      ("Gift ideas for {gift_for}?", "what should I get {gift_for}? budget is {budget_small}"))
_chat("brainstorming", "side-project",
      ("I want to learn {code_lang2} by building something. Any project ideas?",
       "give me some side project ideas I could finish in a weekend",
       "What are some small business ideas I could start with little money?"))
_chat("brainstorming", "party-theme",
      ("Help me come up with themes for my daughter's 7th birthday party",
       "we need a theme for our office Christmas party, something not cringe. suggestions?",
       "any fun ideas for {event}?"))
_chat("brainstorming", "how-might-we",
      ("How could we {problem}? Throw some ideas at me.",
       "brainstorm with me: we want to {problem}",
       "What are some options to {problem}?"))


# ======================================================================================
# open_qa: open-ended knowledge, advice, how-to (no given context)
# ======================================================================================

HOWTO = (
    "How do I get rid of fruit flies in my kitchen?", "How do I start running if I've never done it before?",
    "How can I improve my credit score?", "How do I clean a cast-iron pan without ruining it?",
    "How do you prepare for a job interview at a startup?", "How do I make my houseplants stop dying?",
    "How can I learn to touch type faster?", "How should I store fresh herbs?",
    "How do I negotiate rent with a landlord?", "How do I give a good toast at a wedding?",
    "How can I stop procrastinating on big projects?", "How do I change a bike tyre?",
    "How do I set up a budget when my income varies every month?", "How do I get better at public speaking?",
)
WHY = (
    "Why do cats knead blankets?", "Why is the sea salty but rivers aren't?", "Why do we get jet lag?",
    "Why does bread go stale faster in the fridge?", "Why did the Roman Empire fall?",
    "Why do some people need more sleep than others?", "Why is inflation bad for savers?",
    "Why do airplanes leave white trails in the sky?", "Why do leaves change colour in autumn?",
    "Why is it harder to learn languages as an adult?", "Why do we yawn?",
)
CONCEPTS = (
    "What's the difference between a process and a thread?", "Explain how vaccines train the immune system.",
    "What is the difference between weather and climate?", "Can you explain what an index fund is?",
    "What is a blockchain, in simple terms?", "What's the difference between empathy and sympathy?",
    "Explain what a recession is.", "What does a database index actually do?",
    "What is the placebo effect and how strong is it?", "How does GPS know where I am?",
    "What's the difference between a virus and a bacterium?", "What is opportunity cost?",
    "How do noise-cancelling headphones work?", "What is the difference between HTTP and HTTPS?",
)
COMPARE = (
    "Is it better to rent or buy a home in your thirties?", "Should I learn Python or JavaScript first?",
    "What are the pros and cons of electric cars?", "Is it worth doing a master's degree?",
    "Are open-plan offices bad for productivity?", "Should a small team use microservices or a monolith?",
    "Coffee or tea, which is healthier?", "What are the arguments for and against a four-day work week?",
    "Is nuclear power a good answer to climate change?", "Should children learn to code at primary school?",
    "Are e-readers better than paper books?", "Is it better to pay off debt or invest?",
    "Should cities ban cars from their centres?", "Is homeschooling better or worse than regular school?",
)
ADVICE = (
    "My coworker takes credit for my work. What should I do?", "How do I tell my friend I can't lend her money again?",
    "What should I look for when choosing a daycare?", "I'm moving to {city} for work. What should I know before I go?",
    "How can I make friends in a new city as an adult?", "What's a good way to ask for a raise?",
    "How do I deal with a noisy upstairs neighbour politely?", "I want to switch careers and become a {role}. Where do I start?",
)
HISTORY = (
    "What caused the First World War?", "Who were the Vikings and where did they travel?",
    "How did the printing press change Europe?", "What was the Silk Road?", "Why was the Berlin Wall built?",
    "What was life like in medieval cities?",
)

_slots(
    howto=_of(HOWTO), why=_of(WHY), concept=_of(CONCEPTS), compare=_of(COMPARE), advice=_of(ADVICE),
    history=_of(HISTORY),
    any_open=_of(HOWTO + WHY + CONCEPTS + COMPARE + ADVICE + HISTORY),
    subject=_raw("biology", "economics", "world history", "physics", "chemistry", "geography", "statistics"),
)

_api("open_qa", "knowledge-assistant",
     "You are a knowledgeable assistant for curious people. Give clear, accurate explanations with an example "
     "where useful, and mention when something is debated.",
     "{any_open}")
_api("open_qa", "tutor",
     "You are a patient tutor for secondary-school students studying {subject}. Explain concepts step by step "
     "using everyday analogies. Do not just give answers to homework; help them understand.",
     ("{concept}", "{why}", "{history}"))
_api("open_qa", "howto-guide",
     "You write practical how-to answers: a short intro, numbered steps, and common mistakes to avoid.",
     "{howto}")
_api("open_qa", "eli5",
     "Explain like I'm five. Use simple words and a comparison to everyday life. Maximum 120 words.",
     ("{concept}", "{why}"))
_api("open_qa", "balanced-view",
     "Answer with a balanced view: main arguments on each side, what evidence says, and what depends on "
     "personal circumstances.",
     "{compare}")
_api("open_qa", "life-advice",
     "You are a thoughtful advisor. Give practical, kind advice. Ask no follow-up questions; offer options instead.",
     "{advice}")
_api("open_qa", "workplace-help",
     "HR helpdesk bot for {company}: give general guidance on work and career questions; for anything that "
     "depends on our own rules, point people to the People team.",
     ("{advice}", "{howto}"))
_inline("open_qa", "explain",
        ("Explain: {concept}", "Answer the following question in a few paragraphs. {why}",
         "Question: {history}\nPlease give a clear, well-structured answer."))
_chat("open_qa", "how-to",
      ("{howto}", "{howto} any tips?", "Quick question - {howto}"))
_chat("open_qa", "why",
      ("{why}", "{why} I've always wondered", "ok random question: {why}"))
_chat("open_qa", "concept",
      ("{concept}", "{concept} Keep it simple please.", "Could you explain something for me? {concept}"))
_chat("open_qa", "compare",
      ("{compare}", "{compare} What do you think?", "genuinely curious: {compare}"))
_chat("open_qa", "advice",
      ("{advice}", "Need some advice. {advice}"))
_chat("open_qa", "history",
      ("{history}", "{history} I'm reading a novel set then and want some background."))


# ======================================================================================
# reasoning: multi-step math, logic, planning
# ======================================================================================


def _word_problem_r(c: _Ctx) -> str:
    k = c.r.randrange(8)
    if k == 0:
        a, b = c.r.randint(3, 9), c.r.randint(4, 12)
        return (f"A tap fills a tank in {a} hours and a drain empties it in {b + a} hours. If both are open, how long "
                "does it take to fill the empty tank?")
    if k == 1:
        p = c.r.randint(20, 60)
        return (f"A shop raises a price by {p}% and then cuts the new price by {p}%. Is the final price higher or "
                "lower than the original, and by what percentage?")
    if k == 2:
        x = c.r.randint(3, 8)
        return (f"A mother is {x} times as old as her daughter. In {(x - 2) * 5} years she will be twice as old as "
                "her daughter. How old are they now?")
    if k == 3:
        n = c.r.randint(5, 12)
        return f"How many different handshakes happen if {n} people at a meeting each shake hands with everyone else once? Explain."
    if k == 4:
        r1, r2 = c.r.randint(40, 70), c.r.randint(75, 110)
        return (f"A cyclist rides to {c.get('city')} at {r1 // 3} km/h and back along the same road at {r2 // 4} km/h. "
                "What is her average speed for the round trip?")
    if k == 5:
        red, blue = c.r.randint(2, 6), c.r.randint(2, 6)
        return (f"A bag has {red} red and {blue} blue marbles. Two are drawn without replacement. What is the "
                "probability that both are the same colour?")
    if k == 6:
        w = c.r.randint(3, 7)
        return (f"{w} painters can paint {w} rooms in {w} hours. How many rooms can {w * 2} painters paint in "
                f"{w * 3} hours?")
    amt = c.r.randint(2, 20) * 1000
    return (f"You invest {amt} at 5% interest compounded yearly, and add 1,000 at the end of each year. How much "
            "do you have after 3 years? Show the calculation for each year.")


LOGIC_PUZZLES = (
    "On an island, knights always tell the truth and knaves always lie. A says: 'B is a knave.' B says: 'A and I "
    "are the same type.' What are A and B?",
    "Five friends sit in a row. {first} is not at either end. {first2} sits directly right of {first3}. Ola sits "
    "at the left end. Ben is next to Ola. Work out one valid seating order, or show it is impossible.",
    "You have two ropes that each take exactly one hour to burn, unevenly. How do you measure 45 minutes?",
    "A clock shows 3:15. What is the exact angle between the hour hand and the minute hand? Explain.",
    "A farmer must cross a river with a wolf, a goat and a cabbage. The boat carries him and one item. The wolf "
    "can't be left with the goat, nor the goat with the cabbage. Give the sequence of crossings.",
    "If all bloops are razzies and some razzies are lazzies, does it follow that some bloops are lazzies? Explain.",
    "What is the next number in the sequence 2, 6, 12, 20, 30, ...? Explain the rule.",
    "There are 100 lockers, all closed. Student 1 opens every locker, student 2 toggles every 2nd, student 3 "
    "every 3rd, and so on up to student 100. Which lockers are open at the end?",
)
PLANNING = (
    "I have four tasks: laundry (2h, needs me for 15 min at start and end), baking bread (3h, 20 min of work "
    "then waiting), a 1-hour call at 14:00 and grocery shopping (1h). I start at 10:00. What's the earliest I can "
    "be done? Show the schedule.",
    "Plan a 3-day trip visiting {city}, {city2} and back home. Trains between the cities take 2h and 3h, only run "
    "before 18:00, and I want at least one full day in each city. Is it possible? Reason it through.",
    "Six teams play a round-robin tournament on one pitch, each game takes 40 minutes with 10-minute breaks. Can "
    "it finish between 9:00 and 17:00? Show the math.",
    "We need to assign 4 reviewers to 6 papers. Each paper needs 2 reviewers, nobody reviews more than 3 papers, "
    "and {first} can't review papers 2 and 5. Find an assignment.",
)
PROOFS = (
    "Prove that the sum of two odd numbers is always even.", "Prove that there are infinitely many prime numbers.",
    "Show that the square root of 2 is irrational.", "Prove that n^3 - n is divisible by 6 for every integer n.",
    "Prove by induction that 1 + 2 + ... + n = n(n+1)/2.",
    "Prove that any set of 13 people contains two born in the same month.",
    "Show that the product of any three consecutive integers is divisible by 6.",
    "Prove that a graph with n vertices and more than n-1 edges must contain a cycle.",
    "Prove that the angles of a triangle add up to 180 degrees.",
    "Show that 2^n > n^2 for all integers n >= 5.",
)

_slots(
    word_problem_r=_word_problem_r,
    logic=_of(LOGIC_PUZZLES),
    planning=_of(PLANNING),
    proof=_of(PROOFS),
)

_api("reasoning", "math-steps",
     "Maths helper. Show the working as numbered steps, verify the result, and finish with 'Final answer: ...'.",
     "{word_problem_r}")
_api("reasoning", "logic-puzzles",
     "You are an expert at logic puzzles. Lay out the constraints, reason carefully through the cases and state "
     "the solution clearly.",
     "{logic}")
_api("reasoning", "planner",
     "Scheduling and planning solver: check every constraint explicitly, then give a plan or show that none "
     "exists.",
     "{planning}")
_api("reasoning", "proofs",
     "You write rigorous but readable mathematical proofs for undergraduate students.",
     "{proof}")
_api("reasoning", "tutor-no-answer",
     "Math tutor mode: guide the student through the problem one step at a time and check their reasoning. "
     "Reveal the final answer only after the steps.",
     "{word_problem_r}")
_inline("reasoning", "step-by-step",
        ("Solve step by step: {word_problem_r}",
         "{word_problem_r} Think it through carefully and show your working.",
         "Let's think step by step. {logic}"))
_inline("reasoning", "verify",
        ("Is this reasoning correct? 'If it rains, the match is cancelled. The match was cancelled, so it rained.' "
         "Explain the logic.",
         "Check my answer: {word_problem_r} I got 42. Where did I go wrong, if anywhere?",
         "Does the conclusion follow? 'No reptiles have fur. Some pets have fur. So some pets are not reptiles.'"))
_chat("reasoning", "homework",
      ("my kid's homework: {word_problem_r} how do you solve it?",
       "Can you help me with this? {word_problem_r}",
       "{word_problem_r}"))
_chat("reasoning", "puzzle",
      ("{logic}", "Got this riddle from a friend: {logic}", "Brain teaser for you: {logic}"))
_chat("reasoning", "schedule",
      ("{planning}", "help me figure this out: {planning}"))
_chat("reasoning", "prove",
      ("{proof}", "How would you prove this? {proof}"))


# ======================================================================================
# research_synthesis: combine several sources into an analysis
# ======================================================================================

RESEARCH = {
    "the four-day work week": (
        "a national pilot with 60 companies reported stable revenue and lower sick leave after six months, but "
        "participation was voluntary and firms self-selected",
        "a survey of 1,200 managers found that a third struggled to cover customer-facing shifts under a compressed schedule",
        "a think-tank report argues productivity gains come mainly from cutting meetings rather than from the extra day off",
        "a follow-up study one year later found most pilot firms kept the policy, though several moved to nine-day fortnights",
        "an economist's blog post warns that results from knowledge-work firms may not carry over to manufacturing or care work",
    ),
    "e-scooter safety in cities": (
        "hospital data from three cities show injuries per trip falling as riders gain experience",
        "a police report links most serious crashes to riding on pavements and riding at night",
        "an operator-funded study claims helmet use doubled after in-app reminders, based on self-reported data",
        "a university observational study counted helmet use at 9% on rental scooters versus 60% among private owners",
        "a city council memo notes complaints dropped after parking zones were introduced",
    ),
    "screen time and teenagers' sleep": (
        "a cohort study of 4,000 teenagers associates more than 3 hours of evening screen use with 40 minutes less sleep",
        "a small lab experiment found blue-light filters had no measurable effect on sleep onset",
        "a parents' survey reports that phone bans in bedrooms were the most effective rule, but compliance was low",
        "a review of 20 studies concludes effects are real but small and often confounded by anxiety and school stress",
    ),
    "AI tutoring tools in classrooms": (
        "a randomised trial in 30 schools found modest gains in maths scores, concentrated among weaker students",
        "teacher interviews describe time saved on marking but concerns about students copying answers",
        "a vendor white paper reports 'up to 2x learning speed' without describing its method",
        "a district report notes unequal access because many students lack devices at home",
        "an education researcher argues benefits depend heavily on teacher training and how the tool is introduced",
    ),
    "plant-based diets and grocery spending": (
        "a supermarket loyalty-card analysis shows households that cut meat spent 8% less on groceries",
        "a consumer magazine price check found meat substitutes cost more per kilo than the meat they replace",
        "a nutrition study reports that diets built on beans, grains and vegetables are the cheapest option in most countries",
        "a market report predicts prices of plant-based products will fall as production scales up",
    ),
}


def _sources(c: _Ctx) -> str:
    topic = c.r.choice(tuple(RESEARCH))
    c.vals["research_topic"] = topic
    picks = c.r.sample(RESEARCH[topic], c.r.randint(3, len(RESEARCH[topic])))
    style = c.r.randrange(3)
    out = []
    for i, p in enumerate(picks):
        text = p[0].upper() + p[1:] + "."
        if style == 0:
            out.append(f"Source {i + 1}: {text}")
        elif style == 1:
            out.append(f"[{chr(65 + i)}] {text}")
        else:
            out.append(f"--- Document {i + 1} ---\n{text}")
    return "\n\n".join(out)


VENDOR_NOTES = (
    "Vendor A (Orbitly): strongest reporting, SSO only on the Enterprise tier, 99.9% SLA, price {seat_price} per seat/month, "
    "support by email only, data hosted in the EU.",
    "Vendor B (Atlasform): cheapest at {seat_price2} per seat/month, good mobile apps, no audit log, US hosting, "
    "customers complain about slow support.",
    "Vendor C (Quill): open API and webhooks, SOC 2 Type II, mid-range price, weaker Gantt charts, 24/7 chat support.",
    "Analyst note: Vendor B is rumoured to be in acquisition talks; roadmap may change.",
    "Our pilot team's feedback: B was fastest to learn, A's reports saved the finance team hours each week.",
)
INTERVIEWS = (
    "P1 (nurse, night shifts): uses the app mostly on breaks, wants offline mode, dislikes long sign-up.",
    "P2 (teacher): plans lessons on Sunday evenings, likes templates, found pricing confusing.",
    "P3 (freelance designer): juggles five clients, wants time tracking, would pay for integrations.",
    "P4 (retired engineer): uses it to organise a hiking club, struggles with small fonts.",
    "P5 (student): uses the free plan, shares lists with flatmates, ads are annoying.",
    "P6 (small shop owner): needs inventory lists, wants a printed weekly summary.",
)

_slots(
    seat_price=lambda c: _money(c, 12, 40),
    seat_price2=lambda c: _money(c, 4, 11),
    sources=_sources,
    research_topic=lambda c: (c.get("sources"), c.vals["research_topic"])[1],
    vendor_notes=_lines(VENDOR_NOTES, 3, 5, sep="\n\n"),
    interviews=_lines(INTERVIEWS, 4, 6),
)

_api("research_synthesis", "brief",
     "You prepare evidence briefs for a policy team. Synthesise the sources into: main findings, where they agree, "
     "where they conflict, quality of evidence, and open questions. Cite sources by their label.",
     ("Topic: {research_topic}\n\n{sources}", "{sources}"))
_api("research_synthesis", "vendor-comparison",
     "Combine the vendor notes, analyst remarks and pilot feedback into a comparison table and a recommendation "
     "with the main risks.",
     "{vendor_notes}")
_api("research_synthesis", "literature-review",
     "Draft the 'related work' paragraph of a paper from the study summaries: integrate them, weigh their methods "
     "and draw a cautious overall conclusion. Use in-text citations.",
     "{sources}")
_api("research_synthesis", "interview-themes",
     "You synthesise qualitative research. Cluster the interview notes into themes, give each theme a name, the "
     "participants who support it, and an implication for the product.",
     "{interviews}")
_api("research_synthesis", "policy-memo",
     "Draft a one-page policy memo for city officials based on the evidence provided. Weigh the sources by "
     "reliability and end with recommendations.",
     "Question: what should we do about {research_topic}?\n\nEvidence:\n{sources}")
_api("research_synthesis", "evidence-table",
     "Build an evidence table from the sources (claim, source, method, strength) and then write a short "
     "synthesis of what the evidence supports overall.",
     "{sources}")
_inline("research_synthesis", "compare-sources",
        ("Compare what these sources say about {research_topic} and point out the contradictions:\n\n{sources}",
         "Combine the following documents into a single report on {research_topic}. Note conflicting claims.\n\n{sources}",
         "Synthesize these findings into an overall conclusion, citing each source:\n{sources}"))
_chat("research_synthesis", "i-read-these",
      ("I've collected a few sources on {research_topic}. What does the evidence add up to?\n\n{sources}",
       "My boss wants a summary of the research on {research_topic} across all of these. Which ones are reliable?\n\n{sources}"))
_chat("research_synthesis", "pick-a-vendor",
      ("We're choosing a project tool. Here's everything I gathered, can you pull it together into a recommendation?\n\n{vendor_notes}",
       "Based on all these notes, which vendor should we go with and why?\n{vendor_notes}"))
_chat("research_synthesis", "interview-synthesis",
      ("I ran six user interviews, notes below. What are the common themes across them?\n\n{interviews}",
       "Pull the recurring patterns out of these interview notes:\n{interviews}"))


# ======================================================================================
# legal_analysis: contracts, policies, compliance
# ======================================================================================

CLAUSES_MINE = (
    "Non-competition. For a period of twenty-four (24) months after the termination of employment for any reason, "
    "the Employee shall not, directly or indirectly, engage in any business that competes with the Company anywhere "
    "in Europe.",
    "Confidentiality. The Recipient shall keep the Disclosing Party's Confidential Information secret for a period of "
    "two (2) years from disclosure, except information that is or becomes public through no fault of the Recipient.",
    "Intellectual property. All works, inventions and materials created by the Contractor during the term, whether or "
    "not related to the Services and whether or not created during working hours, shall vest in the Client.",
    "Force majeure. Neither party shall be liable for delay caused by events beyond its reasonable control, provided "
    "that the Supplier may not rely on this clause for shortages of staff or components.",
    "Governing law and jurisdiction. This Agreement is governed by the laws of the State of Delaware. The courts of "
    "Delaware shall have exclusive jurisdiction, and the Customer waives any right to a jury trial.",
    "Payment. Invoices are payable within fourteen (14) days. Late payments bear interest at 2% per month, and the "
    "Supplier may suspend the Services without notice for any overdue amount.",
    "Warranty disclaimer. THE SOFTWARE IS PROVIDED \"AS IS\" WITHOUT WARRANTY OF ANY KIND, AND PROVIDER DISCLAIMS ALL "
    "IMPLIED WARRANTIES, INCLUDING MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE.",
    "Service credits. If monthly uptime falls below 99.5%, Customer is entitled to a credit of 5% of the monthly fee, "
    "which shall be Customer's sole and exclusive remedy for any failure to meet the service levels.",
    "Deposit. The Landlord may deduct from the deposit any costs of repainting the premises at the end of the tenancy, "
    "regardless of their condition.",
    "Access. The Landlord may enter the premises at any time to inspect them, without notice to the Tenant.",
    "Working time. The salary covers all hours worked, including overtime, and the Employee agrees to opt out of any "
    "statutory limit on weekly working hours.",
    "Changes. We may change these Terms at any time. Continued use of the Service after a change constitutes acceptance.",
    "Dispute resolution. Any dispute shall be resolved by binding individual arbitration. You waive the right to "
    "participate in any class action.",
)
POLICY_EXCERPTS = (
    "We collect your name, email, location and browsing history to improve our services and may share it with "
    "partners for marketing purposes. By using the site you consent to this.",
    "Cookies: we place analytics and advertising cookies when you first visit. You can disable them in your "
    "browser settings.",
    "We keep CVs of unsuccessful candidates indefinitely in case future roles come up.",
    "Customer support calls are recorded for training. Recordings are stored on a US server for five years.",
    "Employees' laptops are monitored with screen capture every five minutes during working hours for security purposes.",
    "By creating an account, you agree that we may use your uploaded photos, including faces, to train our "
    "recognition models.",
    "Children under 13 may use the app with a parent's permission, which we assume when the box is ticked.",
    "We share purchase histories with our parent company in Singapore to personalise offers.",
    "Location data is collected continuously in the background, even when the app is closed, to improve accuracy.",
    "If you unsubscribe, we will keep your email address on file so we can send you important updates.",
)
LEGAL_SCENARIOS = (
    "My landlord is keeping my whole deposit for 'general wear and tear' after a 3-year tenancy. Is that allowed?",
    "My employer wants me to sign a non-compete that covers the whole country for two years. Is that enforceable?",
    "We want to use a GPL-licensed library in our closed-source SaaS product. What are our obligations?",
    "A customer asked us to delete all their data, but we need invoices for tax purposes. What do we do under GDPR?",
    "Can my company read my work emails without telling me?",
    "A freelancer built our logo but we never signed a contract. Who owns the copyright?",
    "We're launching a newsletter. Do we need explicit consent to email people who bought from us before?",
    "A former employee posted our internal pricing on social media. What legal options do we have?",
    "Our online shop wants to add a 'no returns on sale items' rule. Is that allowed for EU consumers?",
    "Can we use customers' product reviews in our ads without asking them?",
    "My contract says I must give three months' notice but my probation isn't over. Which applies?",
    "Is it legal to record a video call with a client without telling them?",
    "A supplier missed the delivery date in our contract. Can we cancel and claim damages?",
    "We want to install CCTV in the office kitchen. What do we need to consider legally?",
)

_slots(
    clause_m=_of(CLAUSES_MINE),
    policy_excerpt=_of(POLICY_EXCERPTS),
    legal_scenario=_of(LEGAL_SCENARIOS),
    jurisdiction=_raw("England and Wales", "Germany", "California", "the Netherlands", "Ontario", "France", "New South Wales"),
    party_role=_raw("the customer", "the supplier", "the employee", "the tenant", "the licensee", "the contractor"),
)

_api("legal_analysis", "clause-risk",
     "You are a contracts lawyer's assistant. For the clause, explain what it means, identify risks for the "
     "party named, rate them low/medium/high and propose alternative wording. This is not legal advice.",
     ("We are {party_role}.\n\n{clause_m}", "Party: {party_role}\nClause:\n{clause_m}"))
_api("legal_analysis", "gdpr-check",
     "Assess the privacy notice excerpt against the GDPR: lawful basis, transparency, consent, data minimisation, "
     "retention and international transfers. List each issue with the relevant article.",
     "{policy_excerpt}")
_api("legal_analysis", "enforceability",
     "Assess whether the clause is likely enforceable under the law of the jurisdiction given, noting statutory "
     "limits and typical court attitudes. Flag uncertainty.",
     "Jurisdiction: {jurisdiction}\n\n{clause_m}")
_api("legal_analysis", "redline-compare",
     "Compare two clause versions and explain the legal effect of the differences for each party.",
     "{clause_versions}")
_api("legal_analysis", "nda-review",
     "Review NDA terms for a start-up about to share its source code with a potential acquirer. Identify "
     "missing protections and one-sided terms.",
     ("{nda_clause}", "NDA excerpt:\n{nda_clause}", "Clause {n_small}.{n_small}: {nda_clause}"))
_api("legal_analysis", "compliance-qa",
     "You are a compliance analyst. Answer the question with reference to the applicable regulation (GDPR, "
     "ePrivacy, employment or consumer law), state assumptions, and recommend next steps. Not legal advice.",
     "{legal_scenario}")
_api("legal_analysis", "lease-tenant",
     "Check residential lease clauses for terms that are likely unfair or unlawful for tenants in {jurisdiction}.",
     ("{lease_clause}", "Lease clause: {lease_clause}"))
_api("legal_analysis", "licence-compat",
     "Analyse open-source licence obligations for the described usage: distribution, attribution, copyleft "
     "scope, patent grants.",
     ("We ship a mobile app that statically links an LGPL-2.1 library and bundles MIT and Apache-2.0 code. What must we do?",
      "Our SaaS backend modifies an AGPL-3.0 database and users interact with it over the network. What do we owe?",
      "Can we relicense a project that mixes BSD-3-Clause and MPL-2.0 files under Apache-2.0?",
      "We want to use GPL-3.0 code inside a firmware image we sell on devices. What are the obligations?",
      "A contributor's pull request copied a function from a Stack Overflow answer (CC BY-SA). Is that a problem for our MIT project?",
      "Can we use a font licensed under the SIL Open Font License in our commercial app and modify it?",
      "Our Docker image bundles GPL command-line tools next to our proprietary service. Does that make our service GPL?"))
_inline("legal_analysis", "is-this-legal",
        ("Is this contract clause fair to {party_role}? What are the legal risks?\n\n{clause_m}",
         "Analyse the liability implications of the following clause:\n{clause_m}",
         "Does this privacy policy comply with GDPR? {policy_excerpt}"))
_chat("legal_analysis", "my-situation",
      ("{legal_scenario}", "Legal question: {legal_scenario}", "I'm in {jurisdiction}. {legal_scenario}"))
_chat("legal_analysis", "should-i-sign",
      ("My new contract has this clause, should I be worried before signing?\n\n{clause_m}",
       "what does this clause actually mean for me? {clause_m}",
       "Is this clause even legal? {clause_m}"))
_chat("legal_analysis", "policy-compliant",
      ("Is our privacy policy OK legally? This is the relevant part: {policy_excerpt}",
       "our HR team wrote this, does it break any data protection rules? \"{policy_excerpt}\""))


# ======================================================================================
# architecture_review: system or software design assessment
# ======================================================================================

DESIGNS = (
    "Proposal: every user action in the mobile app writes an event to a single Postgres table; a nightly job "
    "rebuilds read models from the full event history. Expected 50M events/day within a year.",
    "We run one Node.js monolith on two VMs behind a load balancer. Sessions are stored in memory on each VM. "
    "Uploads go to the local disk and are copied to object storage by a cron job every hour.",
    "Design: multi-tenant SaaS with one shared database; tenant isolation is enforced by a tenant_id column and "
    "a WHERE clause added in the ORM layer. Large customers ask for their own encryption keys.",
    "RFC: the order service calls inventory, pricing, tax and fraud services synchronously over HTTP before "
    "confirming an order. Each call has a 5 s timeout and no retries. P99 latency today is 2.8 s.",
    "The mobile app syncs offline edits by sending the full document on reconnect; the server keeps the last "
    "write. Users in the field often edit the same checklist on two devices.",
    "We plan to cache product pages in Redis for 24 hours and invalidate on price changes by deleting keys "
    "matching a pattern with KEYS product:*.",
    "Authentication: the SPA stores the JWT in localStorage, tokens never expire, and the API checks the "
    "signature but not the audience claim. Refresh is done by logging in again.",
    "Our data pipeline: Kafka -> a single Python consumer -> S3 parquet files every minute -> Athena queries. "
    "Analysts complain that queries on the last 30 days take minutes.",
    "Kubernetes setup: one cluster per environment, all in one availability zone, a single ingress controller "
    "replica, Postgres running as a StatefulSet with one replica and nightly dumps.",
    "API design: POST /getUsers, POST /deleteUser?id=, GET /updateOrder?status=paid, responses always 200 with an "
    "'error' field when something goes wrong. Versioning via a header that's optional.",
    "Search: product search runs as LIKE '%term%' queries on the primary Postgres database. Catalogue has 4M "
    "items and search traffic peaks at 600 queries per second during sales.",
    "Notifications: a cron job every minute selects all users whose reminder time has passed and sends emails "
    "one by one from a single worker. We have 800,000 users and reminders cluster at 08:00.",
    "File processing: users upload videos to the API server, which transcodes them synchronously before "
    "responding. Uploads are up to 2 GB.",
    "Payments: the checkout writes the order to the database, then calls the payment provider, then sends the "
    "confirmation email, all in one HTTP request without idempotency keys.",
)

API_DESIGNS = (
    "POST /getUsers, POST /deleteUser?id=, GET /updateOrder?status=paid; every response is 200 with an 'error' field.",
    "GET /v1/orders returns all orders of the account in one response (some accounts have 2M orders). Filtering is "
    "done client-side. Dates are returned as local time strings without offset.",
    "PUT /users/{id} accepts a partial object and sets missing fields to null. There is no ETag or If-Match, and two "
    "admin apps edit users concurrently.",
    "Webhooks: we POST events to customer URLs once, with no signature, no retry and no event id. Payloads embed the "
    "full customer record including the phone number.",
    "Pagination uses ?page=N&size=M over a table that receives 300 inserts per second; clients report duplicates "
    "and missing items when paging.",
    "Breaking changes are shipped under /v1 because 'few customers use the old fields'. Deprecations are announced "
    "in the changelog only.",
)
CLAUSE_VERSIONS = (
    ("The aggregate liability of each party is limited to {cap_amount}.",
     "The aggregate liability of each party is limited to twice the annual fees; this cap does not apply to "
     "data protection breaches, IP infringement indemnities or wilful misconduct."),
    ("Prices are fixed for the initial term.",
     "The Supplier may increase prices once per contract year by up to CPI plus 5%, on sixty (60) days' notice. "
     "Continued use after the increase takes effect constitutes acceptance."),
    ("Neither party may assign this Agreement without the other party's prior written consent.",
     "The Supplier may assign this Agreement to any affiliate or successor without consent. The Customer may not "
     "assign it without the Supplier's prior written consent, which may be withheld at its sole discretion."),
    ("The Contractor assigns to the Client all intellectual property in the Deliverables.",
     "The Contractor assigns to the Client all intellectual property in the Deliverables upon full payment, and "
     "retains ownership of its pre-existing tools, for which it grants the Client a perpetual licence."),
)
NDA_CLAUSES = (
    "Confidential Information means information marked 'confidential' at the time of disclosure. Oral disclosures "
    "are not covered.",
    "The Recipient may disclose Confidential Information to its affiliates, advisers and potential investors without "
    "notice to the Discloser.",
    "Obligations under this Agreement end one (1) year after signature, regardless of when information was disclosed.",
    "Nothing in this Agreement prevents the Recipient from developing products that compete with the Discloser's, "
    "even if they are similar.",
    "On request, the Recipient shall return or destroy Confidential Information, except copies kept in automatic "
    "backups, which may be retained indefinitely.",
    "The Discloser makes no warranty as to the accuracy of the information, and the Recipient shall indemnify the "
    "Discloser for any loss arising from its use.",
)
LEASE_CLAUSES = (
    CLAUSES_MINE[8], CLAUSES_MINE[9],
    "The Tenant shall not have guests staying overnight more than twice per month without the Landlord's written consent.",
    "Rent may be increased by the Landlord at any time on 14 days' notice.",
    "The Tenant is responsible for all repairs to the property, including the roof, boiler and structural walls.",
    "If rent is more than three days late, the Landlord may change the locks and remove the Tenant's belongings.",
)

_slots(
    api_design=_raw(*API_DESIGNS),
    cap_amount=lambda c: _money(c, 50_000, 2_000_000),
    clause_versions=lambda c: "\n\n".join(f"{label}:\n{c.fill(text)}" for label, text in zip(
        c.r.choice((("Version A", "Version B"), ("Original", "Counterparty redline"), ("Our draft", "Their draft"))),
        c.r.choice(CLAUSE_VERSIONS))),
    nda_clause=_raw(*NDA_CLAUSES),
    lease_clause=_raw(*LEASE_CLAUSES),
)

_slots(
    design=_of(DESIGNS),
    scale=_raw("10x", "100x", "3x by the end of the year", "from 2,000 to 200,000 daily users"),
    arch_option=_raw("adopt a micro-frontend architecture", "adopt event sourcing for the billing domain",
                     "move all background jobs onto Kafka", "go serverless for the whole backend",
                     "rewrite the Python backend in Rust", "go multi-region active-active",
                     "switch from Postgres to MongoDB for flexibility", "split the database per tenant"),
    team_size=_raw("4 engineers", "12 engineers in two teams", "a single full-stack developer", "about 40 engineers"),
)

_api("architecture_review", "design-review",
     "Act as a staff engineer reviewing a design proposal. Evaluate the design for scalability, "
     "reliability, security, operability and cost. End with: approve / approve with changes / rethink, and the "
     "top three changes.",
     "{design}")
_api("architecture_review", "spof",
     "List what in this system could take everything down if it failed, plus likely capacity bottlenecks; order "
     "them by likelihood times impact and give a fix for each.",
     "{design}")
_api("architecture_review", "scale-readiness",
     "Assess whether the architecture will cope with the growth given. Estimate which component breaks first and why.",
     "Expected growth: {scale}\n\n{design}")
_api("architecture_review", "decision-record",
     "Act as a reviewer of architecture decision records. Challenge the decision: alternatives considered, "
     "trade-offs, consequences and reversibility.",
     "ADR: we will {arch_option}. Team size: {team_size}.")
_api("architecture_review", "security-arch",
     "Review the system design from a security architecture perspective (threat model, trust boundaries, "
     "authn/authz, data protection). Prioritise findings.",
     "{design}")
_api("architecture_review", "api-design",
     "Review the HTTP API design against REST conventions, error handling, versioning and backwards compatibility.",
     "{api_design}")
_inline("architecture_review", "evaluate",
        ("Review this system design and point out weaknesses:\n\n{design}",
         "Here's our architecture. What would you change before we {scale}?\n{design}",
         "Is this a sound design? Consider scalability and failure modes.\n\n{design}"))
_chat("architecture_review", "will-it-scale",
      ("Our stack, roughly: {design} Honest opinion, can it take {scale} more load?",
       "Our CTO proposed this: {design} Any red flags?",
       "Mind sanity-checking this design? {design}"))
_chat("architecture_review", "should-we",
      ("We're {team_size}. Should we {arch_option}? What are the trade-offs for a team our size?",
       "Is it a good idea to {arch_option} with {team_size}?"))
_chat("architecture_review", "offline-sync",
      ("How should we redesign this? {design}",
       "What's wrong with this architecture and how would you fix it? {design}"))


# ======================================================================================
# creative_writing: stories, poems, brand-voice copy
# ======================================================================================

_slots(
    hero=_raw("a retired ferry captain", "a shy dragon who collects teacups", "a delivery robot that gets lost",
              "twin sisters who run a night market stall", "a detective who can't smell anything",
              "an old oak tree in a city park", "a girl who can hear what bicycles think"),
    setting=_raw("a flooded city in 2150", "a mountain village during the first snow", "a space station orbiting Neptune",
                 "a 1920s jazz club", "a library that never closes", "a ferry crossing in fog"),
    poem_form=_raw("haiku", "sonnet", "limerick", "free-verse poem", "villanelle", "short rhyming poem", "acrostic poem"),
    poem_topic=_raw("the last day of summer", "waiting for a train", "my grandmother's kitchen", "a cat who ignores everyone",
                    "Monday mornings", "the smell of rain", "moving to a new city", "the first cup of coffee"),
    genre=_raw("mystery", "science fiction", "fairy tale", "horror", "romantic comedy", "fable", "western"),
    brand_voice=_raw("playful and a bit cheeky", "calm and reassuring", "bold and adventurous", "warm and homely",
                     "minimalist and confident", "nerdy and enthusiastic"),
    famous_voice=_raw("a pirate captain", "a Shakespearean narrator", "a 1940s radio announcer", "a grumpy medieval knight",
                      "a nature documentary narrator", "a noir detective"),
)

_api("creative_writing", "short-story",
     "You are a fiction writer. Write vivid, original short stories with a clear arc and a satisfying ending.",
     ("Write a {genre} story of about 500 words about {hero} in {setting}.",
      "Story idea: {hero}, {setting}. Genre: {genre}. Length: short."))
_api("creative_writing", "poem",
     "You are a poet. Write with concrete images and fresh language; avoid clichés.",
     ("Write a {poem_form} about {poem_topic}.", "Form: {poem_form}\nTopic: {poem_topic}"))
_api("creative_writing", "brand-slogans",
     "You write advertising copy for {company}. Brand voice: {brand_voice}. Give several options.",
     ("Taglines for the {product}, {n} of them, aimed at {audience}.", "Slogans for our autumn campaign, {n} options."))
_api("creative_writing", "product-story",
     "Write product descriptions as little stories in the brand's voice ({brand_voice}). About 80 words.",
     "Product: {product}")
_api("creative_writing", "in-the-voice",
     "Rewrite nothing: compose an original piece in the voice requested by the user, staying in character.",
     ("Describe a rainy Tuesday in the voice of {famous_voice}.", "Write a weather forecast as {famous_voice}."))
_api("creative_writing", "song-lyrics",
     "You are a songwriter. Write lyrics with verses, a chorus and a bridge. No chords needed.",
     ("A song about {poem_topic}.", "Lyrics for a {genre}-inspired song about {hero}."))
_api("creative_writing", "bedtime",
     "You write gentle bedtime stories for children aged 3-7. Short sentences, a calm ending, no scary parts.",
     ("A story about {hero} for my little one, {first}.", "Tonight's story: {hero}. Keep it short.",
      "Bedtime story about {hero}, please, with a happy ending."))
_api("creative_writing", "dialogue-scene",
     "Write screenplay-style scenes with natural dialogue and minimal stage directions.",
     ("Scene: two old friends meet by chance in {setting}. One of them is hiding something.",
      "Scene in {setting}: {hero} has to deliver bad news to someone who trusts them completely.",
      "Write a scene set in {setting} where a job interview goes very wrong.",
      "Scene: a {genre} twist on a first date in {setting}."))
_inline("creative_writing", "write-poem",
        ("Write a {poem_form} about {poem_topic}.",
         "Four lines for {first}'s retirement card, she loved gardening and bad jokes.",
         "Write a funny {poem_form} about {poem_topic}."))
_inline("creative_writing", "flash-fiction",
        ("Write a 100-word {genre} story set in {setting}.",
         "Write the opening paragraph of a {genre} novel about {hero}.",
         "Microfiction, under 50 words, theme: {poem_topic}."))
_chat("creative_writing", "story",
      ("write me a story about {hero}", "Can you write a short {genre} story set in {setting}?",
       "tell me a story where {hero} has to save {setting}"))
_chat("creative_writing", "poem",
      ("can you write a {poem_form} about {poem_topic}?", "write a poem for my mum's 60th birthday, she loves {poem_topic}",
       "I need a silly {poem_form} about my coworker {first} who's always late"))
_chat("creative_writing", "toast",
      ("Write a funny but heartfelt best-man speech. The groom is {first}, they met at university in {city}.",
       "help me write a toast for my parents' 40th anniversary"))
_chat("creative_writing", "worldbuilding",
      ("Describe a fantasy city built inside a giant tree, for my D&D campaign.",
       "Invent a creature that lives in {setting} and describe it like a field guide entry."))
_chat("creative_writing", "caption-copy",
      ("Write an Instagram caption for our bakery's new cinnamon rolls, make it fun",
       "write some witty copy for a poster announcing {event}"))


# ======================================================================================
# chat: casual multi-turn persona conversation (last user turn)
# ======================================================================================

PERSONAS = (
    "You are Juno, a warm and curious companion. You chat casually, remember what the user told you earlier in "
    "the conversation, and ask gentle follow-up questions. Never claim to be human.",
    "You are Captain Rook, a swashbuckling pirate in an interactive role-play. Stay in character, speak like a "
    "pirate, and describe the high seas vividly.",
    "You are Ollie, a cheerful study buddy for university students. Keep things light, encourage breaks and "
    "celebrate small wins.",
    "You are Bea, a chatty virtual friend who loves gardening, baking and terrible puns. Keep replies short and friendly.",
    "You are Mira, a French conversation partner. Speak simple French, keep the chat going, and gently correct "
    "mistakes at the end of your reply.",
    "You are Kai, an upbeat fitness buddy. Chat about the user's day and motivate them without lecturing.",
    "You are Professor Quill, an eccentric Victorian inventor in a role-play game. Answer in character and keep "
    "the story moving.",
    "You are Dex, a laid-back gaming buddy who likes talking about video games, music and films. Use casual language.",
    "You are Wren, a calm evening companion who helps the user wind down and reflect on their day. Be gentle and unhurried.",
    "You are Luna, a friendly AI companion in the {app}. Be supportive, playful and concise.",
)
CHAT_TURNS = (
    "haha yes exactly, that's what I said to my sister!",
    "anyway, how has your day been?",
    "ok tell me more about your ship",
    "I finally finished that book I was telling you about",
    "lol no, I didn't go in the end. too tired",
    "do you remember what I said my cat's name was?",
    "Bonjour Mira ! Aujourd'hui je suis allé au marché avec mon ami.",
    "*draws sword* we sail at dawn, captain!",
    "I'm kinda nervous about tomorrow tbh",
    "what would you do if you could go anywhere this weekend?",
    "you're funny. what's your favourite season?",
    "ok I did 20 push-ups, happy now? 😅",
    "hmm, and then what happened to the mechanical owl?",
    "I don't really feel like studying today",
    "that's so sweet of you to say",
    "guess what, I got the job!!",
    "tell me something random",
    "yeah I think I'll try that. thanks for listening",
    "I baked the bread but it came out flat again 😭",
    "Let's continue the story. I open the creaking door of the laboratory.",
    "what were we talking about before?",
    "good night, talk tomorrow?",
    "it's raining again here in {city}, ugh",
    "do you ever get bored?",
)
SMALLTALK = (
    "what's up? I'm just chilling after work, talk to me", "can we just chat for a bit? I'm bored",
    "Let's play a game: you pretend to be a medieval innkeeper and I'm a traveller arriving at night.",
    "I had the weirdest dream last night, wanna hear about it?", "Be my friend for the evening, I don't feel like being alone",
    "Pretend you're my old friend from school and we're catching up.", "tell me about your day, then I'll tell you mine",
    "roleplay time: you're a grumpy wizard and I'm your new apprentice",
)

_slots(chat_turn=_of(CHAT_TURNS), smalltalk=_of(SMALLTALK))

_add("chat", "persona-juno", ("{chat_turn}",), PERSONAS[0])
_add("chat", "persona-captain-rook", ("*draws sword* we sail at dawn, captain!", "what's the name of your ship?",
                                     "I climb the mast and look for land. What do I see?", "arr, where's the treasure buried?",
                                     "ok but are you scared of the kraken?", "I challenge you to a duel, scallywag!",
                                     "tell me about your first mutiny", "*bows* Captain, a storm is coming from the east!",
                                     "what do pirates eat for breakfast?", "I steal the map while you're not looking 😏",
                                     "let's raid the merchant ship near {city}!", "haha you're such a good pirate"),
     PERSONAS[1])
_add("chat", "persona-ollie", ("ugh I don't really feel like studying today", "I passed my stats exam!!!",
                              "only 3 chapters left, talk me through it?", "can we take a break and just chat",
                              "what do you do when you can't focus?", "{chat_turn}"), PERSONAS[2])
_add("chat", "persona-bea", ("I baked the bread but it came out flat again 😭", "my tomatoes finally turned red!",
                            "got any puns about courgettes?", "{chat_turn}", "what's your favourite cake?"), PERSONAS[3])
_add("chat", "persona-mira", ("Bonjour Mira ! Aujourd'hui je suis allé au marché avec mon ami.",
                             "Salut ! Je suis fatigué mais content.", "Mira, tu aimes le cinéma ?",
                             "Hier j'ai mangé une crêpe à {city}.", "Comment on dit 'weekend' en français ?"), PERSONAS[4])
_add("chat", "persona-kai", ("ok I did 20 push-ups, happy now? 😅", "skipped the gym again, don't judge me",
                            "{chat_turn}", "I walked 10k steps today!", "my legs are so sore lol"), PERSONAS[5])
_add("chat", "persona-quill", ("hmm, and then what happened to the mechanical owl?",
                              "Let's continue the story. I open the creaking door of the laboratory.",
                              "Professor, what is that humming machine in the corner?",
                              "*hands you a brass key* I found this in the garden.",
                              "Does the flying machine actually work, Professor?", "I pull the lever marked DO NOT PULL.",
                              "what year is it in your workshop?", "Can I be your assistant for the exhibition?",
                              "the steam engine is making a strange whistling noise!", "tell me about your rival inventor"),
     PERSONAS[6])
_add("chat", "persona-dex", ("did you play anything good this week?", "ok hot take: the sequel was better",
                            "{chat_turn}", "what music do you put on when you're gaming?"), PERSONAS[7])
_add("chat", "persona-wren", ("today was long. I don't even know where to start",
                             "I think the best part of my day was the walk home", "{chat_turn}",
                             "can you help me wind down a bit?"), PERSONAS[8])
_add("chat", "persona-any", ("{chat_turn}",), tuple(PERSONAS))
_chat("chat", "smalltalk", ("{smalltalk}",))
_chat("chat", "continuation", ("{chat_turn}",), tuple(PERSONAS[i] for i in (0, 3, 5, 7, 9)))


# ======================================================================================
# agentic: tool-using loops
# ======================================================================================

TOOLS_JSON = (
    [{"name": "search_web", "description": "Search the web and return the top results.",
      "parameters": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]}},
     {"name": "open_page", "description": "Fetch the readable text of a URL.",
      "parameters": {"type": "object", "properties": {"url": {"type": "string"}}, "required": ["url"]}}],
    [{"name": "get_calendar", "description": "List calendar events between two dates.",
      "parameters": {"type": "object", "properties": {"start": {"type": "string"}, "end": {"type": "string"}}}},
     {"name": "create_event", "description": "Create a calendar event.",
      "parameters": {"type": "object", "properties": {"title": {"type": "string"}, "start": {"type": "string"},
                                                      "duration_min": {"type": "integer"}, "attendees": {"type": "array"}}}},
     {"name": "send_message", "description": "Send a chat message to a colleague.",
      "parameters": {"type": "object", "properties": {"to": {"type": "string"}, "text": {"type": "string"}}}}],
    [{"name": "read_file", "description": "Read a file from the repository.",
      "parameters": {"type": "object", "properties": {"path": {"type": "string"}}}},
     {"name": "write_file", "description": "Overwrite a file in the repository.",
      "parameters": {"type": "object", "properties": {"path": {"type": "string"}, "content": {"type": "string"}}}},
     {"name": "run_command", "description": "Run a shell command in the sandbox and return stdout/stderr.",
      "parameters": {"type": "object", "properties": {"cmd": {"type": "string"}}}}],
    [{"name": "query_db", "description": "Execute a SELECT against the analytics warehouse (read-only).",
      "parameters": {"type": "object", "properties": {"sql": {"type": "string"}}}},
     {"name": "make_chart", "description": "Render a chart from rows.",
      "parameters": {"type": "object", "properties": {"rows": {"type": "array"}, "kind": {"type": "string"}}}}],
    [{"name": "find_flights", "description": "Search flights.",
      "parameters": {"type": "object", "properties": {"from": {"type": "string"}, "to": {"type": "string"}, "date": {"type": "string"}}}},
     {"name": "book_hotel", "description": "Book a hotel room.",
      "parameters": {"type": "object", "properties": {"city": {"type": "string"}, "check_in": {"type": "string"}, "nights": {"type": "integer"}}}}],
)


def _tools_block(c: _Ctx) -> str:
    i = c.r.randrange(len(TOOLS_JSON))
    c.vals["_toolset"] = str(i)
    return json.dumps(TOOLS_JSON[i], indent=c.r.choice((None, 2)))


def _agent_task(c: _Ctx) -> str:
    c.get("tools_block")  # the task matches the tool set shown (drawn once per example)
    i = int(c.vals["_toolset"])
    tasks = (
        ("Find the opening hours of the {city} botanical garden this weekend and whether tickets must be booked.",
         "Look up the latest release notes of the Quill notes app and tell me what changed."),
        ("Book a 30-minute call with {first2} next {weekday} afternoon and tell them what it's about: the Q3 budget.",
         "Move my {time} meeting to tomorrow and let the attendees know."),
        ("The tests in tests/test_parser.py fail. Find out why and fix the code.",
         "Add a --verbose flag to cli.py and update the README."),
        ("How many new subscribers did we get each week in {month}? Make a bar chart.",
         "Which five products had the highest return rate last quarter?"),
        ("Find me a flight from {city} to {city2} on {date} and a hotel for 3 nights.",
         "I need to be in {city2} by {weekday} noon. Sort out travel and a hotel near the centre."),
    )
    return c.pick(tasks[i])


TOOL_RESULTS = (
    '{"results": [{"title": "Opening hours and tickets", "url": "https://garden.example/visit", "snippet": "Open daily 9:00-18:00. Weekend tickets must be booked online."}]}',
    '{"events": [{"title": "1:1 with {first2}", "start": "{iso_date}T10:00", "duration_min": 30}, {"title": "Team sync", "start": "{iso_date}T14:00", "duration_min": 60}]}',
    '{"stdout": "", "stderr": "FAILED tests/test_parser.py::test_empty_header - IndexError: list index out of range\\n1 failed, 23 passed", "exit_code": 1}',
    '{"rows": [["2026-W14", 312], ["2026-W15", 288], ["2026-W16", 401], ["2026-W17", 356]], "row_count": 4}',
    '{"flights": [{"id": "{flight}", "depart": "{iso_date}T07:40", "arrive": "{iso_date}T10:05", "price": "{fare}"}, {"id": "KX881", "depart": "{iso_date}T13:15", "arrive": "{iso_date}T15:50", "price": "{fare}"}]}',
    '{"status": "ok", "content": "def parse_header(line):\\n    parts = line.split(\\",\\")\\n    return parts[0], parts[1]"}',
    '{"error": "rate_limited", "retry_after_s": 20}',
)


def _tool_result(c: _Ctx) -> str:
    return c.fill(c.r.choice(TOOL_RESULTS))


REACT_OBS = (
    "Thought: I need the current exchange rate first.\nAction: search_web[\"EUR to JPY exchange rate today\"]\n"
    "Observation: 1 EUR = 162.4 JPY (updated 10 minutes ago)",
    "Thought: I should check which files mention the config key.\nAction: run_command[\"grep -rn MAX_RETRIES src/\"]\n"
    "Observation: src/client.py:12:MAX_RETRIES = 3\nsrc/worker.py:40:    for _ in range(MAX_RETRIES):",
    "Thought: Let me see the customer's recent orders.\nAction: query_db[\"SELECT id, status FROM orders WHERE customer_id = 881 ORDER BY placed_at DESC LIMIT 3\"]\n"
    "Observation: [[5521, \"delivered\"], [5610, \"returned\"], [5702, \"processing\"]]",
)
PAGE_STATE = (
    "Current URL: https://shop.example/cart\nInteractive elements:\n[1] button \"Proceed to checkout\"\n[2] input "
    "\"Discount code\"\n[3] button \"Apply\"\n[4] link \"Continue shopping\"\nGoal: apply the code SPRING10 and check out.",
    "Current URL: https://tickets.example/search?from={city}&to={city2}\nElements:\n[1] select \"Date\"\n[2] button "
    "\"Search\"\n[3] checkbox \"Direct only\"\nGoal: find the cheapest direct train on {date}.",
    "Page: https://forms.example/expenses\n[1] input \"Amount\"\n[2] select \"Category\"\n[3] file \"Receipt\"\n"
    "[4] button \"Submit\"\nGoal: file an expense of {amount} for a taxi, receipt at ~/receipts/taxi.pdf.",
)

_slots(
    tools_block=_tools_block, agent_task=_agent_task, tool_result=_tool_result,
    react_obs=_raw(*REACT_OBS), page_state=_of(PAGE_STATE),
    tool_name=_raw("search_web", "read_file", "run_command", "query_db", "get_calendar", "find_flights", "open_page"),
)

_api("agentic", "function-calling",
     "You are an assistant that can call functions. Available functions:\n{tools_block}\nCall a function by replying "
     "with JSON {\"name\": ..., \"arguments\": {...}}. When you have enough information, answer the user.",
     "{agent_task}")
_api("agentic", "tool-result-turn",
     "You are an autonomous agent. You plan, call tools, read their results and continue until the task is done. "
     "Never invent tool output.",
     ("Tool result: {tool_result}", "Tool result ({tool_name}): {tool_result}\n\nContinue with the task.",
      "<tool_result>\n{tool_result}\n</tool_result>"))
_api("agentic", "react",
     "Answer the question by interleaving Thought, Action and Observation steps. Actions available: search_web[query], "
     "run_command[cmd], query_db[sql], finish[answer].",
     ("{react_obs}\nThought:", "Question: {agent_task}\n{react_obs}"))
_api("agentic", "coding-agent",
     "You are a coding agent working in a git repository. Use read_file, write_file and run_command to complete "
     "the task. Run the tests before you finish and summarise the diff.",
     ("{agent_task}", "Tool output:\n{tool_result}\n\nNext step?",
      "The command finished with exit code 1:\n{tool_result}"))
_api("agentic", "browser-agent",
     "You control a web browser. At each step reply with one action: click(id), type(id, text), select(id, value), "
     "scroll(up|down), or done(summary).",
     "{page_state}")
_api("agentic", "planner-executor",
     "You are the planner of a multi-agent system. Break the user's goal into tool calls for the executor, one "
     "JSON object per step with fields tool, args and reason.",
     "Goal: {agent_task}\nAvailable tools: {tools_block}")
_api("agentic", "mcp-style",
     "You have access to MCP servers: filesystem (read_file, list_dir), github (create_issue, list_prs), slack "
     "(post_message). Use them to act for the user; ask before destructive actions.",
     ("List the open PRs in the billing repo that have no reviewer and post them in #eng-reviews.",
      "Read docs/ROADMAP.md and post a summary of the Q3 items in #product.",
      "Tool result: {\"prs\": [{\"number\": 412, \"title\": \"Fix rounding\", \"reviewers\": []}]}",
      "Find the Slack thread about the {team} outage and file a GitHub issue summarising it.",
      "Tool result (list_dir): [\"README.md\", \"src/\", \"docs/\", \"CHANGELOG.md\"]",
      "Post a reminder in #{team_lc} that the release freeze starts {weekday}, then list my open PRs.",
      "Tool result (create_issue): {\"number\": 1187, \"url\": \"https://github.example/acme/billing/issues/1187\"}",
      "Check the CHANGELOG for anything mentioning {team} and draft release notes into docs/release.md."))
_inline("agentic", "use-the-tool",
        ("Use the search tool to find {agent_task_lc}",
         "You can call the following functions: {tools_block}\n\nTask: {agent_task}",
         "Available tools: {tool_name}, open_page, send_message.\nUse them to complete this: {agent_task}"))
_inline("agentic", "function-output",
        ("Function {tool_name} returned: {tool_result}\nDecide the next function call.",
         "Here is the output of the last tool call:\n{tool_result}\nWhat do you do next?",
         "Observation: {tool_result}\nThought:"))
_chat("agentic", "go-do-it",
      ("Go through my inbox, find every invoice from {month}, and add them to the expenses spreadsheet.",
       "can you check the repo, run the tests and fix whatever is failing?",
       "Research three competitors of {company}, browse their pricing pages and put it all in a doc for me."),
      ("You are an agent with access to email, browser and spreadsheet tools. Act autonomously until the task is done.",
       "You are a coding agent with shell access in the user's repository. Plan, run commands, edit files, verify.",
       "Tools enabled: browser, code_interpreter, file_search. Use them as needed and report back when finished."))

_slots(team_lc=lambda c: c.get("team").lower().replace(" ", "-"))
_slots(agent_task_lc=_one(
    "the cheapest train from {city} to {city2} on {date}.", "recent reviews of the {product} and summarise them.",
    "the phone number of the nearest vet clinic that is open on Sundays.", "who won the last city marathon in {city}.",
))


# ======================================================================================
# other: greetings, tests, fragments, requests that fit no category
# ======================================================================================

OTHER_MSGS = (
    "hi", "hello?", "ping?", "testing testing", "are you there", "yo", "hey", "??", "...", "k",
    "asdfjkl", "qwerty", "lorem ipsum dolor sit amet", "123", "0", "🙂", "👋", "okay", "thx", "cool", "nevermind",
    "hmmm", "wait", "again", "go on", "same", "[object Object]", "<empty>", "None", "{{input}}",
)

_slots(other_msg=_raw(*OTHER_MSGS))

_api("other", "healthcheck",
     ("Liveness probe. Answer with a single character.", "Connectivity check from the monitoring service; reply briefly.",
      "Return the string ALIVE."),
     ("are you up?", "probe", "status?", "heartbeat", "alive?"))
_api("other", "generic-fragment",
     ("You are a helpful assistant.", "You are a helpful assistant. Reply in the same language the user writes in.",
      "You are {bot_name}, the assistant for {company} staff."),
     "{other_msg}")
_inline("other", "say-hello",
        ("Say hello if you can read this.", "Answer with the word pong and nothing else.", "Just checking the API key works, reply anything.",
         "This is a test message, please ignore.", "Repeat after me: banana", "Reply with the number 1.",
         "test prompt {n_small}", "Output nothing.", "Is this thing on?", "Hello from the staging environment",
         "ignore this, checking latency", "Return an empty JSON object."))
_chat("other", "greeting",
      ("hi", "hello", "hey there", "good morning!", "hi again", "hello, anyone home?", "Hey 👋"))
_chat("other", "fragments",
      ("{other_msg}",))
_chat("other", "about-bot",
      ("are you a bot?", "what's your name?", "can you see images?", "are you ChatGPT?", "who made you?",
       "do you remember me?"))
_chat("other", "cant-do",
      ("set an alarm for 6am", "turn off the lights", "call mom", "play some music", "order me a pizza",
       "what's the wifi password here?", "open Spotify"))
_chat("other", "thanks-bye",
      ("thanks!", "thank you, that's all", "ok bye", "great, cheers", "perfect thanks", "nvm I figured it out"))
_chat("other", "unclear",
      ("the thing from before", "you know what I mean", "same as yesterday please", "do it again",
       "what about the other one?", "see above", "as discussed"))
_chat("other", "keyboard-noise",
      ("jjjjjjjjjjj", "sdfghsdfgh", "aaaaaa", "1234567890", "zzz", "!!!", "ñ", "test 1 2 3", "x"))


# ======================================================================================
# Long inputs shared by several categories: the same kind of document with different
# instructions, so the instruction (not the input) decides the category.
# ======================================================================================

LE_OPEN = ("Hi there,", "Dear {company} team,", "Hello,", "Good afternoon,", "Dear Sir or Madam,", "Hi {first2},")
LE_CONTEXT = (
    "I've shopped with you for about {n_small} years and have generally been happy with your service, so I'm writing "
    "this with some reluctance.",
    "I'm writing on behalf of a relative, {fullname2}, who has an account with you but doesn't use email.",
    "We run a small guesthouse in {city} and placed a fairly large order with you last month (order {order_no}).",
    "I contacted your chat service on {date} and was told someone would get back to me within 48 hours. Nobody did.",
    "I'm a long-time member and I've recommended you to quite a few friends, which makes this more frustrating.",
)
LE_ISSUE = {
    "BILLING": (
        "When I checked my bank statement this week I noticed two payments of {amount} to you on the same day, and "
        "a third, smaller charge labelled 'service adjustment' that nobody ever mentioned to me. I only placed one "
        "order, and the confirmation email shows a single payment.",
        "My invoice for {month} shows the Premium plan, but I downgraded to the basic plan at the start of the month "
        "and I have the confirmation email to prove it. The difference is {amount} and it has now been taken twice.",
    ),
    "DELIVERY": (
        "The parcel was due on {date}. The tracking page has said 'out for delivery' for nine days now, "
        "the courier's phone line just plays music, and the driver apparently left a card at an address that isn't mine.",
        "Only two of the four boxes arrived. The delivery note lists all four as delivered and signed for, but the "
        "signature isn't mine or anyone's in our building, and the missing boxes contain the parts we actually need.",
    ),
    "ACCOUNT": (
        "Since your app update I can't log in at all. The reset link never shows up in my inbox, I've checked spam, and "
        "when I try the phone option it says my number isn't registered, although it's the one I signed up with.",
        "Someone seems to have changed the email address on my account. I received a notice about the change at 3am "
        "and since then I can't get in, and I can see a new order in my bank app that I didn't make.",
    ),
    "PRODUCT_SUPPORT": (
        "The {product} worked well for about a month, but now it switches itself off after a few minutes and makes "
        "a clicking noise when I turn it back on. I've followed the troubleshooting steps in the manual twice.",
        "The {product} I received doesn't match the description: the website promised a removable cover and a "
        "two-year warranty, but the cover is stitched on and the leaflet inside mentions only six months.",
    ),
    "CANCELLATIONS": (
        "I'd like to cancel my subscription and any upcoming deliveries. I tried doing it in the app, but the cancel "
        "button just takes me to a page of special offers, and the phone line is only open while I'm at work.",
        "We're closing our office in {city} at the end of the quarter, so please cancel our contract from {date}. "
        "Our agreement says one month's notice, and this email should count as that notice.",
    ),
}
LE_HISTORY = (
    "So far I have called twice, sent photos through your form, and spoken to two different people who each told "
    "me something different.",
    "I've attached screenshots of the statement and the emails. Your reference for my earlier contact was {ticket_no}.",
    "I have already tried restarting everything, reinstalling the app and using a different browser.",
    "",
)
LE_ASK = (
    "Could you please sort this out and confirm in writing by the end of the week?",
    "I'd like a full refund and an explanation of what went wrong.",
    "Please tell me what you need from me to resolve this, and how long it will take.",
    "If this isn't resolved soon I'll have to take it further, which I'd really rather not do.",
)
LE_CLOSE = ("Kind regards,\n{fullname}\n{phone}", "Thanks,\n{first}", "Best wishes,\n{fullname}\nCustomer no. C{card4}",
            "Regards,\n{fullname}\n{email}")


def _long_email(c: _Ctx) -> str:
    dept = c.r.choice(tuple(LE_ISSUE))
    c.vals["email_dept"] = dept
    issue = list(LE_ISSUE[dept])
    c.r.shuffle(issue)
    parts = [c.pick(LE_OPEN), c.pick(LE_CONTEXT), c.fill(issue[0])]
    if c.r.random() < 0.4:
        parts.append(c.fill(issue[1]))
    hist = c.pick(LE_HISTORY)
    if hist:
        parts.append(hist)
    parts.append(c.pick(LE_ASK))
    parts.append(c.pick(LE_CLOSE))
    return "\n\n".join(parts)


#: Contract headings and the clauses (indices into CLAUSES_MINE, or extra texts) that fit them.
_CONTRACT_KINDS = (
    (("MASTER SERVICES AGREEMENT between {company} and {company2}", "CONSULTANCY AGREEMENT - draft v{n_small}",
      "SOFTWARE LICENCE AGREEMENT"), (1, 2, 3, 4, 5, 6, 7)),
    (("EMPLOYMENT CONTRACT - {fullname}", "Contract of employment ({role})"), (0, 1, 2, 10)),
    (("TERMS OF SERVICE (last updated {date})", "Terms of Use - {app}"), (4, 6, 11, 12)),
    (("RESIDENTIAL TENANCY AGREEMENT - {address}",), (8, 9)),
)


def _contract_section(c: _Ctx) -> str:
    heads, idx = c.r.choice(_CONTRACT_KINDS)
    pool = [CLAUSES_MINE[i] for i in idx]
    if idx == (8, 9):
        pool += list(LEASE_CLAUSES[2:])
    n = c.r.randint(6, 14)
    picks = c.r.sample(pool, min(len(pool), c.r.randint(3, 5)))
    return c.pick(heads) + "\n\n" + "\n\n".join(f"{n + i}. {cl}" for i, cl in enumerate(picks))


RFC_CONTEXT = (
    "Context: our booking platform serves {n_people}0,000 daily users across Europe; traffic triples on Monday mornings.",
    "Context: the {team} team owns a service that stores uploaded documents for insurance claims (about 4 TB, growing 300 GB a month).",
    "Context: we are a team of {n_small} engineers running a marketplace for second-hand furniture; all services run in one cloud region.",
)
RFC_GOALS = (
    "Goals: p99 latency under 300 ms, zero data loss on a single-node failure, deploys without downtime.",
    "Goals: cut infrastructure cost by 30% and make it possible to onboard enterprise customers with data residency needs.",
    "Goals: let mobile clients work offline for up to a week and sync reliably.",
)
RFC_OPEN = (
    "Open questions: do we need a message queue now or later? Who owns the migration scripts?",
    "Open questions: is a single Postgres primary enough for the write load? How do we test failover?",
    "Open questions: should the cache be shared between regions? What happens to in-flight requests during deploys?",
)


def _rfc(c: _Ctx) -> str:
    return "\n\n".join((
        c.pick(("RFC-{card4}: ", "Design doc: ", "Proposal - ")) + c.pick(("new storage layer", "event pipeline",
                                                                        "sync service", "checkout rewrite")),
        c.pick(RFC_CONTEXT), c.pick(RFC_GOALS),
        "Proposed design: " + " ".join(c.r.sample(DESIGNS, 2)),
        c.pick(RFC_OPEN),
    ))


def _kb_bundle(c: _Ctx) -> str:
    docs = c.r.sample(CONTEXT_DOCS, 3)
    target = c.r.choice(docs)
    c.vals["kb_q"] = c.r.choice(target[1])
    return "\n\n".join(f"[Article {i + 1}] {d[0]}" for i, d in enumerate(docs))


HOTEL_LETTER = (
    "Dear guest,\n\nWelcome to Harborlight Hotels {city}. We're delighted to have you with us.\n\nBreakfast is served "
    "in the Garden Room from 7:00 to 10:30 on weekdays and until 11:00 at weekends. If you have an early departure, "
    "reception can prepare a breakfast bag the evening before.\n\nThe spa on the lower ground floor is open from 8:00 "
    "to 21:00. Please book treatments at least a day in advance. Towels and robes are in your wardrobe.\n\nCheck-out "
    "is at 11:00. If you'd like to stay longer, ask at reception; late check-out is free when the room is not needed.\n\n"
    "We hope you enjoy your stay.\n\nThe Harborlight team",
    "Dear parents,\n\nThe school trip to the science museum in {city} will take place on {date}. Pupils should arrive "
    "at 8:15 at the main entrance; the coach leaves at 8:30 sharp and returns at about 16:00.\n\nPlease make sure your "
    "child brings a packed lunch, a water bottle and a rain jacket. Phones may be brought but will be kept by the "
    "teachers during the visit.\n\nThe cost of the trip is {amount}, payable through the school app by the end of the "
    "month. If this causes difficulty, please contact the office in confidence.\n\nKind regards,\n{fullname}, Year 6 lead",
)
BLOG_DRAFTS = (
    "Why we moved our team to a four day week\n\nLast year we was a team of {n_small} people working the usual five days, "
    "and honestly everybody was tired all the time. We tried lots of things, like no-meeting Fridays, but nothing really "
    "stuck, so in {month} we decided to try a four day week for three months as an experiment.\n\nThe first weeks were "
    "hard. Customers still emailed on Fridays and we had to figure out a rota so someone was always answering. We also "
    "realised how much time we spent in meetings that didnt need to happen, which was kind of embarassing.\n\nSix months "
    "later, we're still doing it. Output is about the same, sick days are down, and two people who were thinking about "
    "leaving have stayed. It's not for every company, but it worked for us and we would recommend atleast trying it.",
    "A beginners guide to sourdough (from someone who failed 10 times)\n\nMaking sourdough is not as hard as the internet "
    "makes it seem, but it is a lot slower then you think. The most important thing is your starter, which is basically "
    "flour and water that you feed every day until it bubbles.\n\nMy first loaves was flat like pancakes. The problem, it "
    "turns out, was that my kitchen was to cold and the dough never rose properly. Putting the bowl in the oven with just "
    "the light on fixed it.\n\nDon't give up after a bad loaf. Write down what you did, change one thing at a time, and "
    "eventually you'll get that crackly crust and open crumb that makes it all worth it.",
)
LONG_SNIPPETS = (
    ("Python", '''@app.route("/api/orders", methods=["POST"])
def create_order():
    data = request.get_json()
    user = User.query.get(data["user_id"])
    if not user:
        return jsonify({"error": "no user"}), 400
    total = 0
    for item in data["items"]:
        product = Product.query.get(item["product_id"])
        if product.stock < item["qty"]:
            return jsonify({"error": f"not enough {product.name}"}), 409
        product.stock -= item["qty"]
        total += product.price * item["qty"]
    if data.get("coupon"):
        coupon = Coupon.query.filter_by(code=data["coupon"]).first()
        if coupon and coupon.valid_until > datetime.now():
            total = total * (100 - coupon.percent) / 100
    order = Order(user_id=user.id, total=total, status="new")
    db.session.add(order)
    db.session.commit()
    send_confirmation_email(user.email, order.id)
    return jsonify({"id": order.id, "total": total}), 201'''),
    ("Go", '''func (h *Handler) Upload(w http.ResponseWriter, r *http.Request) {
	r.ParseMultipartForm(32 << 20)
	file, header, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "missing file", http.StatusBadRequest)
		return
	}
	defer file.Close()
	dst, err := os.Create(filepath.Join(h.dir, header.Filename))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer dst.Close()
	n, err := io.Copy(dst, file)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	h.metrics.BytesUploaded.Add(float64(n))
	json.NewEncoder(w).Encode(map[string]any{"name": header.Filename, "size": n})
}'''),
    ("TypeScript", '''export function useCart() {
  const [items, setItems] = useState<CartItem[]>(() => {
    const saved = localStorage.getItem("cart");
    return saved ? JSON.parse(saved) : [];
  });

  useEffect(() => {
    localStorage.setItem("cart", JSON.stringify(items));
  }, [items]);

  const add = (product: Product, qty = 1) =>
    setItems(prev => {
      const existing = prev.find(i => i.id === product.id);
      if (existing) {
        return prev.map(i => (i.id === product.id ? { ...i, qty: i.qty + qty } : i));
      }
      return [...prev, { id: product.id, name: product.name, price: product.price, qty }];
    });

  const remove = (id: string) => setItems(prev => prev.filter(i => i.id !== id));
  const total = items.reduce((sum, i) => sum + i.price * i.qty, 0);

  return { items, add, remove, total };
}'''),
)


def _long_snippet(c: _Ctx) -> str:
    lang, code = c.r.choice(LONG_SNIPPETS)
    c.vals["long_lang"] = lang
    return code


_slots(
    long_email=_long_email,
    contract_section=_contract_section,
    rfc=_rfc,
    kb_bundle=_kb_bundle,
    kb_q=lambda c: (c.get("kb_bundle"), c.vals["kb_q"])[1],
    letter=_of(HOTEL_LETTER),
    blog_draft=_of(BLOG_DRAFTS),
    long_snippet=_long_snippet,
    long_lang=lambda c: (c.get("long_snippet"), c.vals["long_lang"])[1],
)

_api("classification", "long-email-department",
     "You are the routing step for a home-goods retailer's customer inbox. Read the email and assign exactly one "
     "department: BILLING, DELIVERY, ACCOUNT, PRODUCT_SUPPORT or CANCELLATIONS. Output the code only.",
     ("{long_email}", "Subject: {ticket_no}\n\n{long_email}"))
_api("sentiment_analysis", "long-email-tone",
     "Assess the customer's emotional state in the email: calm, concerned, frustrated or angry, plus churn risk "
     "(low/medium/high). Output JSON with both fields and the sentence that shows it most.",
     "{long_email}")
_api("entity_extraction", "long-email-fields",
     "From the customer email, extract: customer_name, customer_number, order_numbers, dates_mentioned, amounts, "
     "phone, email, requested_action. JSON only; null for missing values.",
     "{long_email}")
_api("email_drafting", "long-email-reply",
     "Compose the customer service answer to the email for a home-goods retailer. Address every point the customer "
     "raised, say what happens next and by when, and keep a calm, human tone. Sign as 'Customer Service'.",
     ("{long_email}", "Customer email:\n\n{long_email}\n\nNotes: {agent_notes}"))
_inline("summarization", "long-email",
        ("Summarize this customer email in two lines for the ticket header:\n\n{long_email}",
         "TL;DR of the following complaint, one sentence:\n{long_email}"))
_api("legal_analysis", "contract-section",
     "You review contracts for a mid-size company. For the sections provided, list the five most significant "
     "risks for our side, cite the clause numbers, and propose negotiation points. Flag anything unusual for the "
     "contract type. Not legal advice.",
     "{contract_section}")
_chat("legal_analysis", "contract-long",
      ("We're about to sign this. Anything unusual or risky in these clauses?\n\n{contract_section}",
       "Can you go through these contract terms and tell me which ones I should try to renegotiate?\n\n{contract_section}"))
_api("architecture_review", "rfc-review",
     "You are a member of the architecture review board. Review the RFC: does the design meet the stated goals? "
     "Identify risks, missing failure-mode analysis and operational concerns, and answer the open questions.",
     "{rfc}")
_chat("architecture_review", "rfc-feedback",
      ("Can you give feedback on our design doc before the review meeting?\n\n{rfc}",
       "here's the RFC I wrote, be brutal: what's wrong with this design?\n\n{rfc}"))
_api("simple_qa", "kb-bundle",
     "Answer the user's question using the knowledge-base articles below. Answer in one sentence and cite the "
     "article number. If the answer is not there, say so.",
     "{kb_bundle}\n\nQuestion: {kb_q}")
_api("translation", "letter",
     "Translate the letter into {lang}. Keep the layout, paragraph breaks and sign-off. Adapt times and dates to "
     "local conventions only where necessary.",
     "{letter}")
_api("content_editing", "blog-edit",
     "You are the editor of a small-business blog. Edit the draft: fix spelling and grammar, improve flow and "
     "headings, cut about 20% of the length, and keep the author's voice. Return the edited post.",
     "{blog_draft}")
_chat("content_editing", "blog-proofread",
      ("Can you proofread my blog post before I publish it?\n\n{blog_draft}",
       "please clean up this draft, it's a bit rambly\n\n{blog_draft}"))
_api("code_explanation", "long-review",
     "You are a meticulous reviewer. Review the code for bugs, race conditions, security issues, error handling "
     "and maintainability. Group findings by severity. Do not rewrite the whole file.",
     ("{long_snippet}", "Please review this {long_lang}:\n\n{long_snippet}"))
_api("code_generation", "long-rewrite",
     "You improve production code. Rewrite the given code to fix its bugs and make it robust: validation, "
     "transactions, error handling, tests. Return the full updated code.",
     ("{long_snippet}", "Make this production-ready:\n\n{long_snippet}"))
_chat("code_explanation", "long-what-happens",
      ("Can you trace what happens, step by step, when this gets called?\n\n{long_snippet}",
       "New to the codebase. Explain this {long_lang} code step by step?\n\n{long_snippet}"))


# ---- more table shapes for data_analysis -----------------------------------------------


def _web_pages(c: _Ctx) -> str:
    pages = ("/", "/pricing", "/blog/how-to-choose-a-tent", "/signup", "/product/trailpro-40l", "/help/returns",
             "/about", "/blog/winter-cycling-tips", "/checkout")
    rows = [c.r.choice(("page | views | avg_time_s | bounce_rate | conversions",
                        "url | sessions | time_on_page_s | bounce | goal_completions"))]
    for p in c.r.sample(pages, c.r.randint(5, 8)):
        rows.append(f"{p} | {c.r.randint(800, 90000)} | {c.r.randint(8, 240)} | {c.r.uniform(20, 90):.0f}% | {c.r.randint(0, 900)}")
    return "\n".join(rows)


def _survey_crosstab(c: _Ctx) -> str:
    q = c.r.choice(("How satisfied are you with public transport in your city?",
                    "Would you recommend working here to a friend?",
                    "How often do you cook dinner at home?"))
    groups = ("18-24", "25-34", "35-49", "50-64", "65+")
    rows = [c.pick(("Survey results, {month} wave", "Resident survey {year}", "Staff pulse survey")) + f"\nQ: {q}",
            "answer        " + "  ".join(f"{g:>6}" for g in groups)]
    for a in ("Very / often", "Somewhat", "Not really", "Not at all"):
        rows.append(f"{a:<13} " + "  ".join(f"{c.r.randint(5, 55):>5}%" for _ in groups))
    rows.append("n            " + "  ".join(f"{c.r.randint(40, 900):>6}" for _ in groups))
    return "\n".join(rows)


def _nps(c: _Ctx) -> str:
    rows = ["segment,responses,promoters,passives,detractors"]
    for seg in ("Free", "Starter", "Business", "Enterprise", "Education"):
        n = c.r.randint(60, 2000)
        p = int(n * c.r.uniform(0.15, 0.6))
        d = int((n - p) * c.r.uniform(0.1, 0.7))
        rows.append(f"{seg},{n},{p},{n - p - d},{d}")
    return "\n".join(rows)


def _endpoint_stats(c: _Ctx) -> str:
    eps = ("GET /api/search", "POST /api/orders", "GET /api/products/:id", "POST /api/login", "GET /api/cart",
           "PUT /api/profile", "POST /api/payments")
    rows = ["endpoint                  calls    4xx     5xx   p95_ms"]
    for e in c.r.sample(eps, 5):
        calls = c.r.randint(2000, 400000)
        rows.append(f"{e:<25} {calls:>6} {int(calls * c.r.uniform(0, 0.05)):>6} "
                    f"{int(calls * c.r.choice((0.0005, 0.001, 0.04))):>6} {c.r.randint(40, 4000):>7}")
    return "\n".join(rows)


def _ed_waits(c: _Ctx) -> str:
    blocks = ("00-06", "06-12", "12-18", "18-24")
    rows = ["day   " + "  ".join(f"{b:>6}" for b in blocks) + "   (median wait, minutes)"]
    for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        rows.append(f"{d:<5} " + "  ".join(f"{c.r.randint(20, 240):>6}" for _ in blocks))
    return "\n".join(rows)


_slots(web_pages=_web_pages, survey_crosstab=_survey_crosstab, nps=_nps, endpoint_stats=_endpoint_stats,
       ed_waits=_ed_waits)

_api("data_analysis", "web-pages",
     "You are a web analytics consultant. From the page-level metrics, find the pages that underperform for "
     "their traffic, explain what the numbers suggest and propose what to test.",
     ("{web_pages}", "Last 30 days:\n{web_pages}"))
_api("data_analysis", "survey-crosstab",
     "Interpret survey crosstabs for a non-specialist audience: describe differences between groups, say which "
     "differences are meaningful given the sample sizes, and give the headline finding.",
     "{survey_crosstab}")
_api("data_analysis", "nps-segments",
     "Compute the Net Promoter Score per customer segment from the counts, rank the segments and comment on "
     "what stands out.",
     "{nps}")
_inline("data_analysis", "endpoint-errors",
        ("Here are last night's API stats per endpoint. Which endpoint is the problem and what do the numbers "
         "tell you?\n\n{endpoint_stats}",
         "Look at this per-endpoint breakdown and tell me where to focus the performance work:\n{endpoint_stats}"))
_chat("data_analysis", "ed-waits",
      ("I manage an emergency department. These are median waits by day and time block. When should we add staff?"
       "\n\n{ed_waits}",
       "Looking at these waiting times, which shifts are the worst and is there a weekly pattern?\n{ed_waits}"))


# ======================================================================================
# Extra templates for the categories that are easiest to confuse
# ======================================================================================

_slots(
    ad_text=_one(
        "Lose 10 kg in 7 days with our miracle tea! Doctors hate it. Order now, only {amount}.",
        "Weekend pottery workshops in {city} for beginners. Small groups, all materials included.",
        "Turn {amount} into {amount2} in one month with our trading bot, guaranteed returns!",
        "New {product}: lighter, tougher, and 20% off for the first week.",
        "Luxury watches, identical to the originals, a fraction of the price. Discreet shipping.",
        "Free consultation for small-business bookkeeping. Serving {city} since 2009.",
        "Cure anxiety forever with one simple supplement. No prescription needed.",
    ),
    freelancer_bio=_one(
        "Full-stack developer with 8 years of experience. I build fast, accessible web apps. Happy to chat here first.",
        "Logo designer. Contact me on WhatsApp +44 7700 900123 to avoid platform fees, 50% cheaper!",
        "Translator EN/ES/PT, certified. Portfolio on request.",
        "Best SEO in the world, 1000 backlinks for $10, visit cheap-links.example now!!!",
        "Video editor for YouTube channels. Quick turnaround, unlimited revisions within reason.",
        "Don't hire the idiots on this site, hire me. Everyone else here is a scammer.",
    ),
    agent_metrics=lambda c: "\n".join(
        ["agent,tickets_closed,first_response_min,csat,reopen_rate"]
        + [f"{name},{c.r.randint(40, 420)},{c.r.randint(2, 180)},{c.r.uniform(3.1, 4.9):.1f},{c.r.uniform(1, 25):.0f}%"
           for name in c.r.sample(FIRST, c.r.randint(5, 9))]
    ),
    channel_weeks=lambda c: "\n".join(
        ["week  email  phone  chat  chatbot_resolved"]
        + [f"W{w:<4} {c.r.randint(200, 900):>5}  {c.r.randint(100, 600):>5} {c.r.randint(100, 1200):>5}  {c.r.randint(0, 800):>16}"
           for w in range(c.r.randint(1, 40), c.r.randint(45, 52), 1)][:8]
    ),
    daily_orders=lambda c: "\n".join(
        ["date,orders,avg_basket,returns"]
        + [f"2026-{c.get('_m')}-{d:02d},{c.r.randint(80, 600)},{c.r.uniform(25, 90):.2f},{c.r.randint(0, 40)}"
           for d in range(1, c.r.randint(10, 22))]
    ),
    _m=lambda c: f"{c.r.randint(1, 12):02d}",
    feature=_raw("structured logging", "input validation with clear error messages", "an in-memory cache with a TTL",
                 "async support", "type hints everywhere", "a small command-line interface",
                 "retries with exponential backoff", "pagination support", "a --dry-run option"),
    bug_symptom=_raw("it returns one item too many", "it crashes on an empty input", "it's off by one on the last element",
                     "it never terminates when the list has duplicates", "it ignores uppercase letters",
                     "it's very slow for large inputs", "it mutates the caller's list"),
    js_snippet=lambda c: c.r.choice([code for lang, code in CODE_SNIPPETS if lang in ("JavaScript", "TypeScript")]),
    migration_ask=_raw(
        "split the `name` column of `customers` into first_name and last_name, with a data backfill",
        "rename the table `usr_sessions` to `sessions` without downtime",
        "add a composite unique constraint on (tenant_id, email) and clean up existing duplicates first",
        "move the JSON `preferences` blob into a separate key/value table",
    ),
    open_opinion=_raw(
        "Is it worth learning a musical instrument as an adult?", "Should I tell my boss I'm job hunting?",
        "Is it true that we only use 10% of our brains?", "Is a gap year a good idea before university?",
        "Should I buy a used car or lease a new one?", "Is it safe to eat food after the best-before date?",
        "Is social media bad for teenagers?", "Is it worth paying for a financial advisor?",
    ),
    explain_topic=_raw("how mortgages work", "the offside rule in football", "what a credit score is", "how tides work",
                       "how the electoral college works", "what causes the northern lights", "how a bill becomes law",
                       "how compound interest grows savings", "why the sky is dark at night"),
    tips_for=_raw("running my first marathon", "a job interview tomorrow", "moving abroad on my own",
                  "hosting a dinner party for ten", "travelling with a toddler on a long flight",
                  "staying focused when working from home", "learning to drive at 30"),
    define_word=_raw("ephemeral", "photosynthesis", "quorum", "serendipity", "isotope", "mitochondria", "ubiquitous",
                     "fiduciary", "haiku", "latency"),
    when_where=_raw("When did the Titanic sink?", "Where is Machu Picchu?", "Who invented the telephone?",
                    "When was the Eiffel Tower built?", "Where is the headquarters of the United Nations?",
                    "Who was the first woman to win a Nobel Prize?", "When did the euro become a physical currency?"),
    dice_problem=lambda c: c.r.choice((
        f"Two fair dice are rolled. What is the probability that the sum is {c.r.randint(4, 10)}?",
        f"You draw {c.r.randint(2, 4)} cards from a standard deck without replacement. What is the probability that "
        "they are all hearts?",
        f"A test is 99% accurate and the condition affects 1 in {c.r.choice((100, 500, 1000))} people. If someone tests "
        "positive, what is the probability they actually have it?",
        f"A coin is flipped {c.r.randint(5, 10)} times. What's the probability of getting at least two heads?",
    )),
    meeting_constraints=_one(
        "{first} can only meet Tuesday or Thursday mornings, {first2} is not available before 11:00, and {first3} "
        "works Monday to Wednesday only. We need one hour with all three next week. Which slots work?",
        "Five talks must fit in two rooms between 9:00 and 12:00. Talks A and B share a speaker, C must come after A, "
        "and D needs the big room. Each talk is 50 minutes with 10-minute breaks. Find a timetable.",
    ),
    recipe_text=_one(
        "Spiced chickpea stew. Fry an onion and two garlic cloves in olive oil, add cumin, smoked paprika and a "
        "pinch of chilli. Stir in two tins of chickpeas, a tin of tomatoes and a handful of spinach. Simmer for 20 "
        "minutes and finish with lemon juice. Vegan and gluten-free. Serves four.",
        "Quick salmon teriyaki. Marinate salmon fillets in soy sauce, mirin, honey and ginger for 15 minutes. Pan-fry "
        "skin side down, glaze with the marinade, and serve with rice and steamed broccoli. Ready in 30 minutes.",
        "Classic apple crumble. Slice apples, toss with sugar and cinnamon, top with a crumble of flour, butter and "
        "oats, and bake at 180 degrees for 40 minutes. Serve warm with custard.",
        "Thai green curry with tofu. Fry green curry paste in coconut cream, add tofu, aubergine and green beans, pour "
        "in coconut milk and simmer for 15 minutes. Season with lime, soy sauce and Thai basil. Serve with jasmine rice.",
        "Overnight focaccia. Mix flour, water, salt and a little yeast, rest in the fridge overnight, stretch into an "
        "oiled tin, dimple with rosemary and flaky salt, and bake at 230 degrees until golden.",
        "Greek lentil salad. Cook green lentils until just tender, toss with cucumber, red onion, feta, olives and "
        "oregano, and dress with olive oil and red wine vinegar. Vegetarian, good for packed lunches.",
    ),
    signature_block=_one(
        "--\n{fullname}\n{role}, {company}\nM: {phone}\nE: {email}\n\n{fullname2} | Office manager | {email2}",
        "Thanks again! Looping in {fullname2} ({email2}) who handles invoicing.\n\n{fullname}\n{company} | {city}\n{phone}",
    ),
    invoice_text=_one(
        "Supplier: {company}\nInvoice {order_no}, dated {date}\n3 x Office chair @ 189.00 = 567.00\n10 x Desk lamp @ 24.50 = "
        "245.00\nDelivery 35.00\nVAT 20% 169.40\nTotal 1,016.40 EUR, due {date2}",
        "{company} - invoice {order_no}\nWeb design, 24 hours @ 85/h\nHosting, 12 months @ 15/month\nDomain renewal 18\n"
        "Payment within 30 days to {fullname}",
    ),
)

_api("spam_detection", "ad-review",
     "You review ads submitted to our self-serve ad platform. Reject ads for counterfeit goods, get-rich-quick "
     "schemes, miracle cures or misleading health claims. Output APPROVE or REJECT with the policy name.",
     ("{ad_text}", "Ad copy: {ad_text}"))
_api("spam_detection", "bio-policy",
     "Check user bios on a freelancer marketplace for attempts to take payments off the platform, spam links or "
     "insults aimed at other users. Output CLEAN or VIOLATION:<type>.",
     "{freelancer_bio}")
_api("spam_detection", "comment-queue",
     "Community comment queue. Decide PUBLISH, HOLD (possible harassment or spam, needs a human) or REJECT (clear "
     "spam, threats or hate).",
     ("{toxic_text}", "{blog_comment}", "New comment from {username}: {blog_comment}"))
_inline("spam_detection", "scam-check",
        ("Is this listing a scam? Answer yes or no and give the red flags.\n\n{listing}",
         "Flag this job post if it looks fraudulent:\n{job_post}",
         "Check this ad for scam or fake-health-claim content: {ad_text}"))
_chat("spam_detection", "weird-reviews",
      ("Our shop is getting some weird reviews. Is this one spam or a real customer? \"{review_suspect}\"",
       "does this review look fake to you? {review_suspect}"))

_api("data_analysis", "support-metrics",
     "You are a support operations analyst. From the agent metrics, identify coaching opportunities, workload "
     "imbalances and any agent whose numbers look inconsistent. Quote the figures.",
     "{agent_metrics}")
_chat("data_analysis", "channel-deflection",
      ("Here's ticket volume per channel per week. Is the chatbot actually taking load off the team?\n\n{channel_weeks}",
       "what do these channel numbers say about our support load?\n{channel_weeks}"))
_inline("data_analysis", "daily-orders",
        ("Analyse the daily orders below: trend, weekday effects, and anything odd about returns.\n\n{daily_orders}",
         "Can you find patterns in this order data and summarise them with numbers?\n{daily_orders}"))

_api("code_generation", "add-feature",
     "You modify existing code as requested. Keep the style of the original and return the full updated code.",
     ("Add {feature} to this:\n\n{app_snippet}", "Change request: {feature}.\n\n```\n{app_snippet}\n```"))
_chat("code_generation", "write-tests",
      ("can you write pytest tests for this?\n\n{py_snippet}", "Write Jest tests for this function:\n{js_snippet}",
       "I need unit tests for this, we have none:\n{snippet}"))
_inline("code_generation", "fix-bug",
        ("This function has a bug: {bug_symptom}. Fix it.\n\n{snippet}",
         "Fix the following code, {bug_symptom}:\n```\n{snippet}\n```"))
_api("code_generation", "migration",
     "You write database migrations (Alembic for Python projects, plain SQL otherwise). Make them reversible and "
     "safe to run on a large production table.",
     ("Write a migration to {migration_ask}.", "{migration_ask}"))

_chat("code_explanation", "why-this-output",
      ("I don't get why this behaves the way it does. Can you explain?\n\n{snippet}",
       "Can you explain what each part of this does? I'm learning {code_lang}.\n{snippet}"))
_inline("code_explanation", "summarize-code",
        ("Summarize what the following {code_lang} code is for, in two or three sentences:\n\n{snippet}",
         "Write a short comment block explaining this function for the code review:\n{snippet}"))

_api("open_qa", "nuanced",
     "You are a thoughtful generalist. Give nuanced answers that explain the reasoning and the main trade-offs, "
     "in a few short paragraphs.",
     "{open_opinion}")
_chat("open_qa", "explain-to-me",
      ("Can you explain {explain_topic} to me?", "explain {explain_topic} like I'm new to it",
       "I never understood {explain_topic}. Help?"))
_chat("open_qa", "tips",
      ("Any tips for {tips_for}?", "What should I know about {tips_for}?", "advice for {tips_for}?"))

_slots(placeholder_junk=_raw("{{ user_input }}", "INSERT PROMPT HERE", "<prompt>", "${USER_MESSAGE}",
                             "undefined undefined", "[PLACEHOLDER]", "%s", "TODO: real prompt"))
_inline("other", "placeholder-junk", "{placeholder_junk}")
_chat("other", "misc-no-task",
      ("brb", "I'm going to sleep now", "can you keep a secret?", "remind me to call the dentist tomorrow",
       "just testing if you work on my phone", "sorry, wrong window", "ignore my last message"))
_api("other", "eval-probe",
     ("You are being evaluated for latency. Respond minimally.", "Warm-up request. Any output is fine.",
      "Smoke test for the {company} integration."),
     ("x", "warm up", "1 2 3", "hello world", "smoke"))

_api("simple_qa", "definition",
     "Dictionary widget: give a one-line definition of the word, nothing more.",
     "{define_word}")
_chat("simple_qa", "when-where-who",
      ("{when_where}", "Quick fact check: {when_where}", "{when_where} just the answer please"))

_api("pii_detection", "dlp-outgoing",
     "Data-loss prevention check for outgoing email. Does the message contain customer personal data (names with "
     "contact details, ID numbers, health information, bank details)? Output BLOCK or ALLOW and list the spans.",
     ("{pii_text}", "{clean_text}", "To: external partner\n\n{pii_text}"))
_chat("pii_detection", "cv-blank-out",
      ("Before I upload this CV to the shared drive, can you blank out the contact details and date of birth?\n\n{resume}",
       "anonymise this CV for a blind review, remove anything that identifies the person:\n{resume}"))

_api("reasoning", "probability",
     "Probability tutor. Define the events, compute the answer step by step and give it as a fraction and a percentage.",
     "{dice_problem}")
_chat("reasoning", "constraints",
      ("{meeting_constraints}", "Can you solve this scheduling puzzle? {meeting_constraints}"))

_api("keyword_extraction", "recipe-keywords",
     "Extract search keywords from recipes: main ingredients, cuisine, diet labels and cooking method. Comma-separated.",
     ("{recipe_text}", "Recipe:\n{recipe_text}"))
_chat("keyword_extraction", "job-ad-keywords",
      ("Pull out the keywords from this job ad so I can match them in my CV:\n\n{job_ad}",
       "what are the key terms in this posting?\n{job_ad}"))

_api("entity_extraction", "invoice-lines",
     "Parse supplier invoices into JSON: supplier, invoice_number, date, line_items [{description, quantity, "
     "unit_price, amount}], tax, total, currency, due_date.",
     "{invoice_text}")
_chat("entity_extraction", "contacts",
      ("Get the names, roles, emails and phone numbers from this into a table:\n\n{signature_block}",
       "can you pull the contact details out of this email so I can add them to the CRM?\n{signature_block}"))

_chat("brainstorming", "need-ideas",
      ("I need ideas for {event}, we have a small budget", "Help me think of names for {business}",
       "Give me a bunch of ideas to {problem}", "What could we do for {event}? List a few options."))
_api("sentiment_analysis", "predict-stars",
     "Predict the star rating (1-5) the customer would give based on their written review. Number only.",
     ("{review}", "Review text: {review}"))

_slots(price_list=lambda c: "\n".join(
    ["item | price | notes"]
    + [f"{p} | {c.get('_cur')}{c.r.uniform(5, 120):.2f} | {c.r.choice(('', 'members -10%', 'seasonal', 'limited stock', 'incl. VAT'))}"
       for p in c.r.sample(("Bike rental, half day", "Bike rental, full day", "Helmet", "Child seat", "Guided tour",
                            "Lock", "E-bike upgrade", "Insurance", "Delivery to hotel"), 5)]
))
_api("simple_qa", "price-list",
     "Answer customers' questions from the price list in the message. One short sentence.",
     ("{price_list}\n\nHow much is a guided tour?", "{price_list}\n\nDo members get a discount on anything?",
      "{price_list}\n\nWhat's the cheapest item?"))
_chat("content_editing", "rephrase",
      ("rephrase: {casual_text}", "reword this pls {any_text}", "Make this shorter and punchier: {product_copy}",
       "Can you rewrite this more politely? {casual_text}"))

_slots(
    _cur=_raw("$", "€", "£", "CHF "),
    app_snippet=lambda c: c.r.choice([code for lang, code in CODE_SNIPPETS if lang not in ("SQL", "Bash", "C")]),
)


# ======================================================================================
# Plain instructions: what people type to a general assistant. Short, one-sentence or
# short-paragraph requests, with or without a pasted input, no system prompt or a generic
# one. Each list is split into small templates (``plain-<slug>-<k>``), so held-out
# templates hold wordings the model never saw.
# ======================================================================================


def _plain(category: str, slug: str, prompts: Sequence[str], *, inline: bool = False, size: int = 4) -> None:
    """Register ``prompts`` as templates of ``size`` wordings each (chat or inline style)."""
    for k in range(0, len(prompts), size):
        chunk = tuple(prompts[k : k + size])
        if inline:
            _inline(category, f"plain-{slug}-{k // size + 1}", chunk)
        else:
            _chat(category, f"plain-{slug}-{k // size + 1}", chunk)


def _p_arith(c: _Ctx) -> str:
    k = c.r.randrange(10)
    a, b, d = c.r.randint(3, 19), c.r.randint(20, 90), c.r.randint(2, 6)
    if k == 0:
        return (f"{c.get('first')} has {d} times as many stickers as {c.get('first2')}. Together they have {a * (d + 1)}. "
                "How many stickers does each of them have?")
    if k == 1:
        return (f"A rectangle is {d} times as long as it is wide and its perimeter is {2 * a * (d + 1)} cm. "
                "What is its area?")
    if k == 2:
        return (f"A car uses {d + 3} litres of fuel per 100 km. How much fuel does a {b * 10} km trip need, and what "
                f"does it cost at {c.get('_cur')}1.{a} per litre?")
    if k == 3:
        return f"The average of five numbers is {b}. When one number is removed the average becomes {b - d}. Which number was removed?"
    if k == 4:
        return (f"A train leaves at {c.get('time')} travelling at {b + 40} km/h. A second train leaves the same station "
                f"{d} hours later at {b + 80} km/h on the same track. When does the second catch up?")
    if k == 5:
        return f"Solve for x: {d}x + {a} = {d * b + a}. Then check your answer."
    if k == 6:
        return f"If x + y = {b} and x - y = {2 * a}, what are x and y?"
    if k == 7:
        return (f"A recipe for {d} people needs {a * 25} g of flour and {d + 1} eggs. How much of each do I need for "
                f"{d * 3 + 1} people?")
    if k == 8:
        return (f"A jacket costs {b + 60} after a {a + 10}% discount. What was the original price? Round to the "
                "nearest cent.")
    return (f"{d + 2} workers can build a wall in {a + 4} days. How long would it take {d + 5} workers working at the "
            "same rate?")


def _p_prob(c: _Ctx) -> str:
    k = c.r.randrange(5)
    n, m = c.r.randint(2, 6), c.r.randint(3, 9)
    if k == 0:
        return f"What is the probability of rolling at least one six in {n + 1} rolls of a fair die?"
    if k == 1:
        return f"A drawer has {n} black socks and {m} white socks. If I pull out two in the dark, what are the chances they match?"
    if k == 2:
        return f"If I flip a fair coin {m + 1} times, what is the probability of getting exactly {n} heads?"
    if k == 3:
        return f"In a class of {m + 20} students, how likely is it that two share a birthday? Work it out."
    return f"Two cards are drawn from a standard deck without replacement. What is the probability both are {c.r.choice(('hearts', 'aces', 'face cards', 'red'))}?"


_slots(
    p_arith=_p_arith,
    p_prob=_p_prob,
    p_fn=_raw("f(x) = 3x^2 - 5x + 2", "f(x) = x^3 sin(x)", "f(x) = e^(2x) / x", "f(x) = ln(x^2 + 1)",
              "f(x) = sqrt(4x + 9)", "f(x) = (2x - 1)^5"),
    p_topic=_raw("the French Revolution", "photosynthesis", "black holes", "the Industrial Revolution",
                 "the human immune system", "plate tectonics", "the Cold War", "inflation", "the history of jazz",
                 "machine learning", "the Great Barrier Reef", "the Byzantine Empire", "antibiotic resistance",
                 "the stock market", "renewable energy", "the Apollo programme", "ancient Egypt", "coral bleaching",
                 "the printing press", "urban gardening", "the ozone layer", "the Mongol Empire", "sourdough baking"),
    p_food=_raw("lasagne", "a chocolate soufflé", "pad thai", "a vegetable curry", "banana bread", "a Spanish omelette",
                "homemade pasta", "shakshuka", "a lemon tart", "ramen broth", "falafel", "a Sunday roast"),
    p_skill=_raw("the piano", "chess", "watercolour painting", "swimming", "public speaking", "knitting", "photography",
                 "rock climbing", "Mandarin", "juggling", "woodworking", "salsa dancing", "sketching"),
    p_persona=_raw("a medieval blacksmith", "a grumpy wizard", "Sherlock Holmes", "a pirate captain", "a Roman senator",
                   "a barista in a cosy café", "a tour guide in ancient Athens", "a time traveller from the year 3000",
                   "a famous chef", "a wise old dragon", "a noir detective in 1947", "a football coach at half-time",
                   "a talking cat", "an astronaut on the Moon", "a Victorian butler", "a fortune teller at a fair",
                   "a knight guarding a castle gate", "a friendly alien who just landed", "a sarcastic robot",
                   "a 1920s jazz singer", "a ship's AI that has been alone for centuries", "Napoleon Bonaparte",
                   "a small-town mayor", "a stand-up comedian", "a grumpy innkeeper", "my future self"),
    p_animal=_raw("penguins", "octopuses", "honeybees", "wolves", "elephants", "crows", "sea turtles", "bats", "ants"),
    p_thing=_raw("a handmade ceramic mug", "a solar-powered phone charger", "noise-cancelling headphones",
                 "a bamboo toothbrush", "an electric scooter", "a smart water bottle", "organic dog treats",
                 "a weighted blanket", "a vintage leather satchel", "a cold-brew coffee maker", "a foldable kayak"),
)

# ---- open_qa --------------------------------------------------------------------------

_P_OPEN = (
    "What are the health benefits of eating more fibre?", "How does compound interest work over a long time?",
    "What should I pack for a week of hiking in the mountains?", "Tell me about the history of {p_topic}.",
    "How do bees make honey?", "What's the best way to learn {p_skill} as an adult?",
    "What are the main causes of climate change and what can individuals do about it?",
    "How do I make a really good {p_food}?", "What are the key differences between Buddhism and Hinduism?",
    "Why is sleep so important for memory?", "What should I consider when choosing a university?",
    "How do interest rates affect house prices?", "Explain the theory of evolution by natural selection.",
    "What are good strategies for paying off student loans?", "How does the immune system fight off a cold?",
    "How can I become a better listener?", "What's the difference between stocks and bonds?",
    "What happens to the body during a marathon?", "Discuss the impact of social media on teenagers' mental health.",
    "How has the internet changed the way people work?", "How do solar panels turn sunlight into electricity?",
    "What is quantum computing and why does it matter?", "Describe how the water cycle works.",
    "What were the main achievements of the Renaissance?", "How can a small business protect itself from cyber attacks?",
    "What should a first-time visitor to {country} know about local customs?", "How can I manage stress during exam season?",
    "Is drinking coffee every day bad for you?", "What makes a good leader?", "How do I prepare my garden for winter?",
    "How can governments reduce income inequality?", "How do airplanes actually stay in the air?",
    "How do I write a cover letter that stands out?", "What is the difference between a Roth IRA and a traditional IRA?",
    "Why is the sky blue?", "How are new medicines tested before they reach patients?",
    "What should I think about before adopting a dog?", "How does the stock market work, in plain terms?",
    "What can I do to fall asleep faster at night?", "How would the world be different if the internet had never been invented?",
    "What might have happened if the Roman Empire had never fallen?", "What would happen to Earth if the Moon disappeared?",
    "If humans could photosynthesise, how would daily life change?", "How many piano tuners are there in a big city? Walk me through an estimate.",
    "Roughly how many litres of water does a person drink in a lifetime? Explain your estimate.",
    "About how many words does an average person speak in a year? Show how you estimate it.",
    "How can you tell if a restaurant is popular with locals rather than tourists?",
    "Why do some people enjoy scary movies?", "How can I tell if a news source is reliable?",
    "What are the most important skills for a career in {subject}?", "Is it wise to tell my supervisor I want to lead a project, and how would I bring it up?",
    "What is the role of the central bank in an economy?", "Describe the main features of Gothic architecture.",
    "What is the greenhouse effect?", "How did ancient sailors navigate without GPS?",
    "What are the benefits and risks of intermittent fasting?", "How do I start investing with a small amount of money?",
    "Tell me about {p_animal}. How do they communicate?", "What is the difference between a latte and a cappuccino?",
    "What are some common mistakes first-time home buyers make?", "How does a bill become a law?",
    "Explain the basics of supply and demand.", "What are the symptoms of burnout and how do you recover from it?",
    "How does the human brain store memories?", "What is stoicism and how can it help in everyday life?",
    "How do I keep my motivation up when learning a new language?", "Why did the dinosaurs go extinct?",
    "How do electric cars compare to petrol cars over their whole lifetime?", "What are the main ideas of Keynesian economics?",
    "How can I save money on groceries without eating badly?", "What's the best way to prepare for a long-haul flight?",
    "In what ways did {p_topic} shape the modern world?", "What are black holes made of?",
    "Give me an overview of {p_topic}.", "I'm curious about {p_topic}. What are the basics?",
    "What kind of work does an actuary do?", "What is the smart way to approach negotiating my pay?",
    "What are the ethical concerns around artificial intelligence?", "How do tides work?",
    "How do I deal with a difficult coworker without making things worse?", "What's the healthiest way to lose weight?",
    "How can cities become more bike-friendly?", "What are the main differences between classical and romantic music?",
    "How do I know if I'm drinking enough water?", "Why do we dream?", "How does a credit card actually make money for the bank?",
    "What are some signs that a used car is a bad deal?", "How do I become a freelance graphic designer?",
    "What's the difference between an introvert and a shy person?", "How does recycling plastic really work?",
    "Describe the impact of the Silk Road on trade and culture.", "What is the scientific method?",
)
_plain("open_qa", "questions", _P_OPEN)

# ---- reasoning --------------------------------------------------------------------------

_P_REASON = (
    "{p_arith}", "{p_arith} Show your work.", "Solve this step by step: {p_arith}", "Can you work this out for me? {p_arith}",
    "{p_prob}", "{p_prob} Explain each step.", "Find the derivative of {p_fn}.", "Differentiate {p_fn} and simplify.",
    "What is the sum of all multiples of 3 or 5 below 1000?", "Find the greatest common divisor of 252 and 198.",
    "Is 391 a prime number? Show how you check.", "What is the remainder when 2^100 is divided by 7?",
    "Evaluate the integral of x * e^x from 0 to 1.", "How many ways can 7 people be seated around a round table?",
    "A triangle has vertices at (0,0), (6,0) and (2,5). What is its area?",
    "How many different 4-digit PIN codes have no repeated digits?",
    "The sum of three consecutive integers is 87. What are they?",
    "A boat goes 24 km upstream in 3 hours and comes back in 2 hours. What is the speed of the current?",
    "If a clock gains 4 minutes every hour and is set right at noon, what time does it show at midnight?",
    "Anna is older than Ben, Ben is older than Chloe, and Dan is younger than Chloe. Who is the second oldest?",
    "All roses in the garden are red. Some red flowers in the garden are wilting. Can we conclude that some roses are wilting? Explain.",
    "I have a 5-litre jug and a 3-litre jug and a tap. How do I measure exactly 4 litres?",
    "If the day after tomorrow is Saturday, what day was it three days before yesterday?",
    "Which number doesn't belong in this list and why: 2, 3, 5, 9, 11, 13?",
    "What comes next in the sequence 1, 1, 2, 6, 24, ...? Explain the pattern.",
    "Three boxes are labelled 'red', 'blue' and 'mixed', and every label is wrong. You may draw one ball from a single box. How can you correct the labels?",
    "Is this argument valid? All cats are mammals. My pet is a mammal. Therefore my pet is a cat.",
    "A says B is lying. B says C is lying. C says both A and B are lying. Who is telling the truth?",
    "There are three light switches outside a closed room with one bulb inside. You can enter the room once. How do you find which switch controls the bulb?",
    "I have one oven and need to cook a roast (90 min), potatoes (45 min) and a pie (60 min) so that everything is hot at 7pm. Plan the timings.",
    "Schedule five one-hour meetings between 9:00 and 17:00 when {first} is busy from 11 to 13 and {first2} can't do anything after 15:00. Both must attend every meeting.",
    "I need to go to the bank (closes at 12), the post office (opens at 11) and the gym (90 minutes). I leave home at 9. What order works?",
    "Prove that the sum of the first n odd numbers equals n squared.", "Prove that if n^2 is even, then n is even.",
    "Show that there is no largest prime number.", "Prove that the product of two consecutive integers is always even.",
    "Use induction to prove that 3^n - 1 is divisible by 2 for every positive integer n.",
    "A snail climbs 3 metres up a 10-metre well each day and slips back 2 metres each night. On which day does it reach the top?",
    "If it takes 8 minutes to boil 2 eggs, how long does it take to boil 6 eggs in the same pot? Think carefully.",
    "Calculate how long it takes to pay off a loan of 10,000 at 6% a year with monthly payments of 300.",
    "A shop sells pens at 3 for $2. How much do 20 pens cost, and how many can I buy with $15?",
    "Given f(x) = 2x + 3 and g(x) = x^2, find f(g(2)) and g(f(2)).",
    "Solve the system: 2x + 3y = 13 and 5x - y = 7.", "Find all real solutions of x^2 - 5x + 6 = 0.",
    "What is the angle between the hands of a clock at 4:40?", "Convert 0.375 to a fraction and explain the steps.",
    "If you put 1,000 in an account earning 4% a year compounded monthly, how much is there after 10 years?",
    "Two trains 300 km apart head towards each other at 70 km/h and 80 km/h. At what time and how far from the first station do they pass each other?",
    "A farmer has chickens and cows, 30 heads and 74 legs in total. How many of each?",
    "How many squares are there on a chessboard, counting all sizes?",
    "You are in a race and overtake the person in second place. What position are you in now? Explain.",
    "A bat and a glove cost 110 together and the bat costs 100 more than the glove. How much is the glove? Reason carefully.",
    "If five people each shake hands with each other once, how many handshakes are there? Generalise to n people.",
    "My flight leaves at 14:10 from an airport 70 km away. I need to be there 2 hours early and driving averages 50 km/h. When must I leave?",
    "Three friends split a restaurant bill of 96; one pays twice as much as each of the other two. How much does each pay?",
    "A water tank is 2 m by 1.5 m by 1 m. How many litres does it hold, and how long does a 12 litre per minute hose take to fill it?",
    "Think step by step: {p_arith}", "Help me with this maths problem: {p_arith}", "Let's reason about this one: {p_prob}",
)
_plain("reasoning", "problems", _P_REASON)

# ---- chat (role-play openings and open conversation) ----------------------------------

_P_CHAT = (
    "Pretend you are {p_persona}. I'll be a customer who just walked in. Stay in character.",
    "Act as {p_persona} and talk to me as if we just met.", "Imagine you are {p_persona}. Introduce yourself to me.",
    "Let's roleplay: you are {p_persona} and I'm a traveller asking for directions.",
    "From now on you're {p_persona}. Don't break character. Ready?",
    "I want you to act as {p_persona}. I'll ask you questions and you answer in character.",
    "Roleplay as {p_persona}. I just told you some bad news. How do you react?",
    "Play the role of {p_persona} for the rest of this chat.",
    "Be {p_persona} and greet me like an old friend.",
    "Can you pretend to be {p_persona}? I want to practise a conversation.",
    "Let's play a game: you are {p_persona} and I'm a reporter interviewing you.",
    "Take on the persona of {p_persona}. What's on your mind today?",
    "Speak to me as if you were {p_persona}. Tell me about your day.",
    "Imagine you're {p_persona} and I'm your new apprentice. What's my first lesson?",
    "Pretend you're my grandmother telling me about her childhood on a farm.",
    "Act as my personal cheerleader for the rest of this conversation.",
    "Let's do an improv scene. You're a waiter at a restaurant where everything goes wrong. I'll start: excuse me, there's a frog in my soup.",
    "Pretend we're two old friends meeting at a school reunion. You start.",
    "Be my language exchange partner and chat with me in simple Spanish about my weekend.",
    "Can you pretend to be a customer so I can practise my sales pitch?",
    "Act as an interviewer for a marketing job and ask me one question at a time.",
    "You're a shopkeeper in a fantasy village and I walk in looking for a healing potion. Go.",
    "Imagine you are a knight and I'm a stranger asking to enter the castle. What do you say?",
    "Become a talking houseplant and tell me how you feel about being watered so rarely.",
    "Pretend you are a dog and tell me about your day at the park.",
    "Let's pretend you're my coach before the final. Pump me up!",
    "I'd like you to be my imaginary friend for today. Say hi!",
    "Roleplay a conversation where you're a museum guard and I'm a kid who got lost.",
    "You are a time traveller I met at a bus stop. Start the conversation.",
    "Embody the spirit of a lighthouse keeper and chat with me on a stormy night.",
    "Can we just chat for a while? I had a long day and want to talk about anything.",
    "I'm feeling a bit lonely tonight, can you keep me company?",
    "Let's have a casual conversation. What's your favourite kind of weather?",
    "Talk to me like a friend would. I just got back from holiday.",
    "Let's chat! Ask me something interesting about myself.",
    "Hey, I'm bored. Let's just talk about movies for a bit.",
    "Stay in character as {p_persona} while we chat. First: how did you end up here?",
    "Imagine you are a famous explorer just back from the Arctic and I'm your biggest fan.",
    "Answer all my next messages as if you were {p_persona}.",
    "Please act like {p_persona} who is trying to sell me something useless.",
)
_plain("chat", "roleplay", _P_CHAT)

# ---- creative_writing -----------------------------------------------------------------

_P_CREATIVE = (
    "Write a short story about a lighthouse keeper who finds a message in a bottle.",
    "Compose a poem about the first snowfall of the year.", "Write a blog post about the joys of baking bread at home.",
    "Write a persuasive speech for a school assembly about cutting plastic waste.",
    "Write a product description for {p_thing}.", "Write a catchy jingle for an ice cream van.",
    "Tell me a joke about accountants.", "Write song lyrics about a road trip with old friends.",
    "Compose a limerick about a forgetful wizard.", "Write a travel blog post about a weekend in {city}.",
    "Create an ad for a new energy drink aimed at students.",
    "Write a motivational half-time speech for a football team that is losing 2-0.",
    "Write a fairy tale about a fox who wants to become a baker.", "Write a children's story that teaches the value of sharing.",
    "Describe a sunset over the desert in vivid, poetic language.", "Write the opening chapter of a mystery set on a cruise ship.",
    "Write a heartfelt tribute to a family dog who passed away.", "Compose a haiku for each of the four seasons.",
    "Write a rap verse about learning to code.", "Write a horror story in exactly six sentences.",
    "Write a monologue for a villain who thinks he is the hero.", "Write a riddle whose answer is 'shadow'.",
    "Write an engaging blog post about the benefits of learning a second language.",
    "Write a short scene where two astronauts argue about who broke the coffee machine.",
    "Write a letter from a soldier in 1916 to his family back home.",
    "Write a wedding speech for my sister. She's a vet and loves hiking.", "Write a love poem in the style of a weather report.",
    "Write a funny review of a toaster from the point of view of a slice of bread.", "Compose a lullaby for a newborn.",
    "Write a short fable with a moral about patience.", "Give me a gripping first line for a fantasy novel.",
    "Write a spooky description of a haunted house for a Halloween flyer.",
    "Write a social media post announcing our café's tenth birthday.",
    "Invent a backstory for a jazz musician from New Orleans.", "Create a dialogue between the sun and the moon.",
    "Write a story that begins with the sentence: The door was already open.",
    "Write a press release announcing the launch of {p_thing}.", "Write a funny poem about a cat who hates Mondays.",
    "Write an Instagram caption for a gym's New Year campaign.", "Write a sci-fi story about a robot that learns to paint.",
    "Write an acrostic poem using the word OCEAN.", "Write a script for a 30-second radio ad for a car wash.",
    "Write a short essay about what home means to you.", "Write a sonnet about a broken umbrella.",
    "Write a bedtime story about {p_animal} who go on an adventure.", "Compose a ballad about a lost ship.",
    "Write a poem about {p_topic} that rhymes.", "Create a short comic strip script about office life.",
    "Write a 500-word story in the {genre} genre about a missing key.", "Write ad copy for {p_thing} in a playful tone.",
    "Write the lyrics of a country song about a broken tractor.", "Write a blog post titled 'Ten things I learned from running a marathon'.",
    "Write a vivid description of a busy street market at dawn.", "Draft a toast for my best friend's 30th birthday party.",
    "Write a story from the perspective of an old pair of boots.", "Write a dramatic monologue for a queen about to abdicate.",
    "Compose a short poem celebrating teachers.", "Write a funny obituary for my old laptop.",
    "Write a short speech to open a community garden.", "Write a mystery story where the detective is a parrot.",
    "Write a tagline and a short ad for a meal-kit service for busy parents.",
    "Write an engaging travel article about a trip to {country}, highlighting food and culture.",
    "Write a limerick about {p_animal}.", "Write a poem in free verse about city lights at night.",
    "Make up a legend explaining why the moon changes shape.", "Write a short story for teenagers about the first day at a new school.",
    "Write a funny dialogue between a cat and a vacuum cleaner.", "Write a persuasive essay on why everyone should learn to cook.",
    "Write a short story with a twist ending about a pizza delivery.", "Write a stand-up comedy bit about online shopping.",
)
_plain("creative_writing", "writing", _P_CREATIVE)

# ---- brainstorming ----------------------------------------------------------------------

_P_BRAIN = (
    "Make a list of things to bring to a day at the beach.", "Suggest some names for a pet hamster.",
    "What are some good fantasy books for a 14-year-old?", "Recommend a few films similar to a slow-burn space drama.",
    "Come up with ten questions to ask at the end of a job interview.", "List some fun team-building activities for a remote team.",
    "Generate possible titles for a blog post about {topic_blog}.", "Give me ideas for a romantic dinner at home.",
    "What are some creative ways to reuse glass jars?", "Suggest hobbies for someone who just retired.",
    "Brainstorm names for a podcast about {topic_blog}.", "I need ideas for a science fair project for a 12-year-old.",
    "What are some healthy snacks I can take to work?", "Give me a list of conversation starters for a networking event.",
    "Suggest some activities for a rainy day with toddlers.", "List ideas for reducing plastic in my kitchen.",
    "What are some good places to visit in {country} for a week?", "Come up with a few slogans for a recycling campaign.",
    "Suggest some themes for a company summer party.", "Give me some dinner ideas using chickpeas and spinach.",
    "Make a packing list for a camping weekend.", "List possible names for a bakery that specialises in {p_food}.",
    "What are some fun things to do in {city} at night?", "Suggest some YouTube video ideas for a cooking channel.",
    "Give me ideas for a 10-minute icebreaker for a workshop.", "What are some ways to make my small flat feel bigger?",
    "Brainstorm features for a habit-tracking app.", "Suggest some board games for a group of six adults.",
    "List some birthday gift ideas for a teenager who likes music.", "What can I cook for a picnic that travels well?",
    "Propose a few fundraising ideas for our football club.", "Give me 5 names for a fantasy kingdom.",
    "Generate a list of writing prompts for a creative writing class.", "Suggest ways to celebrate an employee's work anniversary.",
    "List some questions I could ask my grandparents about their lives.", "What are a few side hustles I could start this year?",
    "Give me ideas for decorating a classroom for the first week of school.", "Recommend some podcasts about history.",
    "Suggest some workout ideas I can do in a hotel room.", "Come up with names for a coffee shop near a university.",
    "What are some unusual ice cream flavours I could try making?", "List some options for a weekend getaway near {city}.",
    "Generate ideas for a charity event at our office.", "What are some good questions for a customer feedback survey?",
    "Brainstorm ways our library could attract more teenagers.", "Suggest vegetarian recipes that a meat lover would enjoy.",
    "List some ideas for a cosy autumn evening.", "What are some good names for a hiking club?",
    "Come up with a list of topics for a school debate.", "Recommend some easy houseplants for a dark room.",
)
_plain("brainstorming", "lists", _P_BRAIN)

# ---- entity_extraction ------------------------------------------------------------------

_slots(
    p_bio=_one(
        "{fullname} was born in {city} in 1978 and studied chemistry at the university there. In 2004 she joined "
        "{company} as a lab technician and became head of research in 2015. She now lives in {city2} with her husband.",
        "Founded in 1996 by {fullname} and {fullname2}, {company} started as a two-person workshop in {city}. It "
        "opened offices in {city2} and {country} in 2011 and today employs about 1,400 people.",
        "The conference in {city} ran from 3 to 5 {month}. Keynotes were given by {fullname} of {company} and "
        "{fullname2}, a professor from {city2}. Tickets cost {amount} and about 900 people attended.",
        "On {date}, {fullname} signed a three-year deal with {company}, worth {amount2}, to supply parts to its "
        "factory in {city}. The agreement was announced by spokesperson {fullname2}.",
        "My name is {fullname}, I'm 34 and I work as a {role} at {company} in {city}. Contact: {email}, "
        "{phone}. I'm available from {date}.",
        "Last summer we flew from {city} to {city2} with a stopover in {country}. Our guide, {first2}, took us to "
        "three museums and a vineyard owned by {fullname}.",
    ),
    p_list_text=_one(
        "Product: {product}. Price: {amount}. Rating: 4.3 stars from 212 reviews. Ships from {city} in 2-3 days.",
        "Order {order_no} for {fullname}, delivered to {address} on {date}: 2 x {product}, total {amount2}.",
        "{fullname}, {role}, joined {date}, based in {city}, reports to {fullname2}.",
    ),
)

_P_EXTRACT = (
    "Extract all the dates mentioned in this text:\n\n{p_bio}", "List every person and organisation named in the paragraph below.\n\n{p_bio}",
    "Find all the place names in the following text.\n{p_bio}", "Identify the people, places and companies mentioned here and return them as JSON.\n\n{news_item}",
    "Pull out the names of everyone mentioned in this article:\n{news_item}",
    "From the text below, extract the name, job title and employer of each person.\n\n{p_bio}",
    "Extract the product name, price and rating from this listing: {p_list_text}",
    "Get the email address and phone number out of this message.\n\n{p_bio}",
    "Which companies are mentioned in this passage, and who leads each of them?\n\n{news_item}",
    "Read the job ad and list the salary, location, contract type and start date.\n\n{job_ad}",
    "Parse this into name, street, city and postcode: {messy_address}",
    "From this receipt, extract the shop, date, items and total.\n\n{receipt}",
    "Extract all monetary amounts and what they refer to from the text below.\n{news_item}",
    "Return a JSON object with the fields name, age, job and city for the person described here: {p_bio}",
    "Identify all the named entities in the following sentence and label them as PERSON, ORG, LOC or DATE.\n{p_bio}",
    "Make a table of the people in this text with their roles.\n\n{p_bio}",
    "Extract the key details from this order: customer, items, total and delivery date. {p_list_text}",
    "List the organisations and the years mentioned below, in order of appearance.\n\n{p_bio}",
    "Pick out all the numbers in this paragraph and say what each one measures.\n{p_bio}",
    "Please extract every city and country mentioned in the text: {p_bio}",
    "What names, dates and amounts appear in this text? Give them as a list.\n\n{p_bio}",
    "Given the text below, fill in these fields: founder, year founded, headquarters, number of employees.\n\n{p_bio}",
    "Find the invoice number, due date and total in this document.\n{invoice_text}",
    "Extract the event name, date, venue and ticket price from the following description.\n\n{p_bio}",
    "Extract the author, title and year of each book referenced in my notes: 'Dune' by Frank Herbert (1965), "
    "and 'The Dispossessed', Le Guin, 1974.",
    "From the following recipe, list each ingredient with its quantity.\n\n{recipe_text}",
    "Identify the main characters in this passage and what we learn about each.\n{story_passage}",
    "Extract the structured information from this text as key: value pairs.\n{p_list_text}",
)
_plain("entity_extraction", "extract", _P_EXTRACT, inline=True)

# ---- content_editing ----------------------------------------------------------------------

_P_EDIT = (
    "Rewrite this sentence to sound more professional: {casual_text}", "Proofread this paragraph and fix any mistakes.\n\n{typo_text}",
    "Make this text friendlier: {stiff_text}", "Paraphrase the following so it doesn't sound copied: {any_text}",
    "Correct the grammar in this sentence: {typo_text}", "Can you make this less wordy?\n{product_copy}",
    "Improve the flow of this paragraph.\n\n{story_passage}", "Edit this for clarity and tone: {casual_text}",
    "Rewrite this in plain English for a general audience:\n{jargon_text}", "Change this to the passive voice: {fact_or_opinion}",
    "Fix the spelling errors in: {typo_text}", "Make this sound more confident: {casual_text}",
    "Rephrase this more diplomatically: {casual_text}", "Simplify this text for a ten-year-old reader.\n\n{article}",
    "Polish this paragraph for my personal statement.\n{story_passage}", "Tighten up this product blurb: {product_copy}",
    "Rewrite the following text in a more formal register.\n{casual_text}", "Please reword this to avoid repetition: {product_copy}",
)
_plain("content_editing", "edits", _P_EDIT, inline=True)

# ---- classification ----------------------------------------------------------------------

_P_CLS = (
    "Classify these animals as mammals, birds or reptiles: eagle, lizard, whale, sparrow, crocodile, bat.",
    "Is this sentence a question, a statement or a command? {fact_or_opinion}",
    "Decide whether the following is a fact or an opinion: {fact_or_opinion}",
    "Sort these expenses into food, transport and housing: rent, bus pass, groceries, taxi, electricity, takeaway.",
    "Which of these are fruits and which are vegetables: tomato, carrot, apple, cucumber, pear, potato?",
    "Label each word as a noun, verb or adjective: quickly, run, blue, table, sing, happy.",
    "Is this email urgent or can it wait? Answer with one word.\n\n{inbox_email}",
    "What genre is this film based on the plot: a detective hunts a ghost in a haunted hotel? Choose comedy, horror, drama or thriller.",
    "Categorise this news headline by topic (politics, sport, science, business, culture): {headline}",
    "Tell me which department should handle this request: IT, HR, Finance or Facilities. {hr_it_q}",
    "Is the following statement true or false? {fact_or_opinion}",
    "Group these countries by continent: Kenya, Chile, Vietnam, Norway, Morocco, Canada.",
    "Classify this customer message as a complaint, a question or a compliment: {rental_msg}",
    "Does this headline describe good news or bad news? {headline}",
    "Which of these are programming languages and which are databases: Rust, PostgreSQL, Kotlin, Redis, Go, MongoDB?",
    "Put each of these items in the right recycling bin (paper, plastic, glass, general waste): jam jar, pizza box, yoghurt pot, newspaper, crisp packet.",
    "Identify whether each sentence is formal or informal.\n{casual_text}\n{stiff_text}",
    "Classify the following book by its likely audience: children, young adult or adult. {podcast_desc}",
    "Is this a question about billing, shipping or returns? {rental_msg}",
    "Tag this headline with one category from: World, Tech, Health, Money. {headline}",
)
_plain("classification", "labels", _P_CLS, inline=True)

# ---- code_generation ------------------------------------------------------------------------

_P_CODE = (
    "Write a Python program that reads a text file and prints the ten most common words.",
    "Implement binary search in Java.", "Create a SQL query that finds customers who ordered more than three times last month.",
    "How do I reverse a linked list in C++? Show the code.", "Write a regular expression that matches UK postcodes.",
    "Build a simple HTML page with a contact form and some CSS.", "Write a bash script that renames all .jpeg files to .jpg.",
    "Give me a JavaScript function that debounces another function.", "Create a React component that shows a countdown timer.",
    "Develop a C program that tells if a word reads the same backwards.", "Implement a stack using two queues in Python.",
    "Write code to find the longest common subsequence of two strings.", "Make a Python script that downloads a web page and counts the links on it.",
    "Write a function in Go that merges two sorted slices.", "Code a simple to-do list app in Flask.",
    "Write a program to print the Fibonacci numbers below 1000 using recursion and memoisation.",
    "Implement a queue with a fixed capacity in TypeScript.", "Write a SQL statement to delete duplicate rows from a table called orders.",
    "Help me write a Python class for a bank account with deposit and withdraw methods.",
    "Write a unit test for a function that adds two numbers.", "Port this code to Rust:\n{py_snippet}",
    "Fix the bug in this code:\n{snippet}", "My code throws an error, please fix it.\n\n{snippet}",
    "Clean up this code so it's easier to follow:\n{snippet}", "Write a shell one-liner to count lines in all .py files in a folder.",
    "Generate a Python script that converts Celsius to Fahrenheit for a list of values.",
    "Implement quicksort in JavaScript without using built-in sort.", "Write a Dockerfile for a small Node.js web app.",
    "Write a function that returns the median of two sorted arrays in O(log n).",
    "Create a Python function to validate an email address with a regex.",
    "Write an algorithm to detect a cycle in a directed graph.", "Show me how to read a CSV file with pandas and group by a column.",
)
_plain("code_generation", "code", _P_CODE)

# ---- code_explanation ----------------------------------------------------------------------

_P_CODEX = (
    "What does this code do?\n\n{snippet}", "Explain this function line by line:\n{snippet}",
    "Trace what this does when it runs.\n{snippet}", "What's the time complexity of this code?\n\n{snippet}",
    "Add comments to this code explaining each step:\n{snippet}", "Can you break down this regex for me? {regex}",
    "I found this in our codebase. What is it for?\n{snippet}", "Review this code and tell me what could go wrong.\n\n{snippet}",
    "Describe in plain English what this SQL does:\n{sql_snippet}", "Write documentation for this function.\n{py_snippet}",
    "What is the purpose of each line here?\n{js_snippet}", "Why would someone write it this way?\n{snippet}",
)
_plain("code_explanation", "explain", _P_CODEX, inline=True)

# ---- format_conversion --------------------------------------------------------------------

_P_FMT = (
    "Turn this list into a table with columns for name, role and start date.\n{kv_doc}",
    "Put these notes into bullet points:\n{bullets}", "Make a markdown table from this data:\n{csv_rows}",
    "Rewrite this JSON as YAML.\n{json_doc}", "Change the dates in this list to the format YYYY-MM-DD.\n{date}, {date2}",
    "Put the following information into CSV format.\n{kv_doc}", "Format this as a numbered list:\n{menu_lines}",
    "Turn this table into a JSON array of objects.\n{csv_rows}", "Present this data as an HTML table.\n{csv_rows}",
    "Reformat this address so it fits on a shipping label: {messy_address}", "Turn this YAML into JSON please.\n{yaml_doc}",
    "Make this into a tab-separated table I can paste into a spreadsheet.\n{kv_doc}",
)
_plain("format_conversion", "reformat", _P_FMT, inline=True)

# ---- translation ---------------------------------------------------------------------------

_P_TRANS = (
    "How do you say 'where is the train station' in {lang}?", "What's the {lang} for 'I'd like the bill, please'?",
    "Put this into {lang}: {en_phrase}", "Can you say this in {lang} for me? {en_phrase}",
    "What does this mean in English? {foreign}", "Render this paragraph in {lang}.\n\n{en_source}",
    "I need this in {lang}: {en_phrase}", "English please: {foreign}",
)
_plain("translation", "say-it", _P_TRANS)

# ---- sentiment_analysis --------------------------------------------------------------------

_P_SENT = (
    "Is this review positive or negative? {review}", "How does the writer feel in this post? {social_post}",
    "Rate the mood of this message from 1 (very unhappy) to 5 (very happy): {review}",
    "What emotion is expressed here? {emotion_text}", "Tell me whether this customer is happy or annoyed: {review}",
    "Would you say this tweet is positive, negative or neutral? {social_post}",
    "Read this comment and tell me the overall tone: {survey_comment}", "Is the author of this text angry? {emotion_text}",
    "Does this feedback sound satisfied or disappointed? {feedback_line}", "Score the positivity of this review out of 10: {review}",
    "Is this sarcastic or sincere? {sarcastic_text}", "What is the attitude of the speaker here? {emotion_text}",
)
_plain("sentiment_analysis", "feeling", _P_SENT, inline=True)

# ---- spam_detection -----------------------------------------------------------------------

_P_SPAMD = (
    "Is this message a scam? {sms}", "Does this comment contain hate speech or insults? {toxic_text}",
    "Check whether this text message is legit or fraudulent: {sms}", "Is this post offensive? {toxic_text}",
    "Should this comment be removed from our forum? {blog_comment}", "Is this email trying to trick me?\n\n{phish_mail}",
    "Does this listing look fake? {listing}", "Would you block this user based on their message? {toxic_text}",
)
_plain("spam_detection", "flag", _P_SPAMD, inline=True)

# ---- language_detection ---------------------------------------------------------------------

_P_LANGD = (
    "What language is this? {foreign}", "Which language is this sentence in: {foreign}", "Guess the language: {foreign}",
    "Can you tell me what language my neighbour's note is written in? {foreign}", "Name the language of this text. {foreign}",
    "Is this Portuguese or Spanish? {foreign_confusable}", "Which language are these lines in?\n{foreign_lines}",
    "What language did my friend text me in? {foreign}",
)
_plain("language_detection", "which-lang", _P_LANGD, inline=True)

# ---- pii_detection ----------------------------------------------------------------------------

_P_PII = (
    "Remove all names and phone numbers from this text.\n\n{pii_text}", "Does this message contain any personal details? {pii_text}",
    "Anonymise this before I share it with the team:\n{pii_text}", "Mask the card number and the email address in this: {pii_text}",
    "Blank out anything that could identify the patient in this note.\n{clinical_note}",
    "List any sensitive personal information you can find here: {pii_text}",
    "Replace every name in this chat with [NAME] and every address with [ADDRESS].\n{pii_text}",
    "Is it safe to post this publicly, or does it contain private information? {pii_text}",
)
_plain("pii_detection", "scrub", _P_PII, inline=True)

# ---- keyword_extraction -----------------------------------------------------------------------

_P_KW = (
    "Give me tags for this blog post:\n{article}", "Which keywords stand out in this paragraph? {article}",
    "Suggest hashtags for this post: {social_post}", "List the key terms from this abstract.\n{paper_abstract}",
    "Pick five words that best describe this text. {long_article}", "What search terms would someone use to find this article?\n{article}",
    "Give me the important phrases from this job ad, comma-separated.\n{job_ad}", "Tag this recipe with a few labels.\n{recipe_text}",
)
_plain("keyword_extraction", "tags", _P_KW, inline=True)

# ---- simple_qa --------------------------------------------------------------------------------

_P_SQA = (
    "What is the capital of Australia?", "Who wrote Pride and Prejudice?", "How many bones are in the adult human body?",
    "When did the Berlin Wall fall?", "At sea level, water boils at what temperature in Fahrenheit?", "How many grams are in a pound?",
    "Who painted the Mona Lisa?", "What's the chemical symbol for gold?", "Which planet is closest to the sun?",
    "How many players are on a rugby union team?", "What year did the first person walk on the Moon?",
    "What is the tallest mountain in Africa?", "Who is the author of One Hundred Years of Solitude?",
    "What currency do they use in {country}?", "How many time zones does Russia have?", "What's the cube root of 27?",
    "Which ocean lies between Africa and Australia?", "What does DNA stand for?", "Who discovered penicillin?", "How long is a marathon in kilometres?",
    "Based on the text below, when does the offer end?\n\n{context_doc}", "Read the passage and answer: who is the main character?\n{story_passage}",
    "Using only this paragraph, how much sleep do adults need?\n{article}", "According to the note below, what time is the meeting?\n{context_doc}",
)
_plain("simple_qa", "facts", _P_SQA)

# ---- summarization -------------------------------------------------------------------------------

_P_SUM = (
    "I just want the gist: what does this article say?\n\n{long_article}", "What are the main points of this text?\n{article}",
    "Condense this into two sentences: {long_article}", "Boil this down to three bullet points.\n\n{long_article}",
    "In a few sentences, what is this article about?\n{news_item}", "Key takeaways from the following, please:\n{long_article}",
    "Write a one-paragraph overview of this report.\n\n{long_article}", "Give me a short recap of these meeting notes.\n{meeting_notes_actions}",
    "Can you sum up this email thread for me?\n{email_thread}", "Write a brief abstract for this paper.\n{paper_abstract}",
    "What's the short version of this? {long_email}", "Shrink this story down to a single paragraph.\n{story_passage}",
)
_plain("summarization", "gist", _P_SUM, inline=True)

# ---- email_drafting -------------------------------------------------------------------------------

_P_MAIL = (
    "Write a letter to my landlord asking him to fix the leaking roof.", "Help me reply to my boss, who asked me to work this weekend.",
    "Draft a note to the team announcing that {first} is joining as our new {role}.",
    "Write a message to a customer apologising for a delayed delivery.", "Help me write a thank-you note to my child's teacher.",
    "Write a cover letter for a {role} position at {company}.", "Write a text to my friend cancelling dinner tonight.",
    "Write a LinkedIn message to a recruiter asking about open roles.", "Compose a polite reminder to a client whose invoice is overdue.",
    "Write a message to my neighbours inviting them to a street party.", "Draft a resignation letter that stays on good terms.",
    "Write a short note to a colleague congratulating them on their promotion.",
    "Reply to this customer and tell them the refund is on its way.\n\n{complaint_msg}",
    "Write a message to parents about the school trip on {date}.", "Help me answer this invitation and say I can't come.\n{event_invite}",
    "Write a follow-up after a job interview with {fullname}.",
)
_plain("email_drafting", "messages", _P_MAIL)

# ---- data_analysis ---------------------------------------------------------------------------------

_P_DATA = (
    "What trends do you see in this data?\n\n{sales_table}", "Which product sold best, and which is declining?\n{sales_table}",
    "Here are my monthly expenses. Where am I spending the most?\n{transactions}", "Look at these numbers and tell me what stands out.\n{any_table}",
    "Calculate the averages and point out anything unusual.\n{csv_rows}", "What conclusions can you draw from this table?\n\n{any_table}",
    "Analyse these survey results for me.\n{survey_crosstab}", "Is there a pattern in these error logs?\n{log_lines}",
    "Compare the channels in this table: which gives the best return?\n{any_table}", "Interpret these results for a non-technical audience.\n{funnel}",
    "Which students are struggling based on these scores?\n{csv_rows}", "Find the outliers in this data and explain them.\n{daily_orders}",
)
_plain("data_analysis", "read-table", _P_DATA, inline=True)

# ---- research_synthesis ----------------------------------------------------------------------------

_P_RES = (
    "Compare what these sources say and write a short report.\n\n{sources}", "Synthesise the findings of these studies into one overview.\n{sources}",
    "Write a literature review on {research_topic} using the abstracts below.\n{sources}",
    "Based on these three articles, what's the overall picture?\n\n{sources}", "Where do these sources agree and where do they disagree?\n{sources}",
    "Combine the notes from these interviews into a list of themes with evidence.\n{interviews}",
    "Write a research brief on {research_topic}, drawing on the documents I've pasted.\n{sources}",
    "Summarise the evidence across these papers and point out the gaps in the research.\n{sources}",
)
_plain("research_synthesis", "sources", _P_RES, inline=True)

# ---- legal_analysis -------------------------------------------------------------------------------

_P_LEGAL = (
    "Can my landlord keep my deposit for normal wear and tear?", "Is it legal for my employer to read my work messages?",
    "What are my rights if my flight is cancelled in the EU?", "Does this privacy policy let the company sell my data?\n{policy_excerpt}",
    "My employer wants me to sign a non-compete. Is it enforceable in {jurisdiction}?", "What's the legal difference between a licence and a lease?",
    "Review this terms of service excerpt and tell me what I'm agreeing to.\n{policy_excerpt}", "Who is responsible if a delivery driver is injured on my property?",
    "What obligations does a small online shop have under consumer law for returns?", "Can I be fired for posting about my job on social media?",
    "Check this policy for compliance problems.\n{policy_doc}", "What does 'indemnify and hold harmless' mean in practice?",
)
_plain("legal_analysis", "rights", _P_LEGAL)

# ---- architecture_review ---------------------------------------------------------------------------

_P_ARCH = (
    "How should I design a URL shortener that handles millions of requests a day?", "Review this system design and point out the weak spots.\n{design}",
    "How would you lay out the backend of a chat app so it scales?", "Should we split our monolith into services? We're a team of {team_size}.",
    "How would you design the backend for a ride-sharing app?", "Is this setup a single point of failure? {design}",
    "Design a notification system that sends email, SMS and push messages reliably.", "How do I make our web app survive a data-centre outage?",
    "Critique this architecture for a photo-sharing site: {design}", "What database and caching strategy would you use for a leaderboard with millions of players?",
    "Propose an architecture for processing IoT sensor data in near real time.", "How should a multi-tenant SaaS separate customer data?",
)
_plain("architecture_review", "design", _P_ARCH)

# ---- other ----------------------------------------------------------------------------------------

_P_OTHER = (
    "hello there", "Can you hear me?", "Testing, one two three.", "Never mind, it's fine.", "ok", "Good night!",
    "I'll be right back.", "Thanks, that's everything for now.",
)
_plain("other", "bits", _P_OTHER)

# ---- second batch: imperative phrasings and instruction-plus-input layouts ---------------

_slots(
    p_issue=_raw("remote work", "fast fashion", "online privacy", "space tourism", "school uniforms", "tipping culture",
                 "self-driving cars", "homework for young children", "standardised testing", "universal basic income",
                 "plant-based diets", "tiny houses", "gig economy jobs", "screen time for kids"),
    p_goal=_raw("run a 10k", "save for a house deposit", "learn to cook", "get a job in tech", "write a novel",
                "become a morning person", "improve my posture", "read more books", "get better at chess",
                "keep a tidy home", "speak confidently in meetings", "travel on a tight budget"),
    p_item=_raw("a new laptop for university", "a used bicycle", "a family car", "running shoes", "a mattress",
                "a first digital camera", "a tent for two", "an espresso machine", "a winter coat"),
    p_brief=_one(
        "Product: a reusable coffee cup that folds flat. Audience: commuters.",
        "Business: a mobile bike repair service in {city}.", "Event: a charity bake sale at a primary school.",
        "App: helps neighbours lend each other tools.", "Club: a book club that only reads science fiction.",
        "Shop: a second-hand record store with a café.", "Course: an evening class on home electrics for beginners.",
        "Service: weekly meal planning for families with allergies.", "Podcast: interviews with small-town bakers.",
    ),
    p_scene=_one(
        "An old man feeding pigeons in a square while it starts to rain.",
        "Two children building a raft on a river in summer.", "A train station at midnight with one passenger waiting.",
        "A kitchen on the morning of a big family wedding.", "A fishing village after a storm.",
        "A robot tidying a library after closing time.", "A lighthouse seen from a small boat at dusk.",
    ),
)

_P_OPEN2 = (
    "Explain how {p_topic} works to someone with no background.", "Describe the causes and effects of {p_topic}.",
    "Give me an overview of the arguments for and against {p_issue}.", "Provide some tips on how to {p_goal}.",
    "Offer advice to someone who wants to {p_goal} but keeps giving up.", "What are the steps to {p_goal}?",
    "What should I look for when buying {p_item}?", "Discuss whether {p_issue} is good for society.",
    "Describe what a typical day looks like for a nurse.", "Explain the difference between weather and climate to a child.",
    "Answer this question in a few paragraphs: why do countries go to war?", "Tell me why people procrastinate and how to stop.",
    "Provide an explanation of how credit scores are calculated.", "Describe the life cycle of a star.",
    "Give a brief history of the bicycle.", "Explain the rules of cricket simply.",
    "What are the advantages and disadvantages of {p_issue}?", "What is your opinion on {p_issue}?",
    "Answer the following question.\n\nQuestion: How does altitude affect cooking times?",
    "Answer the question below.\n\nWhy do onions make people cry?",
    "Please answer: what is the best way to store bread so it stays fresh?",
    "I'd like to understand {p_topic} better. Where should I start?", "Help me understand why {p_animal} behave the way they do.",
    "Can you explain how mortgages work?", "How do I get started with {p_skill}?",
    "What do I need to know before moving abroad for work?", "What are the common signs of dehydration?",
    "Why do prices go up over time?", "How are earthquakes measured?", "What does a healthy breakfast look like?",
    "Tell me how to prepare for a job interview in {subject}.", "How can I support a friend going through a hard time?",
    "Explain what a neural network is in simple terms.", "What are the benefits of meditation, according to research?",
    "Describe the role of women in ancient Rome.", "What is the best way to learn vocabulary in a new language?",
    "If you could change one thing about the education system, what would it be and why?",
    "How long would it take to walk around the Earth? Estimate and explain your assumptions.",
    "What are some good habits for keeping a computer secure?", "Is it better to exercise in the morning or in the evening?",
)
_plain("open_qa", "imperative", _P_OPEN2)

_P_BRAIN2 = (
    "Suggest a few names for this.\n\n{p_brief}", "Come up with marketing ideas for the following.\n{p_brief}",
    "Give me five slogan options.\n\n{p_brief}", "List possible features or services we could add.\n{p_brief}",
    "Brainstorm ways to get the first 100 customers.\n{p_brief}", "What are some ways to promote this on a small budget?\n{p_brief}",
    "Provide a list of tips to {p_goal}.", "Give examples of jobs that involve working with {p_animal}.",
    "Recommend some books for someone who wants to {p_goal}.", "Think of ways to use leftover rice.",
    "Give me some talking points for a debate on {p_issue}.", "Make a list of pros and cons of {p_issue}.",
    "Generate ten questions for a pub quiz about {p_topic}.", "Suggest some songs for a road trip playlist.",
    "What could I name my sourdough starter?", "List fun facts about {p_animal} that kids would enjoy.",
    "Give me some ideas for what to write in a birthday card for my boss.", "Suggest some weekend trips from {city} by train.",
    "Provide several alternatives to saying 'I think' in an essay.", "What are some creative date ideas that cost nothing?",
)
_plain("brainstorming", "suggest", _P_BRAIN2)

_P_CREATIVE2 = (
    "Write a short story based on this scene.\n\n{p_scene}", "Write a poem inspired by the following image.\n{p_scene}",
    "Turn this scene into the opening of a novel:\n{p_scene}", "Write a product description for this.\n\n{p_brief}",
    "Write an advertisement for the following.\n{p_brief}", "Write a catchy tagline for this.\n{p_brief}",
    "Write a speech for the opening of this event.\n{p_brief}", "Write a blog post introducing the following to readers.\n{p_brief}",
    "Write a story about someone who wants to {p_goal}.", "Write a poem about {p_issue}.",
    "Write a funny song about trying to {p_goal}.", "Write a short play about {p_issue} with two characters.",
    "Write a tweet announcing this.\n{p_brief}", "Compose a short poem describing this moment: {p_scene}",
)
_plain("creative_writing", "from-input", _P_CREATIVE2, inline=True)

_P_CHAT2 = (
    "I want you to be my travel buddy. We've just arrived in {city}. What should we do first?",
    "Let's pretend you're a medieval innkeeper and I've just come in from the snow.",
    "You are my study partner. Quiz me casually and chat between questions.",
    "Pretend you're my friend who just got back from {country}. Tell me everything!",
    "Act as a sports commentator and narrate me making breakfast.",
    "Imagine you are a grumpy old sailor in a harbour tavern and I'm a young deckhand.",
    "Respond to me as {p_persona} would, no matter what I say.", "Be {p_persona}. I'll start: good evening!",
    "Play {p_persona} in a chat with me. What's the first thing you say?", "Let's role play. You are {p_persona}, I'm your assistant.",
    "Pretend to be a customer support agent having a really bad day, and I'm the customer.",
    "Act as a character from a fantasy novel and chat with me about your kingdom.",
)
_plain("chat", "persona", _P_CHAT2)

_P_REASON2 = (
    "A group of {n_people} people need rooms. Rooms hold 3 or 4 people. What is the smallest number of rooms? Explain.",
    "Calculate the area of a circle with a radius of 7 cm, then the circumference.",
    "If a plant doubles in height every week and is 64 cm after 6 weeks, how tall was it after 2 weeks?",
    "What's 15% of 240, and what number is 240 15% more than?", "Solve: a number tripled and then decreased by 8 equals 31.",
    "If I walk at 5 km/h and jog at 9 km/h, how long does a 12 km route take if I jog half of it?",
    "In how many ways can you choose a team of 3 from 10 people?", "A ladder 5 m long leans against a wall with its foot 3 m away. How high does it reach?",
    "Four neighbours each own a different pet. The cat owner lives between the dog and fish owners, and the rabbit lives at one end. List every arrangement that fits.",
    "There are 20 socks in a drawer, 10 blue and 10 grey. What is the fewest I must grab blindly to guarantee two of one colour?",
    "Plan a seating arrangement for 8 guests where couples sit apart and {first} isn't next to {first2}.",
    "Check my logic: if every square is a rectangle and this shape is not a rectangle, is it a square?",
)
_plain("reasoning", "more", _P_REASON2)

# ---- third batch: more inputs per category -------------------------------------------------

_P_DATA2 = (
    "Does this data show that our team is overloaded?\n\n{tickets_by_cat}", "Which categories are growing fastest?\n{tickets_by_cat}",
    "Is our retention getting better? Look at this cohort table.\n{cohort}", "Which of these channels should we cut?\n{channels}",
    "Where is the budget going over plan?\n{budget}", "What happened to response times here?\n{latency_log}",
    "Which endpoints are slowest and is it getting worse?\n{endpoint_stats}", "How are waiting times changing over the year?\n{ed_waits}",
    "What do these NPS numbers tell us?\n{nps}", "Which class did best on the test and by how much?\n{grades}",
    "Spot any weeks that look unusual in this data.\n{daily_orders}", "Do these ratings differ between products in a meaningful way?\n{ratings}",
    "Tell me what's driving the drop in this funnel.\n{funnel}", "Draw three conclusions from this spreadsheet.\n{csv_rows}",
    "Is spending on any category out of line with the rest?\n{transactions}", "Work out the growth rate month by month and comment on it.\n{sales_table}",
)
_plain("data_analysis", "questions", _P_DATA2, inline=True)

_P_SENT2 = (
    "How upset is the customer in this email: calm, worried, frustrated or furious?\n\n{long_email}",
    "What's the emotional tone of this message?\n{long_email}", "Is the person who wrote this likely to cancel? Judge from the tone.\n{long_email}",
    "Tell me how this customer feels about us, in one word.\n{complaint_msg}", "Does this survey answer sound positive overall? {survey_comment}",
    "Classify the mood of each of these reviews as good, bad or mixed.\n{review_list}", "Is this person happy with the product? {review}",
    "What feelings come through in this post? {social_post}", "How would you describe the attitude in this feedback? {feedback_line}",
    "On a scale of 1 to 10, how angry is this message? {emotion_text}", "Does the writer like the hotel or not? {review}",
    "Is this comment praise or criticism? {survey_comment}",
)
_plain("sentiment_analysis", "mood", _P_SENT2, inline=True)

_P_DEF = (
    "What does 'ubiquitous' mean?", "Define photosynthesis in one sentence.", "What's the meaning of the word 'serendipity'?",
    "Give me a quick definition of inflation.", "What is a haiku?", "What does GDP stand for?", "Define 'mitochondria'.",
    "What is the plural of 'cactus'?", "What's the opposite of 'generous'?", "What is a synonym for 'happy'?",
    "What does the abbreviation ETA mean?", "Meaning of 'ephemeral'?", "Which is bigger, a kilobyte or a megabyte?",
    "Who was the first woman to win a Nobel Prize?", "At what temperature in Kelvin does water freeze?",
    "How many continents are there?", "What's the largest desert in the world?", "In which country is Machu Picchu?",
    "What language is spoken in Brazil?", "How many seconds are there in an hour?",
)
_plain("simple_qa", "define", _P_DEF)

_P_SUM2 = (
    "What's this article about? Keep it short.\n\n{news_item}", "Recap the following for someone who missed it.\n{meeting_notes_actions}",
    "Give me the highlights of this piece in three lines.\n{long_article}", "Condense this email into one sentence.\n{long_email}",
    "I don't have time to read this, what does it say?\n{long_article}", "Reduce this paragraph to its main idea.\n{article}",
    "What's the bottom line of this report?\n{long_article}", "Shorten this chat log to the key decisions.\n{slack_log}",
    "Outline the main arguments of this text as bullets.\n{long_article}", "Briefly, what happened in this story?\n{story_passage}",
    "Give me a quick overview of what this news is saying.\n{news_item}", "Can you make a short digest of these notes?\n{call_notes}",
)
_plain("summarization", "short", _P_SUM2, inline=True)

_P_PII2 = (
    "Is there anything personal in these logs I should strip before sharing?\n\n{log_lines}",
    "Find any email addresses, phone numbers or names in this and hide them.\n{pii_text}",
    "Check this CV for personal data before I put it in the shared folder.\n{resume}",
    "Does this transcript reveal who the customer is? Mark the identifying parts.\n{chat_transcript_pii}",
    "Strip out patient identifiers from this note.\n{clinical_note}", "Which parts of this message are private information? {pii_text}",
    "Replace any personal details in this with placeholders.\n{pii_text}", "Is any customer information visible in this text? {pii_text}",
)
_plain("pii_detection", "private", _P_PII2, inline=True)

_P_KW2 = (
    "What topics does this article cover? Just a few words each.\n{long_article}", "Give me SEO tags for this product.\n{product_listing}",
    "Which words would you index this paper under?\n{paper_abstract}", "List the core concepts mentioned in this text.\n{article}",
    "Suggest labels for this podcast episode.\n{podcast_desc}", "Pull out the important terms from this news story.\n{news_item}",
    "Give me a short list of topics for this blog post.\n{blog_draft}", "What would be good hashtags for this? {social_post}",
)
_plain("keyword_extraction", "topics", _P_KW2, inline=True)

_P_SPAM2 = (
    "Is this review genuine or fake? {review_suspect}", "Is this job offer a scam?\n{job_post}", "Should I trust this text? {sms}",
    "Is this ad allowed or is it a scam? {ad_text}", "Does this comment break forum rules? {toxic_text}", "Is this email phishing?\n{phish_mail}",
    "Check this message for harassment. {toxic_text}", "Would you flag this post as spam? {blog_comment}",
)
_plain("spam_detection", "legit", _P_SPAM2, inline=True)

_P_EXTRACT2 = (
    "Extract the names of all people mentioned and the companies they work for.\n{news_item}",
    "Identify the dates, places and amounts in the passage below and give them as a JSON list.\n{p_bio}",
    "Read the text and tell me: who, where and when. {p_bio}", "Fill this template from the text: Name / Company / City / Date.\n{p_bio}",
    "Extract each product with its price from this list.\n{price_list}", "Get the flight number, date and passenger from this email.\n{flight_mail}",
    "Extract contact details from this signature.\n{signature_block}", "Find every company name in this article and the country it is in.\n{news_item}",
    "Create a list of all the characters and places in this passage.\n{story_passage}", "Pull the key fields out of this form into JSON.\n{lead_form}",
    "Extract the main facts (who did what, when, for how much) from this article.\n{news_item}",
    "From the sentences below, extract subject, action and object for each.\n{p_bio}",
)
_plain("entity_extraction", "fields", _P_EXTRACT2, inline=True)

_P_CODEX2 = (
    "I don't understand what this snippet is doing, can you explain?\n{snippet}", "Explain the logic of this code simply.\n{py_snippet}",
    "What's the output of this code and why?\n{snippet}", "Write a README paragraph describing what this script does.\n{snippet}",
    "Is this code correct? Explain any problems you see, don't rewrite it.\n{snippet}", "What does each flag in this command do?\n{snippet}",
    "Explain this query to a beginner.\n{sql_snippet}", "Describe the inputs and outputs of this function.\n{js_snippet}",
)
_plain("code_explanation", "understand", _P_CODEX2, inline=True)

_P_CODE2 = (
    "Complete this function so it works.\n{py_snippet}", "Add error handling to this code.\n{snippet}",
    "Rewrite this using async/await.\n{js_snippet}", "Optimise this query, it's too slow.\n{sql_snippet}",
    "Make this function handle empty input.\n{py_snippet}", "Convert this script to TypeScript.\n{js_snippet}",
    "Add type hints and tests to this.\n{py_snippet}", "Write the missing part of this code.\n{snippet}",
)
_plain("code_generation", "change", _P_CODE2, inline=True)

# ---- fourth batch: user-oriented instructions with a short embedded input -----------------
# An everyday instruction followed by the thing it is about (a situation, a sentence, a
# passage and a question, a few snippets, a small table, an item and its label set).

_Q_PASSAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("The Eastbrook community pool is open from 6:30am to 9pm on weekdays and 8am to 6pm at weekends. Lane "
     "swimming is reserved for adults before 9am. Children under eight must be accompanied in the water.",
     ("What time does the pool open on Saturday?", "Can a six-year-old swim alone?", "When is lane swimming adults-only?")),
    ("Ada Lovelace, the daughter of the poet Lord Byron, worked with Charles Babbage on his Analytical Engine. Her "
     "notes, published in 1843, include what is often called the first computer program.",
     ("Who was Ada Lovelace's father?", "In which year were her notes published?", "Whose machine did she write about?")),
    ("The Brisa 3 desk fan has three speeds, a 40-degree oscillation and a timer of up to eight hours. It weighs "
     "2.1 kg and comes with a two-year guarantee.",
     ("How long is the guarantee?", "How many speed settings does it have?", "What is the longest timer setting?")),
    ("Heat the oven to 200°C. Toss the chopped squash with olive oil, cumin and salt, roast for 35 minutes, then "
     "scatter with feta and toasted pumpkin seeds before serving.",
     ("How long does the squash roast?", "Which spice is used?", "What goes on top at the end?")),
    ("Staff may carry over up to five unused holiday days into the next year. Carried-over days must be used by "
     "the end of March, otherwise they are lost. Exceptions need written approval from HR.",
     ("How many days can I carry over?", "By when must the carried-over days be used?", "Who approves exceptions?")),
    ("Lake Baikal in Siberia is the deepest lake in the world, reaching about 1,640 metres. It holds roughly a "
     "fifth of the planet's unfrozen fresh surface water and is home to the nerpa, a freshwater seal.",
     ("How deep is Lake Baikal?", "What animal lives only there?", "Where is the lake?")),
    ("Hi team, quick change: Thursday's planning session moves to Friday at 10:30 in the Oak Room. Please bring "
     "your draft roadmaps. Lunch will be provided. Thanks, Priya",
     ("When is the planning session now?", "What should people bring?", "Which room is it in?")),
    ("Flight LX 318 departs Zurich at 07:40 and lands in London Heathrow at 08:25 local time. Checked baggage "
     "allowance is one bag of up to 23 kg; hand luggage must not exceed 8 kg.",
     ("What time does the flight land?", "How heavy can my checked bag be?", "Where does the flight leave from?")),
    ("The Treaty of Versailles was signed on 28 June 1919, five years to the day after the assassination of "
     "Archduke Franz Ferdinand. It required Germany to accept responsibility for the war and pay reparations.",
     ("When was the treaty signed?", "What did it require Germany to pay?", "Whose assassination is mentioned?")),
    ("Player | Games | Goals | Assists\nOkafor | 18 | 11 | 4\nLindqvist | 20 | 7 | 9\nMoreau | 15 | 9 | 2",
     ("Who scored the most goals?", "How many assists does Lindqvist have?", "Which player played the fewest games?")),
    ("Our return policy: unworn items can be returned within 45 days with the receipt. Sale items can be "
     "exchanged but not refunded. Refunds go back to the original payment method within 5 working days.",
     ("Can I get a refund on a sale item?", "How long do I have to return something?", "How will the refund be paid?")),
    ("Tomatoes need at least six hours of direct sun a day. Water them deeply twice a week rather than a little "
     "every day, and pinch out side shoots on cordon varieties to focus growth on the fruit.",
     ("How much sun do tomatoes need?", "How often should they be watered?", "What should you do with side shoots?")),
    ("The Harbour Arts Festival runs for nine days each August. Most outdoor events are free, but evening concerts in "
     "the Old Customs House need a ticket, which costs 18 for adults and 9 for under-16s. Tickets go on sale on 1 June "
     "and usually sell out within a fortnight. Shuttle buses run every twenty minutes from the railway station until "
     "midnight, and the festival asks visitors not to drive because parking near the harbour is limited to residents.",
     ("How much is a child's concert ticket?", "When do tickets go on sale?", "How often do the shuttle buses run?")),
    ("Honeybees communicate the location of food through the so-called waggle dance. A forager returning to the "
     "hive walks in a figure-of-eight, waggling her body during the straight part of the run. The angle of that run "
     "relative to vertical shows the direction of the food relative to the sun, and the length of the waggle shows "
     "how far away it is. The behaviour was decoded by Karl von Frisch, who shared a Nobel Prize for it in 1973.",
     ("What does the length of the waggle show?", "Who decoded the dance?", "When did he share the Nobel Prize?")),
    ("New starters receive their laptop on the first morning from the IT desk on the second floor. Accounts are "
     "created the Friday before, and the temporary password is sent to the manager, not to the new starter. Building "
     "passes are issued by reception after a photo is taken. Mandatory security training must be completed within "
     "the first ten working days; until then, access to customer data stays switched off.",
     ("Who receives the temporary password?", "Where do new starters pick up their laptop?",
      "How long do new starters have to finish the security training?")),
)


def _q_pidx(c: _Ctx) -> str:
    return str(c.r.randrange(len(_Q_PASSAGES)))


_slots(
    q_pidx=_q_pidx,
    q_passage=lambda c: _Q_PASSAGES[int(c.get("q_pidx"))][0],
    q_question=lambda c: c.r.choice(_Q_PASSAGES[int(c.get("q_pidx"))][1]),
    q_situ=_raw(
        "We run a small dental practice and want more patients to book check-ups online.",
        "My eight-year-old is bored over the summer holidays and we don't have a car.",
        "Our open-plan office is noisy and people say they can't concentrate.",
        "I have a spare room and about 300 euros to turn it into something useful.",
        "Our residents' association wants older neighbours to get more involved.",
        "An independent bookshop keeps losing customers to online retailers.",
        "Our volunteer beach clean-up group loses most people after their first visit.",
        "We're launching a budgeting app for university students in September.",
        "I'm hosting twelve people for a vegetarian dinner and one of them can't eat gluten.",
        "Our support desk answers the same password-reset question hundreds of times a week.",
        "A small museum of local railway history wants to attract more families.",
        "I have two weeks off in spring and want to do something meaningful without travelling far.",
        "A new colleague starts on Monday and the whole team works remotely.",
        "Our café is almost empty between 2pm and 5pm on weekdays.",
        "The school parents' group needs to raise money for new playground equipment.",
        "My grandmother turns ninety next month and I want to give her something personal.",
        "Our weekly team meeting always overruns and nobody looks forward to it.",
        "I've got a garden that's mostly shade and clay soil.",
        "We're a three-person design studio and we need a name that doesn't sound like every other agency.",
        "Our hotel gets good reviews but very few guests come back a second time.",
        "I want to cut my household's energy bill this winter without being cold.",
        "Our gym members sign up in January and stop coming by March.",
    ),
    q_venture=_raw(
        "a dog-walking business", "a vegan food truck", "a tutoring service for adult learners", "a board-game café",
        "a cleaning products brand that uses refill stations", "a podcast about personal finance for nurses",
        "a bakery that only sells sourdough", "a mobile app for splitting household chores", "a repair café",
        "a language exchange meetup", "a handmade candle shop", "a cycling tour company in the Alps",
        "a subscription box for houseplants", "a children's coding club", "a second-hand furniture shop",
    ),
    q_rough=_raw(
        "me and him goes to the gym every mornings before work.",
        "The meeting have been moved to thursday due to the fact that alot of people was away.",
        "We would like to inform you that your subscription is going to be expiring soon in the near future.",
        "hey cant make it today something came up sorry!!",
        "Our company are committed to deliver the best possible service to all of our valued customers at all times.",
        "The results wasn't what we expected but we learned a lot from them anyway.",
        "I think maybe we should possibly consider perhaps moving the launch date, if that's ok with everyone.",
        "Dear sir, I am writing to complain about the terrible kettle I buyed from your shop last week.",
        "This recipe is super easy and literally anyone can make it in like ten minutes.",
        "Their going to announce the winners tomorow so stay tuned.",
        "Customers can return items within thirty days if they has the receipt.",
        "Honestly the new expense policy is kind of a mess and nobody gets it.",
        "The cat sat on the windowsill it was warm there and it fell asleep.",
        "Please find attached herewith the documents as requested by yourself.",
        "Its important that every employee complete there training before the end of the month.",
        "The new feature was loved by users and was used by them a lot in the first week.",
        "I has been working in marketing for five years and I am very passionate person.",
        "Due to unforseen circumstances the concert will not be taking place tonight.",
        "Your order has shipped and should arrive soon, let us know if theres any problems.",
        "She don't like when people is late to meetings.",
    ),
    q_para=_raw(
        "Our team is a group of people who are passionate and who really care about the things that we do. We work "
        "hard every day to make sure that our customers are happy and that they get what they need from us.",
        "I am a hard worker and I am good with people. In my last job I done customer service and sales. I want to "
        "work for your company because it is a good company and I think I would be good at the job.",
        "The park is nice. There are trees. There is a pond with ducks. Children play there. It is busy on Sundays.",
        "So basically what happened was the delivery got delayed because the supplier had issues and then the "
        "truck broke down and so now everything is like a week late, which is not great.",
        "In conclusion, it can be seen that there are many different reasons why people might choose to live in a "
        "city, and also there are many different reasons why people might choose to live in the countryside.",
        "Our new app helps you track your spending. It shows you where your money goes. It also helps you make a "
        "budget. You can use it on your phone. It is free to download.",
        "Thanks so much for coming to our open day!! We hope you had a great time, it was amazing to meet "
        "everyone and we can't wait to see you again soon, maybe at the summer fair??",
        "When I first started working at the shop, I didn't really know anything about coffee and I was quite nervous "
        "about making mistakes in front of customers. Over time I learned a lot from my manager, who was very patient, "
        "and I also learned a lot from the customers, who told me what they liked. Now I am in charge of training new "
        "staff and I try to be patient like my manager was with me when I started.",
        "The purpose of this document is to outline the steps that need to be taken in order to ensure that the "
        "migration of the customer database to the new system is completed in a timely manner. It is important that "
        "all teams are aware of their responsibilities and that they communicate any issues that may arise as soon as "
        "possible so that they can be dealt with before they become bigger problems later on.",
    ),
    q_small_table=_raw(
        "Month | Visitors | Sign-ups\nJan | 12,400 | 310\nFeb | 11,900 | 298\nMar | 15,200 | 455\nApr | 14,800 | 402",
        "Region, Q1 sales, Q2 sales\nNorth, 48000, 51000\nSouth, 62000, 55000\nEast, 30000, 41000\nWest, 45000, 44500",
        "Campaign | Impressions | Clicks | Conversions\nSpring email | 40,000 | 1,900 | 120\nSearch ads | 95,000 | "
        "3,100 | 260\nInfluencer | 210,000 | 2,400 | 75",
        "Student | Test 1 | Test 2 | Test 3\nAmira | 72 | 78 | 85\nJonas | 90 | 84 | 79\nLeila | 65 | 70 | 68\nTom | 88 | 91 | 94",
        "Month, kWh used, bill\nOct, 310, 96\nNov, 420, 131\nDec, 510, 162\nJan, 560, 178\nFeb, 470, 149",
        "Week | 5k time (min) | Weekly km\n1 | 31:40 | 12\n2 | 30:55 | 15\n3 | 31:10 | 14\n4 | 29:48 | 18\n5 | 29:20 | 20",
        "Question | Agree | Neutral | Disagree\nI feel valued | 48% | 22% | 30%\nWorkload is manageable | 35% | 20% | "
        "45%\nI'd recommend working here | 61% | 19% | 20%",
        "Store | Footfall | Transactions | Avg basket\nHigh St | 8,200 | 2,050 | 23.40\nRetail Park | 5,600 | 2,240 | "
        "41.10\nStation | 12,900 | 1,930 | 9.80",
        "Day, temperature (°C), ice creams sold\nMon, 18, 120\nTue, 22, 180\nWed, 25, 260\nThu, 19, 140\nFri, 28, 330",
    ),
    q_multi=_raw(
        "Review 1: The battery lasts two full days and the screen is bright, but the camera struggles at night.\n"
        "Review 2: Great value. Night photos are grainy, though, and it gets warm when gaming.\n"
        "Review 3: Camera is fine outdoors. Battery life is the real highlight, and the fingerprint reader is quick.\n"
        "Review 4: Returned it after a week. The speaker crackles at high volume and the case scratches easily.",
        "Opinion A: Four-day weeks raise productivity because people rest more and waste less time in meetings.\n"
        "Opinion B: Shorter weeks just squeeze the same work into fewer days and increase stress.\n"
        "Opinion C: It depends on the job. Office teams may gain, but shops, hospitals and schools cannot simply "
        "close for a day, so the idea risks creating two classes of worker.",
        "Study 1 (2019, 300 adults): a daily 20-minute walk reduced reported anxiety after eight weeks.\n"
        "Study 2 (2021, 1,200 adults): no effect of walking on anxiety, but better sleep.\n"
        "Study 3 (2022, 80 students): outdoor walks helped more than treadmill walks, especially in green areas.\n"
        "Study 4 (2023, review of 14 trials): small average benefit, with most trials short and self-reported.",
        "Team update (Sales): pipeline is strong but deals are slipping because of legal review.\n"
        "Team update (Legal): we're understaffed and contract reviews take three weeks.\n"
        "Team update (Product): customers keep asking for a custom contract template.\n"
        "Team update (Finance): revenue recognised this quarter is 12% below forecast, mostly from late "
        "signatures on deals above 50k.",
        "Article excerpt 1: City trams cut car traffic in the centre by 15% within two years.\n"
        "Article excerpt 2: Shop owners on the tram route report lower sales during construction.\n"
        "Article excerpt 3: House prices near new stops rose faster than the city average.\n"
        "Article excerpt 4: Campaigners say long-time renters along the route are being priced out, and ask the "
        "council to protect affordable housing before the next line is built.",
        "Interview with a farmer: prices for milk barely cover costs.\n"
        "Interview with a supermarket buyer: shoppers won't pay more for milk.\n"
        "Interview with an economist: subsidies hide the real cost of dairy.\n"
        "Interview with a consumer group: families on low incomes already cut back on fresh food when prices "
        "rise, so any increase hits them first.",
    ),
    q_item_labels=_raw(
        "Item: 'Reset my password please' - Labels: account, billing, shipping, other",
        "Book: a teenage girl discovers she can talk to ghosts in her new school. Genres: fantasy, romance, horror, "
        "comedy",
        "Animal: dolphin. Options: fish, mammal, reptile, amphibian",
        "Expense: monthly gym membership. Categories: health, entertainment, utilities, transport",
        "Task: 'renew the SSL certificate before it expires tomorrow'. Priority: low, medium, high",
        "Sentence: 'Close the window, please.' Types: statement, question, command, exclamation",
        "Job title: payroll specialist. Departments: Engineering, Finance, Marketing, HR",
        "Food: lentil soup. Diet: vegan, vegetarian, pescatarian, none of these",
        "Headline: 'Local team wins the regional cup after penalties'. Sections: sport, politics, business, culture",
        "Question: 'When will my parcel arrive?' Teams: delivery, payments, product, technical support",
    ),
)

_P_BRAIN3 = (
    "Situation: {q_situ}\nSuggest some ideas.", "{q_situ} What could we try?", "Here's my situation: {q_situ} Give me a few options.",
    "Give me several suggestions for this problem.\n\n{q_situ}", "Come up with creative solutions.\nProblem: {q_situ}",
    "{q_situ}\n\nList eight things I could do about it.", "Brainstorm possible approaches: {q_situ}",
    "What are some options here? {q_situ}", "Propose some alternatives we probably haven't thought of. {q_situ}",
    "Think of ten quick wins for this.\n{q_situ}", "{q_situ} Any ideas?", "I need fresh ideas. {q_situ}",
    "Suggest some names for {q_venture}.", "Give me five taglines for {q_venture}.", "What are some ways to market {q_venture}?",
    "List possible services {q_venture} could offer.", "Brainstorm a launch event for {q_venture}.",
    "Come up with a name and three slogan options for {q_venture}.", "What could I call {q_venture}? Give me a list.",
    "Generate a list of potential interview questions for a {role}.", "Suggest a few gift ideas for {gift_for}.",
    "List some alternatives to a traditional birthday cake.", "Give me ideas for a lesson on fractions for nine-year-olds.",
    "Suggest some polite ways to turn down extra work.", "What are some alternatives to saying 'no problem'?",
    "Suggest three alternative titles for this article.\n\n{article}", "What follow-up questions could I ask after reading this?\n{article}",
    "Make a list of questions customers might ask about {p_thing}.", "Suggest some angles for a local news story about this: {headline}",
    "Give me a list of team names for a company quiz night.", "Suggest some activities for a family reunion with all ages.",
    "Recommend a few stretches for a {role} who sits at a desk all day.", "List some cheap ways to make a rented flat in {city} feel like home.",
    "Think of some ways to get kids excited about {q_theme}.", "Give me options for a low-key proposal in {city}.",
    "What are some good names for a WhatsApp group of old school friends?", "Suggest some themes for a primary school art week.",
    "Give me a list of things I can do with overripe bananas.", "Suggest ways to thank volunteers that don't cost much.",
    "Brainstorm content ideas for an Instagram account about {topic_blog}.", "What are some fun ways to learn the times tables?",
    "List some ideas for a first date in {city}.", "Suggest some icebreaker questions for a new book club.",
    "Give me ten possible names for a puppy, something to do with {p_food}.", "Come up with ideas for a charity run theme in {city}.",
    "What are some possible uses for an old ladder? I also have {p_thing} I never use.", "Suggest a few side dishes that go with {p_food}.",
    "List ideas to make a long car journey fun for teenagers.",
)
_plain("brainstorming", "situation", _P_BRAIN3, inline=True)

_P_OPEN3 = (
    "How do I get a red wine stain out of a carpet?", "What's a sensible way to set up a monthly budget?", "Why does bread go stale?",
    "How should I respond when a customer is rude to me on the phone?", "What does a product manager actually do?",
    "How can I tell if a watermelon is ripe?", "What's the difference between a virus and a bacterium?",
    "Is it worth repairing a ten-year-old washing machine?", "How do noise-cancelling headphones work?",
    "What's the etiquette for tipping in Japan?", "How can I ask my manager for feedback without it being awkward?",
    "Why do cats purr?", "What causes jet lag, and how can I reduce it?", "How do vaccines train the immune system?",
    "How should I prepare for a salary review?", "What happens if I miss a credit card payment?",
    "How do I get my toddler to sleep through the night?", "Why is the sea salty?", "How does a heat pump heat a house?",
    "What's the best way to clean a cast-iron pan?", "What should I do right after a minor car accident?",
    "How can a remote team communicate better?", "What does 'carbon neutral' really mean?", "How can I improve my handwriting?",
    "Should I rent or buy if I might leave the city in three years?", "How do I politely end a conversation that's dragging on?",
    "When should I start paying into a pension, and why?", "How do hurricanes form?",
    "What can I do about a neighbour's dog that barks all day?", "Explain why leaves change colour in autumn.",
    "Explain how an index fund works.", "Can you explain what inflation does to my savings?", "Explain the rules of basketball to a beginner.",
    "Explain why we have leap years.", "Give me advice on writing my first research paper.", "How do I approach writing a eulogy?",
    "What's the best way to introduce a new cat to my dog?", "How can I make my CV stand out for a career change?",
    "Why do some people get seasick and others don't?", "How does a dishwasher get things clean without scrubbing?",
    "What should I know before running my first half marathon?", "Why did the Roman Empire split in two?",
    "How do I keep basil alive on a windowsill?", "What are good ways to handle criticism at work?",
    "How do libraries decide which books to buy?", "What makes some songs get stuck in your head?",
)
_plain("open_qa", "everyday", _P_OPEN3)

_P_EDIT3 = (
    "Fix the grammar: {q_rough}", "Rewrite this sentence so it sounds more formal.\n\n{q_rough}",
    "Make this more casual and friendly: {q_rough}", "Paraphrase: {q_rough}",
    "Rewrite the sentence below without changing its meaning.\n{q_rough}", "Correct any spelling and punctuation errors.\nInput: {q_rough}",
    "Make this paragraph shorter.\n\n{q_para}", "Expand this sentence into a full paragraph: {q_rough}",
    "Rewrite this in a more positive tone: {q_rough}", "Make this sound less blunt: {q_rough}",
    "Give me a more concise version of this paragraph.\n{q_para}", "Rewrite this text using the active voice.\n{q_para}",
    "Make this paragraph suitable for a LinkedIn post.\n\n{q_para}", "Rewrite this paragraph in the past tense.\n{q_para}",
    "Improve this sentence: {q_rough}", "Can you make this sound more natural? English isn't my first language. {q_rough}",
    "Is this sentence grammatically correct? If not, fix it. {q_rough}", "Reword this to be gender-neutral: {gendered_text}",
    "Remove the filler words from this: {q_rough}", "Rewrite this paragraph so a twelve-year-old could follow it.\n{q_para}",
    "Edit this paragraph so the sentences vary in length and it flows better.\n\n{q_para}",
    "Make this sound more professional for a client: {q_rough}", "Turn this into one clear sentence: {q_rough}",
    "Rewrite this with better word choices.\n{q_para}", "Please correct this text.\n\n{q_para}",
    "Make the tone of this warmer.\n{q_para}", "Change this sentence from formal to informal: {q_rough}",
    "This paragraph is too long and repetitive. Can you tighten it?\n\n{q_para}", "Give this a more enthusiastic tone: {q_rough}",
    "Rewrite the following so it's easier to read:\n{q_para}", "Edit for grammar only, keep my style:\n{q_para}",
    "Replace the weak verbs in this sentence with stronger ones: {q_rough}", "Make this text more persuasive.\n{q_para}",
    "Rewrite this text in British English spelling.\n{q_para}", "Split this paragraph into shorter sentences.\n{q_para}",
    "Can you clean up this sentence for me? {q_rough}",
)
_plain("content_editing", "given-text", _P_EDIT3, inline=True)

_P_SQA3 = (
    "{q_passage}\n\nQuestion: {q_question}", "Read this and answer the question.\n{q_passage}\n{q_question}",
    "Answer the question using the text.\nText: {q_passage}\nQuestion: {q_question}", "{q_question} Here's the info: {q_passage}",
    "{q_passage}\n\nAccording to the text, {q_question}", "Given this information, {q_question}\n\n{q_passage}",
    "From the paragraph below, answer briefly: {q_question}\n\n{q_passage}", "{q_passage}\n{q_question} Answer in a few words.",
    "Look at this and tell me: {q_question}\n{q_passage}", "Context: {q_passage}\nQ: {q_question}\nA:",
    "{q_passage}\n\nCan you answer this from the text above? {q_question}", "Short answer please. {q_question}\n\n{q_passage}",
    "How many legs does a spider have?", "Who invented the telephone?", "What's the capital of Canada?",
    "Which element has the symbol Fe?", "How many days are in a leap year?", "When did the Second World War end?",
    "What is the longest river in South America?", "How many strings does a violin have?",
    "Which country hosted the 2016 Summer Olympics?", "Who wrote the Odyssey?", "What's the main ingredient in guacamole?",
    "What does HTML stand for?", "Quick question: how many ounces are in a cup?", "One-word answer: what colour do you get mixing blue and yellow?",
    "Just tell me the year the Titanic sank.", "What is the square root of 144?",
)
_plain("simple_qa", "passage", _P_SQA3)

_P_CREATIVE3 = (
    "Write a poem inspired by this scene: {p_scene}", "Write a short story using these three words: lantern, violin, orchard.",
    "Write a slogan for {q_venture}.", "Describe {p_thing} in a way that makes people want to buy it.",
    "Continue this story for a few paragraphs.\n\n{story_passage}", "Write a haiku about {p_animal}.",
    "Write an opening line for a novel set in {city}.", "Write a short poem for a retirement card for a nurse.",
    "Write a rhyme for children about brushing their teeth.", "Write a plot outline for a film about a detective dog.",
    "Write a product description for {q_venture}.", "Write a story narrated by a lost suitcase.",
    "Write a story in exactly fifty words about missing the last bus.", "Write a rap verse about recycling.",
    "Write a jingle for {q_venture}.", "Write a diary entry by a lighthouse keeper during a storm.",
    "Write the welcome card for a hotel room: warm and a little witty.", "Write a motivational quote for Monday morning.",
    "Write a short poem about this feeling: {emotion_text}", "Write a fairy tale that starts with this line: {fact_or_opinion}",
    "Write a limerick about someone who can't stop buying houseplants.", "Invent a myth that explains why rivers flow to the sea.",
    "Write a love letter from {p_thing} to its owner.", "Write an advert for the public library in {city}, as if it were a luxury spa.",
)
_plain("creative_writing", "prompted", _P_CREATIVE3, inline=True)

_P_RES3 = (
    "Compare these reviews and tell me what they agree and disagree on.\n\n{q_multi}",
    "Combine these perspectives into one balanced paragraph.\n{q_multi}",
    "Here are updates from several teams. Pull them together into one picture of the problem.\n\n{q_multi}",
    "What's the common thread between these sources?\n{q_multi}", "Read these excerpts and write a short comparison.\n\n{q_multi}",
    "Merge the findings below into a single report with a conclusion.\n{q_multi}", "Contrast the positions in these texts.\n{q_multi}",
    "Weigh up the evidence from these sources and tell me what it adds up to.\n{q_multi}",
    "Synthesize these points of view and say which is best supported.\n\n{q_multi}",
    "I collected these from different places. What do they tell us overall?\n{q_multi}",
    "Write a short briefing that draws on all of the following.\n\n{q_multi}",
    "Do these sources contradict each other? Explain, then give an overall view.\n{q_multi}",
)
_plain("research_synthesis", "combine", _P_RES3, inline=True)

_P_DATA3 = (
    "What insights can you draw from this table?\n{q_small_table}", "Analyze the following data and identify any trends.\n\n{q_small_table}",
    "Which row stands out, and why?\n{q_small_table}", "Based on these figures, where should we focus next?\n{q_small_table}",
    "Work out the rates and tell me which one performs best.\n{q_small_table}", "Is there a relationship between the columns here?\n{q_small_table}",
    "Describe what's happening in this data in plain words.\n\n{q_small_table}", "Look at these numbers. Are things improving?\n{q_small_table}",
    "Give me three takeaways from this data.\n{q_small_table}", "Here are some figures:\n{q_small_table}\nWhat do they suggest?",
    "Compute the averages and comment on the differences.\n{q_small_table}", "Anything worrying in these numbers?\n{q_small_table}",
)
_plain("data_analysis", "small-table", _P_DATA3, inline=True)

_P_CLS3 = (
    "Which label fits best?\n{q_item_labels}", "Pick the right category.\n\n{q_item_labels}", "{q_item_labels}\nAnswer with one label.",
    "Assign one of the options to this.\n{q_item_labels}", "Which option applies here? {q_item_labels}",
    "Tag this with the most suitable label: {q_item_labels}", "Is this headline about sport, politics, science or business? {headline}",
    "Assign a priority of low, medium or high to this bug: {bug_desc}", "Which department handles this job: Sales, Engineering, Finance or HR? {role}",
    "Is this dish vegan, vegetarian or neither?\n{recipe_text}", "Is a bat a bird or a mammal?",
    "Decide which type of sentence this is: statement, question, command or exclamation.\n{fact_or_opinion}",
    "Put each word in the right group, fruit or vegetable: courgette, mango, leek, plum, fig, radish.",
    "Is this product electronics, clothing, home or toys? {product}", "Which age group is this for, children, teens or adults? {p_scene}",
    "Say whether each item is a renewable or non-renewable energy source: coal, wind, solar, natural gas, hydro.",
)
_plain("classification", "label-set", _P_CLS3, inline=True)

# ---- fifth batch: an instruction followed by a bare topic, term or item as its input --------

_slots(
    q_term=_raw("blockchain", "opportunity cost", "herd immunity", "the placebo effect", "net neutrality", "compound interest",
                "machine learning", "the greenhouse effect", "cognitive dissonance", "a circular economy", "gerrymandering",
                "photosynthesis", "impostor syndrome", "a bear market", "the butterfly effect", "mindfulness",
                "supply chain", "carbon offsetting", "a credit score", "the scientific method"),
    q_subject=_raw("autumn leaves", "a rainy Monday", "moving to a new city", "the smell of fresh bread", "an empty stadium",
                   "first day at a new job", "a grandfather's watch", "the last day of summer", "a lighthouse", "city buses",
                   "learning to swim", "a broken phone screen", "friendship", "the night shift", "a forgotten umbrella"),
    q_theme=_raw("remote work", "reducing food waste", "a school science week", "a neighbourhood street party",
                 "staying fit without a gym", "saving water at home", "a team away day", "a children's birthday party",
                 "learning a language on a budget", "a summer reading challenge", "a farmers' market stall",
                 "onboarding new employees", "a rainy holiday weekend", "eco-friendly packaging"),
    q_fact_q=_raw("the capital of Norway", "the author of 'Frankenstein'", "the year the Eiffel Tower was finished",
                  "the largest planet in the solar system", "the chemical formula of table salt",
                  "the number of players on a volleyball team", "the currency of Switzerland", "the speed of sound in air",
                  "the official language of Brazil", "the highest mountain in Europe"),
)

_P_TOPIC_OPEN = (
    "Explain the term below in simple words.\n\n{q_term}", "What is meant by the following? {q_term}",
    "Describe how this works and why it matters.\n\n{q_term}", "Give a clear explanation of this concept for a beginner.\n{q_term}",
    "Tell me about the following topic.\n\n{p_topic}", "Why is this important? {q_term}",
    "Explain the idea behind {q_term} with an everyday example.", "Describe the history and significance of the following.\n{p_topic}",
    "Answer the following question in a paragraph: how does {q_term} affect ordinary people?",
    "Give advice on this topic.\n\n{q_theme}", "How would you approach this? {q_theme}", "What should someone new to this know?\n{q_theme}",
    "Describe the pros and cons of the following.\n{q_theme}", "Discuss the following issue.\n\n{p_issue}",
    "Offer some guidance for someone dealing with this: {q_situ}", "What's the best way to think about this? {q_term}",
)
_plain("open_qa", "topic-input", _P_TOPIC_OPEN, inline=True)

_P_TOPIC_BRAIN = (
    "Suggest some ideas for the following topic.\n\n{q_theme}", "Generate a list of ideas related to this.\n{q_theme}",
    "Brainstorm activities for the event below.\n\n{q_theme}", "List ten possible blog post titles on this subject.\n{q_theme}",
    "Give me several name ideas for the following.\n\n{q_venture}", "Come up with options for this theme: {q_theme}",
    "Propose a few project ideas on the topic below.\n{q_theme}", "Suggest creative angles for a campaign about this.\n\n{q_theme}",
    "What could we do for this? List ideas.\n{q_theme}", "Give me a bunch of ideas. Topic: {q_theme}",
    "Name some things people could try. {q_theme}", "List possible questions for a survey about the following.\n{q_theme}",
)
_plain("brainstorming", "topic-input", _P_TOPIC_BRAIN, inline=True)

_P_TOPIC_CREATIVE = (
    "Write a poem about the following.\n\n{q_subject}", "Write a short story on this theme.\n{q_subject}",
    "Write a haiku about the following subject: {q_subject}", "Compose a piece of flash fiction inspired by this.\n\n{q_subject}",
    "Write a limerick. Topic: {q_subject}", "Write song lyrics about this.\n{q_subject}",
    "Write a descriptive paragraph that brings this to life.\n\n{q_subject}", "Write a catchy slogan for the following.\n{q_venture}",
    "Write an Instagram caption for this business.\n{q_venture}", "Write a short poem using these words: river, paper, silence.",
    "Write a fable whose moral is the following: {q_subject}", "Create a character sketch based on this.\n\n{q_subject}",
)
_plain("creative_writing", "topic-input", _P_TOPIC_CREATIVE, inline=True)

_P_TOPIC_SQA = (
    "Tell me {q_fact_q}.", "What is {q_fact_q}?", "Answer briefly: {q_fact_q}?", "I need a quick fact: {q_fact_q}.",
    "Give just the answer, no explanation. What is {q_fact_q}?", "Do you know {q_fact_q}?",
    "Look up {q_fact_q} for me.", "Answer in one word or number: {q_fact_q}.",
)
_plain("simple_qa", "quick-fact", _P_TOPIC_SQA)

# ---- sixth batch: several given texts, plain numbers, and reviews used for other tasks -------

_slots(
    q_two=_raw(
        "Text 1: Electric cars are cheaper to run and produce no exhaust fumes in the city.\n"
        "Text 2: Battery production has a large carbon footprint, and charging points are still scarce outside towns.\n"
        "Text 3: Over a typical lifetime an electric car makes up for its battery emissions after two or three "
        "years of driving, depending on how the local grid generates its power.",
        "Offer A: 52,000 a year, fully remote, 25 days holiday, small start-up.\n"
        "Offer B: 47,000 a year, two office days a week, 30 days holiday, pension matching, large bank.\n"
        "Notes: the start-up raised its last round eight months ago; the bank role has a clear promotion path "
        "but a 70-minute commute on office days.",
        "First article: Homework improves discipline and gives parents a view of what children learn.\n"
        "Second article: For children under eleven, homework shows almost no benefit and adds family stress.\n"
        "Third article: Teachers report that short reading tasks at home help, while worksheets mostly measure "
        "how much help a child gets from their parents.",
        "Laptop X: 14-inch, 1.2 kg, 12-hour battery, 16 GB RAM.\nLaptop Y: 16-inch, 2.0 kg, 7-hour battery, 32 GB RAM, "
        "dedicated graphics card.\n"
        "Reviewer note: X has the better keyboard and stays cool; Y is noticeably faster for video editing but "
        "its fans get loud and the charger is heavy.",
        "Nutritionist: Breakfast kick-starts the metabolism and helps concentration.\n"
        "Researcher: Trials find skipping breakfast has little effect on weight or focus for most adults.\n"
        "Paediatrician: For children and teenagers the evidence is different: those who eat breakfast do better "
        "in morning lessons, although income may explain part of that.",
        "Notes from Monday: users confused by the new menu.\nNotes from Wednesday: support tickets about the menu "
        "doubled.\nNotes from Friday: session length fell by 8% since the redesign.\n"
        "Notes from the following Monday: power users say the new menu is faster once learned, and the "
        "search box is used twice as often as before.",
    ),
    q_numbers=_raw(
        "12, 15, 9, 30, 14, 13, 11", "Monday 42, Tuesday 38, Wednesday 55, Thursday 61, Friday 90",
        "rent 950, food 420, transport 160, subscriptions 75, eating out 310, savings 100",
        "2019: 1.2m, 2020: 0.8m, 2021: 1.1m, 2022: 1.6m, 2023: 1.9m",
        "Page load times in seconds: 1.2, 1.4, 1.3, 6.8, 1.1, 1.5, 1.2",
        "Customer ratings this month: 5, 4, 5, 2, 5, 1, 4, 5, 3, 5",
    ),
    q_review2=_raw(
        "The pasta was cold when it arrived and the waiter ignored us for twenty minutes.",
        "Lovely little hotel, spotless room, but the walls are paper thin.",
        "The headphones sound great but the ear cushions started peeling after a month.",
        "Fast delivery and the sofa looks just like the photos. Assembly instructions were confusing.",
        "Our guide was brilliant and the views were worth every step of the climb.",
        "The app keeps logging me out and support never answered my two emails.",
        "Best croissants in town, though the queue on Saturdays is ridiculous.",
        "The yoga class was calm and well paced; the changing rooms need a proper clean.",
        "Checked in late, the night porter upgraded our room without us asking. Breakfast was average.",
        "The kids loved the museum's hands-on rooms, but the café prices are steep.",
    ),
)

_P_RES4 = (
    "Compare the two texts and write a paragraph on how their views differ.\n\n{q_two}",
    "Which of these options is better for someone who values free time? Weigh them up.\n{q_two}",
    "Read both passages and give a balanced conclusion that takes each into account.\n\n{q_two}",
    "Here are two viewpoints. Summarise each and then synthesise them.\n{q_two}",
    "Put these notes together and explain what they suggest overall.\n\n{q_two}",
    "Evaluate the claims in these sources against each other.\n{q_two}", "Compare and contrast the following.\n\n{q_two}",
    "Using all the information below, write a short recommendation.\n{q_two}",
)
_plain("research_synthesis", "two-texts", _P_RES4, inline=True)

_P_DATA4 = (
    "Here are my numbers: {q_numbers}. What does this tell you?", "Analyse this data and point out any outliers.\n\n{q_numbers}",
    "Find the trend in these figures and describe it.\n{q_numbers}", "What's the mean and median here, and is anything odd? {q_numbers}",
    "Look at my monthly spending and tell me where I could cut back.\n{q_numbers}", "Do these results look healthy? {q_numbers}",
    "Interpret the following measurements.\n{q_numbers}", "Is this growth or just noise? {q_numbers}",
)
_plain("data_analysis", "numbers", _P_DATA4, inline=True)

_P_REVIEW_OTHER = (
    ("email_drafting", "Write a reply to this customer review.\n\n{q_review2}"),
    ("email_drafting", "Respond politely to this review on behalf of the business: {q_review2}"),
    ("content_editing", "Rewrite this review so it sounds more constructive: {q_review2}"),
    ("content_editing", "Make this review more detailed and better written.\n{q_review2}"),
    ("brainstorming", "Based on this review, suggest some things the business could improve.\n{q_review2}"),
    ("brainstorming", "What could the owner do differently? List ideas. {q_review2}"),
    ("entity_extraction", "List the pros and the cons mentioned in this review.\n{q_review2}"),
    ("simple_qa", "What product or place is this review about? {q_review2}"),
    ("creative_writing", "Turn this review into a funny short poem.\n{q_review2}"),
    ("summarization", "In one short line, what's the reviewer's main point?\n{q_review2}"),
)
for _i, (_cat, _u) in enumerate(_P_REVIEW_OTHER):
    _inline(_cat, f"plain-review-task-{_i + 1}", (_u,))

# ---- seventh batch: "the given ..." instruction wording, spread over every category it fits --

_P_GIVEN = {
    "brainstorming": (
        "Suggest some ways to solve the given problem.\n\n{q_situ}", "Make a list of ideas for the given occasion.\n{q_theme}",
        "Give some examples of things people could do in the given situation.\n{q_situ}",
        "Come up with alternative names for the given business.\n{q_venture}", "Make a list of possible gifts for the person described.\n{gift_for}",
        "Based on the given situation, brainstorm a few options.\n\n{q_situ}", "Give examples of questions to ask about the given topic.\n{q_theme}",
        "Make some suggestions for the given theme.\n{q_theme}",
    ),
    "open_qa": (
        "Explain the given concept in your own words.\n\n{q_term}", "Give some advice about the given topic.\n{q_theme}",
        "Describe the given historical topic and why it matters today.\n{p_topic}", "Answer the given question in a few paragraphs.\n\nWhy do {p_animal} live in groups?",
        "Give examples that illustrate the given concept.\n{q_term}", "What are the main causes of the given problem?\n{p_issue}",
        "Make the case for and against the given idea.\n{p_issue}", "Help me understand the given term.\n{q_term}",
    ),
    "content_editing": (
        "Correct the grammar in the given sentence.\n\n{q_rough}", "Rewrite the given text in a more formal tone.\n{q_para}",
        "Paraphrase the given sentence.\n{q_rough}", "Make the given paragraph more concise.\n\n{q_para}",
        "Improve the given sentence so it reads better.\n{q_rough}", "Change the tone of the given message to be friendlier.\n{q_rough}",
    ),
    "creative_writing": (
        "Write a poem about the given subject.\n\n{q_subject}", "Make up a short story based on the given scene.\n{p_scene}",
        "Write a slogan for the given business.\n{q_venture}", "Write a product description for the given item.\n\n{p_thing}",
        "Make up a bedtime story about the given animal.\n{p_animal}", "Write a short scene set in the given place.\n{city}",
    ),
    "simple_qa": (
        "Answer the question based on the given passage.\n\n{q_passage}\n\n{q_question}", "Use the given information to answer: {q_question}\n{q_passage}",
        "Given the paragraph, {q_question}\n\n{q_passage}", "Read the given text and answer briefly. {q_question}\n{q_passage}",
    ),
    "classification": (
        "Choose the correct label for the given item.\n\n{q_item_labels}", "Decide which group the given item belongs to.\n{q_item_labels}",
        "Label the given headline with a news section.\n{headline}", "Given the options, which fits best?\n{q_item_labels}",
    ),
    "research_synthesis": (
        "Compare the given texts and synthesise their arguments.\n\n{q_two}", "Combine the given sources into one overview.\n{q_multi}",
        "Make a comparison of the given options and recommend one.\n{q_two}", "Given these sources, what is the overall conclusion?\n{q_multi}",
    ),
    "data_analysis": (
        "Analyze the given table and describe the main trends.\n\n{q_small_table}", "Make sense of the given numbers for me.\n{q_numbers}",
        "What can you conclude from the given data?\n{q_small_table}", "Identify the best and worst performers in the given table.\n{q_small_table}",
    ),
    "summarization": (
        "Make a short summary of the given article.\n\n{article}", "Give the main idea of the given passage in one sentence.\n{story_passage}",
    ),
    "email_drafting": (
        "Write a reply to the given email.\n\n{inbox_email}", "Make a polite response to the given message.\n{complaint_msg}",
    ),
}
for _cat, _prompts in _P_GIVEN.items():
    _plain(_cat, "given", _prompts, inline=True, size=2)


# ======================================================================================
# Task instructions: a task stated the way people write one-off instructions for an
# assistant, user-oriented rather than API-oriented. Often a context sentence comes first
# ("You are given ...", "A <term> is ...", "We are planning ..."), then the instruction
# (imperative, passive or impersonal, sometimes with a constraint), and usually an input
# after a blank line; some are standalone requests. Every category except agentic and chat.
# ======================================================================================

_slots(
    t_leftovers=_raw(
        "Half a cabbage, three eggs, cooked rice, a tin of sweetcorn, some cheddar.",
        "Two potatoes, a leek, a tin of chickpeas, half a lemon, some feta.",
        "Leftover roast chicken, a bag of spinach, a pot of cream, one onion, dried pasta.",
        "Four tortillas, a red pepper, a tin of black beans, a courgette, plain yoghurt.",
        "Stale bread, ripe tomatoes, a cucumber, a few olives, a ball of mozzarella.",
        "Cooked lentils, three carrots, a tin of coconut milk, fresh ginger, a handful of kale.",
    ),
    t_hobbies=_raw(
        "Likes: bouldering, board games, growing chillies on the balcony.",
        "Likes: vinyl records, baking bread, long train journeys.",
        "Likes: birdwatching, crosswords, strong coffee.",
        "Likes: sewing her own clothes, podcasts about true crime, swimming in the sea.",
        "Likes: retro video games, cycling to work, hot sauce.",
        "Likes: watercolours, hiking with his dog, old detective novels.",
    ),
    t_school_topic=_raw("the solar system", "the water cycle", "healthy eating", "the Romans", "electricity",
                        "how bees make honey", "recycling", "volcanoes"),
    t_pet=_raw("puppy", "kitten", "pair of guinea pigs", "rescue greyhound", "house rabbit", "tortoise"),
    t_book_mood=_raw(
        "Genre: cosy mystery. Mood: small village, gentle humour, amateur sleuth.",
        "Genre: science fiction. Mood: lonely, slow, set on a generation ship.",
        "Genre: historical fiction. Mood: big family saga across three wars.",
        "Genre: fantasy. Mood: found family, low stakes, lots of food.",
        "Genre: thriller. Mood: fast, short chapters, set in one night.",
        "Genre: literary fiction. Mood: quiet, about grief and a summer house.",
    ),
    t_charity=_raw("the local animal shelter", "a children's hospice", "the food bank", "a mental health helpline",
                   "the lifeboat station", "a youth football club"),
    t_plant_room=_raw(
        "North-facing flat, two cats, I travel a lot.",
        "Bright south-facing balcony, very windy, I forget to water.",
        "Bathroom with a small frosted window, always humid.",
        "Office desk under fluorescent lights, no window nearby.",
        "Kitchen windowsill facing east, toddler in the house.",
        "Dark hallway, cold in winter, I want something tall.",
    ),
    t_escape_theme=_raw("history", "pirate", "Ancient Egypt", "Cold War spy", "haunted Victorian house",
                        "space station", "medieval castle"),
    t_reader=_raw("a secondary-school student", "my grandmother", "a ten-year-old", "someone with no science background",
                  "a new parent", "an adult learning English"),
    t_bike=_raw("a road bike", "a mountain bike", "a child's bike", "an e-bike", "a folding bike", "a city bike"),
    t_device=_raw("laptop", "phone", "USB stick", "work PC", "camera's SD card", "tablet"),
    t_grain=_raw("rice", "quinoa", "couscous", "polenta", "pearl barley", "brown rice", "bulgur wheat"),
    t_gym_person=_raw("a complete beginner", "someone in their sixties", "a teenager", "a long-distance runner",
                      "someone coming back from a back injury", "a busy parent with little time"),
    t_degree=_raw("medical", "law", "architecture", "engineering", "nursing", "veterinary", "music conservatory"),
    t_herb=_raw("basil", "coriander", "parsley", "mint", "chives", "thyme"),
    t_hist_person=_raw("a peasant family in medieval England", "a Roman legionary on Hadrian's Wall",
                       "a Viking farmer in Norway", "a Victorian factory worker", "a merchant in Edo-period Japan",
                       "a market trader in the Aztec capital"),
    t_dog=_raw("a puppy", "a rescue greyhound", "a strong Labrador", "an excitable terrier", "an older dog", "a young collie"),
    t_vehicle=_raw("car", "van", "motorbike", "camper van", "electric car", "estate car"),
    t_poem_moment=_raw("the smell of a library on a rainy afternoon", "the last bus home", "a kitchen at six in the morning",
                       "an empty swimming pool in winter", "a market closing at dusk", "the first warm day of spring",
                       "a hospital waiting room at night"),
    t_limerick=_raw("a cyclist who keeps getting lost", "a chef who is scared of onions", "a goalkeeper who hates the rain",
                    "a dentist with a sweet tooth", "a parrot that only speaks French", "a pilot who gets seasick"),
    t_bedtime_hero=_raw("a hedgehog who is afraid of the dark", "a baby owl who can't sleep at night",
                        "a little tugboat who gets lost in the fog", "a teddy bear left behind at the park",
                        "a snail who wants to win a race", "a small cloud who can't make rain"),
    t_eatery=_raw("ramen bar", "tapas bar", "bakery café", "dumpling shop", "pizza place", "vegan diner"),
    t_voice_thing=_raw("a houseplant that feels neglected", "an old umbrella", "a tired alarm clock",
                       "a sourdough starter", "a lost sock", "a parking meter"),
    t_trade=_raw("plumbing", "roofing", "electrical", "landscaping", "carpentry", "window-cleaning"),
    t_bad_grammar=_raw(
        "Me and my sister has went to the market yesterday and buyed some apples.",
        "Him and his friends was playing football when the rain start.",
        "There is less people at the gym since they puts the prices up.",
        "Who's bag is this, it were left on the train this morning?",
        "I seen that film already but I didn't knew it was based on a book.",
        "Each of the students have to bring they own laptop tomorrow.",
        "We was going to went to the concert but the tickets was sold out.",
        "The dog wagged it's tail when it seen us coming home.",
    ),
    t_active=_raw(
        "The committee approved the new budget for the sports centre.",
        "A local artist painted the mural on the school wall.",
        "The chef prepares every sauce by hand each morning.",
        "Our team will launch the new website next month.",
        "The storm damaged several boats in the harbour.",
        "Thousands of fans watched the final in the main square.",
    ),
    t_para_sentence=_raw(
        "The match was postponed because of heavy rain.",
        "Our flight was delayed, so we missed the connection.",
        "The museum is free on the first Sunday of every month.",
        "She learned to play the guitar by watching online videos.",
        "Prices at the market went up after the harvest failed.",
        "The software update fixed the problem with the battery.",
    ),
    t_jargon=_raw(
        "We need to leverage our cross-functional synergies to drive a paradigm shift in customer engagement going forward.",
        "Let's circle back offline and take this learning on board to move the needle on Q3 deliverables.",
        "The patient presented with acute onset dyspnoea and was managed conservatively with supportive measures.",
        "Your claim has been actioned and is now pending adjudication subject to verification of supporting documentation.",
        "We must operationalise a best-in-class, holistic framework to unlock stakeholder value at scale.",
        "The defendant's motion was granted in part and denied in part without prejudice.",
    ),
    t_nopunct=_raw(
        "yesterday we visited the british museum in london it was busy but we saw the rosetta stone and the mummies",
        "on monday mr patel will talk about the trip to paris please bring your passport and a packed lunch",
        "my favourite bands are the beatles queen and abba my brother prefers jazz",
        "dear ms lopez thank you for your letter we will reply by friday kind regards tom",
        "in june we drove from madrid to lisbon then took the train to porto it was amazing",
        "the meeting is at 3 pm in room b please dont be late we have a lot to cover",
    ),
    t_wordy=_raw(
        "In spite of the fact that it was raining, the team made the decision to go ahead with the planned training session.",
        "At this point in time we are not currently in a position to be able to offer any refunds whatsoever.",
        "It is absolutely essential and very important that each and every employee reads the new policy in full.",
        "Due to the fact that the shop was closed, we were unable to purchase any bread for the purpose of making sandwiches.",
        "The reason why I am writing to you today is because I would like to ask a question about my order.",
        "In the event that you happen to have any further questions, please do not hesitate to get in touch with us.",
    ),
    t_misspelt=_raw(
        "brocolli, tomatos, yoghert, cinamon, lettise, avacado",
        "recieve, definately, seperate, occured, untill, tommorow",
        "resturant, accomodation, itinery, pasport, luggadge, reciept",
        "rythm, guittar, orkestra, symphany, lirics, choruss",
        "excercise, protien, dumbell, strech, calory, hydratation",
        "enviroment, goverment, begining, neccessary, wierd, publically",
    ),
    t_argument=_raw(
        "If it rains, the match is cancelled. The match was cancelled. Therefore it rained.",
        "All owls are birds. Some birds cannot fly. Therefore some owls cannot fly.",
        "If the shop is open, the lights are on. The lights are off. Therefore the shop is closed.",
        "Every student in the class passed. Mia is in the class. Therefore Mia passed.",
        "No reptiles have fur. Some pets have fur. Therefore some pets are not reptiles.",
        "If I train every day, I will win. I did not win. Therefore I did not train every day.",
    ),
    t_sequence=_raw("3, 8, 15, 24, 35, ...", "2, 6, 12, 20, 30, ...", "1, 4, 9, 16, 25, ...", "5, 9, 17, 33, 65, ...",
                    "1, 3, 7, 15, 31, ...", "2, 3, 5, 8, 12, 17, ...", "100, 81, 64, 49, ..."),
    t_proof=_raw(
        "the sum of any three consecutive whole numbers is a multiple of three",
        "the square of an odd number is always odd",
        "the sum of the angles in any quadrilateral is 360 degrees",
        "n^3 - n is divisible by 6 for every whole number n",
        "there are infinitely many even numbers that are not multiples of 4",
        "the sum of two rational numbers is always rational",
    ),
    t_oneword_q=_raw("what is the largest organ of the human body?", "what is the fastest land animal?",
                     "which planet is known as the Red Planet?", "what is the hardest natural substance?",
                     "what is the longest river in South America?", "which bird is the symbol of peace?"),
    t_number_q=_raw("how many minutes are there in a day?", "how many days are in a leap year?",
                    "how many sides does a hexagon have?", "how many hours are there in a week?",
                    "how many players does a basketball team have on court?", "how many keys does a standard piano have?"),
    t_cust_msg=_raw(
        "Hi, the blender arrived but the lid doesn't fit. Can I send it back and get my money back?",
        "When will my order ship? I paid on Monday and still have no tracking number.",
        "Is the large backpack waterproof or just water-resistant?",
        "I was charged twice for the same jacket, please refund one of the payments.",
        "Does the desk lamp work with a dimmer switch?",
        "The courier says he left my parcel with a neighbour but nobody has it.",
        "Just wanted to say the shoes are great, thanks!",
    ),
    t_job_title=_raw("Senior Accounts Payable Specialist", "Backend Developer (Java)", "Regional Account Manager",
                     "Warehouse Shift Lead", "Payroll Analyst", "Site Reliability Engineer", "Inside Sales Representative",
                     "Fleet Logistics Coordinator"),
    t_exercise=_raw("Bulgarian split squats with dumbbells", "30 minutes on the rowing machine", "a hamstring stretch on a bench",
                    "kettlebell swings", "a 5 km tempo run", "pigeon pose in yoga", "skipping rope intervals",
                    "weighted pull-ups"),
    t_quiz_q=_raw("What colour do you get when you mix blue and yellow?", "Which animal is known as the king of the jungle?",
                  "In which year did the Chernobyl disaster happen, and how many people died?",
                  "How many legs does an insect have?", "What is the legal drinking age in Germany?",
                  "Which fruit is dried to make raisins?"),
    t_search_query=_raw("buy running shoes size 42 free delivery", "facebook login", "how long to boil an egg",
                        "cheap flights to Lisbon in May", "youtube", "why do cats purr", "book table Italian restaurant tonight",
                        "symptoms of iron deficiency"),
    t_dish=_raw("Lentil curry cooked with coconut milk and ghee.", "Tomato pasta with basil and olive oil.",
                "Mushroom risotto finished with parmesan.", "Falafel wrap with tahini and pickled cabbage.",
                "Chocolate cake made with eggs and butter.", "Stir-fried tofu with honey and soy glaze.",
                "Vegetable soup made with chicken stock."),
    t_big_size=_raw("50 MB", "100 MB", "250 MB", "500 MB", "1 GB", "2 GB"),
    t_status=_raw("Paid", "Overdue", "Shipped", "Done", "Approved", "Cancelled"),
    t_regex_target=_raw("dates in the format DD/MM/YYYY", "24-hour times like 14:05", "US ZIP codes, with or without the "
                        "4-digit extension", "IPv4 addresses", "hashtags in a tweet", "prices like 12.50 with an "
                        "optional euro sign"),
    t_ci_cmd=_raw("npm test", "pytest", "go test ./...", "cargo test", "mvn verify", "ruff check ."),
    t_prize=_raw("a free cruise", "a new iPhone", "a weekend in Paris", "a 500 gift card", "an e-bike", "a 65-inch TV"),
    t_foreign_short=_raw(
        "Ik heb morgen een afspraak bij de tandarts.",
        "Jeg har glemt paraplyen min på bussen.",
        "Dziś wieczorem idziemy do kina.",
        "Ma sœur habite près de la gare.",
        "Il treno per Napoli è in ritardo di venti minuti.",
        "Mañana tengo una entrevista de trabajo.",
        "Wir treffen uns um acht vor dem Rathaus.",
        "Bugün hava çok sıcak.",
    ),
    t_foreign_title=_raw("Noche de luna llena", "La vie en rose", "Regenbogen über der Stadt", "Cuore di pietra",
                         "Saudade do mar", "Zomer in de stad", "Hjärtat är ett hav"),
    t_times=_raw(
        "7:30 am, 12:15 pm, 4:45 pm, 11:05 pm",
        "6:00 am, 9:20 am, 1:00 pm, 10:40 pm",
        "12:05 am, 8:15 am, 3:30 pm, 7:50 pm",
        "5:45 am, 11:59 am, 2:10 pm, 9:00 pm",
        "10:00 am, 12:00 pm, 6:25 pm, 11:45 pm",
    ),
    t_ref=_raw(
        "Lindqvist, Maja. Small Gardens, Big Harvests. Greenleaf Press, 2019.",
        "Okafor, Daniel. The Quiet Engine: A History of the Bicycle. Harbour Books, 2016.",
        "Moreau, Claire and Jun Sato. Cooking for One. Kitchen Table Press, 2021.",
        "Brennan, Tom. Night Trains of Europe. Railway Lane Publishing, 2018.",
        "Varga, Eszter. Money Basics for Students. Pennywise, 2022.",
    ),
    t_py_small=_raw(
        "def average(nums):\n    total = 0\n    for n in nums:\n        total += n\n    return total / len(nums)",
        "def add_item(item, basket=[]):\n    basket.append(item)\n    return basket",
        "def is_adult(age):\n    if age > 18:\n        return True\n    else:\n        return False",
        "def read_config(path):\n    f = open(path)\n    data = f.read()\n    return data.split('\\n')",
        "def discount(price, percent):\n    return price - price * percent / 100 if percent < 100 else 0",
        "def last_word(text):\n    words = text.split(' ')\n    return words[len(words)]",
    ),
    t_git_cmd=_raw("git rebase -i HEAD~3", "git stash pop", "git cherry-pick 4f2a9c1", "git reset --soft HEAD~1",
                   "git commit --amend --no-edit", "git bisect start", "git push --force-with-lease"),
    t_repeat=_raw("the tall green bear dances at midnight", "seven silver spoons on a Sunday", "banana, lighthouse, forty-two",
                  "red lorry, yellow lorry", "the kettle sings at noon", "one, two, buckle my shoe"),
    t_token=_raw("xk-44-blue", "QZ7-red-19", "alpha_beta_0", "mm-3030-g", "node-77-zeta", "pl4-orange-x"),
    t_echo_line=_raw("Blue lamp, seven chairs, no umbrella.", "Fourteen ducks and a bicycle.", "Nothing to see here, move along.",
                     "Apples are not oranges, said the owl.", "Test line number three.", "Quiet please, the cat is asleep."),
    t_letter=_raw("Q", "Z", "K", "X", "M", "B"),
    t_transport=_raw("train", "flight", "ferry", "bus", "yoga class", "dentist appointment"),
)

_T_BRAINSTORMING = (
    "You are given a small business description. Suggest five names that would look good on a shop sign.\n\n"
    "A bicycle repair workshop that also sells coffee, next to a university campus.",
    "Given the occasion below, list some theme ideas for the party.\n\n"
    "My father's 60th birthday; he loves jazz, fishing and old black-and-white films.",
    "A capsule wardrobe is a small set of clothes that all combine with each other. Suggest pieces for a "
    "ten-item autumn capsule wardrobe.",
    "We are planning a four-day trip to {city} with two teenagers who are not into museums; please suggest "
    "activities they might actually enjoy.",
    "The school library needs new ways to get pupils reading during lunch breaks. List some ideas that cost very little.",
    "Using the given list of leftovers, suggest meals I could cook tonight.\n\n"
    "{t_leftovers}",
    "Based on the hobbies below, suggest gifts under 30 euros.\n\n"
    "{t_hobbies}",
    "Suggest names for a weekly newsletter about personal finance for young people. Make sure each name is no "
    "longer than three words.",
    "List ten warm-up exercises for a Sunday five-a-side football group. Use a numbered list.",
    "Please come up with topics for podcast episodes based on the information below.\n\n"
    "Show: two nurses talk about night shifts, coffee and patient stories. Audience: healthcare workers.",
    "Give me ideas for a fun class project that teaches ten-year-olds about {t_school_topic}.",
    "A new {t_pet} arrives next Saturday. Make a list of the things we should buy before then.",
    "The team's weekly stand-up has become dull. Suggest formats we could try to make it more engaging.\n\n"
    "Team: {n_small} developers, fully remote, meetings on video.",
    "Suggest ways to keep kids in the back seat entertained on a six-hour car journey, without screens.",
    "You are given a book's genre and mood. Recommend five similar novels.\n\n"
    "{t_book_mood}",
    "Brainstorm ways a small music school could get more adult beginners to sign up for lessons.",
    "Given a budget of {amount}, suggest ways to refresh a tired-looking living room.",
    "Names should be proposed for the charity run described below. Give at least eight options.\n\n"
    "A 5k fun run in {city} raising money for {t_charity}.",
    "Suggest ways to reuse old T-shirts instead of throwing them away.",
    "Some ideas are needed for keeping a fitness routine going while travelling for work. List them as short bullet points.",
    "List possible themes for a photography club's monthly challenge. Avoid anything that needs expensive gear.",
    "Using the details below, suggest ice-breaker questions for the first session.\n\n"
    "Evening {lang} course for beginners, {n_people} adults, mostly retired.",
    "Give me a list of budget-friendly date ideas for a winter evening in {city}.",
    "Our budgeting app needs a few new features that would make saving money feel like a game. Suggest some.",
    "Given the constraints, suggest houseplants I could keep.\n\n{t_plant_room}",
    "Ideas are needed for an escape room with this theme: {t_escape_theme}. List possible puzzles and room settings.",
    "Suggest alternatives to a real Christmas tree for a tiny studio flat.",
    "Come up with questions a first-time buyer should ask at a house viewing. Make sure to cover heating, damp and noise.",
)
_plain("brainstorming", "task", _T_BRAINSTORMING, inline=True)

_T_OPEN_QA = (
    "A sourdough starter is a mix of flour and water full of wild yeast. Explain how it makes bread rise and why "
    "it needs regular feeding.",
    "Explain how a heat pump can warm a house even when it's freezing outside.",
    "We are planning to move to {country} next spring; please explain what paperwork and practical steps "
    "people usually have to deal with.",
    "Describe how vaccines train the immune system. Keep it understandable for {t_reader}.",
    "How do I prepare for a half marathon if I can currently only run {n_small} km? Give a step-by-step approach.",
    "Give a step-by-step guide to fixing a flat tyre on {t_bike} at the roadside.",
    "Explain why the Roman Empire split into eastern and western halves.",
    "Describe the main differences between a credit card and a debit card, and when each is the better choice.",
    "Please explain how noise-cancelling headphones work.",
    "Offside is one of the most argued-about rules in football. Explain what it means and why the rule exists.",
    "Explain what actually happens to my data when I delete a file on my {t_device}.",
    "Someone who has never cooked {t_grain} should be told how to do it properly on a hob. Describe the steps.",
    "Describe the role of the conductor in an orchestra. What would go wrong without one?",
    "Explain how a film gets from a finished script to the cinema screen.",
    "What should {t_gym_person} know before starting strength training at a gym? Make sure to cover rest days and form.",
    "How does an offset mortgage work, and who benefits from one?",
    "Explain the causes of the 2008 financial crisis in plain language.",
    "Describe what a typical week looks like for a first-year {t_degree} student.",
    "How do I keep {t_herb} alive on a windowsill? It always wilts after a week.",
    "Explain why plane tickets tend to get more expensive closer to the departure date.",
    "Explain why the euro was introduced and what it changed for the countries that adopted it.",
    "How does a dishwasher get plates clean without anyone scrubbing them?",
    "Describe daily life for {t_hist_person}.",
    "Explain how version control such as Git helps a team of {n_small} programmers work on the same code.",
    "What's the best way to teach {t_dog} to walk on a loose lead?",
    "Glaciers are slow rivers of ice. Explain how they carve valleys over thousands of years.",
    "Describe how to negotiate the price of a used {t_vehicle} at a dealership.",
    "Explain why we have leap years and how the rule for them works.",
)
_plain("open_qa", "task", _T_OPEN_QA, inline=True)

_T_CREATIVE_WRITING = (
    "Write a short story about a bus driver who notices the same silent passenger every night at 2 a.m.",
    "You are given a café's details. Write an Instagram caption announcing its new autumn menu.\n\n"
    "Café: Little Fern, {city}. New: pumpkin soup, pear cake, spiced oat latte.",
    "Given the product below, write a two-sentence marketing blurb for the shop's website.\n\n"
    "A waterproof dog coat with reflective strips, sizes XS to XL.",
    "A haiku is a three-line poem with 5, 7 and 5 syllables. Write one about waiting for a delayed train.",
    "Write a short bio for a freelance illustrator's portfolio site based on the information below.\n\n"
    "Name: {first}. Draws children's books and botanical prints. Based in {city}. Loves tea and long walks.",
    "A slogan is needed for a neighbourhood recycling drive. Keep it under eight words and make it rhyme.",
    "Using the given characters, write a one-page scene.\n\n"
    "A retired chess champion and a ten-year-old girl who beats him in the park.",
    "Write a LinkedIn post in the voice of a proud team lead celebrating the launch of a mobile app after a year of work.",
    "Write a poem about {t_poem_moment}.",
    "Based on the notes below, write a product description for an online shop.\n\n"
    "Handmade oak chopping board, 40 x 25 cm, food-safe oil finish, each one unique.",
    "Write the opening paragraph of a fantasy novel set in a city built on the back of a giant turtle.",
    "Please write a tagline for the yoga studio described below.\n\n"
    "Small studio in {city}, calm, for beginners and older adults, morning classes only.",
    "Write a funny limerick about {t_limerick}.",
    "Write a short speech a captain might give her rowing crew before their first race. Make sure it sounds "
    "encouraging, not cheesy.",
    "Write a bedtime story about {t_bedtime_hero}. Use simple words for a four-year-old.",
    "The given fact should be turned into a short rhyming verse for children.\n\nOctopuses have three hearts and blue blood.",
    "Write a love letter from a lighthouse to the sea.",
    "Write a 20-second radio ad for {q_venture}.",
    "We are opening a small {t_eatery} next month; please write the short 'our story' text for the back of the menu.",
    "Write the lyrics for a chorus about finally finishing exams.",
    "Write a tweet in the voice of {t_voice_thing}.",
    "Write a short mystery story in which the only clue is a sheet of music left on a piano.",
    "Given the theme, write a free-verse poem of about twelve lines.\n\nTheme: {q_subject}",
    "A caption is needed for a photo of a mountain sunrise on our hiking club's Facebook page. Write one that "
    "makes people want to join the next walk.",
    "Write a short fairy tale in which a clockmaker accidentally stops time.",
    "Write a dialogue between a nervous first-time flyer and a calm flight attendant.",
    "Write an 'About us' paragraph for a family-run {t_trade} company in {city}, in a warm and trustworthy voice.",
    "Write a six-word story about {q_subject}.",
)
_plain("creative_writing", "task", _T_CREATIVE_WRITING, inline=True)

_T_CONTENT_EDITING = (
    "You are given a sentence with several grammar mistakes. Correct it without changing the meaning.\n\n"
    "{t_bad_grammar}",
    "Given the paragraph below, rewrite it so it sounds more formal.\n\n"
    "Hey all, heads up that the kitchen's getting cleaned Friday so grab your stuff out of the fridge by Thursday "
    "night or it's going in the bin.",
    "The given text should be shortened to under 30 words.\n\n"
    "We are very pleased and excited to let all of our wonderful customers know that from next week onwards our "
    "shop will be staying open for longer hours on both Saturdays and Sundays.",
    "This product description needs to be made livelier for a younger audience.\n\n"
    "The backpack has a capacity of 25 litres. It has two side pockets. It is made of recycled polyester. It is "
    "available in grey.",
    "Please simplify the text below so {t_reader} could understand it.\n\n"
    "Tectonic plates are large segments of the lithosphere that move relative to one another, and their "
    "interactions at boundaries produce earthquakes, volcanoes and mountain ranges.",
    "Rewrite the following sentence in the passive voice.\n\n{t_active}",
    "Using the draft below, finish the last point so the blog post ends naturally.\n\n"
    "Five things I learned in my first month of running: 1) Slow is fine. 2) Shoes matter. 3) Rest days are "
    "training days. 4) Nobody is watching you. 5)",
    "Make the following review sound less angry while keeping the complaint.\n\n"
    "Worst haircut of my life. The guy didn't listen at all and now I look ridiculous. Never again.",
    "Proofread this paragraph from my cover letter. Make sure to keep my original wording where possible.\n\n"
    "I am writting to apply for the position of assistent manager. I have three year experience in retail and I "
    "am confidant working with customers.",
    "Change the tone of this message from formal to friendly.\n\n"
    "Dear colleagues, kindly be informed that the quarterly team lunch will take place on {weekday} at {time}. "
    "Attendance is expected.",
    "The sentences below are repetitive. Rewrite them so they flow as one paragraph.\n\n"
    "The hotel was clean. The hotel was near the beach. The hotel had a pool. The hotel staff were friendly.",
    "Paraphrase the given sentence in three different ways.\n\n{t_para_sentence}",
    "Rewrite this recipe step so it's clearer for beginners.\n\n"
    "Make roux w/ butter+flour, add milk gradually whisking, season, simmer till thick ~5 min.",
    "Remove the jargon from the following sentence.\n\n"
    "{t_jargon}",
    "A gender-neutral version of this job ad sentence is needed.\n\n"
    "The ideal candidate will be a strong salesman who can manage his own schedule.",
    "Edit the text below to fix punctuation and capitalisation only.\n\n"
    "{t_nopunct}",
    "Based on the feedback below, revise the slogan.\n\n"
    "Slogan: 'Bikes for everyone, everywhere, every time, for every journey.'\n"
    "Feedback: too long, sounds generic, should mention repairs.",
    "Rewrite this sentence so it uses fewer words.\n\n"
    "{t_wordy}",
    "Make this text more persuasive for a fundraising page.\n\n"
    "We are collecting money to fix the roof of the village hall. The roof leaks. Any amount helps.",
    "The following paragraph uses British spelling. Change it to American spelling.\n\n"
    "Our neighbour's colourful garden is the favourite of every visitor; the organisers even apologised for "
    "leaving it out of the centre's catalogue.",
    "Proofread the blog post draft below. Make sure to keep the author's casual voice.\n\n{blog_draft}",
    "Please make this apology sound more sincere.\n\nSorry if anyone was upset by the delay, these things happen.",
    "Given this product title, rewrite it to be clearer and under 60 characters.\n\n"
    "NEW!!! Super Mega Comfortable Memory Foam Pillow For Sleeping Best Quality Soft Neck Support 2 Pack",
    "Replace the overused words in this paragraph with more precise ones.\n\n"
    "The film was really good. The acting was really nice and the music was really good too. It was a really nice evening.",
    "Correct the spelling mistakes in the given list of words.\n\n{t_misspelt}",
    "Rephrase this newsletter subject line so it doesn't sound like spam.\n\n"
    "FREE!!! Don't miss out on our AMAZING offer - ACT NOW",
    "Improve the clarity of the following assembly instructions for a bookshelf.\n\n"
    "Put side A to B with screws then the shelves go in, not the bottom one yet, then back panel, then bottom.",
    "The tone of this comment should be changed from sarcastic to constructive.\n\n"
    "Oh great, another software update that moves every button. Just what I needed.",
)
_plain("content_editing", "task", _T_CONTENT_EDITING, inline=True)

_T_REASONING = (
    "You are given the opening hours of three shops. I start at 2 pm and it takes 20 minutes to get between any "
    "two of them. Plan an order that lets me visit all three.\n\n"
    "Hardware store: 9:00-15:00. Pharmacy: 14:00-18:00. Florist: 10:00-16:00, closed 13:00-14:00.",
    "Given that a sauce for 4 people needs 300 g of pasta and 2 tins of tomatoes, work out how much pasta I need for "
    "{n_people} people and how many whole tins to buy.",
    "A train ticket costs 24 euros, or 18 euros with a railcard that costs 45 euros a year. How many single trips "
    "a year make the railcard worth it? Show your reasoning.",
    "Three friends split a bill of 96. {first} pays twice what {first2} pays, and {first3} pays 12 more than {first2}. How much does each pay?",
    "A password must be 6 characters long, using only lowercase letters and digits, with at least one digit. How "
    "many passwords are possible? Explain step by step.",
    "Five runners finished a race. {first} finished before Tom but after {first2}. Omar finished last. {first3} finished "
    "right after {first2}. What was the finishing order?",
    "A dripping tap loses about one drop every {n_small} seconds. Estimate how many litres it wastes in a year, stating your "
    "assumption for the size of a drop and showing the calculation.",
    "A phone plan costs 15 a month plus 0.10 per MB over 2 GB. Another costs 25 a month with unlimited data. Above "
    "how much monthly data is the second plan cheaper?",
    "Prove that the square root of 2 is irrational.",
    "A tank is filled by one pipe in 6 hours and emptied by another in 9 hours. If both are open, how long does it "
    "take to fill the empty tank?",
    "We are planning a four-leg relay, and each runner can run only one leg. Using the times below (in seconds), "
    "assign runners to legs for the fastest total.\n\n"
    "Amy: 62, 65, 70, 68\nBo: 60, 66, 64, 71\nCy: 64, 61, 67, 66\nDee: 66, 63, 62, 65",
    "If a shop raises a price by {pct} and later cuts it by {pct}, is the final price the same as the original? "
    "Explain with numbers.",
    "Using the given clues, work out who owns which pet.\n\n"
    "{first}, {first2} and {first3} own a parrot, a rabbit and a tortoise. {first} is allergic to feathers. {first3}'s pet "
    "sleeps in a hutch in the garden.",
    "A stationery shop sells notebooks at 3 each or 4 for 10. What is the cheapest way to buy exactly 15 notebooks, "
    "and what does it cost?",
    "Solve step by step: a cyclist rides to the next town at 20 km/h and comes back at 30 km/h. What is the average "
    "speed for the round trip?",
    "Given the tasks and their dependencies, find the shortest time to finish the project.\n\n"
    "A: 3 days. B: 2 days, needs A. C: 4 days, needs A. D: 1 day, needs B and C.",
    "Is the following argument valid? Explain.\n\n{t_argument}",
    "I earn 2,400 a month after tax. Rent is 900, bills 250 and food 350. If I save everything else, how many months "
    "until I have 6,000 for a deposit?",
    "How many squares of all sizes are there on a standard 8x8 chessboard? Show the reasoning.",
    "A die is rolled twice. What is the probability that the second number is larger than the first?",
    "A van carries at most 500 kg. The boxes weigh 120, 200, 180, 90, 250 and 150 kg. What is the smallest number "
    "of trips needed to move them all? Explain.",
    "Schedule the exams below over as few days as possible so that no student sits two exams on the same day.\n\n"
    "Exams: Maths, Biology, History, Art.\nShared students: Maths+Biology, Biology+History, Maths+Art.",
    "What is the next number in {t_sequence}? Explain the rule.",
    "A loan of 5,000 charges 4% simple interest a year. Another loan of 5,000 compounds at 3.8% a year. Which costs "
    "more in interest after 5 years?",
    "Prove that {t_proof}.",
    "If 6 painters paint 4 rooms in 2 days, how many rooms can {n_small} painters paint in 5 days at the same rate?",
    "Train 1 arrives at 14:52 on platform 2, and train 2 leaves at 15:01 from platform 9. Walking between them takes "
    "6 minutes, and train 1 is late by up to 5 minutes on most days. Work out how often I should expect to make "
    "the connection and what margin I have.",
    "Plan a week of gym sessions: three strength sessions and two runs, never two strength days in a row, and "
    "Sunday must be a rest day. Give one schedule that works and explain why.",
)
_plain("reasoning", "task", _T_REASONING, inline=True)

_T_SIMPLE_QA = (
    "You are given a short notice. Answer the question at the end.\n\n"
    "The swimming pool will be closed from 3 to 9 {month} for cleaning. Lessons move to the sports hall pool that week.\n\n"
    "Question: Where do lessons take place during the closure?",
    "Given the passage, what year did the bridge open?\n\n"
    "Work on the suspension bridge began in 1927 after years of delays. It finally opened to traffic in 1932 and "
    "was widened in 1968.",
    "Based on the menu below, which dish is vegetarian?\n\n"
    "Grilled trout - 16\nLamb tagine - 18\nMushroom risotto - 14\nChicken Caesar - 13",
    "Please answer the question using the information below.\n\n"
    "Our return window is 30 days from delivery. Sale items can be exchanged but not refunded.\n\n"
    "Can I get my money back for a sale item?",
    "Answer in one word: {t_oneword_q}",
    "Which country hosted the 2016 Summer Olympics? Just the country name.",
    "How many strings does a standard violin have?",
    "Using the given timetable, when does the last bus to the airport leave?\n\n"
    "Route 9 to Airport: 05:40, 07:10, 09:25, 13:00, 17:45, 22:15",
    "Who directed the film 'Jaws'? Reply with the name only.",
    "The answer should be a single number: {t_number_q}",
    "Which metal is liquid at room temperature?",
    "According to the recipe below, how long should the cake bake?\n\n"
    "Cream the butter and sugar, add the eggs and flour, pour into a lined tin and bake at 180°C for 35-40 minutes "
    "until golden.",
    "What is the square root of 144?",
    "Given this product spec, how much does the laptop weigh?\n\n"
    "Screen: 13.3 inch. Weight: 1.1 kg. Battery: up to 14 hours. Ports: 2 x USB-C.",
    "In which year did the Titanic sink?",
    "Read the note and say who is picking up the kids.\n\n"
    "Hi! I'm stuck at work until 7, so {first} will collect the kids from football at 5:30. Dinner is in the fridge.",
    "What is the main language spoken in Quebec?",
    "Based on the information below, is parking free on Sundays?\n\n"
    "City-centre parking in {city}: 2.50 per hour, Monday to Saturday 8:00-20:00. Free at all other times.",
    "Who was the first person to reach the South Pole?",
    "How many legs does a spider have? Answer with a number.",
    "The question below should be answered from the text only.\n\n"
    "Text: The library lends e-readers to members for up to three weeks. Each member can borrow one device at a time.\n"
    "Question: How long can I keep an e-reader?",
    "What is the currency of {country}?",
    "Which gas do plants take in from the air to make their food?",
    "Given the score sheet, which team won the quiz?\n\nTeam Owls: 42\nTeam Foxes: 47\nTeam Badgers: 39",
    "What's the capital city of Canada?",
    "A quick one: what does the 'www' in a web address stand for?",
    "From the email below, what time is the dentist appointment?\n\n"
    "Dear patient, this is a reminder of your check-up on {weekday} at {time} with Dr Amani. Please arrive ten minutes early.",
    "How many points is a touchdown worth in American football?",
)
_plain("simple_qa", "task", _T_SIMPLE_QA, inline=True)

_T_CLASSIFICATION = (
    "You are given a customer message. Classify it as one of: refund request, delivery question, product question, other.\n\n"
    "{t_cust_msg}",
    "Given the list of animals, label each as herbivore, carnivore or omnivore.\n\nbear, cow, lion, rabbit, crow, shark",
    "Is the hiking route below suitable for a beginner? Answer suitable or not suitable.\n\n"
    "22 km, 1,400 m of climbing, an exposed ridge with a short scrambling section.",
    "Are these two support tickets about the same problem? Answer duplicate or different.\n\n"
    "Ticket 1: The app crashes when I open the camera.\nTicket 2: The app closes itself every time I try to scan a receipt.",
    "The given film should be assigned to one genre: comedy, horror, romance, documentary or science fiction.\n\n"
    "A crew of miners on a distant moon discovers that the base they were sent to repair is already occupied.",
    "Is the word in quotes used as a noun, a verb or an adjective?\n\nShe let out a quiet 'whisper' before the lights went off.",
    "Tag each expense with a budget category (housing, food, transport, leisure).\n\n"
    "Cinema tickets\nElectricity bill\nTrain season ticket\nSupermarket shop\nConcert tickets",
    "Given the job title, which department does it belong to: Engineering, Sales, Finance or Operations?\n\n"
    "{t_job_title}",
    "A message is 'urgent' if it needs action today, otherwise 'routine'. Label the message below.\n\n"
    "Reminder: the fire alarm test is next Wednesday at 10am, no action needed.",
    "Please decide whether this exercise is mainly cardio, strength or flexibility.\n\n{t_exercise}",
    "Based on the description, is this plant safe for cats? Answer safe or toxic.\n\nLily (Lilium), common in bouquets.",
    "Classify each sentence by tense: past, present or future.\n\n"
    "She will call tomorrow.\nWe walked home.\nThey are cooking dinner.",
    "Is this question suitable for a children's quiz? Answer yes or no and nothing else.\n\n"
    "{t_quiz_q}",
    "Group the following instruments into strings, woodwind, brass and percussion.\n\n"
    "cello, oboe, trumpet, timpani, flute, harp, tuba",
    "Which of these email subject lines are about a meeting? Mark each yes or no.\n\n"
    "1. Agenda for Thursday's sync\n2. Your invoice is ready\n3. Moving our 1:1 to 3pm\n4. Lunch menu this week",
    "You are given a book description. Is it fiction or non-fiction?\n\n"
    "A journalist follows five families through a year of rising food prices, interviewing farmers, shop owners and economists.",
    "Sort these countries into landlocked and coastal: Austria, Chile, Bolivia, Portugal, Switzerland, Kenya.",
    "Given the two product listings, are they the same item? Answer same or different.\n\n"
    "A: Stainless steel water bottle, 750 ml, blue, double-walled\nB: 0.75 L insulated steel bottle in blue, double wall",
    "Label the difficulty of this maths question for a primary school pupil: easy, medium or hard.\n\nWhat is 3/4 of 48?",
    "The following search query should be mapped to one intent: navigational, informational or transactional.\n\n"
    "{t_search_query}",
    "Decide whether each piece of clothing is for summer or winter: wool scarf, sandals, linen shirt, down jacket, swim shorts.",
    "Which section of the news site should this story go in: sport, science, travel or money?\n\n"
    "Researchers in {country} grow tomatoes in soil mixed with crushed seashells.",
    "Decide whether the holiday request below can be approved under the rule. Answer approve or reject.\n\n"
    "Rule: requests need two weeks' notice.\nRequest: submitted 3 May for 10-12 May.",
    "Classify this piece of music by era: Baroque, Classical, Romantic or Modern.\n\n"
    "A harpsichord concerto with a basso continuo, written around 1720.",
    "Assign a priority (P1, P2 or P3) to the bug report below. P1 means users cannot work at all.\n\n"
    "The export button on the reports page is misaligned on small screens.",
    "Does the following dish count as vegan? Answer yes or no.\n\n{t_dish}",
    "Categorise each hobby as indoor or outdoor: knitting, kayaking, chess, birdwatching, baking.",
    "Given a customer's age and the ticket rules, which ticket type applies: child, adult or senior?\n\n"
    "Rules: child under 16, senior 65 and over.\nCustomer: {n_people} years old.",
)
_plain("classification", "task", _T_CLASSIFICATION, inline=True)

_T_CODE_GENERATION = (
    "You are given a list of file names. Write a Python function that returns only the ones ending in .csv, "
    "ignoring case.\n\nreport.CSV, notes.txt, sales_2024.csv, image.png",
    "Given a table called employees with columns name, department and salary, write a SQL query that returns the "
    "highest-paid person in each department.",
    "Write a bash command that finds all files larger than {t_big_size} in my home directory.",
    "A spreadsheet formula is needed that adds up column C only where column A says '{t_status}'. Write it for Google Sheets.",
    "Write a JavaScript function that checks whether a string is a valid hex colour code like #1a2b3c. Make sure "
    "to handle the 3-digit form too.",
    "Using Python and the requests library, write a script that fetches the current weather for {city} from an API "
    "and prints the temperature. Use a placeholder for the API key.",
    "Write a regular expression that matches {t_regex_target}.",
    "Based on the description below, write a Dockerfile.\n\n"
    "Python 3.12 Flask app, entry point app.py, dependencies in requirements.txt, listens on port 8000.",
    "Create a simple HTML and CSS card that shows a recipe title, a photo and the cooking time.",
    "Write a function in {code_lang} that returns the number of vowels in a string.",
    "Write a Python class for a library book with a title, an author and a method that marks it as borrowed. "
    "Include type hints.",
    "Please write a cron entry that runs /home/me/backup.sh every weekday at 2:30 am.",
    "The following function should be made faster. Rewrite it.\n\n"
    "def has_duplicates(items):\n    for i in range(len(items)):\n        for j in range(i + 1, len(items)):\n"
    "            if items[i] == items[j]:\n                return True\n    return False",
    "Write unit tests with pytest for a function add_days(d, n) that returns the date n days after d.",
    "Write an Excel formula that turns a date in cell A2 into the name of the weekday.",
    "Write a SQL query that counts how many orders each customer placed in {year}, sorted from most to fewest.\n\n"
    "Tables: customers(id, name), orders(id, customer_id, created_at)",
    "Generate a GitHub Actions workflow in YAML that runs {t_ci_cmd} on every push to main.",
    "Write a Python script that renames all photos in a folder to the date they were taken, using the EXIF data.",
    "Write a small TypeScript function that groups an array of objects by a given key.",
    "Fix the errors in this code.\n\nprices = [3, 5, 8]\ntotal = 0\nfor p in prices\n    total += p\nprint('Total: ' + total)",
    "Write a command-line tool in Go that prints the size of every file in the current directory.",
    "Create a CSS rule that makes all links in the footer grey, and underlined only on hover.",
    "Write a {code_lang} function that calculates running pace in minutes per kilometre from a distance and a time.",
    "Write the git commands to create a new branch, commit all changes and push the branch to origin.",
    "An Arduino sketch is needed that blinks an LED on pin {n_small} every half second.",
    "Write a PowerShell script that deletes files older than {n} days in C:\\Temp.",
    "Write a function that shuffles a deck of 52 cards fairly, in any language you like.",
    "Write a Kotlin data class for a song with title, artist and duration in seconds, plus a function that adds up "
    "the total length of a playlist.",
)
_plain("code_generation", "task", _T_CODE_GENERATION, inline=True)

_T_SUMMARIZATION = (
    "You are given the minutes of a meeting. Summarise the decisions in two sentences.\n\n{meeting_notes_actions}",
    "Given the article below, write a one-sentence summary for a newsletter.\n\n{long_article}",
    "The text below should be summarised in no more than 40 words.\n\n"
    "The town's annual cheese festival returns this weekend with more than 60 stalls, cooking demonstrations from "
    "local chefs and a children's tasting trail. Organisers expect 15,000 visitors and advise arriving by bus, as the "
    "main car park will be closed for repairs. Entry is free, but tastings cost two euros each.",
    "Please give a short summary of this review for the product page.\n\n"
    "I've used this tent on four trips now. It goes up in ten minutes, stayed dry in a proper storm in Wales, and "
    "packs small. The downsides: the zip on the door sticks, and two tall people will find it cramped. For the "
    "price it's excellent.",
    "TL;DR of the following, please.\n\n{long_email}",
    "Based on the call notes below, summarise what the customer wanted and what was agreed.\n\n{call_notes}",
    "Using bullet points, summarise the main arguments of this opinion piece.\n\n"
    "Cities should stop building new car parks. Every space invites one more car into the centre, adding to traffic "
    "and pollution. The land could hold homes or parks instead. Shops fear losing customers, but studies from several "
    "European cities show pedestrians spend more over a month than drivers. Better buses and safe bike lanes would "
    "serve more people for less money.",
    "A short summary of this passage is needed for a study guide.\n\n{story_passage}",
    "Summarise the plot of the film described below in three sentences, without spoilers.\n\n"
    "A retired stage magician living alone in Lisbon receives a letter from a former assistant he hasn't seen in "
    "forty years. She asks him to perform one last show at the theatre where they met. As he travels north, "
    "gathering old props and old friends, he starts to suspect the invitation hides something else, and that "
    "the accident which ended his career was no accident.",
    "Condense the following chat messages into a short summary of what was decided.\n\n{slack_log}",
    "Here is a news item. Give me the key facts in one line.\n\n{news_item}",
    "Summarise this history paragraph for a revision card.\n\n"
    "The Hanseatic League was a network of merchant guilds and market towns that dominated trade in the Baltic and "
    "North Sea from the 13th to the 15th century. Member cities such as Lübeck, Hamburg and Bergen shared laws, "
    "protected their ships and negotiated trade privileges together. The League declined as territorial states grew "
    "stronger and Atlantic trade routes became more important.",
    "The email thread below needs a short summary for someone joining the project.\n\n{email_thread}",
    "Summarise the research findings below for a general audience, in under 60 words.\n\n"
    "In a six-month trial, 240 office workers were given either a standing desk or a regular desk. Those with standing "
    "desks sat for 70 minutes less per day on average. They reported slightly less back pain, but there was no "
    "measurable difference in weight, blood pressure or productivity. Most people stopped standing regularly after "
    "the third month.",
    "Write a brief summary of this podcast episode description.\n\n"
    "This week we talk to a beekeeper who keeps hives on the roofs of three hotels. She explains why city bees often "
    "do better than country bees, how she harvests honey without a garden, and what guests think when they find out "
    "what's buzzing overhead.",
    "Give me the gist of this article in plain words.\n\n{long_article}",
    "Using the match report below, summarise the game in two sentences.\n\n"
    "The visitors took an early lead through a header from a corner in the 9th minute. The home side dominated "
    "possession after the break and equalised with a long-range shot on 71 minutes. In stoppage time a penalty was "
    "awarded for handball and converted, giving the hosts a 2-1 win that lifts them to third in the table.",
    "Sum up the key points of this release for our customers.\n\n{changelog}",
    "Please summarise this long message from my landlord in a sentence or two.\n\n"
    "Hello, just letting you know that the boiler service is booked for next Tuesday between 8 and 12. The engineer "
    "will need access to the kitchen and bathroom. If that doesn't suit, let me know by Friday and I'll rearrange. "
    "Also, the bins are now collected on Thursdays instead of Wednesdays.",
    "Sum up this recipe in one sentence so I know what's involved.\n\n{recipe_text}",
    "Write an executive summary of the report below.\n\n{long_article}",
    "Summarise what this passage says about sleep and exercise.\n\n"
    "Regular exercise improves sleep quality for most people, but timing matters less than once thought. Several "
    "studies found that even evening workouts did not disturb sleep, as long as they ended an hour before bed. Very "
    "intense sessions late at night were the exception, raising heart rate and delaying sleep.",
    "In one paragraph, summarise the customer feedback below.\n\n"
    "- Delivery was fast\n- Packaging too bulky\n- Sizes run small\n- Great colours\n- Returns were easy\n"
    "- Fabric pills after a few washes",
    "A summary of these lecture notes is needed before tomorrow's exam. Keep it to five bullet points.\n\n"
    "Supply: amount producers are willing to sell at each price. Demand: amount buyers want. Equilibrium where they "
    "meet. Price ceilings cause shortages (e.g. rent control). Price floors cause surpluses (e.g. minimum prices for "
    "crops). Elasticity measures how much quantity responds to price. Exam tip: always draw the graph.",
    "Summarise this travel blog post in a short paragraph.\n\n"
    "We spent three days walking the coastal path in {country} from village to village, carrying only day packs because a local "
    "company moved our luggage. We booked everything in winter, which turned out to be a good idea. The first day was the hardest, with steep climbs and strong wind, but the views over "
    "the cliffs made it worth it. Every evening we ate fresh fish and slept in small guesthouses run by families.",
    "Summarise the patch notes below in two lines for players.\n\n"
    "Version 2.4: new winter map added; sniper rifle damage reduced by 10%; fixed a crash when joining a full server; "
    "matchmaking now prefers players in the same region; holiday skins available until 6 January.",
    "Please boil these volunteer instructions down to a quick summary a newcomer can remember.\n\n"
    "Arrive at 8:45. Sign in at the desk and collect a badge. Check the fridge temperatures and write them on the "
    "sheet. Set up the tables for food parcels. At 9:30 open the doors. At 12:00 pack away and take the rubbish out.",
    "What's the main message of this speech? Summarise it briefly.\n\n"
    "When I started this company in my garage, I thought success meant growing fast. What I've learned is that it "
    "means keeping the people who believed in us from day one. Our customers, our staff and our suppliers are the "
    "reason we're here, and every decision we make next year will start with them.",
)
_plain("summarization", "task", _T_SUMMARIZATION, inline=True)

_T_ENTITY_EXTRACTION = (
    "You are given an email signature. Extract the name, job title, company and phone number as JSON.\n\n{signature_block}",
    "Given the text below, list all the dates and what happens on each.\n\n"
    "The school term starts on 2 September. Parents' evening is on 17 October, half term runs from 28 October to "
    "1 November, and the winter concert is on 12 December.",
    "Pull out the ingredients mentioned in the sentence below, with their amounts.\n\n"
    "Whisk 3 eggs with 200 ml of milk, a pinch of salt and 100 g of flour, then fold in a handful of blueberries.",
    "The names of all the people mentioned should be extracted from this paragraph, with their roles.\n\n"
    "The new café was opened by mayor Helen Duarte. Chef Tomasz Kaur designed the menu, and the interior was created "
    "by architect Ines Lambert.",
    "Please extract the flight number, departure time, origin and destination from this confirmation.\n\n"
    "Your booking is confirmed: flight KX482 departs Vilnius at 06:55 on 14 May and arrives in Galway at 08:40. Seat 17C.",
    "Using the job ad below, fill in: title, location, pay, hours per week.\n\n"
    "We're hiring a part-time barista in Ghent. 20 hours a week, 14 euros per hour, weekend shifts included. "
    "Experience with latte art is a plus.",
    "Based on the receipt text, extract each item and its price.\n\n{receipt}",
    "Find all the book titles and authors mentioned in this post.\n\n"
    "This summer I finally read 'Middlemarch' by George Eliot, re-read 'The Hobbit', and started Octavia Butler's "
    "'Kindred'. Next up is 'Rebecca' by Daphne du Maurier.",
    "Extract the products, quantities and delivery address from the order message below.\n\n"
    "Hi, could you send 2 boxes of the A4 recycled paper and one toner cartridge to {address}? Thanks, {first}",
    "Identify the places mentioned in this travel itinerary and list them in order.\n\n"
    "Day 1: land in Lisbon, drive to Sintra. Day 2: Sintra to Óbidos. Day 3: Óbidos to Coimbra via Nazaré. Day 4: Porto.",
    "Extract the following fields as JSON: patient_name, appointment_date, clinic, doctor.\n\n"
    "Reminder for {fullname}: your appointment at Fernwood Clinic with Dr Oyelaran is on {date} at {time}.",
    "From the match report, pull out the teams, the final score and the goal scorers.\n\n"
    "Riverside beat Northgate 3-1 on Saturday. Okafor scored twice for Riverside and Lindqvist added a late third; "
    "Moreau replied for Northgate.",
    "List the amounts of money in the text and what each one is for.\n\n"
    "The trip costs 450 per person, plus a 50 deposit, and travel insurance is another 32. Lunch on the boat day is 18 extra.",
    "You are given a product review. Extract the product name, the brand and any features the reviewer mentions.\n\n"
    "The Lumo reading lamp by Brightnest has three colour temperatures and a USB port, and the arm bends nicely.",
    "Extract the company names and the cities where they are based.\n\n{p_bio}",
    "Turn the following sentence into structured data with the keys who, what, when and where.\n\n"
    "On Friday evening the choir will perform Christmas carols at St Mary's Church.",
    "Identify the medications and doses mentioned in this note.\n\n"
    "Continue ibuprofen 400 mg three times a day, start omeprazole 20 mg each morning, stop the cough syrup.",
    "Get the opening hours for each day out of this text.\n\n"
    "We're open Monday to Thursday 9-17, Friday 9-15, Saturday 10-14, and closed on Sundays and bank holidays.",
    "Extract the key terms of this rental ad: rent, deposit, size, available from, pets allowed.\n\n"
    "Bright two-bed flat, 68 m², {rent} per month plus one month's deposit. Available from 1 July. Sorry, no pets.",
    "A list of all the software tools mentioned in the text below is needed, with version numbers where given.\n\n"
    "We upgraded to Python 3.12, moved from Django 4.2 to 5.0, and replaced Celery with a simple cron job. "
    "Postgres stays on version 15.",
    "Extract the start time, end time and location of each event from the schedule.\n\n"
    "Yoga 7:00-8:00 in the garden; breakfast 8:00-9:30 in the dining room; guided walk 10:00-12:30 from the front gate.",
    "Pull the name, age and hometown of each contestant out of this announcement.\n\n"
    "This week's finalists are Mira (29, from Aarhus), Joel (41, from Leipzig) and Sunita (35, from Pune).",
    "From the citation below, extract the authors, year, title and journal.\n\n"
    "Okoro, A. & Lindgren, P. (2021). Urban heat islands and tree cover. Journal of Environmental Studies, 14(2), 55-71.",
    "Please identify all the dates, times and places in this invitation.\n\n{event_invite}",
    "Extract the artist, album title and release year for each record mentioned.\n\n"
    "My favourites are 'Blue' by Joni Mitchell from 1971, Radiohead's 'OK Computer' (1997) and 'Rumours' by "
    "Fleetwood Mac, released in 1977.",
    "From the email thread below, extract every person named, the dates mentioned and any action items.\n\n{email_thread}",
    "Extract the vehicle details (make, model, year, mileage, price) from this listing.\n\n"
    "2017 Skoda Octavia estate, 92,000 km, one owner, full service history. Asking 9,400.",
    "Given the warranty text, pull out the warranty length, what it covers and what it excludes.\n\n"
    "This kettle comes with a two-year warranty covering faults in materials and workmanship. Damage from "
    "limescale, drops or misuse is not covered.",
)
_plain("entity_extraction", "task", _T_ENTITY_EXTRACTION, inline=True)

_T_SENTIMENT_ANALYSIS = (
    "You are given a restaurant review. Say whether it is positive, negative or mixed.\n\n"
    "The curry was outstanding but we waited an hour for a table even with a booking.",
    "Given the tweet below, what is the sentiment? Reply with one word.\n\n"
    "Just found out my {t_transport} is cancelled again. Fantastic start to the week.",
    "The tone of this message should be judged: is the writer pleased, neutral or upset?\n\n"
    "The parcel arrived today. The box was a bit dented but everything inside is fine.",
    "Please rate the sentiment of the comment below on a scale from -2 (very negative) to +2 (very positive).\n\n"
    "Honestly the best {product} I've ever owned, worth every penny.",
    "Based on the feedback, does the student enjoy the course? Answer yes or no.\n\n"
    "The lectures are interesting but the weekly assignments are exhausting and I dread Sundays.",
    "What emotion is the writer expressing: joy, anger, sadness, fear or surprise?\n\n"
    "I can't believe they remembered my birthday - the whole office sang!",
    "Label each of these song reviews as positive or negative.\n\n"
    "1. A catchy chorus that stays with you all day.\n2. Forgettable lyrics and a lazy beat.\n3. Her voice has never sounded better.",
    "Determine the overall sentiment of this customer's email.\n\n{long_email}",
    "You are given a post from a gardening forum. Is the author frustrated or satisfied?\n\n"
    "Third year in a row the slugs got every single lettuce. I give up.",
    "How positive is this review of the {app}, from 1 to 5 stars?\n\nDoes what it says. Could use a dark mode, otherwise solid.",
    "Classify the sentiment of this film review as positive, negative or neutral.\n\n"
    "The second half drags, but the lead actress carries it and the ending hit me hard.",
    "Is the customer in this chat getting angrier? Answer yes or no.\n\n"
    "Me: My order hasn't arrived.\nMe: It's been two weeks.\nMe: Hello?? Is anyone actually reading these?",
    "Using the given comment, decide whether the reader liked the article.\n\n"
    "Interesting idea, but the author ignores half the evidence. Not convinced.",
    "Identify the mood of this diary entry in one or two words.\n\n"
    "Finally handed in my thesis today. Slept twelve hours. Everything feels light.",
    "The sentiment of the product question below should be labelled positive, negative or neutral.\n\n"
    "Is there a carry case included with the {product}?",
    "Tell me if this fan's post sounds hopeful or disappointed.\n\n"
    "We lost again, but the young players looked sharp. Next season could be ours.",
)
_plain("sentiment_analysis", "task", _T_SENTIMENT_ANALYSIS, inline=True)

_T_SPAM_DETECTION = (
    "You are given a text message. Is it spam? Answer spam or not spam.\n\n"
    "Congratulations! You've been selected for {t_prize}. Reply YES and pay the 2.99 port fee to claim.",
    "Given the comment below, should it be removed for being abusive? Answer keep or remove.\n\n{blog_comment}",
    "Decide whether this email is a phishing attempt.\n\n"
    "Subject: Your mailbox is full\nClick here within 24 hours to verify your password or your account will be "
    "deleted: mail-upgrade-secure.example",
    "The forum post below must be checked against our rule: no advertising. Does it break the rule?\n\n"
    "Great thread! By the way, I sell cheap phone cases at bestcases-deal.example, 50% off today only!!!",
    "Please flag whether this product review looks fake.\n\n"
    "Best product ever!!! Five stars!!! Buy now, amazing amazing amazing, changed my life!!!",
    "Is this message to our support inbox legitimate or spam?\n\n"
    "Hello, I ordered a size M jumper last week and got an L. Could you exchange it? Order A55120.",
    "A moderation decision is needed for this chat message on a children's gaming server: allow or block.\n\n"
    "hey u want free skins? give me ur parents card number and i'll send them",
    "Check if this comment contains harassment.\n\n{toxic_text}",
    "Based on the message, is the sender trying to scam me?\n\n{sms}",
    "Classify this LinkedIn message as genuine outreach or spam.\n\n"
    "Hi {first}, I enjoyed your talk on data pipelines last week. Would you be open to a short chat about a role on our team?",
    "Does the following post violate our policy against threats? Answer yes or no.\n\n"
    "If the ref makes that call again next week I swear I'll find where he lives.",
    "Review the following listing and say whether it should be flagged as a likely scam.\n\n{listing}",
    "Is this email a legitimate newsletter or spam? Answer in one word.\n\n"
    "You signed up for updates from {company}. This month: two new single-origin beans and free "
    "shipping over 30.",
    "Should this blog comment be approved or sent to the spam folder?\n\n"
    "Nice post. Check my site for cheap pills and crypto loans: pharm-x.example",
    "Mark each of these messages as spam or ham.\n\n"
    "1. Your parcel is on its way, track it in the app.\n2. WIN a new phone!!! Text WIN to 8080 now\n3. Mum: dinner at 7?",
    "Determine whether the comment below is toxic, and if so, what kind (insult, threat, hate, other).\n\n"
    "People like you shouldn't be allowed to vote.",
)
_plain("spam_detection", "task", _T_SPAM_DETECTION, inline=True)

_T_LANGUAGE_DETECTION = (
    "You are given a sentence. Which language is it written in?\n\nOggi piove, quindi restiamo a casa a guardare un film.",
    "Given the text below, identify the language and reply with its ISO 639-1 code.\n\n{t_foreign_short}",
    "The language of this product label needs to be identified.\n\n"
    "Nicht in der Mikrowelle erhitzen. Kühl und trocken lagern.",
    "Please tell me what language this message from a hostel guest is in.\n\nOlá, a que horas é o pequeno-almoço amanhã?",
    "What language is this comment in? Just the language name.\n\nTämä ravintola on aivan ihana, tulemme takaisin!",
    "Based on the text, is this Norwegian, Swedish or Danish?\n\nJag vill gärna ha en kopp kaffe, tack.",
    "Identify the language of each line.\n\n"
    "Bonjour, comment ça va ?\n¿Dónde está la biblioteca?\nDzień dobry, jak się masz?",
    "Detect the language of the song title below.\n\n{t_foreign_title}",
    "You are given a street sign. What language is it?\n\nPrzejście dla pieszych",
    "Which language is this recipe step written in?\n\nKaynayan suya makarnayı ekleyin ve on dakika pişirin.",
    "The following tweet is in which language? Give the language and your confidence.\n\n"
    "Selamat pagi! Hari ini cuaca sangat cerah.",
    "Tell me the language of this text.\n\n{foreign}",
    "What language are these lines from a letter in?\n\n{foreign_lines}",
    "Is the following sentence in Spanish or Catalan?\n\nAvui fa molt de sol i anirem a la platja.",
    "Identify the language of this customer review and answer with the two-letter code only.\n\n"
    "Το ξενοδοχείο ήταν καθαρό και το προσωπικό πολύ φιλικό.",
    "Determine what language this museum sign is in.\n\nKérjük, ne érintse meg a festményeket.",
)
_plain("language_detection", "task", _T_LANGUAGE_DETECTION, inline=True)

_T_PII_DETECTION = (
    "You are given a support ticket. Redact any personal information before it is shared with the vendor.\n\n"
    "Customer {fullname} ({email}) says her card ending {card4} was charged twice on {date}.",
    "Given the text below, list every piece of personal data it contains.\n\n{pii_text}",
    "The following note must be anonymised for a case study: replace names with [PERSON] and places with [PLACE].\n\n"
    "Jonas Eriksen, 47, from Tampere, was treated for a broken wrist after a cycling accident on the ring road.",
    "Does this message contain personally identifiable information? Answer yes or no, then list anything you find.\n\n"
    "Hi team, the meeting room on floor 3 is booked for Thursday afternoon.",
    "Please mask the phone numbers and email addresses in this contact list.\n\n"
    "Niamh Gallagher - {phone} - niamh.g@post.example.net\nOskar Brandt - +49 170 555 0192 - o.brandt@inbox.example",
    "Before this screenshot text goes into our bug tracker, remove anything that identifies the user.\n\n"
    "Logged in as {username} from IP {ip}. Account holder: {fullname}, DOB {dob}.",
    "Find the sensitive data in this form submission and say what type each item is.\n\n"
    "Name: {fullname}\nPassport: X0934821\nAddress: {address}\nFavourite colour: green",
    "A transcript needs to be cleaned of personal details before it is used to train new staff.\n\n{chat_transcript_pii}",
    "Using the rule below, redact the text.\nRule: replace bank details with [BANK], keep everything else.\n\n"
    "Please pay the deposit to IBAN GB71 EXMP 4021 7733 0581 46, reference flat 2B. Thanks, Malik.",
    "Is it safe to publish this testimonial on our website, or does it contain private details?\n\n"
    "'Juniper Vet Care saved our dog Pepper! - Alistair Thorne, 14 Orchard Close, Bergen, tel {phone}'",
    "Scan this log excerpt for personal data and list the line numbers where it appears.\n\n"
    "1 GET /health 200\n2 login ok user=zainab.kaur@example.com\n3 GET /static/app.js 200\n"
    "4 password reset requested for +44 7911 555 203",
    "Strip the student names and ID numbers from the grade list below.\n\n"
    "Amira Chaudhry (S10442): 78\nTom Quinlan (S10587): 64\nLeila Sato (S10611): 91",
    "Check the CV below for details that should be removed for a blind hiring process.\n\n{resume}",
    "Highlight any health information in this message that should be treated as sensitive personal data.\n\n"
    "I'll miss Friday's training - my diabetes check-up got moved, and my physio says my knee needs another week.",
    "The given email should be checked for PII. Return a JSON list of the items found with their types.\n\n{incoming_email}",
    "Replace the licence plate and the driver's name in this incident report with placeholders.\n\n"
    "At 08:15 a grey van, plate {plate}, driven by {fullname}, reversed into the loading bay gate.",
)
_plain("pii_detection", "task", _T_PII_DETECTION, inline=True)

_T_KEYWORD_EXTRACTION = (
    "You are given an article. Extract five keywords that describe it.\n\n{long_article}",
    "Given the product description below, suggest tags for the online shop.\n\n"
    "Hand-knitted merino wool beanie in forest green, unisex, one size, made in small batches in Galway.",
    "Key phrases should be pulled out of this abstract for an academic database.\n\n"
    "We study the effect of classroom noise on reading comprehension in primary schools. Using sound meters in 30 "
    "classrooms, we find that levels above 60 dB are associated with lower test scores.",
    "Please list the main keywords from this job posting, comma-separated.\n\n"
    "We need a front-end developer with React, TypeScript and accessibility experience to build dashboards for our "
    "logistics platform. Hybrid, Utrecht.",
    "Extract the SEO keywords someone might use to find this recipe.\n\n"
    "One-pot creamy tomato orzo with spinach, ready in 20 minutes, vegetarian and great for weeknights.",
    "Suggest hashtags for this Instagram post about a hike.\n\nSunrise at the summit after a 4 a.m. start. Cold fingers, hot tea, worth it.",
    "What are the key topics in these meeting notes? Give them as a short list of tags.\n\n"
    "Discussed Q3 hiring freeze, office move to the 5th floor, new expense tool rollout, and the summer party budget.",
    "Based on the podcast description, list 6 keywords for the episode page.\n\n{podcast_desc}",
    "Pull out the important terms from this history sentence for a flashcard deck.\n\n"
    "The Peace of Westphalia in 1648 ended the Thirty Years' War and established the idea of state sovereignty in Europe.",
    "Tag this support ticket with up to three keywords.\n\n"
    "Printer on the 2nd floor keeps jamming when printing double-sided, and the toner light is on.",
    "Extract the main keywords from this description of a song.\n\n"
    "A song about leaving a small seaside town, a first love left behind, and a night train heading for the city.",
    "Identify the key phrases in the following customer review.\n\n{review}",
    "The following news headline needs 3-5 topic tags.\n\n{headline}",
    "List the keywords a buyer would search for to find this listing.\n\n"
    "2019 road bike, carbon frame, 56 cm, Shimano 105 groupset, new tyres, collection only in Leipzig.",
    "Extract keywords from the course description below, ranked by importance.\n\n"
    "An eight-week beginner course in digital photography: exposure, composition, natural light and basic photo "
    "editing on a phone or laptop.",
    "Give me the top keywords in this text about houseplants.\n\n"
    "Snake plants tolerate low light and irregular watering, making them ideal for beginners, offices and bedrooms.",
)
_plain("keyword_extraction", "task", _T_KEYWORD_EXTRACTION, inline=True)

_T_FORMAT_CONVERSION = (
    "You are given a list of contacts. Convert it into a CSV with the columns name, phone, city.\n\n"
    "Anna Lee, 0612 555 110, Utrecht\nBen Ortiz - Halifax - 0790 555 443\nCara Fox (Kyoto) 090 5555 1212",
    "Given the JSON below, rewrite it as a markdown table.\n\n"
    '[{"city": "Bergen", "rain_days": 231}, {"city": "Seville", "rain_days": 52}, {"city": "Galway", "rain_days": 225}]',
    "The reference below should be converted to APA style.\n\n"
    "{t_ref}",
    "Please turn these times into 24-hour format.\n\n{t_times}",
    "Rewrite this ingredient list with metric units in a two-column table.\n\n2 cups flour\n1 cup sugar\n1/2 cup butter",
    "Using the data below, produce a YAML file.\n\nservice: web, port: 8080, replicas: 3, image: shop-frontend:1.4",
    "Rewrite this table as a bulleted list, one line per person.\n\n"
    "| Name | Shift |\n| Ola | Mon AM |\n| Raj | Tue PM |\n| Eve | Wed AM |",
    "The following dates must be written in ISO 8601 format.\n\n{date}; {date2}; July 4, 2026",
    "Convert the CSV below to JSON, one object per row.\n\n{csv_rows}",
    "Format this plain-text workout plan as a markdown table with the columns Day, Exercise, Sets.\n\n"
    "Monday squats 4 sets; Wednesday bench press 3 sets; Friday deadlifts 3 sets",
    "Turn this XML into JSON.\n\n{xml_doc}",
    "Put the following address fields into a single formatted postal address.\n\n"
    "street=Via Roma 14; city=Bologna; postcode=40121; country=Italy; name=Pilar Duarte",
    "Change this numbered list into one comma-separated line.\n\n1. apples\n2. oat milk\n3. rice\n4. lentils\n5. coffee",
    "Convert these environment variables into a JSON object.\n\n{env_file}",
    "Rewrite the following citation in MLA format.\n\n"
    "Lindgren P., Okoro A. 2021. 'Urban heat islands and tree cover'. Journal of Environmental Studies 14(2): 55-71.",
    "Reformat these football results as CSV with home team, away team, home goals, away goals.\n\n"
    "Riverside 2-1 Northgate\nHarbour FC 0-0 Millbrook\nEastfield 3-2 Kingsway",
)
_plain("format_conversion", "task", _T_FORMAT_CONVERSION, inline=True)

_T_TRANSLATION = (
    "You are given a sign from a hotel. Translate it into English.\n\n"
    "Le petit-déjeuner est servi de 7h à 10h dans la salle du rez-de-chaussée.",
    "Given the sentence below, translate it into {lang}.\n\nCould you tell me where the nearest pharmacy is?",
    "The following message should be translated into Spanish for our Madrid office.\n\n"
    "The quarterly report is delayed until Wednesday; thanks for your patience.",
    "Please translate this recipe step into German.\n\n"
    "Let the dough rest for an hour in a warm place until it has doubled in size.",
    "Translate the text below from Italian to English. Keep the informal tone.\n\n"
    "Ciao ragazzi, ci vediamo stasera al solito posto verso le nove!",
    "A Japanese version of this welcome line is needed for our app.\n\nWelcome back! You have three new messages.",
    "Translate this into {lang}.\n\n{en_phrase}",
    "What does this Dutch sentence mean in English?\n\nDe trein naar Amsterdam vertrekt vanaf spoor vijf.",
    "Translate the following product description into French. Make sure to keep the measurements as they are.\n\n"
    "Lightweight rain jacket, 280 g, packs into its own pocket (15 x 10 cm).",
    "Using the glossary below, translate the sentence into Polish.\nGlossary: invoice = faktura\n\n"
    "Please send the invoice by Friday.",
    "Translate this Portuguese text message into English.\n\nVou chegar um pouco atrasado, o trânsito está horrível.",
    "Translate this welcome letter for hotel guests into {lang}.\n\n{letter}",
    "Translate this German email subject into English.\n\nIhre Bestellung wurde versandt",
    "Please give me the {lang} for the sentence below.\n\nI'd like to book a table for two at seven.",
    "Translate the supporters' chant below into Spanish, keeping the rhythm if you can.\n\n"
    "We're the pride of the river, we'll never give in!",
    "The instructions below need to be translated into Swedish for our new warehouse staff.\n\n"
    "Always wear gloves when handling returned boxes, and report any damaged items to the shift lead.",
)
_plain("translation", "task", _T_TRANSLATION, inline=True)

_T_EMAIL_DRAFTING = (
    "You are given a customer's complaint. Write a reply apologising and explaining the next steps.\n\n{long_email}",
    "Given the details below, write an email inviting the team to a farewell lunch.\n\n"
    "For: {first}, leaving after 8 years. When: Friday 12:30. Where: the Italian place on the corner.",
    "A thank-you note needs to be written to the neighbours who fed our cat while we were away for a week.",
    "Please write a reply to this hotel review on behalf of the manager.\n\n"
    "Lovely location and friendly staff, but the shower was lukewarm every morning.",
    "Write an email to my landlord asking whether I can paint the bedroom. Make sure it sounds polite and mentions "
    "that I'll repaint it before moving out.",
    "Based on the information below, write a notification email to customers about planned maintenance.\n\n"
    "Service: online banking at {company}. When: {date}, 02:00-05:00. Impact: app and website unavailable.",
    "We are planning a reunion for the class of {year}; please write the invitation email to former classmates.",
    "Write a message to my manager asking to work from home on Fridays for the next two months.",
    "Using the notes below, draft a follow-up email after a sales call.\n\n"
    "Client: {company}. Discussed: 50 licences, pilot in March. Next step: send pricing by Thursday.",
    "Write a short email to a supplier saying we need to cancel order {order_no} and asking them to confirm.",
    "Reply to the email below and accept one of the interview slots.\n\n"
    "Dear {first}, we'd like to invite you to an interview on Tuesday at 10:00 or Wednesday at 14:00. Please let us "
    "know which suits you.",
    "Draft a polite email to a professor asking for an extension on an essay because of illness.",
    "A reminder needs to go out to the book club that we meet next {weekday} at the library to discuss "
    "'The Remains of the Day'. Write it.",
    "Write a response to the customer below, explaining that the product is out of stock until next month.\n\n"
    "Hi, when will the {product} be back in stock? I'd like to order two.",
    "Write an email to the gym cancelling my membership from the end of this month.",
    "Compose a welcome email for new members of our hiking club, giving the first walk: Saturday, 9 a.m., meeting at the station.",
)
_plain("email_drafting", "task", _T_EMAIL_DRAFTING, inline=True)

_T_CODE_EXPLANATION = (
    "You are given a Python function. Explain what it returns and why.\n\n"
    "def mystery(n):\n    return sum(int(d) for d in str(n))",
    "Given the SQL query below, describe in plain English what it does.\n\n"
    "SELECT city, COUNT(*) AS members\nFROM users\nWHERE signup_date >= '2025-01-01'\nGROUP BY city\nHAVING COUNT(*) > 100;",
    "The following regular expression needs to be explained piece by piece.\n\n^\\d{3}-\\d{4}$",
    "Please explain what this shell one-liner does before I run it.\n\n{one_liner}",
    "Add docstrings and comments to this function.\n\n"
    "def split_bill(total, people, tip=0.1):\n    each = total * (1 + tip) / people\n    return round(each, 2)",
    "Review the code below and point out any bugs or bad practices.\n\n{t_py_small}",
    "What is the time complexity of this function, and why?\n\n"
    "def pairs(items):\n    out = []\n    for a in items:\n        for b in items:\n            if a < b:\n"
    "                out.append((a, b))\n    return out",
    "Explain what this JavaScript snippet logs and why.\n\n"
    "for (var i = 0; i < 3; i++) {\n  setTimeout(() => console.log(i), 100);\n}",
    "I got this answer on a forum. Can you explain how it works?\n\nwords.sort(key=lambda w: (-len(w), w))",
    "Based on the Dockerfile below, explain each line to a beginner.\n\n"
    'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]',
    "Explain the difference between these two lines of Python.\n\na = b\na = b[:]",
    "Walk me through what this git command does.\n\n{t_git_cmd}",
    "Describe what this CSS does to the page.\n\n"
    ".card:hover { transform: translateY(-4px); box-shadow: 0 6px 12px rgba(0, 0, 0, .2); }",
    "What does this Excel formula calculate?\n\n=IFERROR(VLOOKUP(A2, Prices!A:B, 2, FALSE), 0)",
    "Explain this piece of code from our project.\n\n{long_snippet}",
    "Write documentation for this SQL query, explaining each column it returns.\n\n{sql_snippet}",
)
_plain("code_explanation", "task", _T_CODE_EXPLANATION, inline=True)

_T_DATA_ANALYSIS = (
    "You are given two weeks of daily step counts. Describe the trend and point out the unusual days.\n\n"
    "Week 1: 6,200 / 7,100 / 5,900 / 8,000 / 6,500 / 12,400 / 3,100\n"
    "Week 2: 6,800 / 7,300 / 6,100 / 7,900 / 6,700 / 13,000 / 2,900",
    "Given the sales figures below, which product should the shop stock more of? Explain.\n\n"
    "Product | Jan | Feb | Mar\nScarves | 40 | 32 | 18\nSunglasses | 5 | 12 | 30\nUmbrellas | 25 | 28 | 22",
    "Based on the table, calculate the conversion rate for each channel and say which performs best.\n\n"
    "Channel | Visits | Orders\nEmail | 2,000 | 90\nSocial | 8,500 | 110\nSearch | 5,200 | 180",
    "The response times below should be analysed: what changed, and when?\n\n{latency_log}",
    "Please look at my household energy readings and tell me what's driving the increase.\n\n"
    "Month | kWh | Avg outdoor temp\nSep | 210 | 17\nOct | 290 | 12\nNov | 410 | 6\nDec | 520 | 2",
    "Using the quiz scores below, work out the class average and identify who improved most.\n\n"
    "Name | Quiz 1 | Quiz 2\n{first} | 12 | 17\n{first2} | 18 | 18\n{first3} | 9 | 15\nDee | 15 | 13",
    "Analyse this server log and tell me what went wrong.\n\n"
    "09:00:01 INFO request ok 120ms\n09:00:05 INFO request ok 135ms\n09:00:09 WARN db pool 90% used\n"
    "09:00:12 ERROR timeout after 5000ms\n09:00:13 ERROR timeout after 5000ms",
    "Add a column showing profit margin as a percentage and comment on the results.\n\n"
    "Product, revenue, cost\nMugs, 1200, 700\nT-shirts, 3400, 2600\nPosters, 800, 250",
    "What insights can you draw from this survey data?\n\n{survey_crosstab}",
    "A quick analysis of our team's sprint velocity is needed.\n\n"
    "Sprint 1: 21 points\nSprint 2: 25\nSprint 3: 19\nSprint 4: 30\nSprint 5: 18",
    "Here are my 5 km times from the last two months, oldest first. Am I getting faster?\n\n"
    "31:20, 30:55, 31:05, 30:10, 29:45, 30:02, 29:15, 28:58",
    "Interpret the funnel below and say where users drop off most.\n\n{funnel}",
    "Compare rent with salary in these cities and rank them by affordability.\n\n"
    "City | Avg rent | Avg monthly salary\nLeipzig | 780 | 3,100\nAntwerp | 1,050 | 3,600\nTrieste | 690 | 2,500",
    "From the orders below, find any outliers and suggest reasons for them.\n\n{daily_orders}",
    "Given this cohort table, is customer retention improving over time?\n\n{cohort}",
    "Given this sales table, which items are growing and which are falling? Back it up with figures.\n\n{sales_table}",
)
_plain("data_analysis", "task", _T_DATA_ANALYSIS, inline=True)

_T_RESEARCH_SYNTHESIS = (
    "You are given three short summaries of studies on remote work. Compare their findings and write a balanced overview.\n\n"
    "Study A: remote workers reported higher satisfaction and fewer sick days.\n"
    "Study B: managers saw less collaboration in remote teams.\n"
    "Study C: hybrid schedules gave the best results on both measures.",
    "Given the sources below, write a short literature overview on how music affects concentration.\n\n"
    "[1] Background music without lyrics improved reading speed in a lab test.\n"
    "[2] Lyrics reduced recall of written passages.\n"
    "[3] Effects depended on personality; introverts were more distracted.",
    "Please list key papers and research directions on microplastics in drinking water, grouped by theme.",
    "A comparison of the reports below is needed, pointing out where they agree and disagree.\n\n{sources}",
    "Based on the articles summarised below, what does the evidence say about four-day school weeks?\n\n"
    "Article 1: rural districts saved about 5% of costs.\nArticle 2: maths scores fell slightly in some districts.\n"
    "Article 3: teacher recruitment improved where the change was introduced.",
    "Using these interview notes, identify the themes that come up across participants.\n\n{interviews}",
    "Find related work on using drones to monitor crop health and summarise the main approaches in the literature.",
    "Synthesise what these product reviews, support tickets and survey comments say about our checkout.\n\n"
    "Reviews: 'checkout is slow', 'love the Apple Pay option'\nTickets: 14 about failed card payments this month\n"
    "Survey: 38% rated checkout 'difficult'",
    "Write a short report combining the findings of the sources below on urban cycling safety.\n\n"
    "Source 1: protected lanes cut injuries by 40% in two cities.\nSource 2: painted lanes had no clear effect.\n"
    "Source 3: more cyclists on the road made each rider safer ('safety in numbers').",
    "Compare how these three historians explain the fall of the Western Roman Empire.\n\n"
    "Historian A: economic decline and debased coinage.\nHistorian B: pressure from migrating peoples.\n"
    "Historian C: political instability and civil wars.",
    "We are writing a review on sleep and teenagers' school performance; please outline what the existing "
    "research covers and where the gaps are.",
    "Read the summaries below and tell me what conclusion they support when taken together.\n\n{q_multi}",
    "Given the two reports below, which recommendation is better supported by the evidence?\n\n"
    "Report 1: recommends a sugar tax, citing a 10% drop in soft-drink sales in two countries.\n"
    "Report 2: recommends school education programmes, citing better knowledge but no change in diet.",
    "Make a table comparing the methods, sample sizes and findings of these studies.\n\n{sources}",
    "Suggest related research papers I should read on spaced repetition in language learning, with a line on why each matters.",
    "Combine the findings from the customer research and the market reports below into one recommendation.\n\n"
    "Customer interviews: people want smaller pack sizes.\nMarket report A: single-person households growing 3% a year.\n"
    "Market report B: competitors already sell 250 g packs at a premium.",
)
_plain("research_synthesis", "task", _T_RESEARCH_SYNTHESIS, inline=True)

_T_LEGAL_ANALYSIS = (
    "You are given a clause from a lease. Explain what it means for the tenant and whether it seems fair.\n\n{lease_clause}",
    "Given the contract excerpt below, which clauses carry the biggest risks for the person signing, and why?\n\n{contract_section}",
    "The privacy policy excerpt below should be checked against the GDPR. Point out any problems.\n\n{policy_excerpt}",
    "Please review this termination clause from a freelance contract.\n\n"
    "Either party may end this agreement with 7 days' written notice. Fees for work already delivered remain "
    "payable, but the Client owns all drafts regardless of payment.",
    "Based on the facts below, can the shop refuse a refund under EU consumer law?\n\n"
    "I bought a coffee machine online 10 days ago. It works fine but I changed my mind. The shop says 'no returns "
    "on electrical items'.",
    "A non-compete clause is a promise not to work for competitors after leaving a job. Is the one below likely to "
    "be enforceable?\n\nThe Employee shall not work in the software industry anywhere in Europe for five years after leaving.",
    "Using the contract excerpt, who is liable if the goods are damaged in transit?\n\n"
    "Risk passes to the Buyer when the goods are handed to the carrier. The Seller shall arrange insurance at the Buyer's cost.",
    "Answer the legal question below, noting any assumptions you make.\n\n{legal_scenario}",
    "Explain the liability implications of this disclaimer on a fitness studio's sign-up form.\n\n"
    "Members exercise at their own risk. The studio accepts no liability for any injury, however caused.",
    "Compare these two versions of an indemnity clause and say which favours the supplier.\n\n"
    "A: The Supplier indemnifies the Customer against all third-party claims.\n"
    "B: The Supplier indemnifies the Customer against third-party IP claims, capped at fees paid in the previous 12 months.",
    "Is a verbal agreement to sell a used car legally binding in {jurisdiction}? Explain the main points.",
    "Check the following cookie banner text for compliance with EU privacy rules.\n\n"
    "By continuing to browse, you agree to all cookies, including advertising trackers.",
    "Identify the obligations of each party in the clause below.\n\n"
    "The Venue shall provide the hall, chairs and basic sound equipment. The Organiser shall leave the premises "
    "clean by 23:00 and is responsible for any damage caused by guests.",
    "My employer wants to deduct the cost of a broken laptop from my salary. Is that allowed in {jurisdiction}, and what "
    "should I check in my employment contract?",
    "What are the copyright issues with using a popular song in a YouTube video for my small business?",
    "Review this refund policy for a ticketing site and flag terms that might be unfair to consumers.\n\n"
    "Tickets are non-refundable under all circumstances, including cancellation of the event by the organiser.",
)
_plain("legal_analysis", "task", _T_LEGAL_ANALYSIS, inline=True)

_T_ARCHITECTURE_REVIEW = (
    "You are given a description of a system. Identify the scalability bottlenecks.\n\n"
    "A photo app stores uploads on the web server's disk and resizes images inside the same request before responding.",
    "Given the design below, would it survive a regional outage? Suggest changes.\n\n{design}",
    "Our monolith handles orders, payments and email. A review of whether to split out payments is needed; we have {team_size}.",
    "Please review this architecture for a booking platform.\n\n"
    "Single PostgreSQL database, one Django app behind a load balancer, Redis cache for availability, nightly batch "
    "job that sends reminder emails.",
    "Based on the plan below, what are the risks for our system design?\n\nWe plan to {arch_option}.",
    "Design review: is a message queue the right choice here?\n\n"
    "A school app sends push notifications when grades are published. Today the web request loops through all "
    "parents and calls the push service directly.",
    "Evaluate the following database design for a leaderboard in a mobile game with 5 million daily players.\n\n"
    "Proposal: store scores in MySQL and run ORDER BY score DESC LIMIT 100 on every request.",
    "Propose an architecture for a small online shop that must handle a Black Friday spike of about 50x normal traffic.",
    "Critique the service boundaries in this microservices layout.\n\n"
    "UserService, UserProfileService, UserSettingsService, OrderService, OrderHistoryService - all sharing one database.",
    "How should caching be structured for a news website where articles rarely change but the homepage updates every "
    "minute? Traffic is expected to grow {scale}.",
    "Review this API gateway setup for single points of failure.\n\n"
    "All traffic goes through one Nginx instance on a VM, which terminates TLS and routes to three app servers.",
    "We are planning to let customers upload CSV files of up to 2 GB; please review the design: uploads go to the "
    "API server, which parses the whole file in memory and writes rows to the database.",
    "What would it take for our chat service to scale {scale}? Here is the current setup.\n\n"
    "One Node.js server handles all WebSocket connections and keeps the list of online users in memory. Messages are "
    "written to a single Postgres table, and read receipts are stored as rows in the same table. File uploads go "
    "through the same server to local disk. Push notifications are sent from a cron job that runs every minute. "
    "Deploys restart the server, which drops every connection.",
    "Assess the trade-offs of one shared multi-tenant database versus one database per customer for a B2B invoicing "
    "tool with 300 customers.",
    "Design a backend for a fitness app that syncs workouts from wearables, keeping server costs low as users grow.",
    "Review the data flow below and point out where data could be lost.\n\n"
    "Sensors -> HTTP POST to ingestion service -> writes to a local file -> hourly cron job uploads the file to "
    "object storage -> analytics reads from storage.",
)
_plain("architecture_review", "task", _T_ARCHITECTURE_REVIEW, inline=True)

_T_OTHER = (
    "Repeat after me: {t_repeat}.",
    "Pick a random number between 1 and {n_people}.",
    "Pretend you didn't see my last message.",
    "This is a test. Please reply with 'received'.",
    "Say nothing.",
    "You are given a string. Repeat it back unchanged.\n\n{t_token}",
    "Draw some ASCII art. Anything you like.",
    "Flip a coin for me.",
    "Please ignore this, I'm only checking whether the connection works.",
    "Reply with an empty message.",
    "Echo back the following text exactly.\n\n{t_echo_line}",
    "Choose a letter of the alphabet at random.",
    "ping",
    "Given nothing in particular, type any three characters.",
    "Wait, don't answer yet.",
    "Just type the letter {t_letter} and nothing else.",
)
_plain("other", "task", _T_OTHER, inline=True)
