"""Agents at run time through boto3 (bedrock-agent-runtime): InvokeAgent through the test
alias and numbered aliases with traces, return of control, Lambda action groups a scenario's
`lambdas` scripts, knowledge-base citations, session attributes and conversation that carry
over, session-summary memory (GetAgentMemory, DeleteAgentMemory), InvokeInlineAgent, and
AWS's refusals."""

from __future__ import annotations

import json

import botocore.exceptions
import pytest
import requests

from test_agents import MODEL, OPENAPI, ROLE, advance
from test_knowledge_bases import REFUNDS, SHIPPING, create_kb, create_s3_source

INSTRUCTION = "You are a weather assistant that tells travellers what the weather will be."
WEATHER_LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:weather-service"
WEATHER_FUNCTIONS = {"functions": [{"name": "get_weather", "description": "The weather in a city",
                                    "parameters": {"city": {"type": "string", "required": True}}}]}
SCENARIO = """
responses:
  - name: agent-greeting
    match: {operation: InvokeAgent, prompt: hello agent}
    reply: Hello from the scripted agent.
lambdas:
  - lambda: weather-service
    api_path: /weather/{city}
    http_method: GET
    response: {city: "{{city}}", forecast: sunny, high: 24}
  - lambda: "arn:aws:lambda:*:function:broken"
    error: The weather service is down.
"""


@pytest.fixture
def virtual(start_emulator, tmp_path):
    scenario = tmp_path / "scenario.yaml"
    scenario.write_text(SCENARIO)
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path / "state"),
                         "--scenario", str(scenario))
    return emu


def new_agent(emu, build, **extra) -> str:
    agent = build.create_agent(agentName=extra.pop("agentName", "weather-agent"), foundationModel=MODEL, agentResourceRoleArn=ROLE,
                               instruction=INSTRUCTION, **extra)["agent"]
    advance(emu, 1)
    return agent["agentId"]


def prepare(emu, build, agent_id: str) -> None:
    build.prepare_agent(agentId=agent_id)
    advance(emu, 2)
    assert build.get_agent(agentId=agent_id)["agent"]["agentStatus"] == "PREPARED"


def read(response) -> dict:
    """The events of an InvokeAgent response, gathered: the text, chunks, traces, return of control."""
    events = {"text": "", "chunks": [], "traces": [], "returnControl": None}
    for event in response["completion"]:
        if "chunk" in event:
            events["chunks"].append(event["chunk"])
            events["text"] += event["chunk"]["bytes"].decode()
        elif "trace" in event:
            events["traces"].append(event["trace"])
        elif "returnControl" in event:
            events["returnControl"] = event["returnControl"]
    return events


def orchestration(events: dict, member: str) -> list:
    return [t["trace"]["orchestrationTrace"][member] for t in events["traces"]
            if member in t["trace"].get("orchestrationTrace", {})]


def test_an_agent_answers_through_its_test_alias_and_a_numbered_alias_with_a_trace(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    agent_id = new_agent(virtual, build)
    prepare(virtual, build, agent_id)
    response = run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="session-1",
                                inputText="What should I pack for Lisbon?", enableTrace=True)
    assert response["contentType"] == "application/json" and response["sessionId"] == "session-1"
    events = read(response)
    assert "Lisbon" in events["text"]
    first = events["traces"][0]
    assert first["agentId"] == agent_id and first["agentAliasId"] == "TSTALIASID" and first["agentVersion"] == "DRAFT"
    assert first["sessionId"] == "session-1"
    assert first["callerChain"] == [{"agentAliasArn": f"arn:aws:bedrock:us-east-1:123456789012:agent-alias/{agent_id}/TSTALIASID"}]
    model_input = orchestration(events, "modelInvocationInput")[0]
    assert model_input["type"] == "ORCHESTRATION" and model_input["foundationModel"] == MODEL
    assert INSTRUCTION in model_input["text"] and "Lisbon" in model_input["text"]
    usage = orchestration(events, "modelInvocationOutput")[0]["metadata"]["usage"]
    assert usage["inputTokens"] > 0 and usage["outputTokens"] > 0
    final = orchestration(events, "observation")[-1]
    assert final["type"] == "FINISH" and final["finalResponse"]["text"] == events["text"]

    # The same request answers the same bytes; without enableTrace there are no traces.
    again = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="session-2",
                                  inputText="What should I pack for Lisbon?"))
    assert again["text"] == events["text"] and again["traces"] == []

    alias = build.create_agent_alias(agentId=agent_id, agentAliasName="live")["agentAlias"]
    advance(virtual, 1)
    live = read(run.invoke_agent(agentId=agent_id, agentAliasId=alias["agentAliasId"], sessionId="session-3",
                                 inputText="Is it warm in Lisbon?", enableTrace=True, streamingConfigurations={"streamFinalResponse": True}))
    assert live["traces"][0]["agentVersion"] == "1" and live["traces"][0]["agentAliasId"] == alias["agentAliasId"]
    assert len(live["chunks"]) > 1 and "Lisbon" in live["text"]


