"""Operator endpoints behind the admin key: `POST /v1/admin/catalog/reload`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from fastapi import APIRouter, Depends, Request

from assistant.api.access import AdminGate
from assistant.api.problems import NotImplementedHereError

CatalogReloader = Callable[[], Mapping[str, Any]]


def admin_router(gate: AdminGate, reload_catalog: CatalogReloader | None) -> APIRouter:
    """Admin routes; reload answers 501 when the server was built without a reloader."""
    router = APIRouter(tags=["admin"])

    def require_admin(request: Request) -> None:
        gate.authorise(request)

    @router.post("/v1/admin/catalog/reload", dependencies=[Depends(require_admin)])
    def reload() -> dict[str, Any]:
        if reload_catalog is None:
            raise NotImplementedHereError("this server was started without a catalog reloader")
        return {"status": "reloaded", **reload_catalog()}

    return router
