"""Knowledge-base articles, trivia and everyday questions, long documents to summarize and
the e-mail helpers."""

from __future__ import annotations

from collections.abc import Sequence
from random import Random

from .slots import SLOTS, Ctx, SlotFn, fill, pick


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


def pick_lines(pool: Sequence[str], lo: int, hi: int) -> SlotFn:
    def f(r: Random, c: Ctx) -> str:
        k = r.randrange(lo, min(hi, len(pool)) + 1)
        idx = sorted(r.sample(range(len(pool)), k))
        return "\n".join(fill(pool[i], r, c) for i in idx)

    return f


SLOTS["support_thread"] = pick_lines(THREAD_LINES, 4, 6)
SLOTS["meeting_notes"] = pick_lines(MEETING_LINES, 4, 6)
SLOTS["incident_report"] = lambda r, c: fill("Incident report: {{service}} outage\n", r, c) + pick_lines(INCIDENT_LINES, 4, 6)(r, c)
SLOTS["long_doc"] = lambda r, c: r.choice((SLOTS["meeting_notes"], SLOTS["incident_report"], pick_lines(DOC_LINES, 4, 6)))(r, c)
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
