"""demogen: realistic, deterministic demo tenants for a multi-tenant B2B CRM."""

GENERATOR_VERSION = "30"
"""Bumped whenever the same recipe would produce different bytes; recorded with every tenant."""

__all__ = ["GENERATOR_VERSION"]
