"""Inputs built from several draws: data files to convert, logs, forms, foreign text,
subtitles, a document with the question that fits it.

The texts they draw from are word lists of the data files (``c.words``); the structure
around them (CSV headers, XML tags, SRT timing) is generated here.
"""

from __future__ import annotations

import json

from analyzer.classify.prompt_slots import Ctx
from analyzer.classify.slot_functions import slot_function
from analyzer.classify.slot_functions.people import digits, email_of


@slot_function("lead_form")
def lead_form(c: Ctx) -> str:
    f = c.words.LEAD_FORM
    return c.fill(
        "Company: {company}\nCompany size: " + c.r.choice(f["size"])
        + "\nRole: " + c.r.choice(f["role"])
        + "\nBudget: " + c.r.choice(f["budget"])
        + "\nTimeline: " + c.r.choice(f["timeline"])
        + "\nMessage: " + c.r.choice(f["message"])
    )


@slot_function("relevance")
def relevance(c: Ctx) -> str:
    """A search query and a result, half the time the result written for that query; the
    title and snippet are stored for their own slots, the query is returned."""
    pairs = c.words.REL
    q = c.r.choice(pairs)
    res = q if c.r.random() < 0.5 else c.r.choice(pairs)
    c.vals["query"] = c.fill(q["query"])
    c.vals["result_title"] = c.fill(res["title"])
    c.vals["result_snippet"] = c.fill(res["snippet"])
    return c.vals["query"]


@slot_function("review_list")
def review_list(c: Ctx) -> str:
    w = c.words
    reviews = w.REVIEWS_POS + w.REVIEWS_NEG + w.REVIEWS_NEU + w.REVIEWS_MIX
    return "\n".join(f"- {c.fill(x)}" for x in c.r.sample(reviews, c.r.randint(3, 7)))


@slot_function("article_two")
def article_two(c: Ctx) -> str:
    return "\n\n".join(c.r.sample(c.words.ARTICLES, 2))


# --- other languages ------------------------------------------------------------------------


@slot_function("foreign")
def foreign(c: Ctx) -> str:
    """A sentence in another language; its code and English name are kept for their slots."""
    code, name, text = c.r.choice(c.words.FOREIGN)
    c.vals["foreign_code"] = code
    c.vals["foreign_name"] = name
    return text


@slot_function("foreign_lines")
def foreign_lines(c: Ctx) -> str:
    picks = c.r.sample(c.words.FOREIGN, c.r.randint(3, 6))
    return "\n".join(f"{i + 1}. {t}" for i, (_, _, t) in enumerate(picks))


@slot_function("lang_pair")
def lang_pair(c: Ctx) -> str:
    """Two languages people confuse ("Danish or Norwegian"); the sentence shown is in one."""
    confusable = c.words.CONFUSABLE
    code, name, text = c.r.choice([f for f in c.words.FOREIGN if f[0] in confusable])
    c.vals["foreign_confusable"] = text
    pair = [name, confusable[code]]
    c.r.shuffle(pair)
    return f"{pair[0]} or {pair[1]}"


@slot_function("ui_json")
def ui_json(c: Ctx) -> str:
    return json.dumps(dict(c.r.sample(c.words.UI_KEYS, c.r.randint(3, 6))), indent=2)


@slot_function("subtitles")
def subtitles(c: Ctx) -> str:
    """A few consecutive lines of dialogue as SRT blocks."""
    t = c.r.uniform(5, 3000)
    blocks = []
    for i, line in enumerate(c.words.SUBTITLES[c.r.randint(0, 2):][: c.r.randint(3, 5)]):
        end = t + c.r.uniform(1.2, 3.5)
        blocks.append(f"{i + 1}\n{_srt_time(t)} --> {_srt_time(end)}\n{line}\n")
        t = end + c.r.uniform(0.2, 2.0)
    return "\n".join(blocks)


