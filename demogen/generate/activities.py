"""Calls, emails, meetings, tasks and notes that follow the sales process, at working times in the company's zone.

A deal's activities are spread over its life and read in the order of the funnel: qualification, discovery,
proposal, contract (the phase of an activity is the stage the deal was in at that moment). After a win the account
is onboarded (kick-off, welcome call); after a loss there is at most a rare follow-up. Those come after the deal
closed, so they are account activities (`deal_id` NULL, the deal's contact and owner), and every activity with a
deal lies inside its life. Subject lines come from `locales/<CC>/activity_subjects.csv` in the vendor's language.
"""

from __future__ import annotations

import numpy as np

from demogen.generate.context import TenantContext
from demogen.generate.pipeline import stage_order
from demogen.generate.timing import SECONDS_PER_DAY
from demogen.rng import BlockStreams, choose, cumulative_weights
from demogen.special import ndtri
from demogen.tables import NULL, Block
from demogen.text import concat, partition, scatter, to_text

KIND_NAMES = ("call", "email", "meeting", "task", "note")
KINDS = to_text(KIND_NAMES)
KIND_CUMULATIVE = cumulative_weights(np.array([30, 35, 12, 15, 8]))
PHASES = ("qualify", "discovery", "proposal", "contract", "onboarding", "followup", "any")
SALES_PHASES = 4
ONBOARDING, FOLLOWUP, ANY = 4, 5, 6
GENERIC_SHARE = 0.3
"""Share of in-deal activities with a subject that fits any phase (a check-in call, next steps)."""
ONBOARDING_SHARE = 0.2
"""Share of a won deal's activities that are the account's onboarding after the win."""
ONBOARDING_DAYS = 45
FOLLOWUP_SHARE = 0.05
"""Share of lost deals that get one follow-up, two to six months after the loss."""
STALE_SHARE = 0.2
"""Share of open deals that nobody has touched for a month or more (their last activity lies well before as_of)."""
FUTURE_WINDOW_DAYS = 30
SAME_CONTACT = 0.8
COMPLETED = 0.93
"""Share of past calls, meetings and tasks marked done; notes and logged emails are done when they happen."""
MEETING_MINUTES = np.array([30, 45, 60, 90], dtype=np.int64)
MEETING_CUMULATIVE = cumulative_weights(np.array([45, 15, 30, 10]))


def _subjects(context: TenantContext, streams: BlockStreams, phase: np.ndarray, kind: np.ndarray) -> np.ndarray:
    """Subject templates of each (phase, kind), in the vendor's language; `any` where a phase lacks the kind."""
    table = context.home.activity_subjects
    raw = streams.raw("subject", len(kind))
    pieces = []
    for phase_index, phase_name in enumerate(PHASES):
        for kind_index, kind_name in enumerate(KIND_NAMES):
            rows = np.flatnonzero((phase == phase_index) & (kind == kind_index))
            if rows.size == 0:
                continue
            match = (table["phase"] == phase_name.encode()) & (table["kind"] == kind_name.encode())
            if not match.any():
                match = (table["phase"] == b"any") & (table["kind"] == kind_name.encode())
            templates = table.subset(np.flatnonzero(match))
            pieces.append((rows, templates["subject"][choose(raw[rows], templates.cumulative)]))
    return scatter(len(kind), pieces)


def _fill(templates: np.ndarray, first: np.ndarray, offering: np.ndarray) -> np.ndarray:
    """`{first}` becomes the contact's first name, `{offering}` what the deal sells."""
    out = templates
    for field, values in (("{first}", first), ("{offering}", offering)):
        head, hit, tail = partition(out, field)
        rows = np.flatnonzero(np.strings.str_len(hit) > 0)
        if rows.size:
            out = scatter(len(out), [(np.arange(len(out)), out), (rows, concat(head[rows], values[rows], tail[rows]))])
    return out


