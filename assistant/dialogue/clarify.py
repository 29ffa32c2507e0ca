"""The clarifying questions the assistant asks instead of guessing (one per turn, plain words)."""

from __future__ import annotations

_UNSURE = {
    "build_bundle": "Should I put together a set for you? Tell me what it's for and your budget.",
    "search_product": "Which product are you looking for?",
    "refine": "What should I change: the budget, the brand, or something else?",
    "swap_item": "Which item should I swap, and for what?",
    "add_item": "What would you like me to add?",
    "remove_item": "Which item should I take out?",
    "compare": "Which bundles should I compare?",
    "ask_explanation": "What would you like me to explain?",
    "accept_bundle": "Which bundle would you like to take?",
}


class questions:  # noqa: N801 - a namespace of question builders, read as `questions.what_for()`
    """Question texts, kept in one place so wording and tone stay consistent."""

    @staticmethod
    def unsure(intent: str) -> str:
        """When the model is not confident about what the shopper wants."""
        return "Sorry, I'm not sure I understood. " + _UNSURE.get(intent, "What are you shopping for?")

    @staticmethod
    def what_for() -> str:
        """A shopping request that names nothing to shop for."""
        return "What are you shopping for? For example a phone, a skincare set or a coffee setup."

    @staticmethod
    def gift_details(recipient: str | None, *, has_budget: bool = False) -> str:
        """A gift with no kind of product: ask (once) rather than show random sets."""
        who = recipient or "them"
        budget = "" if has_budget else ", and what's your budget"
        return f"Happy to help with a gift for {who}! What do they like{budget}?"

    @staticmethod
    def nothing_shown() -> str:
        """A reference to bundles before any were shown."""
        return "I haven't shown you any bundles yet. What are you shopping for?"

    @staticmethod
    def unknown_bundle(count: int) -> str:
        """A reference to a bundle that does not exist."""
        return f"I showed {count} bundle{'s' if count != 1 else ''}. Which one do you mean?"

    @staticmethod
    def which_bundle(count: int) -> str:
        """Accepting without saying which of several bundles."""
        return f"Which of the {count} bundles would you like: the first, second or third?"

    @staticmethod
    def which_item(intent: str) -> str:
        """A swap/add/remove without an item."""
        return _UNSURE.get(intent, "Which item do you mean?")

    @staticmethod
    def cheaper_than_what() -> str:
        """'Cheaper' with nothing shown and no budget."""
        return "Cheaper than what? Tell me a budget, e.g. 'under $300'."
