"""The fine-tuned intent model on disk: `config.json` plus one safetensors file (LoRA adapter + heads).

No pickle: weights are safetensors, configuration is JSON. Loading merges the adapter into the encoder
so inference costs exactly one MiniLM forward pass.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from assistant.errors import ConfigurationError
from assistant.intent.model import JointIntentSlotModel

CONFIG_FILE = "config.json"
WEIGHTS_FILE = "adapter.safetensors"
FORMAT_VERSION = 1


@dataclass(frozen=True)
class IntentModelConfig:
    """What was trained, on what, and how (everything needed to rebuild the network)."""

    intents: list[str]
    tags: list[str]
    base_model: str
    lora_rank: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    lora_targets: list[str] = field(default_factory=lambda: ["query", "key", "value", "dense"])
    seed: int = 13
    training: dict[str, Any] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION


def shipped_artifact_dir() -> Path:
    """The artefact committed with the package (trained by `bundlewise train-intent`)."""
    return Path(str(resources.files("assistant.intent") / "artifacts" / "minilm-lora"))


def lora_config(config: IntentModelConfig) -> Any:
    """The peft LoRA configuration for `config`."""
    from peft import LoraConfig

    return LoraConfig(
        r=config.lora_rank,
        lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout,
        target_modules=config.lora_targets,
        bias="none",
    )


def save_artifact(
    directory: Path, model: JointIntentSlotModel, peft_encoder: Any, config: IntentModelConfig
) -> None:
    """Write the LoRA adapter and heads (fp32 safetensors) and the JSON config."""
    from peft import get_peft_model_state_dict
    from safetensors.torch import save_file

    directory.mkdir(parents=True, exist_ok=True)
    tensors = {
        f"lora.{k}": v.detach().contiguous() for k, v in get_peft_model_state_dict(peft_encoder).items()
    }
    tensors |= {k: v.detach().contiguous() for k, v in model.head_state().items()}
    save_file(tensors, str(directory / WEIGHTS_FILE))
    (directory / CONFIG_FILE).write_text(
        json.dumps(asdict(config), indent=2, ensure_ascii=False), encoding="utf-8"
    )


def read_config(directory: Path) -> IntentModelConfig:
    """The config of the artefact in `directory`."""
    try:
        raw = json.loads((directory / CONFIG_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ConfigurationError(f"no readable intent model in {directory}: {error}") from None
    if raw.get("format_version") != FORMAT_VERSION:
        raise ConfigurationError(f"intent model in {directory} has format {raw.get('format_version')}")
    return IntentModelConfig(**raw)


def load_artifact(
    directory: Path, base_model_path: Path
) -> tuple[JointIntentSlotModel, Any, IntentModelConfig]:
    """(model in eval mode with the adapter merged, tokenizer, config)."""
    from peft import get_peft_model, set_peft_model_state_dict
    from safetensors.torch import load_file
    from transformers import AutoModel, AutoTokenizer

    config = read_config(directory)
    weights = load_file(str(directory / WEIGHTS_FILE))
    encoder = AutoModel.from_pretrained(str(base_model_path), local_files_only=True)
    peft_encoder = get_peft_model(encoder, lora_config(config))
    lora = {k.removeprefix("lora."): v for k, v in weights.items() if k.startswith("lora.")}
    set_peft_model_state_dict(peft_encoder, lora)
    model = JointIntentSlotModel(
        peft_encoder.merge_and_unload(), intents=len(config.intents), tags=len(config.tags)
    )
    model.intent_head.load_state_dict(
        {k.removeprefix("intent_head."): v for k, v in weights.items() if k.startswith("intent_head.")}
    )
    model.tag_head.load_state_dict(
        {k.removeprefix("tag_head."): v for k, v in weights.items() if k.startswith("tag_head.")}
    )
    model.eval()
    tokenizer = AutoTokenizer.from_pretrained(str(base_model_path), local_files_only=True)
    return model, tokenizer, config
