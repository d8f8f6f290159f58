"""Response text: short, plausible answers per category and template (the usage counts carry
the realistic sizes)."""

from __future__ import annotations

from random import Random

import orjson

from .language import LANG_NAMES
from .slots import Ctx, fill

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
