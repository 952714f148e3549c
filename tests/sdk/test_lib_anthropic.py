"""Anthropic's own SDK (`anthropic[bedrock]`) through its AnthropicBedrock client.

The client signs with SigV4 and posts Messages bodies to `/model/{id}/invoke` and
`/model/{id}/invoke-with-response-stream`, decoding the event stream itself; it is pointed
at the emulator with `base_url` only.
"""

from __future__ import annotations

import asyncio

import pytest

from pydantic import BaseModel

from libsupport import (CLAUDE, CLAUDE_37_US, CLAUDE_SONNET_45_US, CLAUDE_US, IMAGE_PROMPT, PNG_1X1, WEATHER_PROMPT,
                        WEATHER_RESULT, WEATHER_SCHEMA, check_schema, mentions_prompt, no_network,
                        offline)  # noqa: F401 (fixtures)

PROMPT = "How do bees make honey?"
MESSAGES = [{"role": "user", "content": PROMPT}]
TOOLS = [{"name": "get_weather", "description": "Get the current weather for a city.", "input_schema": WEATHER_SCHEMA}]


@pytest.fixture(scope="module")
def anthropic(offline):
    import anthropic

    return anthropic


def client_kwargs(emulator) -> dict:
    return dict(base_url=emulator.url, aws_access_key="test", aws_secret_key="test",
                aws_region="us-east-1", max_retries=0, timeout=30)


@pytest.fixture(scope="module")
def client(anthropic, emulator):
    return anthropic.AnthropicBedrock(**client_kwargs(emulator))


def check_usage(usage) -> None:
    assert usage.input_tokens > 0 and usage.output_tokens > 0


def test_messages_create(client):
    message = client.messages.create(model=CLAUDE, max_tokens=300, messages=MESSAGES)
    assert message.type == "message" and message.role == "assistant"
    assert message.id.startswith("msg_bdrk_")
    assert message.model == "claude-3-haiku-20240307"
    assert message.stop_reason == "end_turn" and message.stop_sequence is None
    assert [b.type for b in message.content] == ["text"]
    assert mentions_prompt(message.content[0].text, PROMPT), message.content[0].text
    check_usage(message.usage)


def test_raw_response_headers(client):
    raw = client.messages.with_raw_response.create(model=CLAUDE, max_tokens=300, messages=MESSAGES)
    message = raw.parse()
    assert int(raw.headers["x-amzn-bedrock-input-token-count"]) == message.usage.input_tokens
    assert int(raw.headers["x-amzn-bedrock-output-token-count"]) == message.usage.output_tokens
    assert raw.headers["x-amzn-requestid"]


def test_system_prompt_and_stop_sequence(client):
    plain = client.messages.create(model=CLAUDE, max_tokens=300, system="You are a beekeeper.", messages=MESSAGES)
    text = plain.content[0].text
    stop = text.split()[3]
    cut = client.messages.create(model=CLAUDE, max_tokens=300, system="You are a beekeeper.",
                                 messages=MESSAGES, stop_sequences=[stop])
    assert cut.stop_reason == "stop_sequence" and cut.stop_sequence == stop
    assert text.startswith(cut.content[0].text)
    assert len(cut.content[0].text) < len(text)


def test_max_tokens(client):
    message = client.messages.create(model=CLAUDE, max_tokens=5, messages=MESSAGES)
    assert message.stop_reason == "max_tokens"
    assert 0 < message.usage.output_tokens <= 5


def test_inference_profile(client):
    message = client.messages.create(model=CLAUDE_US, max_tokens=300, messages=MESSAGES)
    assert mentions_prompt(message.content[0].text, PROMPT)


def test_messages_stream_matches_create(client):
    plain = client.messages.create(model=CLAUDE, max_tokens=300, messages=MESSAGES)
    with client.messages.stream(model=CLAUDE, max_tokens=300, messages=MESSAGES) as stream:
        pieces = list(stream.text_stream)
        final = stream.get_final_message()
    assert len(pieces) >= 3
    assert "".join(pieces) == plain.content[0].text == final.content[0].text
    assert final.id == plain.id and final.stop_reason == "end_turn"
    assert final.usage.input_tokens == plain.usage.input_tokens
    assert final.usage.output_tokens == plain.usage.output_tokens


def test_create_stream_true_events(client):
    events = list(client.messages.create(model=CLAUDE, max_tokens=300, messages=MESSAGES, stream=True))
    kinds = [e.type for e in events]
    assert kinds[:2] == ["message_start", "content_block_start"]
    assert kinds[-3:] == ["content_block_stop", "message_delta", "message_stop"]
    assert kinds.count("content_block_delta") >= 3
    assert events[0].message.usage.input_tokens > 0
    assert events[-2].delta.stop_reason == "end_turn" and events[-2].usage.output_tokens > 0


def test_tool_use(client):
    message = client.messages.create(model=CLAUDE, max_tokens=300, tools=TOOLS,
                                     messages=[{"role": "user", "content": WEATHER_PROMPT}])
    assert message.stop_reason == "tool_use"
    call = message.content[-1]
    assert call.type == "tool_use" and call.name == "get_weather"
    assert call.id.startswith("toolu_bdrk_")
    check_schema(call.input, WEATHER_SCHEMA)
    assert call.input["city"] == "Oslo"


def test_forced_tool_choice(client):
    message = client.messages.create(model=CLAUDE, max_tokens=300, tools=TOOLS,
                                     tool_choice={"type": "tool", "name": "get_weather"},
                                     messages=[{"role": "user", "content": "Tell me about Bergen."}])
    assert [b.type for b in message.content] == ["tool_use"]
    assert message.content[0].name == "get_weather"
    check_schema(message.content[0].input, WEATHER_SCHEMA)


