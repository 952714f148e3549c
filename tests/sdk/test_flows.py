"""Flows through boto3: a flow Input -> Prompt -> Condition -> two Outputs is created,
validated, prepared on the virtual clock, versioned and aliased; InvokeFlow streams the
output of the branch the condition chooses, with traces; StartFlowExecution keeps its
status, events and the definition it ran; errors come with AWS's codes."""

from __future__ import annotations

import json

import botocore.exceptions
import pytest
import requests

MODEL = "anthropic.claude-3-haiku-20240307-v1:0"
ROLE = "arn:aws:iam::123456789012:role/service-role/AmazonBedrockExecutionRoleForFlows_test"


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


@pytest.fixture
def virtual(start_emulator, tmp_path):
    return start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))


def io(name, type_, expression="$.data"):
    return {"name": name, "type": type_, "expression": expression}


def data(source, output, target, input_):
    return {"name": f"{source}_{target}_{input_}", "type": "Data", "source": source, "target": target,
            "configuration": {"data": {"sourceOutput": output, "targetInput": input_}}}


def conditional(source, condition, target):
    return {"name": f"{source}_{condition}", "type": "Conditional", "source": source, "target": target,
            "configuration": {"conditional": {"condition": condition}}}


DEFINITION = {
    "nodes": [
        {"name": "Start", "type": "Input", "configuration": {"input": {}}, "outputs": [{"name": "document", "type": "String"}]},
        {"name": "Ask", "type": "Prompt", "inputs": [io("topic", "String")], "outputs": [{"name": "modelCompletion", "type": "String"}],
         "configuration": {"prompt": {"sourceConfiguration": {"inline": {
             "modelId": MODEL, "templateType": "TEXT", "inferenceConfiguration": {"text": {"maxTokens": 60}},
             "templateConfiguration": {"text": {"text": "Write one sentence about {{topic}}."}}}}}}},
        {"name": "Route", "type": "Condition", "inputs": [io("topic", "String")],
         "configuration": {"condition": {"conditions": [{"name": "isWeather", "expression": 'topic == "weather"'}, {"name": "default"}]}}},
        {"name": "Weather", "type": "Output", "configuration": {"output": {}}, "inputs": [io("document", "String")]},
        {"name": "Other", "type": "Output", "configuration": {"output": {}}, "inputs": [io("document", "String")]},
    ],
    "connections": [
        data("Start", "document", "Ask", "topic"), data("Start", "document", "Route", "topic"),
        data("Ask", "modelCompletion", "Weather", "document"), data("Ask", "modelCompletion", "Other", "document"),
        conditional("Route", "isWeather", "Weather"), conditional("Route", "default", "Other"),
    ],
}


def prepared_flow(emu, agent, definition=DEFINITION):
    flow = agent.create_flow(name="weather-flow", executionRoleArn=ROLE, definition=definition, tags={"team": "flows"})
    assert flow["status"] == "NotPrepared" and flow["version"] == "DRAFT"
    assert agent.prepare_flow(flowIdentifier=flow["id"])["status"] == "Preparing"
    advance(emu, 2)
    return flow


def invoke(runtime, flow_id, alias_id, topic, trace=False):
    response = runtime.invoke_flow(flowIdentifier=flow_id, flowAliasIdentifier=alias_id, enableTrace=trace,
                                   inputs=[{"nodeName": "Start", "nodeOutputName": "document", "content": {"document": topic}}])
    return response["executionId"], [event for event in response["responseStream"]]


