"""Provisioned throughput through boto3: Creating -> InService on the clock, Get, List,
Update, Delete (refused during a commitment), invoked in the runtime by its ARN with its
own quota window; custom models are served only through one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

NOVA = "amazon.nova-lite-v1:0"
TITAN = "amazon.titan-text-express-v1"


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


def user(text: str) -> dict:
    return {"role": "user", "content": [{"text": text}]}


@pytest.fixture
def virtual(start_emulator):
    return start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z")


def test_a_provisioned_model_comes_into_service_and_answers_by_its_arn(virtual):
    bedrock, runtime = virtual.client("bedrock"), virtual.client("bedrock-runtime")
    arn = bedrock.create_provisioned_model_throughput(
        provisionedModelName="nova-pt", modelId=NOVA, modelUnits=2, tags=[{"key": "team", "value": "search"}])["provisionedModelArn"]
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/")
    got = bedrock.get_provisioned_model_throughput(provisionedModelId=arn)
    assert got["status"] == "Creating" and got["modelUnits"] == 2 and got["foundationModelArn"].endswith(f"foundation-model/{NOVA}")
    with pytest.raises(runtime.exceptions.ModelNotReadyException):
        runtime.converse(modelId=arn, messages=[user("hi")])
    advance(virtual, 10)
    assert bedrock.get_provisioned_model_throughput(provisionedModelId="nova-pt")["status"] == "InService"
    assert runtime.converse(modelId=arn, messages=[user("Name a planet")])["stopReason"] == "end_turn"
    body = json.dumps({"messages": [{"role": "user", "content": [{"text": "Name a planet"}]}]})
    assert json.loads(runtime.invoke_model(modelId=arn, body=body)["body"].read())["stopReason"] == "end_turn"
    calls = requests.get(virtual.url + "/_emulator/journal", params={"operation": "Converse"}, timeout=10).json()["entries"]
    assert calls[-1]["modelId"] == arn and calls[-1]["status"] == 200

    bedrock.update_provisioned_model_throughput(provisionedModelId=arn, desiredProvisionedModelName="nova-pt-2")
    summaries = bedrock.list_provisioned_model_throughputs(statusEquals="InService")["provisionedModelSummaries"]
    assert [(s["provisionedModelName"], s["modelUnits"]) for s in summaries] == [("nova-pt-2", 2)]
    assert bedrock.list_provisioned_model_throughputs(nameContains="nothing")["provisionedModelSummaries"] == []
    bedrock.delete_provisioned_model_throughput(provisionedModelId=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_provisioned_model_throughput(provisionedModelId=arn)
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.converse(modelId=arn, messages=[user("hi")])


def test_commitments_names_and_models_are_checked(virtual):
    bedrock = virtual.client("bedrock")
    arn = bedrock.create_provisioned_model_throughput(
        provisionedModelName="committed", modelId=NOVA, modelUnits=1, commitmentDuration="OneMonth")["provisionedModelArn"]
    got = bedrock.get_provisioned_model_throughput(provisionedModelId=arn)
    assert got["commitmentExpirationTime"].isoformat() == "2026-02-01T00:00:00+00:00"
    advance(virtual, 10)
    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.delete_provisioned_model_throughput(provisionedModelId=arn)
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.create_provisioned_model_throughput(provisionedModelName="committed", modelId=NOVA, modelUnits=1)
    with pytest.raises(bedrock.exceptions.ValidationException) as info:
        bedrock.create_provisioned_model_throughput(provisionedModelName="other", modelId="ai21.jamba-1-5-mini-v1:0", modelUnits=1)
    assert "does not support Provisioned Throughput" in info.value.response["Error"]["Message"]
    token = bedrock.create_provisioned_model_throughput(provisionedModelName="tok", modelId=NOVA, modelUnits=1, clientRequestToken="t-1")
    again = bedrock.create_provisioned_model_throughput(provisionedModelName="tok", modelId=NOVA, modelUnits=1, clientRequestToken="t-1")
    assert token["provisionedModelArn"] == again["provisionedModelArn"]


def test_a_custom_model_is_served_only_through_provisioned_throughput(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    training = tmp_path / "objects" / "training" / "train.jsonl"
    training.parent.mkdir(parents=True)
    training.write_text(json.dumps({"prompt": "Q?", "completion": "A."}) + "\n")
    bedrock, runtime = emu.client("bedrock"), emu.client("bedrock-runtime")
    job = bedrock.create_model_customization_job(
        jobName="ft", customModelName="mine", roleArn="arn:aws:iam::123456789012:role/R", baseModelIdentifier=TITAN,
        trainingDataConfig={"s3Uri": "s3://training/train.jsonl"}, outputDataConfig={"s3Uri": "s3://out/"})["jobArn"]
    advance(emu, 30)
    model_arn = bedrock.get_model_customization_job(jobIdentifier=job)["outputModelArn"]
    with pytest.raises(runtime.exceptions.ValidationException) as info:
        runtime.converse(modelId=model_arn, messages=[user("hi")])
    assert "on-demand throughput isn't supported" in info.value.response["Error"]["Message"]
    arn = bedrock.create_provisioned_model_throughput(provisionedModelName="mine-pt", modelId=model_arn, modelUnits=1)["provisionedModelArn"]
    got = bedrock.get_provisioned_model_throughput(provisionedModelId=arn)
    assert got["modelArn"] == model_arn and got["foundationModelArn"].endswith(f"foundation-model/{TITAN}")
    advance(emu, 10)
    assert runtime.converse(modelId=arn, messages=[user("Q?")])["stopReason"] == "end_turn"


def test_provisioned_throughput_has_its_own_budget_and_resource_quotas_apply(start_emulator, tmp_path):
    scenario = tmp_path / "pt.yaml"
    scenario.write_text(
        "clock: {mode: virtual, start: \"2026-01-01T00:00:00Z\"}\n"
        "models:\n  - {model: \"arn:aws:bedrock:*:provisioned-model/*\", requests_per_minute: 2}\n"
        "  - {model: amazon.nova-lite-v1:0, requests_per_minute: 1}\n"
        "quotas:\n  resources: {provisioned_model_units: 3}\n"
        "jobs:\n  provisioned_throughput: {durations: {Creating: 60}}\n")
    emu = start_emulator("--scenario", str(scenario))
    bedrock, runtime = emu.client("bedrock"), emu.client("bedrock-runtime", retries={"total_max_attempts": 1})
    arn = bedrock.create_provisioned_model_throughput(provisionedModelName="pt", modelId=NOVA, modelUnits=2)["provisionedModelArn"]
    with pytest.raises(bedrock.exceptions.ServiceQuotaExceededException):
        bedrock.create_provisioned_model_throughput(provisionedModelName="pt2", modelId=NOVA, modelUnits=2)
    advance(emu, 59)
    assert bedrock.get_provisioned_model_throughput(provisionedModelId=arn)["status"] == "Creating"
    advance(emu, 1)
    runtime.converse(modelId=NOVA, messages=[user("on demand")])  # the on-demand window: 1 a minute
    for _ in range(2):
        runtime.converse(modelId=arn, messages=[user("provisioned")])  # its own window: 2 a minute
    for model in (NOVA, arn):
        with pytest.raises(runtime.exceptions.ThrottlingException):
            runtime.converse(modelId=model, messages=[user("one more")])
