"""The Gradio UI at `/ui`: chat with streamed replies, the bundles beside it as a table, conversation
reset and catalog info. It calls the same `ChatEngine` as the HTTP API (in-process, no site key)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from fastapi import FastAPI

from assistant.chat.types import ChatEngine
from assistant.errors import BundlewiseError, ConfigurationError

UI_PATH = "/ui"
BUNDLE_COLUMNS = ["bundle", "items", "price", "list price", "savings", "currency", "why"]

History = list[dict[str, str]]
Table = list[list[str]]


def bundle_rows(bundles: list[dict[str, Any]]) -> Table:
    """One table row per bundle (money as the API's decimal strings)."""
    return [
        [
            bundle["label"],
            "; ".join(item["title"] for item in bundle["items"]),
            bundle["bundle_price"],
            bundle["list_price"],
            bundle["savings"],
            bundle["currency"],
            bundle.get("explanation", ""),
        ]
        for bundle in bundles
    ]


class ChatSession:
    """The UI's conversation logic, free of Gradio so it can be tested directly."""

    def __init__(self, engine: ChatEngine) -> None:
        self._engine = engine

    def respond(
        self, message: str, history: History | None, conversation_id: str | None
    ) -> Iterator[tuple[History, Table, str | None, str]]:
        """Stream one turn: (chat history, bundle table, conversation id, cleared input box) per event."""
        history = [*(history or []), {"role": "user", "content": message}]
        if not message.strip():
            yield history, [], conversation_id, ""
            return
        answer = {"role": "assistant", "content": ""}
        history.append(answer)
        bundles: list[dict[str, Any]] = []
        try:
            for event in self._engine.stream(message, conversation_id=conversation_id or None):
                if event.kind in {"bundles", "done"}:
                    conversation_id = event.data.get("conversation_id", conversation_id)
                    answer["content"] = str(event.data.get("reply", ""))
                    bundles = [dict(bundle) for bundle in event.data.get("bundles", [])]
                elif event.kind == "delta":
                    index = int(event.data.get("bundle_index", 0))
                    if index < len(bundles):
                        bundles[index]["explanation"] = (
                            bundles[index].get("explanation", "") + event.data["text"]
                        )
                yield history, bundle_rows(bundles), conversation_id, ""
        except BundlewiseError as error:
            if error.status == 404:
                conversation_id = None  # the conversation is gone: the next message starts a new one
            answer["content"] = f"Sorry: {error.detail}"
            yield history, bundle_rows(bundles), conversation_id, ""

    @staticmethod
    def reset() -> tuple[History, Table, None, str]:
        """A fresh conversation."""
        return [], [], None, ""


def build_blocks(engine: ChatEngine, catalog_info: Callable[[], Mapping[str, Any]] | None = None) -> Any:
    """The Gradio Blocks app (imported lazily: Gradio takes seconds to import)."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # the UI never phones home
    try:
        import gradio as gr
    except ImportError as error:  # pragma: no cover - gradio is a core dependency
        raise ConfigurationError("the UI needs gradio: pip install gradio") from error

    session = ChatSession(engine)
    info = dict(catalog_info()) if catalog_info is not None else {}
    info_text = "\n".join(f"- **{name}**: {value}" for name, value in info.items()) or "Demo catalog."

    with gr.Blocks(title="Bundlewise") as blocks:
        gr.Markdown("# Bundlewise\nTell me what you are shopping for; I build and price bundles.")
        conversation = gr.State(None)
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Conversation", height=460)
                message = gr.Textbox(label="Message", placeholder="a phone for photography under $900")
                with gr.Row():
                    send = gr.Button("Send", variant="primary")
                    reset = gr.Button("New conversation")
            with gr.Column(scale=4):
                table = gr.Dataframe(headers=BUNDLE_COLUMNS, label="Bundles", wrap=True, interactive=False)
                with gr.Accordion("Catalog", open=False):
                    gr.Markdown(info_text)
        outputs = [chatbot, table, conversation, message]
        inputs = [message, chatbot, conversation]
        send.click(session.respond, inputs, outputs, api_name="chat")
        message.submit(session.respond, inputs, outputs, api_visibility="private")
        reset.click(session.reset, None, outputs, api_name="reset")
    return blocks


def mount_ui(
    app: FastAPI, engine: ChatEngine, *, catalog_info: Callable[[], Mapping[str, Any]] | None = None
) -> FastAPI:
    """`app` with the UI mounted at `/ui`."""
    blocks = build_blocks(engine, catalog_info)
    import gradio as gr

    mounted: FastAPI = gr.mount_gradio_app(app, blocks, path=UI_PATH)
    return mounted
