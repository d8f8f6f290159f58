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
the category each request was generated for, keyed by the id in the log record),
``KNOWN_BAD_LINES.md`` (the deliberately corrupt lines and why they are bad) and
``feedback.csv`` (``request_id,flag,score``: user feedback, keyed by the id spendscope ingests).

The logs also carry the quality signals spendscope reads (docs/quality.md, and the "Quality
signals" section below): finish reasons with a model-dependent share of cut answers, JSON
asked for and answered (a model-dependent share malformed), retries and overrides (a
request sent again by the same user), a category whose budget-model answers are often
re-sent to the flagship, and a regression on the last two days.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import heapq
import json
import re
import shutil
import sys
import uuid
from collections.abc import Callable, Sequence
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
    d = datetime(2026, 8, 20) + timedelta(days=r.randrange(52))
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
    if "spam_body" in c:
        return c["spam_body"]
    kind = "spam" if r.random() < 0.55 else "legit"
    c.setdefault("answer", kind)
    subj, body = r.choice(SPAM_MAILS[kind])
    c["spam_subject"] = fill(subj, r, c)
    c["sender"] = (
        r.choice(("security@northwind-alerts.example", "billing@inv-0ffice.example", "promo@winners-club.example", "seo.expert@growfast.example"))
        if kind == "spam"
        else fill("{{email}}", r, c)
    )
    c["spam_body"] = fill(body, r, c)
    return c["spam_body"]


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


EN_PARALLEL = ("My thermostat hasn't turned on since yesterday.", "When will my order be delivered?",
               "The app always shows the wrong temperature.", "I want to cancel my subscription.")


def _foreign(r: Random, c: Ctx) -> str:
    code = r.choice(tuple(FOREIGN))
    c.setdefault("answer", code)
    i = r.randrange(len(FOREIGN[code]))
    c["en_parallel"] = EN_PARALLEL[i]
    return FOREIGN[code][i]


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
SLOTS["blog_para"] = lambda r, c: " ".join(fill(s, r, c) for s in r.sample(BLOG_SENTENCES, k=r.randrange(2, 5)))
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
      "when will I get my money back after a return?"),
     ("14 days, if it is undamaged.", "Yes, a 10% restocking fee.", "Within 5 working days of us receiving the item.")),
    ("Warranty: all Northwind devices carry a two-year warranty from the date of delivery. Batteries are covered for "
     "five years or 4,000 cycles, whichever comes first. The warranty does not cover damage from incorrect installation.",
     ("how long is the battery covered?", "does the warranty cover a device I installed wrong?",
      "when does the warranty start?"),
     ("Five years or 4,000 cycles, whichever comes first.", "No, incorrect installation is not covered.",
      "On the date of delivery.")),
    ("Billing: subscriptions renew on the same day each month. You can change your billing date once every 90 days in "
     "Settings > Billing. Annual plans are billed upfront and include two months free.",
     ("how often can I change my billing date?", "do annual plans cost less?", "where do I change the billing date?"),
     ("Once every 90 days.", "Yes, they include two months free.", "In Settings > Billing.")),
    ("Error E47 means the device lost contact with the hub for more than 24 hours. Move the hub closer or add a range "
     "extender. If the light blinks red, hold the button for ten seconds to reset.",
     ("what does E47 mean?", "how do I reset the device?", "what should I do if the light blinks red?"),
     ("The device lost contact with the hub for more than 24 hours.", "Hold the button for ten seconds.",
      "Hold the button for ten seconds to reset it.")),
)


def _kb_article(r: Random, c: Ctx) -> str:
    art, qs, answers = r.choice(KB_ARTICLES)
    i = r.randrange(len(qs))
    c["qa_answer"] = answers[i]
    c["kb_question"] = qs[i].capitalize()
    c["kb_question_lower"] = c["kb_question"][0].lower() + c["kb_question"][1:]
    return art


SLOTS["kb_article"] = _kb_article
SLOTS["kb_question"] = lambda r, c: (_kb_article(r, c), c["kb_question"])[1]
SLOTS["kb_question_lower"] = lambda r, c: (_kb_article(r, c), c["kb_question_lower"])[1]

TRIVIA = (
    ("What's the boiling point of water at sea level in Fahrenheit?", "212°F."),
    ("How many days are there in a leap year?", "366."),
    ("What is the capital of Canada?", "Ottawa."),
    ("Who wrote Frankenstein?", "Mary Shelley."),
    ("How many bytes are in a kibibyte?", "1,024 bytes."),
    ("What does HTTP status 429 mean?", "Too Many Requests: the client is being rate limited."),
    ("Which planet has the shortest year?", "Mercury, about 88 Earth days."),
    ("What's the chemical symbol for tungsten?", "W."),
    ("How many time zones does mainland Australia have?", "Three standard time zones."),
    ("In what year did the Berlin Wall fall?", "1989."),
    ("What unit is electrical energy billed in on a household bill?", "Kilowatt-hours (kWh)."),
    ("What does the acronym VAT stand for?", "Value-added tax."),
    ("How many minutes are in a week?", "10,080."),
    ("What is the square root of 1764?", "42."),
    ("Which ocean is the largest?", "The Pacific."),
    ("What currency does Poland use?", "The złoty (PLN)."),
    ("What's the default port for PostgreSQL?", "5432."),
    ("How many legs does a spider have?", "Eight."),
    ("What is the freezing point of water in Kelvin?", "273.15 K."),
    ("Who painted The Night Watch?", "Rembrandt."),
)


def _trivia(r: Random, c: Ctx) -> str:
    q, a = r.choice(TRIVIA)
    c["qa_answer"] = a
    c["trivia_q_lower"] = q[0].lower() + q[1:]
    return q


SLOTS["trivia_q"] = _trivia
SLOTS["trivia_q_lower"] = lambda r, c: (_trivia(r, c), c["trivia_q_lower"])[1]
SLOTS["order_record"] = lambda r, c: fill(
    '{"order_id": "{{order_id}}", "status": "{{order_status}}", "carrier": "{{carrier}}", "placed": "{{date}}", "items": [{"sku": "NW-{{qty}}", "name": "{{product}}"}], '
    '"total": "{{amount}}"}', r, c
)
ORDER_QA = (("Has it shipped yet?", "Its status is {{order_status}}."), ("Which carrier is delivering it?", "{{carrier}}."),
            ("How much did I pay?", "{{amount}}."), ("When was the order placed?", "On {{date}}."),
            ("What did I order?", "One {{product}}."))


def _order_q(r: Random, c: Ctx) -> str:
    q, a = r.choice(ORDER_QA)
    c["qa_answer"] = fill(a, r, c)
    return q


SLOTS["order_q"] = _order_q
SLOTS["order_status"] = lambda r, c: r.choice(("shipped", "processing", "delivered", "returned"))

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


SLOTS["support_thread"] = _lines(THREAD_LINES, 4, 6)
SLOTS["meeting_notes"] = _lines(MEETING_LINES, 4, 6)
SLOTS["incident_report"] = lambda r, c: fill("Incident report: {{service}} outage\n", r, c) + _lines(INCIDENT_LINES, 4, 6)(r, c)
SLOTS["long_doc"] = lambda r, c: r.choice((SLOTS["meeting_notes"], SLOTS["incident_report"], _lines(DOC_LINES, 4, 6)))(r, c)
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
    if "code" in c:
        return c["code"]
    lang = weighted(r, (("Python", 5), ("JavaScript", 2), ("Go", 1.5), ("SQL", 1.5)))
    c["code_lang"] = lang
    pool = {"Python": PY_SNIPPETS, "JavaScript": JS_SNIPPETS, "Go": GO_SNIPPETS, "SQL": SQL_SNIPPETS}[lang]
    c["code"] = fill(r.choice(pool), r, c)
    return c["code"]


SLOTS["code"] = _code
SLOTS["code_lang"] = lambda r, c: (_code(r, c), c["code_lang"])[1]
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
SLOTS["sources"] = _lines(SOURCE_LINES, 3, 4)
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


# --------------------------------------------------------------------------------------
# Prompt templates. "api": (fixed system prompt, user message with slots) pairs, the way a
# product calls a model. "chat": a person typing into an assistant (no or a short system
# prompt). `chat` and `agentic` are built separately (multi-turn and tool loops).
# --------------------------------------------------------------------------------------

API = "api"
CHAT = "chat"

TEMPLATES: dict[str, dict[str, list[Any]]] = {
    "classification": {
        API: [
            ("You are the triage step of Northwind Labs' support desk. Assign the ticket to exactly one queue. Queues: "
             "billing, shipping, account, technical, returns. Answer with the queue name only, lowercase, no punctuation.",
             "Ticket #{{ticket_id}}\nSubject: {{ticket_subject}}\n\n{{ticket}}"),
            ("Classify the customer's intent. Allowed labels: cancel_subscription, upgrade_plan, report_bug, "
             "request_refund, ask_question, give_feedback. Reply with a JSON object {\"intent\": <label>}.",
             "Message from customer:\n\"\"\"{{intent_msg}}\"\"\""),
            ("You label incoming documents for the finance inbox.",
             "Which type is this document? Choose one of: invoice, receipt, purchase_order, contract, bank_statement, "
             "other.\n\n---\n{{doc_snippet}}\n---\nType:"),
            ("You decide whether a support ticket needs escalation to a human supervisor. Escalate when the customer "
             "threatens to leave, mentions safety or has contacted us three or more times. Output only YES or NO.",
             "Customer tier: {{tier}}\nPrevious contacts: {{n_contacts}}\n\n{{ticket}}"),
            ("You are a topic tagger for the product feedback board. Categories: app_ux, hardware, pricing, "
             "integrations, energy_reports, installation, other. Return the single best category.",
             "Feedback: {{feedback}}"),
            ("Assign a priority to internal IT requests. P1 = business down, P2 = one person blocked, P3 = degraded, "
             "P4 = request. Reply with the priority code only.",
             "{{it_request}}"),
        ],
        CHAT: [
            "Is this email about billing, shipping or a technical issue? Just tell me which one.\n\n{{ticket}}",
            "categorize these expenses into travel / software / office supplies / meals:\n{{expense_lines}}",
            "Which department should handle this, HR, IT, Facilities or Finance? \"{{it_request}}\"",
            "quick q - would you file this bug under frontend, backend or infra? {{bug_report}}",
        ],
    },
    "sentiment_analysis": {
        API: [
            ("You are a sentiment classifier for product reviews. Respond with exactly one word: positive, negative, "
             "neutral or mixed.",
             "Review of {{product}} ({{stars}} stars): {{review}}"),
            ("Score the emotional tone of customer messages for the CX dashboard. Output JSON: {\"sentiment\": "
             "\"positive|negative|neutral\", \"score\": -1.0..1.0, \"emotion\": \"anger|frustration|joy|confusion|neutral\"}.",
             "{{ticket}}"),
            ("Sentiment analysis service for the quarterly NPS survey. Label each comment.",
             "NPS survey comment (score {{nps}}/10): \"{{review}}\"\nLabel (positive/negative/neutral):"),
            ("Detect the tone of social media posts about our brand: positive, negative or neutral.",
             "Post: {{tweet}}"),
        ],
        CHAT: [
            "How does this customer feel about us, positive or negative?\n\n{{review}}",
            "what's the overall sentiment of these app store reviews?\n{{review_list}}",
            "Is the tone of this message angry or just impatient? \"{{ticket_short}}\"",
        ],
    },
    "spam_detection": {
        API: [
            ("You are the content moderation filter for the Northwind community forum. Reply with one of: ok, spam, "
             "abusive, self_promotion.",
             "Post by {{username}}:\n{{forum_post}}"),
            ("Determine whether the inbound email is spam or phishing. Answer JSON {\"spam\": true|false, \"reason\": "
             "\"<max 10 words>\"}.",
             "From: {{sender}}\nSubject: {{spam_subject}}\n\n{{spam_body}}"),
            ("Policy check for product reviews before publication. Flag reviews that contain ads, links, hate or "
             "harassment. Output PASS or FLAG.",
             "{{review_or_spam}}"),
        ],
        CHAT: [
            "is this message a scam? got it this morning:\n\n{{spam_body}}",
            "Would you consider this comment abusive enough to remove from our forum? \"{{forum_post}}\"",
            "Spam or legit? {{spam_subject}} - {{spam_body}}",
        ],
    },
    "language_detection": {
        API: [
            ("Identify the language of the text. Reply with the ISO 639-1 code only.", "{{foreign}}"),
            ("You route tickets to regional support teams based on the language the customer wrote in. Return JSON "
             "{\"language\": <ISO 639-1>, \"confidence\": 0..1}.",
             "Ticket text:\n{{foreign}}"),
            ("Language identification step of the translation-memory importer.",
             "Which language is this segment in? Answer with the English name of the language.\n\nSegment: {{foreign}}"),
        ],
        CHAT: [
            "what language is this? \"{{foreign}}\"",
            "A customer wrote \"{{foreign}}\" - do you know which language that is?",
            "Can you tell which language this review was written in: {{foreign}}",
        ],
    },
    "pii_detection": {
        API: [
            ("Redact all personal data (names, emails, phone numbers, postal addresses, dates of birth, national ids, "
             "card and bank account numbers) from the text. Replace each item with a tag like [NAME], [EMAIL], "
             "[PHONE], [ADDRESS], [DOB], [ID], [CARD], [IBAN]. Return only the redacted text.",
             "{{pii_text}}"),
            ("You are a PII detector. List every piece of personal information in the input as a JSON array of "
             "{\"type\": ..., \"value\": ...}. Return [] if there is none.",
             "{{pii_text}}"),
            ("Before call notes are stored, check them for personal information under the data retention policy. "
             "Reply CONTAINS_PII or CLEAN, then list the spans.",
             "Call note:\n{{pii_text}}"),
        ],
        CHAT: [
            "Can you scrub the personal info out of this before I paste it into Jira?\n\n{{pii_text}}",
            "does this text contain any PII? {{pii_text}}",
            "Please anonymize the customer details in this note: {{pii_text}}",
        ],
    },
    "entity_extraction": {
        API: [
            ("Extract these fields from the invoice and answer with JSON only: vendor, invoice_number, invoice_date "
             "(YYYY-MM-DD), due_date, currency, total_amount, line_items[{description, quantity, unit_price}].",
             "{{invoice}}"),
            ("From the shipping notification, extract carrier, tracking_number, order_id, estimated_delivery and "
             "destination_city. Use null for missing values. JSON output.",
             "{{shipping_notice}}"),
            ("You turn free-text meeting requests into calendar entries. Extract attendees, date, start_time, "
             "duration_minutes, location and topic as JSON.",
             "{{meeting_request}}"),
            ("Extract named entities (PERSON, ORG, LOCATION, DATE, MONEY) from the news snippet. Output a JSON list of "
             "{\"text\", \"label\"}.",
             "{{news_snippet}}"),
            ("Parse job application emails into: full_name, email, phone, months_experience, current_employer, "
             "desired_role. JSON only.",
             "{{job_email}}"),
        ],
        CHAT: [
            "pull out the order number, the amount and the date from this email pls\n\n{{invoice_email}}",
            "Can you make a table of all the people and companies mentioned here? {{news_snippet}}",
            "What's the tracking number and carrier in this message? {{shipping_notice}}",
        ],
    },
    "keyword_extraction": {
        API: [
            ("Generate SEO keywords for product pages. Return 5-10 comma-separated lowercase keywords, most important first.",
             "Product: {{product}}\nDescription: {{product_blurb}}"),
            ("Extract the key phrases from the help article for the search index. JSON array of strings, max 8.",
             "Title: {{kb_title}}\n\n{{kb_body}}"),
            ("Tag blog posts with up to 6 tags. Output the tags separated by semicolons.", "{{blog_para}}"),
        ],
        CHAT: [
            "give me the main keywords in this paragraph: {{blog_para}}",
            "What tags would you put on this support ticket? {{ticket}}",
            "Pull 5 key phrases out of this customer interview note: {{interview_note}}",
        ],
    },
    "format_conversion": {
        API: [
            ("Convert CSV to a JSON array of objects. Use the header row as keys; numbers stay numbers. Output JSON only.",
             "{{csv_block}}"),
            ("Convert the JSON document to YAML. Keep the key order. No commentary.", "{{json_block}}"),
            ("Reformat the key: value list into a markdown table with the columns Field and Value.", "{{kv_block}}"),
            ("Normalize the dates in each line to ISO 8601 (YYYY-MM-DD). Keep everything else unchanged.", "{{date_lines}}"),
            ("Convert the XML record to a flat JSON object; attributes become keys prefixed with the element name.",
             "{{xml_block}}"),
        ],
        CHAT: [
            "turn this into a markdown table please\n{{csv_block}}",
            "Can you convert this JSON to CSV? {{json_block}}",
            "reformat as YAML:\n{{json_block}}",
        ],
    },
    "translation": {
        API: [
            ("You are Northwind's localization engine. Translate the text into the target language given on the first "
             "line. Keep product names and placeholders like {name} unchanged. Output only the translation.",
             "Target: {{lang}}\n\n{{en_text}}"),
            ("Translate the customer's message into English. Return only the translation.", "{{foreign}}"),
            ("Translate UI strings for the mobile app. Input: a locale and a JSON object of key -> English string. "
             "Output the same keys with translated values.",
             "Locale: {{locale}}\n{{ui_strings_json}}"),
        ],
        CHAT: [
            "how do you say \"{{en_short}}\" in {{lang}}?",
            "Translate this into {{lang}} for me: {{en_text}}",
            "can you put this into English? {{foreign}}",
        ],
    },
    "simple_qa": {
        API: [
            ("You are the Northwind help-centre bot. Answer the question using only the article provided. If the "
             "answer is not in the article, say \"I don't know\". Keep answers under 40 words.",
             "Article: {{kb_article}}\n\nQuestion: {{kb_question}}"),
            ("Answer with a single short fact, no explanation.", "{{trivia_q}}"),
            ("Answer the customer's question about their order using the order record.",
             "Order record: {{order_record}}\n\nQuestion: {{order_q}}"),
        ],
        CHAT: [
            "{{trivia_q}}",
            "quick question: {{trivia_q_lower}}",
            "{{kb_article}}\n\nBased on the text above, {{kb_question_lower}}",
        ],
    },
    "summarization": {
        API: [
            ("Summarize the support conversation for the next agent in three bullet points: problem, what was tried, "
             "next step.",
             "{{support_thread}}"),
            ("You write TL;DRs of meeting transcripts for people who missed the meeting. At most 5 bullets, then "
             "action items with owners.",
             "Meeting: {{meeting_title}}\nDate: {{date}}\n\n{{meeting_notes}}"),
            ("Summarize the incident report in one paragraph for the weekly reliability review.", "{{incident_report}}"),
            ("Condense the document into an executive summary of at most 120 words.", "{{long_doc}}"),
        ],
        CHAT: [
            "tl;dr this please:\n\n{{long_doc}}",
            "Can you summarize these meeting notes? {{meeting_notes}}",
            "Give me the gist of this thread in two sentences:\n{{support_thread}}",
        ],
    },
    "email_drafting": {
        API: [
            ("You draft replies for Northwind support agents. Tone: warm, concise, no jargon. Sign off as \"The "
             "Northwind Team\". Never promise a refund unless the agent notes say it was approved.",
             "Customer name: {{first}}\nTicket:\n{{ticket}}\n\nAgent notes: {{agent_note}}\n\nWrite the reply."),
            ("Write a transactional notification email. Subject line first, then the body. Under 120 words.",
             "Event: {{notif_event}}\nCustomer: {{fullname}}\nDetails: {{notif_details}}"),
            ("You help account managers write follow-up emails after sales calls.",
             "Write a follow-up to {{fullname}} at {{company}}. We discussed {{sales_topic}}. Next step: {{next_step}}."),
        ],
        CHAT: [
            "Write an email to {{fullname}} asking to move our {{weekday}} meeting to {{weekday2}} afternoon.",
            "help me reply to this customer, they're upset: {{ticket_short}}",
            "Draft a polite email to our landlord about the broken heating in the {{city}} office.",
            "can you write a short message to the team announcing that {{announcement}}?",
        ],
    },
    "content_editing": {
        API: [
            ("You are an editor. Proofread the text: fix spelling, grammar and punctuation without changing the "
             "meaning. Return the corrected text only.",
             "{{typo_para}}"),
            ("Rewrite the text in a more formal, professional tone suitable for enterprise customers.", "{{casual_para}}"),
            ("Shorten the copy to the word limit given while keeping the key message and the brand voice.",
             "Max words: {{n_words}}\n\n{{marketing_para}}"),
            ("Rewrite product copy to match the Northwind style guide: second person, active voice, no exclamation "
             "marks, British spelling.",
             "{{marketing_para}}"),
        ],
        CHAT: [
            "can you make this sound less passive aggressive? {{casual_para}}",
            "proofread this for me: {{typo_para}}",
            "Rewrite this paragraph so it sounds friendlier: {{formal_para}}",
        ],
    },
    "code_explanation": {
        API: [
            ("You are a senior engineer doing code review. Point out bugs, edge cases and style issues. Be concise and "
             "use bullet points.",
             "Review this {{code_lang}} code:\n```\n{{code}}\n```"),
            ("Explain code to a new team member in plain English. Start with a one-sentence summary.",
             "```\n{{code}}\n```"),
            ("Write a Google-style docstring for the function. Return only the docstring.", "{{py_code}}"),
        ],
        CHAT: [
            "what does this do?\n```\n{{code}}\n```",
            "Can someone explain this regex to me: {{regex}}",
            "Why does this function return None sometimes?\n{{py_code}}",
            "explain this SQL query line by line:\n{{sql}}",
        ],
    },
    "data_analysis": {
        API: [
            ("You are a data analyst. Look at the weekly KPI table and write 3-5 insights, each with the numbers that "
             "support it.",
             "{{kpi_table}}"),
            ("Analyze A/B test results. Say which variant wins, whether the difference is significant, and what to do next.",
             "{{ab_table}}"),
            ("Given per-service latency and error metrics, identify anomalies and likely causes.", "{{service_metrics}}"),
        ],
        CHAT: [
            "here's our revenue by region for the last 6 months, what trends do you see?\n{{region_table}}",
            "Which weeks look off in this table and why might that be?\n{{kpi_table}}",
            "Can you analyze these hourly log counts and tell me when the spike started?\n{{log_counts}}",
        ],
    },
    "brainstorming": {
        API: [
            ("You are a creative strategist for Northwind Labs' marketing team. Produce numbered idea lists; each idea "
             "has a title and one sentence.",
             "Give me {{n}} campaign ideas for {{campaign_theme}}."),
            ("Suggest product names. Output a bulleted list with a short rationale for each.",
             "Product: {{new_product_desc}}. Audience: {{audience}}. {{n}} options."),
            ("Help product managers brainstorm feature ideas.",
             "List {{n}} feature ideas that would help {{audience}} {{goal}}."),
        ],
        CHAT: [
            "ideas for a team offsite in {{city}}? we're about {{n2}} people",
            "what are some fun names for our internal hackathon?",
            "Suggest {{n}} blog post topics about {{blog_topic}}",
            "brainstorm ways we could reduce churn on the {{plan}} plan",
        ],
    },
    "open_qa": {
        API: [
            ("You are Nora, Northwind Labs' internal knowledge assistant. Answer general questions clearly and suggest "
             "where to learn more.",
             "{{howto_q}}"),
            ("You explain technical concepts to non-technical colleagues in under 200 words.", "{{concept_q}}"),
            ("Answer employee questions about workplace topics. If it is about a Northwind-specific policy, tell them "
             "to check the intranet.",
             "{{work_q}}"),
        ],
        CHAT: ["{{howto_q}}", "{{concept_q}}", "why {{why_q}}?", "{{work_q}}"],
    },
    "code_generation": {
        API: [
            ("You are a coding assistant. Return only code in a single fenced block, with brief comments.",
             "Write a {{lang_code}} function that {{code_task}}."),
            ("You write PostgreSQL for the analytics warehouse. Tables: customers(customer_id, city, plan, created_at), "
             "subscriptions(customer_id, plan, started_at, cancelled_at), devices(device_id, customer_id, model), "
             "readings(device_id, ts, watts), orders(order_id, customer_id, created_at, delivered_at, carrier, total). "
             "Return one SQL query, no explanation.",
             "{{sql_request}}"),
            ("You fix bugs. Given an error and the code, explain the cause in one sentence and return the corrected code.",
             "Error:\n{{stack_trace}}\n\nCode:\n{{py_code}}"),
            ("Write pytest unit tests for the given function. Cover edge cases.", "{{py_code}}"),
        ],
        CHAT: [
            "write a bash script that {{bash_task}}",
            "How do I write something that {{code_task}} in {{lang_code}}? show code",
            "getting this error, can you fix it?\n{{stack_trace}}",
            "refactor this to be more readable:\n{{code}}",
        ],
    },
    "reasoning": {
        API: [
            ("Solve the problem step by step, then give the final answer on its own line prefixed with 'Answer:'.",
             "{{word_problem}}"),
            ("You are a planning assistant. Work through every constraint before proposing a schedule.",
             "{{schedule_problem}}"),
            ("Logic puzzle solver. Show your reasoning, then the solution.", "{{logic_puzzle}}"),
        ],
        CHAT: [
            "{{word_problem}} can you walk me through it?",
            "If {{pricing_problem}}",
            "Is this argument valid? {{syllogism}}",
            "{{logic_puzzle}}",
        ],
    },
    "research_synthesis": {
        API: [
            ("You are a research analyst. Synthesize the sources into a brief: key findings, points of agreement, "
             "contradictions, gaps. Cite sources by their letter.",
             "Topic: {{research_topic}}\n\n{{sources}}"),
            ("Compare the competitor reports and produce a comparison table plus a recommendation for Northwind.",
             "{{competitor_reports}}"),
            ("Write a literature review paragraph from the study summaries below.", "{{abstracts}}"),
        ],
        CHAT: [
            "I pasted a few sources below about {{research_topic}}. Can you compare what they say and tell me where "
            "they disagree?\n\n{{sources}}",
            "Combine these customer interview notes into a report of the main themes:\n{{interviews}}",
            "Here are three competitor write-ups, what's the overall picture?\n{{competitor_reports}}",
        ],
    },
    "legal_analysis": {
        API: [
            ("You are ClauseCheck, the contract review assistant of Northwind Labs' legal team. For each clause: "
             "summarize the obligation, flag the risks for Northwind as the buyer, and suggest a fallback position. "
             "This is not legal advice.",
             "Contract: {{contract_name}} with {{company}}\nClause {{clause_no}}:\n{{clause}}"),
            ("Assess data processing terms against the GDPR Article 28 processor requirements. For each requirement "
             "say met, partially met or missing.",
             "{{dpa_clause}}"),
            ("Answer the compliance question about the policy text. Quote the relevant section.",
             "Policy:\n{{policy_text}}\n\nQuestion: {{policy_q}}"),
        ],
        CHAT: [
            "Does this clause mean we're liable if their servers get hacked? {{clause}}",
            "is this auto-renewal clause enforceable? {{renewal_clause}}",
            "our vendor sent this indemnity clause, anything I should push back on?\n{{clause}}",
        ],
    },
    "architecture_review": {
        API: [
            ("You are a principal engineer running design reviews. Assess the proposal for scalability, reliability, "
             "security and cost. End with a verdict: approve, approve with changes, or rework.",
             "{{design_doc}}"),
            ("Review the infrastructure description for single points of failure and rank them by risk.", "{{infra_desc}}"),
            ("Evaluate the proposed database design for the expected load and query patterns.", "{{db_design}}"),
        ],
        CHAT: [
            "We're thinking of {{arch_choice}}. Good idea at {{rps}} requests per second?",
            "here's our current setup: {{infra_desc}} What would break first if traffic 10x'd?",
            "design review please:\n{{design_doc}}",
        ],
    },
    "creative_writing": {
        API: [
            ("You write in the Northwind brand voice: warm, a little witty, never pushy, no exclamation marks.",
             "Write {{n}} slogan options for the {{product}} launch in {{season}}."),
            ("You are a children's story writer.", "Write a short bedtime story about {{story_hero}} who {{story_event}}."),
            ("Write short poems for internal celebration cards.",
             "A poem for {{first}}'s {{occasion}}. They work in {{team}} and love {{hobby}}."),
            ("You write product stories for the Northwind blog.",
             "Write a 100-word story about the {{product}} set in a {{city}} flat on a winter evening."),
        ],
        CHAT: [
            "write me a haiku about {{haiku_topic}}",
            "Can you write a limerick about our {{product}}?",
            "write a short sci-fi story where {{scifi_premise}}",
        ],
    },
    "other": {
        API: [
            ("You are a helpful assistant.", "{{other_msg}}"),
            ("healthcheck", "ping"),
            ("Respond with OK.", "test"),
        ],
        CHAT: ["{{other_msg}}"],
    },
}

