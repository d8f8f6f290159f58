"""Prompt templates per category. "api": (fixed system prompt, user message with slots) pairs,
the way a product calls a model. "chat": a person typing into an assistant (no or a short
system prompt). ``chat`` and ``agentic`` are built separately (multi-turn and tool loops)."""

from __future__ import annotations

from typing import Any

from .slots import SLOTS, pick

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
