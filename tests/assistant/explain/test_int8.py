"""Weight-only int8 linear layers: close to float32, same shapes, bias kept, every layer replaced."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from assistant.errors import ConfigurationError
from assistant.explain.int8 import Int8WeightLinear, quantised_int8
from assistant.explain.smollm import SmolLMChatModel


@pytest.mark.parametrize("bias", [False, True])
def test_matches_the_float_layer_within_int8_rounding(bias: bool) -> None:
    torch.manual_seed(0)
    linear = torch.nn.Linear(64, 48, bias=bias)
    x = torch.randn(2, 5, 64)
    expected = linear(x)
    got = Int8WeightLinear(linear)(x)
    assert got.shape == expected.shape and got.dtype == torch.float32
    error = (got - expected).abs().max() / expected.abs().max()
    assert error < 0.02  # int8 weights and bf16 activations: about 2-3 significant digits


def test_weights_are_stored_as_int8_with_one_scale_per_row() -> None:
    layer = Int8WeightLinear(torch.nn.Linear(16, 8, bias=False))
    assert layer.weight_int8.dtype == torch.int8 and layer.weight_int8.shape == (8, 16)
    assert layer.scales.shape == (8,)
    assert int(layer.weight_int8.abs().max()) == 127  # the largest weight of some row uses the full range


def test_every_linear_layer_is_replaced_and_others_are_kept() -> None:
    model = torch.nn.Sequential(
        torch.nn.Linear(8, 8), torch.nn.ReLU(), torch.nn.Sequential(torch.nn.Linear(8, 4))
    )
    quantised_int8(model)
    assert isinstance(model[0], Int8WeightLinear) and isinstance(model[2][0], Int8WeightLinear)
    assert isinstance(model[1], torch.nn.ReLU)
    assert not any(isinstance(m, torch.nn.Linear) for m in model.modules())


def test_a_torch_without_the_kernel_is_a_configuration_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(torch, "_weight_int8pack_mm")
    with pytest.raises(ConfigurationError, match=r"explainer\.quantize=none"):
        quantised_int8(torch.nn.Sequential(torch.nn.Linear(4, 4)))


def test_a_quantised_model_cannot_be_fine_tuned(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="cannot be fine-tuned"):
        SmolLMChatModel(cache_dir=tmp_path, quantize="int8").model_for_training()
