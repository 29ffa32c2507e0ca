"""FastAPI application: health, catalog info and product search; errors as RFC 9457 problem JSON."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant import __version__
from assistant.errors import BundlewiseError
from retrieval.filters import SearchFilters
from retrieval.search import MAX_TOP_K, Retriever

PROBLEM = "application/problem+json"


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


def create_app(retriever: Retriever) -> FastAPI:
    """The API over a warmed-up `retriever`."""
    app = FastAPI(title="Bundlewise", version=__version__, description="Conversational bundle assistant API")
    _install_problem_handlers(app)

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        catalog = retriever.catalog
        return {"status": "ok", "products": len(catalog), "catalog_hash": catalog.content_hash[:16]}

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

    return app


def _install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(BundlewiseError)
    async def bundlewise_error(_: Request, error: BundlewiseError) -> JSONResponse:
        return JSONResponse(error.to_problem(), status_code=error.status, media_type=PROBLEM)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, error: RequestValidationError) -> JSONResponse:
        detail = "; ".join(
            f"{'.'.join(str(part) for part in issue['loc'])}: {issue['msg']}" for issue in error.errors()
        )
        body = {"type": "invalid-input", "title": "Invalid input", "status": 422, "detail": detail}
        return JSONResponse(body, status_code=422, media_type=PROBLEM)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        body = {
            "type": "http-error",
            "title": str(error.detail),
            "status": error.status_code,
            "detail": str(error.detail),
        }
        return JSONResponse(body, status_code=error.status_code, media_type=PROBLEM)

    @app.exception_handler(Exception)
    async def unexpected_error(_: Request, __: Exception) -> JSONResponse:
        body = {
            "type": "internal-error",
            "title": "Internal error",
            "status": 500,
            "detail": "unexpected error",
        }
        return JSONResponse(body, status_code=500, media_type=PROBLEM)
