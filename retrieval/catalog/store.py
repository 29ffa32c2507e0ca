"""Imported catalogs kept on disk and swapped in atomically.

An import validates the whole file first, then writes a normalised copy and finally replaces the
`current.json` pointer with `os.replace`, so a crash or a bad file leaves the last good catalog (and the
index keyed by its content hash) in service.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from retrieval.catalog.loader import load_catalog
from retrieval.catalog.schema import Catalog


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` so readers see either the old or the new file, never a torn one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(0o644)  # mkstemp makes files private; these are ordinary data files
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class CatalogStore:
    """The shop's imported catalogs under `root`, with one of them current."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def _pointer(self) -> Path:
        return self.root / "current.json"

    def import_file(self, path: str | Path) -> Catalog:
        """Validate `path` completely, store it and make it current; raises `CatalogError` untouched."""
        catalog = load_catalog(path)  # raises before anything is written
        target = self.root / "catalogs" / f"{catalog.content_hash}.jsonl"
        if not target.exists():
            lines = (json.dumps(p.to_record(), ensure_ascii=False) for p in catalog)
            write_atomically(target, ("\n".join(lines) + "\n").encode("utf-8"))
        pointer = {"file": target.name, "content_hash": catalog.content_hash, "source": str(path)}
        write_atomically(self._pointer, json.dumps(pointer, indent=2).encode("utf-8"))
        return catalog

    def current_path(self) -> Path | None:
        """File of the current imported catalog, or None when nothing was imported."""
        try:
            pointer = json.loads(self._pointer.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        return self.root / "catalogs" / str(pointer["file"])
