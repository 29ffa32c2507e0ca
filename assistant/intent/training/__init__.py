"""Training data (generated and hand-written) and the fine-tuning loop of the intent + slot model."""
