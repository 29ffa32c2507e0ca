"""LoRA fine-tuning of SmolLM2-135M-Instruct on (facts -> placeholder explanation) pairs.

Fixed seed, a tqdm progress bar, loss on the answer tokens only. The adapter (attention and MLP
projections, rank 8) is saved as float16 safetensors with peft's config: a few MB, shipped in the repo.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from tqdm import tqdm

from assistant.explain.facts import ExplanationFacts
from assistant.explain.prompting import PromptBuilder
from assistant.explain.smollm import SmolLMChatModel

TRAINING_FILE = "training.json"
LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


@dataclass(frozen=True)
class ExplainerTrainingOptions:
    """Hyper-parameters; the defaults train in about 12 minutes on 2 idle CPU cores (5.8 s per step)."""

    epochs: int = 2
    batch_size: int = 8
    learning_rate: float = 1e-3
    warmup_fraction: float = 0.05
    lora_rank: int = 8
    lora_alpha: int = 16
    lora_dropout: float = 0.05
    first_tuned_layer: int = 15  # LoRA on the upper half only: backward stops there (~1/3 less compute)
    seed: int = 13
    max_steps: int | None = None  # stop early (CI's smoke run)
    threads: int = 2


def shipped_adapter_dir() -> Path:
    """The adapter committed with the package (trained by `bundlewise train-explainer`)."""
    return Path(str(resources.files("assistant.explain") / "artifacts" / "smollm2-lora"))


def load_pairs(path: Path) -> list[tuple[ExplanationFacts, str]]:
    """(facts, explanation) pairs from a JSONL file of {"facts", "explanation"}."""
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            pairs.append((ExplanationFacts.from_record(record["facts"]), str(record["explanation"])))
    return pairs


def train_explainer(
    pairs: Sequence[tuple[ExplanationFacts, str]],
    *,
    cache_dir: Path,
    output_dir: Path,
    options: ExplainerTrainingOptions = ExplainerTrainingOptions(),
    show_progress: bool = True,
) -> dict[str, Any]:
    """Fine-tune on `pairs`, save the adapter in `output_dir`, return training figures."""
    import torch
    from peft import LoraConfig, get_peft_model

    random.seed(options.seed)
    torch.manual_seed(options.seed)
    base = SmolLMChatModel(cache_dir=cache_dir, device="cpu", torch_threads=options.threads)
    base.warm_up()
    torch.set_num_threads(options.threads)
    tokenizer = base.tokenizer
    prompts = PromptBuilder(style="tuned")
    examples = [_encode(tokenizer, base.prompt_text(prompts.messages(f)), text) for f, text in pairs]
    lora = LoraConfig(
        r=options.lora_rank,
        lora_alpha=options.lora_alpha,
        lora_dropout=options.lora_dropout,
        target_modules=list(LORA_TARGETS),
        layers_to_transform=list(
            range(options.first_tuned_layer, base.model_for_training().config.num_hidden_layers)
        ),
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(base.model_for_training(), lora)
    steps_per_epoch = (len(examples) + options.batch_size - 1) // options.batch_size
    total = min(options.max_steps or 10**9, steps_per_epoch * options.epochs)
    optimizer = torch.optim.AdamW(
        [p for p in model.parameters() if p.requires_grad], lr=options.learning_rate
    )
    warmup = max(1, int(total * options.warmup_fraction))
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min((step + 1) / warmup, max(0.0, (total - step) / max(1, total - warmup)))
    )
    order = random.Random(options.seed)
    started, step, losses = time.perf_counter(), 0, []
    model.train()
    with tqdm(total=total, desc="training explainer", unit="step", disable=not show_progress) as bar:
        while step < total:
            indices = list(range(len(examples)))
            order.shuffle(indices)
            for begin in range(0, len(indices), options.batch_size):
                if step >= total:
                    break
                input_ids, labels, mask = _collate(
                    [examples[i] for i in indices[begin : begin + options.batch_size]], tokenizer.pad_token_id
                )
                loss = model(input_ids=input_ids, attention_mask=mask, labels=labels).loss
                optimizer.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                losses.append(float(loss.detach()))
                step += 1
                bar.set_postfix(loss=f"{sum(losses[-10:]) / len(losses[-10:]):.3f}")
                bar.update()
    figures = {
        "pairs": len(pairs),
        "steps": step,
        "epochs": round(step / steps_per_epoch, 2),
        "final_loss": round(sum(losses[-10:]) / max(1, len(losses[-10:])), 4),
        "seconds": round(time.perf_counter() - started, 1),
        "options": asdict(options),
    }
    _save(model, output_dir, figures)
    return figures


def _encode(tokenizer: Any, prompt: str, answer: str) -> tuple[list[int], list[int]]:
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    answer_ids = tokenizer(answer + "<|im_end|>\n", add_special_tokens=False)["input_ids"]
    return prompt_ids + answer_ids, [-100] * len(prompt_ids) + answer_ids


def _collate(batch: list[tuple[list[int], list[int]]], pad_id: int) -> tuple[Any, Any, Any]:
    import torch

    width = max(len(ids) for ids, _ in batch)
    input_ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    labels = torch.full((len(batch), width), -100, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, (ids, target) in enumerate(batch):
        input_ids[row, : len(ids)] = torch.tensor(ids)
        labels[row, : len(ids)] = torch.tensor(target)
        mask[row, : len(ids)] = 1
    return input_ids, labels, mask


def _save(model: Any, output_dir: Path, figures: dict[str, Any]) -> None:
    import torch
    from peft import get_peft_model_state_dict
    from safetensors.torch import save_file

    output_dir.mkdir(parents=True, exist_ok=True)
    model.peft_config["default"].save_pretrained(str(output_dir))
    state = {
        k: v.detach().to(torch.float16).contiguous() for k, v in get_peft_model_state_dict(model).items()
    }
    save_file(state, str(output_dir / "adapter_model.safetensors"))
    (output_dir / TRAINING_FILE).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