def test_a_flow_is_validated_prepared_versioned_and_aliased(virtual):
    agent = virtual.client("bedrock-agent")
    assert agent.validate_flow_definition(definition=DEFINITION)["validations"] == []
    flow = prepared_flow(virtual, agent)
    got = agent.get_flow(flowIdentifier=flow["id"])
    assert got["status"] == "Prepared" and got["definition"] == DEFINITION and got["executionRoleArn"] == ROLE
    assert got["arn"] == f"arn:aws:bedrock:us-east-1:123456789012:flow/{flow['id']}"
    assert agent.list_tags_for_resource(resourceArn=got["arn"])["tags"] == {"team": "flows"}
    assert [f["id"] for f in agent.list_flows()["flowSummaries"]] == [flow["id"]]

    version = agent.create_flow_version(flowIdentifier=flow["id"], description="first", clientToken="v1-token-0000000000000000000000000001")
    assert version["version"] == "1" and version["definition"] == DEFINITION and version["status"] == "Prepared"
    again = agent.create_flow_version(flowIdentifier=flow["id"], description="first", clientToken="v1-token-0000000000000000000000000001")
    assert again["version"] == "1"
    assert [v["version"] for v in agent.list_flow_versions(flowIdentifier=flow["id"])["flowVersionSummaries"]] == ["DRAFT", "1"]
    assert agent.get_flow_version(flowIdentifier=flow["id"], flowVersion="1")["description"] == "first"

    alias = agent.create_flow_alias(flowIdentifier=flow["id"], name="live", routingConfiguration=[{"flowVersion": "1"}],
                                    concurrencyConfiguration={"type": "Manual", "maxConcurrency": 2})
    assert alias["arn"] == f"arn:aws:bedrock:us-east-1:123456789012:flow/{flow['id']}/alias/{alias['id']}"
    got_alias = agent.get_flow_alias(flowIdentifier=flow["id"], aliasIdentifier=alias["id"])
    assert got_alias["routingConfiguration"] == [{"flowVersion": "1"}]
    assert got_alias["concurrencyConfiguration"] == {"type": "Manual", "maxConcurrency": 2}
    assert [a["id"] for a in agent.list_flow_aliases(flowIdentifier=flow["id"])["flowAliasSummaries"]] == [alias["id"]]

    # Changing the draft un-prepares it; the version keeps what was prepared.
    updated = agent.update_flow(flowIdentifier=flow["id"], name="weather-flow", executionRoleArn=ROLE, description="v2", definition=DEFINITION)
    assert updated["status"] == "NotPrepared" and updated["description"] == "v2"

    with pytest.raises(agent.exceptions.ConflictException):
        agent.delete_flow_version(flowIdentifier=flow["id"], flowVersion="1")
    with pytest.raises(agent.exceptions.ConflictException):
        agent.delete_flow(flowIdentifier=flow["id"])
    agent.delete_flow_alias(flowIdentifier=flow["id"], aliasIdentifier=alias["id"])
    deleted = agent.delete_flow_version(flowIdentifier=flow["id"], flowVersion="1")
    assert (deleted["id"], deleted["version"]) == (flow["id"], "1")
    assert agent.delete_flow(flowIdentifier=flow["id"])["id"] == flow["id"]
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.get_flow(flowIdentifier=flow["id"])


def test_invoke_flow_follows_the_condition_and_traces_each_node(virtual):
    agent = virtual.client("bedrock-agent")
    runtime = virtual.client("bedrock-agent-runtime")
    flow = prepared_flow(virtual, agent)
    agent.create_flow_version(flowIdentifier=flow["id"])
    alias = agent.create_flow_alias(flowIdentifier=flow["id"], name="live", routingConfiguration=[{"flowVersion": "1"}])

    execution_id, events = invoke(runtime, flow["id"], alias["id"], "weather", trace=True)
    assert execution_id
    outputs = [e["flowOutputEvent"] for e in events if "flowOutputEvent" in e]
    assert [(o["nodeName"], o["nodeType"]) for o in outputs] == [("Weather", "FlowOutputNode")]
    assert isinstance(outputs[0]["content"]["document"], str) and outputs[0]["content"]["document"]
    assert events[-1] == {"flowCompletionEvent": {"completionReason": "SUCCESS"}}
    traces = [e["flowTraceEvent"]["trace"] for e in events if "flowTraceEvent" in e]
    conditions = [t["conditionNodeResultTrace"] for t in traces if "conditionNodeResultTrace" in t]
    assert [c["satisfiedConditions"] for c in conditions] == [[{"conditionName": "isWeather"}]]
    inputs = {t["nodeInputTrace"]["nodeName"]: t["nodeInputTrace"]["fields"] for t in traces if "nodeInputTrace" in t}
    assert inputs["Ask"][0]["nodeInputName"] == "topic" and inputs["Ask"][0]["content"] == {"document": "weather"}
    actions = [t["nodeActionTrace"] for t in traces if "nodeActionTrace" in t]
    assert [(a["nodeName"], a["serviceName"], a["operationName"]) for a in actions] == [("Ask", "bedrock", "Converse")]
    assert "Write one sentence about weather." in json.dumps(actions[0]["operationRequest"])
    outputs_traced = [t["nodeOutputTrace"]["nodeName"] for t in traces if "nodeOutputTrace" in t]
    assert outputs_traced[:1] == ["Start"] and "Ask" in outputs_traced

    _, other = invoke(runtime, flow["id"], "TSTALIASID", "sports")
    assert [e["flowOutputEvent"]["nodeName"] for e in other if "flowOutputEvent" in e] == ["Other"]
    assert not any("flowTraceEvent" in e for e in other)
    # The same request gives the same answer.
    _, repeat = invoke(runtime, flow["id"], "TSTALIASID", "sports")
    assert repeat == other


