"""bedrock-runtime through boto3 with Claude: native Messages bodies, streams, errors, tokens."""

from __future__ import annotations

import json

import botocore.exceptions
import pytest

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"


def messages_body(text: str, **extra) -> str:
    body = {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 300,
            "messages": [{"role": "user", "content": text}]}
    body.update(extra)
    return json.dumps(body)


@pytest.fixture(scope="module")
def runtime(emulator):
    return emulator.client("bedrock-runtime")


def test_invoke_model_messages(runtime):
    response = runtime.invoke_model(modelId=CLAUDE, body=messages_body("How do bees make honey?"))
    answer = json.loads(response["body"].read())
    assert answer["type"] == "message" and answer["role"] == "assistant"
    assert answer["model"] == "claude-3-haiku-20240307"
    assert answer["id"].startswith("msg_bdrk_")
    assert answer["stop_reason"] == "end_turn"
    text = answer["content"][0]["text"]
    assert "honey" in text or "bees" in text
    headers = response["ResponseMetadata"]["HTTPHeaders"]
    assert int(headers["x-amzn-bedrock-input-token-count"]) == answer["usage"]["input_tokens"]
    assert int(headers["x-amzn-bedrock-output-token-count"]) == answer["usage"]["output_tokens"]
    assert int(headers["x-amzn-bedrock-invocation-latency"]) >= 0
    assert response["contentType"] == "application/json"


def test_same_request_same_bytes(runtime):
    body = messages_body("Describe the water cycle")
    first = runtime.invoke_model(modelId=CLAUDE, body=body)["body"].read()
    second = runtime.invoke_model(modelId=CLAUDE, body=body)["body"].read()
    assert first == second


def test_stream_matches_the_plain_answer(runtime):
    body = messages_body("Why do leaves change colour in autumn?")
    plain = json.loads(runtime.invoke_model(modelId=CLAUDE, body=body)["body"].read())
    chunks = [json.loads(event["chunk"]["bytes"])
              for event in runtime.invoke_model_with_response_stream(modelId=CLAUDE, body=body)["body"]]
    kinds = [c["type"] for c in chunks]
    assert kinds[0] == "message_start" and kinds[1] == "content_block_start"
    assert kinds[-3:] == ["content_block_stop", "message_delta", "message_stop"]
    text = "".join(c["delta"]["text"] for c in chunks if c["type"] == "content_block_delta")
    assert text == plain["content"][0]["text"]
    metrics = chunks[-1]["amazon-bedrock-invocationMetrics"]
    assert metrics["inputTokenCount"] == plain["usage"]["input_tokens"]
    assert metrics["outputTokenCount"] == plain["usage"]["output_tokens"]
    assert chunks[-2]["usage"]["output_tokens"] == plain["usage"]["output_tokens"]


def test_max_tokens_stops_early(runtime):
    answer = json.loads(runtime.invoke_model(modelId=CLAUDE, body=messages_body("Explain tides", max_tokens=5))["body"].read())
    assert answer["stop_reason"] == "max_tokens"
    assert answer["usage"]["output_tokens"] <= 5


def test_tool_use(runtime):
    tools = [{"name": "get_weather", "description": "Current weather for a city",
              "input_schema": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}}]
    answer = json.loads(runtime.invoke_model(
        modelId=CLAUDE, body=messages_body("What is the weather in Oslo?", tools=tools))["body"].read())
    assert answer["stop_reason"] == "tool_use"
    call = answer["content"][-1]
    assert call["type"] == "tool_use" and call["name"] == "get_weather"
    assert call["input"] == {"city": "Oslo"}
    assert call["id"].startswith("toolu_bdrk_")


def test_legacy_text_completion(runtime):
    body = json.dumps({"prompt": "\n\nHuman: Name a famous bridge\n\nAssistant:", "max_tokens_to_sample": 50})
    answer = json.loads(runtime.invoke_model(modelId="anthropic.claude-v2:1", body=body)["body"].read())
    assert answer["completion"].startswith(" ")
    assert answer["stop_reason"] in ("stop_sequence", "max_tokens")


@pytest.mark.parametrize("body,message", [
    (json.dumps({"anthropic_version": "bedrock-2023-05-31", "messages": [{"role": "user", "content": "hi"}]}),
     "Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again."),
    (messages_body("hi", temperature=1.5),
     "Malformed input request: #/temperature: 1.5 is not less or equal to 1, please reformat your input and try again."),
    (messages_body("hi", max_tokens=100000),
     "max_tokens: 100000 > 4096, which is the maximum allowed number of output tokens for claude-3-haiku-20240307"),
    ("not json", "Malformed input request"),
])
def test_bad_bodies(runtime, body, message):
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.invoke_model(modelId=CLAUDE, body=body)
    error = info.value.response["Error"]
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert error["Code"] == "ValidationException"
    assert error["Message"].startswith(message)


def test_unknown_model(runtime):
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.invoke_model(modelId="anthropic.claude-nonexistent-v9:0", body=messages_body("hi"))
    assert info.value.response["Error"] == {"Code": "ValidationException", "Message": "The provided model identifier is invalid."}


def test_inference_profile_and_arn(runtime):
    for model_id in ["us." + CLAUDE, f"arn:aws:bedrock:us-east-1::foundation-model/{CLAUDE}"]:
        answer = json.loads(runtime.invoke_model(modelId=model_id, body=messages_body("Name a planet"))["body"].read())
        assert answer["content"][0]["text"]


def test_count_tokens_agrees_with_usage(runtime):
    body = messages_body("Count the tokens of this sentence, please.")
    usage = json.loads(runtime.invoke_model(modelId=CLAUDE, body=body)["body"].read())["usage"]
    counted = runtime.count_tokens(modelId=CLAUDE, input={"invokeModel": {"body": body}})["inputTokens"]
    assert counted == usage["input_tokens"]
    conversed = runtime.count_tokens(modelId=CLAUDE, input={"converse": {
        "messages": [{"role": "user", "content": [{"text": "Count the tokens of this sentence, please."}]}]}})
    assert conversed["inputTokens"] == counted
