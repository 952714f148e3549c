"""LlamaIndex's BedrockConverse LLM (Converse / ConverseStream through boto3; the async
methods go through aioboto3 when it is installed, else through the same client)."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import BaseModel, Field

from libsupport import (CLAUDE, CLAUDE_37_US, NOVA_LITE, WEATHER_PROMPT, WEATHER_RESULT, check_schema, mentions_prompt,
                        no_network, offline)  # noqa: F401 (fixtures)

PROMPT = "How do coral reefs grow?"


@pytest.fixture(scope="module")
def li(offline):
    from llama_index.core.llms import ChatMessage
    from llama_index.core.tools import FunctionTool
    from llama_index.llms.bedrock_converse import BedrockConverse

    return type("LlamaIndex", (), dict(ChatMessage=ChatMessage, FunctionTool=FunctionTool, BedrockConverse=BedrockConverse))


def make_llm(li, emulator, model=CLAUDE, **kwargs):
    kwargs.setdefault("max_tokens", 300)
    kwargs.setdefault("temperature", 0.0)
    return li.BedrockConverse(model=model, endpoint_url=emulator.url, region_name="us-east-1",
                              aws_access_key_id="test", aws_secret_access_key="test", max_retries=1, **kwargs)


@pytest.fixture
def llm(li, emulator):
    return make_llm(li, emulator)


def check_usage(kwargs: dict) -> None:
    assert kwargs["prompt_tokens"] > 0 and kwargs["completion_tokens"] > 0
    assert kwargs["prompt_tokens"] + kwargs["completion_tokens"] == kwargs["total_tokens"]


def weather_tool(li, calls: list):
    def get_weather(city: str) -> str:
        """Get the current weather for a city."""
        calls.append(city)
        return f"{WEATHER_RESULT} in {city}"

    return li.FunctionTool.from_defaults(fn=get_weather)


def test_complete(llm):
    response = llm.complete(PROMPT)
    assert response.text and mentions_prompt(response.text, PROMPT), response.text
    check_usage(response.additional_kwargs)
    assert response.raw["stopReason"] == "end_turn"


def test_stream_complete_matches_complete(llm):
    plain = llm.complete(PROMPT)
    chunks = list(llm.stream_complete(PROMPT))
    deltas = [c.delta for c in chunks if c.delta]
    assert len(deltas) >= 3
    assert "".join(deltas) == chunks[-1].text == plain.text


def test_chat(li, llm):
    response = llm.chat([li.ChatMessage(role="system", content="You are a marine biologist."),
                         li.ChatMessage(role="user", content=PROMPT)])
    assert response.message.role == "assistant"
    assert mentions_prompt(response.message.content, PROMPT)
    check_usage(response.additional_kwargs)


def test_stream_chat_matches_chat(li, llm):
    messages = [li.ChatMessage(role="user", content=PROMPT)]
    plain = llm.chat(messages)
    chunks = list(llm.stream_chat(messages))
    deltas = [c.delta for c in chunks if c.delta]
    assert len(deltas) >= 3
    assert "".join(deltas) == chunks[-1].message.content == plain.message.content
    usage = chunks[-1].additional_kwargs
    check_usage(usage)
    assert (usage["prompt_tokens"], usage["completion_tokens"]) == \
        (plain.additional_kwargs["prompt_tokens"], plain.additional_kwargs["completion_tokens"])


def test_async_methods(li, llm):
    messages = [li.ChatMessage(role="user", content=PROMPT)]

    async def run():
        plain = await llm.achat(messages)
        pieces = [c.delta async for c in await llm.astream_chat(messages) if c.delta]
        completion = await llm.acomplete(PROMPT)
        return plain, pieces, completion

    plain, pieces, completion = asyncio.run(run())
    assert len(pieces) >= 3 and "".join(pieces) == plain.message.content
    assert completion.text == llm.complete(PROMPT).text


def test_chat_with_tools(li, llm):
    calls: list[str] = []
    tool = weather_tool(li, calls)
    response = llm.chat_with_tools([tool], user_msg=WEATHER_PROMPT)
    selections = llm.get_tool_calls_from_response(response, error_on_no_tool_call=True)
    assert [s.tool_name for s in selections] == ["get_weather"]
    check_schema(selections[0].tool_kwargs, tool.metadata.get_parameters_dict())
    assert selections[0].tool_kwargs == {"city": "Oslo"}


def test_tool_result_round_trip(li, llm):
    calls: list[str] = []
    tool = weather_tool(li, calls)
    history = [li.ChatMessage(role="user", content=WEATHER_PROMPT)]
    response = llm.chat_with_tools([tool], chat_history=history)
    selection = llm.get_tool_calls_from_response(response)[0]
    output = tool(**selection.tool_kwargs)
    history += [response.message,
                li.ChatMessage(role="tool", content=str(output), additional_kwargs={"tool_call_id": selection.tool_id})]
    final = llm.chat_with_tools([tool], chat_history=history)
    assert calls == ["Oslo"]
    assert not llm.get_tool_calls_from_response(final, error_on_no_tool_call=False)
    assert "get_weather" in final.message.content and "21" in final.message.content, final.message.content


def test_stream_chat_with_tools(li, llm):
    tool = weather_tool(li, [])
    plain = llm.get_tool_calls_from_response(llm.chat_with_tools([tool], user_msg=WEATHER_PROMPT))
    last = list(llm.stream_chat_with_tools([tool], user_msg=WEATHER_PROMPT))[-1]
    streamed = llm.get_tool_calls_from_response(last)
    assert [(s.tool_name, s.tool_kwargs, s.tool_id) for s in streamed] == \
        [(s.tool_name, s.tool_kwargs, s.tool_id) for s in plain]


class Reef(BaseModel):
    """A coral reef described in the text."""

    name: str = Field(description="The reef's name")
    length_km: int = Field(description="Length in kilometres")


def test_structured_predict(li, llm):
    from llama_index.core.prompts import PromptTemplate

    reef = llm.structured_predict(Reef, PromptTemplate("Describe this: {text}"),
                                  text="the famous Great Barrier Reef runs for 2300 kilometres.")
    assert isinstance(reef, Reef)
    assert reef.length_km == 2300
    assert reef.name and reef.name in "Great Barrier Reef", reef.name


def test_extended_thinking(li, emulator):
    llm = make_llm(li, emulator, model=CLAUDE_37_US, max_tokens=3000, temperature=1.0,
                   thinking={"type": "enabled", "budget_tokens": 1024})
    messages = [li.ChatMessage(role="user", content=PROMPT)]
    plain = llm.chat(messages)
    assert [type(b).__name__ for b in plain.message.blocks] == ["ThinkingBlock", "TextBlock"]
    assert plain.message.blocks[0].content
    last = list(llm.stream_chat(messages))[-1]
    assert [type(b).__name__ for b in last.message.blocks] == ["ThinkingBlock", "TextBlock"]
    assert last.message.content == plain.message.content


def test_nova(li, emulator):
    llm = make_llm(li, emulator, model=NOVA_LITE)
    messages = [li.ChatMessage(role="user", content=PROMPT)]
    plain = llm.chat(messages)
    assert mentions_prompt(plain.message.content, PROMPT)
    assert list(llm.stream_chat(messages))[-1].message.content == plain.message.content
