"""Tables, metrics and logs to analyse: numbers drawn fresh for every example.

Column names and row labels are part of each table's shape, so they stay here; product
names, months and first names come from the shared word lists.
"""

from __future__ import annotations

from analyzer.classify.prompt_slots import Ctx
from analyzer.classify.slot_functions import slot_function


@slot_function("sales_table")
def sales_table(c: Ctx) -> str:
    prods = c.r.sample(c.words.PRODUCTS, 4)
    months = c.words.MONTHS[c.r.randint(0, 5):][:6]
    rows = ["| product | " + " | ".join(m[:3] for m in months) + " |", "|---" * (len(months) + 1) + "|"]
    for p in prods:
        v = c.r.uniform(50, 900)
        vals = []
        for _ in months:
            v *= c.r.uniform(0.8, 1.25)
            vals.append(f"{v:.0f}")
        rows.append(f"| {p} | " + " | ".join(vals) + " |")
    return "\n".join(rows) + "\n(units sold)"


@slot_function("funnel")
def funnel(c: Ctx) -> str:
    n = c.r.randint(20000, 120000)
    steps = ("landing", "product_view", "add_to_cart", "checkout_start", "payment", "order_confirmed")
    rows = ["step,desktop,mobile"]
    d, m = n, int(n * c.r.uniform(1.1, 2.0))
    for s in steps:
        rows.append(f"{s},{d},{m}")
        d = int(d * c.r.uniform(0.35, 0.8))
        m = int(m * c.r.uniform(0.25, 0.75))
    return "\n".join(rows)


@slot_function("cohort")
def cohort(c: Ctx) -> str:
    rows = ["cohort   M0    M1    M2    M3    M4"]
    start = c.r.randrange(12)
    for i in range(5):
        mth = c.words.MONTHS[(start + i) % 12]
        r = 100.0
        vals = []
        for _ in range(5 - i):
            vals.append(f"{r:>4.0f}%")
            r *= c.r.uniform(0.5, 0.9)
        rows.append(f"{mth[:3]:<8} " + " ".join(vals))
    return "\n".join(rows)


@slot_function("tickets_by_cat")
def tickets_by_cat(c: Ctx) -> str:
    cats = ("login", "billing", "bug", "how-to", "feature req", "shipping")
    rows = ["week  " + "  ".join(f"{x:>11}" for x in cats)]
    for w in range(c.r.randint(14, 30), c.r.randint(31, 36)):
        rows.append(f"W{w:<4} " + "  ".join(f"{c.r.randint(5, 400):>11}" for _ in cats))
    return "\n".join(rows)


@slot_function("budget")
def budget(c: Ctx) -> str:
    lines = ["category,budget,actual"]
    for cat in ("Salaries", "Software", "Travel", "Marketing", "Office", "Training", "Contractors"):
        b = c.r.randint(5, 400) * 1000
        lines.append(f"{cat},{b},{int(b * c.r.uniform(0.6, 1.5))}")
    return "\n".join(lines)


@slot_function("channels")
def channels(c: Ctx) -> str:
    lines = ["channel | spend | signups | paying | revenue_90d"]
    for ch in ("Paid search", "Social ads", "Podcasts", "Referral", "Newsletter sponsorship", "Organic"):
        spend = 0 if ch in ("Organic", "Referral") else c.r.randint(2, 60) * 1000
        s = c.r.randint(100, 5000)
        p = int(s * c.r.uniform(0.02, 0.3))
        lines.append(f"{ch} | {spend} | {s} | {p} | {int(p * c.r.uniform(30, 300))}")
    return "\n".join(lines)


@slot_function("latency_log")
def latency_log(c: Ctx) -> str:
    base = c.r.randint(80, 200)
    spike_at = c.r.randint(4, 9)
    out = []
    for i in range(12):
        p99 = base * (c.r.uniform(4, 9) if i >= spike_at else c.r.uniform(0.9, 1.2))
        err = c.r.uniform(2, 9) if i >= spike_at + 1 else c.r.uniform(0, 0.4)
        out.append(f"14:{i * 5:02d}  p50={int(base * 0.4)}ms  p99={int(p99)}ms  5xx={err:.2f}%  rps={c.r.randint(800, 1300)}")
    return "\n".join(out)


@slot_function("grades")
def grades(c: Ctx) -> str:
    lines = ["class,students,mean,median,fail_rate"]
    for cl in ("7A", "7B", "7C", "8A", "8B"):
        m = c.r.uniform(48, 82)
        lines.append(f"{cl},{c.r.randint(22, 31)},{m:.1f},{m + c.r.uniform(-5, 5):.1f},{c.r.uniform(2, 30):.0f}%")
    return "\n".join(lines)


@slot_function("delivery")
def delivery(c: Ctx) -> str:
    lines = ["warehouse   orders  on_time  avg_days  damaged"]
    for w in ("North", "South", "East", "West", "Central"):
        o = c.r.randint(800, 9000)
        lines.append(f"{w:<11} {o:>6}  {c.r.uniform(70, 99):>6.1f}%  {c.r.uniform(1.2, 5.5):>8.1f}  {c.r.randint(0, 90):>7}")
    return "\n".join(lines)


