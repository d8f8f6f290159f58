"""Reading the workspace's settings files (TOML or JSON) into strict pydantic models.

Any problem — unreadable, not valid TOML/JSON, an unknown key, a bad value — is one
``ConfigError`` line naming the file and the key.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from analyzer.errors import ConfigError

M = TypeVar("M", bound=BaseModel)


def load(path: Path, model: type[M]) -> M:
    try:
        text = path.read_text()
        raw = tomllib.loads(text) if path.suffix == ".toml" else json.loads(text)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from e
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"{path}: not valid {path.suffix[1:].upper()} ({e})") from e
    try:
        return model.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigError(f"{path}: {where}: {first['msg']}") from e
