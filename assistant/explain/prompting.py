"""Renders the versioned prompt files in `prompts/explain/<version>/` from a bundle's facts.

The rendered prompt holds placeholders, qualitative facts and the shopper's slot values; never a price,
product name or brand, so the model has nothing to copy that the filler would not supply.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from assistant.errors import ConfigurationError
from assistant.explain.chat_model import ChatMessage
from assistant.explain.facts import ExplanationFacts, Locale

DEFAULT_PROMPT_VERSION = "v1"
PromptStyle = Literal["instructed", "tuned"]
MAX_NEED_CHARS = 60  # shopper's words are cut: they describe a need, long text is more likely an attack
_LANGUAGES: dict[Locale, str] = {"en": "English", "zh": "Chinese"}


def prompts_root() -> Path:
    """The `prompts/` package directory (installed with the package)."""
    import prompts

    return Path(prompts.__file__).resolve().parent


class PromptBuilder:
    """Builds chat messages and fallback texts for a bundle.

    Two styles: `instructed` (full instructions plus few-shot turns, for a model that was not tuned) and
    `tuned` (a one-line system prompt: the fine-tuned model learnt the task, and a short prompt halves
    training time and the time to the first token).
    """

    def __init__(self, *, version: str = DEFAULT_PROMPT_VERSION, style: PromptStyle = "tuned") -> None:
        self.version = version
        self.style = style
        self._directory = prompts_root() / "explain" / version
        if not self._directory.is_dir():
            raise ConfigurationError(f"prompt version not found: {self._directory}")
        self._environment = Environment(
            loader=FileSystemLoader(str(self._directory)),
            undefined=StrictUndefined,
            keep_trailing_newline=False,
            autoescape=False,  # plain text for a language model, not HTML
        )

    def messages(self, facts: ExplanationFacts) -> list[ChatMessage]:
        """The conversation that asks the model to explain `facts`."""
        system_file = "system.txt" if self.style == "instructed" else "system_tuned.txt"
        system = self._environment.get_template(system_file).render(language=_LANGUAGES[facts.locale])
        messages = [ChatMessage("system", system.strip())]
        if self.style == "instructed":
            for example_facts, explanation in self._examples:
                messages.append(ChatMessage("user", self.facts_text(example_facts)))
                messages.append(ChatMessage("assistant", explanation))
        messages.append(ChatMessage("user", self.facts_text(facts)))
        return messages

    def facts_text(self, facts: ExplanationFacts) -> str:
        """The facts block of the prompt (the user turn)."""
        return self._environment.get_template("facts.jinja").render(**_context(facts)).strip()

    def fallback(self, facts: ExplanationFacts) -> str:
        """The deterministic template explanation, in placeholder form, in the facts' language."""
        template = self._environment.get_template(f"fallback_{facts.locale}.jinja")
        lines = template.render(**_context(facts)).strip().splitlines()
        separator = "" if facts.locale == "zh" else " "
        return separator.join(line.strip() for line in lines if line.strip())

    @cached_property
    def _examples(self) -> list[tuple[ExplanationFacts, str]]:
        path = self._directory / "few_shot.jsonl"
        examples = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                examples.append((ExplanationFacts.from_record(record["facts"]), str(record["explanation"])))
        return examples


def _context(facts: ExplanationFacts) -> dict[str, Any]:
    need = facts.need
    return {
        "label": facts.label,
        "items": facts.items,
        "use_case": _shopper_words(need.use_case),
        "recipient": _shopper_words(need.recipient),
        "occasion": _shopper_words(need.occasion),
        "gift": need.is_gift,
        "has_savings": facts.has_savings,
        "saving_size": facts.saving_size,
        "has_cheaper_alternative": facts.has_cheaper_alternative,
        "language": _LANGUAGES[facts.locale],
    }


def _shopper_words(text: str | None) -> str | None:
    """Shopper text as a quoted-free, brace-free single line: it cannot open a placeholder or a new turn."""
    if not text:
        return None
    cleaned = " ".join(text.replace("{", "(").replace("}", ")").replace("<|", "(").split())
    return cleaned[:MAX_NEED_CHARS] or None
