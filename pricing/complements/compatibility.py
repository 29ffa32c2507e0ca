"""Hard compatibility between two products, read from catalog attributes where present.

Each rule pairs an accessory attribute with a device attribute (a case's `compatible_models` with a phone's
`model`, a memory card's `format` with a camera's `memory_card` ...). A rule only applies when both products
carry its attributes: a catalog that says nothing constrains nothing. One exception: a wireless charger
needs the device to state `wireless_charging`, since it is useless to a device that cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from retrieval.catalog.schema import Product
from retrieval.filters import UNISEX, WEARER_ATTRIBUTE
from retrieval.text import fold

SCREEN_FIT_TOLERANCE_IN = 1.5  # a sleeve up to this much larger than the screen still holds the laptop
_NOTHING: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class CompatibilityProfile:
    """A product's attributes prepared once for many pair checks: folded names and rule bit masks."""

    accessory_mask: int  # bit i: the product has rule i's accessory attribute
    device_mask: int  # bit i: the product has rule i's device attribute
    names: Mapping[str, frozenset[str]]  # rule attribute -> case/accent-folded values
    attributes: Mapping[str, Any]


Fits = Callable[[CompatibilityProfile, CompatibilityProfile], bool]


def _names(value: Any) -> frozenset[str]:
    values = value if isinstance(value, list | tuple | set | frozenset) else [value]
    return frozenset(fold(str(item)).strip() for item in values if item is not None)


def _listed(accessory_attribute: str, device_attribute: str) -> Fits:
    """The device's value must be one of the accessory's listed values."""

    def fits(accessory: CompatibilityProfile, device: CompatibilityProfile) -> bool:
        return bool(device.names[device_attribute] & accessory.names[accessory_attribute])

    return fits


def _cable_reaches_device(cable: CompatibilityProfile, device: CompatibilityProfile) -> bool:
    """A cable's connectors are listed power end first ('USB-C to Lightning': USB-C, Lightning). A power
    source (a charger, power bank or hub: it states its wattage) takes the first end, anything else the
    last, so a USB-C phone gets no USB-C to Lightning cable though both say USB-C."""
    ends = cable.attributes.get("connectors")
    if not isinstance(ends, list | tuple) or not ends:
        return True
    supplies_power = bool({"wattage_w", "power_delivery_w"} & device.attributes.keys())
    return bool(_names(ends[0] if supplies_power else ends[-1]) & device.names["connector"])


def _same(attribute: str) -> Fits:
    def fits(accessory: CompatibilityProfile, device: CompatibilityProfile) -> bool:
        return accessory.names[attribute] == device.names[attribute]

    return fits


def _supplies_power(product: CompatibilityProfile) -> bool:
    """Chargers, power banks and hubs state the power they deliver."""
    return bool({"wattage_w", "power_delivery_w"} & product.attributes.keys())


def _powers_device(accessory: CompatibilityProfile, device: CompatibilityProfile) -> bool:
    """A charger, power bank or hub plugs into the device's port (only for things that supply power)."""
    if not _supplies_power(accessory):
        return True
    return bool(accessory.names["connector"] & device.names["connector"])


def _charges_wirelessly(charger: CompatibilityProfile, device: CompatibilityProfile) -> bool:
    """A wireless charger (a power source marked `wireless`) charges only a device that says it charges
    wirelessly: a MagSafe puck is no charger for a laptop. Its USB-C end is its own input, so the
    connector rule alone passes it. A power source is no device here: it feeds the puck."""
    if charger.attributes.get("wireless") is not True or not _supplies_power(charger):
        return True
    return _supplies_power(device) or device.attributes.get("wireless_charging") is True


def _screen_fits(accessory: CompatibilityProfile, device: CompatibilityProfile) -> bool:
    try:
        room = float(accessory.attributes["fits_screen_in"]) - float(device.attributes["screen_in"])
    except (TypeError, ValueError):
        return True
    return 0.0 <= room <= SCREEN_FIT_TOLERANCE_IN


