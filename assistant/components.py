"""Composition root: builds the stages from the settings object (the only place that wires them)."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import ConfigurationError
from assistant.settings import Settings
from retrieval.catalog import Catalog, demo_catalog_path, load_catalog
from retrieval.catalog.store import CatalogStore
from retrieval.embedders import Embedder
from retrieval.embedders.sentence_transformer import SentenceTransformerEmbedder, default_model_path
from retrieval.indexes.store import IndexStore
from retrieval.search import Retriever

if TYPE_CHECKING:  # torch-heavy: imported where used, so catalog commands start fast
    from assistant.explain.chat_model import ChatModel
    from assistant.explain.explainer import Explainer
    from assistant.explain.smollm import SmolLMChatModel
    from assistant.intent.parser import IntentParser
    from assistant.intent.training.train import TrainingOptions
    from assistant.intent.training.validation import ValidationSplit


def catalog_store(settings: Settings) -> CatalogStore:
    """The store of catalogs imported with `bundlewise catalog import`."""
    return CatalogStore(settings.paths.data_dir / "catalog")


def resolve_catalog_path(settings: Settings, explicit: str | Path | None = None) -> Path:
    """`--catalog` if given, else BUNDLEWISE_CATALOG__PATH, else the last imported catalog, else the demo."""
    if explicit is not None and str(explicit) != "demo":
        return Path(explicit)
    if explicit is None and settings.catalog.path is not None:
        return settings.catalog.path
    imported = catalog_store(settings).current_path() if explicit is None else None
    return imported if imported is not None else demo_catalog_path()


def open_catalog(settings: Settings, explicit: str | Path | None = None) -> Catalog:
    """Load and validate the catalog the settings (or `explicit`) point at."""
    return load_catalog(resolve_catalog_path(settings, explicit))


def build_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    """The real MiniLM sentence embedder (cold; loads in `warm_up`)."""
    section = settings.retrieval
    return SentenceTransformerEmbedder(
        model_path=section.embedding_model_path,
        device=section.device,
        batch_size=section.batch_size,
        torch_threads=section.torch_threads,
        onnx_cache_dir=settings.paths.cache_dir if section.query_runtime == "auto" else None,
    )


def build_retriever(settings: Settings, catalog: Catalog, embedder: Embedder | None = None) -> Retriever:
    """A cold `Retriever` for `catalog` with the real MiniLM embedder and the on-disk index cache."""
    section = settings.retrieval
    index_store = IndexStore(settings.paths.cache_dir / "indexes", section)
    return Retriever(
        catalog, embedder=embedder or build_embedder(settings), index_store=index_store, settings=section
    )


def intent_artifact_dir(settings: Settings, catalog: Catalog, *, show_progress: bool = False) -> Path:
    """The intent model to load: configured, else shipped; trained into the cache (with a progress bar)
    only when neither exists, e.g. after deleting the shipped artefact."""
    from assistant.intent.artifact import CONFIG_FILE, shipped_artifact_dir

    configured = settings.intent.artifact_dir
    if configured is not None:  # a wrong path must not silently serve another model
        if not (configured / CONFIG_FILE).exists():
            raise ConfigurationError(
                f"intent.artifact_dir: no intent model at {configured} ({CONFIG_FILE} missing)"
            )
        return configured
    if (shipped_artifact_dir() / CONFIG_FILE).exists():
        return shipped_artifact_dir()
    trained = settings.paths.cache_dir / "intent-model"
    if not (trained / CONFIG_FILE).exists():
        train_intent(settings, catalog, output_dir=trained, show_progress=show_progress)
    return trained


def train_intent(
    settings: Settings,
    catalog: Catalog,
    *,
    output_dir: Path,
    extra_files: Sequence[Path] = (),
    options: TrainingOptions | None = None,
    validation: bool = False,
    show_progress: bool = True,
) -> dict[str, Any]:
    """Fine-tune the intent model on generated + hand-written (+ extra) utterances; returns figures.
    With `validation`, the validation split is held back and the trained model scored on it: that is how
    training settings are chosen without looking at the test files."""
    from assistant.intent.training.dataset import training_examples
    from assistant.intent.training.train import TrainingOptions, train_intent_model
    from assistant.intent.training.validation import validation_split

    options = options or TrainingOptions()
    split = validation_split() if validation else None
    examples, counts = training_examples(
        catalog,
        extra_files=extra_files,
        seed=options.seed,
        held_back=split.texts if split else frozenset(),
    )
    embedder = build_embedder(settings)
    figures = train_intent_model(
        examples,
        base_model_path=settings.retrieval.embedding_model_path or default_model_path(),
        base_model_name=embedder.name,
        output_dir=output_dir,
        options=options,
        show_progress=show_progress,
    )
    if split is not None:
        figures["validation"] = validation_scores(split, settings, catalog, output_dir, embedder)
    return {"data": counts, **figures}


def validation_scores(
    split: ValidationSplit, settings: Settings, catalog: Catalog, artifact_dir: Path, embedder: Embedder
) -> dict[str, Any]:
    """The headline figures of the model in `artifact_dir` on the validation split."""
    from assistant.intent.evaluation import evaluate_parser, read_gold

    parser = build_intent_parser(settings, catalog, embedder, artifact_dir=artifact_dir)
    with tempfile.TemporaryDirectory() as directory:
        gold = read_gold(split.write(Path(directory) / "validation.jsonl"), parser.vocabulary)
    report = evaluate_parser(parser, gold)
    keep = ("examples", "intent_accuracy", "slot_micro_f1", "per_source", "worst_confusions")
    return {key: report[key] for key in keep}


def build_intent_parser(
    settings: Settings,
    catalog: Catalog,
    embedder: Embedder | None = None,
    *,
    artifact_dir: Path | None = None,
) -> IntentParser:
    """A cold `IntentParser` whose slot vocabulary is `catalog`'s brands and categories; the model in
    `artifact_dir` if given, else the configured or shipped one."""
    from assistant.intent.parser import IntentParser
    from assistant.intent.vocabulary import SlotVocabulary

    vocabulary = SlotVocabulary.from_catalog(catalog, embedder=embedder or build_embedder(settings))
    return IntentParser(
        artifact_dir=artifact_dir or intent_artifact_dir(settings, catalog, show_progress=True),
        base_model_path=settings.retrieval.embedding_model_path,
        vocabulary=vocabulary,
        torch_threads=settings.intent.torch_threads,
        runtime=settings.intent.runtime,
        cache_dir=settings.paths.cache_dir,
    )


QUOTE_SECRET_FILE = "quote-secret"


def quote_secret(settings: Settings) -> bytes:
    """The key that signs quotes: `pricing.quote_secret` if set, else a random per-install 32-byte
    secret kept in `paths.data_dir` (created once, mode 0600, atomically so two workers agree)."""
    configured = settings.pricing.quote_secret
    if configured is not None:
        return configured.get_secret_value().encode("utf-8")
    path = settings.paths.data_dir / QUOTE_SECRET_FILE
    if not path.exists():
        _create_secret_file(path)
    return path.read_bytes()


def _create_secret_file(path: Path) -> None:
    """Write 32 random bytes to a private temporary file and link it into place; a concurrent creator
    that wins the race keeps its secret (link fails without overwriting)."""
    import contextlib
    import os
    import secrets
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".quote-secret-")
    try:
        os.fchmod(descriptor, 0o600)
        os.write(descriptor, secrets.token_bytes(32))
        os.fsync(descriptor)
        os.close(descriptor)
        with contextlib.suppress(FileExistsError):  # another worker created it first: use theirs
            os.link(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def build_chat_engine(
    settings: Settings,
    catalog: Catalog,
    *,
    store: Any | None = None,
    retriever: Retriever | None = None,
    explainer: Any | None = None,
) -> Any:
    """The cold `ShoppingAssistant` over `catalog` with the configured stages (call `warm_up`).

    The intent parser shares the retriever's embedder (one MiniLM in memory); the store defaults to
    the configured database, migrated on open.
    """
    from datetime import timedelta

    from assistant.chat.engine import ShoppingAssistant
    from assistant.dialogue.tracker import DialogueTracker
    from assistant.experiments.config import experiment_from_settings
    from assistant.experiments.variants import build_variants
    from assistant.storage.database import open_store
    from pricing.bundles import BundleBuilder
    from pricing.complements.factory import complement_model
    from pricing.optimiser import BundlePricer, PricingPolicy
    from pricing.quotes import QuoteSigner

    retriever = retriever or build_retriever(settings, catalog)
    complements = complement_model(settings.bundles)
    parser = build_intent_parser(settings, catalog, embedder=retriever.embedder)
    return ShoppingAssistant(
        parser=parser,
        tracker=DialogueTracker(
            clarify_below_confidence=settings.intent.clarify_below_confidence,
            max_items=settings.bundles.max_items,
            title_kinds=parser.vocabulary.title_kinds(),
        ),
        retriever=retriever,
        complements=complements,
        builder=BundleBuilder(settings=settings.bundles, complements=complements),
        pricer=BundlePricer(policy=PricingPolicy.from_settings(settings.pricing)),
        signer=QuoteSigner(quote_secret(settings)),
        store=store or open_store(settings),
        explainer=explainer or _chat_explainer(settings, catalog),
        quote_ttl=timedelta(seconds=settings.pricing.quote_ttl_seconds),
        candidates_per_role=settings.bundles.candidates_per_role,
        variants=build_variants(settings, experiment_from_settings(settings.experiments)),
    )


def build_chat_model(settings: Settings) -> SmolLMChatModel:
    """The cold explanation model: SmolLM2 with the shipped LoRA adapter (or the base model when
    `explainer.use_adapter` is off), its de-quantised weights cached under `paths.cache_dir`."""
    from assistant.explain.smollm import SmolLMChatModel
    from assistant.explain.training.train import shipped_adapter_dir

    section = settings.explainer
    return SmolLMChatModel(
        cache_dir=settings.paths.cache_dir / "explainer",
        adapter_dir=(section.adapter_dir or shipped_adapter_dir()) if section.use_adapter else None,
        device=section.device,
        dtype=section.dtype,
        torch_threads=section.torch_threads,
        quantize=section.quantize,
    )


def build_explainer(
    settings: Settings, catalog: Catalog | None = None, *, chat_model: ChatModel | None = None
) -> Explainer:
    """A cold `Explainer`; its checker knows `catalog`'s brands and titles, its prompt style follows
    whether the model was fine-tuned (short prompt) or not (instructions and few-shot examples)."""
    from assistant.explain.checker import ExplanationChecker
    from assistant.explain.explainer import Explainer
    from assistant.explain.prompting import PromptBuilder

    section = settings.explainer
    names = [name for product in catalog or () for name in (product.brand, product.title) if name]
    return Explainer(
        chat_model=chat_model or build_chat_model(settings),
        prompts=PromptBuilder(
            version=section.prompt_version, style="tuned" if section.use_adapter else "instructed"
        ),
        checker=ExplanationChecker(known_names=names),
        max_new_tokens=section.max_new_tokens,
        model_locales=section.model_locales,
        max_wait_s=section.max_wait_s,
    )


def _chat_explainer(settings: Settings, catalog: Catalog) -> Any:
    """The chat loop's explainer: the fine-tuned model (streamed, checked) or the template only."""
    from assistant.chat.explaining import ModelExplainer, TemplateExplainer

    if settings.explainer.backend == "template":
        return TemplateExplainer()
    section = settings.explainer
    if section.use_adapter:
        from assistant.explain.training.train import shipped_adapter_dir

        adapter = section.adapter_dir or shipped_adapter_dir()
        if not (adapter / "adapter_config.json").exists():  # e.g. deleted: keep serving, say why
            logging.getLogger("bundlewise.explain").warning(
                "no explanation adapter at %s: explanations use the template (bundlewise train-explainer)",
                adapter,
            )
            return TemplateExplainer()
    return ModelExplainer(build_explainer(settings, catalog))
