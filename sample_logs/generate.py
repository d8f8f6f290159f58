#!/usr/bin/env python3
"""Generate one synthetic week of LLM API traffic for the fictional company Northwind Labs.

The week runs from Monday 2026-10-05 00:00 UTC to Sunday 2026-10-11 23:59 UTC. Seven
products call OpenAI and Anthropic models, directly, through a LiteLLM gateway, through
Langfuse-traced pipelines, as nightly OpenAI batch jobs and through Claude Code. Every
record is written in the exact shape of a real export (see
``shared/reference/log_formats.md``), so the ingester, the classifier and the pricer can be
exercised end to end on realistic data.

All prompt and response text in this file was written for this project from scratch; none
of it comes from a public prompt collection.

Usage::

    python sample_logs/generate.py                      # 50,000 requests -> sample_logs/week
    python sample_logs/generate.py --out /tmp/w --requests 2000 --seed 3
    python sample_logs/generate.py --formats openai_chat --requests 1000000 --no-gzip

Output is byte-for-byte deterministic for the same arguments: one ``random.Random`` per
format seeded from ``seed`` and the format name, fixed timestamps, insertion-ordered dicts
serialized by orjson, gzip members with ``mtime=0`` and no file name.

Next to the logs the generator writes ``expected_categories.csv.gz`` (``request_id,category``,
the category each request was generated for, keyed by the id in the log record) and
``KNOWN_BAD_LINES.md`` (the deliberately corrupt lines and why they are bad).
"""

from __future__ import annotations

import argparse
import gzip
import re
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from random import Random
from typing import Any, BinaryIO

import orjson

# --------------------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------------------

DEFAULT_OUT = Path(__file__).resolve().parent / "week"
DEFAULT_REQUESTS = 50_000
DEFAULT_SEED = 7

WEEK_START = datetime(2026, 10, 5, tzinfo=timezone.utc)
WEEK_START_MS = int(WEEK_START.timestamp()) * 1000
DAY_MS = 86_400_000
HOUR_MS = 3_600_000

#: Share of requests per format (percent). Renormalized over the selected formats.
FORMAT_SHARES: dict[str, float] = {
    "openai_chat": 35,
    "openai_batch": 8,
    "anthropic_messages": 22,
    "litellm": 15,
    "langfuse": 8,
    "claude_code": 12,
}
FORMATS: tuple[str, ...] = tuple(FORMAT_SHARES)

#: The 26 category ids of shared/design/TAXONOMY.md, in its order.
CATEGORIES: tuple[str, ...] = (
    "classification",
    "sentiment_analysis",
    "spam_detection",
    "language_detection",
    "pii_detection",
    "entity_extraction",
    "keyword_extraction",
    "format_conversion",
    "translation",
    "simple_qa",
    "summarization",
    "email_drafting",
    "content_editing",
    "code_explanation",
    "data_analysis",
    "brainstorming",
    "open_qa",
    "code_generation",
    "reasoning",
    "research_synthesis",
    "legal_analysis",
    "architecture_review",
    "creative_writing",
    "chat",
    "agentic",
    "other",
)

#: Relative traffic per UTC hour on a weekday (EU working day plus the US morning).
HOUR_WEIGHTS = (
    0.25, 0.2, 0.18, 0.18, 0.2, 0.3, 0.5, 0.9, 1.5, 1.9, 2.0, 1.9,
    1.6, 1.8, 2.0, 2.0, 1.9, 1.5, 1.1, 0.8, 0.6, 0.5, 0.4, 0.3,
)  # fmt: skip
#: Relative traffic per day, Monday first: a quiet weekend.
DAY_WEIGHTS = (1.0, 1.06, 1.04, 1.0, 0.88, 0.3, 0.26)

# Prices in USD per million tokens, used for LiteLLM `response_cost` and Langfuse
# `costDetails` (the sources' own cost fields). OpenAI: (input, cached input, output).
# Anthropic: (input, cache read, output, cache write 5m, cache write 1h).
PRICES: dict[str, tuple[float, ...]] = {
    "gpt-4o-mini": (0.15, 0.075, 0.60),
    "gpt-4o": (2.50, 1.25, 10.00),
    "gpt-4.1-mini": (0.40, 0.10, 1.60),
    "gpt-5-mini": (0.25, 0.025, 2.00),
    "o4-mini": (1.10, 0.275, 4.40),
    "claude-haiku-4-5": (1.00, 0.10, 5.00, 1.25, 2.00),
    "claude-sonnet-4-5": (3.00, 0.30, 15.00, 3.75, 6.00),
    "claude-opus-4-7": (5.00, 0.50, 25.00, 6.25, 10.00),
}

#: Request model -> the dated snapshot OpenAI reports back in `response.model`.
OPENAI_SNAPSHOT = {
    "gpt-4o-mini": "gpt-4o-mini-2024-07-18",
    "gpt-4o": "gpt-4o-2024-08-06",
    "gpt-4.1-mini": "gpt-4.1-mini-2025-04-14",
    "gpt-5-mini": "gpt-5-mini-2025-08-07",
    "o4-mini": "o4-mini-2025-04-16",
}
REASONING_MODELS = frozenset({"o4-mini", "gpt-5-mini"})
SYSTEM_FINGERPRINTS = ("fp_0ba0d124f1", "fp_7a1c4d9e2b", "fp_b376dfbbd5", "fp_e2f22fdd96")

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
HEX = "0123456789abcdef"


def price_key(model: str) -> str:
    """The PRICES key for a model id (dated Anthropic ids collapse to the alias)."""
    if model.startswith("claude-haiku-4-5"):
        return "claude-haiku-4-5"
    if model.startswith("claude-sonnet-4-5"):
        return "claude-sonnet-4-5"
    if model.startswith("claude-opus-4-7"):
        return "claude-opus-4-7"
    return model


def is_anthropic(model: str) -> bool:
    return model.startswith("claude")


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


def rid(r: Random, n: int, alphabet: str = B62) -> str:
    return "".join(r.choices(alphabet, k=n))


def ruuid(r: Random) -> str:
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def logu(r: Random, lo: float, hi: float) -> int:
    """Log-uniform integer in [lo, hi]."""
    if hi <= lo:
        return int(lo)
    return int(round(lo * (hi / lo) ** r.random()))


_DATES = {d: (WEEK_START + timedelta(days=d)).strftime("%Y-%m-%d") for d in range(-3, 12)}


def iso_ms(ms: int) -> str:
    """ISO-8601 UTC with milliseconds and a Z, for an epoch-milliseconds value."""
    rel = ms - WEEK_START_MS
    day, rest = divmod(rel, DAY_MS)
    date = _DATES.get(day)
    if date is None:
        return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime(
            "%Y-%m-%dT%H:%M:%S.%f"
        )[:-3] + "Z"
    h, rest = divmod(rest, HOUR_MS)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{date}T{h:02d}:{m:02d}:{s:02d}.{milli:03d}Z"


def iso_us(ms: int, r: Random) -> str:
    """ISO timestamp with microseconds (Claude Code style)."""
    return iso_ms(ms)


