"""Pricing: complementarity, bundle construction, willingness-to-pay and price optimisation (pure maths)."""
