"""Hard compatibility between two products, read from catalog attributes where present.

Each rule pairs an accessory attribute with a device attribute (a case's `compatible_models` with a phone's
`model`, a memory card's `format` with a camera's `memory_card` ...). A rule only applies when both products
carry its attributes: a catalog that says nothing constrains nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from retrieval.catalog.schema import Product
from retrieval.text import fold

Attributes = Mapping[str, Any]

SCREEN_FIT_TOLERANCE_IN = 1.5  # a sleeve up to this much larger than the screen still holds the laptop


def _names(value: Any) -> frozenset[str]:
    """Folded names of an attribute value (one value or a list), cached: attributes repeat a lot."""
    if isinstance(value, list | tuple | set | frozenset):
        return _folded(tuple(str(item) for item in value if item is not None))
    return _folded(() if value is None else (str(value),))


@lru_cache(maxsize=16384)
def _folded(values: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(value).strip() for value in values)


def _listed(accessory_attribute: str, device_attribute: str) -> Callable[[Attributes, Attributes], bool]:
    """The device's value must be one of the accessory's listed values."""

    def fits(accessory: Attributes, device: Attributes) -> bool:
        return bool(_names(device[device_attribute]) & _names(accessory[accessory_attribute]))

    return fits


def _powers_device(accessory: Attributes, device: Attributes) -> bool:
    """A charger, power bank or hub plugs into the device's port (only for things that supply power)."""
    if not ({"wattage_w", "power_delivery_w"} & accessory.keys()):
        return True
    return bool(_names(accessory["connector"]) & _names(device["connector"]))


def _screen_fits(accessory: Attributes, device: Attributes) -> bool:
    try:
        room = float(accessory["fits_screen_in"]) - float(device["screen_in"])
    except (TypeError, ValueError):
        return True
    return 0.0 <= room <= SCREEN_FIT_TOLERANCE_IN


def _same(attribute: str) -> Callable[[Attributes, Attributes], bool]:
    def fits(accessory: Attributes, device: Attributes) -> bool:
        return _names(accessory[attribute]) == _names(device[attribute])

    return fits


def _coffee_fits_machine(coffee: Attributes, machine: Attributes) -> bool:
    """Capsules only fit their own system; a machine for ground coffee takes no capsules, a capsule
    machine no beans."""
    return _names(coffee.get("capsule_system")) == _names(machine.get("capsule_system"))


@dataclass(frozen=True, slots=True)
class CompatibilityRule:
    """`fits(accessory_attributes, device_attributes)`, applied when both attributes are present."""

    name: str
    accessory_attribute: str
    device_attribute: str
    fits: Callable[[Attributes, Attributes], bool]


RULES: tuple[CompatibilityRule, ...] = (
    CompatibilityRule("fits model", "compatible_models", "model", _listed("compatible_models", "model")),
    CompatibilityRule("fits watch", "compatible_watches", "model", _listed("compatible_watches", "model")),
    CompatibilityRule("card format", "format", "memory_card", _listed("format", "memory_card")),
    CompatibilityRule("cable connector", "connectors", "connector", _listed("connectors", "connector")),
    CompatibilityRule("power connector", "connector", "connector", _powers_device),
    CompatibilityRule("operating system", "compatible_os", "os", _listed("compatible_os", "os")),
    CompatibilityRule("lens mount", "mount", "mount", _same("mount")),
    CompatibilityRule("sleeve size", "fits_screen_in", "screen_in", _screen_fits),
    CompatibilityRule("coffee system", "roast", "needs_ground_coffee", _coffee_fits_machine),
    CompatibilityRule("capsule system", "capsule_system", "capsule_system", _same("capsule_system")),
)


class CompatibilityChecker:
    """Says whether two products can be used together; no attribute, no constraint."""

    def __init__(self, *, rules: tuple[CompatibilityRule, ...] = RULES) -> None:
        self._rules = rules
        self._attributes = frozenset(
            name for rule in rules for name in (rule.accessory_attribute, rule.device_attribute)
        )

    def conflict(self, first: Product, second: Product) -> str | None:
        """The name of the first rule the pair breaks (either may be the accessory), or None if compatible."""
        if not (self._attributes & first.attributes.keys() and self._attributes & second.attributes.keys()):
            return None
        for accessory, device in ((first, second), (second, first)):
            for rule in self._rules:
                if (
                    rule.accessory_attribute in accessory.attributes
                    and rule.device_attribute in device.attributes
                    and not rule.fits(accessory.attributes, device.attributes)
                ):
                    return rule.name
        return None

    def compatible(self, first: Product, second: Product) -> bool:
        """True unless an attribute rule says the two cannot be used together."""
        return self.conflict(first, second) is None