def weighted(r: Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    total = 0.0
    for _, w in pairs:
        total += w
    x = r.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def sample_times(r: Random, n: int) -> list[int]:
    """`n` sorted epoch-ms timestamps inside the week following the diurnal pattern."""
    cum: list[float] = []
    acc = 0.0
    for d in range(7):
        for h in range(24):
            w = DAY_WEIGHTS[d] * HOUR_WEIGHTS[h]
            if d >= 5:  # weekends are flatter: people dip in at odd hours
                w = DAY_WEIGHTS[d] * (0.5 + 0.5 * HOUR_WEIGHTS[h])
            acc += w
            cum.append(acc)
    slots = r.choices(range(168), cum_weights=cum, k=n)
    out = [WEEK_START_MS + s * HOUR_MS + r.randrange(HOUR_MS) for s in slots]
    out.sort()
    return out


# --------------------------------------------------------------------------------------
# Word lists (all invented for this project)
# --------------------------------------------------------------------------------------

FIRST = (
    "Ana", "Ben", "Chloe", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
    "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
    "Uma", "Viktor", "Wen", "Yara", "Zoe", "Luca", "Maya", "Noah", "Ivy", "Raj", "Sofia",
    "Theo", "Amara", "Bruno", "Carmen", "Declan", "Freya", "Gustavo", "Hana", "Ilya",
)  # fmt: skip
LAST = (
    "Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalski", "Haddad", "Brennan", "Costa",
    "Novak", "Fischer", "Adeyemi", "Silva", "Petrov", "Nakamura", "O'Neill", "Jansen",
    "Rossi", "Dubois", "Khan", "Meyer", "Varga", "Ortiz", "Berg", "Mensah", "Laine", "Park",
    "Quist", "Reyes", "Schulz", "Yilmaz",
)  # fmt: skip
CITIES = (
    "Lisbon", "Rotterdam", "Austin", "Leeds", "Lyon", "Krakow", "Osaka", "Toronto", "Denver",
    "Porto", "Gothenburg", "Valencia", "Cork", "Tallinn", "Brisbane", "Nairobi", "Montreal",
    "Bilbao", "Graz", "Turin",
)  # fmt: skip
STREETS = (
    "Harbour Lane", "Maple Row", "Kingsway", "Rua das Flores", "Linden Allee", "Canal Street",
    "Birch Court", "Station Road", "Quay Side", "Elm Terrace",
)  # fmt: skip
PRODUCTS = (
    "Lumen thermostat", "Breeze air purifier", "Volt home battery", "Northwind Hub",
    "Ember panel heater", "Tidal leak sensor", "Halo video doorbell", "Glow smart plug",
    "Drift ceiling fan", "Pulse energy meter",
)  # fmt: skip
PLANS = ("Basic", "Plus", "Pro", "Family")
COMPANIES = (
    "Brightwater Utilities", "Kestrel Logistics", "Alder & Finch", "Solano Energy",
    "Greyhaven Insurance", "Marlow Retail Group", "Quartzline Software", "Tern Freight",
    "Oakridge Property", "Bluefen Media", "Halcyon Health", "Corvid Analytics",
)  # fmt: skip
TEAMS = ("Support", "Data Platform", "Growth", "Finance", "Legal", "Hardware", "Mobile", "SRE")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
LANGS = (
    ("German", "de-DE"), ("French", "fr-FR"), ("Spanish", "es-ES"), ("Italian", "it-IT"),
    ("Portuguese", "pt-PT"), ("Dutch", "nl-NL"), ("Polish", "pl-PL"), ("Swedish", "sv-SE"),
    ("Japanese", "ja-JP"), ("Turkish", "tr-TR"),
)  # fmt: skip
SERVICES = (
    "billing-api", "device-gateway", "telemetry-ingest", "auth-service", "notifications",
    "checkout", "search", "firmware-updater",
)  # fmt: skip
REPOS = ("northwind-web", "billing-service", "data-pipelines", "infra", "hub-firmware")
HOBBIES = ("bouldering", "sourdough", "chess", "trail running", "board games", "birdwatching")
CARRIERS = ("DHL", "UPS", "PostNL", "DPD", "GLS", "FedEx")
MONTHS = ("August", "September", "October", "November")


# --------------------------------------------------------------------------------------
# Slot library: `{{name}}` placeholders in templates. A slot function gets the request's
# Random and its context dict; values are cached in the context, so a name used twice in
# one request (a customer's first name, an order id) stays consistent. Slot functions may
# also set ``ctx["answer"]`` (the expected label) for the response generator.
# --------------------------------------------------------------------------------------

Ctx = dict[str, Any]
SlotFn = Callable[[Random, Ctx], str]
SLOTS: dict[str, SlotFn] = {}
_SLOT_RE = re.compile(r"\{\{(\w+)\}\}")


def fill(tpl: str, r: Random, c: Ctx) -> str:
    """Fill every ``{{slot}}`` of ``tpl`` (values cached per request in ``c``)."""

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        v = c.get(name)
        if v is None:
            v = SLOTS[name](r, c)
            c[name] = v
        return v

    return _SLOT_RE.sub(one, tpl)


def pick(*options: str) -> SlotFn:
    """A slot that picks one option and fills the slots inside it."""
    return lambda r, c: fill(r.choice(options), r, c)


def pick_list(options: Sequence[str]) -> SlotFn:
    return lambda r, c: fill(r.choice(options), r, c)


def labelled(table: dict[str, Sequence[str]], weights: dict[str, float] | None = None) -> SlotFn:
    """Pick a label (sets ctx['answer']) and then one text written for that label."""
    keys = list(table)
    w = [(k, (weights or {}).get(k, 1.0)) for k in keys]

    def f(r: Random, c: Ctx) -> str:
        label = weighted(r, w)
        c.setdefault("answer", label)
        return fill(r.choice(table[label]), r, c)

    return f


def _money(r: Random, lo: float, hi: float) -> str:
    cur = r.choice(("€", "$", "£", "€"))
    return f"{cur}{r.uniform(lo, hi):,.2f}"


def _date(r: Random) -> str:
    d = datetime(2026, 8, 20) + timedelta(days=r.randrange(60))
    style = r.random()
    if style < 0.5:
        return d.strftime("%d %B %Y").lstrip("0")
    if style < 0.8:
        return d.strftime("%Y-%m-%d")
    return d.strftime("%m/%d/%Y")


SLOTS.update(
    {
        "first": lambda r, c: r.choice(FIRST),
        "first2": lambda r, c: r.choice(FIRST),
        "last": lambda r, c: r.choice(LAST),
        "fullname": lambda r, c: fill("{{first}} {{last}}", r, c),
        "fullname2": lambda r, c: f"{r.choice(FIRST)} {r.choice(LAST)}",
        "username": lambda r, c: r.choice(FIRST).lower() + r.choice(("_", ".", "")) + str(r.randrange(10, 999)),
        "email": lambda r, c: fill("{{first}}", r, c).lower() + "." + fill("{{last}}", r, c).lower().replace("'", "")
        + "@" + r.choice(("mailbox.example", "post.example.org", "inbox.example.net", "example.com")),
        "phone": lambda r, c: r.choice(("+44 7700 9", "+351 912 3", "+1 512 555 0", "+49 1522 3", "+31 6 1"))
        + "".join(r.choices("0123456789", k=5)),
        "address": lambda r, c: f"{r.randrange(1, 240)} {r.choice(STREETS)}, {fill('{{city}}', r, c)}",
        "dob": lambda r, c: f"{r.randrange(1, 29):02d}/{r.randrange(1, 13):02d}/{r.randrange(1952, 2004)}",
        "card4": lambda r, c: "".join(r.choices("0123456789", k=4)),
        "iban": lambda r, c: "GB" + "".join(r.choices("0123456789", k=2)) + " NWBK " + " ".join(
            "".join(r.choices("0123456789", k=4)) for _ in range(3)
        ),
        "natid": lambda r, c: f"{r.randrange(100, 899)}-{r.randrange(10, 99)}-{r.randrange(1000, 9999)}",
        "city": lambda r, c: r.choice(CITIES),
        "city2": lambda r, c: r.choice(CITIES),
        "product": lambda r, c: r.choice(PRODUCTS),
        "product2": lambda r, c: r.choice(PRODUCTS),
        "plan": lambda r, c: r.choice(PLANS),
        "company": lambda r, c: r.choice(COMPANIES),
        "team": lambda r, c: r.choice(TEAMS),
        "hobby": lambda r, c: r.choice(HOBBIES),
        "carrier": lambda r, c: r.choice(CARRIERS),
        "service": lambda r, c: r.choice(SERVICES),
        "service2": lambda r, c: r.choice(SERVICES),
        "repo": lambda r, c: r.choice(REPOS),
        "weekday": lambda r, c: r.choice(WEEKDAYS),
        "weekday2": lambda r, c: r.choice(WEEKDAYS),
        "month": lambda r, c: r.choice(MONTHS),
        "amount": lambda r, c: _money(r, 9, 480),
        "amount2": lambda r, c: _money(r, 20, 2400),
        "date": lambda r, c: _date(r),
        "date2": lambda r, c: _date(r),
        "order_id": lambda r, c: f"NW-{r.randrange(100000, 999999)}",
        "ticket_id": lambda r, c: str(r.randrange(40000, 99999)),
        "invoice_id": lambda r, c: f"INV-2026-{r.randrange(1000, 99999):05d}",
        "tracking": lambda r, c: "".join(r.choices("0123456789", k=4)) + "".join(r.choices(B62[10:36], k=2))
        + "".join(r.choices("0123456789", k=8)),
        "errcode": lambda r, c: str(r.choice((14, 21, 33, 47, 52, 68, 71, 90))),
        "n": lambda r, c: str(r.choice((5, 5, 8, 10, 10, 12, 15, 20))),
        "n2": lambda r, c: str(r.randrange(6, 60)),
        "n_words": lambda r, c: str(r.choice((40, 50, 60, 80, 100, 150))),
        "nps": lambda r, c: str(r.randrange(0, 11)),
        "stars": lambda r, c: str(c.get("_stars") or r.randrange(1, 6)),
        "tier": lambda r, c: r.choice(("free", "Plus", "Pro", "Enterprise")),
        "n_contacts": lambda r, c: str(r.randrange(0, 7)),
        "qty": lambda r, c: str(r.randrange(1, 40)),
        "pct": lambda r, c: f"{r.uniform(1, 40):.1f}%",
        "rps": lambda r, c: f"{r.choice((200, 800, 1500, 5000, 12000, 40000)):,}",
        "lang": lambda r, c: r.choice(LANGS)[0],
        "locale": lambda r, c: r.choice(LANGS)[1],
        "season": lambda r, c: r.choice(("spring", "the autumn sale", "the holiday season", "Black Friday", "January")),
        "module": lambda r, c: r.choice(("sync", "billing", "scheduler", "telemetry", "auth", "exporter", "ratelimit")),
        "func": lambda r, c: r.choice(("dedupe_events", "merge_readings", "apply_tariff", "next_run_at",
                                       "normalize_sku", "chunk_payload", "backoff_delay", "resolve_timezone")),
        "col": lambda r, c: r.choice(("archived_at", "firmware_channel", "tariff_id", "last_seen_ip", "locale")),
        "table": lambda r, c: r.choice(("devices", "subscriptions", "invoices", "readings", "customers", "orders")),
        "dep": lambda r, c: r.choice(("pydantic", "sqlalchemy", "react-query", "httpx", "celery", "eslint")),
    }
)

# ---- support tickets ------------------------------------------------------------------

TICKET_BODIES: dict[str, tuple[str, ...]] = {
    "billing": (
        "I was charged twice for my {{plan}} subscription this month, {{amount}} both times. Please refund the duplicate.",
        "Invoice {{invoice_id}} says {{amount}} but the price on your site was lower when I ordered the {{product}}. Where does the difference come from?",
        "You billed my card on {{date}} even though I cancelled the {{plan}} plan the week before.",
        "The discount code from your newsletter didn't work at checkout and I ended up paying full price for the {{product}}.",
        "There's a {{amount}} 'service fee' on my statement that nobody told me about. What is it for?",
        "My company needs the VAT number on invoice {{invoice_id}}, can you reissue it?",
    ),
    "shipping": (
        "Order {{order_id}} was supposed to arrive on {{date}} and the tracking hasn't moved since it left {{city}}.",
        "The courier says they delivered my {{product}} but there's nothing at my door or with the neighbours.",
        "The parcel for {{order_id}} arrived crushed and the box only had the manual in it.",
        "Can I still change the delivery address for {{order_id}}? I'm moving to {{city}} next week.",
        "It's been 12 days and my {{product}} still shows 'label created'. Is it even shipped?",
    ),
    "account": (
        "I can't log in, the password reset email never arrives at {{email}}.",
        "How do I add my partner to our Family plan? The invite button is greyed out.",
        "Please close my account and delete my data, I sold the house and the {{product}} with it.",
        "My two-factor codes stopped working after I switched phones and now I'm locked out.",
        "I have two accounts by mistake, can you merge them into the one with {{email}}?",
    ),
    "technical": (
        "My {{product}} keeps dropping off the wifi every few hours, I already restarted the router.",
        "The app crashes every time I open the schedule screen on my Android phone.",
        "Since last night's firmware update the {{product}} shows error E{{errcode}} and won't respond.",
        "The {{product}} says it's 31 degrees in the living room, which is clearly wrong.",
        "Pairing the {{product}} with the Northwind Hub fails at 90% every single time.",
        "The energy report for September is blank even though the {{product}} was online all month.",
    ),
    "returns": (
        "I'd like to return the {{product}}, it's louder than I expected for a bedroom.",
        "The {{product}} I got as a gift is the wrong colour, can I swap it for the white one?",
        "How long do refunds usually take? I sent back order {{order_id}} two weeks ago.",
        "Is the 30-day return window from the order date or the delivery date? Delivery was {{date}}.",
    ),
}
TICKET_SUBJECTS: dict[str, tuple[str, ...]] = {
    "billing": ("Double charge", "Question about my invoice", "Refund please", "Wrong amount billed"),
    "shipping": ("Where is my order?", "Delivery problem", "Package not received", "Change address"),
    "account": ("Can't log in", "Account help", "Delete my account", "2FA problem"),
    "technical": ("Device offline", "App keeps crashing", "Error code", "Not working"),
    "returns": ("Return request", "Exchange", "Refund status", "Returning item"),
}
OPENERS = ("Hi,", "Hello support,", "Hey there,", "Good morning,", "Hi team,", "Hello,", "To whom it may concern,")
CLOSERS = ("Thanks,\n{{first}}", "Please help.", "Regards,\n{{fullname}}", "Cheers, {{first}}", "Thank you in advance.",
           "{{first}} {{last}}", "This is really frustrating.")
EXTRAS = (
    "", "", "I've been a customer for {{n2}} months.", "My order number is {{order_id}}.",
    "I already tried turning it off and on again.", "I'd appreciate a quick answer.",
    "This is the second time I'm writing about this.", "Photos attached.",
)


def _ticket(r: Random, c: Ctx) -> str:
    q = r.choice(tuple(TICKET_BODIES))
    c.setdefault("answer", q)
    c.setdefault("ticket_subject", r.choice(TICKET_SUBJECTS[q]))
    body = fill(r.choice(TICKET_BODIES[q]), r, c)
    extra = fill(r.choice(EXTRAS), r, c)
    return fill(f"{r.choice(OPENERS)}\n\n{body} {extra}".rstrip() + f"\n\n{r.choice(CLOSERS)}", r, c)


def _ticket_short(r: Random, c: Ctx) -> str:
    q = r.choice(tuple(TICKET_BODIES))
    c.setdefault("answer", q)
    return fill(r.choice(TICKET_BODIES[q]), r, c)


SLOTS["ticket"] = _ticket
SLOTS["ticket_short"] = _ticket_short
SLOTS["ticket_subject"] = lambda r, c: r.choice(TICKET_SUBJECTS[r.choice(tuple(TICKET_SUBJECTS))])
SLOTS["agent_note"] = pick(
    "Refund of {{amount}} approved by supervisor.", "Replacement unit shipped today.",
    "Ask for a photo of the device label.", "Known issue, fix in firmware 4.2 next week.",
    "Offer one month of {{plan}} for free.", "Escalated to the logistics partner.",
)

SLOTS["intent_msg"] = labelled(
    {
        "cancel_subscription": (
            "I want to stop my {{plan}} membership at the end of this billing period.",
            "how do i cancel?? not using the app anymore",
            "Please end my subscription, we're moving abroad.",
        ),
        "upgrade_plan": (
            "What would it cost to move from {{plan}} to Pro? I need more than five devices.",
            "Can I switch to yearly billing and get the discount?",
        ),
        "report_bug": (
            "The graph on the energy tab shows yesterday twice.",
            "Notifications arrive three times for every alert on my {{product}}.",
        ),
        "request_refund": (
            "I was billed after cancelling, I want that money back.",
            "The {{product}} broke after a week, I'd like a refund rather than a replacement.",
        ),
        "ask_question": (
            "Does the {{product}} work with solar panels from other brands?",
            "Is there a way to export my usage data to a spreadsheet?",
        ),
        "give_feedback": (
            "Just wanted to say the new night mode is lovely.",
            "Your installer {{first}} was fantastic, very tidy work.",
        ),
    }
)

SLOTS["doc_snippet"] = labelled(
    {
        "invoice": ("{{company}}\nInvoice no. {{invoice_id}}\nDate: {{date}}\nAmount due: {{amount2}}\nPayment terms: 30 days",),
        "receipt": ("Thank you for shopping at {{company}}!\n1 x {{product}}  {{amount}}\nPaid by card ****{{card4}}\nNo refunds without this receipt.",),
        "purchase_order": ("PURCHASE ORDER PO-{{qty}}{{card4}}\nBuyer: Northwind Labs\nSupplier: {{company}}\nDeliver {{qty}} units of {{product}} by {{date}}",),
        "contract": ("This Agreement is entered into on {{date}} between Northwind Labs Ltd and {{company}} (the 'Supplier')...",),
        "bank_statement": ("Statement period {{date}} - {{date2}}\nOpening balance {{amount2}}\nDirect debit {{company}} -{{amount}}",),
    }
)
SLOTS["feedback"] = labelled(
    {
        "app_ux": ("The schedule editor is fiddly, it takes five taps to change one hour.", "Dark mode please!"),
        "hardware": ("The {{product}} gets warm at the back after a few hours.", "Buttons on the {{product}} feel cheap."),
        "pricing": ("{{plan}} is too expensive for what it adds.", "Why do I pay monthly for features the hub already has?"),
        "integrations": ("Would love to see the {{product}} in Apple Home.", "Please add a webhook when the battery is full."),
        "energy_reports": ("The weekly report could compare to the same week last year.", "Let me export the report as CSV."),
        "installation": ("The wall bracket screws were missing from the box.", "Setup guide skips the wiring step for older boilers."),
    }
)
SLOTS["it_request"] = labelled(
    {
        "P1": ("The whole {{city}} office has no internet and we have a client demo in 20 minutes.",
               "Payments are failing on checkout for all customers since 10:02."),
        "P2": ("My laptop won't boot after the update and I have a deadline today.",
               "The shared drive for the {{team}} team is read-only since this morning."),
        "P3": ("Can I get a second monitor for my desk?", "VPN disconnects once or twice a day."),
        "P4": ("Please add me to the #{{module}}-dev Slack channel.", "The kitchen printer is low on toner."),
    }
)
SLOTS["expense_lines"] = lambda r, c: "\n".join(
    r.choice(("Taxi to airport", "Figma annual seat", "Printer paper", "Team lunch", "Hotel in {{city}}",
              "Train ticket", "Jira licence", "Whiteboard markers", "Client dinner", "Coffee beans"))
    .replace("{{city}}", r.choice(CITIES)) + f" {r.uniform(3, 420):.2f}"
    for _ in range(r.randrange(3, 8))
)
SLOTS["bug_report"] = labelled(
    {
        "frontend": ("The save button on the settings page overlaps the footer on small screens.",
                     "Date picker shows American format for UK users."),
        "backend": ("The /v2/readings endpoint returns 500 when the device has no readings yet.",
                    "Invoices generated twice when the webhook retries."),
        "infra": ("Staging deploys time out since we moved to the new cluster.",
                  "Disk on the metrics node is at 96%."),
    }
)

# ---- reviews, tweets, spam ------------------------------------------------------------

REVIEWS = {
    "positive": (
        "Installed the {{product}} in ten minutes and it just works. Our bill dropped noticeably in the first month.",
        "Really pleased. The app is clear and support answered within the hour.",
        "Best purchase this year, the {{product}} is quiet and looks great on the wall.",
        "Five stars, the schedules are so easy to set and the savings are real.",
    ),
    "negative": (
        "Stopped working after three weeks and support keeps sending me the same FAQ link.",
        "The {{product}} disconnects constantly. Returning it.",
        "Overpriced and the app needs a subscription for basic features. Disappointed.",
        "Arrived with a cracked display and I had to wait 12 days for a replacement.",
    ),
    "neutral": (
        "It does what it says. Nothing special, nothing bad.",
        "Delivered on time. Haven't used it long enough to judge.",
        "The {{product}} is fine, similar to the one I had before.",
    ),
    "mixed": (
        "Great hardware, terrible app. The {{product}} itself is solid but the setup was painful.",
        "Saves energy for sure, but the fan is louder than advertised.",
        "Support was friendly, though it took four emails to solve a simple issue.",
    ),
}
SLOTS["review"] = labelled(REVIEWS, {"positive": 1.2, "negative": 1.0, "neutral": 0.6, "mixed": 0.6})
SLOTS["review_list"] = lambda r, c: "\n".join(
    f"- \"{fill(r.choice(REVIEWS[r.choice(tuple(REVIEWS))]), r, {})}\"" for _ in range(r.randrange(3, 7))
)
SLOTS["tweet"] = labelled(
    {
        "positive": ("shoutout to @northwindlabs, my {{product}} paid for itself this winter", "honestly the northwind app update is chef's kiss"),
        "negative": ("@northwindlabs 3rd day without heating control, your app is down AGAIN", "never buying from northwind again, refund taking forever"),
        "neutral": ("anyone tried the northwind {{product}}? thinking of getting one", "northwind labs is hiring in {{city}} apparently"),
    }
)

FORUM_POSTS = {
    "ok": (
        "Has anyone managed to get the {{product}} working with a two-zone boiler?",
        "Tip: set the eco schedule to start 30 minutes earlier in winter, it evens out the heating.",
        "Firmware 4.1 fixed the wifi drops for me, worth updating.",
    ),
    "spam": (
        "CHEAP designer watches, 90% off, only today!!! visit best-deals-watch.example",
        "Earn $$$ from home, no experience needed, DM me on telegram",
    ),
    "abusive": (
        "Whoever designed this app should be fired, total idiots, every one of you.",
        "Shut up {{username}}, nobody asked for your stupid opinion.",
    ),
    "self_promotion": (
        "I wrote a full review of the {{product}} on my blog, link in my profile, please subscribe!",
        "We install Northwind devices in {{city}}, 10% off with code FORUM10, call us.",
    ),
}
SLOTS["forum_post"] = labelled(FORUM_POSTS, {"ok": 3, "spam": 1, "abusive": 0.7, "self_promotion": 0.8})

SPAM_MAILS = {
    "spam": (
        ("Your account has been suspended", "Dear customer, we detected unusual activity. Verify your identity within 24 hours at northwind-secure-login.example or your devices will be disabled."),
        ("Invoice overdue - final notice", "Please find the attached invoice. Payment of {{amount2}} must be made today to avoid legal action. Open attachment: INVOICE_{{card4}}.zip"),
        ("You won!", "Congratulations! You have been selected for a {{amount}} gift card. Click here to claim before midnight."),
        ("Boost your SEO", "Hi, I noticed your website is not ranking on page 1. We can guarantee top positions for a small monthly fee."),
    ),
    "legit": (
        ("Your order {{order_id}} has shipped", "Hi {{first}}, good news: your {{product}} is on its way with {{carrier}}. Track it in the app."),
        ("Meeting notes", "Hi all, attached are the notes from Tuesday's planning session. Let me know if I missed anything. {{first}}"),
        ("Re: quote for installation", "Thanks for the quote, we'd like to go ahead with the installation on {{date}}."),
    ),
}


def _spam_mail(r: Random, c: Ctx) -> str:
    kind = "spam" if r.random() < 0.55 else "legit"
    c.setdefault("answer", kind)
    subj, body = r.choice(SPAM_MAILS[kind])
    c["spam_subject"] = fill(subj, r, c)
    c["sender"] = (
        r.choice(("security@northwind-alerts.example", "billing@inv-0ffice.example", "promo@winners-club.example", "seo.expert@growfast.example"))
        if kind == "spam"
        else fill("{{email}}", r, c)
    )
    return fill(body, r, c)


SLOTS["spam_body"] = _spam_mail
SLOTS["spam_subject"] = lambda r, c: (_spam_mail(r, c), c["spam_subject"])[1]
SLOTS["sender"] = lambda r, c: (_spam_mail(r, c), c["sender"])[1]
SLOTS["review_or_spam"] = lambda r, c: (
    SLOTS["review"](r, c) if r.random() < 0.7 else fill(r.choice(FORUM_POSTS["spam"] + FORUM_POSTS["abusive"]), r, c)
)

# ---- languages ---------------------------------------------------------------------------

FOREIGN: dict[str, tuple[str, ...]] = {
    "de": ("Mein Thermostat lässt sich seit gestern nicht mehr einschalten.", "Wann wird meine Bestellung geliefert?",
           "Die App zeigt immer eine falsche Temperatur an.", "Ich möchte mein Abo kündigen."),
    "fr": ("Mon thermostat ne s'allume plus depuis hier.", "Quand ma commande sera-t-elle livrée ?",
           "L'application affiche toujours une mauvaise température.", "Je voudrais résilier mon abonnement."),
    "es": ("Mi termostato no enciende desde ayer.", "¿Cuándo llegará mi pedido?",
           "La aplicación siempre muestra una temperatura equivocada.", "Quiero cancelar mi suscripción."),
    "it": ("Il mio termostato non si accende da ieri.", "Quando arriverà il mio ordine?",
           "L'app mostra sempre una temperatura sbagliata."),
    "pt": ("O meu termóstato não liga desde ontem.", "Quando vai chegar a minha encomenda?",
           "A aplicação mostra sempre a temperatura errada."),
    "nl": ("Mijn thermostaat gaat sinds gisteren niet meer aan.", "Wanneer wordt mijn bestelling geleverd?",
           "De app laat altijd een verkeerde temperatuur zien."),
    "pl": ("Mój termostat nie włącza się od wczoraj.", "Kiedy dotrze moje zamówienie?",
           "Aplikacja zawsze pokazuje złą temperaturę."),
    "sv": ("Min termostat har inte gått att starta sedan igår.", "När levereras min beställning?"),
    "tr": ("Termostatım dünden beri açılmıyor.", "Siparişim ne zaman teslim edilecek?"),
    "fi": ("Termostaattini ei ole käynnistynyt eilisen jälkeen.", "Milloin tilaukseni toimitetaan?"),
    "ja": ("昨日からサーモスタットの電源が入りません。", "注文はいつ届きますか？"),
    "en": ("My thermostat hasn't turned on since yesterday.", "When will my order be delivered?"),
}
LANG_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
              "pl": "Polish", "sv": "Swedish", "tr": "Turkish", "fi": "Finnish", "ja": "Japanese", "en": "English"}