SLOTS["other_msg"] = pick(
    "test", "hello", "hi are you there", "asdf", "?", "ok thanks", "Thanks!", "1", "continue", "lol", "testing 123",
    ".", "sure", "undefined", "null", "Hello world", "can you hear me", "hmm", "nvm", "ok", "👍",
)

SHORT_SYSTEMS = ("You are a helpful assistant.", "You are Nora, Northwind Labs' internal assistant. Be concise.",
                 "You are a helpful assistant. Answer in the user's language.")

# ---- chat: persona system prompts and multi-turn conversations -------------------------------------

PERSONAS = {
    "nora": "You are Nora, Northwind Labs' friendly internal assistant. You are upbeat and concise, and you ask a "
            "clarifying question when a request is ambiguous. Never invent company policy.",
    "pip": "You are Pip, the onboarding buddy for new Northwind employees. Keep a casual tone, use short answers and "
           "point people to the right team when you don't know something.",
    "ada": "You are Coach Ada, a supportive career coach. Encourage reflection with open questions. Do not give "
           "medical, legal or financial advice.",
    "sol": "You are Sol, the in-app energy companion for Northwind customers. Be practical and friendly, give concrete "
           "tips, and never recommend products from other brands.",
    "max": "You are Max, a Spanish conversation partner. Reply mostly in simple Spanish, then correct one mistake "
           "from the learner's last message in English.",
}
# (personas, [u1, a1, u2, a2, u3, (a3, u4)])
CONVERSATIONS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("nora", "pip"), (
        "I'm going to {{city}} for a long weekend, any tips?",
        "Nice! What do you enjoy most when you travel: food, museums, walking, or something else?",
        "Mostly food and walking. We're two adults, no car.",
        "Then base yourselves near the old town and plan one food market morning and one long riverside walk. Want a day-by-day outline?",
        "Yes please, and we arrive Friday evening.",
        "Friday: dinner near the hotel. Saturday: market, then a walking route. Sunday: a slow brunch and a museum if it rains.",
        "Can you swap the museum for something outdoors?",
    )),
    (("ada",), (
        "I have my performance review next week and I'm nervous.",
        "That's very normal. What are you most worried the conversation will be about?",
        "That my manager thinks I was slow on the {{module}} project.",
        "Was there anything outside your control that slowed it down, and did you flag it at the time?",
        "Yes, the vendor changed their API twice. I did mention it in stand-ups.",
        "Then you can frame it as a risk you surfaced early. How would you say that in one sentence?",
        "Something like: I flagged the vendor changes early and we still shipped?",
    )),
    (("pip",), (
        "hey, first day here, how do I submit expenses?",
        "Welcome aboard! Expenses go through the finance portal. Have you got your login yet?",
        "yes I do. do I need receipts for everything?",
        "For anything over 25 EUR, yes. Snap a photo in the app and it attaches automatically.",
        "cool. and who approves them?",
        "Your manager approves first, then finance does a monthly check.",
        "what if my manager is on holiday?",
    )),
    (("sol",), (
        "My energy bill doubled this month, why?",
        "Sorry to hear that. Did anything change at home, like guests, a new appliance or the weather getting colder?",
        "It got colder and my partner works from home now.",
        "That explains a big part: heating during the day adds up fast. Is the {{product}} on a schedule?",
        "It's on the default schedule I think.",
        "The default heats the whole day on weekdays. Try 19 degrees in the home office only and 16 elsewhere.",
        "How much would that save roughly?",
    )),
    (("nora",), (
        "I'm cooking for six on Saturday and one of them is vegetarian. Ideas?",
        "Lovely! Would you rather make one dish everyone eats or a main with a vegetarian version?",
        "One dish for everyone, nothing too fancy.",
        "A big tray of roasted vegetable lasagne works well and can be made ahead. Want a shopping list?",
        "Yes, and a simple dessert too.",
        "Here is a list for the lasagne, plus a lemon posset, which needs just cream, sugar and lemons.",
        "How long does the posset need to set?",
    )),
    (("max",), (
        "Hola Max! Quiero practicar pedir un café.",
        "¡Hola! Muy bien. Yo soy el camarero. ¿Qué te pongo?",
        "Yo quiero un café con leche y un croissant, por favor.",
        "¡Perfecto! ¿Para tomar aquí o para llevar? (Tip: 'quisiera' sounds a bit more polite than 'yo quiero'.)",
        "Para llevar. ¿Cuánto es?",
        "Son cuatro euros con veinte. ¿Pagas con tarjeta?",
        "Sí, con tarjeta. ¿Cómo digo 'keep the change'?",
    )),
    (("nora", "pip"), (
        "I need a new laptop for data work, Mac or Windows?",
        "Both can work. Which tools do you use most: Python, Excel, Tableau, something else?",
        "Python and a lot of Excel. Some Docker.",
        "Then either is fine; IT supports both. Memory matters more than the OS for Docker. Go for 32 GB.",
        "IT offers 16 or 32, is 32 worth waiting two weeks for?",
        "If you run containers and big notebooks daily, yes. If not, 16 GB now and request an upgrade later.",
        "ok 32 it is. how do I order it?",
    )),
    (("ada",), (
        "A colleague keeps interrupting me in meetings. How should I handle it?",
        "That sounds frustrating. Does it happen with everyone, or mostly with you?",
        "Mostly me, I think, and mostly in the {{team}} sync.",
        "Would you feel comfortable talking to them one-on-one first, before involving anyone else?",
        "Maybe, but I don't want it to get awkward.",
        "You could keep it about the meeting, not the person. For example: I'd like to finish my point before we discuss it.",
        "And if that doesn't work?",
    )),
    (("sol",), (
        "Is it cheaper to leave the heating on low all day or turn it off when I'm out?",
        "For most homes, turning it down while you're out saves more. How long are you usually away?",
        "About nine hours on weekdays.",
        "Then set the {{product}} to 15 degrees while you're out and to warm up 30 minutes before you're back.",
        "Won't it use a lot to heat up again?",
        "A little, but less than keeping the whole house warm for nine hours.",
        "And at night?",
    )),
)

# ---- agentic: tool sets and tasks (generic form; converted per provider) -------------------------------

TOOLSETS: dict[str, list[dict[str, Any]]] = {
    "ops": [
        {"name": "search_logs", "description": "Search service logs. Returns up to 50 matching lines.",
         "params": {"query": ("string", "Search expression"), "service": ("string", "Service name"),
                    "since": ("string", "ISO timestamp or relative like 1h")}, "required": ["query"]},
        {"name": "get_metrics", "description": "Read a time series metric for a service.",
         "params": {"service": ("string", "Service name"), "metric": ("string", "p99_latency, error_rate or rps"),
                    "window": ("string", "Time window, e.g. 6h")}, "required": ["service", "metric"]},
        {"name": "restart_service", "description": "Rolling restart of a deployment. Requires approval in prod.",
         "params": {"service": ("string", "Service name"), "env": ("string", "staging or prod")}, "required": ["service", "env"]},
        {"name": "create_incident", "description": "Open an incident in the incident tracker.",
         "params": {"title": ("string", "Short title"), "severity": ("string", "SEV1-SEV4"),
                    "summary": ("string", "What is happening")}, "required": ["title", "severity"]},
    ],
    "support": [
        {"name": "lookup_order", "description": "Fetch an order by id.",
         "params": {"order_id": ("string", "Order id like NW-123456")}, "required": ["order_id"]},
        {"name": "get_customer", "description": "Find a customer by email.",
         "params": {"email": ("string", "Customer email")}, "required": ["email"]},
        {"name": "issue_refund", "description": "Refund all or part of an order.",
         "params": {"order_id": ("string", "Order id"), "amount": ("number", "Amount in order currency"),
                    "reason": ("string", "Reason code")}, "required": ["order_id", "amount"]},
        {"name": "send_email", "description": "Send an email to the customer from the support address.",
         "params": {"to": ("string", "Recipient"), "subject": ("string", "Subject"), "body": ("string", "Plain-text body")},
         "required": ["to", "subject", "body"]},
    ],
    "data": [
        {"name": "list_tables", "description": "List warehouse tables.", "params": {}, "required": []},
        {"name": "describe_table", "description": "Columns and types of a table.",
         "params": {"name": ("string", "Table name")}, "required": ["name"]},
        {"name": "run_sql", "description": "Run a read-only SQL query. Returns at most 200 rows as CSV.",
         "params": {"query": ("string", "SQL")}, "required": ["query"]},
    ],
    "research": [
        {"name": "web_search", "description": "Search the web. Returns titles, urls and snippets.",
         "params": {"query": ("string", "Search query")}, "required": ["query"]},
        {"name": "fetch_url", "description": "Fetch a web page and return its text.",
         "params": {"url": ("string", "URL")}, "required": ["url"]},
    ],
}
AGENT_SYSTEMS = {
    "ops": "You are OpsAgent, Northwind's on-call assistant. Investigate alerts with the tools provided, prefer read-only "
           "tools, and never restart production services without stating why. Finish with a short summary for the on-call engineer.",
    "support": "You are the Northwind support agent. Use the tools to look up orders and customers. Refunds over 200 EUR "
               "need a human: explain instead of refunding. Always email the customer at the end.",
    "data": "You are the DataHub analyst agent. Explore the warehouse with the tools and answer with numbers. Only run "
            "read-only queries and keep them small.",
    "research": "You are a research agent. Use web_search and fetch_url to gather facts, then answer with sources.",
}
# (toolset, task template, [(tool name, args template dict, result template)])
AGENT_TASKS: tuple[tuple[str, str, tuple[tuple[str, dict[str, str], str], ...]], ...] = (
    ("ops", "Alert: error rate on {{service}} above 5% for 10 minutes. Investigate.", (
        ("get_metrics", {"service": "{{service}}", "metric": "error_rate", "window": "6h"},
         "error_rate: 0.4% until 13:50, then 6.8% (peak 9.1% at 14:05)"),
        ("search_logs", {"query": "level:error", "service": "{{service}}", "since": "1h"},
         "14:02:11 ERROR upstream connect error to {{service2}}: connection refused (x412)"),
        ("get_metrics", {"service": "{{service2}}", "metric": "rps", "window": "1h"},
         "rps dropped from 850 to 0 at 13:49; 0 healthy pods"),
    )),
    ("ops", "Customers report slow app loading since this morning. Check what's going on.", (
        ("get_metrics", {"service": "{{service}}", "metric": "p99_latency", "window": "12h"},
         "p99 latency 180 ms overnight, 2,400 ms since 07:30"),
        ("search_logs", {"query": "slow query", "service": "{{service}}", "since": "3h"},
         "07:31:02 WARN slow query 2310ms: SELECT * FROM readings WHERE customer_id = $1"),
    )),
    ("support", "Customer {{email}} says order {{order_id}} never arrived and wants a refund.", (
        ("get_customer", {"email": "{{email}}"}, "{\"customer_id\": \"c_{{card4}}\", \"name\": \"{{fullname}}\", \"plan\": \"{{plan}}\"}"),
        ("lookup_order", {"order_id": "{{order_id}}"},
         "{\"status\": \"shipped\", \"carrier\": \"{{carrier}}\", \"total\": \"{{amount}}\", \"last_scan\": \"{{date}}\"}"),
        ("issue_refund", {"order_id": "{{order_id}}", "amount": "{{amount}}", "reason": "lost_in_transit"},
         "{\"refund_id\": \"rf_{{card4}}\", \"status\": \"pending\"}"),
    )),
    ("support", "Please check why {{email}} was charged twice and fix it.", (
        ("get_customer", {"email": "{{email}}"}, "{\"customer_id\": \"c_{{card4}}\", \"name\": \"{{fullname}}\"}"),
        ("lookup_order", {"order_id": "{{order_id}}"}, "{\"payments\": [\"{{amount}} captured {{date}}\", \"{{amount}} captured {{date}}\"]}"),
    )),
    ("data", "How many devices were activated per week in September, split by plan?", (
        ("list_tables", {}, "customers, subscriptions, devices, readings, orders, activations"),
        ("describe_table", {"name": "activations"}, "device_id uuid, customer_id uuid, activated_at timestamptz, plan text"),
        ("run_sql", {"query": "SELECT date_trunc('week', activated_at) w, plan, count(*) FROM activations "
                              "WHERE activated_at >= '2026-09-01' AND activated_at < '2026-10-01' GROUP BY 1, 2"},
         "w,plan,count\n2026-08-31,Basic,1204\n2026-08-31,Pro,388\n2026-09-07,Basic,1310\n..."),
    )),
    ("data", "Which city had the biggest drop in average daily kWh last month?", (
        ("describe_table", {"name": "readings"}, "device_id uuid, ts timestamptz, watts int"),
        ("run_sql", {"query": "SELECT c.city, avg(r.watts) FROM readings r JOIN devices d USING (device_id) "
                              "JOIN customers c USING (customer_id) GROUP BY 1"},
         "city,avg\n{{city}},412\n{{city2}},388\n..."),
    )),
    ("research", "Find out which EU countries offer subsidies for home batteries in 2026 and summarize them.", (
        ("web_search", {"query": "home battery subsidy 2026 EU countries"},
         "1. Battery grants 2026 overview - energy-policy.example ...\n2. Subsidy tracker - gridwatch.example ..."),
        ("fetch_url", {"url": "https://energy-policy.example/battery-grants-2026"},
         "Several member states run grant schemes; amounts range from 300 to 3,000 EUR per household ..."),
    )),
    ("research", "What are the latest firmware security guidelines for consumer IoT devices? I need a checklist.", (
        ("web_search", {"query": "consumer IoT firmware security guidelines"},
         "1. IoT security baseline - standards.example ...\n2. Secure update checklist - devsec.example ..."),
    )),
)
AGENT_FINALS = {
    "ops": "Summary: {{service}} errors are caused by {{service2}} having no healthy pods since 13:49. I did not restart "
           "anything in prod. Suggested next step: check the last deploy of {{service2}} and roll back if needed.",
    "support": "I've refunded {{amount}} for order {{order_id}} and emailed {{first}} with the refund details.",
    "data": "Activations grew every week in September; Basic accounts for about 75% of them. Full table attached.",
    "research": "Here is a checklist with sources: signed updates, rollback protection, unique credentials, a "
                "vulnerability disclosure policy and a published support period.",
}

