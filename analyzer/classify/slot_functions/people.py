"""People, contact details, identifiers, dates, money and small numbers.

The word lists (``FIRST``, ``CITIES``, ``MONTHS`` ...) are in ``data/00-shared.toml``; what
is here is the arithmetic around them: a second name that differs from the first, an e-mail
address made from a name, a date in one of four spellings, an amount with its currency.
"""

from __future__ import annotations

from datetime import date as _date
from datetime import timedelta

from analyzer.classify.prompt_slots import Ctx
from analyzer.classify.slot_functions import slot_function


@slot_function("digits")
def digits(c: Ctx, k: int) -> str:
    return "".join(c.r.choice("0123456789") for _ in range(k))


@slot_function("integer")
def integer(c: Ctx, lo: int, hi: int) -> str:
    return str(c.r.randint(lo, hi))


@slot_function("money")
def money(c: Ctx, lo: float, hi: float) -> str:
    cur = c.r.choice(("$", "€", "£", "$", "€", "CHF "))
    v = c.r.uniform(lo, hi)
    return f"{cur}{v:,.2f}" if v < 1000 else f"{cur}{v:,.0f}"


@slot_function("pct")
def pct(c: Ctx) -> str:
    return f"{c.r.uniform(2, 60):.0f}%"


def email_of(c: Ctx, first: str, last: str) -> str:
    first = first.lower().replace("á", "a").replace("é", "e")
    last = last.lower()
    domain = c.r.choice(("fastmail.example", "mailbox.example.org", "post.example.net", "example.com",
                         "inbox.example", "webmail.example.co.uk"))
    style = c.r.randrange(3)
    user = f"{first}.{last}" if style == 0 else (f"{first[0]}{last}" if style == 1 else f"{first}{c.r.randrange(10, 99)}")
    return f"{user}@{domain}"


# --- names and places -------------------------------------------------------------------


@slot_function("first2")
def first2(c: Ctx) -> str:
    return c.r.choice([f for f in c.words.FIRST if f != c.get("first")])


@slot_function("first3")
def first3(c: Ctx) -> str:
    return c.r.choice([f for f in c.words.FIRST if f not in (c.get("first"), c.get("first2"))])


@slot_function("fullname")
def fullname(c: Ctx) -> str:
    return f"{c.get('first')} {c.get('last')}"


@slot_function("fullname2")
def fullname2(c: Ctx) -> str:
    return f"{c.get('first2')} {c.get('last2')}"


@slot_function("email")
def email(c: Ctx) -> str:
    return email_of(c, c.get("first"), c.get("last"))


@slot_function("email2")
def email2(c: Ctx) -> str:
    return email_of(c, c.get("first2"), c.get("last2"))


@slot_function("username")
def username(c: Ctx) -> str:
    return (c.r.choice(c.words.FIRST).lower().replace("á", "a") + c.r.choice(("_", ".", "", "-"))
            + c.r.choice(("rides", "cooks", "dev", "writes", "x", str(c.r.randint(1, 999)))))


@slot_function("phone")
def phone(c: Ctx) -> str:
    return (c.r.choice(("+44 7911 ", "+353 87 ", "+1 416 555 ", "+49 170 ", "+34 612 ", "+61 412 "))
            + digits(c, 3) + " " + digits(c, 3))


@slot_function("address")
def address(c: Ctx) -> str:
    return f"{c.r.randint(2, 188)} {c.r.choice(c.words.STREETS)}, {c.get('city')}"


@slot_function("city2")
def city2(c: Ctx) -> str:
    return c.r.choice([x for x in c.words.CITIES if x != c.get("city")])


@slot_function("company2")
def company2(c: Ctx) -> str:
    return c.r.choice([x for x in c.words.COMPANIES if x != c.get("company")])


@slot_function("team_slug")
def team_slug(c: Ctx) -> str:
    return c.get("team").lower().replace(" ", "-")


# --- dates and times --------------------------------------------------------------------


@slot_function("date")
def date(c: Ctx) -> str:
    """A day in 2025-2027, written one of four ways."""
    months = c.words.MONTHS
    d = _date(2025, 1, 6) + timedelta(days=c.r.randrange(900))
    style = c.r.random()
    if style < 0.4:
        return f"{d.day} {months[d.month - 1]} {d.year}"
    if style < 0.7:
        return d.isoformat()
    if style < 0.85:
        return f"{months[d.month - 1]} {d.day}, {d.year}"
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@slot_function("iso_date_2026")
def iso_date_2026(c: Ctx) -> str:
    return (_date(2026, 1, 1) + timedelta(days=c.r.randrange(365))).isoformat()


@slot_function("month_number")
def month_number(c: Ctx) -> str:
    return f"{c.r.randint(1, 12):02d}"


@slot_function("weekday")
def weekday(c: Ctx) -> str:
    """Monday to Friday."""
    return c.r.choice(c.words.WEEKDAYS[:5])


@slot_function("time")
def time(c: Ctx) -> str:
    return f"{c.r.randint(7, 19)}:{c.r.choice(('00', '15', '30', '45'))}"


@slot_function("dob")
def dob(c: Ctx) -> str:
    return f"{c.r.randint(1, 28):02d}.{c.r.randint(1, 12):02d}.{c.r.randint(1950, 2005)}"


# --- identifiers ------------------------------------------------------------------------


@slot_function("order_no")
def order_no(c: Ctx) -> str:
    return c.r.choice(("A", "B", "PO-", "ORD-", "#")) + digits(c, c.r.choice((5, 6, 7)))


@slot_function("ticket_no")
def ticket_no(c: Ctx) -> str:
    return c.r.choice(("TCK-", "SR", "#", "CASE-")) + digits(c, 5)


@slot_function("booking_ref")
def booking_ref(c: Ctx) -> str:
    return "".join(c.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(6))


@slot_function("flight")
def flight(c: Ctx) -> str:
    return c.r.choice(("AU", "KX", "TW", "LM")) + str(c.r.randint(100, 2999))


@slot_function("ip")
def ip(c: Ctx) -> str:
    return f"{c.r.choice((10, 81, 92, 172, 185, 203))}.{c.r.randint(0, 255)}.{c.r.randint(0, 255)}.{c.r.randint(1, 254)}"


@slot_function("sortcode")
def sortcode(c: Ctx) -> str:
    return f"{digits(c, 2)}-{digits(c, 2)}-{digits(c, 2)}"


@slot_function("passport")
def passport(c: Ctx) -> str:
    return c.r.choice("CPXK") + digits(c, 8)


@slot_function("mrn")
def mrn(c: Ctx) -> str:
    return "MRN " + digits(c, 7)


@slot_function("plate")
def plate(c: Ctx) -> str:
    return (c.r.choice(("KX", "LB", "WP", "GA")) + digits(c, 2) + " "
            + "".join(c.r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)))
