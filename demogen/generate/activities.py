"""Calls, emails, meetings, tasks and notes inside each deal's life, at working times in the company's zone."""

from __future__ import annotations

import numpy as np
from scipy.special import ndtri

from demogen.generate.context import TenantContext
from demogen.generate.timing import SECONDS_PER_DAY
from demogen.rng import BlockStreams, choose, cumulative_weights
from demogen.tables import NULL, Block
from demogen.text import concat, partition, scatter, to_text

KIND_NAMES = ("call", "email", "meeting", "task", "note")
KINDS = to_text(KIND_NAMES)
KIND_CUMULATIVE = cumulative_weights(np.array([30, 35, 12, 15, 8]))
SUBJECTS = {
    "call": ("Call with {first}", "Follow-up call with {first}", "Discovery call", "Pricing call", "Check-in call"),
    "email": ("Re: {offering}", "Proposal for {offering}", "Next steps", "Pricing question", "Contract draft"),
    "meeting": ("Product walkthrough", "Kick-off meeting", "Meeting with {first}", "Quarterly review", "Workshop"),
    "task": ("Send proposal", "Prepare quote", "Update contract draft", "Follow up with {first}", "Book a meeting"),
    "note": ("Budget confirmed", "Decision maker identified", "Notes from call", "Competitor in play", "Risk noted"),
}
FUTURE_WINDOW_DAYS = 30
SAME_CONTACT = 0.8
COMPLETED = 0.93
MEETING_MINUTES = np.array([30, 45, 60, 90], dtype=np.int64)
MEETING_CUMULATIVE = cumulative_weights(np.array([45, 15, 30, 10]))


def _subjects(kind: np.ndarray, variant: np.ndarray, first: np.ndarray, offering: np.ndarray) -> np.ndarray:
    """Subject lines from each kind's templates; `{first}` is the contact's first name, `{offering}` the deal's."""
    pieces = []
    for kind_index, name in enumerate(KIND_NAMES):
        for variant_index, template in enumerate(SUBJECTS[name]):
            rows = np.flatnonzero((kind == kind_index) & (variant == variant_index))
            if rows.size == 0:
                continue
            head, _, tail = template.partition("{")
            if not tail:
                pieces.append((rows, np.full(rows.size, template.encode("utf-8"))))
                continue
            field, _, rest = tail.partition("}")
            value = first[rows] if field == "first" else offering[rows]
            pieces.append((rows, concat(head, value, rest)))
    return scatter(len(kind), pieces)


def generate_activities(
    context: TenantContext, plan, block: int, *, companies: Block, contacts: Block, deals: Block
) -> Block:
    start, stop = plan.company_range(block)
    first_deal, last_deal = int(plan.deal_offset[start]), int(plan.deal_offset[stop])
    counts = plan.activities_per_deal[first_deal:last_deal]
    deal = np.repeat(np.arange(last_deal - first_deal), counts)
    n = len(deal)
    first_id = int(plan.activity_offset[first_deal])
    streams = BlockStreams(context.stream_seed, "activities", block)

    kind = choose(streams.raw("kind", n), KIND_CUMULATIVE)
    company = deals["_company_index"][deal]
    deal_contact = deals["_contact_index"][deal]
    contact_first = plan.contact_offset[start:stop][company] - plan.contact_offset[start]
    other = contact_first + streams.below("other_contact", n, plan.contacts_per_company[start:stop][company])
    contact = np.where(streams.uniform("same_contact", n) < SAME_CONTACT, deal_contact, other)

    as_of_s = context.as_of_day * SECONDS_PER_DAY
    begin = deals["created_at"][deal]
    closed_at = deals["closed_at"][deal]
    is_closed = closed_at != NULL
    end = np.where(is_closed, closed_at, as_of_s + FUTURE_WINDOW_DAYS * SECONDS_PER_DAY)
    point = begin + np.floor(streams.uniform("when", n) * (end - begin)).astype(np.int64)
    due = context.clock.moment(point // SECONDS_PER_DAY, streams, "due", deals["_zone"][deal])
    due = np.clip(due, begin, end)

    duration = np.full(n, NULL, dtype=np.int64)
    calls, meetings = kind == 0, kind == 2
    call_minutes = np.rint(12 * np.exp(0.7 * ndtri(streams.uniform("call_minutes", n))))
    duration[calls] = np.clip(call_minutes[calls], 1, 120).astype(np.int64)
    duration[meetings] = MEETING_MINUTES[choose(streams.raw("meeting_minutes", n), MEETING_CUMULATIVE)][meetings]
    done = (due <= as_of_s) & (streams.uniform("completed", n) < COMPLETED)
    finish = due + np.where(duration == NULL, 0, duration) * 60
    completed = np.where(done, np.minimum(finish, as_of_s), NULL)

    first_names = contacts["first_name"][contact]
    offering = partition(deals["name"][deal], " - ")[2]
    subject = _subjects(kind, streams.below("subject", n, 5), first_names, offering)
    return {
        "id": np.arange(first_id + 1, first_id + n + 1, dtype=np.int64),
        "deal_id": deals["id"][deal],
        "contact_id": contacts["id"][contact],
        "owner_id": deals["owner_id"][deal],
        "kind": KINDS[kind],
        "subject": subject,
        "due_at": due,
        "completed_at": completed,
        "duration_minutes": duration,
    }
