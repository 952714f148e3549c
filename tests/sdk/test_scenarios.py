"""Scenario files through real clients: scripted replies and tool calls, throttling that
boto3's retry rides out, mid-stream errors, model access, job timing, the journal's rule
field, refusals at start and at run time, and --watch."""

from __future__ import annotations

import json
import subprocess
import threading
import time

import boto3
import botocore.config
import botocore.exceptions
import pytest
import requests

from conftest import Emulator, emulator_binary
from libsupport import CLAUDE, offline  # noqa: F401 (fixture)

NOVA = "amazon.nova-lite-v1:0"
TITAN = "amazon.titan-text-express-v1"

SCRIPT = """
seed: 11
clock: {mode: virtual, start: "2026-01-01T00:00:00Z"}
accounts:
  - {access_key_id: AKIDTEAMB, account_id: "111122223333"}
models:
  - {model: "anthropic.claude-3-opus*", access: denied}
  - {model: amazon.titan-text-express-v1, requests_per_minute: 1}
responses:
  - name: greeting
    match: {operation: [Converse, ConverseStream, InvokeModel], prompt: {contains: refund policy}}
    reply: "Refunds are accepted within 30 days of delivery."
  - name: order-lookup
    match: {tools: lookup_order, turn: 1}
    tool_call: {name: lookup_order, input: {order_id: "A-1001"}}
  - name: order-answer
    match: {tools: lookup_order, turn: 2}
    reply: "Order A-1001 shipped yesterday."
  - name: third-invoke-throttled
    match: {operation: InvokeModel, model: "amazon.nova-*", nth: 3}
    error: ThrottlingException
  - name: broken-stream
    match: {prompt: {regex: "^break( it)?$"}}
    error: {code: ModelStreamErrorException, mid_stream: true, after_events: 2}
  - name: timeout
    match: {prompt: too slow}
    error: ModelTimeoutException
jobs:
  async_invoke: {durations: {InProgress: 300}, outcome: Failed, message: "The model ran out of memory."}
"""

LOOKUP_TOOL = {"tools": [{"toolSpec": {
    "name": "lookup_order", "description": "Find an order",
    "inputSchema": {"json": {"type": "object", "properties": {"order_id": {"type": "string"}}, "required": ["order_id"]}}}}]}


def user(text: str) -> dict:
    return {"role": "user", "content": [{"text": text}]}


@pytest.fixture
def scripted(start_emulator, tmp_path):
    path = tmp_path / "scenario.yaml"
    path.write_text(SCRIPT)
    return start_emulator("--scenario", str(path))


def journal(emu, **params) -> list[dict]:
    return requests.get(emu.url + "/_emulator/journal", params=params, timeout=10).json()["entries"]


def test_a_scripted_reply_reaches_converse_invoke_model_and_the_stream(scripted):
    runtime = scripted.client("bedrock-runtime")
    answer = runtime.converse(modelId=CLAUDE, messages=[user("What is your refund policy?")])
    assert answer["output"]["message"]["content"] == [{"text": "Refunds are accepted within 30 days of delivery."}]
    assert answer["stopReason"] == "end_turn"
    assert answer["usage"]["outputTokens"] > 0

    body = {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 100, "messages": [{"role": "user", "content": "Your REFUND POLICY?"}]}
    native = json.loads(runtime.invoke_model(modelId=CLAUDE, body=json.dumps(body))["body"].read())
    assert native["content"] == [{"type": "text", "text": "Refunds are accepted within 30 days of delivery."}]

    stream = runtime.converse_stream(modelId=CLAUDE, messages=[user("refund policy please")])["stream"]
    text = "".join(e["contentBlockDelta"]["delta"]["text"] for e in stream if "contentBlockDelta" in e)
    assert text == "Refunds are accepted within 30 days of delivery."
    calls = journal(scripted)
    assert [e["rule"] for e in calls] == ["greeting", "greeting", "greeting"]
    assert [e["summary"] for e in calls] == ["What is your refund policy?", "Your REFUND POLICY?", "refund policy please"]
    scripted.client("bedrock").get_foundation_model(modelIdentifier=NOVA)
    assert journal(scripted, operation="GetFoundationModel")[0]["summary"] == f"modelIdentifier={NOVA}"