# ---- Claude Code: prompts typed by developers, assistant narration and tool calls -----------------------

CC_PROMPTS: dict[str, tuple[str, ...]] = {
    "code_generation": (
        "add a --dry-run flag to the sync command that prints what would change",
        "fix the failing test in tests/test_{{module}}.py",
        "write a migration that adds a {{col}} column to {{table}}, nullable, with an index",
        "refactor {{module}}.py to use dataclasses instead of dicts",
        "CI fails with: {{stack_trace_short}} - can you fix it?",
        "implement pagination for GET /v2/{{table}}, cursor based",
        "add retries with backoff to the {{service}} client",
        "write unit tests for {{func}}, we have none",
    ),
    "agentic": (
        "find out why the nightly {{module}} job got slow this week and propose a fix",
        "upgrade {{dep}} to the latest major version and make sure the test suite passes",
        "go through the TODO comments in src/ and open a GitHub issue for each one",
        "run the linter and type checker and fix everything they complain about",
        "set up a GitHub Actions workflow that runs tests and lint on every PR",
        "the staging deploy is broken, figure out what changed and get it green again",
    ),
    "code_explanation": (
        "explain how the retry logic in {{module}}.py works",
        "what does {{func}} actually do? the name is confusing",
        "walk me through what happens when a device sends a reading, from the MQTT handler to the database",
        "why do we have two caches in {{module}}.py?",
        "can you explain the locking in store.go?",
    ),
}
CC_NARRATION = (
    "I'll start by looking at the relevant files.", "Let me check how this is wired up.", "Let me run the tests first.",
    "I see the problem.", "Now I'll update the implementation.", "Let me verify the change.",
    "The tests pass now.", "I'll search for other call sites.",
)
CC_TOOLS = (
    ("Read", {"file_path": "/home/dev/{{repo}}/src/{{module}}.py"}, "     1\timport logging\n     2\tfrom dataclasses import dataclass\n     3\t..."),
    ("Grep", {"pattern": "{{func}}", "path": "/home/dev/{{repo}}"}, "Found 4 files\nsrc/{{module}}.py\nsrc/api/routes.py\ntests/test_{{module}}.py\ndocs/notes.md"),
    ("Glob", {"pattern": "**/*{{module}}*"}, "/home/dev/{{repo}}/src/{{module}}.py\n/home/dev/{{repo}}/tests/test_{{module}}.py"),
    ("Bash", {"command": "pytest -q tests/test_{{module}}.py", "description": "Run the module tests"},
     "....F.\nFAILED tests/test_{{module}}.py::test_empty_input - AssertionError\n1 failed, 5 passed in 0.84s"),
    ("Bash", {"command": "git diff --stat", "description": "Show changed files"}, " src/{{module}}.py | 14 ++++++++------\n 1 file changed"),
    ("Edit", {"file_path": "/home/dev/{{repo}}/src/{{module}}.py", "old_string": "if not items:", "new_string": "if not items:\n        return []"},
     "The file /home/dev/{{repo}}/src/{{module}}.py has been updated."),
    ("TodoWrite", {"todos": "[{\"content\": \"Reproduce the failure\", \"status\": \"completed\"}]"}, "Todos have been modified successfully."),
)
CC_FINALS = {
    "code_generation": "Done. I changed src/{{module}}.py and added tests; the suite passes locally.",
    "agentic": "All checks pass now. Summary of what I changed is below.",
    "code_explanation": "In short: {{func}} batches incoming items, retries failed writes with backoff and drops duplicates by id.",
}
CC_SUMMARIES = ("Fix flaky {{module}} test", "Add dry-run flag to sync", "Investigate slow nightly job",
                "Upgrade {{dep}}", "Explain retry logic", "Pagination for {{table}} endpoint")

# --------------------------------------------------------------------------------------
# Response text: short, plausible answers (usage counts carry the realistic sizes)
# --------------------------------------------------------------------------------------

RESPONSES: dict[str, tuple[str, ...]] = {
    "pii_detection": ("[NAME] called from [PHONE] about order {{order_id}}. Email on file: [EMAIL]. Ships to [ADDRESS].",
                      "[{\"type\": \"name\", \"value\": \"{{fullname}}\"}, {\"type\": \"email\", \"value\": \"{{email}}\"}]",
                      "CONTAINS_PII\n- name\n- phone number\n- postal address"),
    "entity_extraction": ("{\"vendor\": \"{{company}}\", \"invoice_number\": \"{{invoice_id}}\", \"total_amount\": \"{{amount2}}\"}",
                          "{\"carrier\": \"{{carrier}}\", \"order_id\": \"{{order_id}}\", \"estimated_delivery\": null}",
                          "| Entity | Type |\n|---|---|\n| {{fullname}} | PERSON |\n| {{company}} | ORG |\n| {{city}} | LOCATION |"),
    "keyword_extraction": ("smart thermostat, energy saving, heating schedule, wifi thermostat, lower bills",
                           "[\"reset device\", \"error code\", \"hub pairing\", \"firmware update\"]",
                           "heat pumps; tariffs; home battery; energy saving; smart home"),
    "format_conversion": ("```json\n[{\"device_id\": \"D{{card4}}\", \"city\": \"{{city}}\", \"kwh_saved\": 41.2}]\n```",
                          "customer:\n  name: {{fullname}}\n  plan: {{plan}}\nactive: true",
                          "| Field | Value |\n|---|---|\n| Name | {{fullname}} |\n| Plan | {{plan}} |"),
    "translation": ("{{foreign}}", "Thank you for your patience, your replacement is on its way.", "{{foreign}}"),
    "simple_qa": ("14 days, and a 10% restocking fee applies.", "212°F.", "Ottawa.", "Mary Shelley.", "It shipped with {{carrier}} on {{date}}.",
                  "I don't know.", "42."),
    "summarization": ("- Problem: device offline since {{date}}\n- Tried: reset, router restart\n- Next: hardware team to reply within 48h",
                      "The outage was caused by a connection-pool config change on {{service}}; it was rolled back after 95 minutes. "
                      "Follow-ups: mandatory canaries for config changes and a saturation alert.",
                      "TL;DR: the project slips two days, the export feature moves to next sprint, hiring is frozen until January."),
    "email_drafting": ("Hi {{first}},\n\nThank you for getting in touch, and sorry for the trouble. I've looked into your order and "
                       "a replacement is on its way. You'll get tracking details by email today.\n\nBest wishes,\nThe Northwind Team",
                       "Subject: Your order is on its way\n\nHi {{first}}, good news: your order has shipped and should arrive by {{date}}.",
                       "Hi {{first}},\n\nWould it be possible to move our {{weekday}} meeting? Thursday afternoon would work well for me.\n\nThanks!"),
    "content_editing": ("Thank you for your order. We will ship it tomorrow and you should receive it by the end of the week. "
                        "If there is any problem, please don't hesitate to contact us.",
                        "We would like to inform you that the delivery of the remaining items is expected next week. We apologise for the delay.",
                        "Meet the {{product}}: quiet, smart and designed to save you energy in every room."),
    "code_explanation": ("This function removes duplicate items by id and stops once it has collected more than `limit` items. "
                         "Note the off-by-one: it returns limit + 1 items.",
                         "- `parse_reading` returns None for units other than F and C; raise a ValueError instead.\n- `split(\" \")` breaks on double spaces.",
                         "\"\"\"Compute the retry delay for an attempt.\n\nArgs:\n    attempt: zero-based attempt number.\n\"\"\""),
    "data_analysis": ("1. Signups dipped in W37 (-18%) while churn stayed flat.\n2. Revenue grew 6% over the period, driven by activations.\n"
                      "3. The activation rate is stable at 60-70%.",
                      "Treatment converts at 5.1% vs 4.3% for control; with these sample sizes the difference is significant at p < 0.05. Roll it out.",
                      "The spike started at 13:00: ERROR counts jump from ~40 to over 600 per hour."),
    "brainstorming": ("1. Warm Welcome Week - free installation for the first 500 orders.\n2. The Cosy Map - show which cities save most.\n"
                      "3. Bring a Friend - both get a month of {{plan}}.",
                      "- Balcony Bank: short and friendly.\n- SunShelf: hints at solar.\n- Pocket Grid: sounds techy.",
                      "Some options: a cooking class, a guided hike, an escape room, a boat trip on the river."),
    "open_qa": ("Heat pumps move heat from outside air into your home using a refrigerant cycle. Even at -10°C there is "
                "heat in the air to extract, though efficiency drops as it gets colder.",
                "A kW is a rate of power; a kWh is the energy used when one kW runs for one hour. Your bill counts kWh.",
                "Start with the goal of the talk, then three points with one example each, then a clear ask at the end."),
    "code_generation": ("```python\ndef chunk(items, n):\n    \"\"\"Split items into lists of at most n.\"\"\"\n    return [items[i:i + n] for i in range(0, len(items), n)]\n```",
                        "```sql\nSELECT c.city, sum(r.watts) / 1000.0 AS kwh\nFROM readings r\nJOIN devices d USING (device_id)\nJOIN customers c USING (customer_id)\n"
                        "WHERE r.ts >= '2026-09-01' AND r.ts < '2026-10-01'\nGROUP BY 1 ORDER BY 2 DESC LIMIT 10;\n```",
                        "The payload has no \"data\" key when the webhook is a ping. Use `.get(\"data\")` and return early:\n```python\n"
                        "payload = json.loads(request.body).get(\"data\")\nif payload is None:\n    return Response(status=204)\n```",
                        "```bash\n#!/usr/bin/env bash\nset -euo pipefail\nfind /var/log/northwind -name '*.log' -mtime +14 -delete\n```"),
    "reasoning": ("Step 1: convert everything to the same unit.\nStep 2: set up the equation for the distance covered.\n"
                  "Step 3: solve for t.\nAnswer: they meet after 2 hours 10 minutes.",
                  "Let's check each constraint in turn... The only assignment that works is: the first colleague owns the doorbell.\nAnswer: see table.",
                  "No, the argument is invalid: it affirms the consequent."),
    "research_synthesis": ("Key findings: savings are real but smaller than marketing claims [B][C]; effects fade without engagement [A][F].\n"
                           "Agreement: flats save less than detached houses.\nContradictions: survey vs field-trial effect sizes.\nGaps: no long-term data past 12 months.",
                           "| Vendor | Price | Rating | Integrations |\n|---|---|---|---|\n| ... | ... | ... | ... |\nRecommendation: compete on support quality."),
    "legal_analysis": ("Summary: liability is capped at 12 months of fees and data loss is excluded entirely.\nRisk: high - a data breach "
                       "at the supplier would leave Northwind without recourse.\nFallback: carve data protection breaches out of the cap.",
                       "Art. 28(2) prior authorisation of sub-processors: missing.\nArt. 28(3)(a) documented instructions: missing.\nBreach notification: partially met.",
                       "No. Section 4.2 allows keeping recordings only until 30 days after the complaint is closed."),
    "architecture_review": ("Strengths: decoupled ingest, replayable log.\nRisks: consumer lag at peak, no back-pressure to devices, "
                            "ClickHouse single replica.\nVerdict: approve with changes.",
                            "1. Single Postgres primary (no automatic failover) - high.\n2. Single Redis - medium.\n3. Hand-managed DNS - medium."),
    "creative_writing": ("1. Warmth, scheduled.\n2. Your home, one step ahead.\n3. Less heat wasted, more evening saved.",
                         "Once upon a time, in a flat at the top of a very tall building, there lived a small robot vacuum called Dot...",
                         "Frost on the window,\nthe hub blinks a patient green -\nthe kettle sings on."),
    "chat": ("Great question! Let me break that down for you.", "Sure, here's an idea for that.",
             "That makes sense. Here's what I'd suggest next.", "Bien hecho. Se dice 'quédese con el cambio'."),
    "other": ("Hello! How can I help you today?", "OK", "pong", "I'm here. What would you like to do?", "Could you tell me a bit more?"),
}
LABEL_ANSWERS = {
    "classification": ("billing", "shipping", "technical", "account", "returns"),
    "sentiment_analysis": ("positive", "negative", "neutral"),
    "spam_detection": ("ok", "spam", "PASS", "FLAG"),
    "language_detection": ("de", "fr", "es", "pt"),
}


#: Responses for specific templates ("<category>/<style>/<index>"); others use RESPONSES.
TEMPLATE_RESPONSES: dict[str, tuple[str, ...]] = {
    "entity_extraction/api/0": ("{\"vendor\": \"{{company}}\", \"invoice_number\": \"{{invoice_id}}\", \"invoice_date\": \"2026-09-14\", "
                                "\"currency\": \"EUR\", \"total_amount\": \"{{amount2}}\", "
                                "\"line_items\": [{\"description\": \"Services as invoiced\", \"quantity\": 1, \"unit_price\": \"{{amount2}}\"}]}",),
    "entity_extraction/api/1": ("{\"carrier\": \"{{carrier}}\", \"tracking_number\": \"{{tracking}}\", \"order_id\": \"{{order_id}}\", "
                                "\"estimated_delivery\": \"{{date}}\", \"destination_city\": \"{{city}}\"}",),
    "entity_extraction/api/2": ("{\"attendees\": [\"{{first}}\", \"{{first2}}\"], \"date\": null, \"start_time\": \"14:30\", "
                                "\"duration_minutes\": 45, \"location\": \"Fjord room\", \"topic\": \"{{module}} migration\"}",),
    "entity_extraction/api/3": ("[{\"text\": \"{{company}}\", \"label\": \"ORG\"}, {\"text\": \"{{city}}\", \"label\": \"LOCATION\"}, "
                                "{\"text\": \"{{fullname}}\", \"label\": \"PERSON\"}]",),
    "entity_extraction/api/4": ("{\"full_name\": \"{{fullname}}\", \"email\": \"{{email}}\", \"phone\": \"{{phone}}\", "
                                "\"months_experience\": {{n2}}, \"current_employer\": \"{{company}}\"}",),
    "entity_extraction/chat/0": ("Order number: {{order_id}}\nAmount: {{amount2}}\nDate: {{date}}",),
    "entity_extraction/chat/2": ("The carrier is {{carrier}}. I couldn't find a tracking number in the message.",
                                 "Carrier: {{carrier}}, tracking number: {{tracking}}."),
    "pii_detection/api/0": ("[NAME] called from [PHONE] about order {{order_id}}. Email on file: [EMAIL]. Ships to [ADDRESS].",
                            "Hi, this is [NAME], my number is [PHONE] and I live at [ADDRESS]."),
    "pii_detection/api/1": ("[{\"type\": \"name\", \"value\": \"{{fullname}}\"}, {\"type\": \"email\", \"value\": \"{{email}}\"}, "
                            "{\"type\": \"phone\", \"value\": \"{{phone}}\"}]", "[]"),
    "pii_detection/api/2": ("CONTAINS_PII\n- NAME: {{fullname}}\n- PHONE: {{phone}}\n- ADDRESS: {{address}}", "CLEAN"),
    "format_conversion/api/1": ("customer:\n  name: {{fullname}}\n  plan: {{plan}}\n  city: {{city}}\ndevices:\n  - sku: NW-{{qty}}\n    qty: 1\nactive: true",),
    "format_conversion/api/2": ("| Field | Value |\n|---|---|\n| Name | {{fullname}} |\n| Company | {{company}} |\n| Plan | {{plan}} |",),
    "format_conversion/api/3": ("Order 412: 2026-09-03\nInvoice 577: 2026-09-18\nVisit 203: 2026-10-01",),
    "format_conversion/api/4": ("{\"order_id\": \"{{order_id}}\", \"customer\": \"{{fullname}}\", \"item_sku\": \"NW-{{qty}}\", "
                                "\"item\": \"{{product}}\", \"total_currency\": \"EUR\", \"total\": \"{{amount}}\"}",),
    "format_conversion/chat/1": ("customer.name,customer.plan,customer.city,active\n{{fullname}},{{plan}},{{city}},true",),
    "translation/api/1": ("{{en_parallel}}",),
    "translation/chat/2": ("It says: \"{{en_parallel}}\"",),
    "translation/chat/0": ("In {{lang}} you'd say it like this (formal version first, then casual).",),
    "creative_writing/api/1": ("Once upon a time, in a flat at the top of a very tall building, there lived {{story_hero}}. One night, it "
                               "{{story_event}}...",),
    "creative_writing/api/2": ("To {{first}}, who debugs the day away,\nand spends each weekend on {{hobby}} -\nhappy {{occasion}}, from all of {{team}}.",),
    "creative_writing/chat/0": ("Quiet fans hum on,\nlittle lights keep watch till dawn -\nthe logs fill with snow.",),
    "creative_writing/chat/1": ("There once was a {{product}},\nwhose owner forgot it was on...",),
    "code_generation/api/1": ("```sql\nSELECT c.city, sum(r.watts) / 1000.0 AS kwh\nFROM readings r\nJOIN devices d USING (device_id)\n"
                              "JOIN customers c USING (customer_id)\nGROUP BY 1 ORDER BY 2 DESC LIMIT 10;\n```",),
    "code_generation/api/3": ("```python\nimport pytest\n\n\ndef test_empty_input():\n    assert {{func}}([]) == []\n\n\n"
                              "def test_respects_limit():\n    items = [{\"id\": i} for i in range(20)]\n    assert len({{func}}(items, limit=5)) == 5\n```",),
    "code_generation/chat/0": ("```bash\n#!/usr/bin/env bash\nset -euo pipefail\nfind /var/log/northwind -name '*.log' -mtime +14 -delete\n```",),
    "code_explanation/api/2": ("\"\"\"Return the items with duplicate ids removed.\n\nArgs:\n    items: dicts with an \"id\" key.\n"
                               "    limit: stop after this many items.\n\nReturns:\n    The de-duplicated list.\n\"\"\"",),
    "code_explanation/chat/1": ("This pattern matches the whole string only if it has the given structure. Piece by piece: ...",),
    "code_explanation/chat/2": ("It returns None when the unit is neither \"F\" nor \"C\": Python functions return None when they fall "
                                "off the end. Add an else branch that raises ValueError.",),
    "email_drafting/api/1": ("Subject: An update about your {{product}}\n\nHi {{first}},\n\n...",),
    "email_drafting/chat/2": ("Dear landlord,\n\nI'm writing about the heating in our {{city}} office, which has not been working since Monday...",),
    "content_editing/api/1": ("We would like to let you know that the remaining work is delayed and we now expect to complete it next week. "
                              "We apologise for any inconvenience.",),
    "data_analysis/api/1": ("Treatment converts slightly better than control, but with these sample sizes the difference is not "
                            "statistically significant (p ≈ 0.2). Keep the test running for another two weeks.",),
    "data_analysis/api/2": ("Anomalies: {{service}} has a p99 far above its p50 and the highest error rate; this points to a slow "
                            "dependency rather than overall load.",),
    "reasoning/api/1": ("Constraints first: ... Proposed schedule:\n09:00 interview A1\n09:45 interview B1\n...",),
    "reasoning/chat/2": ("No. The argument affirms the consequent: other explanations fit the facts too.",),
    "brainstorming/chat/0": ("Some ideas for a group your size: a cooking class, a guided hike, an escape room, a river boat trip, a "
                             "pottery workshop.",),
    "architecture_review/api/1": ("1. Single Postgres primary (async replica, same rack) - high risk.\n2. Single Redis - medium.\n"
                                  "3. One nginx box - high.",),
}


