"""Build markets from their specs: `python -m tools.build_locales.markets US FR` (all files, phones and holidays)."""

from __future__ import annotations

import sys

from tools.build_locales import holidays, market, phones


def main(codes: list[str]) -> None:
    for code in codes:
        market.spec(code).build()
        phones.main([code])
        holidays.main([code])


if __name__ == "__main__":
    main(sys.argv[1:])
