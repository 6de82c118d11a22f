"""TOML recipe -> validated, frozen config objects; defaults, volume limits and the recipe digest.

A recipe plus its seed and `as_of` date fully describes a tenant. Validation errors carry the key path and a
fix, so the CLI and the app can show one readable line (`volume.companies: must be >= 1 — ...`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from demogen import GENERATOR_VERSION
from demogen.distributions import AmountLaw, CountLaw, LogNormal, LogNormalCount, NegBinomCount, PoissonCount
from demogen.generate.industries import INDUSTRIES

MARKET_CODE = re.compile(r"^[A-Z]{2}$")
MAX_SEED = 2**63 - 1
MAIL_DOMAIN = re.compile(r"(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
"""A host name of DNS labels (letters, digits, inner hyphens, at most 63 each) under an alphabetic top level."""


FORBIDDEN_WORDS = ("demo", "fake", "test", "sample", "lorem", "example")


def _tenant_visible(text: str) -> str:
    """Text that tenants see must read like real data: no giveaway words, no control characters (a NUL cannot
    even be stored by PostgreSQL, so it is refused here, before anything is written, on every backend)."""
    control = next((ch for ch in text if ord(ch) < 32 or 127 <= ord(ch) < 160), None)
    if control is not None:
        raise ValueError(f"contains the control character U+{ord(control):04X} — remove it")
    lowered = text.lower()
    for word in FORBIDDEN_WORDS:
        if word in lowered:
            raise ValueError(f"contains {word!r} — tenant-visible text must read like real data; choose another name")
    return text


class RecipeError(ValueError):
    """A recipe problem: where (key path), what is wrong, and how to fix it."""

    def __init__(self, where: str, problem: str, fix: str) -> None:
        super().__init__(f"{where}: {problem} — {fix}")
        self.where, self.problem, self.fix = where, problem, fix


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False)


class Tenant(_Section):
    name: str = Field(min_length=1, max_length=120)
    country: str = "US"
    as_of: dt.date | None = None
    history_months: int = Field(default=24, ge=1, le=120)
    domain: str | None = Field(default=None, pattern=r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")
    route_email_to: str | None = Field(default=None, max_length=200)
    """A mail domain the user controls: every generated address goes there, tagged with the company's domain
    (`rita.mcguinness+fellingdistribution.com@mail.northwind-crm.io`), so a tenant that sends mail reaches nobody
    real."""

    @field_validator("route_email_to")
    @classmethod
    def _mail_domain(cls, value: str | None) -> str | None:
        if value is None:
            return None
        domain = value.strip().lower()
        if not MAIL_DOMAIN.fullmatch(domain):
            raise ValueError(f"{value!r} is not a domain name — write one you control, such as mail.northwind-crm.io")
        return _tenant_visible(domain)

    @field_validator("country")
    @classmethod
    def _country_code(cls, value: str) -> str:
        if not MARKET_CODE.match(value):
            raise ValueError("must be a two-letter upper-case country code — write it like US, GB or DE")
        return value

    @field_validator("name")
    @classmethod
    def _name_visible(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank — give the tenant a name")
        return _tenant_visible(value.strip())


class Volume(_Section):
    users: int = Field(default=12, ge=1, le=5000)
    companies: int = Field(default=500, ge=1)
    contacts_per_company: CountLaw = LogNormalCount(dist="lognormal", median=3, sigma=0.8, min=1, max=60)
    deals_per_company: CountLaw = PoissonCount(dist="poisson", mean=1.5, max=25)
    activities_per_deal: CountLaw = NegBinomCount(dist="negbinom", mean=6, dispersion=2, max=120)

    @field_validator("contacts_per_company")
    @classmethod
    def _every_company_has_a_contact(cls, law: Any) -> Any:
        if getattr(law, "min", 1) < 1 and getattr(law, "value", 1) < 1:
            raise ValueError("min must be >= 1 — every company needs a contact for its deals; set min = 1")
        return law


class DealAmount(_Section):
    """The amount law plus how typed-in amounts look (`nice`: 12,500; `cents`: 12,437.19)."""

    law: AmountLaw
    rounding: str = Field(default="nice", pattern="^(nice|cents)$")

    @model_validator(mode="before")
    @classmethod
    def _split_rounding(cls, data: Any) -> Any:
        if isinstance(data, dict) and "law" not in data:
            data = dict(data)
            rounding = data.pop("rounding", "nice")
            return {"law": data, "rounding": rounding}
        return data


class Deals(_Section):
    amount: DealAmount = DealAmount.model_validate(
        {"dist": "pareto", "alpha": 1.3, "minimum": 2000, "cap": 2_000_000, "rounding": "nice"}
    )
    win_rate: float = Field(default=0.28, gt=0, lt=1)
    sales_cycle_days: LogNormal = LogNormal(dist="lognormal", median=45, sigma=0.7, min=3, max=540)
    growth_per_year: float = Field(default=0.15, ge=-0.5, le=3)
    """How much faster deals are created a year later (0.15: 15% more each year; 0: a flat pace)."""


VENDOR_KINDS = ("saas", "enterprise_software", "machinery", "professional_services")


DEAL_KINDS = ("new_business", "renewal", "expansion", "services")


class DealType(_Section):
    """How a deal type differs from new business at the same company (unset: the vendor kind's default)."""

    price: float | None = Field(default=None, gt=0, le=100)
    """Typical amount relative to a new-business deal (0.2: a fifth)."""
    cycle: float | None = Field(default=None, gt=0, le=20)
    """Typical sales cycle relative to a new-business deal."""
    win_odds: float | None = Field(default=None, gt=0, le=100)
    """Odds of winning relative to the odds of deals.win_rate (existing customers: several times higher)."""


class Vendor(_Section):
    """What the tenant sells and to whom: its deal types (`locales/<CC>/deal_types.csv`, in its own language),
    their prices, cycles and odds, and its customers' industries (defaults per `sells`, `generate.vendor`)."""

    sells: str = Field(default="saas", pattern="^(" + "|".join(VENDOR_KINDS) + ")$")
    industries: dict[str, Annotated[float, Field(ge=0)]] | None = None
    """Customer industry mix (weights, normalised; unlisted industries get none); default: the kind's mix."""
    deal_types: dict[str, DealType] = Field(default_factory=dict)

    @field_validator("industries")
    @classmethod
    def _known_industries(cls, mix: dict[str, float] | None) -> dict[str, float] | None:
        if mix is None:
            return None
        known = [name for name, _, _ in INDUSTRIES]
        unknown = sorted(set(mix) - set(known))
        if unknown:
            raise ValueError(f"{unknown[0]!r} is not an industry — use one of {', '.join(known)}")
        if not any(mix.values()):
            raise ValueError("gives every industry weight 0 — give at least one a positive weight")
        return dict(sorted(mix.items()))

    @field_validator("deal_types")
    @classmethod
    def _known_kinds(cls, types: dict[str, DealType]) -> dict[str, DealType]:
        unknown = sorted(set(types) - set(DEAL_KINDS))
        if unknown:
            raise ValueError(f"{unknown[0]!r} is not a deal type — use one of {', '.join(DEAL_KINDS)}")
        return dict(sorted(types.items()))


class Stage(_Section):
    name: str = Field(min_length=1, max_length=60)

    @field_validator("name")
    @classmethod
    def _visible(cls, value: str) -> str:
        return _tenant_visible(value)

    probability: float = Field(ge=0, le=1)
    is_closed: bool = False
    is_won: bool = False


DEFAULT_STAGES = (
    Stage(name="Lead", probability=0.1),
    Stage(name="Qualified", probability=0.2),
    Stage(name="Discovery", probability=0.4),
    Stage(name="Proposal", probability=0.6),
    Stage(name="Negotiation", probability=0.8),
    Stage(name="Closed Won", probability=1.0, is_closed=True, is_won=True),
    Stage(name="Closed Lost", probability=0.0, is_closed=True, is_won=False),
)


class Pipeline(_Section):
    stages: tuple[Stage, ...] = DEFAULT_STAGES

    @field_validator("stages")
    @classmethod
    def _one_won_one_lost(cls, stages: tuple[Stage, ...]) -> tuple[Stage, ...]:
        open_stages = [s for s in stages if not s.is_closed]
        won = [s for s in stages if s.is_closed and s.is_won]
        lost = [s for s in stages if s.is_closed and not s.is_won]
        if not open_stages or len(won) != 1 or len(lost) != 1:
            raise ValueError(
                "needs at least one open stage, exactly one closed-won and one closed-lost stage"
                " — mark the final stages with is_closed/is_won"
            )
        if len({s.name for s in stages}) != len(stages):
            raise ValueError("stage names must be unique — rename the repeated stage")
        if any(s.is_won and not s.is_closed for s in stages):
            raise ValueError("a won stage must also be closed — set is_closed = true")
        return stages


class Companies(_Section):
    employees: LogNormalCount = LogNormalCount(dist="lognormal", median=45, sigma=1.6, min=1, max=250_000)
    size_correlation: float = Field(default=0.6, ge=0, lt=1)


class Users(_Section):
    ownership_skew: float = Field(default=1.1, ge=0, le=5)


class Activities(_Section):
    working_hours: tuple[int, int] = (8, 18)
    weekend_share: float = Field(default=0.03, ge=0, le=1)
    holiday_share: float = Field(default=0.05, ge=0, le=1)
    """How much of a working day's work still happens on a public holiday (0: none, 1: holidays are workdays)."""
    lunch_hour: int = Field(default=12, ge=0, le=23)
    lunch_dip: float = Field(default=0.5, ge=0, le=1)
    """Share of an hour's work that the lunch hour loses (0: no dip, 1: nobody works at lunch)."""

    @field_validator("working_hours")
    @classmethod
    def _hours(cls, hours: tuple[int, int]) -> tuple[int, int]:
        start, end = hours
        if not 0 <= start < end <= 24:
            raise ValueError("must be [start, end] with 0 <= start < end <= 24 — for example [8, 18]")
        return hours


class Limits(_Section):
    warn_rows: int = Field(default=20_000, ge=1)
    max_rows: int = Field(default=2_000_000, ge=1)
    timeout_seconds: float = Field(default=3600, gt=0)
    """How long a database push may take before it is rolled back (`--timeout` overrides it)."""

    @model_validator(mode="after")
    def _order(self) -> Limits:
        if self.warn_rows > self.max_rows:
            raise ValueError("warn_rows must not exceed max_rows — lower warn_rows or raise max_rows")
        return self


PositiveShare = Annotated[float, Field(gt=0)]


class LastName(_Section):
    """One row of a name list: a name people see, and its weight (a count)."""

    name: str = Field(min_length=1, max_length=60)
    weight: int = Field(ge=1)

    @field_validator("name")
    @classmethod
    def _visible(cls, value: str) -> str:
        return _tenant_visible(value)


class FirstName(LastName):
    gender: str = Field(pattern="^[FM]$")


class MarketNames(_Section):
    """A market's own name lists (an uploaded CSV): they replace the shipped lists for that market's people."""

    first_names: tuple[FirstName, ...] | None = None
    last_names: tuple[LastName, ...] | None = None

    @field_validator("first_names")
    @classmethod
    def _both_genders(cls, names: tuple[FirstName, ...] | None) -> tuple[FirstName, ...] | None:
        if names is not None and {n.gender for n in names} != {"F", "M"}:
            raise ValueError("needs names of both genders (F and M) — add the missing ones")
        return names

    @field_validator("first_names", "last_names")
    @classmethod
    def _unique(cls, names: tuple | None) -> tuple | None:
        if names is not None:
            if not names:
                raise ValueError("is empty — give at least one name, or remove the list")
            keys = [(n.name, getattr(n, "gender", "")) for n in names]
            if len(set(keys)) != len(keys):
                raise ValueError("lists a name twice — merge the rows and add their weights")
        return names


class Recipe(_Section):
    """A complete, validated recipe. `seed` and `tenant.as_of` are always resolved."""

    seed: int = Field(default=1, ge=0, le=MAX_SEED)
    tenant: Tenant
    locales: dict[str, PositiveShare] = Field(default_factory=lambda: {"US": 1.0})
    strict_locales: bool = False
    names: dict[str, MarketNames] = Field(default_factory=dict)
    volume: Volume = Volume()
    companies: Companies = Companies()
    users: Users = Users()
    deals: Deals = Deals()
    vendor: Vendor = Vendor()
    pipeline: Pipeline = Pipeline()
    activities: Activities = Activities()
    limits: Limits = Limits()

    @field_validator("locales")
    @classmethod
    def _market_codes(cls, mix: dict[str, float]) -> dict[str, float]:
        if not mix:
            raise ValueError("must name at least one market — add a line such as US = 1.0")
        for code in mix:
            if not MARKET_CODE.match(code):
                raise ValueError(f"{code!r} is not a two-letter upper-case country code — write it like US, GB or DE")
        return dict(sorted(mix.items()))

    @field_validator("names")
    @classmethod
    def _names_of_known_markets(cls, names: dict[str, MarketNames], info: ValidationInfo) -> dict[str, MarketNames]:
        markets = set(info.data.get("locales") or {})
        tenant = info.data.get("tenant")
        markets |= {tenant.country} if tenant is not None else set()
        for code in names:
            if code not in markets:
                raise ValueError(f"{code} is not a market of this recipe — add {code} to [locales] or remove its names")
        return dict(sorted(names.items()))

    @property
    def as_of(self) -> dt.date:
        assert self.tenant.as_of is not None
        return self.tenant.as_of

    def canonical_json(self) -> str:
        return json.dumps(self.model_dump(mode="json", by_alias=True), sort_keys=True, separators=(",", ":"))

    def digest(self) -> str:
        """SHA-256 of the canonical JSON of the resolved recipe (seed, as_of and generator version included)."""
        payload = f"demogen-recipe/{GENERATOR_VERSION}\n{self.canonical_json()}"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_FIXES = {
    "extra_forbidden": "remove it or check the spelling against the README's recipe reference",
    "missing": "add it",
    "greater_than": "use a larger value",
    "greater_than_equal": "use a larger value",
    "less_than": "use a smaller value",
    "less_than_equal": "use a smaller value",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD",
    "date_parsing": "write the date as YYYY-MM-DD",
    "date_type": "write the date as YYYY-MM-DD",
    "union_tag_invalid": "set dist to one of the supported distributions",
    "union_tag_not_found": "add a dist key",
    "string_pattern_mismatch": "use one of the documented values",
    "bool_type": "write true or false (no quotes)",
    "int_type": "write a whole number without quotes, e.g. 50",
    "float_type": "write a number without quotes, e.g. 0.25",
    "string_type": "write it as a quoted string",
    "finite_number": "use a finite number",
    "string_too_short": "give it a value (it must not be empty)",
    "string_too_long": "shorten it",
    "dict_type": "write it as a table",
    "model_type": "write it as a table",
    "tuple_type": "write it as a list",
    "list_type": "write it as a list",
}

_KEY_NAMES = {"strict_locales": "locales.strict"}
"""Recipe attributes whose TOML key is spelled differently (errors name the key the user wrote)."""


def _where(loc: tuple[Any, ...]) -> str:
    parts = [_KEY_NAMES.get(str(p), _key_text(str(p))) for p in loc if not (isinstance(p, str) and p in _UNION_TAGS)]
    return ".".join(p for p in parts if p not in {"law"}) or "recipe"


def _key_text(key: str) -> str:
    """A key as it can be shown on one line: bare when it is a plain word, else quoted with escapes."""
    return key if _PLAIN_KEY.fullmatch(key) else json.dumps(key)


_PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]+")


