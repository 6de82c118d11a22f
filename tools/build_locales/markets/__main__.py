"""Build markets from their specs: `python -m tools.build_locales.markets FR ES` (all files, phones and holidays)."""

from __future__ import annotations

import importlib
import sys

from tools.build_locales import holidays, phones


def main(codes: list[str]) -> None:
    for code in codes:
        importlib.import_module(f"tools.build_locales.markets.{code.lower()}").build()
        phones.main([code])
        holidays.main([code])


if __name__ == "__main__":
    main(sys.argv[1:])
