"""Every model family's native InvokeModel body, through boto3: request in the family's own
format, response and stream chunks in its own format, token counts that agree."""

from __future__ import annotations

import base64
import json
import struct

import pytest

# (model id, request body, a check of the response body, what the stream's text is made of)
CHAT = [
    ("amazon.titan-text-express-v1",
     {"inputText": "Tell me about lighthouses", "textGenerationConfig": {"maxTokenCount": 200}},
     lambda r: r["results"][0]["outputText"] and r["results"][0]["completionReason"] == "FINISH",
     lambda c: c.get("outputText", "")),
    ("amazon.nova-lite-v1:0",
     {"schemaVersion": "messages-v1", "messages": [{"role": "user", "content": [{"text": "Tell me about lighthouses"}]}],
      "inferenceConfig": {"max_new_tokens": 200}},
     lambda r: r["output"]["message"]["content"][0]["text"] and r["stopReason"] == "end_turn",
     lambda c: c.get("contentBlockDelta", {}).get("delta", {}).get("text", "")),
    ("meta.llama3-70b-instruct-v1:0",
     {"prompt": "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nTell me about lighthouses<|eot_id|>"
                "<|start_header_id|>assistant<|end_header_id|>\n\n", "max_gen_len": 200},
     lambda r: r["generation"] and r["stop_reason"] == "stop" and r["prompt_token_count"] > 0,
     lambda c: c.get("generation", "")),
    ("mistral.mistral-7b-instruct-v0:2",
     {"prompt": "<s>[INST] Tell me about lighthouses [/INST]", "max_tokens": 200},
     lambda r: r["outputs"][0]["text"] and r["outputs"][0]["stop_reason"] == "stop",
     lambda c: c["outputs"][0]["text"]),
    ("mistral.mistral-large-2407-v1:0",
     {"messages": [{"role": "user", "content": "Tell me about lighthouses"}], "max_tokens": 200},
     lambda r: r["choices"][0]["message"]["content"] and r["choices"][0]["stop_reason"] == "stop",
     None),
    ("cohere.command-text-v14",
     {"prompt": "Tell me about lighthouses", "max_tokens": 200},
     lambda r: r["generations"][0]["text"] and r["generations"][0]["finish_reason"] == "COMPLETE",
     lambda c: c.get("text", "") if not c.get("is_finished") else ""),
    ("cohere.command-r-v1:0",
     {"message": "Tell me about lighthouses", "max_tokens": 200},
     lambda r: r["text"] and r["finish_reason"] == "COMPLETE",
     lambda c: c.get("text", "") if c.get("event_type") == "text-generation" else ""),
    ("ai21.j2-mid-v1",
     {"prompt": "Tell me about lighthouses", "maxTokens": 200},
     lambda r: r["completions"][0]["data"]["text"] and r["completions"][0]["finishReason"]["reason"] == "endoftext",
     None),
    ("ai21.jamba-1-5-mini-v1:0",
     {"messages": [{"role": "user", "content": "Tell me about lighthouses"}], "max_tokens": 200},
     lambda r: r["choices"][0]["message"]["content"] and r["usage"]["total_tokens"] > 0,
     lambda c: c["choices"][0]["delta"].get("content") or ""),
    ("us.deepseek.r1-v1:0",
     {"prompt": "<｜begin▁of▁sentence｜><｜User｜>Tell me about lighthouses<｜Assistant｜><think>\n", "max_tokens": 2000},
     lambda r: "</think>" in r["choices"][0]["text"] and r["choices"][0]["stop_reason"] == "stop",
     lambda c: c["choices"][0]["text"]),
]


@pytest.fixture(scope="module")
def runtime(emulator):
    return emulator.client("bedrock-runtime")


def invoke(runtime, model, body):
    response = runtime.invoke_model(modelId=model, body=json.dumps(body))
    return json.loads(response["body"].read()), response["ResponseMetadata"]["HTTPHeaders"]


@pytest.mark.parametrize("model,body,check,piece", CHAT, ids=[c[0] for c in CHAT])
def test_text_family(runtime, model, body, check, piece):
    answer, headers = invoke(runtime, model, body)
    assert check(answer), answer
    assert int(headers["x-amzn-bedrock-output-token-count"]) > 0
    assert invoke(runtime, model, body)[0] == answer  # deterministic
    if piece is None:
        return
    chunks = [json.loads(e["chunk"]["bytes"]) for e in
              runtime.invoke_model_with_response_stream(modelId=model, body=json.dumps(body))["body"]]
    assert len(chunks) > 1
    metrics = chunks[-1]["amazon-bedrock-invocationMetrics"]
    assert metrics["inputTokenCount"] == int(headers["x-amzn-bedrock-input-token-count"])
    assert metrics["outputTokenCount"] == int(headers["x-amzn-bedrock-output-token-count"])
    assert "".join(piece(c) for c in chunks).strip()


def test_jurassic_does_not_stream(runtime):
    with pytest.raises(runtime.exceptions.ValidationException):
        runtime.invoke_model_with_response_stream(modelId="ai21.j2-mid-v1", body=json.dumps({"prompt": "hi"}))


