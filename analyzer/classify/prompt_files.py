"""The training prompts' data files (``analyzer/classify/data/*.toml``) read into templates
and slots, checked strictly.

The prompts are data, so they live in data files that read and diff as text; this module
turns them into what ``training_data`` renders. The format is described in
``analyzer/classify/data/README.md``. Files are read in name order and templates keep their
place in the file: that order is the order of ``training_data.examples()``, hence of the
training set, so it is part of what makes ``model.npz`` reproducible.

Every problem is reported with the file it is in (``DataFileError``): a slot no file
declares, a slot function no module registers, a category that is not a taxonomy id, a
word list named twice.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from analyzer.classify import prompt_slots as kinds
from analyzer.classify.prompt_slots import SLOT_RE, SlotFn, Words
from analyzer.classify.slot_functions import registry
from analyzer.classify.taxonomy import CATEGORIES

DATA = Path(__file__).resolve().parent / "data"
STYLES = ("api", "inline", "chat", "persona")
FILE_KEYS = {"category", "chat_systems", "personas", "lists", "slots", "templates"}
TEMPLATE_KEYS = {"name", "category", "system", "systems", "personas", "user", "users", "split"}
#: Slot kinds (exactly one per slot) and the options each allows.
SLOT_KINDS: dict[str, set[str]] = {
    "one": set(), "raw": set(), "one_of": set(), "raw_of": set(), "fill": set(), "set_by": set(),
    "lines": {"min", "max", "sep", "keep_order"}, "lines_of": {"min", "max", "sep", "keep_order"},
    "fn": {"args"},
}
NAME_RE = re.compile(r"[a-z_]+/[a-z0-9][a-z0-9-]*")


class DataFileError(ValueError):
    """A data file that cannot be used as it is; the message starts with the file's name."""


@dataclass(frozen=True)
class Template:
    name: str  # "<category>/<style>-<slug>"
    category: str  # a taxonomy id
    systems: tuple[str | None, ...]  # system prompts to pick from (None: no system prompt)
    users: tuple[str, ...]  # user messages to pick from
    casual: bool  # chat style: typed by a person (``training_data`` roughens it)
    source: str  # the data file it comes from


@dataclass(frozen=True)
class PromptData:
    templates: dict[str, Template]  # in file order
    slots: dict[str, SlotFn]
    words: Words


@cache
def load() -> PromptData:
    """The project's data files (read once)."""
    return read(DATA)


def read(directory: Path, functions: Mapping[str, Callable[..., str]] | None = None) -> PromptData:
    """Every ``*.toml`` of ``directory``, in name order, checked as a whole."""
    functions = registry() if functions is None else functions
    files = [(p.name, _parse(p)) for p in sorted(directory.glob("*.toml"))]
    if not files:
        raise DataFileError(f"{directory}: no data files")
    words = Words()
    personas: dict[str, str] = {}
    chat_systems: tuple[str | None, ...] | None = None
    specs: dict[str, tuple[str, dict[str, Any]]] = {}
    first_seen: dict[str, str] = {}
    for fname, doc in files:
        for name, value in doc.get("lists", {}).items():
            _once(first_seen, f"word list {name}", fname)
            words[name] = _freeze(value)
        for name, text in doc.get("personas", {}).items():
            _once(first_seen, f"persona {name}", fname)
            personas[name] = _text(text, fname, f"persona {name}")
        if "chat_systems" in doc:
            _once(first_seen, "chat_systems", fname)
            chat_systems = _chat_systems(doc["chat_systems"], fname)
        for name, spec in doc.get("slots", {}).items():
            _once(first_seen, f"slot {name}", fname)
            if not isinstance(spec, dict):
                raise DataFileError(f"{fname}: slot {name} must be a table, e.g. {name}.one = [...]")
            specs[name] = (fname, spec)

    templates: dict[str, Template] = {}
    for fname, doc in files:
        for entry in doc.get("templates", []):
            for t in _templates(entry, doc.get("category"), fname, personas, chat_systems):
                if t.name in templates:
                    raise DataFileError(f"{fname}: template {t.name} is also in {templates[t.name].source}")
                templates[t.name] = t

    slots = {name: _slot(name, spec, fname, words, functions, templates)
             for name, (fname, spec) in specs.items()}
    _check_slots_declared(templates, specs, words, slots)
    return PromptData(templates, slots, words)


# --- files --------------------------------------------------------------------------------


