"""The slot library: ``{{name}}`` placeholders in templates. A slot function gets the request's
Random and its context dict; values are cached in the context, so a name used twice in one
request (a customer's first name, an order id) stays consistent. Slot functions may also set
``ctx["answer"]`` (the expected label) for the response generator. This module holds the
registry, ``fill`` and the everyday slots (names, places, amounts, dates, ids); the topic
modules beside it register theirs."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from random import Random
from typing import Any

from ..draw import B62, weighted
from .words import (
    CARRIERS,
    CITIES,
    COMPANIES,
    FIRST,
    HOBBIES,
    LANGS,
    LAST,
    MONTHS,
    PLANS,
    PRODUCTS,
    REPOS,
    SERVICES,
    STREETS,
    TEAMS,
    WEEKDAYS,
)

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


def date_text(r: Random) -> str:
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
        "date": lambda r, c: date_text(r),
        "date2": lambda r, c: date_text(r),
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