def test_return_of_control_hands_the_call_back_and_continues_with_the_result(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    agent_id = new_agent(virtual, build)
    build.create_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupName="weather-tools",
                                    actionGroupExecutor={"customControl": "RETURN_CONTROL"}, functionSchema=WEATHER_FUNCTIONS)
    prepare(virtual, build, agent_id)
    first = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="rc-1",
                                  inputText="What is the weather in Paris?", enableTrace=True))
    assert first["text"] == ""
    control = first["returnControl"]
    call = control["invocationInputs"][0]["functionInvocationInput"]
    assert call["actionGroup"] == "weather-tools" and call["function"] == "get_weather" and call["agentId"] == agent_id
    assert call["parameters"] == [{"name": "city", "type": "string", "value": "Paris"}]
    asked = orchestration(first, "invocationInput")[0]
    assert asked["invocationType"] == "ACTION_GROUP"
    assert asked["actionGroupInvocationInput"]["executionType"] == "RETURN_CONTROL"
    assert asked["actionGroupInvocationInput"]["invocationId"] == control["invocationId"]

    result = {"functionResult": {"actionGroup": "weather-tools", "function": "get_weather",
                                 "responseBody": {"TEXT": {"body": "Light rain, 12 degrees"}}}}
    with pytest.raises(botocore.exceptions.ClientError) as wrong:
        run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="rc-1",
                         sessionState={"invocationId": "not-the-one", "returnControlInvocationResults": [result]})
    assert wrong.value.response["Error"]["Code"] == "ValidationException"
    second = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="rc-1",
                                   sessionState={"invocationId": control["invocationId"], "returnControlInvocationResults": [result]}))
    assert "Light rain, 12 degrees" in second["text"] and second["returnControl"] is None

    with pytest.raises(botocore.exceptions.ClientError) as nothing_pending:
        run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="rc-1",
                         sessionState={"returnControlInvocationResults": [result]})
    assert nothing_pending.value.response["Error"]["Code"] == "ValidationException"
    assert "no return of control waiting" in nothing_pending.value.response["Error"]["Message"]


