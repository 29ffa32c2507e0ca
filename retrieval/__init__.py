"""Retrieval: catalog schema and loading, embedders, vector indexes, lexical and hybrid search."""
