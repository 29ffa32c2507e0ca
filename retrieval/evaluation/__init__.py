"""Retrieval-quality evaluation on labelled queries built from real third-party catalogs.

`metrics` holds the pure ranking metrics (nDCG@k, Recall@k), `query_sets` builds the labelled sets
from ../shared/data, and `run.evaluate_retrieval` measures dense, lexical and fused search on them
(`bundlewise eval retrieval --json`).
"""