def _parse(path: Path) -> dict[str, Any]:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise DataFileError(f"{path.name}: not valid TOML: {e}") from None
    unknown = sorted(set(doc) - FILE_KEYS)
    if unknown:
        raise DataFileError(f"{path.name}: unknown top-level keys {unknown} (allowed: {sorted(FILE_KEYS)})")
    return doc


def _once(seen: dict[str, str], what: str, fname: str) -> None:
    if what in seen:
        raise DataFileError(f"{fname}: {what} is already defined in {seen[what]}")
    seen[what] = fname


def _freeze(value: Any) -> Any:
    """Arrays become tuples (as the word lists were written in Python), tables stay dicts."""
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return {k: _freeze(v) for k, v in value.items()}
    return value


def _text(value: Any, fname: str, what: str, empty_ok: bool = False) -> str:
    if not isinstance(value, str) or not (empty_ok or value.strip()):
        raise DataFileError(f"{fname}: {what} must be a non-empty string")
    return value


def _texts(value: Any, fname: str, what: str, empty_ok: bool = False) -> tuple[str, ...]:
    """A string or a non-empty array of strings (an option may be empty when ``empty_ok``)."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise DataFileError(f"{fname}: {what} must be a string or a non-empty array of strings")
    return tuple(_text(v, fname, what, empty_ok) for v in value)


def _chat_systems(table: Any, fname: str) -> tuple[str | None, ...]:
    if not isinstance(table, dict) or set(table) != {"none", "prompts"}:
        raise DataFileError(f"{fname}: [chat_systems] needs exactly `none` (a count) and `prompts`")
    none = table["none"]
    if not isinstance(none, int) or none < 0:
        raise DataFileError(f"{fname}: chat_systems.none must be a count")
    return (None,) * none + _texts(table["prompts"], fname, "chat_systems.prompts")


# --- templates ----------------------------------------------------------------------------


def _templates(entry: dict[str, Any], file_category: str | None, fname: str, personas: Mapping[str, str],
               chat_systems: tuple[str | None, ...] | None) -> list[Template]:
    """One ``[[templates]]`` entry: one template, or ``split`` chunks of its users."""
    local = entry.get("name")
    if not isinstance(local, str):
        raise DataFileError(f"{fname}: a template has no name")
    category = entry.get("category", file_category)
    where = f"{fname}: template {category}/{local}"
    unknown = sorted(set(entry) - TEMPLATE_KEYS)
    if unknown:
        raise DataFileError(f"{where}: unknown keys {unknown} (allowed: {sorted(TEMPLATE_KEYS)})")
    if category not in CATEGORIES:
        raise DataFileError(f"{where}: category {category!r} is not a taxonomy id (analyzer/classify/taxonomy.py)")
    style = local.split("-", 1)[0]
    if style not in STYLES or "-" not in local:
        raise DataFileError(f"{where}: a name is <style>-<slug>, style one of {', '.join(STYLES)}")

    given = [k for k in ("system", "systems", "personas") if k in entry]
    if len(given) > 1:
        raise DataFileError(f"{where}: give one of system, systems, personas")
    systems: tuple[str | None, ...]
    if given == ["personas"]:
        names = _texts(entry["personas"], fname, f"{where}: personas")
        missing = [n for n in names if n not in personas]
        if missing:
            raise DataFileError(f"{where}: unknown personas {missing} (known: {sorted(personas)})")
        systems = tuple(personas[n] for n in names)
    elif given:
        systems = _texts(entry[given[0]], fname, f"{where}: {given[0]}")
    elif style == "inline":
        systems = (None,)
    elif style == "chat":
        if chat_systems is None:
            raise DataFileError(f"{where}: chat style needs [chat_systems] in some data file")
        systems = chat_systems
    else:
        raise DataFileError(f"{where}: {style} style needs a system prompt (system, systems or personas)")
    if style == "inline" and given:
        raise DataFileError(f"{where}: inline style has no system prompt")

    if ("user" in entry) == ("users" in entry):
        raise DataFileError(f"{where}: give one of user, users")
    users = _texts(entry.get("user", entry.get("users")), fname, f"{where}: users")
    split = entry.get("split")
    if split is None:
        chunks = [(local, users)]
    elif isinstance(split, int) and split > 0:
        chunks = [(f"{local}-{k // split + 1}", users[k:k + split]) for k in range(0, len(users), split)]
    else:
        raise DataFileError(f"{where}: split must be a positive number of wordings per template")

    out = []
    for name, chunk in chunks:
        full = f"{category}/{name}"
        if not NAME_RE.fullmatch(full):
            raise DataFileError(f"{fname}: template name {full!r} is not <category>/<lowercase-slug>")
        out.append(Template(full, category, systems, chunk, style == "chat", fname))
    return out


# --- slots --------------------------------------------------------------------------------


def _slot(name: str, spec: dict[str, Any], fname: str, words: Words,
          functions: Mapping[str, Callable[..., str]], templates: Mapping[str, Template]) -> SlotFn:
    where = f"{fname}: slot {name}"
    given = [k for k in spec if k in SLOT_KINDS]
    if len(given) != 1:
        raise DataFileError(f"{where}: give exactly one of {', '.join(SLOT_KINDS)}")
    kind = given[0]
    extra = sorted(set(spec) - {kind} - SLOT_KINDS[kind])
    if extra:
        raise DataFileError(f"{where}: {kind} takes no {extra}")
    value = spec[kind]
    if kind == "fn":
        fn = functions.get(value) if isinstance(value, str) else None
        if fn is None:
            users = _users_of(name, templates)
            raise DataFileError(f"{where}: unknown slot function {value!r} (used by {users}; registered: "
                                f"analyzer/classify/slot_functions)")
        args = spec.get("args", [])
        if not isinstance(args, list):
            raise DataFileError(f"{where}: args must be an array")
        return kinds.call(fn, _freeze(args))
    if kind == "set_by":
        if not isinstance(value, str):
            raise DataFileError(f"{where}: set_by names the slot whose function stores this value")
        return kinds.set_by(value, name)
    if kind == "fill":
        return kinds.fill(_text(value, fname, f"slot {name}: fill"))
    if kind in ("one", "raw", "lines"):
        pool = _texts(value, fname, f"slot {name}: {kind}", empty_ok=True)
    else:
        pool = _pool(value, words, where)
    if kind in ("one", "one_of"):
        return kinds.one(pool)
    if kind in ("raw", "raw_of"):
        return kinds.raw(pool)
    lo, hi = spec.get("min"), spec.get("max")
    if not (isinstance(lo, int) and isinstance(hi, int) and 0 < lo <= hi):
        raise DataFileError(f"{where}: lines need 0 < min <= max")
    return kinds.lines(pool, lo, hi, spec.get("sep", "\n"), spec.get("keep_order", True))


def _pool(value: Any, words: Words, where: str) -> tuple[str, ...]:
    """The word lists named (one name or several, concatenated in that order)."""
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names:
        raise DataFileError(f"{where}: name a word list, or an array of them")
    pool: tuple[str, ...] = ()
    for n in names:
        if n not in words:
            raise DataFileError(f"{where}: no word list {n!r} in the data files")
        items = words[n]
        if not isinstance(items, tuple) or not all(isinstance(x, str) for x in items):
            raise DataFileError(f"{where}: word list {n} is not an array of strings")
        pool += items
    return pool


def _users_of(slot: str, templates: Mapping[str, Template]) -> str:
    needle = "{" + slot + "}"
    names = [t.name for t in templates.values() if any(needle in s for s in (*t.users, *t.systems) if s)]
    if not names:
        return "no template directly"
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return "template " + ", ".join(names[:3]) + more


def _check_slots_declared(templates: Mapping[str, Template], specs: Mapping[str, tuple[str, dict[str, Any]]],
                          words: Words, slots: Mapping[str, SlotFn]) -> None:
    """Every ``{name}`` in a text that gets filled (templates, picked options), and every
    ``set_by`` source, is a declared slot."""

    def check(texts: Iterable[str | None], where: str) -> None:
        for text in texts:
            for m in SLOT_RE.finditer(text or ""):
                if m.group(1) not in slots:
                    raise DataFileError(f"{where} uses {{{m.group(1)}}}, which no data file declares as a slot")

    for t in templates.values():
        check((*t.systems, *t.users), f"{t.source}: template {t.name}")
    for name, (fname, spec) in specs.items():
        if "set_by" in spec and spec["set_by"] not in slots:
            raise DataFileError(f"{fname}: slot {name} is set_by {spec['set_by']!r}, which no data file declares")
        for kind in ("one", "fill", "lines"):
            if kind in spec:
                check(_texts(spec[kind], fname, kind, empty_ok=True), f"{fname}: slot {name}")
        for kind in ("one_of", "lines_of"):
            if kind in spec:
                check(_pool(spec[kind], words, f"{fname}: slot {name}"), f"{fname}: slot {name}")