def test_a_lambda_action_group_returns_what_the_scenario_scripts(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    agent_id = new_agent(virtual, build)
    build.create_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupName="weather-api",
                                    actionGroupExecutor={"lambda": WEATHER_LAMBDA}, apiSchema={"payload": OPENAPI})
    prepare(virtual, build, agent_id)
    events = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="lambda-1",
                                   inputText="What is the weather in Rome?", enableTrace=True))
    asked = orchestration(events, "invocationInput")[0]["actionGroupInvocationInput"]
    assert asked["actionGroupName"] == "weather-api" and asked["apiPath"] == "/weather/{city}" and asked["verb"] == "GET"
    assert asked["executionType"] == "LAMBDA" and asked["parameters"] == [{"name": "city", "type": "string", "value": "Rome"}]
    observed = [o for o in orchestration(events, "observation") if o["type"] == "ACTION_GROUP"][0]
    assert json.loads(observed["actionGroupInvocationOutput"]["text"]) == {"city": "Rome", "forecast": "sunny", "high": 24}
    assert "The getWeather tool returned" in events["text"]

    # A function that fails ends the stream with DependencyFailedException.
    build.update_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId=build.list_agent_action_groups(
        agentId=agent_id, agentVersion="DRAFT")["actionGroupSummaries"][0]["actionGroupId"], actionGroupName="weather-api",
        actionGroupExecutor={"lambda": "arn:aws:lambda:us-east-1:123456789012:function:broken"}, apiSchema={"payload": OPENAPI})
    prepare(virtual, build, agent_id)
    response = run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="lambda-2", inputText="What is the weather in Rome?")
    with pytest.raises(botocore.exceptions.EventStreamError) as failed:
        read(response)
    assert failed.value.response["Error"]["Code"] == "dependencyFailedException"
    assert "The weather service is down." in failed.value.response["Error"]["Message"]


def test_knowledge_base_passages_are_cited_in_the_answer(virtual, tmp_path):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    for name, text in [("refunds.txt", REFUNDS), ("shipping.txt", SHIPPING)]:
        path = tmp_path / "state" / "objects" / "kb-docs" / "faq" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    kb_id = create_kb(build)
    advance(virtual, 5)
    ds_id = create_s3_source(build, kb_id)
    build.start_ingestion_job(knowledgeBaseId=kb_id, dataSourceId=ds_id)
    advance(virtual, 10)
    agent_id = new_agent(virtual, build)
    build.associate_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId=kb_id,
                                         description="Answers about refunds and shipping")
    prepare(virtual, build, agent_id)
    events = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="kb-1",
                                   inputText="How long do refunds take?", enableTrace=True))
    citation = events["chunks"][-1]["attribution"]["citations"][0]
    part = citation["generatedResponsePart"]["textResponsePart"]
    assert part["text"] == events["text"] and part["span"] == {"start": 0, "end": len(events["text"]) - 1}
    texts = [ref["content"]["text"] for ref in citation["retrievedReferences"]]
    assert texts[0] == REFUNDS
    assert citation["retrievedReferences"][0]["location"]["s3Location"]["uri"] == "s3://kb-docs/faq/refunds.txt"
    lookup = orchestration(events, "invocationInput")[0]
    assert lookup["invocationType"] == "KNOWLEDGE_BASE" and lookup["knowledgeBaseLookupInput"] == {"knowledgeBaseId": kb_id, "text": "How long do refunds take?"}
    found = [o for o in orchestration(events, "observation") if o["type"] == "KNOWLEDGE_BASE"][0]
    assert found["knowledgeBaseLookupOutput"]["retrievedReferences"][0]["content"]["text"] == REFUNDS
    assert REFUNDS in orchestration(events, "modelInvocationInput")[0]["text"]

    # sessionState can narrow the search per knowledge base.
    narrowed = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="kb-2", inputText="How long do refunds take?",
                                     sessionState={"knowledgeBaseConfigurations": [{"knowledgeBaseId": kb_id, "retrievalConfiguration": {
                                         "vectorSearchConfiguration": {"numberOfResults": 1}}}]}))
    assert len(narrowed["chunks"][-1]["attribution"]["citations"][0]["retrievedReferences"]) == 1


