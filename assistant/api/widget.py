"""`GET /widget.js` (the embeddable chat bubble) and `GET /widget-demo` (a demo shop embedding it),
served from the package's static files."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, Response

STATIC = resources.files("assistant.api") / "static"


def widget_router() -> APIRouter:
    """The widget's routes (no site key: the script and demo page are public)."""
    router = APIRouter(tags=["widget"])
    script = (STATIC / "widget.js").read_text(encoding="utf-8")
    demo = (STATIC / "widget-demo.html").read_text(encoding="utf-8")

    @router.get("/widget.js", include_in_schema=False)
    def widget_js() -> Response:
        return Response(
            script,
            media_type="text/javascript; charset=utf-8",
            headers={"Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*"},
        )

    @router.get("/widget-demo", include_in_schema=False)
    def widget_demo() -> HTMLResponse:
        return HTMLResponse(demo)

    return router
