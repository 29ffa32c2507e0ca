"""`bundlewise serve` / `python app.py`: warm every stage (with progress bars), print the URLs, serve."""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.components import build_retriever, open_catalog
from assistant.settings import Settings


def serve(
    settings: Settings, *, catalog: str | Path | None = None, host: str | None = None, port: int | None = None
) -> None:
    """Start the HTTP server on the embedded defaults unless told otherwise."""
    import uvicorn

    from assistant.api.app import create_app

    host = host or settings.server.host
    port = port or settings.server.port
    products = open_catalog(settings, catalog)
    print(f"Bundlewise: catalog {products.source} ({len(products)} products)", file=sys.stderr, flush=True)
    retriever = build_retriever(settings, products)
    retriever.warm_up(show_progress=True)  # first start embeds the catalog and persists the index
    base = f"http://{host}:{port}"
    urls = {"API docs": "/docs", "health": "/healthz", "search": "/v1/search?q=phone"}
    lines = "".join(f"\n  {name:<9} {base}{path}" for name, path in urls.items())
    print(f"Bundlewise is serving:{lines}", flush=True)
    uvicorn.run(create_app(retriever), host=host, port=port, log_level="info")
