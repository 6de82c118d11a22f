"""One small spec per market: `build()` writes its files, `PHONE_PLAN` (or `phone_plan()`) feeds phones.py,
`region_zones()` (or the [regions], [zones] and [subdivisions] of data/<cc>.toml) feeds holidays.py.
The shared steps live in `tools/build_locales/market.py`."""
