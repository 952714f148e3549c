"""LiteLLM's Bedrock provider, which signs and sends its own HTTP requests (httpx), not boto3.

`bedrock/<id>` picks the route LiteLLM prefers for the model (Converse for Claude 3),
`bedrock/converse/<id>` forces Converse and `bedrock/invoke/<id>` forces InvokeModel with the
family's native body. Only `aws_bedrock_runtime_endpoint` points it at the emulator.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from pydantic import BaseModel

from libsupport import (CLAUDE, CLAUDE_35, CLAUDE_37_US, CLAUDE_SONNET_45_US, CLAUDE_US, IMAGE_PROMPT, NOVA_LITE,
                        PNG_1X1, TITAN_EMBED_V2, WEATHER_PROMPT, WEATHER_RESULT, WEATHER_SCHEMA, check_schema,
                        cosine, mentions_prompt, no_network, offline)  # noqa: F401 (fixtures)

PROMPT = "How do glaciers carve valleys?"
MESSAGES = [{"role": "user", "content": PROMPT}]
ROUTES = ["bedrock/", "bedrock/converse/", "bedrock/invoke/"]
TOOLS = [{"type": "function", "function": {"name": "get_weather", "description": "Get the current weather for a city.",
                                           "parameters": WEATHER_SCHEMA}}]


@pytest.fixture(scope="module")
def litellm(offline):
    import litellm

    litellm.telemetry = False
    litellm.suppress_debug_info = True
    litellm.callbacks = []
    return litellm


@pytest.fixture
def complete(litellm, emulator):
    def call(model, messages=MESSAGES, **kwargs):
        kwargs.setdefault("max_tokens", 300)
        return litellm.completion(model=model, messages=messages, aws_bedrock_runtime_endpoint=emulator.url,
                                  aws_region_name="us-east-1", num_retries=0, **kwargs)
    return call


def check_usage(usage) -> None:
    assert usage.prompt_tokens > 0 and usage.completion_tokens > 0
    assert usage.prompt_tokens + usage.completion_tokens == usage.total_tokens


def collect(stream):
    pieces, usage, finish = [], None, None
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            pieces.append(chunk.choices[0].delta.content)
        if chunk.choices and chunk.choices[0].finish_reason:
            finish = chunk.choices[0].finish_reason
        if getattr(chunk, "usage", None):
            usage = chunk.usage
    return pieces, usage, finish


@pytest.mark.parametrize("route", ROUTES)
def test_completion(complete, route):
    response = complete(route + CLAUDE)
    text = response.choices[0].message.content
    assert text and mentions_prompt(text, PROMPT), text
    assert response.choices[0].finish_reason == "stop"
    check_usage(response.usage)


@pytest.mark.parametrize("route", ROUTES)
def test_streaming_matches_completion(complete, route):
    plain = complete(route + CLAUDE)
    pieces, usage, finish = collect(complete(route + CLAUDE, stream=True, stream_options={"include_usage": True}))
    assert len(pieces) >= 3
    assert "".join(pieces) == plain.choices[0].message.content
    assert finish == "stop"
    check_usage(usage)
    assert (usage.prompt_tokens, usage.completion_tokens) == (plain.usage.prompt_tokens, plain.usage.completion_tokens)


@pytest.mark.parametrize("route", ROUTES)
def test_system_message_and_max_tokens(complete, route):
    response = complete(route + CLAUDE, messages=[{"role": "system", "content": "You are a geologist."}, *MESSAGES],
                        max_tokens=6)
    assert response.choices[0].finish_reason == "length"
    assert 0 < response.usage.completion_tokens <= 6


@pytest.mark.parametrize("route", ["bedrock/", "bedrock/converse/"])
def test_inference_profile(complete, route):
    response = complete(route + CLAUDE_US)
    assert mentions_prompt(response.choices[0].message.content, PROMPT)


@pytest.mark.parametrize("route", ROUTES)
def test_tool_calls(complete, route):
    response = complete(route + CLAUDE, messages=[{"role": "user", "content": WEATHER_PROMPT}], tools=TOOLS)
    assert response.choices[0].finish_reason == "tool_calls"
    calls = response.choices[0].message.tool_calls
    assert len(calls) == 1 and calls[0].function.name == "get_weather" and calls[0].id
    args = json.loads(calls[0].function.arguments)
    check_schema(args, WEATHER_SCHEMA)
    assert args["city"] == "Oslo"


@pytest.mark.parametrize("route", ROUTES)
def test_streamed_tool_call(complete, route):
    plain = complete(route + CLAUDE, messages=[{"role": "user", "content": WEATHER_PROMPT}], tools=TOOLS)
    names, arguments, finish = [], "", None
    for chunk in complete(route + CLAUDE, messages=[{"role": "user", "content": WEATHER_PROMPT}], tools=TOOLS, stream=True):
        delta = chunk.choices[0].delta if chunk.choices else None
        for call in (delta.tool_calls or []) if delta else []:
            if call.function.name:
                names.append(call.function.name)
            arguments += call.function.arguments or ""
        if chunk.choices and chunk.choices[0].finish_reason:
            finish = chunk.choices[0].finish_reason
    assert names == ["get_weather"] and finish == "tool_calls"
    assert json.loads(arguments) == json.loads(plain.choices[0].message.tool_calls[0].function.arguments)


@pytest.mark.parametrize("route", ROUTES)
def test_tool_result_round_trip(complete, route):
    messages = [{"role": "user", "content": WEATHER_PROMPT}]
    first = complete(route + CLAUDE, messages=messages, tools=TOOLS)
    call = first.choices[0].message.tool_calls[0]
    messages += [
        {"role": "assistant", "content": None,
         "tool_calls": [{"id": call.id, "type": "function",
                         "function": {"name": call.function.name, "arguments": call.function.arguments}}]},
        {"role": "tool", "tool_call_id": call.id, "content": WEATHER_RESULT},
    ]
    final = complete(route + CLAUDE, messages=messages, tools=TOOLS)
    text = final.choices[0].message.content
    assert final.choices[0].finish_reason == "stop"
    assert "get_weather" in text and "21" in text, text


@pytest.mark.parametrize("route", ROUTES)
def test_forced_tool_choice(complete, route):
    # LiteLLM passes tool_choice on only for models its bundled model map marks
    # supports_tool_choice, which Claude 3 Haiku is not.
    response = complete(route + CLAUDE_35, messages=[{"role": "user", "content": "Tell me about Bergen."}],
                        tools=TOOLS, tool_choice={"type": "function", "function": {"name": "get_weather"}})
    calls = response.choices[0].message.tool_calls
    assert [c.function.name for c in calls] == ["get_weather"]
    check_schema(json.loads(calls[0].function.arguments), WEATHER_SCHEMA)


class Person(BaseModel):
    name: str
    age: int


PERSON_PROMPT = [{"role": "user", "content": "Read this note: our engineer Alice is 30 years old."}]


@pytest.mark.parametrize("route", ROUTES)
def test_response_format_through_a_tool(complete, route):
    # For Claude 3.5 Sonnet LiteLLM turns response_format into a forced tool call and returns
    # the tool input as the message content.
    response = complete(route + CLAUDE_35, messages=PERSON_PROMPT, response_format=Person)
    assert Person.model_validate_json(response.choices[0].message.content) == Person(name="Alice", age=30)


@pytest.mark.parametrize("route", ["bedrock/converse/", "bedrock/invoke/"])
def test_response_format_native(complete, route):
    # For Claude Sonnet 4.5 LiteLLM uses native structured output: Converse outputConfig.textFormat
    # or the Messages body's output_config.format. The answer is JSON text.
    response = complete(route + CLAUDE_SONNET_45_US, messages=PERSON_PROMPT, response_format=Person)
    assert Person.model_validate_json(response.choices[0].message.content) == Person(name="Alice", age=30)


@pytest.mark.parametrize("route", ROUTES)
def test_thinking(complete, route):
    kwargs = dict(max_tokens=3000, thinking={"type": "enabled", "budget_tokens": 1024})
    plain = complete(route + CLAUDE_37_US, **kwargs)
    message = plain.choices[0].message
    assert message.reasoning_content and mentions_prompt(message.content, PROMPT)
    assert plain.usage.completion_tokens_details.reasoning_tokens > 0
    reasoning, text = "", ""
    for chunk in complete(route + CLAUDE_37_US, stream=True, **kwargs):
        delta = chunk.choices[0].delta
        reasoning += getattr(delta, "reasoning_content", None) or ""
        text += delta.content or ""
    assert (reasoning, text) == (message.reasoning_content, message.content)


@pytest.mark.parametrize("route", ROUTES)
def test_image_input(complete, route):
    import base64

    content = [{"type": "text", "text": IMAGE_PROMPT},
               {"type": "image_url", "image_url": {"url": "data:image/png;base64," + base64.b64encode(PNG_1X1).decode()}}]
    response = complete(route + CLAUDE, messages=[{"role": "user", "content": content}])
    assert mentions_prompt(response.choices[0].message.content, IMAGE_PROMPT)
    text_only = complete(route + CLAUDE, messages=[{"role": "user", "content": IMAGE_PROMPT}])
    assert response.usage.prompt_tokens > text_only.usage.prompt_tokens


def test_async_completion_and_stream(litellm, emulator):
    async def run():
        kwargs = dict(messages=MESSAGES, aws_bedrock_runtime_endpoint=emulator.url, aws_region_name="us-east-1",
                      max_tokens=300, num_retries=0)
        plain = await litellm.acompletion(model="bedrock/converse/" + CLAUDE, **kwargs)
        stream = await litellm.acompletion(model="bedrock/converse/" + CLAUDE, stream=True, **kwargs)
        pieces = [c.choices[0].delta.content async for c in stream if c.choices and c.choices[0].delta.content]
        return plain, pieces

    plain, pieces = asyncio.run(run())
    assert len(pieces) >= 3 and "".join(pieces) == plain.choices[0].message.content


@pytest.mark.parametrize("route", ["bedrock/", "bedrock/converse/", "bedrock/invoke/"])
def test_nova(complete, route):
    plain = complete(route + NOVA_LITE)
    assert mentions_prompt(plain.choices[0].message.content, PROMPT)
    check_usage(plain.usage)
    pieces, usage, _ = collect(complete(route + NOVA_LITE, stream=True, stream_options={"include_usage": True}))
    assert "".join(pieces) == plain.choices[0].message.content
    check_usage(usage)


def test_embedding(litellm, emulator):
    texts = ["How do I bake sourdough bread at home?",
             "Baking sourdough bread at home needs a starter and a hot oven.",
             "The central bank raised interest rates by a quarter point."]
    response = litellm.embedding(model="bedrock/" + TITAN_EMBED_V2, input=texts,
                                 aws_bedrock_runtime_endpoint=emulator.url, aws_region_name="us-east-1")
    vectors = [item["embedding"] for item in response.data]
    assert len(vectors) == 3 and all(len(v) == 1024 for v in vectors)
    assert cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.1
    assert response.usage.prompt_tokens > 0