def _sorted_within(deal: np.ndarray, moments: np.ndarray) -> np.ndarray:
    """Moments in time order within each deal (deal rows are contiguous), so ids follow the story."""
    return moments[np.lexsort((moments, deal))]


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
    day = SECONDS_PER_DAY
    as_of_s = context.as_of_day * day

    begin, closed_at = deals["created_at"][deal], deals["closed_at"][deal]
    is_closed, won = closed_at != NULL, deals["_won"][deal]
    from_end = plan.activity_offset[first_deal + 1 :][deal] - first_id - 1 - np.arange(n)  # 0 = the deal's last
    onboarding = np.floor(counts * ONBOARDING_SHARE + streams.uniform("onboarding", len(counts))).astype(np.int64)
    after_win = won & (from_end < onboarding[deal])
    last_of_deal = from_end == 0
    followup = is_closed & ~won & last_of_deal & (streams.uniform("followup", n) < FOLLOWUP_SHARE)
    after = after_win | followup
    stale = streams.uniform("stale", len(deals["id"]))[deal] < STALE_SHARE
    quiet_end = begin + (np.maximum(as_of_s - 35 * day - begin, 0) * streams.uniform("last_touch", n)).astype(np.int64)
    open_end = np.where(stale & (as_of_s - begin > 60 * day), quiet_end, as_of_s + FUTURE_WINDOW_DAYS * day)
    end = np.where(is_closed, closed_at, open_end)
    point = begin + np.floor(streams.uniform("when", n) * (end - begin)).astype(np.int64)
    onboarding_at = closed_at + np.floor((0.02 + streams.uniform("after", n)) * ONBOARDING_DAYS * day).astype(np.int64)
    followup_at = closed_at + np.floor((60 + 120 * streams.uniform("after", n)) * day).astype(np.int64)
    point = np.where(after_win, onboarding_at, np.where(followup, followup_at, point))
    due = context.clock.moment(point // day, streams, "due", deals["_zone"][deal])
    due = np.where(after, np.maximum(due, closed_at + 3600), np.clip(due, begin, end))
    due = _sorted_within(deal * 2 + after, due)  # a deal's after-close rows are its last ones

    open_ids, _, _ = stage_order(context)
    closes = np.where(won, closed_at, deals["expected_close_date"][deal] * day)
    fraction = np.clip((due - begin) / np.maximum(closes - begin, 1), 0, 0.999999)
    stage = np.floor(fraction * len(open_ids))
    phase = np.floor(stage * SALES_PHASES / len(open_ids)).astype(np.int64)
    phase = np.where(streams.uniform("generic", n) < GENERIC_SHARE, ANY, phase)
    phase = np.where(after_win, ONBOARDING, np.where(followup, FOLLOWUP, phase))

    kind = choose(streams.raw("kind", n), KIND_CUMULATIVE)
    company = deals["_company_index"][deal]
    deal_contact = deals["_contact_index"][deal]
    contact_first = plan.contact_offset[start:stop][company] - plan.contact_offset[start]
    other = contact_first + streams.below("other_contact", n, plan.contacts_per_company[start:stop][company])
    known = contacts["created_at"][other] <= due
    contact = np.where((streams.uniform("same_contact", n) < SAME_CONTACT) | ~known, deal_contact, other)

    duration = np.full(n, NULL, dtype=np.int64)
    calls, meetings = kind == 0, kind == 2
    call_minutes = np.rint(12 * np.exp(0.7 * ndtri(streams.uniform("call_minutes", n))))
    duration[calls] = np.clip(call_minutes[calls], 1, 120).astype(np.int64)
    duration[meetings] = MEETING_MINUTES[choose(streams.raw("meeting_minutes", n), MEETING_CUMULATIVE)][meetings]
    logged = (kind == 1) | (kind == 4)
    done = (due <= as_of_s) & (logged | (streams.uniform("completed", n) < COMPLETED))
    finish = due + np.where(duration == NULL, 0, duration) * 60
    completed = np.where(done, np.minimum(finish, as_of_s), NULL)

    offering = partition(deals["name"], " - ", last=True)[2][deal]  # split once per deal, not per activity
    subject = _fill(_subjects(context, streams, phase, kind), contacts["first_name"][contact], offering)
    return {
        "id": np.arange(first_id + 1, first_id + n + 1, dtype=np.int64),
        "deal_id": np.where(after, NULL, deals["id"][deal]),
        "contact_id": contacts["id"][contact],
        "owner_id": deals["owner_id"][deal],
        "kind": KINDS[kind],
        "subject": subject,
        "due_at": due,
        "completed_at": completed,
        "duration_minutes": duration,
    }