def test_a_flow_execution_runs_over_the_clock_and_keeps_its_events(virtual):
    agent = virtual.client("bedrock-agent")
    runtime = virtual.client("bedrock-agent-runtime")
    flow = prepared_flow(virtual, agent)
    arn = runtime.start_flow_execution(flowIdentifier=flow["id"], flowAliasIdentifier="TSTALIASID", flowExecutionName="run-1",
                                       inputs=[{"nodeName": "Start", "nodeOutputName": "document", "content": {"document": "weather"}}])["executionArn"]
    assert arn.endswith(f"flow/{flow['id']}/alias/TSTALIASID/execution/run-1")
    names = {"flowIdentifier": flow["id"], "flowAliasIdentifier": "TSTALIASID", "executionIdentifier": "run-1"}
    got = runtime.get_flow_execution(**names)
    assert got["status"] == "Running" and got["flowVersion"] == "DRAFT" and "endedAt" not in got
    advance(virtual, 1)
    got = runtime.get_flow_execution(**names)
    assert got["status"] == "Succeeded" and got["endedAt"]
    summaries = runtime.list_flow_executions(flowIdentifier=flow["id"])["flowExecutionSummaries"]
    assert [(s["executionArn"], s["status"]) for s in summaries] == [(arn, "Succeeded")]

    flow_events = runtime.list_flow_execution_events(eventType="Flow", **names)["flowExecutionEvents"]
    assert [list(e) for e in flow_events] == [["flowInputEvent"], ["flowOutputEvent"]]
    assert flow_events[0]["flowInputEvent"]["fields"] == [{"name": "document", "content": {"document": "weather"}}]
    assert flow_events[1]["flowOutputEvent"]["nodeName"] == "Weather"
    node_events = runtime.list_flow_execution_events(eventType="Node", **names)["flowExecutionEvents"]
    kinds = [next(iter(e)) for e in node_events]
    assert "conditionResultEvent" in kinds and "nodeActionEvent" in kinds and "nodeInputEvent" in kinds and "nodeOutputEvent" in kinds
    condition = next(e["conditionResultEvent"] for e in node_events if "conditionResultEvent" in e)
    assert condition["satisfiedConditions"] == [{"conditionName": "isWeather"}]

    snapshot = runtime.get_execution_flow_snapshot(**names)
    assert json.loads(snapshot["definition"]) == DEFINITION and snapshot["executionRoleArn"] == ROLE and snapshot["flowVersion"] == "DRAFT"

    second = runtime.start_flow_execution(flowIdentifier=flow["id"], flowAliasIdentifier="TSTALIASID", flowExecutionName="run-2",
                                          inputs=[{"nodeName": "Start", "nodeOutputName": "document", "content": {"document": "x"}}])
    stopped = runtime.stop_flow_execution(flowIdentifier=flow["id"], flowAliasIdentifier="TSTALIASID", executionIdentifier=second["executionArn"])
    assert stopped["status"] == "Aborted"
    with pytest.raises(runtime.exceptions.ConflictException):
        runtime.stop_flow_execution(flowIdentifier=flow["id"], flowAliasIdentifier="TSTALIASID", executionIdentifier="run-2")


