"""ONNX export and sessions shared by the encoders that serve short inputs on CPU (queries, chat messages).

ONNX Runtime runs one MiniLM forward pass about 2.5-3x faster than eager torch on 2 CPU cores with the
same outputs (to ~1e-5). Exports are written once, atomically, into the cache under a content key, so a
concurrent start sees a whole file or none.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.errors import ConfigurationError

OPSET = 17


def onnx_available() -> bool:
    """True when both the exporter's `onnx` and `onnxruntime` import."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def cached_export(target: Path, export: Callable[[Path], None]) -> Path:
    """`target`, written by `export(staging_path)` first when missing (atomic rename into place)."""
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, staging = tempfile.mkstemp(dir=target.parent, suffix=".onnx.tmp")
    os.close(handle)
    try:
        export(Path(staging))
        Path(staging).replace(target)
    except Exception as error:
        Path(staging).unlink(missing_ok=True)
        raise ConfigurationError(f"could not export {target.name} to ONNX: {error}") from error
    return target


def export_module(
    module: Any,
    sample: Mapping[str, Any],
    path: Path,
    *,
    input_names: Sequence[str],
    output_axes: Mapping[str, Mapping[int, str]],
) -> None:
    """Trace `module` (positional inputs in `input_names` order) with batch and token axes dynamic."""
    import torch

    dynamic: dict[str, Mapping[int, str]] = {name: {0: "batch", 1: "tokens"} for name in input_names}
    dynamic.update(output_axes)
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the TorchScript exporter's deprecation and tracer notes
        torch.onnx.export(
            module.eval(),
            tuple(sample[name] for name in input_names),
            str(path),
            input_names=list(input_names),
            output_names=list(output_axes),
            dynamic_axes=dynamic,
            opset_version=OPSET,
            dynamo=False,
        )


class OnnxSession:
    """One CPU session (`threads` intra-op threads); `run` takes and gives numpy arrays."""

    def __init__(self, model_file: Path, *, threads: int = 1) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
        self._inputs = [node.name for node in self._session.get_inputs()]

    def run(self, feeds: Mapping[str, Any]) -> list[npt.NDArray[np.float32]]:
        """Outputs in export order; feeds may hold torch tensors or numpy arrays."""
        arrays = {name: np.asarray(_numpy(feeds[name])) for name in self._inputs}
        outputs: list[npt.NDArray[np.float32]] = self._session.run(None, arrays)
        return outputs


def _numpy(value: Any) -> Any:
    return value.numpy() if hasattr(value, "numpy") else value
