"""Quality signals: why answers stopped, JSON answers, retries, overrides and user feedback
(docs/quality.md). Every decision here draws from a format's own signals stream
(``Signals.r``), never from the format's main stream, so the requests themselves (models,
tokens, ids) stay what they were before the signals existed; only the answers' endings, the
JSON answers and the re-sent requests differ."""

from __future__ import annotations

import json
from random import Random
from typing import Any

from .clock import DAY_MS, WEEK_START_MS
from .content.language import LANG_NAMES
from .draw import weighted
from .json_answers import INTENTS, json_wanted
from .outputs import Expected
from .request import Req
from .traffic import Entry
from .usage import price_key


#: Model tier as analyzer/simulate/data/model_tiers.toml places it: 0 budget, 1 mid, 2 flagship.
TIERS = {"gpt-4o-mini": 0, "gpt-4.1-mini": 0, "claude-haiku-4-5": 0, "gpt-4o": 1, "gpt-5-mini": 1, "o4-mini": 1,
         "claude-sonnet-4-5": 1, "claude-opus-4-7": 2}
#: Share of answers cut at the output limit, by tier; long answers run into the limit more often.
TRUNCATION = (0.009, 0.005, 0.003)
TRUNCATION_BY_CATEGORY = {
    "classification": 0.0, "sentiment_analysis": 0.0, "spam_detection": 0.0, "language_detection": 0.0,
    "other": 0.3, "simple_qa": 0.3, "keyword_extraction": 0.5, "entity_extraction": 1.3, "pii_detection": 1.3,
    "format_conversion": 2.5, "code_generation": 2.5, "creative_writing": 2.0, "research_synthesis": 2.0,
    "architecture_review": 2.0, "legal_analysis": 1.8, "translation": 1.8, "content_editing": 1.5,
}
#: Share of answers filtered or refused (rare; more where the input is abusive or the ask is open).
CONTENT_FILTER = {"spam_detection": 0.004, "chat": 0.002, "creative_writing": 0.002, "other": 0.002,
                  "pii_detection": 0.001}
CONTENT_FILTER_OTHERS = 0.0003
#: Share of JSON answers that do not parse although JSON was asked for (a Markdown fence, prose
#: after the object), by model; truncated JSON answers come on top (cut mid-object).
MALFORMED_JSON = {"gpt-4o-mini": 0.034, "gpt-4.1-mini": 0.04, "claude-haiku-4-5": 0.045, "gpt-5-mini": 0.012,
                  "o4-mini": 0.01, "gpt-4o": 0.007, "claude-sonnet-4-5": 0.007, "claude-opus-4-7": 0.005}
#: Output limits a caller sets; a cut answer stops at the one it reached.
OUTPUT_LIMITS = (64, 128, 256, 512, 1024, 2048, 4096)
TRAILING_PROSE = (
    "\n\nLet me know if anything needs a second look.",
    "\n\nI based this only on the text provided.",
    "\nHope this helps!",
    "\n\nNote: a value that was not in the text is left empty.",
)
REFUSAL = "I can't help with this request."
GOLDEN = 0.6180339887498949  # (sqrt(5) - 1) / 2

#: The late-week regression: on Saturday and Sunday one model gets clearly worse at one task.
REGRESSION = {"category": "entity_extraction", "model": "gpt-4o-mini", "since_ms": WEEK_START_MS + 5 * DAY_MS,
              "malformed": 0.25, "truncation": 0.07, "feedback": 3.0, "flag": 0.4}

#: Requests sent again by the same user with the same input: a base share, more after a bad answer.
RETRY_BASE = 0.008
RETRY_AFTER = {"error": 0.7, "truncated": 0.3, "malformed": 0.35, "filtered": 0.25}
RESEND_MAX_MS = 9 * 60_000  # a re-send later than this is given up (the analyzer looks 10 minutes back)
#: Overrides: in one category a budget model's answers are re-sent to the provider's flagship.
OVERRIDE = {"format": "anthropic_messages", "category": "creative_writing", "from": "claude-haiku-4-5",
            "to": "claude-opus-4-7", "share": 0.6}