def _foreign(r: Random, c: Ctx) -> str:
    code = r.choice(tuple(FOREIGN))
    c.setdefault("answer", code)
    return r.choice(FOREIGN[code])


SLOTS["foreign"] = _foreign

EN_TEXTS = (
    "Thanks for your patience. We've sent a replacement {{product}} and you should receive it within three working days.",
    "Your refund of {{amount}} has been processed and will appear on your statement in 5-7 days.",
    "Keep the {{product}} away from direct sunlight for the most accurate readings.",
    "Save up to 20% on heating this winter with smart schedules that learn your routine.",
    "To reset the device, hold the button for ten seconds until the light blinks blue.",
    "We're sorry your delivery was late. As a thank-you for waiting, here is a voucher for your next order.",
    "Your subscription renews on {{date}}. You can change your plan at any time in the app.",
    "Heating off while you're away, warm when you walk in. That's the Northwind way.",
)
SLOTS["en_text"] = pick_list(EN_TEXTS)
SLOTS["en_short"] = pick("Where is the nearest train station?", "Your order has shipped", "Battery low",
                         "Thank you for your patience", "Turn off the heating at night", "Schedule saved")
SLOTS["ui_strings_json"] = lambda r, c: orjson.dumps(
    dict(r.sample([("settings.title", "Settings"), ("schedule.save", "Save schedule"), ("device.offline", "Device offline"),
                   ("report.empty", "No data for this period yet"), ("plan.upgrade", "Upgrade to Pro"),
                   ("alert.leak", "Water detected near {device}"), ("login.forgot", "Forgot your password?")], k=r.randrange(3, 6)))
).decode()

