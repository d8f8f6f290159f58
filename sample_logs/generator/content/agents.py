"""Agents: tool sets and tasks (in a generic form, converted per provider) and the prompts,
narration and tool calls of Claude Code sessions."""

from __future__ import annotations

from typing import Any


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
