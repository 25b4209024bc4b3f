"""Hypothesis profiles: "ci" (default) is fast and reproducible; "long" searches much further.

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -p no:cacheprovider tests/test_properties.py
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from policy_extract.rule_files import RuleSet, load_rules

# The pipeline is slow to build and not fast per example; deadlines would only measure the machine.
_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}

settings.register_profile("ci", derandomize=True, max_examples=60, **_COMMON)
settings.register_profile("long", max_examples=20_000, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    """The built-in rules (loading is cached, so every test module shares one RuleSet)."""
    return load_rules()