# ---- personal data -----------------------------------------------------------------------

SLOTS["pii_text"] = pick(
    "Customer {{fullname}} (DOB {{dob}}) called from {{phone}} about order {{order_id}}. Email on file: {{email}}. "
    "Ships to {{address}}. Paid with card ending {{card4}}.",
    "Hi, this is {{first}} {{last}}, my number is {{phone}} and I live at {{address}}. Please call me back, "
    "my account email is {{email}}.",
    "Refund to IBAN {{iban}} in the name of {{fullname}}. Contact: {{email}}, {{phone}}.",
    "Agent note: spoke with {{first}} (the account holder's partner). Verified with national ID {{natid}} and "
    "date of birth {{dob}}. New address {{address}}.",
    "Installer visit booked for {{date}} at {{address}}. Ask for {{fullname}}, mobile {{phone}}. Dog in the garden.",
    "The {{product}} was reported faulty by a customer in {{city}}. No personal details were provided in the form.",
)

# ---- documents for extraction ------------------------------------------------------------

SLOTS["invoice"] = pick(
    "INVOICE {{invoice_id}}\nFrom: {{company}}\nDate: {{date}}\nBill to: Northwind Labs Ltd, {{address}}\n\n"
    "{{qty}} x {{product}} @ {{amount}}\nShipping: {{amount}}\nTotal due: {{amount2}}\nDue by: {{date2}}",
    "{{company}} - Tax invoice\nInvoice number: {{invoice_id}}  Issued: {{date}}\nCustomer: {{fullname}}\n"
    "Consulting services, {{month}} 2026 ... {{amount2}}\nVAT 20% included. Please pay within 14 days.",
    "Rechnung / Invoice {{invoice_id}}\n{{company}}\nLeistungsdatum: {{date}}\nPos 1: Wartung {{product}} {{amount}}\n"
    "Pos 2: Anfahrt {{amount}}\nGesamt: {{amount2}}",
)
SLOTS["invoice_email"] = pick(
    "Hi, just confirming we received payment of {{amount2}} for order {{order_id}} on {{date}}. Receipt attached. - {{first}}",
    "Your order {{order_id}} ({{qty}} items) totals {{amount2}}. It was placed on {{date}} and ships from {{city}}.",
)
SLOTS["shipping_notice"] = pick(
    "Good news! Your parcel with {{carrier}} (tracking {{tracking}}) for order {{order_id}} is on its way to {{city}}. "
    "Expected delivery: {{date}}.",
    "{{carrier}} delivery update: shipment {{tracking}} is delayed at the {{city2}} hub. New estimate {{date}}. Ref {{order_id}}.",
    "Your order {{order_id}} has been dispatched. Carrier: {{carrier}}. We'll email tracking details soon.",
)
SLOTS["meeting_request"] = pick(
    "Hey {{first}}, can we grab 45 minutes on {{weekday}} at 14:30 to go over the {{module}} migration? "
    "I'll book the Fjord room. {{first2}} and {{fullname2}} should join too.",
    "Quarterly review with {{company}}: {{date}}, 10:00-11:30 CET, their office in {{city}}. Attendees: {{fullname}}, {{fullname2}}.",
    "let's do a quick call tomorrow 9am about the {{product}} launch, 20 mins, zoom link to follow. cc {{first2}}",
)
SLOTS["news_snippet"] = pick(
    "{{company}} announced on {{date}} that it will open a new logistics hub in {{city}}, investing {{amount2}}m. "
    "CEO {{fullname}} said the site will employ 300 people.",
    "In {{city}}, {{fullname}} of {{company}} signed a supply agreement with Northwind Labs worth {{amount2}} on {{date}}.",
    "Regulators in {{city}} fined {{company}} {{amount2}} after an audit led by {{fullname2}} found billing errors.",
)
SLOTS["job_email"] = pick(
    "Dear hiring team, I'm {{fullname}} and I'd like to apply for the Senior Data Engineer role. I have {{n2}} months "
    "of experience at {{company}}. You can reach me at {{email}} or {{phone}}.",
    "Hello! Applying for the support lead position. {{n2}} months in customer service, currently at {{company}}. "
    "CV attached. {{fullname}}, {{phone}}",
)