def _same_wearer(first: CompatibilityProfile, second: CompatibilityProfile) -> bool:
    """Women's running shoes and a men's tee are no outfit; unisex goes with either."""
    first_wearer, second_wearer = first.names[WEARER_ATTRIBUTE], second.names[WEARER_ATTRIBUTE]
    return UNISEX in first_wearer | second_wearer or first_wearer == second_wearer


def _coffee_fits_machine(coffee: CompatibilityProfile, machine: CompatibilityProfile) -> bool:
    """Capsules only fit their own system; a machine for ground coffee takes no capsules, a capsule
    machine no beans, and a machine that grinds its own beans wants beans, not coffee sold ground."""
    if machine.attributes.get("built_in_grinder") is True and coffee.attributes.get("whole_bean") is False:
        return False
    return coffee.names.get("capsule_system", _NOTHING) == machine.names.get("capsule_system", _NOTHING)


def _grinder_has_use(grinder: CompatibilityProfile, other: CompatibilityProfile) -> bool:
    """A coffee grinder goes with a machine that takes ground coffee (not a capsule machine, nor one that
    grinds its own beans) and with whole beans (not coffee sold ground)."""
    return (
        other.attributes.get("needs_ground_coffee") is not False
        and other.attributes.get("whole_bean") is not False
    )


def _no_machine(gear: CompatibilityProfile, machine: CompatibilityProfile) -> bool:
    """Pour-over gear (a dripper, a gooseneck kettle) brews by hand: it has no use beside a coffee machine,
    which heats its own water (an espresso machine came with a drip kettle)."""
    return False


def _never(first: CompatibilityProfile, second: CompatibilityProfile) -> bool:
    """Two products that have no use together whatever their other attributes: pour-over gear or a grinder
    and capsules (made for a capsule machine), pour-over gear and a milk frother (filter coffee is no milk
    drink)."""
    return False


def _froths_what_machine_cannot(frother: CompatibilityProfile, machine: CompatibilityProfile) -> bool:
    """A milk frother beside a machine with its own steam wand or milk system is a second of the same."""
    return machine.attributes.get("milk_frother") is not True


# Exfoliating acids and retinoids: one such product in a routine; two (a 7% glycolic toner and a 30% AHA
# peel, or an acid and a retinol) irritate, most of all the skin of someone starting out.
STRONG_ACTIVES = frozenset(
    {"glycolic acid", "salicylic acid", "lactic acid", "mandelic acid", "aha", "bha", "lha"}
    | {"retinol", "encapsulated retinol", "retinal", "retinaldehyde", "tretinoin", "adapalene"}
)


def _one_strong_active(first: CompatibilityProfile, second: CompatibilityProfile) -> bool:
    return not (
        first.names["key_ingredients"] & STRONG_ACTIVES and second.names["key_ingredients"] & STRONG_ACTIVES
    )


@dataclass(frozen=True, slots=True)
class CompatibilityRule:
    """`fits(accessory, device)`, applied when the accessory has `accessory_attribute` and the device
    `device_attribute`."""

    name: str
    accessory_attribute: str
    device_attribute: str
    fits: Fits