def test_a_scripted_conversation_calls_the_tool_then_answers(scripted):
    runtime = scripted.client("bedrock-runtime")
    messages = [user("Where is my order?")]
    first = runtime.converse(modelId=CLAUDE, messages=messages, toolConfig=LOOKUP_TOOL)
    assert first["stopReason"] == "tool_use"
    call = first["output"]["message"]["content"][0]["toolUse"]
    assert call["name"] == "lookup_order" and call["input"] == {"order_id": "A-1001"}
    messages += [first["output"]["message"],
                 {"role": "user", "content": [
                     {"toolResult": {"toolUseId": call["toolUseId"], "content": [{"json": {"status": "shipped"}}]}},
                     {"text": "Thanks. When did it ship?"}]}]
    second = runtime.converse(modelId=CLAUDE, messages=messages, toolConfig=LOOKUP_TOOL)
    assert second["output"]["message"]["content"] == [{"text": "Order A-1001 shipped yesterday."}]
    assert [e["rule"] for e in journal(scripted, operation="Converse")] == ["order-lookup", "order-answer"]


def test_the_third_call_is_throttled_and_boto3_standard_retry_recovers(scripted):
    body = json.dumps({"messages": [{"role": "user", "content": [{"text": "Say something"}]}]})
    patient = scripted.client("bedrock-runtime", retries={"mode": "standard", "max_attempts": 3})
    for _ in range(3):
        assert json.loads(patient.invoke_model(modelId=NOVA, body=body)["body"].read())["stopReason"] == "end_turn"
    calls = journal(scripted, operation="InvokeModel")
    assert [(e["status"], e["rule"]) for e in calls] == [(200, None), (200, None), (429, "third-invoke-throttled"), (200, None)]

    impatient = scripted.client("bedrock-runtime", retries={"total_max_attempts": 1})
    assert requests.put(scripted.url + "/_emulator/scenario", data=SCRIPT, timeout=10).status_code == 200  # counts start afresh
    for _ in range(2):
        impatient.invoke_model(modelId=NOVA, body=body)
    with pytest.raises(botocore.exceptions.ClientError) as info:
        impatient.invoke_model(modelId=NOVA, body=body)
    assert info.value.response["Error"] == {"Code": "ThrottlingException", "Message": "Too many requests, please wait before trying again."}
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429


def test_a_scenario_quota_throttles_until_the_virtual_minute_passes_and_retry_waits_for_it(scripted):
    runtime = scripted.client("bedrock-runtime")
    messages = [user("Name a colour")]
    runtime.converse(modelId=TITAN, messages=messages)
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.converse(modelId=TITAN, messages=messages)
    assert info.value.response["Error"]["Code"] == "ThrottlingException"

    # A retrying client waits; the window frees when the test moves the clock.
    def free_the_window():
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and len(journal(scripted, status=429)) < 2:
            time.sleep(0.02)
        requests.post(scripted.url + "/_emulator/clock", json={"advance": 60}, timeout=10)

    mover = threading.Thread(target=free_the_window)
    mover.start()
    patient = scripted.client("bedrock-runtime", retries={"mode": "standard", "max_attempts": 8})
    assert patient.converse(modelId=TITAN, messages=messages)["stopReason"] == "end_turn"
    mover.join()
    quotas = requests.get(scripted.url + "/_emulator/quotas", timeout=10).json()
    assert quotas["usage"][0]["requests"] == 1
    assert quotas["mode"] == "off" and quotas["scenarioLimits"] == [{"model": TITAN, "requestsPerMinute": 1, "tokensPerMinute": None}]


