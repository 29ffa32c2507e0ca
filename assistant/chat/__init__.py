"""The chat loop: one shopping conversation turn from message to priced, explained bundles."""
