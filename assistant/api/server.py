"""`bundlewise serve` / `python app.py`: warm every stage (with progress bars), print the URLs, serve."""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.components import build_chat_engine, build_retriever, open_catalog
from assistant.settings import Settings
from assistant.storage.database import open_store


def serve(
    settings: Settings, *, catalog: str | Path | None = None, host: str | None = None, port: int | None = None
) -> None:
    """Start the HTTP server on the embedded defaults unless told otherwise."""
    import uvicorn

    from assistant.api.app import create_app
    from assistant.api.observability import configure_json_logging

    configure_json_logging()
    host = host or settings.server.host
    port = port or settings.server.port
    products = open_catalog(settings, catalog)
    print(f"Bundlewise: catalog {products.source} ({len(products)} products)", file=sys.stderr, flush=True)
    retriever = build_retriever(settings, products)
    retriever.warm_up(show_progress=True)  # first start embeds the catalog and persists the index
    print("Bundlewise: loading the intent model and the database", file=sys.stderr, flush=True)
    store = open_store(settings)
    engine = build_chat_engine(settings, products, store=store, retriever=retriever)
    engine.warm_up()  # first start exports the intent model to ONNX once (cached)
    info = {"catalog": products.source, "products": len(products), "catalog_hash": products.content_hash[:16]}
    app = create_app(
        retriever, engine=engine, store=store, settings=settings, catalog_info=lambda: info, ui=True
    )
    base = f"http://{host}:{port}"
    urls = {
        "chat UI": "/ui",
        "widget demo": "/widget-demo",
        "API docs": "/docs",
        "health": "/healthz",
    }
    lines = "".join(f"\n  {name:<12} {base}{path}" for name, path in urls.items())
    print(f"Bundlewise is serving:{lines}", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
