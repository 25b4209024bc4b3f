"""The one catalogue of error codes, and the exit codes the CLI documents.

Library code raises `PolicyExtractError` subclasses; the CLI turns each into a
single line on standard error (``policy-extract: PE003 file.txt: not text``).
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    INPUT_FAILED = 1  # some inputs could not be read; the others were processed
    USAGE = 2  # bad arguments, bad --date, bad --rules folder
    REGRESSION = 3  # `eval --baseline`: a headline figure dropped
    INTERRUPTED = 130


class PolicyExtractError(Exception):
    code = "PE000"
    exit_code = ExitCode.INPUT_FAILED

    def one_line(self) -> str:
        return f"{self.code} {' '.join(str(self).split())}"


class InputError(PolicyExtractError):
    """A document could not be read as text."""

    code = "PE001"


class NotTextError(InputError):
    code = "PE002"


class DecodeError(InputError):
    code = "PE003"


class UsageError(PolicyExtractError):
    code = "PE010"
    exit_code = ExitCode.USAGE


class DateError(UsageError):
    code = "PE011"


class RulesError(UsageError):
    """Every problem found in the rule files, one per line."""

    code = "PE020"

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s) in rule files: " + "; ".join(self.problems))


class GoldError(UsageError):
    code = "PE030"


class RegressionError(PolicyExtractError):
    code = "PE040"
    exit_code = ExitCode.REGRESSION
