"""Market simulator: known shoppers, the pricing policies, and their comparison on the same shoppers."""

from pricing.simulation.compare import MarketReport, PolicyResult, build_markets, compare_policies
from pricing.simulation.market import MarketBundle, MarketConfig

__all__ = [
    "MarketBundle",
    "MarketConfig",
    "MarketReport",
    "PolicyResult",
    "build_markets",
    "compare_policies",
]
