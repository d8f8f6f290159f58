"""Code snippets, stack traces and coding tasks, and the tables behind data-analysis prompts."""

from __future__ import annotations

from random import Random

from ..draw import weighted
from .slots import SLOTS, Ctx, fill, pick, pick_list
from .words import SERVICES


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