def test_an_invalid_definition_fails_to_prepare_and_validate(virtual):
    agent = virtual.client("bedrock-agent")
    broken = {"nodes": [DEFINITION["nodes"][0], DEFINITION["nodes"][2]], "connections": [DEFINITION["connections"][1]]}
    validations = agent.validate_flow_definition(definition=broken)["validations"]
    types = {v["type"] for v in validations}
    assert "MissingEndingNodes" in types
    missing = next(v for v in validations if v["type"] == "MissingEndingNodes")
    assert missing["severity"] == "Error" and missing["details"] == {"missingEndingNodes": {}}
    flow = agent.create_flow(name="broken", executionRoleArn=ROLE, definition=broken)
    agent.prepare_flow(flowIdentifier=flow["id"])
    advance(virtual, 2)
    got = agent.get_flow(flowIdentifier=flow["id"])
    assert got["status"] == "Failed" and "MissingEndingNodes" in {v["type"] for v in got["validations"]}
    with pytest.raises(agent.exceptions.ValidationException):
        agent.create_flow_version(flowIdentifier=flow["id"])


def test_flow_errors_carry_aws_codes(virtual):
    agent = virtual.client("bedrock-agent")
    runtime = virtual.client("bedrock-agent-runtime")
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.get_flow(flowIdentifier="ABCDEFGHIJ")
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        invoke(runtime, "ABCDEFGHIJ", "TSTALIASID", "weather")
    with pytest.raises(agent.exceptions.ValidationException):
        agent.validate_flow_definition(definition={"nodes": [{"name": "Start", "type": "Teleport"}]})

    flow = agent.create_flow(name="unprepared", executionRoleArn=ROLE, definition=DEFINITION)
    with pytest.raises(runtime.exceptions.ValidationException):
        invoke(runtime, flow["id"], "TSTALIASID", "weather")
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        invoke(runtime, flow["id"], "ZZZZZZZZZZ", "weather")
    with pytest.raises(agent.exceptions.ValidationException):
        agent.create_flow_alias(flowIdentifier=flow["id"], name="live", routingConfiguration=[{"flowVersion": "DRAFT"}])
    with pytest.raises(agent.exceptions.ResourceNotFoundException):
        agent.create_flow_alias(flowIdentifier=flow["id"], name="live", routingConfiguration=[{"flowVersion": "7"}])
    with pytest.raises(agent.exceptions.ConflictException):
        agent.create_flow(name="unprepared", executionRoleArn=ROLE)

    advance(virtual, 1)
    agent.prepare_flow(flowIdentifier=flow["id"])
    advance(virtual, 2)
    with pytest.raises(runtime.exceptions.ValidationException):
        runtime.invoke_flow(flowIdentifier=flow["id"], flowAliasIdentifier="TSTALIASID",
                            inputs=[{"nodeName": "Begin", "nodeOutputName": "document", "content": {"document": "x"}}])


LAMBDAS = """
lambdas:
  - lambda: shout
    response: {shouted: "{{word}}!"}
"""