RULES: tuple[CompatibilityRule, ...] = (
    CompatibilityRule("fits model", "compatible_models", "model", _listed("compatible_models", "model")),
    CompatibilityRule("fits watch", "compatible_watches", "model", _listed("compatible_watches", "model")),
    # a case for one phone and a screen protector for another are no set
    CompatibilityRule(
        "same device",
        "compatible_models",
        "compatible_models",
        _listed("compatible_models", "compatible_models"),
    ),
    CompatibilityRule("card format", "format", "memory_card", _listed("format", "memory_card")),
    CompatibilityRule("cable connector", "connectors", "connector", _cable_reaches_device),
    CompatibilityRule("power connector", "connector", "connector", _powers_device),
    # Wireless charging is a feature the device must state; a device that does not gets no puck. Devices
    # are known by a port or a model: a watch states no port, and an iPhone puck charges no Apple Watch.
    CompatibilityRule("wireless charging", "wireless", "connector", _charges_wirelessly),
    CompatibilityRule("wireless charging", "wireless", "model", _charges_wirelessly),
    CompatibilityRule("operating system", "compatible_os", "os", _listed("compatible_os", "os")),
    CompatibilityRule("lens mount", "mount", "mount", _same("mount")),
    CompatibilityRule("sleeve size", "fits_screen_in", "screen_in", _screen_fits),
    CompatibilityRule("same wearer", WEARER_ATTRIBUTE, WEARER_ATTRIBUTE, _same_wearer),
    CompatibilityRule("coffee system", "roast", "needs_ground_coffee", _coffee_fits_machine),
    CompatibilityRule("grinder use", "grinder_type", "needs_ground_coffee", _grinder_has_use),
    CompatibilityRule("grinder use", "grinder_type", "whole_bean", _grinder_has_use),
    CompatibilityRule("capsule system", "capsule_system", "capsule_system", _same("capsule_system")),
    CompatibilityRule("brew method", "brew_method", "needs_ground_coffee", _no_machine),
    CompatibilityRule("milk frother", "froths_milk", "milk_frother", _froths_what_machine_cannot),
    CompatibilityRule("brew method", "brew_method", "capsule_system", _never),
    CompatibilityRule("grinder use", "grinder_type", "capsule_system", _never),
    CompatibilityRule("brew method", "froths_milk", "brew_method", _never),
    # a grinder makes a frother's set a filter-coffee one unless a machine without a steam wand is in it,
    # which the machine rule above already decides; a frother and a grinder alone make no coffee
    CompatibilityRule("milk frother", "froths_milk", "grinder_type", _never),
    CompatibilityRule("one strong active", "key_ingredients", "key_ingredients", _one_strong_active),
)


class CompatibilityChecker:
    """Says whether two products can be used together; no attribute, no constraint."""

    def __init__(self, *, rules: tuple[CompatibilityRule, ...] = RULES) -> None:
        self._rules = rules
        self._attributes = frozenset(
            name for rule in rules for name in (rule.accessory_attribute, rule.device_attribute)
        )

    def profile(self, product: Product) -> CompatibilityProfile:
        """The product prepared for `profile_conflict` (compute once per product, check many pairs)."""
        attributes = product.attributes
        accessory = device = 0
        for bit, rule in enumerate(self._rules):
            if rule.accessory_attribute in attributes:
                accessory |= 1 << bit
            if rule.device_attribute in attributes:
                device |= 1 << bit
        names = {name: _names(attributes[name]) for name in self._attributes if name in attributes}
        return CompatibilityProfile(accessory, device, names, attributes)

    def profile_conflict(self, first: CompatibilityProfile, second: CompatibilityProfile) -> str | None:
        """The name of the first rule the pair breaks (either may be the accessory), or None."""
        for accessory, device in ((first, second), (second, first)):
            applicable = accessory.accessory_mask & device.device_mask
            while applicable:
                bit = applicable & -applicable
                rule = self._rules[bit.bit_length() - 1]
                if not rule.fits(accessory, device):
                    return rule.name
                applicable ^= bit
        return None

    def conflict(self, first: Product, second: Product) -> str | None:
        """The name of the first rule the two products break, or None if they can be used together."""
        return self.profile_conflict(self.profile(first), self.profile(second))

    def judges(self, first: Product, second: Product) -> bool:
        """Whether any rule applies to the pair: both state what it compares (a charger's connector and a
        phone's port), so `compatible` says something; a tripod and a phone state nothing of each other."""
        a, b = self.profile(first), self.profile(second)
        return bool((a.accessory_mask & b.device_mask) | (b.accessory_mask & a.device_mask))

    def compatible(self, first: Product, second: Product) -> bool:
        """True unless an attribute rule says the two cannot be used together."""
        return self.conflict(first, second) is None
