"""A/B experiments wired into the product: arms from settings, per-arm stages for the chat loop, events,
outcomes read from the store, the report and its chart, simulated traffic, and the learning loop."""
