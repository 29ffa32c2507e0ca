"""The one exception hierarchy of Bundlewise.

Every error a user can cause derives from `BundlewiseError`, carries a stable `type` slug and an HTTP
status, so the CLI can print it and the API can turn it into an RFC 9457 problem body without guessing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class BundlewiseError(Exception):
    """Root of all errors Bundlewise raises on purpose."""

    type: str = "bundlewise-error"
    title: str = "Bundlewise error"
    status: int = 500
    exit_code: int = 1

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    def to_problem(self) -> dict[str, Any]:
        """The RFC 9457 problem object for this error."""
        return {"type": self.type, "title": self.title, "status": self.status, "detail": self.detail}


class InvalidInputError(BundlewiseError):
    """A request, argument or filter that cannot be used as given."""

    type = "invalid-input"
    title = "Invalid input"
    status = 422
    exit_code = 2


class NotFoundError(BundlewiseError):
    """A referenced thing (conversation, quote, product, file) does not exist."""

    type = "not-found"
    title = "Not found"
    status = 404
    exit_code = 2


class ConfigurationError(BundlewiseError):
    """Settings that cannot work (bad path, placeholder secret, missing optional extra)."""

    type = "configuration-error"
    title = "Configuration error"
    status = 500
    exit_code = 2


@dataclass(frozen=True, slots=True)
class CatalogIssue:
    """One problem found in a catalog file, located precisely enough to fix it."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class CatalogError(BundlewiseError):
    """A catalog that failed validation; nothing from it was imported."""

    type = "invalid-catalog"
    title = "Invalid catalog"
    status = 422
    exit_code = 2

    def __init__(self, issues: list[CatalogIssue], *, total: int | None = None) -> None:
        self.issues = issues
        total = len(issues) if total is None else total
        shown = "\n".join(str(issue) for issue in issues)
        more = f"\n... and {total - len(issues)} more" if total > len(issues) else ""
        super().__init__(f"{total} problem(s) in catalog:\n{shown}{more}")


class VectorIndexError(BundlewiseError):
    """A persisted vector index that is unreadable or does not match its catalog."""

    type = "index-error"
    title = "Vector index error"
    status = 500


class QuoteError(InvalidInputError):
    """A quote token that cannot be honoured."""

    type = "invalid-quote"
    title = "Invalid quote"


class QuoteTamperedError(QuoteError):
    """A quote whose signature does not match its content: altered, truncated or forged."""

    type = "quote-tampered"
    title = "Quote signature invalid"


class QuoteExpiredError(QuoteError):
    """A genuine quote presented after its validity ended."""

    type = "quote-expired"
    title = "Quote expired"
    status = 410