def test_a_mid_stream_error_reaches_the_client_as_the_modeled_exception(scripted):
    runtime = scripted.client("bedrock-runtime")
    events = []
    with pytest.raises(botocore.exceptions.EventStreamError) as info:
        for event in runtime.converse_stream(modelId=CLAUDE, messages=[user("break it")])["stream"]:
            events.append(next(iter(event)))
    assert info.value.response["Error"]["Code"] == "modelStreamErrorException"
    assert events == ["messageStart", "contentBlockDelta"]

    body = {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 100, "messages": [{"role": "user", "content": "break"}]}
    chunks = []
    with pytest.raises(botocore.exceptions.EventStreamError) as info:
        for event in runtime.invoke_model_with_response_stream(modelId=CLAUDE, body=json.dumps(body))["body"]:
            chunks.append(json.loads(event["chunk"]["bytes"])["type"])
    assert info.value.response["Error"]["Code"] == "modelStreamErrorException"
    assert chunks == ["message_start", "content_block_start"]
    broken = journal(scripted, rule="broken-stream")
    assert [(e["status"], e["errorCode"]) for e in broken] == [(200, "ModelStreamErrorException")] * 2


def test_faults_and_access_come_out_as_aws_shapes_them(scripted):
    runtime = scripted.client("bedrock-runtime")
    with pytest.raises(runtime.exceptions.ModelTimeoutException) as timeout:
        runtime.converse(modelId=CLAUDE, messages=[user("this is too slow")])
    assert timeout.value.response["ResponseMetadata"]["HTTPStatusCode"] == 408
    with pytest.raises(runtime.exceptions.AccessDeniedException) as denied:
        runtime.converse(modelId="anthropic.claude-3-opus-20240229-v1:0", messages=[user("hi")])
    assert denied.value.response["Error"]["Message"] == "You don't have access to the model with the specified model ID."
    assert denied.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403


def test_job_timing_accounts_and_the_jobs_view_follow_the_scenario(scripted):
    # A second team's key: the scenario maps it to its own account.
    runtime = boto3.session.Session().client(
        "bedrock-runtime", endpoint_url=scripted.url, region_name="eu-west-1", aws_access_key_id="AKIDTEAMB",
        aws_secret_access_key="x", config=botocore.config.Config(retries={"max_attempts": 1}))
    arn = runtime.start_async_invoke(
        modelId=NOVA, modelInput={"messages": [user("hi")]},
        outputDataConfig={"s3OutputDataConfig": {"s3Uri": "s3://outputs/run"}})["invocationArn"]
    assert arn.startswith("arn:aws:bedrock:eu-west-1:111122223333:async-invoke/")
    requests.post(scripted.url + "/_emulator/clock", json={"advance": 299}, timeout=10)
    assert runtime.get_async_invoke(invocationArn=arn)["status"] == "InProgress"
    requests.post(scripted.url + "/_emulator/clock", json={"advance": 1}, timeout=10)
    done = runtime.get_async_invoke(invocationArn=arn)
    assert done["status"] == "Failed" and done["failureMessage"] == "The model ran out of memory."
    jobs = requests.get(scripted.url + "/_emulator/jobs", timeout=10).json()["jobs"]
    assert jobs == [{"type": "async_invoke", "arn": arn, "status": "Failed", "history": [
        {"status": "InProgress", "time": "2026-01-01T00:00:00Z"}, {"status": "Failed", "time": "2026-01-01T00:05:00Z"}]}]