@slot_function("ratings")
def ratings(c: Ctx) -> str:
    lines = ["version  released    avg_rating  reviews  crash_free_sessions"]
    for i, v in enumerate(("5.0", "5.1", "5.2", "5.3", "6.0")):
        lines.append(f"{v:<8} 2026-0{i + 2}-1{i}  {c.r.uniform(3.1, 4.8):>10.1f}  {c.r.randint(80, 2500):>7}  {c.r.uniform(96, 99.9):>18.2f}%")
    return "\n".join(lines)


@slot_function("web_pages")
def web_pages(c: Ctx) -> str:
    pages = ("/", "/pricing", "/blog/how-to-choose-a-tent", "/signup", "/product/trailpro-40l", "/help/returns",
             "/about", "/blog/winter-cycling-tips", "/checkout")
    rows = [c.r.choice(("page | views | avg_time_s | bounce_rate | conversions",
                        "url | sessions | time_on_page_s | bounce | goal_completions"))]
    for p in c.r.sample(pages, c.r.randint(5, 8)):
        rows.append(f"{p} | {c.r.randint(800, 90000)} | {c.r.randint(8, 240)} | {c.r.uniform(20, 90):.0f}% | {c.r.randint(0, 900)}")
    return "\n".join(rows)


@slot_function("survey_crosstab")
def survey_crosstab(c: Ctx) -> str:
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


@slot_function("nps")
def nps(c: Ctx) -> str:
    rows = ["segment,responses,promoters,passives,detractors"]
    for seg in ("Free", "Starter", "Business", "Enterprise", "Education"):
        n = c.r.randint(60, 2000)
        p = int(n * c.r.uniform(0.15, 0.6))
        d = int((n - p) * c.r.uniform(0.1, 0.7))
        rows.append(f"{seg},{n},{p},{n - p - d},{d}")
    return "\n".join(rows)


@slot_function("endpoint_stats")
def endpoint_stats(c: Ctx) -> str:
    eps = ("GET /api/search", "POST /api/orders", "GET /api/products/:id", "POST /api/login", "GET /api/cart",
           "PUT /api/profile", "POST /api/payments")
    rows = ["endpoint                  calls    4xx     5xx   p95_ms"]
    for e in c.r.sample(eps, 5):
        calls = c.r.randint(2000, 400000)
        rows.append(f"{e:<25} {calls:>6} {int(calls * c.r.uniform(0, 0.05)):>6} "
                    f"{int(calls * c.r.choice((0.0005, 0.001, 0.04))):>6} {c.r.randint(40, 4000):>7}")
    return "\n".join(rows)


@slot_function("ed_waits")
def ed_waits(c: Ctx) -> str:
    blocks = ("00-06", "06-12", "12-18", "18-24")
    rows = ["day   " + "  ".join(f"{b:>6}" for b in blocks) + "   (median wait, minutes)"]
    for d in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"):
        rows.append(f"{d:<5} " + "  ".join(f"{c.r.randint(20, 240):>6}" for _ in blocks))
    return "\n".join(rows)


@slot_function("any_table")
def any_table(c: Ctx) -> str:
    """One of six table shapes (drawn directly: not cached under that table's own slot)."""
    return c.r.choice((sales_table, funnel, budget, channels, delivery, grades))(c)


@slot_function("agent_metrics")
def agent_metrics(c: Ctx) -> str:
    return "\n".join(
        ["agent,tickets_closed,first_response_min,csat,reopen_rate"]
        + [f"{name},{c.r.randint(40, 420)},{c.r.randint(2, 180)},{c.r.uniform(3.1, 4.9):.1f},{c.r.uniform(1, 25):.0f}%"
           for name in c.r.sample(c.words.FIRST, c.r.randint(5, 9))]
    )


@slot_function("channel_weeks")
def channel_weeks(c: Ctx) -> str:
    return "\n".join(
        ["week  email  phone  chat  chatbot_resolved"]
        + [f"W{w:<4} {c.r.randint(200, 900):>5}  {c.r.randint(100, 600):>5} {c.r.randint(100, 1200):>5}  {c.r.randint(0, 800):>16}"
           for w in range(c.r.randint(1, 40), c.r.randint(45, 52), 1)][:8]
    )


@slot_function("daily_orders")
def daily_orders(c: Ctx) -> str:
    return "\n".join(
        ["date,orders,avg_basket,returns"]
        + [f"2026-{c.get('_m')}-{d:02d},{c.r.randint(80, 600)},{c.r.uniform(25, 90):.2f},{c.r.randint(0, 40)}"
           for d in range(1, c.r.randint(10, 22))]
    )


@slot_function("price_list")
def price_list(c: Ctx) -> str:
    return "\n".join(
        ["item | price | notes"]
        + [f"{p} | {c.get('_cur')}{c.r.uniform(5, 120):.2f} | {c.r.choice(('', 'members -10%', 'seasonal', 'limited stock', 'incl. VAT'))}"
           for p in c.r.sample(("Bike rental, half day", "Bike rental, full day", "Helmet", "Child seat", "Guided tour",
                                "Lock", "E-bike upgrade", "Insurance", "Delivery to hotel"), 5)]
    )
