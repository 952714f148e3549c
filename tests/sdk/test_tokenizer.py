"""The emulator's token counts against a real BPE tokenizer on English prose: Claude's
tokenizer file, as LiteLLM (a pinned test dependency) bundles it, read with `tokenizers`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PROSE = [
    "Amazon Bedrock is a fully managed service that offers a choice of high-performing foundation models "
    "from leading AI companies through a single API, along with a broad set of capabilities you need to build "
    "generative AI applications with security, privacy, and responsible AI.",
    "The quick brown fox jumps over the lazy dog. It was the best of times, it was the worst of times, "
    "it was the age of wisdom, it was the age of foolishness.",
    "In 1969, Neil Armstrong and Buzz Aldrin landed on the Moon aboard the Apollo 11 lunar module, while "
    "Michael Collins orbited above in the command module Columbia.",
    "Photosynthesis is the process by which green plants and some other organisms use sunlight to synthesize "
    "foods from carbon dioxide and water. It generally involves the green pigment chlorophyll and generates "
    "oxygen as a byproduct.",
    "Please summarize the attached quarterly report, highlighting revenue growth, operating margins, and any "
    "risks the management team identified for the coming year.",
    "Rivers shape the land they cross. Over thousands of years they carve valleys, carry sediment to the sea, "
    "and build fertile plains where farming communities have settled since ancient times.",
    "When you deploy the application, make sure the configuration file points at the right database, that the "
    "credentials are stored securely, and that the service restarts automatically after a failure.",
]


@pytest.fixture(scope="module")
def bpe():
    tokenizers = pytest.importorskip("tokenizers")
    import litellm.litellm_core_utils as utils
    path = Path(list(utils.__path__)[0]) / "tokenizers" / "anthropic_tokenizer.json"
    return tokenizers.Tokenizer.from_file(str(path))


def test_counts_are_close_to_bpe(emulator, bpe):
    runtime = emulator.client("bedrock-runtime")
    total_bpe = total_emulator = 0
    for text in PROSE:
        expected = len(bpe.encode(text).ids)
        answer = json.loads(runtime.invoke_model(
            modelId="amazon.titan-embed-text-v2:0", body=json.dumps({"inputText": text}))["body"].read())
        counted = answer["inputTextTokenCount"]
        assert abs(counted - expected) <= 0.2 * expected, (text, counted, expected)
        total_bpe += expected
        total_emulator += counted
    assert abs(total_emulator - total_bpe) <= 0.1 * total_bpe, (total_emulator, total_bpe)
