"""The open-ended work: brainstorming, reasoning puzzles, research sources, contract clauses,
architecture designs and creative prompts."""

from __future__ import annotations

from random import Random

from .knowledge import pick_lines
from .slots import SLOTS, Ctx, fill, pick, pick_list
from .words import CITIES, COMPANIES


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
SLOTS["sources"] = pick_lines(SOURCE_LINES, 3, 4)
SLOTS["competitor_reports"] = lambda r, c: "\n\n".join(
    fill(f"Report on {co}: price {{{{amount}}}} per unit, app rating {r.uniform(3.1, 4.8):.1f}, "
         f"{r.randrange(2, 9)} integrations, strong in {r.choice(CITIES)}, weak support reviews.", r, {})
    for co in r.sample(COMPANIES, k=3)
)
SLOTS["abstracts"] = pick_lines(SOURCE_LINES, 3, 4)
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