#: A few requests marked by the caller as an override (metadata "override": "true"): a support
#: agent who asked the bigger model again from the reply-draft screen.
OVERRIDE_MARK = {"feature": "reply-draft", "model": "gpt-4o", "share": 0.04}

#: User feedback (feedback.csv): share of each product's answers rated; bad answers draw more.
FEEDBACK_SHARE = {"askme": 0.055, "helpdesk": 0.05, "studio": 0.06, "datahub": 0.03, "clausecheck": 0.04,
                  "devtools": 0.025, "opsagent": 0.015}
FEEDBACK_BAD_FACTOR = 2.0
FLAG_BY_TIER = (0.05, 0.03, 0.02)
FLAG_BAD = 0.6  # a cut, filtered or malformed answer
#: Model/category pairs whose answers users flag more often.
FLAG_WEAK = {
    ("claude-haiku-4-5", "creative_writing"): 0.25, ("claude-haiku-4-5", "email_drafting"): 0.08,
    ("gpt-4o-mini", "summarization"): 0.05, ("gpt-4o-mini", "entity_extraction"): 0.04,
    ("gpt-4o-mini", "open_qa"): 0.05, ("gpt-4.1-mini", "code_generation"): 0.08,
    ("gpt-4.1-mini", "code_explanation"): 0.05, ("gpt-5-mini", "legal_analysis"): 0.06,
}
#: Products whose screens ask for a 1-5 score beside the thumbs.
RATED_PRODUCTS = frozenset({"helpdesk", "studio", "clausecheck"})


class Outcome:
    """How one answer ended: ``finish`` is stop, truncated, filtered or tool; ``malformed``
    (JSON asked for) is None, fence, prose or cut; ``limit`` the output limit a cut answer hit."""

    __slots__ = ("finish", "json", "malformed", "limit", "regressed")

    def __init__(self) -> None:
        self.finish = "stop"
        self.json = False
        self.malformed: str | None = None
        self.limit: int | None = None
        self.regressed = False

    @property
    def bad(self) -> bool:
        return self.finish in ("truncated", "filtered") or self.malformed is not None


class Sent:
    """One request as written (what a re-send of it needs, and what its feedback depends on)."""

    __slots__ = ("e", "q", "model", "ts", "request", "extra", "outcome", "failed", "rid", "depth", "kind")

    def __init__(self, e: Entry, q: Req, model: str, ts: int) -> None:
        self.e, self.q, self.model, self.ts = e, q, model, ts
        self.request: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}
        self.outcome: Outcome | None = None
        self.failed = False
        self.rid: str | None = None  # the id spendscope ingests as request_id
        self.depth = 0
        self.kind = "first"  # first, retry, override


def _output_limit(out: int) -> int:
    """The output limit an answer of ``out`` tokens was cut at (the largest one it reached)."""
    reached = [x for x in OUTPUT_LIMITS if x <= out]
    return reached[-1] if reached else OUTPUT_LIMITS[0]


