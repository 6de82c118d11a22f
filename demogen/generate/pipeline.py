"""The tenant's pipeline stages, straight from the recipe (open stages first, then won and lost)."""

from __future__ import annotations

import numpy as np

from demogen.generate.context import TenantContext
from demogen.tables import Block
from demogen.text import to_text


def stage_order(context: TenantContext) -> tuple[np.ndarray, int, int]:
    """Stage ids of the open stages in funnel order, and the ids of the won and lost stages."""
    stages = context.recipe.pipeline.stages
    open_ids = np.array([i + 1 for i, s in enumerate(stages) if not s.is_closed], dtype=np.int64)
    won = next(i + 1 for i, s in enumerate(stages) if s.is_closed and s.is_won)
    lost = next(i + 1 for i, s in enumerate(stages) if s.is_closed and not s.is_won)
    return open_ids, won, lost


def generate_stages(context: TenantContext) -> Block:
    stages = context.recipe.pipeline.stages
    return {
        "id": np.arange(1, len(stages) + 1, dtype=np.int64),
        "name": to_text(s.name for s in stages),
        "position": np.arange(1, len(stages) + 1, dtype=np.int64),
        "probability": np.array([round(s.probability * 100) for s in stages], dtype=np.int64),
        "is_closed": np.array([s.is_closed for s in stages], dtype=bool),
        "is_won": np.array([s.is_won for s in stages], dtype=bool),
    }
