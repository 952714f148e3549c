"""LangChain's AWS integration (langchain-aws) against the emulator.

ChatBedrock speaks InvokeModel / InvokeModelWithResponseStream with each family's native body;
ChatBedrockConverse speaks Converse / ConverseStream; BedrockEmbeddings invokes Titan
embeddings. Each is given only `endpoint_url` (and the dummy credentials of `offline`).
"""

from __future__ import annotations

import functools
import operator
from typing import Literal

import pytest
from pydantic import BaseModel, Field

from libsupport import (CLAUDE, CLAUDE_35, CLAUDE_37_US, CLAUDE_SONNET_45_US, CLAUDE_US, IMAGE_PROMPT,
                        NOVA_LITE, PNG_1X1, TITAN_EMBED_V1, TITAN_EMBED_V2, WEATHER_PROMPT, WEATHER_RESULT,
                        WEATHER_SCHEMA, check_schema, cosine, mentions_prompt, no_network,
                        offline)  # noqa: F401 (fixtures)

PROMPT = "Why do leaves change colour in autumn?"
KINDS = ["ChatBedrock", "ChatBedrockConverse"]


@pytest.fixture(scope="module")
def lc(offline):
    import langchain_aws

    return langchain_aws


def make_chat(lc, emulator, kind: str, model: str = CLAUDE, **kwargs):
    common = dict(endpoint_url=emulator.url, region_name="us-east-1", max_tokens=300, temperature=0.0)
    common.update(kwargs)
    if kind == "ChatBedrock":
        return lc.ChatBedrock(model_id=model, **common)
    return lc.ChatBedrockConverse(model=model, **common)


@pytest.fixture(params=KINDS)
def chat(request, lc, emulator):
    return make_chat(lc, emulator, request.param)


def get_weather_tool():
    from langchain_core.tools import tool

    @tool
    def get_weather(city: str, unit: Literal["celsius", "fahrenheit"]) -> str:
        """Get the current weather for a city.

        Args:
            city: The city name
            unit: Temperature unit
        """
        return WEATHER_RESULT

    return get_weather


def stop_reason(message) -> str:
    meta = message.response_metadata
    return meta.get("stop_reason") or meta.get("stopReason")


def check_usage(usage) -> None:
    assert usage is not None
    assert usage["input_tokens"] > 0 and usage["output_tokens"] > 0
    assert usage["input_tokens"] + usage["output_tokens"] == usage["total_tokens"]


# --------------------------------------------------------------------------------------
# Chat


def test_invoke(chat):
    answer = chat.invoke(PROMPT)
    assert answer.text.strip()
    assert mentions_prompt(answer.text, PROMPT), answer.text
    assert stop_reason(answer) == "end_turn"
    check_usage(answer.usage_metadata)
    assert not answer.tool_calls


def test_invoke_with_system_and_history(chat):
    from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

    answer = chat.invoke([
        SystemMessage("You are a botanist who answers briefly."),
        HumanMessage("Name a tree."),
        AIMessage("The oak."),
        HumanMessage("How old can an oak tree get?"),
    ])
    assert "oak" in answer.text.lower()
    check_usage(answer.usage_metadata)


def test_stream_matches_invoke(chat):
    plain = chat.invoke(PROMPT)
    chunks = list(chat.stream(PROMPT))
    texts = [c.text for c in chunks if c.text]
    assert len(texts) >= 3, texts
    whole = functools.reduce(operator.add, chunks)
    assert "".join(texts) == whole.text == plain.text
    check_usage(whole.usage_metadata)
    assert whole.usage_metadata["input_tokens"] == plain.usage_metadata["input_tokens"]
    assert whole.usage_metadata["output_tokens"] == plain.usage_metadata["output_tokens"]


def test_inference_profile_id(lc, emulator):
    for kind in KINDS:
        answer = make_chat(lc, emulator, kind, model=CLAUDE_US).invoke(PROMPT)
        assert mentions_prompt(answer.text, PROMPT), (kind, answer.text)
        check_usage(answer.usage_metadata)


