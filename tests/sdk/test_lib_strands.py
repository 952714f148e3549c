"""Strands Agents with its BedrockModel (Converse / ConverseStream through boto3).

The model is given only `endpoint_url` and `region_name`; the agent loop runs the tool the
model asks for and sends the result back, so a tool run takes two model calls.
"""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from libsupport import (CLAUDE, CLAUDE_37_US, NOVA_LITE, WEATHER_PROMPT, WEATHER_RESULT, mentions_prompt,
                        no_network, offline)  # noqa: F401 (fixtures)

PROMPT = "How do volcanoes form on islands?"


@pytest.fixture(scope="module")
def strands(offline):
    import strands
    import strands.models

    return strands


def make_agent(strands, emulator, *, streaming=True, model=CLAUDE, tools=(), model_kwargs=None, **agent_kwargs):
    options = dict(max_tokens=400, temperature=0.0)
    options.update(model_kwargs or {})
    bedrock = strands.models.BedrockModel(model_id=model, endpoint_url=emulator.url, region_name="us-east-1",
                                          streaming=streaming, **options)
    agent_kwargs.setdefault("callback_handler", None)
    return strands.Agent(model=bedrock, tools=list(tools), **agent_kwargs)


def check_usage(usage) -> None:
    assert usage["inputTokens"] > 0 and usage["outputTokens"] > 0
    assert usage["inputTokens"] + usage["outputTokens"] == usage["totalTokens"]


def weather_tool(strands, calls: list):
    @strands.tool
    def get_weather(city: str) -> str:
        """Get the current weather for a city.

        Args:
            city: The city name
        """
        calls.append(city)
        return f"{WEATHER_RESULT} in {city}"

    return get_weather


@pytest.mark.parametrize("streaming", [True, False], ids=["ConverseStream", "Converse"])
def test_agent_without_tools(strands, emulator, streaming):
    agent = make_agent(strands, emulator, streaming=streaming)
    result = agent(PROMPT)
    text = str(result).strip()
    assert text and mentions_prompt(text, PROMPT), text
    assert result.stop_reason == "end_turn"
    check_usage(result.metrics.accumulated_usage)
    assert result.metrics.cycle_count == 1
    assert [m["role"] for m in agent.messages] == ["user", "assistant"]


def test_streamed_and_plain_answers_agree(strands, emulator):
    pieces: list[str] = []

    def collect(**event):
        if "data" in event:
            pieces.append(event["data"])

    streamed = make_agent(strands, emulator, streaming=True, callback_handler=collect)(PROMPT)
    plain = make_agent(strands, emulator, streaming=False)(PROMPT)
    assert len(pieces) >= 3
    assert "".join(pieces) == str(streamed).strip() == str(plain).strip()
    assert streamed.metrics.accumulated_usage == plain.metrics.accumulated_usage


@pytest.mark.parametrize("streaming", [True, False], ids=["ConverseStream", "Converse"])
def test_agent_with_tool(strands, emulator, streaming):
    calls: list[str] = []
    agent = make_agent(strands, emulator, streaming=streaming, tools=[weather_tool(strands, calls)])
    result = agent(WEATHER_PROMPT)
    assert calls == ["Oslo"]
    text = str(result)
    assert "get_weather" in text and "21" in text, text
    assert result.stop_reason == "end_turn"
    assert result.metrics.cycle_count == 2
    check_usage(result.metrics.accumulated_usage)
    kinds = [(m["role"], [next(iter(block)) for block in m["content"]]) for m in agent.messages]
    assert kinds == [("user", ["text"]), ("assistant", ["toolUse"]), ("user", ["toolResult"]), ("assistant", ["text"])]
    call = agent.messages[1]["content"][0]["toolUse"]
    assert call["name"] == "get_weather" and call["input"] == {"city": "Oslo"}
    assert agent.messages[2]["content"][0]["toolResult"]["toolUseId"] == call["toolUseId"]
    assert agent.messages[2]["content"][0]["toolResult"]["status"] == "success"


