from __future__ import annotations

import stat

from pydantic import SecretStr

from assistant.components import QUOTE_SECRET_FILE, quote_secret
from assistant.settings import PricingSettings, Settings


def test_configured_secret_wins() -> None:
    settings = Settings(pricing=PricingSettings(quote_secret=SecretStr("s" * 32)))
    assert quote_secret(settings) == b"s" * 32


def test_per_install_secret_is_created_once_privately() -> None:
    settings = Settings()
    first = quote_secret(settings)
    assert len(first) == 32
    assert quote_secret(settings) == first
    path = settings.paths.data_dir / QUOTE_SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir() if p.name.startswith(".quote-secret")] == []
