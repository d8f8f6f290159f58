"""A chat-like log for the scale bench: ``python bench/chat_corpus.py OUT.jsonl --requests N``.

The generator's corpora are templated (a few hundred instructions, varied inputs). This one
is the other kind of traffic: chat apps whose users all write something different.
Conversations of one to eight turns with one of a dozen assistants (about one in seven
without a system prompt); every request carries the conversation so far, as a chat app
sends it, in the OpenAI Chat Completions log shape (``openai_chat``). User messages are
drawn word by word from the lists below, so nearly every one is unique from its first
line on. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

ASSISTANTS = [
    "You are Pip, the help assistant of a grocery delivery app. Keep answers short and friendly.",
    "You are the in-app tutor of a language learning course. Correct mistakes gently.",
    "You are a travel planner for a booking site. Suggest concrete options.",
    "You are a fitness coach inside a workout tracker. Never give medical advice.",
    "You are the support assistant of a home insurance company. Be precise about coverage.",
    "You are a cooking companion. Offer substitutions when an ingredient is missing.",
    "You are a study buddy for high school maths. Explain step by step.",
    "You are the concierge of a hotel chain. Answer as a polite host would.",
    "You are a gardening helper for a plant shop. Mention the season when it matters.",
    "You are a budgeting assistant inside a banking app. Do not recommend financial products.",
    "You are a game master for a text adventure. Stay in character.",
    "You are a writing assistant for a blogging platform. Keep the author's voice.",
]
OPENERS = ["hey", "ok so", "quick question:", "hi again,", "hmm", "so basically", "thanks! now", "wait,",
           "alright", "one more thing:", "honestly", "can you", "what if", "why does", "how do i", "is it ok to"]
VERBS = ["fix", "plan", "cook", "book", "explain", "water", "save", "learn", "replace", "compare",
         "schedule", "write", "translate", "cancel", "move", "train", "grow", "pay", "pack", "find"]
OBJECTS = ["my basil", "the invoice", "a trip to lisbon", "dinner for six", "the subjunctive", "my squats",
           "a leaky roof claim", "the chapter on fractions", "a late checkout", "tomato seedlings", "the rent",
           "a dragon", "my opening paragraph", "the gym plan", "a birthday cake", "the coverage limit",
           "a weekend in the alps", "my spanish homework", "the grocery order", "a quiet room"]
TAILS = ["before friday", "without an oven", "on a tight budget", "for a beginner", "in under an hour",
         "if it rains", "with my kids around", "after the update", "for the third time", "next month",
         "like last time", "without sugar", "from scratch", "in the evening", "with what I have"]
REPLIES = ["Sure, here is one way to do it.", "Good question, it depends on a few things.",
           "Let's take it step by step.", "Here are three options.", "That should work, with one caveat."]
MODELS = ["gpt-4o-mini", "gpt-4.1-mini", "gpt-4o"]


def user_message(rng: random.Random) -> str:
    words = [rng.choice(OPENERS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(TAILS)]
    extra = " ".join(rng.choice(VERBS + OBJECTS + TAILS) for _ in range(rng.randint(1, 6)))
    return f"{' '.join(words)}? {extra}".capitalize()


def lines(requests: int, seed: int = 11):
    rng = random.Random(seed)
    start = datetime(2026, 10, 5, tzinfo=timezone.utc)
    n = 0
    while n < requests:
        system = rng.choice(ASSISTANTS) if rng.random() > 0.15 else None
        history = [{"role": "system", "content": system}] if system else []
        model = rng.choice(MODELS)
        when = start + timedelta(seconds=rng.randint(0, 7 * 86400 - 600))
        for _turn in range(rng.randint(1, 8)):
            if n >= requests:
                break
            history.append({"role": "user", "content": user_message(rng)})
            reply = rng.choice(REPLIES)
            prompt_tokens = sum(len(m["content"]) for m in history) // 4 + 12
            yield {
                "timestamp": when.isoformat().replace("+00:00", "Z"),
                "request": {"model": model, "messages": list(history), "metadata": {"project": "chat"}},
                "response": {
                    "id": f"chatcmpl-{seed}-{n}", "object": "chat.completion", "model": model,
                    "choices": [{"index": 0, "message": {"role": "assistant", "content": reply}}],
                    "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": 40 + n % 60,
                              "total_tokens": prompt_tokens + 40 + n % 60},
                },
            }
            history.append({"role": "assistant", "content": reply})
            when += timedelta(seconds=rng.randint(5, 120))
            n += 1


def write(path: Path, requests: int, seed: int = 11) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w") as f:
        for line in lines(requests, seed):
            f.write(json.dumps(line, separators=(",", ":")) + "\n")
    tmp.rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    write(args.out, args.requests, args.seed)


if __name__ == "__main__":
    main()