def test_a_bad_scenario_is_refused_at_start_with_file_line_and_path(tmp_path):
    path = tmp_path / "typo.yaml"
    path.write_text("responses:\n  - match: {operation: Converse}\n    replys: hi\n")
    done = subprocess.run([str(emulator_binary()), "--port", "0", "--scenario", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"{path}:3:5: responses[0].replys: unknown key `replys`" in done.stderr


def test_a_bad_scenario_at_run_time_leaves_the_old_one_in_force(scripted):
    refused = requests.put(scripted.url + "/_emulator/scenario", data="responses:\n  - error: NoSuchException\n", timeout=10)
    assert refused.status_code == 400
    assert "admin:2:12: responses[0].error: `NoSuchException` is not an error" in refused.json()["message"]
    state = requests.get(scripted.url + "/_emulator/scenario", timeout=10).json()
    assert state["rules"][0] == "greeting" and state["seed"] == 11

    swapped = requests.put(scripted.url + "/_emulator/scenario", data='{"responses": [{"name": "json", "reply": "From JSON."}]}', timeout=10)
    assert swapped.status_code == 200 and swapped.json()["rules"] == ["json"]
    answer = scripted.client("bedrock-runtime").converse(modelId=CLAUDE, messages=[user("anything")])
    assert answer["output"]["message"]["content"] == [{"text": "From JSON."}]


def test_watch_reloads_the_file_when_it_changes(start_emulator, tmp_path):
    path = tmp_path / "watched.yaml"
    path.write_text("responses:\n  - {name: first, reply: One.}\n")
    emu = start_emulator("--scenario", str(path), "--watch")
    runtime = emu.client("bedrock-runtime")
    assert runtime.converse(modelId=CLAUDE, messages=[user("x")])["output"]["message"]["content"] == [{"text": "One."}]
    path.write_text("responses:\n  - {name: second, reply: \"Two, after the edit.\"}\n")

    def rules():
        return requests.get(emu.url + "/_emulator/scenario", timeout=10).json()["rules"]

    deadline = time.monotonic() + 15
    while rules() != ["second"] and time.monotonic() < deadline:
        time.sleep(0.1)
    assert runtime.converse(modelId=CLAUDE, messages=[user("x")])["output"]["message"]["content"] == [{"text": "Two, after the edit."}]
    path.write_text("responses: [\n")  # a bad edit is logged; the scenario stays
    time.sleep(1.2)
    assert rules() == ["second"] and emu.alive


def test_a_scripted_reply_reaches_langchain(offline, scripted):
    import langchain_aws

    for chat in (langchain_aws.ChatBedrockConverse(model=CLAUDE, endpoint_url=scripted.url, region_name="us-east-1"),
                 langchain_aws.ChatBedrock(model_id=CLAUDE, endpoint_url=scripted.url, region_name="us-east-1")):
        assert chat.invoke("Tell me the refund policy").content == "Refunds are accepted within 30 days of delivery."
        bound = chat.bind_tools([{"name": "lookup_order", "description": "Find an order",
                                  "parameters": {"type": "object", "properties": {"order_id": {"type": "string"}}}}])
        message = bound.invoke("Where is my order?")
        assert message.tool_calls[0]["name"] == "lookup_order" and message.tool_calls[0]["args"] == {"order_id": "A-1001"}


def test_a_scenario_ages_models_in_the_control_plane_and_the_runtime(start_emulator, tmp_path):
    path = tmp_path / "lifecycle.yaml"
    path.write_text('models:\n  - {model: "amazon.nova-lite-*", lifecycle: LEGACY}\n  - {model: amazon.titan-text-express-v1, lifecycle: END_OF_LIFE}\n')
    emu = start_emulator("--scenario", str(path))
    bedrock = emu.client("bedrock")
    assert bedrock.get_foundation_model(modelIdentifier=NOVA)["modelDetails"]["modelLifecycle"]["status"] == "LEGACY"
    listed = {m["modelId"]: m["modelLifecycle"]["status"] for m in bedrock.list_foundation_models()["modelSummaries"]}
    assert listed[NOVA] == "LEGACY" and TITAN not in listed
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.get_foundation_model(modelIdentifier=TITAN)
    runtime = emu.client("bedrock-runtime")
    assert runtime.converse(modelId=NOVA, messages=[user("hi")])["stopReason"] == "end_turn"  # legacy models still answer
    with pytest.raises(runtime.exceptions.ValidationException) as info:
        runtime.converse(modelId=TITAN, messages=[user("hi")])
    assert "reached the end of its life" in info.value.response["Error"]["Message"]


def test_a_scenario_can_bring_an_end_of_life_model_back_everywhere(start_emulator, tmp_path):
    path = tmp_path / "revive.yaml"
    path.write_text("models:\n  - {model: anthropic.claude-v1, lifecycle: LEGACY}\n")
    bedrock = start_emulator().client("bedrock")
    assert "anthropic.claude-v1" not in {m["modelId"] for m in bedrock.list_foundation_models()["modelSummaries"]}
    bedrock = start_emulator("--scenario", str(path)).client("bedrock")
    listed = {m["modelId"]: m["modelLifecycle"]["status"] for m in bedrock.list_foundation_models()["modelSummaries"]}
    assert listed["anthropic.claude-v1"] == "LEGACY"
    assert bedrock.get_foundation_model(modelIdentifier="anthropic.claude-v1")["modelDetails"]["modelLifecycle"]["status"] == "LEGACY"


def test_on_the_system_clock_a_job_finishes_and_writes_its_files_unasked(start_emulator, tmp_path):
    path = tmp_path / "quick.yaml"
    path.write_text("jobs:\n  async_invoke: {durations: {InProgress: 0.5}}\n")
    emu = start_emulator("--scenario", str(path), "--state", str(tmp_path / "state"))
    runtime = emu.client("bedrock-runtime")
    arn = runtime.start_async_invoke(
        modelId=NOVA, modelInput={"messages": [user("hi")]},
        outputDataConfig={"s3OutputDataConfig": {"s3Uri": "s3://outputs/quick"}})["invocationArn"]
    output = tmp_path / "state" / "objects" / "outputs" / "quick" / arn.rsplit("/", 1)[1] / "output.json"
    deadline = time.monotonic() + 20
    while not output.exists() and time.monotonic() < deadline:  # nobody calls Get meanwhile
        time.sleep(0.05)
    assert json.loads(output.read_text())["stopReason"] == "end_turn"
    assert runtime.get_async_invoke(invocationArn=arn)["status"] == "Completed"


SEEDED = """
clock: {mode: virtual, start: "2026-01-01T00:00:00Z"}
resources:
  provisioned_throughputs:
    - provisionedModelName: demo-pt
      modelId: anthropic.claude-3-haiku-20240307-v1:0
      modelUnits: 2
      tags: [{key: team, value: qa}]
"""


def test_seeded_resources_exist_at_start_come_back_after_reset_and_are_made_once(start_emulator, tmp_path):
    path = tmp_path / "seeded.yaml"
    path.write_text(SEEDED)
    emu = start_emulator("--scenario", str(path))
    bedrock = emu.client("bedrock")
    [seeded] = bedrock.list_provisioned_model_throughputs()["provisionedModelSummaries"]
    assert (seeded["provisionedModelName"], seeded["status"], seeded["modelUnits"]) == ("demo-pt", "InService", 2)
    assert seeded["creationTime"].isoformat() == "2026-01-01T00:00:00+00:00"
    assert bedrock.list_tags_for_resource(resourceARN=seeded["provisionedModelArn"])["tags"] == [{"key": "team", "value": "qa"}]
    runtime = emu.client("bedrock-runtime")
    answer = runtime.converse(modelId=seeded["provisionedModelArn"], messages=[{"role": "user", "content": [{"text": "Hello"}]}])
    assert answer["output"]["message"]["content"][0]["text"]
    # Put in force again: the name is taken, so nothing new is made.
    assert requests.put(emu.url + "/_emulator/scenario", data=SEEDED, timeout=10).status_code == 200
    assert len(bedrock.list_provisioned_model_throughputs()["provisionedModelSummaries"]) == 1
    bedrock.delete_provisioned_model_throughput(provisionedModelId="demo-pt")
    assert bedrock.list_provisioned_model_throughputs()["provisionedModelSummaries"] == []
    assert requests.post(emu.url + "/_emulator/reset", json={}, timeout=10).status_code == 200
    [again] = bedrock.list_provisioned_model_throughputs()["provisionedModelSummaries"]
    assert (again["provisionedModelName"], again["status"]) == ("demo-pt", "InService")


def test_a_seed_is_checked_as_its_create_input_and_refused_with_its_line(start_emulator, tmp_path):
    path = tmp_path / "bad-seed.yaml"
    path.write_text("resources:\n  provisioned_throughputs:\n    - {provisionedModelName: pt, modelId: anthropic.claude-3-haiku-20240307-v1:0, modelUnits: 0}\n")
    failed = subprocess.run([str(emulator_binary()), "--port", "0", "--scenario", str(path)], capture_output=True, text=True, timeout=30)
    assert failed.returncode == 2
    assert f"{path}:3:7: resources.provisioned_throughputs[0]: not a valid CreateProvisionedModelThroughput input" in failed.stderr
    assert "'modelUnits'" in failed.stderr
    emu = start_emulator()
    refused = requests.put(emu.url + "/_emulator/scenario", timeout=10, data=(
        "resources:\n  provisioned_throughputs:\n    - {provisionedModelName: pt, modelId: amazon.titan-embed-g1-text-02, modelUnits: 1}\n"))
    assert refused.status_code == 400 and "CreateProvisionedModelThroughput refused it: ValidationException" in refused.json()["message"]
    unknown = requests.put(emu.url + "/_emulator/scenario", data="resources:\n  flows: []\n", timeout=10)
    assert unknown.status_code == 400 and "unknown key `flows`" in unknown.json()["message"]
    assert emu.client("bedrock").list_provisioned_model_throughputs()["provisionedModelSummaries"] == []


def test_the_journal_times_a_paced_stream_to_its_last_frame(start_emulator, tmp_path):
    path = tmp_path / "paced.yaml"
    path.write_text("responses:\n  - match: {operation: ConverseStream}\n    reply: Slow and steady.\n    latency: {first_token_ms: 400}\n")
    emu = start_emulator("--scenario", str(path))
    stream = emu.client("bedrock-runtime").converse_stream(modelId=CLAUDE, messages=[user("hi")])["stream"]
    assert any("messageStop" in event for event in stream)
    [entry] = journal(emu, operation="ConverseStream")
    # The emulator sleeps before the first token; the entry covers the stream, not just its head.
    assert entry["latencyMs"] >= 400


def test_a_seeded_guardrail_reads_back_in_get_guardrails_shape(start_emulator, tmp_path):
    path = tmp_path / "guardrail.yaml"
    path.write_text("""
resources:
  guardrails:
    - name: pii-guard
      blockedInputMessaging: Sorry, I cannot help with that.
      blockedOutputsMessaging: Sorry, I cannot answer that.
      sensitiveInformationPolicyConfig:
        piiEntitiesConfig: [{type: EMAIL, action: ANONYMIZE}]
""")
    bedrock = start_emulator("--scenario", str(path)).client("bedrock")
    [listed] = bedrock.list_guardrails()["guardrails"]
    guardrail = bedrock.get_guardrail(guardrailIdentifier=listed["id"])
    assert (guardrail["name"], guardrail["status"], guardrail["version"]) == ("pii-guard", "READY", "DRAFT")
    assert guardrail["sensitiveInformationPolicy"]["piiEntities"][0]["action"] == "ANONYMIZE"


EVERY_KIND = """
clock: {mode: virtual, start: "2026-01-01T00:00:00Z"}
resources:
  objects:
    - {uri: s3://artifacts/tuned/manifest.json, json: {}}
  custom_models:
    - {modelName: tuned, modelSourceConfig: {s3DataSource: {s3Uri: "s3://artifacts/tuned/"}}}
  knowledge_bases:
    - name: faq
      roleArn: arn:aws:iam::123456789012:role/kb
      knowledgeBaseConfiguration:
        type: VECTOR
        vectorKnowledgeBaseConfiguration: {embeddingModelArn: "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0"}
      storageConfiguration:
        type: OPENSEARCH_SERVERLESS
        opensearchServerlessConfiguration:
          collectionArn: arn:aws:aoss:us-east-1:123456789012:collection/kbcollection
          vectorIndexName: kb-index
          fieldMapping: {vectorField: vector, textField: text, metadataField: metadata}
  agents:
    - {agentName: helper, foundationModel: anthropic.claude-3-haiku-20240307-v1:0, instruction: "You help customers track, change and return their orders."}
"""


def test_custom_models_knowledge_bases_and_agents_are_seeded_ready(start_emulator, tmp_path):
    path = tmp_path / "every-kind.yaml"
    path.write_text(EVERY_KIND)
    emu = start_emulator("--scenario", str(path))
    [model] = emu.client("bedrock").list_custom_models()["modelSummaries"]
    assert (model["modelName"], model["modelStatus"]) == ("tuned", "Active")
    agent = emu.client("bedrock-agent")
    [kb] = agent.list_knowledge_bases()["knowledgeBaseSummaries"]
    assert (kb["name"], kb["status"]) == ("faq", "ACTIVE")
    [helper] = agent.list_agents()["agentSummaries"]
    assert (helper["agentName"], helper["agentStatus"]) == ("helper", "NOT_PREPARED")
    assert agent.prepare_agent(agentId=helper["agentId"])["agentStatus"] == "PREPARING"