class Signals:
    """A format's quality signals: each request's outcome, its re-sends and its feedback, drawn
    from the format's own signals stream; counts for the summary."""

    def __init__(self, seed: int, fmt: str, spread: dict[tuple[str, ...], float] | None = None) -> None:
        self.fmt = fmt
        self.r = Random(f"spendscope-sample:{seed}:{fmt}:signals")
        self.feedback: list[tuple[str, str, str]] = []
        self.override_seen = 0
        self._spread: dict[tuple[str, ...], float] = {} if spread is None else spread  # shared by the formats
        self.counts: dict[str, int] = dict.fromkeys(
            ("json_requested", "json_malformed", "truncated", "content_filter", "retries", "overrides",
             "override_marks", "feedback_rows", "feedback_flags"), 0)

    def spread(self, *key: str) -> float:
        """A number in [0, 1) for a yes/no draw of ``key`` (what, and the model and/or category
        it is about): successive calls of one key, across all formats, walk a golden-ratio
        sequence from a random start, so any run of them (one day, one weekend) holds close to
        the intended share of yeses. Plain draws would let a small category on a quiet weekend
        collect several bad answers by chance: the alerts and optimize's limits should find
        what is built in here (the override category, the regression), not noise."""
        x = self._spread.get(key)
        x = self.r.random() if x is None else (x + GOLDEN) % 1.0
        self._spread[key] = x
        return x

    # ---- one answer ---------------------------------------------------------------------

    def decide(self, q: Req, model: str, ts: int, *, thinking: bool = False) -> Outcome:
        """Draw how the answer to ``q`` on ``model`` ends, and fit its output tokens to that."""
        r, o = self.r, Outcome()
        o.json = json_wanted(q)
        if "calls" in q.reply:
            o.finish = "tool"
            return o
        key, cat = price_key(model), q.category
        o.regressed = cat == REGRESSION["category"] and key == REGRESSION["model"] and ts >= REGRESSION["since_ms"]
        long_answers = TRUNCATION_BY_CATEGORY.get(cat, 1.0)
        if o.json:  # the JSON answers asked for here are small objects, far from any output limit
            long_answers = min(long_answers, 0.5)
        p_cut = TRUNCATION[TIERS[key]] * long_answers
        if o.regressed:
            p_cut = float(REGRESSION["truncation"])
        if thinking:  # extended thinking counts as output: a cut would not be at a round limit
            p_cut = 0.0
        x = self.spread("end", key, cat)
        if x < p_cut:
            o.finish, o.limit = "truncated", _output_limit(q.out)
            q.out = o.limit
        elif x < p_cut + CONTENT_FILTER.get(cat, CONTENT_FILTER_OTHERS):
            o.finish = "filtered"
            q.out = min(q.out, r.randrange(4, 30))
        if o.json:
            if o.finish == "truncated":
                o.malformed = "cut"
            elif o.finish == "stop":
                p_bad = float(REGRESSION["malformed"]) if o.regressed else MALFORMED_JSON[key]
                if self.spread("json", key, cat) < p_bad:
                    o.malformed = "fence" if r.random() < 0.65 else "prose"
        return o

    def answer(self, q: Req, o: Outcome) -> str:
        """The answer's text for its outcome (a filtered answer's text is the format's call)."""
        text = self.json_text(q) if o.json else q.reply["text"]
        if o.finish == "truncated":
            return text[: max(1, int(len(text) * self.r.uniform(0.35, 0.85)))].rstrip()
        if o.malformed == "fence":
            return "```json\n" + text + "\n```"
        if o.malformed == "prose":
            return text + self.r.choice(TRAILING_PROSE)
        return text

    def json_text(self, q: Req) -> str:
        """The well-formed JSON answer of a JSON request (the same for every send of one input)."""
        c = q.ctx
        if "_json" in c:
            return c["_json"]
        r, t, ans = self.r, q.template, c.get("answer")
        if t == "classification/api/1":
            text = json.dumps({"intent": ans if ans in INTENTS else "ask_question"})
        elif t == "sentiment_analysis/api/1":
            s = weighted(r, (("negative", 6), ("neutral", 3), ("positive", 1)))
            lo, hi = {"negative": (-0.95, -0.3), "neutral": (-0.2, 0.2), "positive": (0.3, 0.9)}[s]
            score = r.uniform(lo, hi)
            emotion = (r.choice(("frustration", "anger", "confusion")) if s == "negative"
                       else {"neutral": "neutral", "positive": "joy"}[s])
            text = json.dumps({"sentiment": s, "score": round(score, 2), "emotion": emotion})
        elif t == "spam_detection/api/1":
            spam = ans == "spam"
            text = json.dumps({"spam": spam, "reason": "credential phishing link" if spam else "normal correspondence"})
        elif t == "language_detection/api/1":
            code = ans if ans in LANG_NAMES else "de"
            text = json.dumps({"language": code, "confidence": round(r.uniform(0.86, 0.99), 2)})
        else:
            text = q.reply["text"]
        json.loads(text)  # every JSON answer template must give valid JSON
        c["_json"] = text
        return text

    def oa_answer(self, q: Req, o: Outcome | None) -> tuple[str, str | None] | None:
        """(finish_reason, content) of an OpenAI-shaped answer; None for a tool call."""
        if o is None or o.finish == "tool":
            return None
        if o.finish == "filtered":
            return "content_filter", None
        return ("length" if o.finish == "truncated" else "stop"), self.answer(q, o)

    def an_answer(self, q: Req, o: Outcome | None) -> tuple[str, str] | None:
        """(stop_reason, text) of an Anthropic answer; None for a tool call."""
        if o is None or o.finish == "tool":
            return None
        if o.finish == "filtered":
            return "refusal", REFUSAL
        return ("max_tokens" if o.finish == "truncated" else "end_turn"), self.answer(q, o)

    # ---- after a request is written --------------------------------------------------------

    def keep(self, sent: Sent, expected: Expected | None, category_id: str | None = None) -> None:
        """Count a written request, list it in the expected file, draw its user feedback."""
        o = sent.outcome
        if expected is not None and (category_id or sent.rid):
            expected.add(category_id or sent.rid, sent.q.category)  # type: ignore[arg-type]
        if sent.request.get("metadata", {}).get("override") == "true":
            self.counts["override_marks"] += 1
        if sent.kind == "retry":
            self.counts["retries"] += 1
        elif sent.kind == "override":
            self.counts["overrides"] += 1
        if o is not None and not sent.failed:
            self.counts["json_requested"] += o.json
            self.counts["json_malformed"] += o.malformed is not None
            self.counts["truncated"] += o.finish == "truncated"
            self.counts["content_filter"] += o.finish == "filtered"
        if sent.failed or sent.rid is None or o is None:
            return
        r = self.r
        key = price_key(sent.model)
        p = FEEDBACK_SHARE[sent.e.product] * (FEEDBACK_BAD_FACTOR if o.bad else 1.0)
        if o.regressed:
            p *= float(REGRESSION["feedback"])
        if self.spread("feedback", sent.q.category) >= p:
            return
        if o.bad:
            p_flag = FLAG_BAD
        else:
            p_flag = FLAG_BY_TIER[TIERS[key]] + FLAG_WEAK.get((key, sent.q.category), 0.0)
            if o.regressed:
                p_flag += float(REGRESSION["flag"])
        flag = self.spread("flag", sent.q.category) < p_flag
        score = ""
        if sent.e.product in RATED_PRODUCTS:
            score = str(r.choice((1, 2)) if flag else weighted(r, ((3, 0.15), (4, 0.4), (5, 0.45))))
        self.feedback.append((sent.rid, "1" if flag else "0", score))
        self.counts["feedback_rows"] += 1
        self.counts["feedback_flags"] += flag

    def resend(self, sent: Sent) -> tuple[int, str, str] | None:
        """Whether the user sends ``sent``'s input again: (when, retry or override, model)."""
        if sent.depth >= 2 or sent.q.category == "agentic":
            return None
        r, o = self.r, sent.outcome
        if (self.fmt == OVERRIDE["format"] and sent.q.category == OVERRIDE["category"] and sent.depth == 0
                and price_key(sent.model) == OVERRIDE["from"] and not sent.failed):
            # evenly spread (not drawn): the category's override rate is the point, not noise
            self.override_seen += 1
            share = float(OVERRIDE["share"])
            if int(self.override_seen * share) > int((self.override_seen - 1) * share):
                return sent.ts + r.randrange(60_000, 240_001), "override", str(OVERRIDE["to"])
        if sent.failed:
            p = RETRY_AFTER["error"]
        elif o is not None and o.finish in ("truncated", "filtered"):
            p = RETRY_AFTER[o.finish]
        elif o is not None and o.malformed is not None:
            p = RETRY_AFTER["malformed"]
        else:
            p = RETRY_BASE
        if r.random() < p:
            return sent.ts + r.randrange(60_000, 300_001), "retry", sent.model
        return None