# ---- text for keywords, editing, translation ------------------------------------------------

BLOG_SENTENCES = (
    "Heat pumps move heat rather than create it, which is why they can deliver three units of warmth for every unit of electricity.",
    "Smart thermostats save the most energy in homes where nobody is in during the day.",
    "A home battery lets you store cheap overnight electricity and use it during the evening peak.",
    "Water leaks are one of the most common home insurance claims, and most start small.",
    "Time-of-use tariffs reward households that shift laundry and dishwashing to off-peak hours.",
    "Draught-proofing windows is one of the cheapest ways to cut heat loss.",
    "Our {{product}} learns your routine in about a week and adjusts the schedule automatically.",
    "Solar panels produce most in the middle of the day, when many homes are empty.",
    "Standby power from chargers and set-top boxes can add up to several percent of a household bill.",
)
SLOTS["blog_para"] = lambda r, c: " ".join(fill(s, r, c) for s in r.sample(BLOG_SENTENCES, k=r.randrange(3, 6)))
SLOTS["product_blurb"] = pick(
    "The {{product}} connects to your wifi in minutes and works with the Northwind app. Set schedules, see live usage "
    "and get alerts when something looks off. Designed in {{city}}, built to last ten years.",
    "Meet the {{product}}: slim, silent and smart. It reacts to open windows, learns when you're home and shows "
    "exactly what you've saved each week.",
    "A compact {{product}} for flats and small houses. Installs without tools, runs on the {{plan}} plan or standalone.",
)
SLOTS["kb_title"] = pick("How to reset your {{product}}", "Understanding your energy report", "Changing your billing date",
                         "Pairing devices with the Northwind Hub", "What error E{{errcode}} means")
SLOTS["kb_body"] = lambda r, c: SLOTS["blog_para"](r, c)
SLOTS["interview_note"] = pick(
    "Interviewee ({{team}}, {{city}}): likes the weekly report, ignores push alerts, wants a shared household view, "
    "confused by the tariff settings, would pay more for a battery integration.",
    "Customer since 2024, two {{product}} units. Main pain: the app logs out too often. Would recommend to friends, "
    "mostly for the savings graph.",
)
TYPO_PARAS = (
    "Thank you for you're order. We will ship it tommorow and you should recieve it by the end of the week, "
    "if their is any problem please dont hesitate too contact us.",
    "Our new {{product}} is the most efficent device we ever made, its quiet, its smart and it look great in any room.",
    "The meeting have been moved to {{weekday}}, please let me know if this dont work for you and we find an other time.",
    "As discused, the team will finalise the report untill friday and send it to all stakeholder's.",
)
CASUAL_PARAS = (
    "hey, so the thing broke again lol. can u guys just send a new one? kinda over it tbh",
    "Yeah we're gonna be late on the {{module}} stuff, stuff came up, should be fine by next week probably.",
    "Just a heads up, prices are going up in {{month}}. Sorry! Nothing we can do.",
    "As I already said in my last THREE emails, the invoice is wrong. Please actually read what I write.",
)
FORMAL_PARAS = (
    "We regret to inform you that your request cannot be processed at this time due to insufficient documentation.",
    "Pursuant to our terms of service, accounts inactive for more than 24 months shall be closed without further notice.",
    "Please be advised that scheduled maintenance will render the service unavailable between 02:00 and 04:00 UTC.",
)
MARKETING_PARAS = (
    "The {{product}} is here! With our brand new adaptive algorithm, which has been developed over many years by our "
    "team of world-class engineers, you will be able to save more energy than ever before, and it also looks "
    "beautiful in every room of your house, whatever your style is!",
    "Winter is coming and your heating bill is too. Northwind's smart schedules make sure you are only heating the "
    "rooms you are actually using, at the times you are actually using them, which means lower bills and a warmer home.",
    "Say hello to peace of mind. The {{product}} watches over your home 24/7 and sends an alert the moment "
    "something is wrong, so you can fix small problems before they become big ones.",
)
SLOTS["typo_para"] = pick_list(TYPO_PARAS)
SLOTS["casual_para"] = pick_list(CASUAL_PARAS)
SLOTS["formal_para"] = pick_list(FORMAL_PARAS)
SLOTS["marketing_para"] = pick_list(MARKETING_PARAS)

# ---- structured data -----------------------------------------------------------------------


def _csv_block(r: Random, c: Ctx) -> str:
    rows = ["device_id,model,city,installed,kwh_saved"]
    for _ in range(r.randrange(3, 9)):
        rows.append(
            f"D{r.randrange(10000, 99999)},{r.choice(PRODUCTS).split()[0]},{r.choice(CITIES)},"
            f"2026-{r.randrange(1, 10):02d}-{r.randrange(1, 28):02d},{r.uniform(2, 300):.1f}"
        )
    return "\n".join(rows)


def _json_block(r: Random, c: Ctx) -> str:
    obj = {
        "customer": {"name": fill("{{fullname}}", r, c), "plan": r.choice(PLANS), "city": r.choice(CITIES)},
        "devices": [{"sku": f"NW-{r.randrange(100, 999)}", "qty": r.randrange(1, 4)} for _ in range(r.randrange(1, 4))],
        "active": r.random() < 0.8,
    }
    return orjson.dumps(obj, option=orjson.OPT_INDENT_2).decode()


SLOTS["csv_block"] = _csv_block
SLOTS["json_block"] = _json_block
SLOTS["kv_block"] = lambda r, c: fill(
    "Name: {{fullname}}\nCompany: {{company}}\nPlan: {{plan}}\nSeats: {{qty}}\nRenewal: {{date}}\nOwner: {{fullname2}}", r, c
)
SLOTS["date_lines"] = lambda r, c: "\n".join(
    f"{r.choice(('Order', 'Invoice', 'Visit', 'Return'))} {r.randrange(100, 999)}: {_date(r)}" for _ in range(r.randrange(3, 7))
)
SLOTS["xml_block"] = lambda r, c: fill(
    "<order id=\"{{order_id}}\"><customer>{{fullname}}</customer><item sku=\"NW-{{qty}}\">{{product}}</item>"
    "<total currency=\"EUR\">{{amount}}</total><shipped>{{date}}</shipped></order>", r, c
)

# ---- knowledge ---------------------------------------------------------------------------------

KB_ARTICLES = (
    ("Returns: unopened items can be returned within 30 days of delivery for a full refund. Opened items can be "
     "returned within 14 days if they are undamaged; a 10% restocking fee applies. Refunds are issued to the original "
     "payment method within 5 working days of us receiving the item.",
     ("how many days do I have to return an opened item?", "is there a fee for returning an opened device?",
      "when will I get my money back after a return?")),
    ("Warranty: all Northwind devices carry a two-year warranty from the date of delivery. Batteries are covered for "
     "five years or 4,000 cycles, whichever comes first. The warranty does not cover damage from incorrect installation.",
     ("how long is the battery covered?", "does the warranty cover a device I installed wrong?",
      "when does the warranty start?")),
    ("Billing: subscriptions renew on the same day each month. You can change your billing date once every 90 days in "
     "Settings > Billing. Annual plans are billed upfront and include two months free.",
     ("how often can I change my billing date?", "do annual plans cost less?", "where do I change the billing date?")),
    ("Error E47 means the device lost contact with the hub for more than 24 hours. Move the hub closer or add a range "
     "extender. If the light blinks red, hold the button for ten seconds to reset.",
     ("what does E47 mean?", "how do I reset the device?", "what should I do if the light blinks red?")),
)


def _kb_article(r: Random, c: Ctx) -> str:
    art, qs = r.choice(KB_ARTICLES)
    c["kb_question"] = r.choice(qs).capitalize()
    c["kb_question_lower"] = c["kb_question"][0].lower() + c["kb_question"][1:]
    return art


SLOTS["kb_article"] = _kb_article
SLOTS["kb_question"] = lambda r, c: (_kb_article(r, c), c["kb_question"])[1]
SLOTS["kb_question_lower"] = lambda r, c: (_kb_article(r, c), c["kb_question_lower"])[1]