def response_text(cat: str, r: Random, c: Ctx, template: str = "") -> str:
    if cat == "simple_qa" and "qa_answer" in c:
        return c["qa_answer"]
    if template in TEMPLATE_RESPONSES:
        return fill(r.choice(TEMPLATE_RESPONSES[template]), r, c)
    ans = c.get("answer")
    if cat in LABEL_ANSWERS:
        if cat == "spam_detection" and ans in ("spam", "legit"):
            return orjson.dumps({"spam": ans == "spam", "reason": "credential phishing link" if ans == "spam" else "normal correspondence"}).decode()
        if cat == "language_detection" and ans in LANG_NAMES and r.random() < 0.3:
            return LANG_NAMES[ans]
        return ans or r.choice(LABEL_ANSWERS[cat])
    return fill(r.choice(RESPONSES[cat]), r, c)


# --------------------------------------------------------------------------------------
# Token profiles: (new input lo, hi, output lo, hi), log-uniform. System prompts, tool
# definitions and conversation history are added on top (see build_request).
# --------------------------------------------------------------------------------------

PROFILE: dict[str, tuple[int, int, int, int]] = {
    "classification": (40, 600, 1, 6),
    "sentiment_analysis": (25, 400, 1, 5),
    "spam_detection": (30, 600, 1, 12),
    "language_detection": (8, 150, 1, 4),
    "pii_detection": (80, 1800, 20, 1200),
    "entity_extraction": (150, 4000, 30, 450),
    "keyword_extraction": (120, 2500, 8, 60),
    "format_conversion": (80, 3000, 80, 3200),
    "translation": (30, 1500, 30, 1700),
    "simple_qa": (12, 2500, 3, 90),
    "summarization": (1500, 40000, 60, 600),
    "email_drafting": (120, 1800, 110, 480),
    "content_editing": (100, 1800, 90, 1800),
    "code_explanation": (150, 4000, 150, 1000),
    "data_analysis": (300, 9000, 180, 1100),
    "brainstorming": (20, 400, 180, 900),
    "open_qa": (10, 250, 150, 900),
    "code_generation": (60, 4000, 250, 3200),
    "reasoning": (50, 700, 250, 2500),
    "research_synthesis": (5000, 60000, 700, 2800),
    "legal_analysis": (1500, 30000, 350, 1600),
    "architecture_review": (1200, 12000, 700, 2600),
    "creative_writing": (30, 400, 250, 2500),
    "chat": (15, 300, 40, 600),
    "agentic": (50, 3000, 30, 1200),
    "other": (1, 40, 2, 60),
}
#: Extra reasoning tokens for o4-mini / gpt-5-mini, by category (lo, hi).
REASONING_EXTRA: dict[str, tuple[int, int]] = {
    "reasoning": (600, 9000), "code_generation": (300, 5000), "architecture_review": (500, 5000),
    "research_synthesis": (400, 4000), "legal_analysis": (400, 4000), "data_analysis": (300, 3000),
    "agentic": (100, 2000),
}

# --------------------------------------------------------------------------------------
# Products and traffic mixes
# --------------------------------------------------------------------------------------

MODEL_MIXES: dict[str, tuple[tuple[str, float], ...]] = {
    "oa_mini": (("gpt-4o-mini", 6), ("gpt-4.1-mini", 3), ("gpt-5-mini", 1)),
    "oa_over": (("gpt-4o", 5), ("gpt-4o-mini", 4), ("gpt-4.1-mini", 1)),  # simple work on a big model
    "oa_big": (("gpt-4o", 6), ("gpt-4.1-mini", 2), ("gpt-5-mini", 2)),
    "oa_reason": (("o4-mini", 6), ("gpt-5-mini", 4)),
    "oa_code": (("gpt-4.1-mini", 4), ("gpt-4o", 3), ("o4-mini", 2), ("gpt-5-mini", 1)),
    "oa_batch": (("gpt-4o-mini", 7), ("gpt-4.1-mini", 2), ("gpt-4o", 1)),
    "an_haiku": (("claude-haiku-4-5", 1),),
    "an_sonnet": (("claude-sonnet-4-5-20250929", 1),),
    "an_opus": (("claude-opus-4-7", 1),),
    "an_mix": (("claude-sonnet-4-5-20250929", 7), ("claude-haiku-4-5", 2), ("claude-opus-4-7", 1)),
    "an_legal": (("claude-opus-4-7", 4), ("claude-sonnet-4-5-20250929", 6)),
    "gw_fast": (("gpt-4o-mini", 5), ("claude-haiku-4-5", 3), ("gpt-5-mini", 2)),
    "gw_smart": (("gpt-4o", 4), ("claude-sonnet-4-5-20250929", 5), ("claude-opus-4-7", 1)),
    "gw_reason": (("o4-mini", 5), ("claude-sonnet-4-5-20250929", 3), ("gpt-5-mini", 2)),
    "lf_mix": (("gpt-4o-mini", 4), ("gpt-4.1-mini", 2), ("claude-sonnet-4-5-20250929", 2), ("claude-haiku-4-5", 1), ("gpt-4o", 1)),
    "lf_legal": (("claude-sonnet-4-5-20250929", 4), ("gpt-4o", 3), ("claude-opus-4-7", 2), ("gpt-5-mini", 1)),
}

#: Accounts that call the APIs. Employees are "first.last"; services are "svc-<name>".
EMPLOYEES = tuple(f"{FIRST[i].lower()}.{LAST[(i * 7) % len(LAST)].lower().replace(chr(39), '')}" for i in range(len(FIRST)))
PRODUCT_USERS: dict[str, tuple[str, ...]] = {
    "helpdesk": ("svc-helpdesk", "svc-helpdesk", "svc-helpdesk") + EMPLOYEES[0:8],
    "datahub": ("svc-datahub-etl", "svc-datahub-etl") + EMPLOYEES[8:14],
    "devtools": ("svc-review-bot",) + EMPLOYEES[14:24],
    "studio": EMPLOYEES[24:30],
    "askme": EMPLOYEES,
    "clausecheck": ("svc-clausecheck",) + EMPLOYEES[30:34],
    "opsagent": ("svc-opsagent",),
}
#: Products that tag some of their calls with the task they perform (caller label).
TASK_LABEL_PRODUCT = "datahub"
TASK_LABEL_SHARE = 0.10


class Entry:
    """One workload: a product feature doing one kind of task on some models."""

    __slots__ = ("product", "feature", "category", "weight", "mix", "models", "api_share", "sys_extra", "cache_ttl",
                 "doc_cache")

    def __init__(self, product: str, feature: str, category: str, weight: float, models: str,
                 api_share: float = 1.0, sys_extra: int = 0, cache_ttl: str = "5m", doc_cache: float = 0.0) -> None:
        self.product, self.feature, self.category, self.weight = product, feature, category, weight
        self.mix = models
        self.models = MODEL_MIXES[models]
        self.api_share, self.sys_extra, self.cache_ttl = api_share, sys_extra, cache_ttl
        #: share of the new input that is a long document re-sent across calls (cacheable on Anthropic)
        self.doc_cache = doc_cache


E = Entry
MIXES: dict[str, list[Entry]] = {
    "openai_chat": [
        E("helpdesk", "ticket-triage", "classification", 9, "oa_over", 1.0, 1300),
        E("helpdesk", "sentiment", "sentiment_analysis", 5, "oa_mini", 0.95, 200),
        E("helpdesk", "spam-filter", "spam_detection", 3, "oa_mini", 0.95, 300),
        E("helpdesk", "lang-detect", "language_detection", 2, "oa_over", 1.0),
        E("helpdesk", "pii-scrub", "pii_detection", 3, "oa_mini", 0.9, 400),
        E("helpdesk", "reply-draft", "email_drafting", 5, "oa_big", 0.85, 1800),
        E("helpdesk", "ticket-summary", "summarization", 3, "oa_mini", 0.9, 200),
        E("helpdesk", "faq-bot", "simple_qa", 5, "oa_mini", 0.7, 2400),
        E("helpdesk", "translate", "translation", 2, "oa_over", 0.8, 300),
        E("datahub", "extract", "entity_extraction", 6, "oa_mini", 0.95, 900),
        E("datahub", "convert", "format_conversion", 3, "oa_mini", 0.85),
        E("datahub", "sql-gen", "code_generation", 3, "oa_code", 0.8, 1600),
        E("datahub", "insights", "data_analysis", 3, "oa_big", 0.7, 500),
        E("datahub", "tagging", "keyword_extraction", 2, "oa_mini", 0.9),
        E("askme", "chat", "chat", 3, "oa_big", 0.0, 600),
        E("askme", "ask", "open_qa", 4, "oa_big", 0.2, 600),
        E("askme", "ask", "reasoning", 1.5, "oa_reason", 0.3),
        E("askme", "ask", "simple_qa", 1.5, "oa_mini", 0.2),
        E("askme", "ask", "other", 1.5, "oa_big", 0.2),
        E("askme", "ask", "brainstorming", 1, "oa_big", 0.2),
        E("askme", "research", "research_synthesis", 0.5, "oa_big", 0.6, 300),
        E("studio", "copy", "creative_writing", 1, "oa_big", 0.6, 900),
        E("studio", "edit", "content_editing", 2, "oa_big", 0.7, 900),
        E("studio", "ideas", "brainstorming", 1, "oa_big", 0.6, 900),
        E("studio", "seo", "keyword_extraction", 1, "oa_mini", 0.9, 400),
        E("devtools", "review-bot", "code_explanation", 3, "oa_code", 0.8, 1400),
        E("devtools", "review-bot", "code_generation", 3, "oa_code", 0.6, 1400),
        E("devtools", "design-review", "architecture_review", 1, "oa_reason", 0.7, 1200),
        E("opsagent", "agent", "agentic", 5, "oa_big", 1.0, 2200),
        E("clausecheck", "review", "legal_analysis", 1, "oa_big", 0.8, 4800),
        E("clausecheck", "redact", "pii_detection", 0.5, "oa_over", 1.0, 400),
    ],
    "openai_batch": [
        E("datahub", "nightly-extract", "entity_extraction", 30, "oa_batch", 1.0, 900),
        E("datahub", "nightly-convert", "format_conversion", 15, "oa_batch", 1.0),
        E("datahub", "nightly-tagging", "keyword_extraction", 10, "oa_batch", 1.0),
        E("datahub", "nightly-docclass", "classification", 15, "oa_batch", 1.0, 600),
        E("datahub", "nightly-digest", "summarization", 12, "oa_batch", 1.0),
        E("helpdesk", "nightly-summaries", "summarization", 10, "oa_batch", 1.0, 200),
        E("helpdesk", "sentiment-backfill", "sentiment_analysis", 5, "oa_batch", 1.0),
        E("helpdesk", "kb-translate", "translation", 5, "oa_batch", 1.0, 300),
        E("helpdesk", "lang-backfill", "language_detection", 3, "oa_batch", 1.0),
    ],
    "anthropic_messages": [
        E("studio", "copy", "creative_writing", 10, "an_mix", 0.7, 2600),
        E("studio", "edit", "content_editing", 8, "an_sonnet", 0.8, 2600),
        E("studio", "ideas", "brainstorming", 5, "an_sonnet", 0.6, 2600),
        E("studio", "localize", "translation", 5, "an_sonnet", 0.9, 2600),
        E("studio", "outreach", "email_drafting", 4, "an_sonnet", 0.7, 2600),
        E("clausecheck", "review", "legal_analysis", 12, "an_legal", 0.85, 6200, "1h", 0.8),
        E("clausecheck", "digest", "summarization", 6, "an_sonnet", 0.9, 3000, "1h", 0.6),
        E("clausecheck", "redact", "pii_detection", 4, "an_opus", 1.0, 1400),
        E("clausecheck", "extract", "entity_extraction", 3, "an_haiku", 1.0, 4400),
        E("opsagent", "agent", "agentic", 14, "an_sonnet", 1.0, 3000, "1h"),
        E("devtools", "design-review", "architecture_review", 4, "an_opus", 0.7, 2400),
        E("devtools", "explain", "code_explanation", 4, "an_sonnet", 0.5, 1200),
        E("devtools", "codegen", "code_generation", 5, "an_sonnet", 0.5, 2200),
        E("askme", "chat", "chat", 6, "an_mix", 0.0, 1200),
        E("askme", "ask", "reasoning", 3, "an_sonnet", 0.3, 1200),
        E("askme", "research", "research_synthesis", 4, "an_opus", 0.6, 1500, "5m", 0.5),
        E("helpdesk", "reply-draft", "email_drafting", 4, "an_haiku", 0.9, 4200),
        E("helpdesk", "ticket-triage", "classification", 3, "an_haiku", 1.0, 4300),
        E("askme", "ask", "other", 1, "an_haiku", 0.3),
    ],
    "litellm": [
        E("askme", "chat", "chat", 12, "gw_smart", 0.0, 700),
        E("askme", "ask", "open_qa", 14, "gw_fast", 0.15, 700),
        E("askme", "ask", "simple_qa", 8, "gw_fast", 0.15),
        E("askme", "ask", "reasoning", 5, "gw_reason", 0.2),
        E("askme", "ask", "brainstorming", 6, "gw_smart", 0.2),
        E("askme", "ask", "other", 5, "gw_fast", 0.2),
        E("askme", "research", "research_synthesis", 3, "gw_smart", 0.5, 700),
        E("askme", "ask", "translation", 4, "gw_fast", 0.2),
        E("askme", "ask", "content_editing", 4, "gw_smart", 0.2),
        E("askme", "ask", "email_drafting", 4, "gw_smart", 0.2),
        E("askme", "ask", "code_generation", 6, "gw_smart", 0.2),
        E("askme", "ask", "summarization", 6, "gw_fast", 0.3),
        E("datahub", "analyst", "data_analysis", 8, "gw_smart", 0.6, 800),
        E("datahub", "analyst", "code_generation", 5, "gw_smart", 0.7, 1600),
        E("datahub", "analyst", "format_conversion", 3, "gw_fast", 0.7),
        E("datahub", "analyst", "entity_extraction", 3, "gw_fast", 0.8, 900),
        E("datahub", "analyst", "keyword_extraction", 2, "gw_fast", 0.8),
    ],
    "langfuse": [
        E("clausecheck", "contract-qa", "legal_analysis", 20, "lf_legal", 0.9, 5200),
        E("clausecheck", "contract-digest", "summarization", 10, "lf_legal", 0.9, 1800),
        E("clausecheck", "pii-gate", "pii_detection", 8, "lf_mix", 1.0, 600),
        E("clausecheck", "party-extract", "entity_extraction", 8, "lf_mix", 1.0, 900),
        E("clausecheck", "policy-qa", "simple_qa", 6, "lf_mix", 0.8, 1500),
        E("clausecheck", "doc-router", "classification", 6, "lf_mix", 1.0, 500),
        E("helpdesk", "kb-answer", "simple_qa", 20, "lf_mix", 0.8, 2400),
        E("helpdesk", "kb-digest", "summarization", 6, "lf_mix", 0.9),
        E("helpdesk", "kb-router", "classification", 6, "lf_mix", 1.0, 1300),
        E("helpdesk", "kb-translate", "translation", 4, "lf_mix", 0.9),
        E("helpdesk", "kb-spam", "spam_detection", 3, "lf_mix", 1.0),
        E("helpdesk", "kb-sentiment", "sentiment_analysis", 3, "lf_mix", 1.0),
    ],
}


# --------------------------------------------------------------------------------------
# Requests in a provider-neutral form
# --------------------------------------------------------------------------------------


class Req:
    """One generated request before it is written in a provider's shape.

    ``turns`` items: ``{"role": "user"|"assistant", "text"}``, ``{"role": "assistant",
    "calls": [(suffix, name, args)]}`` or ``{"role": "tool", "call": suffix, "text"}``.
    Token parts: ``prefix`` (system prompt + tool definitions, stable per template, the
    cacheable part), ``hist`` (earlier turns), ``new`` (the new input), ``out`` (visible output).
    """

    __slots__ = ("category", "style", "system", "turns", "toolset", "reply", "prefix", "hist", "new", "out", "ctx", "template",
                 "doc")

    def __init__(self) -> None:
        self.toolset: str | None = None
        self.hist = 0
        self.doc = 0  # part of `new` that is a re-sent document (cacheable)
        self.template = ""


