"""FastAPI application: the site-key API (chat, OpenAI-compatible chat, quotes, conversations, events),
health, metrics, product search, the widget and (optionally) the Gradio UI; every error is RFC 9457
problem JSON.

`create_app` only wires what it is given: the chat routes need an engine, quotes/conversations/events
need a store, so tests and the server compose exactly the parts they have.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from assistant import __version__
from assistant.api.access import AccessPolicy, AdminGate
from assistant.api.admin import CatalogReloader, admin_router
from assistant.api.chat import chat_router
from assistant.api.completions import completions_router
from assistant.api.conversations import conversations_router
from assistant.api.metrics import ApiMetrics
from assistant.api.middleware import BodyLimitMiddleware, SiteCorsMiddleware
from assistant.api.observability import ObservabilityMiddleware
from assistant.api.problems import PROBLEM, install_problem_handlers
from assistant.api.quotes import QuoteVerifier, quotes_router
from assistant.api.widget import widget_router
from assistant.chat.types import ChatEngine
from assistant.settings import Settings
from assistant.storage.store import SessionStore
from retrieval.filters import SearchFilters
from retrieval.search import MAX_TOP_K, Retriever

__all__ = ["PROBLEM", "create_app"]


class SearchResult(BaseModel):
    """One product in a search response (money as a decimal string)."""

    product_id: str
    title: str
    brand: str | None
    category: str | None
    price: str
    currency: str
    score: float


class SearchResponse(BaseModel):
    """The `bundlewise search --json` shape."""

    query: str
    results: list[SearchResult]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def create_app(
    retriever: Retriever | None = None,
    *,
    engine: ChatEngine | None = None,
    store: SessionStore | None = None,
    quote_verifier: QuoteVerifier | None = None,
    settings: Settings | None = None,
    clock: Callable[[], datetime] = _utc_now,
    reload_catalog: CatalogReloader | None = None,
    catalog_info: Callable[[], Mapping[str, Any]] | None = None,
    ui: bool = False,
) -> FastAPI:
    """The API over whichever parts are given.

    Args:
        retriever: warmed-up search (`/v1/search`, product count in `/healthz`).
        engine: the chat loop (`/v1/chat`, `/v1/chat/completions`, the UI).
        store: the session store (`/v1/quotes/.../accept`, `/v1/conversations/...`, `/v1/events`).
        quote_verifier: checks quote signatures; default: a `QuoteSigner` on the install's quote secret.
        settings: the API section configures keys, limits and the admin key; default: from the environment.
        clock: "now" for quote expiry and stored times (injectable for tests).
        reload_catalog: what `POST /v1/admin/catalog/reload` runs (501 when absent).
        catalog_info: facts about the served catalog for the UI's info panel.
        ui: mount the Gradio UI at `/ui` (needs `engine`; importing Gradio takes a few seconds).
    """
    settings = settings or Settings()
    metrics = ApiMetrics()
    policy = AccessPolicy(settings.api)
    admin = AdminGate(settings.api)  # refuses placeholder admin keys outside development

    app = FastAPI(title="Bundlewise", version=__version__, description="Conversational bundle assistant API")
    install_problem_handlers(app)

    def require_site_key(request: Request) -> None:
        request.state.site_key = policy.authorise(request).site_key

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        if retriever is None:
            return {"status": "ok"}
        catalog = retriever.catalog
        return {"status": "ok", "products": len(catalog), "catalog_hash": catalog.content_hash[:16]}

    @app.get("/metrics", include_in_schema=False)
    def prometheus_metrics() -> Response:
        return Response(metrics.render(), media_type=metrics.content_type)

    if retriever is not None:
        _add_search(app, retriever)
    if engine is not None:
        app.include_router(chat_router(engine, metrics, require_site_key))
        app.include_router(completions_router(engine, metrics, require_site_key))
    if store is not None:
        verifier = quote_verifier or _default_verifier(settings)
        app.include_router(quotes_router(store, verifier, clock, require_site_key))
        app.include_router(conversations_router(store, clock, require_site_key))
    app.include_router(admin_router(admin, reload_catalog))
    app.include_router(widget_router())

    # added innermost first: observability sees every response, CORS marks problem responses too
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.api.max_body_bytes)
    app.add_middleware(SiteCorsMiddleware, origin_allowed=policy.any_key_allows)
    app.add_middleware(ObservabilityMiddleware, metrics=metrics)

    if ui:
        if engine is None:
            raise ValueError("ui=True needs an engine")
        from assistant.api.ui import mount_ui

        app = mount_ui(app, engine, catalog_info=catalog_info)
    return app


def _default_verifier(settings: Settings) -> QuoteVerifier:
    from assistant.components import quote_secret
    from pricing.quotes import QuoteSigner

    return QuoteSigner(quote_secret(settings))


def _add_search(app: FastAPI, retriever: Retriever) -> None:
    @app.get("/v1/search", response_model=SearchResponse)
    def search(
        q: Annotated[str, Query(min_length=1, max_length=2000)],
        top_k: Annotated[int, Query(ge=1, le=MAX_TOP_K)] = 10,
        max_price: Decimal | None = None,
        min_price: Decimal | None = None,
        category: Annotated[list[str] | None, Query()] = None,
        brand: Annotated[list[str] | None, Query()] = None,
        exclude_brand: Annotated[list[str] | None, Query()] = None,
        in_stock: bool = False,
    ) -> SearchResponse:
        filters = SearchFilters(
            max_price=max_price,
            min_price=min_price,
            categories=tuple(category or ()),
            brands=tuple(brand or ()),
            exclude_brands=tuple(exclude_brand or ()),
            in_stock=in_stock,
        )
        hits = retriever.search(q, top_k=top_k, filters=filters)
        return SearchResponse(
            query=q,
            results=[
                SearchResult(
                    product_id=hit.product.id,
                    title=hit.product.title,
                    brand=hit.product.brand,
                    category=hit.product.category,
                    price=str(hit.product.price),
                    currency=hit.product.currency,
                    score=round(hit.score, 6),
                )
                for hit in hits
            ],
        )