def test_max_tokens_cuts_the_answer(lc, emulator):
    for kind in KINDS:
        answer = make_chat(lc, emulator, kind, max_tokens=5).invoke(PROMPT)
        assert stop_reason(answer) == "max_tokens", kind
        assert 0 < answer.usage_metadata["output_tokens"] <= 5


# --------------------------------------------------------------------------------------
# Tools


def test_bind_tools_produces_tool_calls(chat):
    tool = get_weather_tool()
    answer = chat.bind_tools([tool]).invoke(WEATHER_PROMPT)
    assert stop_reason(answer) == "tool_use"
    assert len(answer.tool_calls) == 1
    call = answer.tool_calls[0]
    assert call["name"] == "get_weather"
    assert call["id"]
    check_schema(call["args"], tool.tool_call_schema.model_json_schema())
    check_schema(call["args"], WEATHER_SCHEMA)
    assert call["args"]["city"] == "Oslo"
    check_usage(answer.usage_metadata)


def test_forced_tool_choice(chat):
    tool = get_weather_tool()
    answer = chat.bind_tools([tool], tool_choice="get_weather").invoke("Say something nice about Bergen.")
    assert [c["name"] for c in answer.tool_calls] == ["get_weather"]
    check_schema(answer.tool_calls[0]["args"], WEATHER_SCHEMA)


def test_streamed_tool_call_matches_invoke(chat):
    bound = chat.bind_tools([get_weather_tool()])
    plain = bound.invoke(WEATHER_PROMPT)
    whole = functools.reduce(operator.add, list(bound.stream(WEATHER_PROMPT)))
    assert [(c["name"], c["args"], c["id"]) for c in whole.tool_calls] == \
        [(c["name"], c["args"], c["id"]) for c in plain.tool_calls]
    check_usage(whole.usage_metadata)


def test_tool_result_round_trip(chat):
    from langchain_core.messages import HumanMessage, ToolMessage

    tool = get_weather_tool()
    bound = chat.bind_tools([tool])
    history = [HumanMessage(WEATHER_PROMPT)]
    call_message = bound.invoke(history)
    call = call_message.tool_calls[0]
    history += [call_message, ToolMessage(tool.invoke(call["args"]), tool_call_id=call["id"])]
    final = bound.invoke(history)
    assert not final.tool_calls
    assert stop_reason(final) == "end_turn"
    assert "get_weather" in final.text and "21" in final.text, final.text
    check_usage(final.usage_metadata)


# --------------------------------------------------------------------------------------
# Structured output


class Person(BaseModel):
    """A person mentioned in the text."""

    name: str = Field(description="The person's first name")
    age: int = Field(description="Age in years")


def test_with_structured_output(chat):
    prompt = "Read this note: our new engineer Alice is 30 years old."
    person = chat.with_structured_output(Person).invoke(prompt)
    assert isinstance(person, Person)
    assert person.name == "Alice" and person.age == 30


def test_with_structured_output_include_raw(chat):
    prompt = "Read this note: the pilot Bob is 41 years old."
    result = chat.with_structured_output(Person, include_raw=True).invoke(prompt)
    assert result["parsing_error"] is None
    assert result["parsed"] == Person(name="Bob", age=41)
    assert result["raw"].tool_calls[0]["name"] == "Person"
    check_usage(result["raw"].usage_metadata)


def test_with_structured_output_json_schema(lc, emulator):
    # method="json_schema" is Bedrock's native structured output: Converse outputConfig.textFormat
    # with the schema as a JSON string; the answer is JSON text, not a tool call.
    chat = make_chat(lc, emulator, "ChatBedrockConverse", model=CLAUDE_SONNET_45_US)
    person = chat.with_structured_output(Person, method="json_schema").invoke(
        "Read this note: our new engineer Alice is 30 years old.")
    assert person == Person(name="Alice", age=30)


# --------------------------------------------------------------------------------------
# Extended thinking, images, token counting