def build_request(r: Random, e: Entry) -> Req:
    cat = e.category
    c: Ctx = {}
    if cat == "chat":
        return _build_chat(r, e, c)
    if cat == "agentic":
        return _build_agent(r, e, c)
    q = Req()
    q.category, q.ctx = cat, c
    tpls = TEMPLATES[cat]
    if r.random() < e.api_share:
        i = r.randrange(len(tpls[API]))
        system, user_t = tpls[API][i]
        q.style, q.template = API, f"{cat}/api/{i}"
        user = fill(user_t, r, c)
        prefix = len(system) // 4 + e.sys_extra
    else:
        i = r.randrange(len(tpls[CHAT]))
        q.style, q.template = CHAT, f"{cat}/chat/{i}"
        user = fill(tpls[CHAT][i], r, c)
        system = r.choice(SHORT_SYSTEMS) if r.random() < 0.35 else None
        prefix = len(system) // 4 if system else 0
    lo, hi, olo, ohi = PROFILE[cat]
    q.system = system
    q.turns = [{"role": "user", "text": user}]
    q.prefix = prefix
    q.new = max(len(user) // 4 + 2, logu(r, lo, hi))
    q.doc = int(q.new * e.doc_cache) if q.style == API else 0
    q.out = logu(r, olo, ohi)
    q.reply = {"text": response_text(cat, r, c, q.template)}
    return q


def _build_chat(r: Random, e: Entry, c: Ctx) -> Req:
    q = Req()
    q.category, q.ctx, q.style = "chat", c, CHAT
    ci = r.randrange(len(CONVERSATIONS))
    personas, lines = CONVERSATIONS[ci]
    q.template = f"chat/{ci}"
    k = 7 if r.random() < 0.3 else 5
    texts = [fill(t, r, c) for t in lines[:k]]
    q.system = PERSONAS[r.choice(personas)]
    q.turns = [{"role": "user" if j % 2 == 0 else "assistant", "text": t} for j, t in enumerate(texts)]
    q.prefix = len(q.system) // 4 + e.sys_extra
    q.hist = max(sum(len(t) // 4 + 4 for t in texts[:-1]), logu(r, 150, 2500 if k == 5 else 5000))
    lo, hi, olo, ohi = PROFILE["chat"]
    q.new = max(len(texts[-1]) // 4 + 4, logu(r, lo, hi))
    q.out = logu(r, olo, ohi)
    reply = fill(lines[k], r, c) if k < len(lines) else fill(r.choice(RESPONSES["chat"]), r, c)
    q.reply = {"text": reply}
    return q


def _build_agent(r: Random, e: Entry, c: Ctx) -> Req:
    q = Req()
    q.category, q.ctx, q.style = "agentic", c, API
    ti = r.randrange(len(AGENT_TASKS))
    toolset, task_t, steps = AGENT_TASKS[ti]
    q.template = f"agentic/{ti}"
    q.toolset = toolset
    q.system = AGENT_SYSTEMS[toolset]
    done = r.randrange(0, len(steps) + 1)
    turns: list[dict[str, Any]] = [{"role": "user", "text": fill(task_t, r, c)}]
    for name, args_t, result_t in steps[:done]:
        suffix = rid(r, 24)
        turns.append({"role": "assistant", "calls": [(suffix, name, {k: fill(v, r, c) for k, v in args_t.items()})]})
        turns.append({"role": "tool", "call": suffix, "text": fill(result_t, r, c)})
    q.turns = turns
    lo, hi, olo, ohi = PROFILE["agentic"]
    if done < len(steps):
        name, args_t, _ = steps[done]
        q.reply = {"calls": [(rid(r, 24), name, {k: fill(v, r, c) for k, v in args_t.items()})]}
        q.out = logu(r, 25, 260)
    else:
        q.reply = {"text": fill(AGENT_FINALS[toolset], r, c)}
        q.out = logu(r, 120, ohi)
    q.prefix = len(q.system) // 4 + TOOLSET_TOKENS[toolset] + e.sys_extra
    q.hist = sum(logu(r, 400, 9000) for _ in range(done))
    q.new = logu(r, lo, hi) if done else len(turns[0]["text"]) // 4 + 8
    return q


def _oa_tool(t: dict[str, Any]) -> dict[str, Any]:
    props = {k: {"type": typ, "description": d} for k, (typ, d) in t["params"].items()}
    return {"type": "function", "function": {"name": t["name"], "description": t["description"],
                                             "parameters": {"type": "object", "properties": props, "required": t["required"]}}}


def _an_tool(t: dict[str, Any]) -> dict[str, Any]:
    props = {k: {"type": typ, "description": d} for k, (typ, d) in t["params"].items()}
    return {"name": t["name"], "description": t["description"],
            "input_schema": {"type": "object", "properties": props, "required": t["required"]}}


OA_TOOLS = {k: [_oa_tool(t) for t in v] for k, v in TOOLSETS.items()}
AN_TOOLS = {k: [_an_tool(t) for t in v] for k, v in TOOLSETS.items()}
TOOLSET_TOKENS = {k: len(orjson.dumps(v)) // 3 + 300 for k, v in OA_TOOLS.items()}


def oa_messages(q: Req) -> list[dict[str, Any]]:
    msgs: list[dict[str, Any]] = []
    if q.system is not None:
        msgs.append({"role": "system", "content": q.system})
    for t in q.turns:
        if "calls" in t:
            msgs.append({"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_" + s, "type": "function", "function": {"name": n, "arguments": orjson.dumps(a).decode()}}
                for s, n, a in t["calls"]]})
        elif t["role"] == "tool":
            msgs.append({"role": "tool", "tool_call_id": "call_" + t["call"], "content": t["text"]})
        else:
            msgs.append({"role": t["role"], "content": t["text"]})
    return msgs


def an_messages(q: Req, cache_tail: dict[str, str] | None) -> list[dict[str, Any]]:
    """Anthropic messages; ``cache_tail`` puts that cache_control on the last content block."""
    msgs: list[dict[str, Any]] = []
    for t in q.turns:
        if "calls" in t:
            msgs.append({"role": "assistant", "content": [
                {"type": "tool_use", "id": "toolu_01" + s[:22], "name": n, "input": a} for s, n, a in t["calls"]]})
        elif t["role"] == "tool":
            block = {"type": "tool_result", "tool_use_id": "toolu_01" + t["call"][:22], "content": t["text"]}
            if msgs and msgs[-1]["role"] == "user" and isinstance(msgs[-1]["content"], list):
                msgs[-1]["content"].append(block)
            else:
                msgs.append({"role": "user", "content": [block]})
        else:
            msgs.append({"role": t["role"], "content": t["text"]})
    if cache_tail:
        last = msgs[-1]
        if isinstance(last["content"], str):
            last["content"] = [{"type": "text", "text": last["content"], "cache_control": cache_tail}]
        else:
            last["content"][-1]["cache_control"] = cache_tail
    return msgs


# ---- usage --------------------------------------------------------------------------------------


def oa_usage_parts(r: Random, q: Req, model: str) -> tuple[int, int, int, int]:
    """(prompt_tokens, cached_tokens, completion_tokens, reasoning_tokens) in OpenAI semantics."""
    prompt = q.prefix + q.hist + q.new
    cacheable = q.prefix + q.hist
    cached = 0
    if cacheable >= 1024 and r.random() < 0.72:
        cached = 1024 + 128 * ((cacheable - 1024) // 128)
    reasoning = 0
    if model in REASONING_MODELS and not (model == "gpt-5-mini" and r.random() < 0.2):
        lo, hi = REASONING_EXTRA.get(q.category, (64, 700))
        reasoning = 64 * -(-logu(r, lo, hi) // 64)
    return prompt, cached, q.out + reasoning, reasoning


def oa_usage(prompt: int, cached: int, completion: int, reasoning: int) -> dict[str, Any]:
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
        "prompt_tokens_details": {"cached_tokens": cached, "audio_tokens": 0},
        "completion_tokens_details": {"reasoning_tokens": reasoning, "audio_tokens": 0,
                                      "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0},
    }


def an_usage_parts(r: Random, q: Req, uses_cache: bool, thinking: bool) -> tuple[int, int, int, int]:
    """(input_tokens, cache_read, cache_write, output_tokens) in Anthropic semantics."""
    p, h, n = q.prefix, q.hist, q.new
    out = q.out
    if thinking:
        out += logu(r, 500, 6000)  # extended thinking counts as output
    if h > 0:  # multi-turn: breakpoint on the last message, history normally warm
        x = r.random()
        tail = r.randrange(1, 12)
        if x < 0.86:
            return tail, p + h, n, out
        if x < 0.95:
            return tail, p, h + n, out
        return tail, 0, p + h + n, out
    if uses_cache:
        doc = q.doc
        read, write = (p, 0) if r.random() < 0.9 else (0, p)
        if doc:  # the same contract/report is asked about several times in a row
            if r.random() < 0.7:
                read += doc
            else:
                write += doc
        return n - doc, read, write, out
    return p + n, 0, 0, out


def an_usage(inp: int, read: int, write: int, out: int, ttl: str) -> dict[str, Any]:
    return {
        "input_tokens": inp,
        "cache_creation_input_tokens": write,
        "cache_read_input_tokens": read,
        "cache_creation": {"ephemeral_5m_input_tokens": write if ttl == "5m" else 0,
                           "ephemeral_1h_input_tokens": write if ttl == "1h" else 0},
        "output_tokens": out,
        "service_tier": "standard",
    }


def oa_cost(model: str, prompt: int, cached: int, completion: int) -> float:
    pin, pcache, pout = PRICES[price_key(model)][:3]
    return ((prompt - cached) * pin + cached * pcache + completion * pout) / 1e6


def an_cost(model: str, inp: int, read: int, write: int, out: int, ttl: str) -> float:
    pin, pread, pout, pw5, pw1 = PRICES[price_key(model)]
    return (inp * pin + read * pread + write * (pw1 if ttl == "1h" else pw5) + out * pout) / 1e6


def latency_ms(r: Random, model: str, prompt: int, out: int) -> int:
    per_tok = 6 if "mini" in model or "haiku" in model else 14 if "opus" in model else 10
    return int(180 + prompt * 0.02 + out * per_tok * r.uniform(0.7, 1.4))


# ---- response objects -------------------------------------------------------------------------------


def oa_completion(r: Random, q: Req, model: str, created_s: int, usage: dict[str, Any],
                  answer: tuple[str, str | None] | None = None) -> dict[str, Any]:
    """A chat.completion; ``answer`` (finish_reason, content) as ``Signals`` decided it, else
    the reply's text ending on a stop (rarely a cut, drawn here)."""
    message: dict[str, Any] = {"role": "assistant"}
    if "calls" in q.reply:
        message["content"] = None
        message["tool_calls"] = [{"id": "call_" + s, "type": "function",
                                  "function": {"name": n, "arguments": orjson.dumps(a).decode()}} for s, n, a in q.reply["calls"]]
        finish = "tool_calls"
    else:
        message["content"] = q.reply["text"]
        finish = "length" if r.random() < 0.004 else "stop"  # drawn either way: the stream stays aligned
        if answer is not None:
            finish, message["content"] = answer
    message["refusal"] = None
    message["annotations"] = []
    return {
        "id": "chatcmpl-" + rid(r, 29),
        "object": "chat.completion",
        "created": created_s,
        "model": OPENAI_SNAPSHOT.get(model, model),
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
        "usage": usage,
        "service_tier": "default",
        "system_fingerprint": None if model == "gpt-5-mini" else SYSTEM_FINGERPRINTS[hash_small(model) % len(SYSTEM_FINGERPRINTS)],
    }


def hash_small(s: str) -> int:
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) & 0xFFFFFFFF
    return h


def an_message(r: Random, q: Req, model: str, usage: dict[str, Any], thinking: bool,
               answer: tuple[str, str] | None = None) -> dict[str, Any]:
    """A Message; ``answer`` (stop_reason, text) as ``Signals`` decided it (see oa_completion)."""
    content: list[dict[str, Any]] = []
    if thinking:
        content.append({"type": "thinking", "thinking": "Let me set up the problem carefully and check each step.",
                        "signature": rid(r, 48)})
    if "calls" in q.reply:
        content.append({"type": "text", "text": "Let me check that."})
        content.extend({"type": "tool_use", "id": "toolu_01" + s[:22], "name": n, "input": a} for s, n, a in q.reply["calls"])
        stop = "tool_use"
    else:
        block = {"type": "text", "text": q.reply["text"]}
        content.append(block)
        stop = "max_tokens" if r.random() < 0.004 else "end_turn"  # drawn either way (see oa_completion)
        if answer is not None:
            stop, block["text"] = answer
    return {
        "id": "msg_01" + rid(r, 22, B58),
        "type": "message",
        "role": "assistant",
        "model": model,
        "content": content,
        "stop_reason": stop,
        "stop_sequence": None,
        "usage": usage,
    }


# --------------------------------------------------------------------------------------
# Output plumbing
# --------------------------------------------------------------------------------------


class LineWriter:
    """Streams JSON lines to a (deterministic) gzip or plain file."""

    def __init__(self, path: Path, gz: bool, bad: dict[int, bytes] | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._raw: BinaryIO = open(path, "wb")
        self._f: BinaryIO = (
            gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0, compresslevel=9)  # type: ignore[assignment]
            if gz else self._raw
        )
        self._buf: list[bytes] = []
        self._bad = dict(bad or {})
        self.lines = 0

    def write(self, obj: Any) -> None:
        while self._bad and (self.lines + 1) in self._bad:
            self._raw_line(self._bad.pop(self.lines + 1))
        self._raw_line(orjson.dumps(obj))

    def _raw_line(self, b: bytes) -> None:
        self._buf.append(b)
        self.lines += 1
        if len(self._buf) >= 4096:
            self._flush()

    def _flush(self) -> None:
        if self._buf:
            self._f.write(b"\n".join(self._buf) + b"\n")
            self._buf = []

    def close(self) -> int:
        for pos in sorted(self._bad):  # bad lines planned past the end go last
            self._raw_line(self._bad.pop(pos))
        self._flush()
        if self._f is not self._raw:
            self._f.close()
        self._raw.close()
        return self.lines


class Expected:
    """Streams ``request_id,category`` rows to a CSV (gzip or plain)."""

    def __init__(self, path: Path, gz: bool) -> None:
        self.path = path
        self._raw: BinaryIO = open(path, "wb")
        self._f: BinaryIO = (
            gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0, compresslevel=9)  # type: ignore[assignment]
            if gz else self._raw
        )
        self._buf: list[str] = ["request_id,category\n"]
        self.rows = 0

    def add(self, request_id: str, category: str) -> None:
        self._buf.append(f"{request_id},{category}\n")
        self.rows += 1
        if len(self._buf) >= 8192:
            self._flush()

    def _flush(self) -> None:
        self._f.write("".join(self._buf).encode())
        self._buf = []

    def close(self) -> int:
        self._flush()
        if self._f is not self._raw:
            self._f.close()
        self._raw.close()
        return self.rows


class Picker:
    """Weighted choice of a traffic-mix entry."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries = list(entries)
        acc = 0.0
        self.cum = []
        for e in self.entries:
            acc += e.weight
            self.cum.append(acc)

    def __call__(self, r: Random) -> Entry:
        return r.choices(self.entries, cum_weights=self.cum)[0]


def _meta(r: Random, e: Entry, user: str) -> dict[str, str]:
    meta = {"project": e.product, "feature": e.feature, "user": user}
    if e.product == TASK_LABEL_PRODUCT and r.random() < TASK_LABEL_SHARE:
        meta["task"] = e.category
    return meta


def _ext(gz: bool) -> str:
    return ".jsonl.gz" if gz else ".jsonl"


# --------------------------------------------------------------------------------------
# Quality signals: why answers stopped, JSON answers, retries, overrides, user feedback
# (docs/quality.md). Every decision here draws from a format's own signals stream
# (``Signals.r``), never from the format's main stream, so the requests themselves (models,
# tokens, ids) stay what they were before the signals existed; only the answers' endings,
# the JSON answers and the re-sent requests differ.
# --------------------------------------------------------------------------------------

#: Model tier as analyzer/simulate/data/model_tiers.toml places it: 0 budget, 1 mid, 2 flagship.
TIERS = {"gpt-4o-mini": 0, "gpt-4.1-mini": 0, "claude-haiku-4-5": 0, "gpt-4o": 1, "gpt-5-mini": 1, "o4-mini": 1,
         "claude-sonnet-4-5": 1, "claude-opus-4-7": 2}
#: Share of answers cut at the output limit, by tier; long answers run into the limit more often.
TRUNCATION = (0.009, 0.005, 0.003)
TRUNCATION_BY_CATEGORY = {
    "classification": 0.0, "sentiment_analysis": 0.0, "spam_detection": 0.0, "language_detection": 0.0,
    "other": 0.3, "simple_qa": 0.3, "keyword_extraction": 0.5, "entity_extraction": 1.3, "pii_detection": 1.3,
    "format_conversion": 2.5, "code_generation": 2.5, "creative_writing": 2.0, "research_synthesis": 2.0,
    "architecture_review": 2.0, "legal_analysis": 1.8, "translation": 1.8, "content_editing": 1.5,
}
#: Share of answers filtered or refused (rare; more where the input is abusive or the ask is open).
CONTENT_FILTER = {"spam_detection": 0.004, "chat": 0.002, "creative_writing": 0.002, "other": 0.002,
                  "pii_detection": 0.001}
CONTENT_FILTER_OTHERS = 0.0003
#: Share of JSON answers that do not parse although JSON was asked for (a Markdown fence, prose
#: after the object), by model; truncated JSON answers come on top (cut mid-object).
MALFORMED_JSON = {"gpt-4o-mini": 0.034, "gpt-4.1-mini": 0.04, "claude-haiku-4-5": 0.045, "gpt-5-mini": 0.012,
                  "o4-mini": 0.01, "gpt-4o": 0.007, "claude-sonnet-4-5": 0.007, "claude-opus-4-7": 0.005}
#: Output limits a caller sets; a cut answer stops at the one it reached.
OUTPUT_LIMITS = (64, 128, 256, 512, 1024, 2048, 4096)
TRAILING_PROSE = (
    "\n\nLet me know if anything needs a second look.",
    "\n\nI based this only on the text provided.",
    "\nHope this helps!",
    "\n\nNote: a value that was not in the text is left empty.",
)
REFUSAL = "I can't help with this request."
GOLDEN = 0.6180339887498949  # (sqrt(5) - 1) / 2

#: The late-week regression: on Saturday and Sunday one model gets clearly worse at one task.
REGRESSION = {"category": "entity_extraction", "model": "gpt-4o-mini", "since_ms": WEEK_START_MS + 5 * DAY_MS,
              "malformed": 0.25, "truncation": 0.07, "feedback": 3.0, "flag": 0.4}

#: Requests sent again by the same user with the same input: a base share, more after a bad answer.
RETRY_BASE = 0.008
RETRY_AFTER = {"error": 0.7, "truncated": 0.3, "malformed": 0.35, "filtered": 0.25}
RESEND_MAX_MS = 9 * 60_000  # a re-send later than this is given up (the analyzer looks 10 minutes back)
#: Overrides: in one category a budget model's answers are re-sent to the provider's flagship.
OVERRIDE = {"format": "anthropic_messages", "category": "creative_writing", "from": "claude-haiku-4-5",
            "to": "claude-opus-4-7", "share": 0.6}
#: A few requests marked by the caller as an override (metadata "override": "true"): a support
#: agent who asked the bigger model again from the reply-draft screen.
OVERRIDE_MARK = {"feature": "reply-draft", "model": "gpt-4o", "share": 0.04}

#: User feedback (feedback.csv): share of each product's answers rated; bad answers draw more.
FEEDBACK_SHARE = {"askme": 0.055, "helpdesk": 0.05, "studio": 0.06, "datahub": 0.03, "clausecheck": 0.04,
                  "devtools": 0.025, "opsagent": 0.015}
FEEDBACK_BAD_FACTOR = 2.0
FLAG_BY_TIER = (0.05, 0.03, 0.02)
FLAG_BAD = 0.6  # a cut, filtered or malformed answer
#: Model/category pairs whose answers users flag more often.
FLAG_WEAK = {
    ("claude-haiku-4-5", "creative_writing"): 0.25, ("claude-haiku-4-5", "email_drafting"): 0.08,
    ("gpt-4o-mini", "summarization"): 0.05, ("gpt-4o-mini", "entity_extraction"): 0.04,
    ("gpt-4o-mini", "open_qa"): 0.05, ("gpt-4.1-mini", "code_generation"): 0.08,
    ("gpt-4.1-mini", "code_explanation"): 0.05, ("gpt-5-mini", "legal_analysis"): 0.06,
}
#: Products whose screens ask for a 1-5 score beside the thumbs.
RATED_PRODUCTS = frozenset({"helpdesk", "studio", "clausecheck"})


def _schema(props: dict[str, Any], required: Sequence[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": props, "required": list(props if required is None else required),
            "additionalProperties": False}


_S, _N = {"type": "string"}, {"type": "number"}
_NS = {"type": ["string", "null"]}
#: Templates whose requests ask for JSON (response_format / structured outputs), with the
#: schema of the answer. Their prompts ask for one JSON object.
JSON_SCHEMAS: dict[str, dict[str, Any]] = {
    "classification/api/1": _schema({"intent": {"type": "string", "enum": [
        "cancel_subscription", "upgrade_plan", "report_bug", "request_refund", "ask_question", "give_feedback"]}}),
    "sentiment_analysis/api/1": _schema({"sentiment": {"type": "string", "enum": ["positive", "negative", "neutral"]},
                                         "score": _N, "emotion": _S}),
    "spam_detection/api/1": _schema({"spam": {"type": "boolean"}, "reason": _S}),
    "language_detection/api/1": _schema({"language": _S, "confidence": _N}),
    "entity_extraction/api/0": _schema({"vendor": _S, "invoice_number": _S, "invoice_date": _NS, "due_date": _NS,
                                        "currency": _S, "total_amount": _S, "line_items": {"type": "array"}},
                                       ["vendor", "invoice_number", "total_amount"]),
    "entity_extraction/api/1": _schema({"carrier": _S, "tracking_number": _NS, "order_id": _NS,
                                        "estimated_delivery": _NS, "destination_city": _NS}),
    "entity_extraction/api/2": _schema({"attendees": {"type": "array", "items": _S}, "date": _NS, "start_time": _NS,
                                        "duration_minutes": {"type": ["number", "null"]}, "location": _NS,
                                        "topic": _S}),
    "entity_extraction/api/4": _schema({"full_name": _S, "email": _NS, "phone": _NS,
                                        "months_experience": {"type": ["number", "null"]},
                                        "current_employer": _NS, "desired_role": _NS},
                                       ["full_name"]),
    "format_conversion/api/4": {"type": "object"},
}
#: OpenAI requests of these templates send the schema (``json_schema``); the others ``json_object``.
SCHEMA_NAMES = {"entity_extraction/api/0": "invoice", "entity_extraction/api/1": "shipment",
                "entity_extraction/api/2": "calendar_entry", "entity_extraction/api/4": "applicant"}
INTENTS = tuple(JSON_SCHEMAS["classification/api/1"]["properties"]["intent"]["enum"])


def json_wanted(q: Req) -> bool:
    """Whether the request asks for JSON output (its template does, in the API style)."""
    return q.style == API and q.template in JSON_SCHEMAS


def oa_response_format(q: Req) -> dict[str, Any]:
    name = SCHEMA_NAMES.get(q.template)
    if name is None:
        return {"type": "json_object"}
    return {"type": "json_schema", "json_schema": {"name": name, "schema": JSON_SCHEMAS[q.template]}}


def an_output_format(q: Req) -> dict[str, Any]:
    return {"type": "json_schema", "schema": JSON_SCHEMAS[q.template]}


class Outcome:
    """How one answer ended: ``finish`` is stop, truncated, filtered or tool; ``malformed``
    (JSON asked for) is None, fence, prose or cut; ``limit`` the output limit a cut answer hit."""

    __slots__ = ("finish", "json", "malformed", "limit", "regressed")

    def __init__(self) -> None:
        self.finish = "stop"
        self.json = False
        self.malformed: str | None = None
        self.limit: int | None = None
        self.regressed = False

    @property
    def bad(self) -> bool:
        return self.finish in ("truncated", "filtered") or self.malformed is not None


class Sent:
    """One request as written (what a re-send of it needs, and what its feedback depends on)."""

    __slots__ = ("e", "q", "model", "ts", "request", "extra", "outcome", "failed", "rid", "depth", "kind")

    def __init__(self, e: Entry, q: Req, model: str, ts: int) -> None:
        self.e, self.q, self.model, self.ts = e, q, model, ts
        self.request: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}
        self.outcome: Outcome | None = None
        self.failed = False
        self.rid: str | None = None  # the id spendscope ingests as request_id
        self.depth = 0
        self.kind = "first"  # first, retry, override


def _output_limit(out: int) -> int:
    """The output limit an answer of ``out`` tokens was cut at (the largest one it reached)."""
    reached = [x for x in OUTPUT_LIMITS if x <= out]
    return reached[-1] if reached else OUTPUT_LIMITS[0]


def again(q: Req, r: Random) -> Req:
    """The same request sent again: the same input, a new answer (its length drawn anew)."""
    q2 = Req()
    for name in Req.__slots__:
        setattr(q2, name, getattr(q, name))
    q2.out = logu(r, *PROFILE[q.category][2:])
    return q2


class Signals:
    """A format's quality signals: each request's outcome, its re-sends and its feedback, drawn
    from the format's own signals stream; counts for the summary."""

    def __init__(self, seed: int, fmt: str, spread: dict[tuple[str, ...], float] | None = None) -> None:
        self.fmt = fmt
        self.r = Random(f"spendscope-sample:{seed}:{fmt}:signals")
        self.feedback: list[tuple[str, str, str]] = []
        self.override_seen = 0
        self._spread: dict[tuple[str, ...], float] = {} if spread is None else spread  # shared by the formats
        self.counts: dict[str, int] = dict.fromkeys(
            ("json_requested", "json_malformed", "truncated", "content_filter", "retries", "overrides",
             "override_marks", "feedback_rows", "feedback_flags"), 0)

    def spread(self, *key: str) -> float:
        """A number in [0, 1) for a yes/no draw of ``key`` (what, and the model and/or category
        it is about): successive calls of one key, across all formats, walk a golden-ratio
        sequence from a random start, so any run of them (one day, one weekend) holds close to
        the intended share of yeses. Plain draws would let a small category on a quiet weekend
        collect several bad answers by chance: the alerts and optimize's limits should find
        what is built in here (the override category, the regression), not noise."""
        x = self._spread.get(key)
        x = self.r.random() if x is None else (x + GOLDEN) % 1.0
        self._spread[key] = x
        return x

    # ---- one answer ---------------------------------------------------------------------

    def decide(self, q: Req, model: str, ts: int, *, thinking: bool = False) -> Outcome:
        """Draw how the answer to ``q`` on ``model`` ends, and fit its output tokens to that."""
        r, o = self.r, Outcome()
        o.json = json_wanted(q)
        if "calls" in q.reply:
            o.finish = "tool"
            return o
        key, cat = price_key(model), q.category
        o.regressed = cat == REGRESSION["category"] and key == REGRESSION["model"] and ts >= REGRESSION["since_ms"]
        long_answers = TRUNCATION_BY_CATEGORY.get(cat, 1.0)
        if o.json:  # the JSON answers asked for here are small objects, far from any output limit
            long_answers = min(long_answers, 0.5)
        p_cut = TRUNCATION[TIERS[key]] * long_answers
        if o.regressed:
            p_cut = float(REGRESSION["truncation"])
        if thinking:  # extended thinking counts as output: a cut would not be at a round limit
            p_cut = 0.0
        x = self.spread("end", key, cat)
        if x < p_cut:
            o.finish, o.limit = "truncated", _output_limit(q.out)
            q.out = o.limit
        elif x < p_cut + CONTENT_FILTER.get(cat, CONTENT_FILTER_OTHERS):
            o.finish = "filtered"
            q.out = min(q.out, r.randrange(4, 30))
        if o.json:
            if o.finish == "truncated":
                o.malformed = "cut"
            elif o.finish == "stop":
                p_bad = float(REGRESSION["malformed"]) if o.regressed else MALFORMED_JSON[key]
                if self.spread("json", key, cat) < p_bad:
                    o.malformed = "fence" if r.random() < 0.65 else "prose"
        return o

    def answer(self, q: Req, o: Outcome) -> str:
        """The answer's text for its outcome (a filtered answer's text is the format's call)."""
        text = self.json_text(q) if o.json else q.reply["text"]
        if o.finish == "truncated":
            return text[: max(1, int(len(text) * self.r.uniform(0.35, 0.85)))].rstrip()
        if o.malformed == "fence":
            return "```json\n" + text + "\n```"
        if o.malformed == "prose":
            return text + self.r.choice(TRAILING_PROSE)
        return text

    def json_text(self, q: Req) -> str:
        """The well-formed JSON answer of a JSON request (the same for every send of one input)."""
        c = q.ctx
        if "_json" in c:
            return c["_json"]
        r, t, ans = self.r, q.template, c.get("answer")
        if t == "classification/api/1":
            text = json.dumps({"intent": ans if ans in INTENTS else "ask_question"})
        elif t == "sentiment_analysis/api/1":
            s = weighted(r, (("negative", 6), ("neutral", 3), ("positive", 1)))
            lo, hi = {"negative": (-0.95, -0.3), "neutral": (-0.2, 0.2), "positive": (0.3, 0.9)}[s]
            score = r.uniform(lo, hi)
            emotion = (r.choice(("frustration", "anger", "confusion")) if s == "negative"
                       else {"neutral": "neutral", "positive": "joy"}[s])
            text = json.dumps({"sentiment": s, "score": round(score, 2), "emotion": emotion})
        elif t == "spam_detection/api/1":
            spam = ans == "spam"
            text = json.dumps({"spam": spam, "reason": "credential phishing link" if spam else "normal correspondence"})
        elif t == "language_detection/api/1":
            code = ans if ans in LANG_NAMES else "de"
            text = json.dumps({"language": code, "confidence": round(r.uniform(0.86, 0.99), 2)})
        else:
            text = q.reply["text"]
        json.loads(text)  # every JSON answer template must give valid JSON
        c["_json"] = text
        return text

    def oa_answer(self, q: Req, o: Outcome | None) -> tuple[str, str | None] | None:
        """(finish_reason, content) of an OpenAI-shaped answer; None for a tool call."""
        if o is None or o.finish == "tool":
            return None
        if o.finish == "filtered":
            return "content_filter", None
        return ("length" if o.finish == "truncated" else "stop"), self.answer(q, o)

    def an_answer(self, q: Req, o: Outcome | None) -> tuple[str, str] | None:
        """(stop_reason, text) of an Anthropic answer; None for a tool call."""
        if o is None or o.finish == "tool":
            return None
        if o.finish == "filtered":
            return "refusal", REFUSAL
        return ("max_tokens" if o.finish == "truncated" else "end_turn"), self.answer(q, o)

    # ---- after a request is written --------------------------------------------------------

    def keep(self, sent: Sent, expected: Expected | None, category_id: str | None = None) -> None:
        """Count a written request, list it in the expected file, draw its user feedback."""
        o = sent.outcome
        if expected is not None and (category_id or sent.rid):
            expected.add(category_id or sent.rid, sent.q.category)  # type: ignore[arg-type]
        if sent.request.get("metadata", {}).get("override") == "true":
            self.counts["override_marks"] += 1
        if sent.kind == "retry":
            self.counts["retries"] += 1
        elif sent.kind == "override":
            self.counts["overrides"] += 1
        if o is not None and not sent.failed:
            self.counts["json_requested"] += o.json
            self.counts["json_malformed"] += o.malformed is not None
            self.counts["truncated"] += o.finish == "truncated"
            self.counts["content_filter"] += o.finish == "filtered"
        if sent.failed or sent.rid is None or o is None:
            return
        r = self.r
        key = price_key(sent.model)
        p = FEEDBACK_SHARE[sent.e.product] * (FEEDBACK_BAD_FACTOR if o.bad else 1.0)
        if o.regressed:
            p *= float(REGRESSION["feedback"])
        if self.spread("feedback", sent.q.category) >= p:
            return
        if o.bad:
            p_flag = FLAG_BAD
        else:
            p_flag = FLAG_BY_TIER[TIERS[key]] + FLAG_WEAK.get((key, sent.q.category), 0.0)
            if o.regressed:
                p_flag += float(REGRESSION["flag"])
        flag = self.spread("flag", sent.q.category) < p_flag
        score = ""
        if sent.e.product in RATED_PRODUCTS:
            score = str(r.choice((1, 2)) if flag else weighted(r, ((3, 0.15), (4, 0.4), (5, 0.45))))
        self.feedback.append((sent.rid, "1" if flag else "0", score))
        self.counts["feedback_rows"] += 1
        self.counts["feedback_flags"] += flag

    def resend(self, sent: Sent) -> tuple[int, str, str] | None:
        """Whether the user sends ``sent``'s input again: (when, retry or override, model)."""
        if sent.depth >= 2 or sent.q.category == "agentic":
            return None
        r, o = self.r, sent.outcome
        if (self.fmt == OVERRIDE["format"] and sent.q.category == OVERRIDE["category"] and sent.depth == 0
                and price_key(sent.model) == OVERRIDE["from"] and not sent.failed):
            # evenly spread (not drawn): the category's override rate is the point, not noise
            self.override_seen += 1
            share = float(OVERRIDE["share"])
            if int(self.override_seen * share) > int((self.override_seen - 1) * share):
                return sent.ts + r.randrange(60_000, 240_001), "override", str(OVERRIDE["to"])
        if sent.failed:
            p = RETRY_AFTER["error"]
        elif o is not None and o.finish in ("truncated", "filtered"):
            p = RETRY_AFTER[o.finish]
        elif o is not None and o.malformed is not None:
            p = RETRY_AFTER["malformed"]
        else:
            p = RETRY_BASE
        if r.random() < p:
            return sent.ts + r.randrange(60_000, 300_001), "retry", sent.model
        return None


#: A format's request builder: (r, entry, time, signals, first send or None, model of a re-send) -> (lines, Sent).
Make = Callable[[Random, Entry, int, "Signals | None", "Sent | None", "str | None"],
                "tuple[list[dict[str, Any]], Sent]"]


def write_resending(fmt: str, r: Random, n: int, path: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                    sig: Signals, make: Make) -> dict[str, int]:
    """Write ``n`` requests of a request/response log. A request the user sends again takes
    the place of the first request due at or after that time (its time moved back to when it
    was sent), so the count stays ``n``; the request it replaces is still drawn from the main
    stream, which keeps every other request as it was."""
    pick_entry = Picker(MIXES[fmt])
    w = LineWriter(path, gz, bad)
    due: list[tuple[int, int, Sent, str, str]] = []  # (at, seq, first send, kind, model), a heap
    seq = 0
    last = WEEK_START_MS
    for ts in sample_times(r, n):
        e = pick_entry(r)
        lines, sent = make(r, e, ts, sig, None, None)
        while due and due[0][0] <= ts:
            at, _, prior, kind, model = heapq.heappop(due)
            at = max(at, last)
            if at - prior.ts > RESEND_MAX_MS:
                continue  # too late: the user gave up
            lines, sent = make(sig.r, prior.e, at, sig, prior, model)
            sent.kind, sent.depth = kind, prior.depth + 1
            break
        for line in lines:
            w.write(line)
        last = sent.ts
        sig.keep(sent, expected)
        plan = sig.resend(sent)
        if plan is not None:
            seq += 1
            heapq.heappush(due, (plan[0], seq, sent, plan[1], plan[2]))
    return {w.path.name: w.close()}


# --------------------------------------------------------------------------------------
# 1. OpenAI Chat Completions request/response log
# --------------------------------------------------------------------------------------

OA_ERRORS = (
    (429, "Rate limit reached for {model} in organization org-nwl4bs on tokens per min (TPM): Limit 2000000, Used "
          "1998712, Requested 3120. Please try again in 120ms. Visit https://platform.openai.com/account/rate-limits "
          "to learn more.", "tokens", "rate_limit_exceeded", 6),
    (500, "The server had an error while processing your request. Sorry about that!", "server_error", None, 2),
    (400, "This model's maximum context length is 128000 tokens. However, your messages resulted in 131204 tokens. "
          "Please reduce the length of the messages.", "invalid_request_error", "context_length_exceeded", 1),
    (503, "The engine is currently overloaded, please try again later.", "server_error", None, 1),
)
OA_ERROR_RATE = 0.003


def openai_chat_record(r: Random, e: Entry, ts: int, expected: Expected | None) -> dict[str, Any]:
    """One line of the log, without quality signals drawn (the corrupt lines start from these)."""
    lines, sent = openai_chat_lines(r, e, ts, None, None, None)
    if expected is not None and sent.rid is not None:
        expected.add(sent.rid, sent.q.category)
    return lines[0]


def openai_chat_lines(r: Random, e: Entry, ts: int, sig: Signals | None, prior: Sent | None,
                      model_to: str | None) -> tuple[list[dict[str, Any]], Sent]:
    """A request and its response; with ``prior``, that request sent again (``r`` is then the
    signals stream)."""
    if prior is None:
        q = build_request(r, e)
        model = weighted(r, e.models)
        request: dict[str, Any] = {"model": model, "messages": oa_messages(q)}
        if q.toolset:
            request["tools"] = OA_TOOLS[q.toolset]
        if model not in REASONING_MODELS:
            request["temperature"] = 0 if q.style == API else 0.7
        if json_wanted(q):
            request["response_format"] = oa_response_format(q)
        meta = _meta(r, e, r.choice(PRODUCT_USERS[e.product]))
        if (sig is not None and e.feature == OVERRIDE_MARK["feature"] and model == OVERRIDE_MARK["model"]
                and sig.r.random() < float(OVERRIDE_MARK["share"])):
            meta["override"] = "true"
        request["metadata"] = meta
    else:
        q, model = again(prior.q, r), model_to or prior.model
        request = {**prior.request, "model": model}
    sent = Sent(e, q, model, ts)
    sent.request = request
    if r.random() < OA_ERROR_RATE:
        status, msg, typ, code, _ = weighted(r, [(x, x[4]) for x in OA_ERRORS])
        sent.failed = True
        return [{"timestamp": iso_ms(ts), "request": request, "response": None,
                 "error": {"message": msg.format(model=model), "type": typ, "param": None, "code": code},
                 "status_code": status}], sent
    o = sent.outcome = sig.decide(q, model, ts) if sig is not None else None
    prompt, cached, completion, reasoning = oa_usage_parts(r, q, model)
    resp = oa_completion(r, q, model, ts // 1000, oa_usage(prompt, cached, completion, reasoning),
                         sig.oa_answer(q, o) if sig is not None else None)
    sent.rid = resp["id"]
    return [{"timestamp": iso_ms(ts), "request": request, "response": resp}], sent


def write_openai_chat(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                      sig: Signals) -> dict[str, int]:
    return write_resending("openai_chat", r, n, out / f"openai_chat{_ext(gz)}", gz, expected, bad, sig,
                           openai_chat_lines)


# --------------------------------------------------------------------------------------
# 2. OpenAI Batch API input and output files (nightly jobs)
# --------------------------------------------------------------------------------------

BATCH_ERRORS = (
    {"message": "Invalid 'messages[1].content': string too long. Expected a string with maximum length 1048576, but got "
                "a string with length 1301977 instead.", "type": "invalid_request_error", "param": "messages[1].content",
     "code": "string_above_max_length"},
    {"message": "Invalid value for 'max_tokens': must be less than or equal to 16384.", "type": "invalid_request_error",
     "param": "max_tokens", "code": "invalid_value"},
)


def write_openai_batch(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                       sig: Signals) -> dict[str, int]:
    pick_entry = Picker(MIXES["openai_batch"])
    w_in = LineWriter(out / f"openai_batch_input{_ext(gz)}", gz)
    w_out = LineWriter(out / f"openai_batch_output{_ext(gz)}", gz)
    per_night = [n // 7 + (1 if d < n % 7 else 0) for d in range(7)]
    for night, count in enumerate(per_night):
        submit = WEEK_START_MS + night * DAY_MS + HOUR_MS + r.randrange(30 * 60_000)
        day = (WEEK_START + timedelta(days=night)).strftime("%Y%m%d")
        outputs: list[dict[str, Any]] = []
        for seq in range(count):
            e = pick_entry(r)
            q = build_request(r, e)
            model = weighted(r, e.models)
            custom_id = f"{e.product}-{e.feature}-{day}-{seq:06d}"
            body: dict[str, Any] = {"model": model, "messages": oa_messages(q), "temperature": 0,
                                    "max_tokens": 32768 if r.random() < 0.005 else 4096 if q.out > 1000 else 1024}
            sent = Sent(e, q, model, submit)
            o = sent.outcome = sig.decide(q, model, submit)
            if o.limit is not None and body["max_tokens"] != 32768:
                body["max_tokens"] = o.limit  # the job's limit that the answer ran into
            if json_wanted(q):
                body["response_format"] = oa_response_format(q)
            w_in.write({"custom_id": custom_id, "method": "POST", "url": "/v1/chat/completions", "body": body})
            line: dict[str, Any] = {"id": "batch_req_" + rid(r, 32, HEX), "custom_id": custom_id}
            too_long = r.random() < 0.005
            if body["max_tokens"] == 32768 or too_long:
                line["response"] = {"status_code": 400, "request_id": rid(r, 32, HEX),
                                    "body": {"error": BATCH_ERRORS[0 if too_long else 1]}}
                sent.failed = True
            else:
                created = (submit + r.randrange(10 * 60_000, 5 * HOUR_MS)) // 1000
                prompt, cached, completion, reasoning = oa_usage_parts(r, q, model)
                resp = oa_completion(r, q, model, created, oa_usage(prompt, cached, completion, reasoning),
                                     sig.oa_answer(q, o))
                resp["service_tier"] = "default"
                line["response"] = {"status_code": 200, "request_id": rid(r, 32, HEX), "body": resp}
                sent.rid = line["id"]  # what spendscope ingests as the request id of an output line
            line["error"] = None
            outputs.append(line)
            sig.keep(sent, expected, custom_id)
        r.shuffle(outputs)  # output order is not input order
        for line in outputs:
            w_out.write(line)
    return {w_in.path.name: w_in.close(), w_out.path.name: w_out.close()}


# --------------------------------------------------------------------------------------
# 3. Anthropic Messages request/response log
# --------------------------------------------------------------------------------------


def _opaque_user(user: str) -> str:
    return "usr_" + hashlib.sha256(f"northwind:{user}".encode()).hexdigest()[:24]


def an_max_tokens(out: int) -> int:
    """The output limit the callers set for an answer expected to be about ``out`` tokens."""
    return 8192 if out > 1500 else 2048 if out > 300 else 512


def anthropic_lines(r: Random, e: Entry, ts: int, sig: Signals | None, prior: Sent | None,
                    model_to: str | None) -> tuple[list[dict[str, Any]], Sent]:
    """A request and its response; with ``prior``, that request sent again (to ``model_to``)."""
    if prior is None:
        q = build_request(r, e)
        model = weighted(r, e.models)
        if model == "claude-haiku-4-5" and r.random() < 0.4:
            model = "claude-haiku-4-5-20251001"
    else:
        q, model = again(prior.q, r), model_to or prior.model
    uses_cache = q.prefix >= 1024 and q.system is not None
    multi = q.hist > 0
    ttl = e.cache_ttl
    cache_control: dict[str, str] = {"type": "ephemeral"} if ttl == "5m" else {"type": "ephemeral", "ttl": "1h"}
    if prior is None:
        request: dict[str, Any] = {"model": model, "max_tokens": an_max_tokens(q.out)}
        if q.system is not None:
            request["system"] = ([{"type": "text", "text": q.system, "cache_control": cache_control}]
                                 if uses_cache or multi else q.system)
        request["messages"] = an_messages(q, cache_control if multi or (uses_cache and q.doc > 0) else None)
        if q.toolset:
            request["tools"] = AN_TOOLS[q.toolset]
        if json_wanted(q):
            request["output_format"] = an_output_format(q)
        thinking = q.category == "reasoning" and r.random() < 0.5
        if thinking:
            request["thinking"] = {"type": "enabled", "budget_tokens": 8000}
        elif q.style == CHAT:
            request["temperature"] = 0.7
        user = r.choice(PRODUCT_USERS[e.product])
        request["metadata"] = {"user_id": _opaque_user(user), "project": e.product, "feature": e.feature}
    else:  # the same request; a retry of a cut answer asks for the usual limit again
        request = {**prior.request, "model": model, "max_tokens": an_max_tokens(q.out)}
        thinking = "thinking" in request
    sent = Sent(e, q, model, ts)
    sent.request = request
    o = sent.outcome = sig.decide(q, model, ts, thinking=thinking) if sig is not None else None
    if o is not None and o.limit is not None:
        request["max_tokens"] = o.limit
    inp, read, write, out_tok = an_usage_parts(r, q, uses_cache, thinking)
    if prior is not None and model != prior.model:  # a new model starts with a cold cache
        read, write = 0, read + write
    resp = an_message(r, q, model, an_usage(inp, read, write, out_tok, ttl), thinking,
                      sig.an_answer(q, o) if sig is not None else None)
    sent.rid = resp["id"]
    return [{"timestamp": iso_ms(ts), "request": request, "response": resp}], sent


def write_anthropic(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                    sig: Signals) -> dict[str, int]:
    return write_resending("anthropic_messages", r, n, out / f"anthropic_messages{_ext(gz)}", gz, expected, bad, sig,
                           anthropic_lines)


# --------------------------------------------------------------------------------------
# 4. LiteLLM gateway: StandardLoggingPayload lines
# --------------------------------------------------------------------------------------

GATEWAY_GROUPS = {"gw_fast": "fast", "gw_smart": "smart", "gw_reason": "reasoning"}
GATEWAY_KEYS = {  # product -> (key alias, team alias, team id)
    "askme": ("askme-prod", "internal-assistant", "team_5f2c9a7e"),
    "datahub": ("datahub-analysts", "data-platform", "team_a81d03b4"),
}


def _deployment_id(model: str) -> str:
    return hashlib.sha256(f"northwind-gateway:{model}".encode()).hexdigest()


def _litellm_model(model: str) -> str:
    return "claude-haiku-4-5-20251001" if model == "claude-haiku-4-5" else model


def _gateway_response(r: Random, q: Req, model: str, ts: int, usage: dict[str, Any], anth: bool,
                      answer: tuple[str, str | None] | None = None) -> dict[str, Any]:
    resp = oa_completion(r, q, model, ts // 1000, usage, answer)
    if anth:  # LiteLLM builds its own ModelResponse for Anthropic: uuid id, no fingerprint
        resp["id"] = "chatcmpl-" + ruuid(r)
        resp["service_tier"] = None
        resp["system_fingerprint"] = None
    return resp


def litellm_record(r: Random, e: Entry, ts: int, expected: Expected | None) -> dict[str, Any]:
    """One line of the log, without quality signals drawn (the corrupt lines start from these)."""
    lines, sent = litellm_lines(r, e, ts, None, None, None)
    if expected is not None and sent.rid is not None:
        expected.add(sent.rid, sent.q.category)
    return lines[0]


def litellm_lines(r: Random, e: Entry, ts: int, sig: Signals | None, prior: Sent | None,
                  model_to: str | None) -> tuple[list[dict[str, Any]], Sent]:
    """A gateway call; with ``prior``, that call sent again (``r`` is then the signals stream)."""
    if prior is None:
        q = build_request(r, e)
        model = _litellm_model(weighted(r, e.models))
    else:
        q, model = again(prior.q, r), model_to or prior.model
    sent = Sent(e, q, model, ts)
    o = sent.outcome = sig.decide(q, model, ts) if sig is not None else None
    anth = is_anthropic(model)
    provider = "anthropic" if anth else "openai"
    api_base = "https://api.anthropic.com/v1/messages" if anth else "https://api.openai.com/v1"
    messages = oa_messages(q)
    call_id = ruuid(r)
    if anth:
        uses_cache = q.prefix >= 1024 and q.system is not None
        inp, read, write, out_tok = an_usage_parts(r, q, uses_cache, False)
        prompt = inp + read + write  # LiteLLM folds cache read + write into prompt_tokens
        completion = out_tok
        usage: dict[str, Any] = {
            "completion_tokens": completion, "prompt_tokens": prompt, "total_tokens": prompt + completion,
            "completion_tokens_details": {"reasoning_tokens": 0, "accepted_prediction_tokens": None,
                                          "rejected_prediction_tokens": None, "audio_tokens": None, "text_tokens": None},
            "prompt_tokens_details": {"cached_tokens": read, "cache_creation_tokens": write, "audio_tokens": None,
                                      "text_tokens": None, "image_tokens": None},
            "cache_creation_input_tokens": write, "cache_read_input_tokens": read,
        }
        cost = an_cost(model, inp, read, write, out_tok, "5m")
    else:
        prompt, cached, completion, reasoning = oa_usage_parts(r, q, model)
        usage = oa_usage(prompt, cached, completion, reasoning)
        cost = oa_cost(model, prompt, cached, completion)
    lat = latency_ms(r, model, prompt, completion)
    start = ts / 1000
    ttft = min(lat, int(lat * r.uniform(0.1, 0.4)) + 120)
    failed = r.random() < 0.005
    if prior is None:
        user = r.choice(PRODUCT_USERS[e.product])
        slm: dict[str, str] = {"project": e.product, "feature": e.feature}
        if e.product == TASK_LABEL_PRODUCT and r.random() < TASK_LABEL_SHARE:
            slm["task"] = e.category
    else:
        user, slm = prior.extra["user"], dict(prior.extra["slm"])
    sent.extra = {"user": user, "slm": slm}
    key_alias, team_alias, team_id = GATEWAY_KEYS[e.product]
    model_parameters: dict[str, Any] = {"temperature": 0.2 if q.style == API else 0.7, "stream": q.style == CHAT}
    if json_wanted(q):
        model_parameters["response_format"] = {"type": "json_object"}
    metadata: Any = {
        "user_api_key_hash": _deployment_id(key_alias),
        "user_api_key_alias": key_alias,
        "user_api_key_team_id": team_id,
        "user_api_key_org_id": None,
        "user_api_key_user_id": user,
        "user_api_key_team_alias": team_alias,
        "user_api_key_user_email": f"{user}@northwind.example" if "." in user else None,
        "user_api_key_end_user_id": None,
        "spend_logs_metadata": slm,
        "requester_metadata": {},
        "requester_ip_address": f"10.20.{hash_small(user) % 250}.{hash_small(user[::-1]) % 250 + 2}",
        "usage_object": None if failed else usage,
        "applied_guardrails": [],
        "mcp_tool_call_metadata": None,
    }
    if r.random() < 0.05:
        metadata = orjson.dumps(metadata).decode()  # some exporters double-encode it
    rec: dict[str, Any] = {
        "id": call_id,
        "trace_id": ruuid(r),
        "call_type": "acompletion",
        "stream": q.style == CHAT,
        "status": "failure" if failed else "success",
        "custom_llm_provider": provider,
        "response_cost": 0.0 if failed else round(cost, 10),
        "saved_cache_cost": 0.0,
        "prompt_tokens": 0 if failed else prompt,
        "completion_tokens": 0 if failed else completion,
        "total_tokens": 0 if failed else prompt + completion,
        "startTime": start,
        "endTime": start + lat / 1000,
        "completionStartTime": start + ttft / 1000,
        "response_time": lat / 1000,
        "model": model,
        "model_id": _deployment_id(model),
        "model_group": GATEWAY_GROUPS.get(e.mix, model),
        "api_base": api_base,
        "cache_hit": None,
        "cache_key": None,
        "request_tags": [f"project:{e.product}", f"feature:{e.feature}"],
        "end_user": "",
        "requester_ip_address": None,
        "messages": messages,
        "response": {} if failed else _gateway_response(r, q, model, ts, usage, anth,
                                                        sig.oa_answer(q, o) if sig is not None else None),
        "model_parameters": model_parameters,
        "hidden_params": {"model_id": _deployment_id(model), "api_base": api_base,
                          "response_cost": None if failed else round(cost, 10), "litellm_overhead_time_ms": r.randrange(2, 40),
                          "additional_headers": {}},
        "error_str": None,
        "metadata": metadata,
    }
    if failed:
        rec["error_str"] = f"litellm.RateLimitError: {provider.capitalize()}Exception - rate limit exceeded for {model}"
        rec["error_information"] = {"error_code": "429", "error_class": "RateLimitError", "llm_provider": provider,
                                    "traceback": "", "error_message": rec["error_str"]}
    sent.failed = failed
    sent.rid = call_id
    return [rec], sent


def write_litellm(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                  sig: Signals) -> dict[str, int]:
    return write_resending("litellm", r, n, out / f"litellm_spend_logs{_ext(gz)}", gz, expected, bad, sig,
                           litellm_lines)


# --------------------------------------------------------------------------------------
# 5. Langfuse observations (v1 API, camelCase): generations plus spans and events
# --------------------------------------------------------------------------------------

LF_SPANS = {"clausecheck": ("contract-review-pipeline", "retrieve-clauses", "guardrail-check"),
            "helpdesk": ("kb-answer-pipeline", "retrieve-articles", "cache-miss")}


def _lf_obs(oid: str, trace: str, typ: str, name: str, start: int, end: int | None, parent: str | None) -> dict[str, Any]:
    return {"id": oid, "traceId": trace, "type": typ, "name": name, "startTime": iso_ms(start),
            "endTime": iso_ms(end) if end is not None else None, "completionStartTime": None,
            "parentObservationId": parent, "level": "DEFAULT", "statusMessage": None, "version": None,
            "environment": "production"}


def langfuse_lines(r: Random, e: Entry, ts: int, sig: Signals | None, prior: Sent | None,
                   model_to: str | None) -> tuple[list[dict[str, Any]], Sent]:
    """A trace's observations: the generation, and spans and an event around some of them; with
    ``prior``, the same generation sent again in a new trace."""
    if prior is None:
        q = build_request(r, e)
        model = weighted(r, e.models)
    else:
        q, model = again(prior.q, r), model_to or prior.model
    sent = Sent(e, q, model, ts)
    o = sent.outcome = sig.decide(q, model, ts) if sig is not None else None
    lines: list[dict[str, Any]] = []
    trace = rid(r, 32, HEX)
    root_name, retr_name, event_name = LF_SPANS[e.product]
    has_root, has_retr, has_event = r.random() < 0.26, r.random() < 0.12, r.random() < 0.06
    anth = is_anthropic(model)
    if anth:
        inp, read, write, out_tok = an_usage_parts(r, q, q.prefix >= 1024 and q.system is not None, False)
        usage_details = {"input": inp, "cache_read_input_tokens": read, "cache_creation_input_tokens": write,
                         "output": out_tok, "total": inp + read + write + out_tok}
        pin, pread, pout, pw5, _ = PRICES[price_key(model)]
        cost_details = {"input": inp * pin / 1e6, "cache_read_input_tokens": read * pread / 1e6,
                        "cache_creation_input_tokens": write * pw5 / 1e6, "output": out_tok * pout / 1e6}
        prompt, completion = inp + read + write, out_tok
    else:
        prompt, cached, completion, reasoning = oa_usage_parts(r, q, model)
        usage_details = {"input": prompt - cached, "input_cached_tokens": cached, "output": completion - reasoning,
                         "output_reasoning_tokens": reasoning, "total": prompt + completion}
        pin, pcache, pout = PRICES[price_key(model)][:3]
        cost_details = {"input": (prompt - cached) * pin / 1e6, "input_cached_tokens": cached * pcache / 1e6,
                        "output": (completion - reasoning) * pout / 1e6, "output_reasoning_tokens": reasoning * pout / 1e6}
    total_cost = sum(cost_details.values())
    cost_details = {k: round(v, 10) for k, v in cost_details.items()}
    cost_details["total"] = round(total_cost, 10)
    lat = latency_ms(r, model, prompt, completion)
    retr_ms = r.randrange(40, 400) if has_retr else 0
    gen_start = ts + retr_ms + (r.randrange(2, 15) if has_root else 0)
    gen_end = gen_start + lat
    root_id = rid(r, 16, HEX) if has_root else None
    if has_root:
        span = _lf_obs(root_id, trace, "SPAN", root_name, ts, gen_end + r.randrange(1, 30), None)  # type: ignore[arg-type]
        span.update({"model": None, "input": {"question": q.turns[-1].get("text", "")[:120]}, "output": None,
                     "metadata": {"project": e.product, "feature": e.feature}, "usageDetails": {}, "costDetails": {},
                     "latency": (gen_end - ts) / 1000, "timeToFirstToken": None})
        lines.append(span)
    if has_retr:
        span = _lf_obs(rid(r, 16, HEX), trace, "SPAN", retr_name, ts + 1, ts + retr_ms, root_id)
        span.update({"model": None, "input": {"top_k": 5}, "output": {"documents": r.randrange(1, 6)},
                     "metadata": {"index": f"{e.product}-kb-v3"}, "usageDetails": {}, "costDetails": {},
                     "latency": retr_ms / 1000, "timeToFirstToken": None})
        lines.append(span)
    gid = rid(r, 16, HEX)
    g = _lf_obs(gid, trace, "GENERATION", e.feature, gen_start, gen_end, root_id)
    ttft = min(lat, int(lat * r.uniform(0.1, 0.4)) + 120)
    g["completionStartTime"] = iso_ms(gen_start + ttft)
    params: dict[str, Any] = {"temperature": 0 if q.style == API else 0.7, "max_tokens": 1024}
    if json_wanted(q):  # the pipelines' client takes an OpenAI-style response_format for every provider
        params["response_format"] = {"type": "json_object"}
    metadata = {"project": e.product, "feature": e.feature}
    text = q.reply.get("text", "")
    if sig is not None and o is not None:
        answer = sig.an_answer(q, o) if anth else sig.oa_answer(q, o)
        if answer is not None:
            metadata["finish_reason"], text = answer[0], answer[1] or ""  # as the provider reported it
        if o.limit is not None:
            params["max_tokens"] = o.limit
    g.update({
        "model": model,
        "modelParameters": params,
        "input": oa_messages(q),
        "output": {"role": "assistant", "content": text},
        "metadata": metadata,
        "usageDetails": usage_details,
        "costDetails": cost_details,
        "calculatedTotalCost": cost_details["total"],
        "promptName": e.feature if q.style == API else None,
        "promptVersion": (hash_small(e.feature) % 6) + 1 if q.style == API else None,
        "latency": lat / 1000,
        "timeToFirstToken": ttft / 1000,
    })
    lines.append(g)
    sent.rid = gid
    if has_event:
        event = _lf_obs(rid(r, 16, HEX), trace, "EVENT", event_name, gen_end + 1, None, root_id)
        event.update({"model": None, "input": None, "output": {"passed": True}, "metadata": {}, "usageDetails": {},
                      "costDetails": {}, "latency": None, "timeToFirstToken": None})
        lines.append(event)
    return lines, sent


def write_langfuse(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                   sig: Signals) -> dict[str, int]:
    return write_resending("langfuse", r, n, out / f"langfuse_observations{_ext(gz)}", gz, expected, bad, sig,
                           langfuse_lines)


# --------------------------------------------------------------------------------------
# 6. Claude Code session transcripts (~/.claude/projects/<dir>/<session>.jsonl)
# --------------------------------------------------------------------------------------

CC_VERSIONS = (("2.0.30", 5), ("2.0.31", 3), ("2.0.22", 2), ("1.0.88", 1))
CC_MODELS = (("claude-sonnet-4-5-20250929", 7), ("claude-opus-4-7", 2.5), ("claude-haiku-4-5-20251001", 0.5))
CC_TURN_CATEGORIES = (("code_generation", 55), ("agentic", 30), ("code_explanation", 15))
CC_CALLS_PER_TURN = {"code_generation": (2, 12), "agentic": (4, 18), "code_explanation": (1, 4)}
CC_DEVS = EMPLOYEES[14:24]


def _plan_sessions(r: Random, n: int) -> list[list[tuple[str, int]]]:
    """Sessions as lists of (turn category, API calls), totalling exactly n calls."""
    sessions: list[list[tuple[str, int]]] = []
    left = n
    while left > 0:
        turns: list[tuple[str, int]] = []
        for _ in range(weighted(r, ((1, 1), (2, 2), (3, 3), (4, 3), (5, 2), (7, 1.5), (10, 1), (14, 0.5)))):
            cat = weighted(r, CC_TURN_CATEGORIES)
            lo, hi = CC_CALLS_PER_TURN[cat]
            k = min(left, r.randrange(lo, hi + 1))
            turns.append((cat, k))
            left -= k
            if left == 0:
                break
        sessions.append(turns)
    return sessions


def _cc_base(session: dict[str, Any], parent: str | None) -> dict[str, Any]:
    """The leading fields every Claude Code transcript line shares."""
    return {"parentUuid": parent, "isSidechain": False, "userType": "external", "cwd": session["cwd"],
            "sessionId": session["id"], "version": session["version"], "gitBranch": session["branch"]}


def write_claude_code(r: Random, n: int, out: Path, gz: bool, expected: Expected, bad: dict[int, bytes],
                      sig: Signals) -> dict[str, int]:
    """Coding-agent transcripts: their finish reasons are the agent's own (end_turn, tool_use);
    no JSON asked for, no re-sends (every call of a turn carries the same prompt) and no
    feedback."""
    base = out / "claude_code"
    if base.exists():
        shutil.rmtree(base)  # generated content only; stale sessions from earlier runs would double count
    plan = _plan_sessions(r, n)
    week_end = WEEK_START_MS + 7 * DAY_MS
    starts = sample_times(r, len(plan))
    r.shuffle(starts)
    files: dict[str, int] = {}
    for si, (turns, start) in enumerate(zip(plan, starts)):
        start = min(start, week_end - 8 * HOUR_MS)
        repo = r.choice(REPOS)
        version = weighted(r, CC_VERSIONS)
        old = version.startswith("1.")
        session = {"id": ruuid(r), "cwd": f"/home/dev/{repo}", "version": version,
                   "branch": r.choice(("main", "main", f"feat/{r.choice(('sync', 'billing', 'export', 'pagination'))}", "fix/flaky-tests"))}
        model = weighted(r, CC_MODELS)
        ttl = "1h" if r.random() < 0.3 else "5m"
        c: Ctx = {"repo": repo}
        w = LineWriter(base / f"-home-dev-{repo}" / f"{session['id']}{_ext(gz)}", gz)
        if r.random() < 0.2:
            w.write({"type": "summary", "summary": fill(r.choice(CC_SUMMARIES), r, c), "leafUuid": ruuid(r)})
        t = start
        parent: str | None = None
        ctx_tokens = r.randrange(13_000, 19_000)  # system prompt + tool definitions
        first_call = True
        pending_delta = 0
        replays: list[dict[str, Any]] = []
        for cat, k in turns:
            uid = ruuid(r)
            prompt = fill(r.choice(CC_PROMPTS[cat]), r, c)
            line = _cc_base(session, parent)
            line.update({"type": "user", "message": {"role": "user", "content": prompt}, "uuid": uid, "timestamp": iso_ms(t)})
            w.write(line)
            parent = uid
            pending_delta += len(prompt) // 4 + 20
            for call in range(k):
                final = call == k - 1
                t += r.randrange(1500, 9000)
                msg_id = "msg_01" + rid(r, 22, B58)
                req_id = "req_011C" + rid(r, 18, B58)
                if ctx_tokens > 150_000:  # auto-compaction: the context is summarized and rebuilt
                    ctx_tokens = r.randrange(18_000, 40_000)
                    first_call = True
                if first_call:
                    shared = r.randrange(9_000, 12_000) if r.random() < 0.8 else 0
                    read, write = shared, ctx_tokens - shared + pending_delta
                    first_call = False
                else:
                    read, write = ctx_tokens, pending_delta
                inp = r.randrange(1, 10) if r.random() < 0.9 else r.randrange(10, 600)
                out_final = logu(r, 40, 1800) if final or cat == "code_generation" else logu(r, 25, 700)
                ctx_tokens = read + write + inp
                usage: dict[str, Any] = {"input_tokens": inp, "cache_creation_input_tokens": write, "cache_read_input_tokens": read}
                if not old:
                    usage["cache_creation"] = {"ephemeral_5m_input_tokens": write if ttl == "5m" else 0,
                                               "ephemeral_1h_input_tokens": write if ttl == "1h" else 0}
                usage["output_tokens"] = out_final
                usage["service_tier"] = "standard"
                tool = None if final else CC_TOOLS[r.randrange(len(CC_TOOLS))]
                tool_id = "toolu_01" + rid(r, 22, B58)
                opener = CC_NARRATION[r.randrange(3)] if call == 0 else CC_NARRATION[r.randrange(3, len(CC_NARRATION))]
                blocks: list[dict[str, Any]] = [{"type": "text", "text": opener}]
                if tool is not None:
                    blocks.append({"type": "tool_use", "id": tool_id, "name": tool[0],
                                   "input": {kk: fill(v, r, c) for kk, v in tool[1].items()}})
                else:
                    blocks.append({"type": "text", "text": fill(CC_FINALS[cat], r, c)})
                n_lines = 3 if r.random() < 0.4 else 2
                snaps = ([max(1, out_final // 12), max(2, out_final // 2), out_final] if n_lines == 3
                         else [max(1, out_final // 8), out_final])
                last_line: dict[str, Any] = {}
                for li, snap in enumerate(snaps):
                    uid = ruuid(r)
                    block = blocks[min(li, len(blocks) - 1)] if n_lines == 2 else blocks[0 if li == 0 else 1 if li == 1 else -1]
                    u = dict(usage)
                    u["output_tokens"] = snap
                    is_last = li == len(snaps) - 1
                    line = _cc_base(session, parent)
                    line["message"] = {"id": msg_id, "type": "message", "role": "assistant", "model": model,
                                       "content": [block],
                                       "stop_reason": ("end_turn" if final else "tool_use") if is_last else None,
                                       "stop_sequence": None, "usage": u}
                    line["requestId"] = req_id
                    line["type"] = "assistant"
                    line["uuid"] = uid
                    line["timestamp"] = iso_ms(t + li * r.randrange(80, 900))
                    if old and is_last:
                        line["costUSD"] = round(an_cost(model, inp, read, write, out_final, ttl), 6)
                    w.write(line)
                    parent = uid
                    last_line = line
                # Every Claude Code API call carries its tool definitions: a coding agent's
                # tool loop is `agentic` by the taxonomy, whatever the turn asked for.
                expected.add(msg_id, "agentic")
                if r.random() < 0.004:
                    rep = dict(last_line)
                    rep.update({"isSidechain": True, "requestId": "req_011C" + rid(r, 18, B58), "uuid": ruuid(r)})
                    replays.append(rep)
                pending_delta = out_final
                if tool is not None:
                    t += r.randrange(60, 4000)
                    uid = ruuid(r)
                    result = fill(tool[2], r, c)
                    line = _cc_base(session, parent)
                    line.update({"type": "user", "message": {"role": "user", "content": [
                        {"tool_use_id": tool_id, "type": "tool_result", "content": result}]},
                        "uuid": uid, "timestamp": iso_ms(t), "toolUseResult": {"stdout": result[:200], "stderr": "", "interrupted": False}})
                    w.write(line)
                    parent = uid
                    pending_delta += logu(r, 120, 6000)
            for rep in replays:  # sub-agent transcript replaying a parent message
                rep["timestamp"] = iso_ms(t + 500)
                w.write(rep)
            replays = []
            t += r.randrange(20_000, 600_000)
        if si % 60 == 7:
            uid = ruuid(r)
            line = _cc_base(session, parent)
            line.update({"type": "assistant", "uuid": uid, "timestamp": iso_ms(t), "isApiErrorMessage": False,
                         "message": {"id": ruuid(r), "model": "<synthetic>", "role": "assistant", "stop_reason": "stop_sequence",
                                     "stop_sequence": "", "type": "message",
                                     "usage": {"input_tokens": 0, "output_tokens": 0, "cache_creation_input_tokens": 0,
                                               "cache_read_input_tokens": 0, "server_tool_use": None, "service_tier": None},
                                     "content": [{"type": "text", "text": "No response requested."}]}})
            w.write(line)
        files[str(w.path.relative_to(out))] = w.close()
    return files


# --------------------------------------------------------------------------------------
# Deliberately corrupt lines (the ingester must reject and report them)
# --------------------------------------------------------------------------------------


def plan_bad_lines(fmt: str, n_lines: int, seed: int) -> tuple[dict[int, bytes], list[tuple[int, str]]]:
    """Corrupt lines for a file of ``n_lines`` good lines: {line number: bytes} and reasons."""
    if fmt not in ("openai_chat", "litellm") or n_lines < 40:
        return {}, []
    rb = Random(f"spendscope-sample:{seed}:bad:{fmt}")
    mid = WEEK_START_MS + 2 * DAY_MS + 10 * HOUR_MS
    plan: list[tuple[float, bytes, str]] = []
    if fmt == "openai_chat":
        entries = MIXES["openai_chat"]
        rec = openai_chat_record(rb, entries[0], mid, None)
        while rec.get("response") is None:
            rec = openai_chat_record(rb, entries[0], mid, None)
        b = orjson.dumps(rec)
        plan.append((0.41, b[: int(len(b) * 0.55)], "truncated JSON: the writer stopped mid-record (invalid JSON)"))
        rec = openai_chat_record(rb, entries[9], mid + 7_200_000, None)
        while rec.get("response") is None:
            rec = openai_chat_record(rb, entries[9], mid + 7_200_000, None)
        u = rec["response"]["usage"]
        u["prompt_tokens"] = -u["prompt_tokens"]
        u["total_tokens"] = u["prompt_tokens"] + u["completion_tokens"]
        plan.append((0.87, orjson.dumps(rec), "negative token count (response.usage.prompt_tokens < 0)"))
    else:
        entries = MIXES["litellm"]
        rec = litellm_record(rb, entries[1], mid, None)
        while rec["status"] != "success":
            rec = litellm_record(rb, entries[1], mid, None)
        rec["completion_tokens"] = -rec["completion_tokens"] - 1
        rec["total_tokens"] = rec["prompt_tokens"] + rec["completion_tokens"]
        plan.append((0.29, orjson.dumps(rec), "negative token count (completion_tokens < 0)"))
        rec = litellm_record(rb, entries[3], mid + 3_600_000, None)
        rec["startTime"] = "last tuesday"  # the only time field the payload is dated by
        plan.append((0.52, orjson.dumps(rec), "unparseable timestamp: startTime is \"last tuesday\""))
        a = orjson.dumps(litellm_record(rb, entries[0], mid + 5_400_000, None))
        b = orjson.dumps(litellm_record(rb, entries[2], mid + 5_400_500, None))
        plan.append((0.74, a[: int(len(a) * 0.4)] + b,
                     "two records fused on one line, the first cut short (crash during write; invalid JSON)"))
    bad: dict[int, bytes] = {}
    reasons: list[tuple[int, str]] = []
    total = n_lines + len(plan)
    for frac, data, why in plan:
        pos = max(25, int(total * frac))
        while pos in bad:
            pos += 1
        bad[pos] = data
        reasons.append((pos, why))
    return bad, reasons


def _bad_lines_md(items: list[tuple[str, int, str]]) -> str:
    lines = [
        "# Known bad lines",
        "",
        "Deliberately corrupt lines written by `sample_logs/generate.py` (regenerated with the logs);",
        "file names are relative to `logs/`.",
        "An ingester must reject each of them, report file, line and reason, and still load every",
        "other line. Line numbers are 1-based, counted in the decompressed file. The bad lines are",
        "extra records: they are not in `expected_categories.csv.gz` and not in the request counts.",
        "",
        "| file | line | why it is bad |",
        "|---|---|---|",
    ]
    lines += [f"| {f} | {ln} | {why} |" for f, ln, why in items] or ["| (none) | | |"]
    return "\n".join(lines) + "\n"


def parse_known_bad_lines(md_text: str) -> dict[str, set[int]]:
    """{file name: {line numbers}} from a KNOWN_BAD_LINES.md written by this module."""
    out: dict[str, set[int]] = {}
    for m in re.finditer(r"^\| (\S+) \| (\d+) \|", md_text, re.M):
        out.setdefault(m.group(1), set()).add(int(m.group(2)))
    return out


# --------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------

Writer = Callable[[Random, int, Path, bool, Expected, dict[int, bytes], Signals], dict[str, int]]
WRITERS: dict[str, Writer] = {
    "openai_chat": write_openai_chat,
    "openai_batch": write_openai_batch,
    "anthropic_messages": write_anthropic,
    "litellm": write_litellm,
    "langfuse": write_langfuse,
    "claude_code": write_claude_code,
}
BAD_FILE = {"openai_chat": "openai_chat", "litellm": "litellm_spend_logs"}


FEEDBACK_FILE = "feedback.csv"


def write_feedback(path: Path, rows: Sequence[tuple[str, str, str]]) -> None:
    """``request_id,flag,score`` (docs/quality.md): flag 1 = a bad answer, 0 = fine; score 1-5
    where the product's screen asks for one, else empty. Plain CSV: copied into a workspace,
    ``spendscope quality`` reads it."""
    text = "request_id,flag,score\n" + "".join(f"{rid},{flag},{score}\n" for rid, flag, score in rows)
    path.write_text(text, encoding="utf-8")


def allocate(total: int, formats: Sequence[str]) -> dict[str, int]:
    """Split ``total`` requests over ``formats`` by FORMAT_SHARES (largest remainder)."""
    weights = {f: FORMAT_SHARES[f] for f in formats}
    s = sum(weights.values())
    raw = {f: total * w / s for f, w in weights.items()}
    counts = {f: int(v) for f, v in raw.items()}
    rest = total - sum(counts.values())
    for f in sorted(formats, key=lambda f: (-(raw[f] - counts[f]), FORMATS.index(f)))[:rest]:
        counts[f] += 1
    return {f: counts[f] for f in FORMATS if f in counts}


def generate(
    out_dir: Path,
    requests: int = DEFAULT_REQUESTS,
    seed: int = DEFAULT_SEED,
    formats: Sequence[str] | None = None,
    *,
    gzip_output: bool = True,
    bad_lines: bool = True,
) -> dict[str, Any]:
    """Write the sample week into ``out_dir`` and return a summary.

    Args:
        out_dir: folder to write (created if missing).
        requests: total billed API requests over all selected formats.
        seed: RNG seed; the same arguments always give byte-identical files.
        formats: subset of FORMATS (default: all). Requests are split by FORMAT_SHARES.
        gzip_output: gzip every file (``.jsonl.gz``) or write plain ``.jsonl``.
        bad_lines: add the deliberately corrupt lines listed in KNOWN_BAD_LINES.md.

    Returns:
        ``{"requests": {format: n}, "total_requests", "files": {relative path: lines},
        "expected_rows", "known_bad_lines": [{"file", "line", "reason"}], ...}``.
    """
    out_dir = Path(out_dir)
    selected = list(FORMATS) if formats is None else [f.strip() for f in formats if f.strip()]
    unknown = [f for f in selected if f not in FORMAT_SHARES]
    if unknown or not selected:
        raise ValueError(f"unknown format(s) {unknown or selected}; choose from {', '.join(FORMATS)}")
    if requests < 0:
        raise ValueError("requests must be >= 0")
    counts = allocate(requests, selected)
    log_dir = out_dir / "logs"  # only logs here, so `spendscope ingest week/logs` reads them all
    log_dir.mkdir(parents=True, exist_ok=True)
    expected = Expected(out_dir / ("expected_categories.csv.gz" if gzip_output else "expected_categories.csv"), gzip_output)
    files: dict[str, int] = {}
    bad_items: list[tuple[str, int, str]] = []
    feedback: list[tuple[str, str, str]] = []
    signals: dict[str, int] = {}
    spread: dict[tuple[str, ...], float] = {}
    for fmt, n in counts.items():
        r = Random(f"spendscope-sample:{seed}:{fmt}")
        sig = Signals(seed, fmt, spread)
        bad: dict[int, bytes] = {}
        if bad_lines and fmt in BAD_FILE:
            bad, reasons = plan_bad_lines(fmt, n, seed)
            bad_items += [(BAD_FILE[fmt] + _ext(gzip_output), ln, why) for ln, why in reasons]
        files.update(WRITERS[fmt](r, n, log_dir, gzip_output, expected, bad, sig))
        feedback += sig.feedback
        for k, v in sig.counts.items():
            signals[k] = signals.get(k, 0) + v
    expected_rows = expected.close()
    (out_dir / "KNOWN_BAD_LINES.md").write_text(_bad_lines_md(bad_items), encoding="utf-8")
    write_feedback(out_dir / FEEDBACK_FILE, feedback)
    return {
        "out_dir": str(out_dir),
        "seed": seed,
        "week": ["2026-10-05", "2026-10-11"],
        "requests": counts,
        "total_requests": sum(counts.values()),
        "files": dict(sorted(files.items())),
        "expected_rows": expected_rows,
        "known_bad_lines": [{"file": f, "line": ln, "reason": why} for f, ln, why in bad_items],
        "feedback_rows": len(feedback),
        "signals": signals,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a synthetic week of Northwind Labs LLM API logs.")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: sample_logs/week)")
    ap.add_argument("--requests", type=int, default=DEFAULT_REQUESTS, help="total requests (default: 50000)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default: 7)")
    ap.add_argument("--formats", default=None, help=f"comma-separated subset of: {','.join(FORMATS)}")
    ap.add_argument("--no-gzip", action="store_true", help="write plain .jsonl instead of .jsonl.gz")
    ap.add_argument("--no-bad-lines", action="store_true", help="leave out the deliberately corrupt lines")
    args = ap.parse_args(argv)
    try:
        summary = generate(args.out, args.requests, args.seed, args.formats.split(",") if args.formats else None,
                           gzip_output=not args.no_gzip, bad_lines=not args.no_bad_lines)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    files = summary["files"]
    cc = {k: v for k, v in files.items() if k.startswith("claude_code")}
    shown = {k: v for k, v in files.items() if not k.startswith("claude_code")}
    if cc:
        shown[f"claude_code/ ({len(cc)} session files)"] = sum(cc.values())
    print(f"wrote {summary['total_requests']:,} requests to {summary['out_dir']}")
    for fmt, n in summary["requests"].items():
        print(f"  {fmt:<20} {n:>9,} requests")
    for name, n in shown.items():
        print(f"  {name:<45} {n:>9,} lines")
    print(f"  expected_categories rows {summary['expected_rows']:,}; known bad lines {len(summary['known_bad_lines'])}")
    sig = summary["signals"]
    print(f"  signals: {sig['json_requested']:,} JSON requests ({sig['json_malformed']:,} malformed), "
          f"{sig['truncated']:,} cut, {sig['content_filter']:,} filtered, {sig['retries']:,} retries, "
          f"{sig['overrides']:,} overrides (+{sig['override_marks']:,} marked); "
          f"feedback.csv {summary['feedback_rows']:,} rows ({sig['feedback_flags']:,} flagged)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