def _srt_time(sec: float) -> str:
    ms = int(sec * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


# --- a document and the question that fits it ----------------------------------------------


@slot_function("context_doc")
def context_doc(c: Ctx) -> str:
    doc = c.r.choice(c.words.CONTEXT_DOCS)
    c.vals["context_q"] = c.r.choice(doc["questions"])
    return doc["text"]


@slot_function("timetable")
def timetable(c: Ctx) -> str:
    rows = ["Stop            | Dep 1 | Dep 2 | Dep 3"]
    stops = c.r.sample(("Market Square", "Hospital", "University", "Riverside", "Old Mill", "Airport", "Zoo", "Stadium"), 5)
    h = c.r.randint(6, 17)
    for i, s in enumerate(stops):
        rows.append(f"{s:<15} | {h}:{i * 7:02d}  | {h}:{(i * 7 + 20) % 60:02d}  | {h + 1}:{i * 7:02d}")
    c.vals["timetable_q"] = f"When does the second bus leave from {c.r.choice(stops)}?"
    return "\n".join(rows)


# --- data in some format, to convert or read ----------------------------------------------


@slot_function("csv_rows")
def csv_rows(c: Ctx) -> str:
    w = c.words
    kind = c.r.randrange(3)
    if kind == 0:
        rows = ["booking_id,guest,room,check_in,nights,total"]
        for _ in range(c.r.randint(3, 7)):
            rows.append(f"B{digits(c, 5)},{c.r.choice(w.FIRST)} {c.r.choice(w.LAST)},{c.r.randint(101, 420)},"
                        f"2026-{c.r.randint(1, 12):02d}-{c.r.randint(1, 28):02d},{c.r.randint(1, 9)},{c.r.uniform(90, 2400):.2f}")
    elif kind == 1:
        rows = ["sku,name,category,price,stock"]
        for _ in range(c.r.randint(3, 7)):
            rows.append(f"PX-{digits(c, 4)},{c.r.choice(w.PRODUCTS)},{c.r.choice(('outdoor', 'home', 'audio', 'office'))},"
                        f"{c.r.uniform(9, 600):.2f},{c.r.randint(0, 250)}")
    else:
        rows = ["student,course,score,passed"]
        for _ in range(c.r.randint(3, 8)):
            s = c.r.randint(35, 100)
            rows.append(f"{c.r.choice(w.FIRST)},{c.r.choice(w.COURSES)},{s},{'yes' if s >= 50 else 'no'}")
    return "\n".join(rows)


@slot_function("json_doc")
def json_doc(c: Ctx) -> str:
    kind = c.r.randrange(3)
    if kind == 0:
        obj: object = {
            "order": c.get("order_no"),
            "customer": {"name": c.get("fullname"), "email": c.get("email")},
            "items": [{"sku": f"PX-{digits(c, 4)}", "qty": c.r.randint(1, 4), "price": round(c.r.uniform(5, 300), 2)}
                      for _ in range(c.r.randint(1, 3))],
            "gift_wrap": c.r.random() < 0.3,
        }
    elif kind == 1:
        obj = {"service": c.r.choice(("search-api", "checkout", "image-resizer")), "replicas": c.r.randint(2, 12),
               "env": {"LOG_LEVEL": c.r.choice(("info", "debug")), "TIMEOUT_MS": c.r.choice((500, 2000, 5000))},
               "ports": [8080, 9090], "healthcheck": {"path": "/healthz", "interval_s": 10}}
    else:
        obj = [{"city": c.r.choice(c.words.CITIES), "temp_c": c.r.randint(-5, 34), "rain_mm": round(c.r.uniform(0, 30), 1)}
               for _ in range(c.r.randint(2, 5))]
    return json.dumps(obj, indent=c.r.choice((2, 4)), ensure_ascii=False)


@slot_function("xml_doc")
def xml_doc(c: Ctx) -> str:
    w = c.words
    items = "".join(
        f"\n    <book isbn=\"978{digits(c, 10)}\"><title>{c.r.choice(('The Quiet Harbour', 'Salt and Iron', 'A Year of Bread', 'Maps of Rain', 'The Ninth Lantern'))}</title>"
        f"<author>{c.r.choice(w.FIRST)} {c.r.choice(w.LAST)}</author><price currency=\"EUR\">{c.r.uniform(8, 30):.2f}</price></book>"
        for _ in range(c.r.randint(2, 4))
    )
    return f"<catalogue store=\"Saltmarsh Books\">{items}\n</catalogue>"


@slot_function("tsv_doc")
def tsv_doc(c: Ctx) -> str:
    rows = ["Month\tVisitors\tSignups\tRevenue"]
    for m in c.r.sample(c.words.MONTHS, 4):
        rows.append(f"{m}\t{c.r.randint(4000, 90000)}\t{c.r.randint(50, 3000)}\t{c.r.randint(2000, 80000)}")
    return "\n".join(rows)


@slot_function("html_table")
def html_table(c: Ctx) -> str:
    w = c.words
    rows = "".join(
        f"\n  <tr><td>{c.r.choice(w.FIRST)}</td><td>{c.r.choice(w.DEPARTMENTS)}</td><td>{c.r.randint(2, 30)}</td></tr>"
        for _ in range(c.r.randint(2, 5))
    )
    return f"<table>\n  <tr><th>Name</th><th>Department</th><th>Years</th></tr>{rows}\n</table>"


@slot_function("env_file")
def env_file(c: Ctx) -> str:
    return (f"DATABASE_URL=postgres://app@db:5432/{c.r.choice(('shop', 'crm', 'ledger'))}\nREDIS_HOST=cache\n"
            f"REDIS_PORT=6379\nFEATURE_NEW_CHECKOUT={c.r.choice(('true', 'false'))}\nMAX_UPLOAD_MB={c.r.choice((10, 25, 50))}\n"
            f"SENTRY_ENV={c.r.choice(('staging', 'production'))}")


@slot_function("times_text")
def times_text(c: Ctx) -> str:
    return "\n".join(
        f"{c.r.choice(('Pottery', 'Yoga', 'Choir', 'Chess club', 'Book circle'))}: {c.r.choice(c.words.WEEKDAYS)} "
        f"{c.r.randint(1, 12)}:{c.r.choice(('00', '30', '15'))} {c.r.choice(('am', 'pm'))}"
        for _ in range(c.r.randint(3, 6))
    )


@slot_function("bullets")
def bullets(c: Ctx) -> str:
    w = c.words
    return "\n".join(
        f"- {c.r.choice(w.FIRST)} {c.r.choice(w.LAST)} - {c.r.choice(w.ROLES)} - {c.r.choice(w.CITIES)}"
        for _ in range(c.r.randint(3, 6))
    )


@slot_function("log_lines")
def log_lines(c: Ctx) -> str:
    """Application log lines, some of them carrying personal data."""
    w = c.words
    return "\n".join(
        f"2026-0{c.r.randint(1, 9)}-{c.r.randint(10, 28)}T{c.r.randint(10, 23)}:{c.r.randint(10, 59)}:{c.r.randint(10, 59)}Z "
        + c.r.choice(("INFO", "WARN", "INFO", "ERROR")) + " "
        + c.r.choice((
            f"login ok user={email_of(c, c.r.choice(w.FIRST), c.r.choice(w.LAST))} ip={c.get('ip')}",
            f"password reset requested for {email_of(c, c.r.choice(w.FIRST), c.r.choice(w.LAST))}",
            "cache miss key=catalog:v2:page:3",
            f"payment failed card=**** {digits(c, 4)} name=\"{c.r.choice(w.FIRST)} {c.r.choice(w.LAST)}\"",
            "GET /api/v1/products 200 41ms",
            f"shipping label created to={c.r.randint(2, 90)} {c.r.choice(w.STREETS)} phone={c.get('phone')}",
            "worker 3 heartbeat",
        ))
        for _ in range(c.r.randint(4, 8))
    )
