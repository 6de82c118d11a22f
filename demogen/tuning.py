"""Editing recipes as the app and notebooks do: one key at a time, always validated, round-tripping through TOML.

A recipe is edited through its TOML-shaped mapping (the keys a user writes), so every widget maps to one key path
(`deals.amount.alpha`) and every change is re-validated by `parse_recipe`: an invalid value raises the recipe's
own `RecipeError` and the previous recipe stays in force. Nothing here imports streamlit.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import json
import math
import re
import tomllib
import typing
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import tomlkit

from demogen.recipe import Recipe, RecipeError, parse_recipe

SAMPLE_DEALS = 10_000
"""A preview holds about this many deals: enough for stable charts, small enough to redraw at once."""

PUSH_ROWS_PER_SECOND = {"postgresql": 55_000, "sqlite": 35_000}
"""End-to-end push speed measured by `benchmarks/run.py` on a 2-core machine; used for the estimated push time."""

MAX_LINK_BYTES = 1 << 20
"""A link's recipe inflates to at most this much JSON (a crafted link cannot exhaust memory)."""

_RECIPE_NAME = re.compile(r"^[\w .-]{1,80}$")


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_drop_none(v) for v in value]
    return value


def recipe_mapping(recipe: Recipe) -> dict[str, Any]:
    """The recipe as the TOML file spells it (the inverse of `parse_recipe`): keys as users write them."""
    data = recipe.model_dump(mode="json", by_alias=True)
    strict = data.pop("strict_locales")
    if strict:
        data["locales"]["strict"] = True
    amount = data["deals"]["amount"]
    data["deals"]["amount"] = {**amount["law"], "rounding": amount["rounding"]}
    return _drop_none(data)


def parse_mapping(data: Mapping[str, Any]) -> Recipe:
    """Validate a TOML-shaped mapping whose `tenant.as_of` is set (as every mapping from `recipe_mapping` is)."""
    as_of = (data.get("tenant") or {}).get("as_of") if isinstance(data.get("tenant"), Mapping) else None
    if as_of is None:
        raise RecipeError("tenant.as_of", "missing", "set the reference date, YYYY-MM-DD")
    today = as_of if isinstance(as_of, dt.date) else dt.date.fromisoformat(str(as_of))
    return parse_recipe(copy.deepcopy(dict(data)), today=today)


