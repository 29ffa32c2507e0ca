"""Understanding a shopper's message: intent + slot model (training and inference), rules baseline, values."""
