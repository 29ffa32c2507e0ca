"""The store on both backends: SQLite in a temp dir, and the real PostgreSQL server `.ci/run` starts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

POSTGRES_URL_VARIABLE = "BUNDLEWISE_TEST_POSTGRES_URL"
BACKENDS = ["sqlite", "postgresql"]


def _fresh_postgres_url() -> str:
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(
            f"{POSTGRES_URL_VARIABLE} is not set: no PostgreSQL server to test against "
            "(.ci/run starts one with .ci/postgres)"
        )
    engine = create_engine(url)
    with engine.begin() as connection:  # an empty schema: every test migrates from nothing
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bundlewise.db'}"
    else:
        yield _fresh_postgres_url()
