"""pydantic-ai Agents on BedrockConverseModel, through a BedrockProvider built on a boto3
bedrock-runtime client whose `endpoint_url` is the emulator (Converse / ConverseStream)."""

from __future__ import annotations

import asyncio

import pytest
from pydantic import BaseModel, Field

from libsupport import (CLAUDE, CLAUDE_37_US, CLAUDE_SONNET_45_US, NOVA_LITE, WEATHER_PROMPT, WEATHER_RESULT,
                        mentions_prompt, no_network, offline)  # noqa: F401 (fixtures)

PROMPT = "How do hummingbirds hover in place?"


@pytest.fixture(scope="module")
def pai(offline):
    import pydantic_ai
    import pydantic_ai.messages
    from pydantic_ai.models.bedrock import BedrockConverseModel
    from pydantic_ai.providers.bedrock import BedrockProvider

    return type("PydanticAI", (), dict(Agent=pydantic_ai.Agent, messages=pydantic_ai.messages,
                                       NativeOutput=pydantic_ai.NativeOutput, UsageLimits=pydantic_ai.UsageLimits,
                                       BedrockConverseModel=BedrockConverseModel, BedrockProvider=BedrockProvider))


@pytest.fixture(scope="module")
def runtime_client(offline, emulator):
    import boto3

    return boto3.client("bedrock-runtime", endpoint_url=emulator.url, region_name="us-east-1",
                        aws_access_key_id="test", aws_secret_access_key="test")


def make_model(pai, runtime_client, model_id=CLAUDE, **settings):
    return pai.BedrockConverseModel(model_id, provider=pai.BedrockProvider(bedrock_client=runtime_client),
                                    settings={"max_tokens": 400, "temperature": 0.0, **settings})


@pytest.fixture
def model(pai, runtime_client):
    return make_model(pai, runtime_client)


def add_weather_tool(agent, calls: list) -> None:
    @agent.tool_plain
    def get_weather(city: str) -> str:
        """Get the current weather for a city.

        Args:
            city: The city name
        """
        calls.append(city)
        return f"{WEATHER_RESULT} in {city}"


def check_usage(usage, requests: int) -> None:
    assert usage.requests == requests
    assert usage.input_tokens > 0 and usage.output_tokens > 0
    assert usage.input_tokens + usage.output_tokens == usage.total_tokens


def test_plain_run(pai, model):
    result = pai.Agent(model).run_sync(PROMPT)
    assert isinstance(result.output, str) and mentions_prompt(result.output, PROMPT), result.output
    check_usage(result.usage, requests=1)
    response = result.all_messages()[-1]
    assert response.finish_reason == "stop"
    assert response.provider_response_id  # the x-amzn-RequestId of the Converse call


def test_instructions_are_sent_as_system(pai, model):
    result = pai.Agent(model, instructions="You are an ornithologist.").run_sync(PROMPT)
    assert mentions_prompt(result.output, PROMPT)
    assert result.usage.input_tokens > pai.Agent(model).run_sync(PROMPT).usage.input_tokens


def test_stream_matches_run(pai, model):
    agent = pai.Agent(model)
    plain = agent.run_sync(PROMPT)

    async def run():
        async with agent.run_stream(PROMPT) as streamed:
            pieces = [p async for p in streamed.stream_text(delta=True, debounce_by=None)]
            return pieces, streamed.usage

    pieces, usage = asyncio.run(run())
    assert len(pieces) >= 3
    assert "".join(pieces) == plain.output
    check_usage(usage, requests=1)
    assert (usage.input_tokens, usage.output_tokens) == (plain.usage.input_tokens, plain.usage.output_tokens)


class City(BaseModel):
    """A city described in the text."""

    name: str = Field(description="The city's name")
    country: str = Field(description="The country it is in")
    population: int = Field(description="Number of inhabitants")


def test_structured_output_type(pai, model):
    agent = pai.Agent(model, output_type=City)
    result = agent.run_sync("Describe the capital Oslo in Norway, which has 709000 inhabitants.")
    assert result.output == City(name="Oslo", country="Norway", population=709000)
    check_usage(result.usage, requests=1)
    call = result.all_messages()[1].parts[0]
    assert isinstance(call, pai.messages.ToolCallPart) and call.tool_name == "final_result"


def test_tool_run(pai, model):
    agent = pai.Agent(model)
    calls: list[str] = []

    add_weather_tool(agent, calls)

    result = agent.run_sync(WEATHER_PROMPT)
    assert calls == ["Oslo"]
    assert "get_weather" in result.output and "21" in result.output, result.output
    check_usage(result.usage, requests=2)
    assert result.usage.tool_calls == 1
    kinds = [type(p).__name__ for m in result.all_messages() for p in m.parts]
    assert kinds == ["UserPromptPart", "ToolCallPart", "ToolReturnPart", "TextPart"]


def test_tool_run_streamed(pai, model):
    agent = pai.Agent(model)
    calls: list[str] = []

    add_weather_tool(agent, calls)

    async def run():
        async with agent.run_stream(WEATHER_PROMPT) as streamed:
            return await streamed.get_output()

    output = asyncio.run(run())
    assert calls == ["Oslo"] and "21" in output


def test_native_output(pai, runtime_client):
    # NativeOutput uses Converse outputConfig.textFormat (json_schema): the answer is JSON text.
    agent = pai.Agent(make_model(pai, runtime_client, CLAUDE_SONNET_45_US), output_type=pai.NativeOutput(City))
    result = agent.run_sync("Describe the capital Oslo in Norway, which has 709000 inhabitants.")
    assert result.output == City(name="Oslo", country="Norway", population=709000)


def test_thinking_with_tool(pai, runtime_client):
    model = make_model(pai, runtime_client, CLAUDE_37_US, max_tokens=3000, temperature=None,
                       bedrock_additional_model_requests_fields={"thinking": {"type": "enabled", "budget_tokens": 1024}})
    agent = pai.Agent(model)
    calls: list[str] = []

    add_weather_tool(agent, calls)

    result = agent.run_sync(WEATHER_PROMPT)
    assert calls == ["Oslo"] and "21" in result.output
    kinds = [type(p).__name__ for m in result.all_messages() for p in m.parts]
    assert kinds == ["UserPromptPart", "ThinkingPart", "ToolCallPart", "ToolReturnPart", "ThinkingPart", "TextPart"]
    thinking = result.all_messages()[1].parts[0]
    assert thinking.content and thinking.signature


def test_count_tokens_before_request(pai, model):
    seen: list[str] = []
    model.client.meta.events.register("before-send.bedrock-runtime.*",
                                      lambda request, **_: seen.append(request.url.rsplit("/", 1)[-1]))
    result = pai.Agent(model).run_sync(PROMPT, usage_limits=pai.UsageLimits(count_tokens_before_request=True,
                                                                            input_tokens_limit=1000))
    assert seen == ["count-tokens", "converse"]
    check_usage(result.usage, requests=1)
    with pytest.raises(Exception, match="input_tokens_limit"):
        pai.Agent(model).run_sync(PROMPT, usage_limits=pai.UsageLimits(count_tokens_before_request=True,
                                                                       input_tokens_limit=3))


def test_nova(pai, runtime_client):
    agent = pai.Agent(make_model(pai, runtime_client, NOVA_LITE), output_type=City)
    result = agent.run_sync("Describe the capital Oslo in Norway, which has 709000 inhabitants.")
    assert result.output == City(name="Oslo", country="Norway", population=709000)