TRIVIA = (
    "What's the boiling point of water at sea level in Fahrenheit?", "How many days are there in a leap year?",
    "What is the capital of Canada?", "Who wrote Frankenstein?", "How many bytes are in a kibibyte?",
    "What does HTTP status 429 mean?", "Which planet has the shortest year?", "What's the chemical symbol for tungsten?",
    "How many time zones does Australia have on the mainland?", "In what year did the Berlin Wall fall?",
    "What unit is electrical energy billed in on a household bill?", "What does the acronym VAT stand for?",
    "How many minutes are in a week?", "What is the square root of 1764?", "Which ocean is the largest?",
    "What currency does Poland use?", "What's the default port for PostgreSQL?", "How many legs does a spider have?",
    "What is the freezing point of water in Kelvin?", "Who painted The Night Watch?",
)
SLOTS["trivia_q"] = lambda r, c: r.choice(TRIVIA)
SLOTS["trivia_q_lower"] = lambda r, c: (lambda q: q[0].lower() + q[1:])(r.choice(TRIVIA))
SLOTS["order_record"] = lambda r, c: fill(
    '{"order_id": "{{order_id}}", "status": "' + r.choice(("shipped", "processing", "delivered", "returned"))
    + '", "carrier": "{{carrier}}", "placed": "{{date}}", "items": [{"sku": "NW-{{qty}}", "name": "{{product}}"}], '
    '"total": "{{amount}}"}', r, c
)
SLOTS["order_q"] = pick("Has it shipped yet?", "Which carrier is delivering it?", "How much did I pay?",
                        "When was the order placed?", "What did I order?")

HOWTO_Q = (
    "How do I bleed a radiator?", "How do heat pumps work when it's below freezing outside?",
    "How do I set up a pivot table in Google Sheets?", "How can I get better at giving feedback to my team?",
    "What's a good way to structure a 30-minute presentation?", "How do I negotiate a salary for a new role?",
    "How does compound interest work?", "How should I prepare for a system design interview?",
    "What are the pros and cons of a standing desk?", "How do I keep basil alive indoors?",
    "How do I write a good bug report?", "How can I sleep better before an early flight?",
)
CONCEPT_Q = (
    "Explain what a CDN is like I'm not an engineer.", "What's the difference between a VPN and a proxy?",
    "Can you explain what OKRs are and why companies use them?", "What's the difference between kW and kWh?",
    "What is technical debt?", "What does 'eventual consistency' mean?", "Explain inflation in simple terms.",
    "What is a power purchase agreement?", "What's the difference between machine learning and AI?",
    "What does a product manager actually do all day?",
)
WORK_Q = (
    "What's a reasonable amount of time to reply to a colleague's message?", "How do I ask my manager for a day off politely?",
    "Is it OK to decline a meeting without a reason?", "What should I put in a handover doc before parental leave?",
    "How do I run a good retrospective?", "How can I say no to extra work without sounding lazy?",
)
WHY_Q = (
    "is the sky blue", "do planes fly at 35,000 feet", "do onions make you cry", "does bread go stale",
    "are electricity prices higher in winter", "do we have leap seconds", "do cats purr", "is the ocean salty",
)
SLOTS["howto_q"] = lambda r, c: r.choice(HOWTO_Q)
SLOTS["concept_q"] = lambda r, c: r.choice(CONCEPT_Q)
SLOTS["work_q"] = lambda r, c: r.choice(WORK_Q)
SLOTS["why_q"] = lambda r, c: r.choice(WHY_Q)


# ---- long documents for summarization ------------------------------------------------------

THREAD_LINES = (
    "Customer: {{ticket_short}}",
    "Agent {{first2}}: Sorry to hear that. Could you tell me the serial number on the back of the device?",
    "Customer: It's NW{{card4}}X. I've had it since {{month}}.",
    "Agent {{first2}}: Thanks. I can see the device last checked in on {{date}}. Could you try a reset?",
    "Customer: Did that twice, same thing.",
    "Agent {{first2}}: Understood. I've escalated this to our hardware team and they'll reply within 48 hours.",
    "Customer: OK but I need heating this weekend.",
    "Agent {{first2}}: I've arranged a loan unit to be sent today by {{carrier}}, tracking {{tracking}}.",
)
MEETING_LINES = (
    "{{first}}: Quick update on the {{module}} work, we're about two days behind because of the vendor API change.",
    "{{first2}}: Can we cut scope? The export feature could move to the next sprint.",
    "{{first}}: That works. I'll tell {{company}} the new date is {{date}}.",
    "{{first2}}: Support volume went up {{pct}} after the firmware release, mostly wifi questions.",
    "{{fullname2}}: We should write a help article for that. I can take it.",
    "{{first}}: Budget for Q4 is approved, but hiring is frozen until January.",
    "{{first2}}: Then we need to decide between the dashboard rebuild and the {{product}} integration.",
    "{{fullname2}}: Let's vote async by Friday.",
    "{{first}}: Action item for me: update the roadmap doc. {{first2}} owns the vendor call.",
)
INCIDENT_LINES = (
    "Summary: between 09:12 and 10:47 UTC on {{date}}, {{pct}} of requests to {{service}} failed with HTTP 503.",
    "Impact: customers could not change schedules in the app; devices kept running their last schedule.",
    "Detection: the error-rate alert fired at 09:15; on-call acknowledged at 09:19.",
    "Root cause: a config change reduced the connection pool of {{service}} from 200 to 20 during a routine deploy.",
    "Contributing factor: the canary stage was skipped because the change was labelled as config-only.",
    "Resolution: the change was rolled back at 10:41 and traffic recovered by 10:47.",
    "Follow-ups: make canary mandatory for config changes; add a pool-size check to CI; alert on saturation earlier.",
)
DOC_LINES = (
    "The {{team}} team proposes consolidating our three ticketing tools into one system by the end of {{month}}.",
    "Today agents switch between tools an average of 14 times per ticket, which adds about two minutes of handling time.",
    "A consolidated tool would cost {{amount2}} per month more in licences but save roughly 900 agent hours per quarter.",
    "Risks include data migration errors, retraining time and a temporary drop in customer satisfaction scores.",
    "A phased rollout starting with the returns queue would limit the blast radius of any problems.",
    "Vendors evaluated were {{company}} and two smaller providers; the former scored highest on integrations.",
    "The recommendation is to proceed with a pilot in {{city}} and review after six weeks.",
    "Legal has confirmed that the vendor's data processing terms meet our requirements.",
)


def _lines(pool: Sequence[str], lo: int, hi: int) -> SlotFn:
    def f(r: Random, c: Ctx) -> str:
        k = r.randrange(lo, min(hi, len(pool)) + 1)
        idx = sorted(r.sample(range(len(pool)), k))
        return "\n".join(fill(pool[i], r, c) for i in idx)

    return f


SLOTS["support_thread"] = _lines(THREAD_LINES, 5, 8)
SLOTS["meeting_notes"] = _lines(MEETING_LINES, 5, 9)
SLOTS["incident_report"] = lambda r, c: fill("Incident report: {{service}} outage\n", r, c) + _lines(INCIDENT_LINES, 5, 7)(r, c)
SLOTS["long_doc"] = lambda r, c: r.choice((SLOTS["meeting_notes"], SLOTS["incident_report"], _lines(DOC_LINES, 5, 8)))(r, c)
SLOTS["meeting_title"] = pick("{{team}} weekly sync", "Q4 planning", "{{product}} launch go/no-go", "Vendor review with {{company}}")

# ---- email helpers ---------------------------------------------------------------------------------

SLOTS["notif_event"] = pick("order_shipped", "payment_failed", "subscription_renewal", "firmware_update", "device_offline_24h")
SLOTS["notif_details"] = pick("Order {{order_id}}, carrier {{carrier}}, ETA {{date}}", "Card ending {{card4}} declined, amount {{amount}}",
                              "{{plan}} plan renews {{date}} at {{amount}}", "{{product}} firmware 4.2 installs tonight at 03:00",
                              "{{product}} last seen {{date}}")
SLOTS["sales_topic"] = pick("a 200-unit {{product}} rollout for their rental flats", "bundling the {{plan}} plan for employees",
                            "pricing for a two-year pilot", "integrating our API with their building management system")
SLOTS["next_step"] = pick("send the pilot proposal by {{weekday}}", "book a site visit in {{city}}", "loop in their procurement team",
                          "share the security questionnaire")
SLOTS["announcement"] = pick("the office in {{city}} is closed on {{weekday}}", "we hit 100k connected devices",
                             "{{fullname}} is joining as head of {{team}}", "the {{module}} migration is finally done")

# ---- code --------------------------------------------------------------------------------------------