def test_tool_not_needed(strands, emulator):
    calls: list[str] = []
    agent = make_agent(strands, emulator, tools=[weather_tool(strands, calls)])
    result = agent(PROMPT)
    assert calls == []
    assert mentions_prompt(str(result), PROMPT)


def test_direct_tool_call(strands, emulator):
    calls: list[str] = []
    agent = make_agent(strands, emulator, tools=[weather_tool(strands, calls)])
    result = agent.tool.get_weather(city="Bergen")
    assert calls == ["Bergen"] and result["status"] == "success"


class Volcano(BaseModel):
    """A volcano described in the text."""

    name: str = Field(description="The volcano's name")
    height_m: int = Field(description="Height in metres")


@pytest.mark.parametrize("streaming", [True, False], ids=["ConverseStream", "Converse"])
def test_structured_output(strands, emulator, streaming):
    agent = make_agent(strands, emulator, streaming=streaming)
    result = agent("Tell me about the volcano Etna, which is 3357 metres high.", structured_output_model=Volcano)
    assert result.structured_output == Volcano(name="Etna", height_m=3357)


class Person(BaseModel):
    """A person."""

    name: str = Field(description="The person's first name")
    age: int = Field(description="Age in years")


def test_structured_output_after_a_text_answer(strands, emulator):
    # The prompt does not name the output tool, so the model answers in text first; Strands then
    # forces the tool with "You must format the previous response as structured output." and the
    # forced call has to take its values from the conversation, not from that last message alone.
    agent = make_agent(strands, emulator)
    result = agent("Read this note: our engineer Alice is 30 years old.", structured_output_model=Person)
    assert result.structured_output == Person(name="Alice", age=30)


@pytest.mark.parametrize("streaming", [True, False], ids=["ConverseStream", "Converse"])
def test_extended_thinking_with_tool(strands, emulator, streaming):
    calls: list[str] = []
    agent = make_agent(strands, emulator, streaming=streaming, model=CLAUDE_37_US, tools=[weather_tool(strands, calls)],
                       model_kwargs=dict(max_tokens=3000, temperature=None,
                                         additional_request_fields={"thinking": {"type": "enabled", "budget_tokens": 1024}}))
    result = agent(WEATHER_PROMPT)
    assert calls == ["Oslo"] and "21" in str(result)
    kinds = [(m["role"], [next(iter(block)) for block in m["content"]]) for m in agent.messages]
    assert kinds == [("user", ["text"]), ("assistant", ["reasoningContent", "toolUse"]), ("user", ["toolResult"]),
                     ("assistant", ["reasoningContent", "text"])]
    reasoning = agent.messages[1]["content"][0]["reasoningContent"]["reasoningText"]
    assert reasoning["text"] and reasoning["signature"]


def test_native_token_count_matches_usage(strands, emulator):
    import asyncio

    agent = make_agent(strands, emulator, model_kwargs=dict(use_native_token_count=True),
                       system_prompt="You are a volcanologist.")
    counted = asyncio.run(agent.model.count_tokens([{"role": "user", "content": [{"text": PROMPT}]}],
                                                   system_prompt="You are a volcanologist."))
    result = agent(PROMPT)
    assert counted == result.metrics.accumulated_usage["inputTokens"]


def test_conversation_keeps_history(strands, emulator):
    agent = make_agent(strands, emulator)
    agent("My favourite mountain is Kilimanjaro.")
    second = agent("Which mountain did I mention?")
    assert len(agent.messages) == 4
    check_usage(second.metrics.accumulated_usage)


def test_nova_agent_with_tool(strands, emulator):
    calls: list[str] = []
    agent = make_agent(strands, emulator, model=NOVA_LITE, tools=[weather_tool(strands, calls)])
    result = agent(WEATHER_PROMPT)
    assert calls == ["Oslo"]
    assert "21" in str(result)
    check_usage(result.metrics.accumulated_usage)