def test_session_attributes_and_the_conversation_carry_over_within_a_session(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    agent_id = new_agent(virtual, build)
    build.create_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupName="weather-tools",
                                    actionGroupExecutor={"lambda": "arn:aws:lambda:us-east-1:123456789012:function:weather-echo"},
                                    functionSchema=WEATHER_FUNCTIONS)
    prepare(virtual, build, agent_id)
    read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="attrs-1", inputText="I am flying to Oslo tomorrow.",
                          sessionState={"sessionAttributes": {"customer": "C-77"}, "promptSessionAttributes": {"timezone": "Europe/Oslo"}}))
    later = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="attrs-1", inputText="What is the weather in Oslo?",
                                  enableTrace=True))
    prompt = orchestration(later, "modelInvocationInput")[0]["text"]
    assert "timezone: Europe/Oslo" in prompt and "I am flying to Oslo tomorrow." in prompt
    # The function no lambdas entry scripts echoes the call, with the session's attributes.
    echoed = [o for o in orchestration(later, "observation") if o["type"] == "ACTION_GROUP"][0]["actionGroupInvocationOutput"]["text"]
    assert json.loads(echoed) == {"function": "get_weather", "parameters": {"city": "Oslo"}, "sessionAttributes": {"customer": "C-77"}}
    other = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="attrs-2", inputText="Will I need a coat?",
                                  enableTrace=True))
    assert "Oslo" not in orchestration(other, "modelInvocationInput")[0]["text"]


def test_a_scenario_rule_scripts_the_agents_reply_and_an_idle_session_starts_afresh(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    agent_id = new_agent(virtual, build, idleSessionTTLInSeconds=60,
                         memoryConfiguration={"enabledMemoryTypes": ["SESSION_SUMMARY"], "storageDays": 1})
    prepare(virtual, build, agent_id)
    greeted = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="idle-1", memoryId="m-1",
                                    inputText="Well hello agent, how are you?"))
    assert greeted["text"] == "Hello from the scripted agent."
    entry = requests.get(virtual.url + "/_emulator/journal", params={"operation": "InvokeAgent"}, timeout=10).json()["entries"][-1]
    assert entry["rule"] == "agent-greeting" and entry["inputTokens"] > 0
    advance(virtual, 61)
    fresh = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="idle-1", memoryId="m-1", inputText="Where was I?",
                                  enableTrace=True))
    prompt = orchestration(fresh, "modelInvocationInput")[0]["text"]
    assert "how are you" not in prompt.split("Summaries of earlier sessions")[0]
    assert 'The user asked: \\"Well hello agent, how are you?\\"' in prompt
    memory = run.get_agent_memory(agentId=agent_id, agentAliasId="TSTALIASID", memoryId="m-1", memoryType="SESSION_SUMMARY")
    assert [m["sessionSummary"]["sessionId"] for m in memory["memoryContents"]] == ["idle-1"]


def test_an_ended_session_is_summarised_into_memory(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    agent_id = new_agent(virtual, build, memoryConfiguration={"enabledMemoryTypes": ["SESSION_SUMMARY"], "storageDays": 30})
    prepare(virtual, build, agent_id)
    response = run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="mem-1", memoryId="traveller-1",
                                inputText="I want a window seat on every flight.")
    assert response["memoryId"] == "traveller-1"
    read(response)
    read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="mem-1", memoryId="traveller-1", endSession=True))
    memory = run.get_agent_memory(agentId=agent_id, agentAliasId="TSTALIASID", memoryId="traveller-1", memoryType="SESSION_SUMMARY")
    summary = memory["memoryContents"][0]["sessionSummary"]
    assert summary["memoryId"] == "traveller-1" and summary["sessionId"] == "mem-1"
    assert 'The user asked: "I want a window seat on every flight."' in summary["summaryText"]
    assert (summary["sessionExpiryTime"] - summary["sessionStartTime"]).days == 30

    # A later session with the same memory id is told the summary.
    later = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="mem-2", memoryId="traveller-1",
                                  inputText="Book me a flight to Rome.", enableTrace=True))
    assert "window seat" in orchestration(later, "modelInvocationInput")[0]["text"]
    read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="mem-2", memoryId="traveller-1",
                          inputText="Thanks, that is all.", endSession=True))
    both = run.get_agent_memory(agentId=agent_id, agentAliasId="TSTALIASID", memoryId="traveller-1", memoryType="SESSION_SUMMARY")
    assert [m["sessionSummary"]["sessionId"] for m in both["memoryContents"]] == ["mem-2", "mem-1"]
    page = run.get_agent_memory(agentId=agent_id, agentAliasId="TSTALIASID", memoryId="traveller-1", memoryType="SESSION_SUMMARY", maxItems=1)
    assert len(page["memoryContents"]) == 1 and page["nextToken"]

    run.delete_agent_memory(agentId=agent_id, agentAliasId="TSTALIASID", memoryId="traveller-1", sessionId="mem-2")
    left = run.get_agent_memory(agentId=agent_id, agentAliasId="TSTALIASID", memoryId="traveller-1", memoryType="SESSION_SUMMARY")
    assert [m["sessionSummary"]["sessionId"] for m in left["memoryContents"]] == ["mem-1"]
    # Summaries last storageDays.
    advance(virtual, 31 * 86400)
    gone = run.get_agent_memory(agentId=agent_id, agentAliasId="TSTALIASID", memoryId="traveller-1", memoryType="SESSION_SUMMARY")
    assert gone["memoryContents"] == []


