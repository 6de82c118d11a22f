"""The industries of customer companies: their share of a B2B account base and their revenue per employee."""

from __future__ import annotations

import numpy as np

from demogen.text import to_text

INDUSTRIES = (
    # (industry, share of B2B accounts in permille, revenue per employee in USD)
    ("Software", 120, 250_000),
    ("IT Services", 90, 160_000),
    ("Manufacturing", 140, 320_000),
    ("Wholesale", 70, 700_000),
    ("Retail", 60, 220_000),
    ("Financial Services", 60, 420_000),
    ("Healthcare", 70, 150_000),
    ("Construction", 60, 260_000),
    ("Logistics", 50, 240_000),
    ("Professional Services", 90, 140_000),
    ("Energy", 25, 900_000),
    ("Education", 30, 90_000),
    ("Media", 30, 200_000),
    ("Hospitality", 30, 70_000),
    ("Real Estate", 25, 350_000),
    ("Telecommunications", 20, 480_000),
)
INDUSTRY_NAMES = to_text(i[0] for i in INDUSTRIES)
REVENUE_PER_EMPLOYEE = np.array([i[2] for i in INDUSTRIES], dtype=np.float64)
