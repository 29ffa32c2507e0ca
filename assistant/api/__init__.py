"""HTTP API (FastAPI) over the assistant's stages."""