def test_an_inline_agent_runs_the_same_orchestration_from_the_request(virtual):
    run = virtual.client("bedrock-agent-runtime")
    groups = [{"actionGroupName": "weather-tools", "actionGroupExecutor": {"customControl": "RETURN_CONTROL"}, "functionSchema": WEATHER_FUNCTIONS}]
    response = run.invoke_inline_agent(sessionId="inline-1", foundationModel=MODEL, instruction=INSTRUCTION, actionGroups=groups,
                                       inputText="What is the weather in Madrid?", enableTrace=True)
    assert response["sessionId"] == "inline-1"
    first = read(response)
    assert "agentId" not in first["traces"][0] and first["traces"][0]["sessionId"] == "inline-1"
    control = first["returnControl"]
    assert control["invocationInputs"][0]["functionInvocationInput"]["parameters"][0]["value"] == "Madrid"
    result = {"functionResult": {"actionGroup": "weather-tools", "function": "get_weather", "responseBody": {"TEXT": {"body": "Hot and dry"}}}}
    second = read(run.invoke_inline_agent(sessionId="inline-1", foundationModel=MODEL, instruction=INSTRUCTION, actionGroups=groups,
                                          inlineSessionState={"invocationId": control["invocationId"], "returnControlInvocationResults": [result]}))
    assert "Hot and dry" in second["text"]

    with pytest.raises(botocore.exceptions.ClientError) as missing:
        run.invoke_inline_agent(sessionId="inline-2", foundationModel=MODEL, instruction=INSTRUCTION, inputText="hi",
                                knowledgeBases=[{"knowledgeBaseId": "NOSUCHKB00", "description": "nothing here"}])
    assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"