def cosine(a, b):
    dot = sum(x * y for x, y in zip(a, b))
    return dot / ((sum(x * x for x in a) ** 0.5) * (sum(y * y for y in b) ** 0.5))


def test_titan_embeddings_v2(runtime):
    def embed(text, **extra):
        return invoke(runtime, "amazon.titan-embed-text-v2:0", {"inputText": text, **extra})[0]
    answer = embed("reset my password", dimensions=256, embeddingTypes=["float", "binary"])
    assert len(answer["embedding"]) == 256 and answer["inputTextTokenCount"] > 0
    assert set(answer["embeddingsByType"]["binary"]) <= {0, 1}
    assert abs(sum(x * x for x in answer["embedding"]) - 1) < 1e-3
    query = embed("How do I reset my password?")["embedding"]
    related = embed("To reset your password open the account settings.")["embedding"]
    unrelated = embed("Penguins live in Antarctica and eat fish.")["embedding"]
    assert len(query) == 1024
    assert cosine(query, related) > cosine(query, unrelated) + 0.2


def test_titan_embeddings_v1_and_image(runtime):
    assert len(invoke(runtime, "amazon.titan-embed-text-v1", {"inputText": "hello"})[0]["embedding"]) == 1536
    image = invoke(runtime, "amazon.titan-embed-image-v1",
                   {"inputText": "a red bicycle", "embeddingConfig": {"outputEmbeddingLength": 384}})[0]
    assert len(image["embedding"]) == 384


def test_cohere_embed_and_rerank(runtime):
    answer = invoke(runtime, "cohere.embed-english-v3", {"texts": ["one", "two"], "input_type": "search_document"})[0]
    assert len(answer["embeddings"]) == 2 and len(answer["embeddings"][0]) == 1024
    typed = invoke(runtime, "cohere.embed-english-v3",
                   {"texts": ["one"], "input_type": "search_query", "embedding_types": ["float", "int8"]})[0]
    assert typed["response_type"] == "embeddings_by_type" and set(typed["embeddings"]) == {"float", "int8"}
    ranked = invoke(runtime, "cohere.rerank-v3-5:0", {
        "query": "password reset", "api_version": 2,
        "documents": ["Penguins eat fish.", "How to reset a forgotten password.", "Tea is a drink."]})[0]
    assert ranked["results"][0]["index"] == 1


def png_size(data: bytes):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("model,body,images,size", [
    ("amazon.titan-image-generator-v2:0",
     {"taskType": "TEXT_IMAGE", "textToImageParams": {"text": "a lighthouse at dusk"},
      "imageGenerationConfig": {"numberOfImages": 2, "width": 512, "height": 512}},
     lambda r: r["images"], (512, 512)),
    ("amazon.nova-canvas-v1:0",
     {"taskType": "TEXT_IMAGE", "textToImageParams": {"text": "a lighthouse at dusk"},
      "imageGenerationConfig": {"numberOfImages": 1, "width": 640, "height": 384}},
     lambda r: r["images"], (640, 384)),
    ("stability.stable-diffusion-xl-v1",
     {"text_prompts": [{"text": "a lighthouse at dusk"}], "width": 1024, "height": 1024},
     lambda r: [a["base64"] for a in r["artifacts"]], (1024, 1024)),
    ("stability.sd3-5-large-v1:0", {"prompt": "a lighthouse at dusk", "aspect_ratio": "1:1"},
     lambda r: r["images"], (1024, 1024)),
])
def test_image_families(runtime, model, body, images, size):
    answer = invoke(runtime, model, body)[0]
    pictures = [base64.b64decode(i) for i in images(answer)]
    assert pictures and all(png_size(p) == size for p in pictures)
    assert invoke(runtime, model, body)[0] == answer


def test_image_models_do_not_stream(runtime):
    with pytest.raises(runtime.exceptions.ValidationException):
        runtime.invoke_model_with_response_stream(
            modelId="amazon.titan-image-generator-v2:0",
            body=json.dumps({"taskType": "TEXT_IMAGE", "textToImageParams": {"text": "x"}}))


def test_converse_on_every_text_family(runtime, emulator):
    models = emulator.client("bedrock").list_foundation_models(byOutputModality="TEXT")["modelSummaries"]
    seen = set()
    for model in models:
        details = model["modelId"]
        if "ON_DEMAND" not in model["inferenceTypesSupported"]:
            continue
        try:
            response = runtime.converse(modelId=details, messages=[{"role": "user", "content": [{"text": "Describe rivers"}]}])
        except runtime.exceptions.ValidationException as e:
            # Only models without Converse (rerank, speech) may refuse.
            assert "doesn't support the model" in str(e), (details, e)
            continue
        assert response["output"]["message"]["content"][0]["text"], details
        seen.add(details.split(".")[0])
    assert {"anthropic", "amazon", "meta", "mistral", "cohere", "ai21"} <= seen