_UNION_TAGS = {"pareto", "lognormal", "mixture", "poisson", "negbinom", "fixed", "function-after"}


def _translate(error: ValidationError) -> RecipeError:
    first = error.errors()[0]
    kind = first["type"]
    problem = first["msg"].removeprefix("Value error, ")
    ctx = first.get("ctx") or {}
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        bound = next(iter(ctx.values()), None)
        symbol = {"greater_than": ">", "greater_than_equal": ">=", "less_than": "<", "less_than_equal": "<="}
        problem = f"must be {symbol[kind]} {bound}"
        fix = f"set a value {symbol[kind]} {bound}"
    elif kind == "extra_forbidden":
        problem = "unknown key"
        fix = _FIXES[kind]
    elif " — " in problem:
        problem, fix = problem.split(" — ", 1)
    else:
        fix = _FIXES.get(kind, "correct the value as described in the README")
    return RecipeError(_where(tuple(first["loc"])), " ".join(problem.split()), fix)


def check_tenant_name(name: str, *, where: str = "tenant.name") -> str:
    """A tenant name as the recipe would accept it (stripped, not blank, no giveaway words), or RecipeError."""
    if not isinstance(name, str):
        raise RecipeError(where, "must be text", "write the name in quotes")
    try:
        return Tenant.model_validate({"name": name}).name
    except ValidationError as error:
        translated = _translate(error)
        raise RecipeError(where, translated.problem, translated.fix) from None


