"""Converse and ConverseStream through boto3."""

from __future__ import annotations

import botocore.exceptions
import pytest

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"
WEATHER = {"toolSpec": {"name": "get_weather", "description": "Current weather for a city", "inputSchema": {"json": {
    "type": "object",
    "properties": {"city": {"type": "string"}, "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}},
    "required": ["city", "unit"]}}}}


@pytest.fixture(scope="module")
def runtime(emulator):
    return emulator.client("bedrock-runtime")


def user(text):
    return {"role": "user", "content": [{"text": text}]}


def test_converse_text(runtime):
    response = runtime.converse(modelId=CLAUDE, messages=[user("What makes sourdough bread rise?")],
                                system=[{"text": "You are a baker."}], inferenceConfig={"maxTokens": 200, "temperature": 0.2})
    assert response["stopReason"] == "end_turn"
    text = response["output"]["message"]["content"][0]["text"]
    assert "sourdough" in text or "bread" in text
    usage = response["usage"]
    assert usage["totalTokens"] == usage["inputTokens"] + usage["outputTokens"]
    assert isinstance(response["metrics"]["latencyMs"], int)


def test_converse_stream_order_and_text(runtime):
    request = dict(modelId=CLAUDE, messages=[user("What makes sourdough bread rise?")])
    plain = runtime.converse(**request)
    events = list(runtime.converse_stream(**request)["stream"])
    names = [next(iter(e)) for e in events]
    assert names[0] == "messageStart" and names[-2:] == ["messageStop", "metadata"]
    assert names[-3] == "contentBlockStop"
    text = "".join(e["contentBlockDelta"]["delta"]["text"] for e in events if "contentBlockDelta" in e)
    assert text == plain["output"]["message"]["content"][0]["text"]
    assert events[-1]["metadata"]["usage"] == plain["usage"]


def test_tool_round_trip(runtime):
    config = {"tools": [WEATHER]}
    first = runtime.converse(modelId=CLAUDE, messages=[user("What's the weather in Kyoto?")], toolConfig=config)
    assert first["stopReason"] == "tool_use"
    call = first["output"]["message"]["content"][-1]["toolUse"]
    assert call["name"] == "get_weather" and call["input"] == {"city": "Kyoto", "unit": "celsius"}
    second = runtime.converse(modelId=CLAUDE, toolConfig=config, messages=[
        user("What's the weather in Kyoto?"),
        first["output"]["message"],
        {"role": "user", "content": [{"toolResult": {"toolUseId": call["toolUseId"], "content": [{"json": {"temperature": 21}}]}}]},
    ])
    assert second["stopReason"] == "end_turn"
    assert "21" in second["output"]["message"]["content"][0]["text"]


def test_forced_tool_in_stream(runtime):
    events = list(runtime.converse_stream(
        modelId=CLAUDE, messages=[user("Tell me a joke")],
        toolConfig={"tools": [WEATHER], "toolChoice": {"tool": {"name": "get_weather"}}})["stream"])
    start = next(e["contentBlockStart"] for e in events if "contentBlockStart" in e)
    assert start["start"]["toolUse"]["name"] == "get_weather"
    assert any(e.get("messageStop", {}).get("stopReason") == "tool_use" for e in events)


def test_max_tokens_and_stop_sequences(runtime):
    short = runtime.converse(modelId=CLAUDE, messages=[user("Explain volcanoes")], inferenceConfig={"maxTokens": 4})
    assert short["stopReason"] == "max_tokens" and short["usage"]["outputTokens"] <= 4
    full = runtime.converse(modelId=CLAUDE, messages=[user("Explain volcanoes")])["output"]["message"]["content"][0]["text"]
    stopped = runtime.converse(modelId=CLAUDE, messages=[user("Explain volcanoes")],
                               inferenceConfig={"stopSequences": ["volcanoes"]},
                               additionalModelResponseFieldPaths=["/stop_sequence"])
    assert stopped["stopReason"] == "stop_sequence"
    assert stopped["additionalModelResponseFields"] == {"stop_sequence": "volcanoes"}
    assert full.startswith(stopped["output"]["message"]["content"][0]["text"])


@pytest.mark.parametrize("kwargs,message", [
    (dict(messages=[{"role": "assistant", "content": [{"text": "hi"}]}]), "A conversation must start with a user message."),
    (dict(messages=[user("a"), user("b")]), "A conversation must alternate between user and assistant roles."),
    (dict(messages=[user("a")], inferenceConfig={"maxTokens": 100000}), "The maximum tokens you requested exceeds the model limit of 4096."),
])
def test_converse_validation(runtime, kwargs, message):
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.converse(modelId=CLAUDE, **kwargs)
    assert info.value.response["Error"]["Code"] == "ValidationException"
    assert info.value.response["Error"]["Message"].startswith(message)


def test_converse_on_an_embedding_model_is_refused(runtime):
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.converse(modelId="amazon.titan-embed-text-v2:0", messages=[user("hi")])
    assert info.value.response["Error"]["Message"].startswith("This action doesn't support the model that you provided.")