PY_SNIPPETS = (
    "def {{func}}(items, limit=10):\n    seen = set()\n    out = []\n    for it in items:\n        key = it.get(\"id\")\n"
    "        if key in seen:\n            continue\n        seen.add(key)\n        out.append(it)\n        if len(out) > limit:\n"
    "            break\n    return out",
    "def parse_reading(raw: str) -> float:\n    value, unit = raw.strip().split(\" \")\n    value = float(value)\n"
    "    if unit == \"F\":\n        return (value - 32) * 5 / 9\n    elif unit == \"C\":\n        return value",
    "def {{func}}(attempt, base=0.5, cap=30):\n    delay = base * 2 ** attempt\n    return min(cap, delay + random.random())",
    "async def fetch_all(client, urls):\n    results = []\n    for url in urls:\n        resp = await client.get(url)\n"
    "        results.append(resp.json())\n    return results",
    "class TariffCache:\n    _cache = {}\n\n    def get(self, region, day):\n        key = f\"{region}:{day}\"\n"
    "        if key not in self._cache:\n            self._cache[key] = load_tariff(region, day)\n        return self._cache[key]",
    "def {{func}}(readings):\n    readings.sort(key=lambda r: r['ts'])\n    total = 0\n    for a, b in zip(readings, readings[1:]):\n"
    "        total += (b['ts'] - a['ts']) * a['watts']\n    return total / 3600",
)
JS_SNIPPETS = (
    "function debounce(fn, ms) {\n  let t;\n  return (...args) => {\n    clearTimeout(t);\n    t = setTimeout(() => fn(...args), ms);\n  };\n}",
    "const total = cart.items.reduce((sum, i) => sum + i.price * i.qty, 0).toFixed(2);",
    "useEffect(() => {\n  const id = setInterval(refresh, 5000);\n}, []);",
)
GO_SNIPPETS = (
    "func worker(jobs <-chan Job, results chan<- Result) {\n\tfor j := range jobs {\n\t\tresults <- process(j)\n\t}\n}",
    "func (s *Store) Get(id string) (*Device, error) {\n\ts.mu.RLock()\n\tdefer s.mu.RUnlock()\n\td, ok := s.m[id]\n"
    "\tif !ok {\n\t\treturn nil, ErrNotFound\n\t}\n\treturn d, nil\n}",
)
SQL_SNIPPETS = (
    "SELECT device_id, date_trunc('day', ts) AS day, avg(watts) OVER (PARTITION BY device_id ORDER BY ts ROWS 11 PRECEDING) AS ma\n"
    "FROM readings WHERE ts > now() - interval '7 days';",
    "SELECT c.plan, count(*) FILTER (WHERE s.cancelled_at IS NOT NULL)::float / count(*) AS churn\nFROM customers c JOIN subscriptions s USING (customer_id)\nGROUP BY 1 ORDER BY 2 DESC;",
    "WITH firsts AS (SELECT customer_id, min(created_at) AS first_order FROM orders GROUP BY 1)\n"
    "SELECT date_trunc('month', first_order) AS cohort, count(*) FROM firsts GROUP BY 1;",
)
REGEXES = (r"^NW-\d{6}$", r"(?i)\b(e\d{2})\b", r"^(?=.*[A-Z])(?=.*\d).{12,}$", r"(\d{4})-(\d{2})-(\d{2})T")
SLOTS["py_code"] = pick_list(PY_SNIPPETS)
SLOTS["sql"] = pick_list(SQL_SNIPPETS)
SLOTS["regex"] = lambda r, c: r.choice(REGEXES)


def _code(r: Random, c: Ctx) -> str:
    lang = weighted(r, (("Python", 5), ("JavaScript", 2), ("Go", 1.5), ("SQL", 1.5)))
    c.setdefault("lang_code", lang)
    pool = {"Python": PY_SNIPPETS, "JavaScript": JS_SNIPPETS, "Go": GO_SNIPPETS, "SQL": SQL_SNIPPETS}[c["lang_code"]]
    return fill(r.choice(pool), r, c)


SLOTS["code"] = _code
SLOTS["lang_code"] = lambda r, c: r.choice(("Python", "Python", "TypeScript", "Go", "Rust", "Kotlin"))
SLOTS["code_task"] = pick(
    "parses an ISO-8601 duration like PT1H30M into seconds", "retries an HTTP call with exponential backoff and jitter",
    "splits a list into chunks of at most n items", "validates a UK postcode",
    "merges overlapping time ranges", "computes the median of a stream of numbers",
    "converts a CSV file to newline-delimited JSON", "rate-limits calls to 10 per second per API key",
    "returns the top 5 devices by energy use from a list of readings", "checks whether a string is a valid IBAN",
)
SLOTS["sql_request"] = pick(
    "Monthly active devices per plan for the last 6 months.", "Customers who cancelled within 30 days of signing up, with their city.",
    "Top 10 cities by total kWh saved in September.", "Average time between order and delivery per carrier.",
    "Devices that have not reported a reading in the last 48 hours.", "Revenue per plan per week, with week-over-week change.",
)
SLOTS["bash_task"] = pick(
    "deletes log files older than 14 days in /var/log/northwind", "backs up a Postgres database to S3 with a date in the file name",
    "renames all .jpeg files in a folder to .jpg", "checks if a list of hosts respond to ping and prints the ones that don't",
)
SLOTS["stack_trace"] = pick(
    "Traceback (most recent call last):\n  File \"/srv/{{service}}/app/handlers.py\", line 88, in handle_webhook\n"
    "    payload = json.loads(request.body)[\"data\"]\nKeyError: 'data'",
    "Traceback (most recent call last):\n  File \"jobs/{{module}}.py\", line 41, in run\n    total += row[\"kwh\"]\n"
    "TypeError: unsupported operand type(s) for +=: 'int' and 'NoneType'",
    "TypeError: Cannot read properties of undefined (reading 'map')\n    at DeviceList (DeviceList.tsx:23:18)",
    "panic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation]\n"
    "goroutine 17 [running]:\nmain.(*Store).Get(0x0, {0xc00001c0a0, 0x8})\n\t/app/store.go:42 +0x1d",
    "sqlalchemy.exc.IntegrityError: (psycopg.errors.UniqueViolation) duplicate key value violates unique constraint "
    "\"{{table}}_pkey\"",
)
SLOTS["stack_trace_short"] = pick("KeyError: 'data' in handlers.py line 88", "TypeError: Cannot read properties of undefined (reading 'map')",
                                  "AssertionError: expected 3 readings, got 2", "ModuleNotFoundError: No module named '{{module}}_v2'")

# ---- data analysis ---------------------------------------------------------------------------------


def _kpi_table(r: Random, c: Ctx) -> str:
    rows = ["| week | signups | activations | churned | revenue |", "|---|---|---|---|---|"]
    s, rev = r.randrange(800, 3000), r.uniform(80_000, 400_000)
    for w in range(34, 34 + r.randrange(5, 9)):
        s = int(s * r.uniform(0.85, 1.2))
        rev *= r.uniform(0.93, 1.09)
        rows.append(f"| W{w} | {s} | {int(s * r.uniform(0.5, 0.8))} | {r.randrange(40, 300)} | {rev:,.0f} |")
    return "\n".join(rows)


def _region_table(r: Random, c: Ctx) -> str:
    rows = ["region,Apr,May,Jun,Jul,Aug,Sep"]
    for reg in ("UK", "DACH", "Iberia", "Benelux", "Nordics", "North America"):
        v = r.uniform(40, 400)
        vals = []
        for _ in range(6):
            v *= r.uniform(0.88, 1.15)
            vals.append(f"{v:.0f}")
        rows.append(reg + "," + ",".join(vals))
    return "\n".join(rows) + "\n(revenue in k EUR)"


def _ab_table(r: Random, c: Ctx) -> str:
    n1, n2 = r.randrange(4000, 20000), r.randrange(4000, 20000)
    p1, p2 = r.uniform(0.02, 0.08), r.uniform(0.02, 0.08)
    return (f"Experiment: {fill('{{product}}', r, c)} landing page, new hero image\n"
            f"variant,visitors,conversions\ncontrol,{n1},{int(n1 * p1)}\ntreatment,{n2},{int(n2 * p2)}")


def _service_metrics(r: Random, c: Ctx) -> str:
    rows = ["service        p50_ms  p99_ms  error_rate  rps"]
    for s in r.sample(SERVICES, k=5):
        rows.append(f"{s:<14} {r.randrange(8, 120):>6}  {r.randrange(90, 4000):>6}  {r.uniform(0, 6):>9.2f}%  {r.randrange(20, 3000):>4}")
    return "\n".join(rows)


def _log_counts(r: Random, c: Ctx) -> str:
    base = r.randrange(20, 80)
    spike = r.randrange(9, 16)
    return "\n".join(
        f"{h:02d}:00  ERROR={base + (r.randrange(200, 900) if h >= spike else r.randrange(0, 15))}  WARN={r.randrange(50, 200)}"
        for h in range(6, 20)
    )


SLOTS["kpi_table"] = _kpi_table
SLOTS["region_table"] = _region_table
SLOTS["ab_table"] = _ab_table
SLOTS["service_metrics"] = _service_metrics
SLOTS["log_counts"] = _log_counts

# ---- brainstorming -----------------------------------------------------------------------------------

SLOTS["campaign_theme"] = pick("the {{product}} launch in {{season}}", "getting renters to use smart heating",
                               "our 10th birthday", "a referral programme for installers", "winter energy saving")
SLOTS["new_product_desc"] = pick("a plug-in battery for balconies with solar panels", "a smart radiator valve",
                                 "an app feature that compares your usage with similar homes", "a subscription for elderly relatives' homes")
SLOTS["audience"] = pick("young renters", "landlords with many flats", "families with kids", "people working from home", "retirees")
SLOTS["goal"] = pick("save energy without thinking about it", "understand their bill", "share control with housemates",
                     "get set up in under ten minutes")
SLOTS["blog_topic"] = pick("heat pumps", "home batteries", "saving energy in old houses", "smart home privacy", "time-of-use tariffs")

# ---- reasoning ------------------------------------------------------------------------------------------


