"""Routing policies (CONTRACT.md, "Routing-policy file"): reading, checking, resolving.

A policy is ordered ``routes``; a request takes the first route whose ``match`` fits it.
Besides the contract's match keys, ``tier`` matches the model's line (budget, mid,
flagship; ``data/model_tiers.toml``), so a preset can move only traffic above a tier.
A route moves ``share`` of its requests to each ``to`` model (the rest stays), and with
``batch = true`` prices all of its traffic, moved and kept, at batch rates. Beyond the
contract, a policy may set (per route, or once at the top as the default):

* ``override_rate``: the share of moved requests escalated back to the original model;
* ``keep_cache``: moved requests keep their prompt-cache hits (default: lost, as cached
  prefixes belong to one model);
* ``output_factor``: output tokens on the target relative to the source (verbosity);
* ``note`` (per route): why the route is there, in words (``optimize`` writes one);
* ``token_factors`` (top level only): tokens per family or model relative to OpenAI's
  o200k, a number or ``{prose, code, math}``, replacing ``tokens.DEFAULT_FACTORS``.

Checked strictly: unknown keys, unknown categories, models without a price and shares
that add up to more than 1 are one ``ConfigError`` naming the file and the key.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from analyzer.classify.taxonomy import CATEGORIES
from analyzer.errors import ConfigError
from analyzer.model_ids import canonical
from analyzer.pricing import catalog

PRESETS = Path(__file__).resolve().parent / "presets"
MATCH_KEYS = ("category", "model", "provider", "service_tier", "tier")
TIERS = ("budget", "mid", "flagship")
_META_KEY = re.compile(r"^meta:[A-Za-z0-9_.\-]+$")
_STRICT = ConfigDict(extra="forbid", frozen=True)

Share = Annotated[float, Field(gt=0, le=1)]
Rate = Annotated[float, Field(ge=0, lt=1)]
Factor = Annotated[float, Field(gt=0)]


class Target(BaseModel):
    model_config = _STRICT
    model: str
    share: Share = 1.0


class Route(BaseModel):
    model_config = _STRICT
    match: dict[str, str | list[str]] = {}
    to: list[Target] = []
    batch: bool = False
    override_rate: Rate | None = None
    keep_cache: bool | None = None
    output_factor: Factor | None = None
    note: str = ""  # why the route exists (optimize writes one); no effect on the routing

    @field_validator("match")
    @classmethod
    def _known_keys(cls, match: dict[str, str | list[str]]) -> dict[str, str | list[str]]:
        for key in match:
            if key not in MATCH_KEYS and not _META_KEY.match(key):
                raise ValueError(f"unknown match key '{key}' (use {', '.join(MATCH_KEYS)} or meta:KEY)")
        return match

    @field_validator("to")
    @classmethod
    def _shares(cls, to: list[Target]) -> list[Target]:
        total = sum(t.share for t in to)
        if total > 1 + 1e-9:
            raise ValueError(f"shares add up to {total:g}, more than 1")
        return to


class _PolicyFile(BaseModel):
    model_config = _STRICT
    name: str = "unnamed policy"
    description: str = ""
    routes: list[Route] = []
    override_rate: Rate = 0.0
    keep_cache: bool = False
    output_factor: Factor = 1.0
    token_factors: dict[str, Factor | dict[str, Factor]] = {}


@dataclass(frozen=True)
class Move:
    """One ``to`` entry, resolved: ``share`` of the route's requests go to this model."""

    provider: str
    model: str
    share: float


@dataclass(frozen=True)
class ResolvedRoute:
    match: dict[str, tuple[str, ...]]  # key -> accepted values (models canonical); no key = any
    moves: tuple[Move, ...]
    batch: bool
    override_rate: float
    keep_cache: bool
    output_factor: float


@dataclass(frozen=True)
class Policy:
    name: str
    routes: tuple[ResolvedRoute, ...] = ()
    token_factors: dict[str, float | dict[str, float]] = field(default_factory=dict)
    description: str = ""
    source: dict[str, Any] = field(default_factory=dict)  # the file's content, for saving

    @property
    def meta_keys(self) -> tuple[str, ...]:
        keys = {k for r in self.routes for k in r.match if k.startswith("meta:")}
        return tuple(sorted(keys))


def identity(name: str = "baseline") -> Policy:
    return Policy(name)