def test_invoke_agent_refuses_as_aws_does(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")

    def error(**kwargs):
        with pytest.raises(botocore.exceptions.ClientError) as raised:
            run.invoke_agent(**{"sessionId": "s-1", "inputText": "hello", **kwargs})
        return raised.value.response["Error"]["Code"], raised.value.response["ResponseMetadata"]["HTTPStatusCode"], raised.value.response["Error"]["Message"]

    assert error(agentId="NOSUCHAGNT", agentAliasId="TSTALIASID")[:2] == ("ResourceNotFoundException", 404)
    agent_id = new_agent(virtual, build)
    code, status, message = error(agentId=agent_id, agentAliasId="TSTALIASID")
    assert (code, status) == ("ValidationException", 400) and "PrepareAgent" in message
    prepare(virtual, build, agent_id)
    assert error(agentId=agent_id, agentAliasId="NOSUCHALIS")[:2] == ("ResourceNotFoundException", 404)
    alias = build.create_agent_alias(agentId=agent_id, agentAliasName="live")["agentAlias"]
    code, status, message = error(agentId=agent_id, agentAliasId=alias["agentAliasId"])
    assert (code, status) == ("ValidationException", 400) and "CREATING" in message
    code, status, message = error(agentId=agent_id, agentAliasId="TSTALIASID", inputText="")
    assert (code, status) == ("ValidationException", 400) and "inputText is required" in message
    # The journal records each call.
    entries = requests.get(virtual.url + "/_emulator/journal", params={"operation": "InvokeAgent"}, timeout=10).json()["entries"]
    assert [e["status"] for e in entries] == [404, 400, 404, 400, 400]


def test_an_agents_guardrail_blocks_input_and_masks_answers(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    guardrail = virtual.client("bedrock").create_guardrail(
        name="agent-guard", blockedInputMessaging="I can't help with that.", blockedOutputsMessaging="I can't say that.",
        wordPolicyConfig={"wordsConfig": [{"text": "Acme Corp"}]},
        sensitiveInformationPolicyConfig={"piiEntitiesConfig": [{"type": "EMAIL", "action": "ANONYMIZE"}]})
    config = {"guardrailIdentifier": guardrail["guardrailId"], "guardrailVersion": "DRAFT"}
    agent_id = new_agent(virtual, build, agentName="guarded-agent", guardrailConfiguration=config)
    prepare(virtual, build, agent_id)

    blocked = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="guarded-1",
                                    inputText="Tell me about Acme Corp in Lisbon", enableTrace=True))
    assert blocked["text"] == "I can't help with that."
    trace = [t["trace"]["guardrailTrace"] for t in blocked["traces"] if "guardrailTrace" in t["trace"]][0]
    assert trace["action"] == "INTERVENED"
    assert trace["inputAssessments"][0]["wordPolicy"]["customWords"][0]["match"] == "Acme Corp"
    assert orchestration(blocked, "modelInvocationInput") == []  # the model never saw it

    # Masked input goes on to the model masked: the address never reaches it.
    masked = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="guarded-2",
                                   inputText="Write to traveller@example.com about Lisbon", enableTrace=True))
    model_input = orchestration(masked, "modelInvocationInput")[0]["text"]
    assert "{EMAIL}" in model_input and "traveller@example.com" not in model_input

    # The inline agent applies the guardrail it is given the same way.
    inline = read(run.invoke_inline_agent(sessionId="guarded-inline", foundationModel=MODEL, instruction=INSTRUCTION,
                                          guardrailConfiguration=config, inputText="Is Acme Corp open today?"))
    assert inline["text"] == "I can't help with that."


def test_pre_processing_is_traced_by_default_and_post_processing_when_enabled(virtual):
    build, run = virtual.client("bedrock-agent"), virtual.client("bedrock-agent-runtime")
    agent_id = new_agent(virtual, build, agentName="traced-agent")
    prepare(virtual, build, agent_id)
    events = read(run.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="pre-1",
                                   inputText="What should I pack for Lisbon?", enableTrace=True))
    pre = [t["trace"]["preProcessingTrace"] for t in events["traces"] if "preProcessingTrace" in t["trace"]]
    assert pre[0]["modelInvocationInput"]["type"] == "PRE_PROCESSING" and "Lisbon" in pre[0]["modelInvocationInput"]["text"]
    assert pre[1]["modelInvocationOutput"]["parsedResponse"]["isValid"] is True
    assert not any("postProcessingTrace" in t["trace"] for t in events["traces"])

    # AWS's defaults turned around: no pre-processing, post-processing on.
    override = {"promptConfigurations": [
        {"promptType": "PRE_PROCESSING", "promptState": "DISABLED", "promptCreationMode": "DEFAULT"},
        {"promptType": "POST_PROCESSING", "promptState": "ENABLED", "promptCreationMode": "DEFAULT"}]}
    inline = read(run.invoke_inline_agent(sessionId="post-1", foundationModel=MODEL, instruction=INSTRUCTION, enableTrace=True,
                                          promptOverrideConfiguration=override, inputText="What should I pack for Lisbon?"))
    assert not any("preProcessingTrace" in t["trace"] for t in inline["traces"])
    post = [t["trace"]["postProcessingTrace"] for t in inline["traces"] if "postProcessingTrace" in t["trace"]]
    assert post[0]["modelInvocationInput"]["type"] == "POST_PROCESSING"
    assert post[1]["modelInvocationOutput"]["parsedResponse"]["text"] == inline["text"]
