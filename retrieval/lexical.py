"""BM25 lexical index: product search lives on model numbers and brand names that embeddings blur."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
from scipy import sparse

from retrieval.catalog.schema import Product
from retrieval.text import tokenize


def lexical_document(product: Product) -> str:
    """Text BM25 indexes: the title twice (it matters most), brand, category, Chinese title, description
    and attribute values (compatible models, connectors), which is where 'case for iPhone 16' matches."""
    values: list[str] = []
    for value in product.attributes.values():
        if isinstance(value, str):
            values.append(value)
        elif isinstance(value, list):
            values.extend(str(item) for item in value if isinstance(item, str))
    parts = [
        product.title,
        product.title,
        product.brand,
        product.category,
        product.title_zh,
        product.description,
    ]
    return " ".join([part for part in parts if part] + values)


class BM25Index:
    """Okapi BM25 over a sparse doc x term matrix of precomputed per-term weights (scoring is one slice)."""

    def __init__(self, weights: sparse.csc_matrix, vocabulary: dict[str, int]) -> None:
        self._weights = weights
        self._vocabulary = vocabulary

    @classmethod
    def build(cls, documents: Sequence[str], *, k1: float = 1.2, b: float = 0.75) -> BM25Index:
        """Index `documents`; row i of the scores is document i."""
        vocabulary: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        counts: list[int] = []
        lengths = np.zeros(len(documents), dtype=np.float64)
        for row, document in enumerate(documents):
            tokens = tokenize(document)
            lengths[row] = len(tokens)
            for token, count in Counter(tokens).items():
                rows.append(row)
                cols.append(vocabulary.setdefault(token, len(vocabulary)))
                counts.append(count)
        tf = np.asarray(counts, dtype=np.float64)
        row_index = np.asarray(rows, dtype=np.int64)
        col_index = np.asarray(cols, dtype=np.int64)
        document_frequency = np.bincount(col_index, minlength=len(vocabulary))
        total = max(len(documents), 1)
        idf = np.log1p((total - document_frequency + 0.5) / (document_frequency + 0.5))
        average_length = max(float(lengths.mean()) if len(documents) else 0.0, 1.0)
        norm = k1 * (1.0 - b + b * lengths[row_index] / average_length)
        values = idf[col_index] * tf * (k1 + 1.0) / (tf + norm)
        weights = sparse.csc_matrix(
            (values.astype(np.float32), (row_index, col_index)), shape=(len(documents), len(vocabulary))
        )
        return cls(weights, vocabulary)

    def __len__(self) -> int:
        return int(self._weights.shape[0])

    def scores(self, query: str) -> npt.NDArray[np.float32]:
        """BM25 score of every document for `query` (zeros where nothing matches)."""
        counts = Counter(token for token in tokenize(query) if token in self._vocabulary)
        if not counts:
            return np.zeros(len(self), dtype=np.float32)
        columns = [self._vocabulary[token] for token in counts]
        query_weights = np.asarray(list(counts.values()), dtype=np.float32)
        return np.asarray(self._weights[:, columns] @ query_weights, dtype=np.float32).ravel()
