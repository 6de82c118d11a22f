"""Reproducible builders for `locales/<CC>/` (run with `make locales`; never at run time)."""