def get_value(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return node


def _set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set a key, creating its sections; None removes it, and sections it leaves empty go with it."""
    *parents, leaf = path.split(".")
    trail = [data]
    for part in parents:
        trail.append(trail[-1].setdefault(part, {}))
    if value is not None:
        trail[-1][leaf] = value
        return
    trail[-1].pop(leaf, None)
    for depth in range(len(parents), 0, -1):
        if trail[depth]:
            break
        trail[depth - 1].pop(parents[depth - 1])


def with_values(recipe: Recipe, changes: Mapping[str, Any]) -> Recipe:
    """A new validated recipe with keys replaced (None removes a key); raises RecipeError and changes nothing."""
    data = recipe_mapping(recipe)
    for path, value in changes.items():
        _set_path(data, path, value)
    return parse_mapping(data)


def with_value(recipe: Recipe, path: str, value: Any) -> Recipe:
    return with_values(recipe, {path: value})


def _toml_ready(value: Any, key: str = "") -> Any:
    """`as_of` back to a TOML date, and `dist` first in every law, as people write it."""
    if isinstance(value, dict):
        ordered = sorted(value.items(), key=lambda item: item[0] != "dist")
        return {k: _toml_ready(v, k) for k, v in ordered}
    if isinstance(value, list):
        return [_toml_ready(v) for v in value]
    if key == "as_of" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


def dump_toml(recipe: Recipe) -> str:
    """The recipe as a TOML file (tomlkit): top-level keys first, then one table per section."""
    data = _toml_ready(recipe_mapping(recipe))
    document = tomlkit.document()
    document.add(tomlkit.comment(f"{recipe.tenant.name}: recipe written by demogen (seed and as_of included)"))
    for key, value in data.items():
        if not isinstance(value, dict):
            document.add(key, value)
    for key, value in data.items():
        if isinstance(value, dict):
            document.add(key, _toml_table(value))
    return tomlkit.dumps(document)


def _scalar_only(mapping: dict[str, Any]) -> bool:
    """True for a law-like mapping (values are numbers, strings or lists of them): it is written inline."""
    return not any(
        isinstance(v, dict) or (isinstance(v, list) and v and isinstance(v[0], dict)) for v in mapping.values()
    )


def _toml_table(section: dict[str, Any]) -> tomlkit.items.Table:
    """A section as TOML: laws inline (`{ dist = ..., ... }`), nested sections and row lists as tables/arrays."""
    table = tomlkit.table()
    for key, value in section.items():
        if isinstance(value, dict) and (key == "amount" or not _scalar_only(value)):
            table.add(key, _toml_table(value))
        elif isinstance(value, dict):
            inline = tomlkit.inline_table()
            inline.update(value)
            table.add(key, inline)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            array = tomlkit.array()
            array.multiline(True)
            for item in value:
                inline = tomlkit.inline_table()
                inline.update(item)
                array.append(inline)
            table.add(key, array)
        else:
            table.add(key, value)
    return table


def load_toml(text: str, *, today: dt.date) -> Recipe:
    """Parse recipe TOML text (an upload); errors name the key, or the TOML line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RecipeError("recipe", f"invalid TOML ({error})", "fix the TOML syntax") from None
    return parse_recipe(data, today=today)


def _flatten(data: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(data, Mapping):
        for key in data:
            yield from _flatten(data[key], f"{prefix}{key}.")
    else:
        yield prefix.rstrip("."), data


def recipe_diff(old: Recipe | Mapping[str, Any], new: Recipe | Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """Changed keys as (path, old value, new value), in key order; lists (stages, components) compare whole."""
    before = dict(_flatten(recipe_mapping(old) if isinstance(old, Recipe) else old))
    after = dict(_flatten(recipe_mapping(new) if isinstance(new, Recipe) else new))
    return [
        (path, before.get(path), after.get(path))
        for path in sorted(set(before) | set(after))
        if before.get(path) != after.get(path)
    ]


def encode_recipe(recipe: Recipe) -> str:
    """A compact URL-safe token of the whole recipe (validated JSON, never pickle: a crafted link runs no code)."""
    raw = json.dumps(recipe_mapping(recipe), sort_keys=True, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


def decode_recipe(token: str) -> Recipe:
    """The recipe of a URL token; a damaged token is a RecipeError like any bad recipe."""
    try:
        inflater = zlib.decompressobj()
        raw = inflater.decompress(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)), MAX_LINK_BYTES)
        if inflater.unconsumed_tail:
            raise ValueError("too large")
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, zlib.error) as error:
        raise RecipeError("recipe", f"the link is damaged ({type(error).__name__})", "copy the whole link") from None
    if not isinstance(data, dict):
        raise RecipeError("recipe", "the link holds no recipe", "copy the whole link")
    return parse_mapping(data)


def sample_recipe(recipe: Recipe, deals: int = SAMPLE_DEALS) -> Recipe:
    """The same recipe cut to about `deals` deals: by prefix stability its rows are the full tenant's first rows."""
    per_company = max(recipe.volume.deals_per_company.mean(), 1e-6)
    companies = min(recipe.volume.companies, max(1, math.ceil(deals / per_company)))
    return recipe if companies == recipe.volume.companies else with_value(recipe, "volume.companies", companies)


def estimated_push_seconds(rows: int, backend: str) -> float:
    return rows / PUSH_ROWS_PER_SECOND.get(backend, PUSH_ROWS_PER_SECOND["sqlite"])


def duration_words(seconds: float) -> str:
    """'under a second', '12 s', '3 min'."""
    if seconds < 1:
        return "under a second"
    return f"{seconds:,.0f} s" if seconds < 120 else f"{seconds / 60:,.0f} min"


class RecipeShelf:
    """Named recipes saved as TOML files in one folder (the app's 'save' and 'load')."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def names(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.toml")) if self.folder.is_dir() else []

    def _path(self, name: str) -> Path:
        name = name.strip()
        if not _RECIPE_NAME.match(name) or name.startswith("."):
            raise RecipeError(
                "recipe name", f"{name!r} is not usable", "use letters, digits, spaces, dots or dashes (up to 80)"
            )
        return self.folder / f"{name}.toml"

    def save(self, name: str, recipe: Recipe) -> Path:
        path = self._path(name)
        self.folder.mkdir(parents=True, exist_ok=True)
        staging = path.with_suffix(".toml.part")
        staging.write_text(dump_toml(recipe), encoding="utf-8")
        staging.replace(path)
        return path

    def load(self, name: str) -> Recipe:
        path = self._path(name)
        if not path.is_file():
            raise RecipeError("recipe name", f"no saved recipe {name!r}", "pick one of the saved recipes")
        return load_toml(path.read_text(encoding="utf-8"), today=dt.date(1970, 1, 1))


LAW_DEFAULTS: dict[str, dict[str, dict[str, Any]]] = {
    "count": {
        "poisson": {"mean": 1.5},
        "negbinom": {"mean": 6.0, "dispersion": 2.0},
        "lognormal": {"median": 3.0, "sigma": 0.8},
        "fixed": {"value": 1},
    },
    "amount": {
        "pareto": {"alpha": 1.3},
        "lognormal": {"median": 15_000.0, "sigma": 0.9},
        "mixture": {
            "components": [
                {"weight": 4.0, "law": {"dist": "lognormal", "median": 8_000.0, "sigma": 0.6}},
                {"weight": 1.0, "law": {"dist": "pareto", "alpha": 1.2, "minimum": 25_000.0}},
            ]
        },
    },
}
"""A starting point for each law when the user switches to it (the bounds carry over)."""

BOUND_NAMES = (("min", "minimum"), ("max", "cap"))
"""Lower bound and cap under the names each law accepts; switching laws keeps them."""


def law_fields(law_union: Any, dist: str) -> dict[str, Any]:
    """Field name (as written in TOML) -> pydantic FieldInfo of one member of a discriminated law union."""
    members = [law_union] if isinstance(law_union, type) else typing.get_args(typing.get_args(law_union)[0])
    for member in members:
        if typing.get_args(member.model_fields["dist"].annotation) == (dist,):
            return {(info.alias or name): info for name, info in member.model_fields.items() if name != "dist"}
    raise KeyError(dist)


def switch_law(law: Mapping[str, Any], dist: str, family: str, law_union: Any) -> dict[str, Any]:
    """The mapping of a law of another kind: its defaults, with the old law's bounds under the names it accepts."""
    new: dict[str, Any] = {"dist": dist, **copy.deepcopy(LAW_DEFAULTS[family][dist])}
    accepted = law_fields(law_union, dist)
    for names in BOUND_NAMES:
        value = next((law[n] for n in names if law.get(n) is not None), None)
        target = next((n for n in names if n in accepted), None)
        if value is not None and target is not None:
            new[target] = value
    if "mean" in law and "mean" in accepted:
        new["mean"] = law["mean"]
    return new