def _values(value: str | list[str]) -> tuple[str, ...] | None:
    values = (value,) if isinstance(value, str) else tuple(value)
    return None if "*" in values else values


def _hinted(raw: str) -> tuple[str, str]:
    """``(provider, model)`` of a name as a policy writes it: a ``provider/`` prefix is a hint."""
    return canonical(raw, raw.partition("/")[0] if "/" in raw else None)


def resolve_model(raw: str, where: str) -> tuple[str, str]:
    """``(provider, model)`` of a policy's target; an unknown model is a ConfigError."""
    provider, model = _hinted(raw)
    if catalog.model_info(provider, model) is None:
        provider, model = canonical(raw.partition("/")[2] if "/" in raw else raw)
        if catalog.model_info(provider, model) is None:
            raise ConfigError(f"{where}: unknown model '{raw}' ({catalog.CATALOG} has no price for it)")
    return provider, model


def _match(match: dict[str, str | list[str]], where: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for key, value in match.items():
        values = _values(value)
        if values is None:
            continue
        if key == "category":
            unknown = [v for v in values if v not in CATEGORIES]
            if unknown:
                raise ConfigError(f"{where}.category: unknown category '{unknown[0]}'")
        if key == "tier" and (unknown := [v for v in values if v not in TIERS]):
            raise ConfigError(f"{where}.tier: unknown tier '{unknown[0]}' (use {', '.join(TIERS)})")
        if key == "model":
            values = tuple(dict.fromkeys(_hinted(v)[1] for v in values))
        out[key] = values
    return out


def from_dict(raw: Any, where: str = "policy") -> Policy:
    """A checked, resolved policy from parsed JSON/TOML."""
    try:
        p = _PolicyFile.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        loc = ".".join(str(x) for x in first["loc"]) or "(top level)"
        msg = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigError(f"{where}: {loc}: {msg}") from e
    routes = []
    for i, r in enumerate(p.routes):
        here = f"{where}: routes.{i}"
        moves = tuple(
            Move(*resolve_model(t.model, f"{here}.to.{j}.model"), t.share) for j, t in enumerate(r.to)
        )
        routes.append(ResolvedRoute(
            match=_match(r.match, f"{here}.match"),
            moves=moves,
            batch=r.batch,
            override_rate=p.override_rate if r.override_rate is None else r.override_rate,
            keep_cache=p.keep_cache if r.keep_cache is None else r.keep_cache,
            output_factor=p.output_factor if r.output_factor is None else r.output_factor,
        ))
    return Policy(p.name, tuple(routes), dict(p.token_factors), p.description,
                  raw if isinstance(raw, dict) else {})


def presets() -> dict[str, Path]:
    """Shipped policies by name (file stem)."""
    return {p.stem: p for p in sorted(PRESETS.glob("*.toml"))}


def load(path_or_preset: str | Path) -> Policy:
    """A policy from a JSON/TOML file, or a shipped preset by name."""
    path = Path(path_or_preset)
    if not path.exists() and str(path_or_preset) in presets():
        path = presets()[str(path_or_preset)]
    try:
        text = path.read_text()
    except OSError as e:
        names = ", ".join(presets())
        raise ConfigError(f"{path}: cannot read policy ({e.strerror or e}); presets: {names}") from e
    try:
        raw = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        kind = "TOML" if path.suffix == ".toml" else "JSON"
        raise ConfigError(f"{path}: not valid {kind} ({e})") from e
    return from_dict(raw, str(path))


def _toml_value(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value)  # strings, numbers and booleans read the same in TOML


def to_toml(content: dict[str, Any]) -> str:
    """A policy file's content as TOML: top-level keys, then one ``[[routes]]`` table each."""
    lines = [f"{key} = {_toml_value(v)}" for key, v in content.items() if key != "routes"]
    for route in content.get("routes", []):
        lines += ["", "[[routes]]", *(f"{key} = {_toml_value(v)}" for key, v in route.items())]
    return "\n".join(lines) + "\n"


def save(content: dict[str, Any], path: Path) -> None:
    """Write a policy file (TOML for ``.toml``, else JSON), checked by reading it back."""
    from_dict(content, str(path))
    text = to_toml(content) if path.suffix == ".toml" else json.dumps(content, indent=2) + "\n"
    try:
        path.write_text(text)
    except OSError as e:
        raise ConfigError(f"{path}: cannot write policy ({e.strerror or e})") from e