def test_streamed_tool_use_matches_create(client):
    kwargs = dict(model=CLAUDE, max_tokens=300, tools=TOOLS, messages=[{"role": "user", "content": WEATHER_PROMPT}])
    plain = client.messages.create(**kwargs)
    with client.messages.stream(**kwargs) as stream:
        partials = [e.delta.partial_json for e in stream if e.type == "content_block_delta" and e.delta.type == "input_json_delta"]
        final = stream.get_final_message()
    assert partials
    assert final.stop_reason == "tool_use"
    assert [(b.type, getattr(b, "name", None), getattr(b, "input", None), getattr(b, "id", None)) for b in final.content] == \
        [(b.type, getattr(b, "name", None), getattr(b, "input", None), getattr(b, "id", None)) for b in plain.content]


def test_tool_result_round_trip(client):
    messages = [{"role": "user", "content": WEATHER_PROMPT}]
    first = client.messages.create(model=CLAUDE, max_tokens=300, tools=TOOLS, messages=messages)
    call = first.content[-1]
    messages += [
        {"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in first.content]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": call.id, "content": WEATHER_RESULT}]},
    ]
    final = client.messages.create(model=CLAUDE, max_tokens=300, tools=TOOLS, messages=messages)
    assert final.stop_reason == "end_turn"
    text = final.content[0].text
    assert "get_weather" in text and "21" in text, text


def test_extended_thinking(client):
    # Claude 3.7 Sonnet has no on-demand throughput: it is called through an inference profile.
    thinking = {"type": "enabled", "budget_tokens": 1024}
    message = client.messages.create(model=CLAUDE_37_US, max_tokens=3000, messages=MESSAGES, thinking=thinking)
    kinds = [b.type for b in message.content]
    assert kinds == ["thinking", "text"], kinds
    assert message.content[0].thinking and message.content[0].signature
    with client.messages.stream(model=CLAUDE_37_US, max_tokens=3000, messages=MESSAGES, thinking=thinking) as stream:
        final = stream.get_final_message()
    assert [b.type for b in final.content] == kinds
    assert final.content[0].thinking == message.content[0].thinking
    assert final.content[1].text == message.content[1].text


def test_thinking_with_tool_round_trip(client):
    # The thinking block (with its signature) goes back with the tool result, as Claude requires.
    kwargs = dict(model=CLAUDE_37_US, max_tokens=3000, tools=TOOLS, thinking={"type": "enabled", "budget_tokens": 1024})
    messages = [{"role": "user", "content": WEATHER_PROMPT}]
    first = client.messages.create(messages=messages, **kwargs)
    assert [b.type for b in first.content] == ["thinking", "tool_use"]
    call = first.content[-1]
    messages += [
        {"role": "assistant", "content": [b.model_dump(exclude_none=True) for b in first.content]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": call.id, "content": WEATHER_RESULT}]},
    ]
    final = client.messages.create(messages=messages, **kwargs)
    assert final.stop_reason == "end_turn"
    assert "21" in final.content[-1].text


def test_image_block(client):
    import base64

    image = {"type": "image", "source": {"type": "base64", "media_type": "image/png",
                                         "data": base64.b64encode(PNG_1X1).decode()}}
    message = client.messages.create(model=CLAUDE, max_tokens=300, messages=[
        {"role": "user", "content": [image, {"type": "text", "text": IMAGE_PROMPT}]}])
    assert mentions_prompt(message.content[0].text, IMAGE_PROMPT)
    text_only = client.messages.create(model=CLAUDE, max_tokens=300, messages=[{"role": "user", "content": IMAGE_PROMPT}])
    assert message.usage.input_tokens > text_only.usage.input_tokens


def test_beta_messages_with_betas(client):
    # The SDK moves the anthropic-beta header into the body as `anthropic_beta` for Bedrock.
    message = client.beta.messages.create(model=CLAUDE_37_US, max_tokens=300, messages=MESSAGES,
                                          betas=["token-efficient-tools-2025-02-19"])
    assert mentions_prompt(message.content[0].text, PROMPT)


class Person(BaseModel):
    name: str
    age: int


def test_structured_output_parse(client):
    # messages.parse sends output_config.format = {type: json_schema, schema}; the reply is one
    # text block of JSON that the SDK validates into the model.
    message = client.messages.parse(model=CLAUDE_SONNET_45_US, max_tokens=300, output_format=Person,
                                    messages=[{"role": "user", "content": "Read this note: our engineer Alice is 30 years old."}])
    assert message.parsed_output == Person(name="Alice", age=30)


def test_async_client(anthropic, emulator):
    async def run():
        client = anthropic.AsyncAnthropicBedrock(**client_kwargs(emulator))
        message = await client.messages.create(model=CLAUDE, max_tokens=300, messages=MESSAGES)
        async with client.messages.stream(model=CLAUDE, max_tokens=300, messages=MESSAGES) as stream:
            pieces = [p async for p in stream.text_stream]
        await client.close()
        return message, pieces

    message, pieces = asyncio.run(run())
    assert len(pieces) >= 3 and "".join(pieces) == message.content[0].text


def test_error_is_typed(anthropic, client):
    with pytest.raises(anthropic.APIStatusError) as caught:
        client.messages.create(model="anthropic.claude-nonexistent-v9:0", max_tokens=10, messages=MESSAGES)
    assert caught.value.status_code in (400, 404) and caught.value.message
    with pytest.raises(anthropic.BadRequestError) as caught:
        client.messages.create(model=CLAUDE, max_tokens=10, messages=[])
    assert caught.value.status_code == 400
