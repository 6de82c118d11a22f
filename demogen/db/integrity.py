"""SQL integrity checks of one stored tenant: references, counts against the plan, coherence, wording.

Each check is one query that counts violating rows, so the report says how many rows break which rule. The
same queries run on PostgreSQL and SQLite (timestamps compare as values on one, as ISO text on the other).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Engine, select, text

from demogen.db.engine import is_sqlite
from demogen.db.schema import TENANT_TABLES, tenant_metadata
from demogen.db.writer import tenant_id_of
from demogen.recipe import FORBIDDEN_WORDS
from demogen.tables import TABLES

CHECKS: dict[str, str] = {
    "contacts without their company": """
        SELECT COUNT(*) FROM contacts c LEFT JOIN companies co ON co.tenant_id = c.tenant_id AND co.id = c.company_id
        WHERE c.tenant_id = :t AND co.id IS NULL""",
    "deals whose contact works elsewhere": """
        SELECT COUNT(*) FROM deals d JOIN contacts c ON c.tenant_id = d.tenant_id AND c.id = d.contact_id
        WHERE d.tenant_id = :t AND c.company_id <> d.company_id""",
    "activities with a contact outside the deal's company": """
        SELECT COUNT(*) FROM activities a
        JOIN deals d ON d.tenant_id = a.tenant_id AND d.id = a.deal_id
        JOIN contacts c ON c.tenant_id = a.tenant_id AND c.id = a.contact_id
        WHERE a.tenant_id = :t AND c.company_id <> d.company_id""",
    "owners that are not users of the tenant": """
        SELECT (SELECT COUNT(*) FROM companies x LEFT JOIN users u ON u.tenant_id = x.tenant_id AND u.id = x.owner_id
                WHERE x.tenant_id = :t AND u.id IS NULL)
             + (SELECT COUNT(*) FROM deals x LEFT JOIN users u ON u.tenant_id = x.tenant_id AND u.id = x.owner_id
                WHERE x.tenant_id = :t AND u.id IS NULL)""",
    "contacts created before their company": """
        SELECT COUNT(*) FROM contacts c JOIN companies co ON co.tenant_id = c.tenant_id AND co.id = c.company_id
        WHERE c.tenant_id = :t AND c.created_at < co.created_at""",
    "contact emails not at the company domain": """
        SELECT COUNT(*) FROM contacts c JOIN companies co ON co.tenant_id = c.tenant_id AND co.id = c.company_id
        WHERE c.tenant_id = :t AND c.email NOT LIKE '%@' || co.domain""",
    "deal status that disagrees with its stage": """
        SELECT COUNT(*) FROM deals d JOIN pipeline_stages s ON s.tenant_id = d.tenant_id AND s.id = d.stage_id
        WHERE d.tenant_id = :t AND NOT (
            (d.status = 'open' AND NOT s.is_closed) OR (d.status = 'won' AND s.is_closed AND s.is_won)
            OR (d.status = 'lost' AND s.is_closed AND NOT s.is_won))""",
    "deals closed outside their life (before creation or after as_of)": """
        SELECT COUNT(*) FROM deals WHERE tenant_id = :t AND closed_at IS NOT NULL
        AND (closed_at < created_at OR closed_at >= :as_of)""",
    "records created after as_of": """
        SELECT (SELECT COUNT(*) FROM deals WHERE tenant_id = :t AND created_at >= :as_of)
             + (SELECT COUNT(*) FROM contacts WHERE tenant_id = :t AND created_at >= :as_of)
             + (SELECT COUNT(*) FROM companies WHERE tenant_id = :t AND created_at >= :as_of)""",
    "activities outside their deal's life": """
        SELECT COUNT(*) FROM activities a JOIN deals d ON d.tenant_id = a.tenant_id AND d.id = a.deal_id
        WHERE a.tenant_id = :t AND (a.due_at < d.created_at OR (d.closed_at IS NOT NULL AND a.due_at > d.closed_at))""",
    "activities completed in the future": """
        SELECT COUNT(*) FROM activities WHERE tenant_id = :t AND completed_at IS NOT NULL
        AND (completed_at > :as_of OR completed_at < due_at)""",
}


@dataclass
class IntegrityReport:
    tenant: str
    violations: dict[str, int] = field(default_factory=dict)
    row_counts: dict[str, int] = field(default_factory=dict)
    expected_counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not any(self.violations.values())

    def as_dict(self) -> dict:
        return {
            "tenant": self.tenant,
            "ok": self.ok,
            "violations": self.violations,
            "row_counts": self.row_counts,
            "expected_counts": self.expected_counts,
        }

    def lines(self) -> list[str]:
        status = "ok" if self.ok else "VIOLATIONS"
        out = [f"tenant {self.tenant}: {status}"]
        out += [f"  {'FAIL' if count else 'ok  '} {name}: {count}" for name, count in self.violations.items()]
        return out


def _forbidden_word_checks() -> dict[str, str]:
    checks = {}
    for table, columns in TABLES.items():
        texts = [c.name for c in columns if c.kind == "text"]
        words = " OR ".join(f"LOWER({c}) LIKE '%{w}%'" for c in texts for w in FORBIDDEN_WORDS)
        checks[f"{table} text that gives the data away"] = (
            f"SELECT COUNT(*) FROM {table} WHERE tenant_id = :t AND ({words})"
        )
    return checks


def check_tenant(engine: Engine, tenant_name: str) -> IntegrityReport | None:
    """Run every check; None if the tenant does not exist."""
    report = IntegrityReport(tenant_name)
    with engine.connect() as connection:
        tenant_id = tenant_id_of(connection, tenant_name)
        if tenant_id is None:
            return None
        meta = connection.execute(
            select(tenant_metadata.c.as_of, tenant_metadata.c.row_counts).where(
                tenant_metadata.c.tenant_id == tenant_id
            )
        ).first()
        as_of = meta.as_of if meta else dt.date.max
        as_of_bound = (
            f"{as_of.isoformat()} 00:00:00.000000"
            if is_sqlite(engine)
            else dt.datetime.combine(as_of, dt.time(), tzinfo=dt.UTC)
        )
        params = {"t": tenant_id, "as_of": as_of_bound}
        for name, sql in {**CHECKS, **_forbidden_word_checks()}.items():
            report.violations[name] = int(connection.execute(text(sql), params).scalar() or 0)
        for table in TENANT_TABLES:
            count = connection.execute(
                select(text("COUNT(*)")).select_from(table).where(table.c.tenant_id == tenant_id)
            )
            report.row_counts[table.name] = int(count.scalar() or 0)
        report.expected_counts = dict(meta.row_counts) if meta else {}
        mismatched = (
            sum(1 for t, n in report.expected_counts.items() if report.row_counts.get(t) != n)
            if meta
            else len(TENANT_TABLES)
        )
        report.violations["tables whose row count differs from the plan"] = mismatched
    return report