def parse_recipe(
    data: dict[str, Any], *, seed: int | None = None, as_of: dt.date | None = None, today: dt.date
) -> Recipe:
    """Validate a recipe mapping; `seed`/`as_of` override the file, `today` fills a missing as_of."""
    data = dict(data)
    tenant = dict(data.get("tenant") or {}) if isinstance(data.get("tenant"), dict) else data.get("tenant")
    locales = data.get("locales")
    if isinstance(locales, dict) and "strict" in locales:
        locales = dict(locales)
        data["strict_locales"] = locales.pop("strict")
        data["locales"] = locales
    if seed is not None:
        data["seed"] = seed
    if isinstance(tenant, dict):
        if as_of is not None:
            tenant["as_of"] = as_of
        elif tenant.get("as_of") is None:
            tenant["as_of"] = today
        data["tenant"] = tenant
    try:
        return Recipe.model_validate_json(json.dumps(_json_ready(data), allow_nan=True), strict=True)
    except ValidationError as error:
        raise _translate(error) from None


def _json_ready(value: Any) -> Any:
    """TOML values as JSON: dates become ISO text (strict JSON validation parses them back, and nothing else).

    Validating the JSON form in strict mode refuses `companies = "50"` or `strict = 1` instead of coercing them,
    while lists still fill tuple fields and whole numbers still fill float fields.
    """
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def load_recipe(
    path: str | Path, *, seed: int | None = None, as_of: dt.date | None = None, today: dt.date | None = None
) -> Recipe:
    """Read and validate a TOML recipe file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RecipeError(
            str(path), "file not found", "pass the path of a TOML recipe, e.g. configs/default.toml"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise RecipeError(str(path), f"cannot be read ({error})", "pass a readable UTF-8 TOML file") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RecipeError(str(path), f"invalid TOML ({error})", "fix the TOML syntax") from None
    return parse_recipe(data, seed=seed, as_of=as_of, today=today or dt.date.today())
