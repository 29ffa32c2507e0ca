"""Training data and LoRA fine-tuning of the explanation model."""