@pytest.mark.parametrize("kind", KINDS)
def test_extended_thinking(lc, emulator, kind):
    thinking = {"thinking": {"type": "enabled", "budget_tokens": 1024}}
    extra = {"model_kwargs": thinking} if kind == "ChatBedrock" else {"additional_model_request_fields": thinking}
    chat = make_chat(lc, emulator, kind, model=CLAUDE_37_US, max_tokens=3000, temperature=None, **extra)
    plain = chat.invoke(PROMPT)
    kinds = [block["type"] for block in plain.content]
    assert kinds == (["thinking", "text"] if kind == "ChatBedrock" else ["reasoning_content", "text"]), kinds
    assert mentions_prompt(plain.text, PROMPT)
    whole = functools.reduce(operator.add, list(chat.stream(PROMPT)))
    assert [block["type"] for block in whole.content] == kinds
    assert whole.text == plain.text
    check_usage(plain.usage_metadata)


@pytest.mark.parametrize("kind", KINDS)
def test_image_input(lc, emulator, kind):
    import base64

    from langchain_core.messages import HumanMessage

    message = HumanMessage(content=[
        {"type": "text", "text": IMAGE_PROMPT},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64," + base64.b64encode(PNG_1X1).decode()}},
    ])
    answer = make_chat(lc, emulator, kind).invoke([message])
    assert mentions_prompt(answer.text, IMAGE_PROMPT), answer.text
    text_only = make_chat(lc, emulator, kind).invoke([HumanMessage(IMAGE_PROMPT)])
    assert answer.usage_metadata["input_tokens"] > text_only.usage_metadata["input_tokens"]


def test_converse_count_tokens_matches_usage(lc, emulator):
    # ChatBedrockConverse counts with the CountTokens API for Claude 3.5 and later.
    from langchain_core.messages import HumanMessage, SystemMessage

    chat = make_chat(lc, emulator, "ChatBedrockConverse", model=CLAUDE_35)
    messages = [SystemMessage("You are a botanist."), HumanMessage(PROMPT)]
    assert chat.get_num_tokens_from_messages(messages) == chat.invoke(messages).usage_metadata["input_tokens"]


# --------------------------------------------------------------------------------------
# Other families through the same classes (InvokeModel's native body differs per family)


@pytest.mark.parametrize("kind", KINDS)
def test_nova(lc, emulator, kind):
    chat = make_chat(lc, emulator, kind, model=NOVA_LITE)
    plain = chat.invoke(PROMPT)
    assert mentions_prompt(plain.text, PROMPT), plain.text
    check_usage(plain.usage_metadata)
    whole = functools.reduce(operator.add, list(chat.stream(PROMPT)))
    assert whole.text == plain.text
    call = chat.bind_tools([get_weather_tool()]).invoke(WEATHER_PROMPT).tool_calls[0]
    assert call["name"] == "get_weather"
    check_schema(call["args"], WEATHER_SCHEMA)


# --------------------------------------------------------------------------------------
# Embeddings


@pytest.mark.parametrize("model, dimensions", [(TITAN_EMBED_V2, 1024), (TITAN_EMBED_V1, 1536)])
def test_bedrock_embeddings(lc, emulator, model, dimensions):
    embeddings = lc.BedrockEmbeddings(model_id=model, endpoint_url=emulator.url, region_name="us-east-1")
    query = embeddings.embed_query("How do I bake sourdough bread at home?")
    assert len(query) == dimensions and all(isinstance(x, float) for x in query)
    docs = embeddings.embed_documents([
        "Baking sourdough bread at home needs a starter and a hot oven.",
        "The central bank raised interest rates by a quarter point.",
        "How do I bake sourdough bread at home?",
    ])
    assert len(docs) == 3 and all(len(d) == dimensions for d in docs)
    related, unrelated, same = (cosine(query, d) for d in docs)
    assert related > unrelated + 0.1, (related, unrelated)
    assert same == pytest.approx(1.0, abs=1e-6)