def _word_problem(r: Random, c: Ctx) -> str:
    kind = r.randrange(6)
    if kind == 0:
        a, b, d = r.randrange(60, 120), r.randrange(70, 130), r.randrange(200, 600)
        return (f"Two delivery vans leave {r.choice(CITIES)} and {r.choice(CITIES)}, {d} km apart, driving towards each "
                f"other at {a} km/h and {b} km/h. One leaves 30 minutes later than the other. When and where do they meet?")
    if kind == 1:
        p, m = r.randrange(8, 25), r.randrange(2, 6)
        return (f"A heater uses {p * 100} W. It runs {m} hours a day at a tariff of 0.{r.randrange(18, 45)} EUR/kWh on "
                f"weekdays and half that at weekends. What does it cost over a 30-day month that starts on a Monday?")
    if kind == 2:
        n = r.randrange(3, 7)
        return (f"We have {n} engineers and need to cover on-call for 13 weeks. Nobody can do two weeks in a row and "
                f"each person must do at least two weeks. How many valid rotations exist if order matters only by week?")
    if kind == 3:
        x = r.randrange(3, 12)
        return (f"A battery charges at {x} kW and discharges at {x + 2} kW, with 92% round-trip efficiency. Starting "
                f"empty, how long must it charge to supply a 2.5 kW load for {x} hours?")
    if kind == 4:
        return (f"I have {r.randrange(3, 9)} red, {r.randrange(3, 9)} blue and {r.randrange(3, 9)} green socks in a "
                "drawer. In the dark, how many must I pull out to be sure of a matching pair, and of two pairs?")
    return (f"A subscription costs {r.randrange(5, 15)} EUR a month or {r.randrange(90, 140)} EUR a year. If 30% of "
            "monthly customers cancel after 4 months on average, which option earns more per customer?")


SLOTS["word_problem"] = _word_problem
SLOTS["schedule_problem"] = pick(
    "Plan interviews for 4 candidates with 3 interviewers. Each candidate needs 2 interviews of 45 minutes with "
    "different interviewers, nobody works past 17:00, {{first}} is only free after 13:00 and there's one room.",
    "We need to migrate 6 services. billing-api must go before checkout, auth-service before everything else, and "
    "no more than two migrations a day. What's the shortest plan?",
    "Four teams share two meeting rooms on {{weekday}}. Each needs a 2-hour block between 9 and 17, Sales and Legal "
    "can't overlap, and Data needs the big room. Propose a schedule.",
)
SLOTS["logic_puzzle"] = pick(
    "Three colleagues, {{first}}, {{first2}} and Sam, each own exactly one of a thermostat, a doorbell and a fan. "
    "{{first}} doesn't own the fan. The doorbell owner sits next to Sam. {{first2}} sits alone. Who owns what?",
    "A box labelled 'sensors', one labelled 'plugs' and one labelled 'mixed' are all labelled wrongly. You may take "
    "one item from one box. How do you relabel all three?",
    "If every hub is online when the router is up, and the router was down at 3am, can we conclude the hubs were offline at 3am?",
)
SLOTS["pricing_problem"] = pick(
    "a device costs 180 EUR and saves 11 EUR a month, but the subscription is 3 EUR a month, after how many months does it pay off?",
    "we give a 15% discount on annual plans and 40% of customers take it, what's the effective average discount?",
)
SLOTS["syllogism"] = pick(
    "All our sensors report hourly. The leak sensor in flat 4 didn't report at 10:00. So it must be broken.",
    "Every customer on Pro has a hub. Jo has a hub. Therefore Jo is on Pro.",
)

# ---- research ---------------------------------------------------------------------------------------------

SOURCE_LINES = (
    "Source A ({{company}} household survey, n={{qty}}00): {{pct}} of respondents changed heating habits after seeing real-time usage; effects faded after six months.",
    "Source B (university field trial, 2025): smart thermostats cut gas use by 8-12% in detached houses but under 3% in flats.",
    "Source C (industry white paper): savings claims of 'up to 30%' rely on homes that previously heated empty rooms all day.",
    "Source D (regulator report): time-of-use tariffs shifted 14% of evening demand, mostly from households with batteries or EVs.",
    "Source E (competitor case study): landlords adopting smart heating saw 40% fewer damp complaints.",
    "Source F (blog, energy analyst): rebound effects mean some users raise the set point once they feel they're saving.",
)
SLOTS["research_topic"] = pick("whether smart thermostats really save energy", "how tariffs change household behaviour",
                               "what drives adoption among landlords", "long-term engagement with energy apps")
SLOTS["sources"] = _lines(SOURCE_LINES, 3, 5)
SLOTS["competitor_reports"] = lambda r, c: "\n\n".join(
    fill(f"Report on {co}: price {{{{amount}}}} per unit, app rating {r.uniform(3.1, 4.8):.1f}, "
         f"{r.randrange(2, 9)} integrations, strong in {r.choice(CITIES)}, weak support reviews.", r, {})
    for co in r.sample(COMPANIES, k=3)
)
SLOTS["abstracts"] = _lines(SOURCE_LINES, 3, 4)
SLOTS["interviews"] = lambda r, c: "\n".join(SLOTS["interview_note"](r, {}) for _ in range(r.randrange(3, 6)))

# ---- legal ----------------------------------------------------------------------------------------------------

CLAUSES = (
    "Limitation of liability. Except for breaches of confidentiality, neither party's aggregate liability under this "
    "Agreement shall exceed the fees paid in the twelve (12) months preceding the claim. Supplier shall not be liable "
    "for loss of data howsoever arising.",
    "Indemnity. Customer shall indemnify, defend and hold harmless Supplier from any third-party claim arising out of "
    "Customer's use of the Services, including claims alleging infringement by Supplier's software.",
    "Term and renewal. This Agreement renews automatically for successive periods of thirty-six (36) months unless "
    "either party gives notice of non-renewal at least one hundred and eighty (180) days before the end of the term.",
    "Data processing. Supplier may engage sub-processors at its discretion and will inform Customer upon request. "
    "Personal data may be transferred to any country where Supplier or its affiliates operate.",
    "Termination for convenience. Supplier may terminate this Agreement at any time on thirty (30) days' notice. "
    "Customer may terminate only for material breach not cured within ninety (90) days.",
    "Audit. Customer may audit Supplier's compliance once per year on sixty (60) days' notice, at Customer's cost, "
    "limited to documents Supplier deems relevant.",
)
SLOTS["clause"] = pick_list(CLAUSES)
SLOTS["renewal_clause"] = lambda r, c: CLAUSES[2]
SLOTS["dpa_clause"] = lambda r, c: CLAUSES[3] + " " + r.choice((
    "Supplier shall notify Customer of a personal data breach within 7 days of becoming aware of it.",
    "Upon termination Supplier will retain Customer personal data for backup purposes for an unlimited period.",
    "Supplier personnel are bound by confidentiality obligations.",
))
SLOTS["contract_name"] = pick("Master Services Agreement", "Hardware Supply Agreement", "Data Processing Addendum", "Reseller Agreement")
SLOTS["clause_no"] = lambda r, c: f"{r.randrange(2, 19)}.{r.randrange(1, 6)}"
SLOTS["policy_text"] = pick(
    "Section 4.2: Customer call recordings are kept for 90 days and then deleted, unless linked to an open complaint, in "
    "which case they are kept until 30 days after the complaint is closed. Section 4.3: Recordings may only be "
    "accessed by the quality team and the agent involved.",
    "Section 7: Employees may use approved AI tools for drafting, but may not paste customer personal data, contract "
    "drafts marked confidential, or source code from restricted repositories into any external service.",
)
SLOTS["policy_q"] = pick("Can we keep a recording for a year if the customer complained?", "Can a team lead listen to recordings?",
                         "Can I paste a customer email into the chatbot to draft a reply?", "Is summarizing a public blog post allowed?")

# ---- architecture -----------------------------------------------------------------------------------------------

SLOTS["design_doc"] = pick(
    "Proposal: move telemetry ingest from a single Postgres instance to Kafka + ClickHouse. Devices send a reading "
    "every 30 s (~{{rps}} msgs/s at peak). A consumer group of 6 writes batches of 5,000 rows. The API reads "
    "aggregates from materialized views. Rollback: dual-write for two weeks.",
    "Design: the billing service calls the tariff service synchronously for every invoice line. Both run 3 replicas "
    "behind one load balancer in one region. Tariffs are cached in-process for 1 hour. Month-end runs generate 2M "
    "invoices in a 4-hour window.",
    "RFC: replace our cron-based firmware rollout with a queue. A scheduler enqueues device ids in waves of 1%, "
    "workers push the update over MQTT and wait for acknowledgement, failures go to a dead-letter queue that pages on-call.",
)
SLOTS["infra_desc"] = pick(
    "One nginx box in front of two app servers, a single Redis for sessions and rate limits, Postgres primary with "
    "one async replica in the same rack, nightly backups to object storage.",
    "Everything runs on one Kubernetes cluster in one zone: API, workers, MQTT broker (single pod with a PVC) and the "
    "metrics stack. DNS is managed by hand.",
)
SLOTS["db_design"] = pick(
    "Table readings(device_id uuid, ts timestamptz, watts int, payload jsonb) with a primary key on (device_id, ts) "
    "and 2 billion rows, growing 15M a day. Queries are mostly last-24h per device and monthly sums per customer.",
    "We store every app event in one 'events' table with a jsonb column and index on (user_id). Analytics queries "
    "filter by event type and date range.",
)
SLOTS["arch_choice"] = pick("splitting the monolith into 12 microservices", "moving from REST to GraphQL for the app",
                            "using DynamoDB instead of Postgres for device state", "putting all services behind a service mesh")

# ---- creative ---------------------------------------------------------------------------------------------------

SLOTS["story_hero"] = pick("a small robot vacuum", "a lighthouse keeper's cat", "a thermostat that wanted to see the sea",
                           "a girl who collects lost socks", "an old radiator in a new flat")
SLOTS["story_event"] = pick("gets lost during a power cut", "makes friends with the moon", "has to keep a family warm during a storm",
                            "discovers a secret room", "learns to whistle")
SLOTS["occasion"] = pick("birthday", "10-year work anniversary", "farewell", "promotion", "first week")
SLOTS["haiku_topic"] = pick("a server room at night", "the first frost", "Monday stand-ups", "a blinking router light", "autumn in {{city}}")
SLOTS["scifi_premise"] = pick("houses can vote", "the power grid becomes self-aware and is very polite",
                              "a colony on Mars runs out of heating credits", "every appliance can talk but only in rhymes")
