"""Long, assembled inputs: a customer e-mail, contract sections, an RFC, knowledge-base
articles, research sources, an agent's tool set with a task that fits it.

The same document goes under different instructions (routing, tone, extraction, reply ...),
so the instruction, not the input, decides the category. The texts are word lists of the
data files (``LE_*``, ``CLAUSES_MINE``, ``RFC_*``, ``RESEARCH``, ``TOOL_SETS`` ...).
"""

from __future__ import annotations

import json

from analyzer.classify.prompt_slots import Ctx
from analyzer.classify.slot_functions import slot_function


@slot_function("long_email")
def long_email(c: Ctx) -> str:
    """Greeting, context, one or two paragraphs about one department's issue, history, ask,
    sign-off; the department is kept in ``c.vals["email_dept"]``."""
    w = c.words
    dept = c.r.choice(tuple(w.LE_ISSUE))
    c.vals["email_dept"] = dept
    issue = list(w.LE_ISSUE[dept])
    c.r.shuffle(issue)
    parts = [c.pick(w.LE_OPEN), c.pick(w.LE_CONTEXT), c.fill(issue[0])]
    if c.r.random() < 0.4:
        parts.append(c.fill(issue[1]))
    hist = c.pick(w.LE_HISTORY)
    if hist:
        parts.append(hist)
    parts.append(c.pick(w.LE_ASK))
    parts.append(c.pick(w.LE_CLOSE))
    return "\n\n".join(parts)


@slot_function("contract_section")
def contract_section(c: Ctx) -> str:
    """A contract heading and 3-5 numbered clauses that fit that kind of contract."""
    w = c.words
    kind = c.r.choice(w.CONTRACT_KINDS)
    heads, idx = kind["headings"], kind["clauses"]
    pool = [w.CLAUSES_MINE[i] for i in idx]
    if idx == (8, 9):  # a tenancy: the lease-only clauses too
        pool += list(w.LEASE_CLAUSES[2:])
    n = c.r.randint(6, 14)
    picks = c.r.sample(pool, min(len(pool), c.r.randint(3, 5)))
    return c.pick(heads) + "\n\n" + "\n\n".join(f"{n + i}. {cl}" for i, cl in enumerate(picks))


@slot_function("rfc")
def rfc(c: Ctx) -> str:
    w = c.words
    return "\n\n".join((
        c.pick(("RFC-{card4}: ", "Design doc: ", "Proposal - ")) + c.pick(("new storage layer", "event pipeline",
                                                                        "sync service", "checkout rewrite")),
        c.pick(w.RFC_CONTEXT), c.pick(w.RFC_GOALS),
        "Proposed design: " + " ".join(c.r.sample(w.DESIGNS, 2)),
        c.pick(w.RFC_OPEN),
    ))


@slot_function("kb_bundle")
def kb_bundle(c: Ctx) -> str:
    """Three knowledge-base articles; a question one of them answers is kept for ``{kb_q}``."""
    docs = c.r.sample(c.words.CONTEXT_DOCS, 3)
    target = c.r.choice(docs)
    c.vals["kb_q"] = c.r.choice(target["questions"])
    return "\n\n".join(f"[Article {i + 1}] {d['text']}" for i, d in enumerate(docs))


@slot_function("sources")
def sources(c: Ctx) -> str:
    """3+ findings on one topic, labelled as sources; the topic is kept for
    ``{research_topic}``."""
    research = c.words.RESEARCH
    topic = c.r.choice(tuple(research))
    c.vals["research_topic"] = topic
    picks = c.r.sample(research[topic], c.r.randint(3, len(research[topic])))
    style = c.r.randrange(3)
    out = []
    for i, p in enumerate(picks):
        text = p[0].upper() + p[1:] + "."
        if style == 0:
            out.append(f"Source {i + 1}: {text}")
        elif style == 1:
            out.append(f"[{chr(65 + i)}] {text}")
        else:
            out.append(f"--- Document {i + 1} ---\n{text}")
    return "\n\n".join(out)


@slot_function("clause_versions")
def clause_versions(c: Ctx) -> str:
    """Two versions of one clause under a pair of labels."""
    return "\n\n".join(f"{label}:\n{c.fill(text)}" for label, text in zip(
        c.r.choice((("Version A", "Version B"), ("Original", "Counterparty redline"), ("Our draft", "Their draft"))),
        c.r.choice(c.words.CLAUSE_VERSIONS)))


# --- agents ---------------------------------------------------------------------------------


@slot_function("tools_block")
def tools_block(c: Ctx) -> str:
    """One tool set as JSON, compact or indented; which one is kept for ``agent_task``."""
    sets = c.words.TOOL_SETS
    i = c.r.randrange(len(sets))
    c.vals["_toolset"] = str(i)
    return json.dumps(json.loads(sets[i]), indent=c.r.choice((None, 2)))


@slot_function("agent_task")
def agent_task(c: Ctx) -> str:
    """A task the tool set shown can do (``AGENT_TASKS`` lists them per tool set)."""
    c.get("tools_block")  # the task matches the tool set shown (drawn once per example)
    i = int(c.vals["_toolset"])
    return c.pick(c.words.AGENT_TASKS[i])


@slot_function("tool_result")
def tool_result(c: Ctx) -> str:
    return c.fill(c.r.choice(c.words.TOOL_RESULTS))