def test_an_iterator_sends_each_item_through_a_lambda_and_a_collector_gathers_them(start_emulator, tmp_path):
    # The Lambda node's answers come from the scenario's lambdas section, as agents' do.
    (tmp_path / "scenario.yaml").write_text(LAMBDAS)
    virtual = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path),
                             "--scenario", str(tmp_path / "scenario.yaml"))
    agent = virtual.client("bedrock-agent")
    runtime = virtual.client("bedrock-agent-runtime")
    lambda_arn = "arn:aws:lambda:us-east-1:123456789012:function:shout"
    definition = {
        "nodes": [
            {"name": "Start", "type": "Input", "configuration": {"input": {}}, "outputs": [{"name": "document", "type": "Array"}]},
            {"name": "Each", "type": "Iterator", "configuration": {"iterator": {}}, "inputs": [io("array", "Array")],
             "outputs": [{"name": "arrayItem", "type": "String"}, {"name": "arraySize", "type": "Number"}]},
            {"name": "Shout", "type": "LambdaFunction", "configuration": {"lambdaFunction": {"lambdaArn": lambda_arn}},
             "inputs": [io("word", "String")], "outputs": [{"name": "functionResponse", "type": "Object"}]},
            {"name": "Keep", "type": "Storage", "configuration": {"storage": {"serviceConfiguration": {"s3": {"bucketName": "flow-out"}}}},
             "inputs": [io("content", "Array"), io("objectKey", "String", "$.data[0]")], "outputs": [{"name": "s3Uri", "type": "String"}]},
            {"name": "Gather", "type": "Collector", "configuration": {"collector": {}},
             "inputs": [io("arrayItem", "Object"), io("arraySize", "Number")], "outputs": [{"name": "collectedArray", "type": "Array"}]},
            {"name": "End", "type": "Output", "configuration": {"output": {}}, "inputs": [io("document", "Array")]},
            {"name": "Where", "type": "Output", "configuration": {"output": {}}, "inputs": [io("document", "String")]},
        ],
        "connections": [
            data("Start", "document", "Each", "array"), data("Each", "arrayItem", "Shout", "word"),
            data("Shout", "functionResponse", "Gather", "arrayItem"), data("Each", "arraySize", "Gather", "arraySize"),
            data("Gather", "collectedArray", "End", "document"),
            data("Start", "document", "Keep", "content"), data("Start", "document", "Keep", "objectKey"), data("Keep", "s3Uri", "Where", "document"),
        ],
    }
    assert agent.validate_flow_definition(definition=definition)["validations"] == []
    flow = prepared_flow(virtual, agent, definition)
    response = runtime.invoke_flow(flowIdentifier=flow["id"], flowAliasIdentifier="TSTALIASID",
                                   inputs=[{"nodeName": "Start", "nodeOutputName": "document", "content": {"document": ["hi", "yo"]}}])
    outputs = {e["flowOutputEvent"]["nodeName"]: e["flowOutputEvent"]["content"]["document"] for e in response["responseStream"] if "flowOutputEvent" in e}
    assert outputs["End"] == [{"shouted": "hi!"}, {"shouted": "yo!"}]
    assert outputs["Where"] == "s3://flow-out/hi"
    assert json.loads((tmp_path / "objects" / "flow-out" / "hi").read_text()) == ["hi", "yo"]


def test_an_agent_node_runs_the_agent_behind_its_alias(virtual):
    from test_agent_runtime import INSTRUCTION, new_agent, prepare
    agent = virtual.client("bedrock-agent")
    runtime = virtual.client("bedrock-agent-runtime")
    agent_id = new_agent(virtual, agent, agentName="flow-agent")
    prepare(virtual, agent, agent_id)
    alias_arn = f"arn:aws:bedrock:us-east-1:123456789012:agent-alias/{agent_id}/TSTALIASID"
    definition = {
        "nodes": [
            {"name": "Start", "type": "Input", "configuration": {"input": {}}, "outputs": [{"name": "document", "type": "String"}]},
            {"name": "Ask", "type": "Agent", "configuration": {"agent": {"agentAliasArn": alias_arn}},
             "inputs": [io("agentInputText", "String")], "outputs": [{"name": "agentResponse", "type": "String"}]},
            {"name": "End", "type": "Output", "configuration": {"output": {}}, "inputs": [io("document", "String")]},
        ],
        "connections": [data("Start", "document", "Ask", "agentInputText"), data("Ask", "agentResponse", "End", "document")],
    }
    flow = prepared_flow(virtual, agent, definition)
    _, events = invoke(runtime, flow["id"], "TSTALIASID", "What should I pack for Lisbon?")
    answer = [e["flowOutputEvent"]["content"]["document"] for e in events if "flowOutputEvent" in e][0]
    direct = runtime.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId="direct", inputText="What should I pack for Lisbon?")
    assert answer == b"".join(e["chunk"]["bytes"] for e in direct["completion"] if "chunk" in e).decode()
    assert "Lisbon" in answer and INSTRUCTION not in answer
