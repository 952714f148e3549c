"""CreateCustomModel from artifacts in the local object store, and custom model deployments
through boto3, on the virtual clock."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

ARTIFACTS = "s3://artifacts/nova-tuned/"


def put(state: Path, uri: str, text: str) -> None:
    path = state / "objects" / uri.removeprefix("s3://")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


@pytest.fixture
def virtual(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    put(tmp_path, ARTIFACTS + "manifest.json", "{}")
    return emu, tmp_path, emu.client("bedrock")


def make_model(emu, bedrock, name: str, wait: bool = True) -> str:
    arn = bedrock.create_custom_model(modelName=name, modelSourceConfig={"s3DataSource": {"s3Uri": ARTIFACTS}})["modelArn"]
    if wait:
        advance(emu, 15)
    return arn


def test_create_custom_model_moves_from_creating_to_active(virtual):
    emu, state, bedrock = virtual
    arn = bedrock.create_custom_model(
        modelName="from-artifacts", modelSourceConfig={"s3DataSource": {"s3Uri": ARTIFACTS}},
        modelTags=[{"key": "src", "value": "sagemaker"}], clientRequestToken="cm-1")["modelArn"]
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/") and len(arn.rsplit("/", 1)[1]) == 12
    assert bedrock.create_custom_model(
        modelName="from-artifacts", modelSourceConfig={"s3DataSource": {"s3Uri": ARTIFACTS}}, clientRequestToken="cm-1")["modelArn"] == arn
    model = bedrock.get_custom_model(modelIdentifier=arn)
    assert model["modelStatus"] == "Creating" and model["modelName"] == "from-artifacts"
    assert model["creationTime"].isoformat() == "2026-01-01T00:00:00+00:00"
    assert [m["modelName"] for m in bedrock.list_custom_models(modelStatus="Creating")["modelSummaries"]] == ["from-artifacts"]
    advance(emu, 15)
    assert bedrock.get_custom_model(modelIdentifier=arn)["modelStatus"] == "Active"
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [{"key": "src", "value": "sagemaker"}]
    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.create_custom_model(modelName="from-artifacts", modelSourceConfig={"s3DataSource": {"s3Uri": ARTIFACTS}})
    with pytest.raises(bedrock.exceptions.ValidationException) as err:
        bedrock.create_custom_model(modelName="empty", modelSourceConfig={"s3DataSource": {"s3Uri": "s3://artifacts/nothing/"}})
    assert "s3://artifacts/nothing/" in err.value.response["Error"]["Message"]


def test_a_deployment_lifecycle(virtual):
    emu, state, bedrock = virtual
    first = make_model(emu, bedrock, "model-one")
    second = make_model(emu, bedrock, "model-two")
    arn = bedrock.create_custom_model_deployment(
        modelDeploymentName="serve-one", modelArn=first, description="on demand", tags=[{"key": "env", "value": "dev"}])["customModelDeploymentArn"]
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/") and len(arn.rsplit("/", 1)[1]) == 12
    got = bedrock.get_custom_model_deployment(customModelDeploymentIdentifier=arn)
    assert got["status"] == "Creating" and got["modelArn"] == first and got["modelDeploymentName"] == "serve-one"
    assert got["description"] == "on demand"
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.update_custom_model_deployment(customModelDeploymentIdentifier=arn, modelArn=second)  # still Creating
    advance(emu, 15)
    got = bedrock.get_custom_model_deployment(customModelDeploymentIdentifier="serve-one")
    assert got["status"] == "Active" and got["customModelDeploymentArn"] == arn
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [{"key": "env", "value": "dev"}]
    assert bedrock.update_custom_model_deployment(customModelDeploymentIdentifier=arn, modelArn=second)["customModelDeploymentArn"] == arn
    got = bedrock.get_custom_model_deployment(customModelDeploymentIdentifier=arn)
    assert got["modelArn"] == second and got["updateDetails"] == {"modelArn": second, "updateStatus": "UpdateCompleted"}
    bedrock.delete_custom_model_deployment(customModelDeploymentIdentifier=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_custom_model_deployment(customModelDeploymentIdentifier=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.delete_custom_model_deployment(customModelDeploymentIdentifier=arn)


def test_deployment_list_and_errors(virtual):
    emu, state, bedrock = virtual
    first = make_model(emu, bedrock, "model-one")
    second = make_model(emu, bedrock, "model-two")
    a = bedrock.create_custom_model_deployment(modelDeploymentName="alpha", modelArn=first)["customModelDeploymentArn"]
    advance(emu, 15)
    b = bedrock.create_custom_model_deployment(modelDeploymentName="beta", modelArn=second)["customModelDeploymentArn"]
    listed = bedrock.list_custom_model_deployments()["modelDeploymentSummaries"]
    assert [(d["customModelDeploymentArn"], d["customModelDeploymentName"], d["status"]) for d in listed] == [(b, "beta", "Creating"), (a, "alpha", "Active")]
    assert [d["customModelDeploymentName"] for d in bedrock.list_custom_model_deployments(statusEquals="Active")["modelDeploymentSummaries"]] == ["alpha"]
    assert [d["customModelDeploymentName"] for d in bedrock.list_custom_model_deployments(modelArnEquals=second)["modelDeploymentSummaries"]] == ["beta"]
    assert [d["customModelDeploymentName"] for d in bedrock.list_custom_model_deployments(nameContains="alp")["modelDeploymentSummaries"]] == ["alpha"]
    assert [d["customModelDeploymentName"] for d in bedrock.list_custom_model_deployments(sortOrder="Ascending")["modelDeploymentSummaries"]] == ["alpha", "beta"]
    page = bedrock.list_custom_model_deployments(maxResults=1)
    assert len(page["modelDeploymentSummaries"]) == 1 and page["nextToken"]
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.create_custom_model_deployment(modelDeploymentName="alpha", modelArn=first)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.create_custom_model_deployment(
            modelDeploymentName="ghost", modelArn="arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdefabcdef")
    creating = make_model(emu, bedrock, "model-three", wait=False)
    with pytest.raises(bedrock.exceptions.ValidationException) as err:
        bedrock.create_custom_model_deployment(modelDeploymentName="early", modelArn=creating)
    assert "Creating" in err.value.response["Error"]["Message"]


def test_the_runtime_answers_through_an_active_deployment(virtual):
    import json

    emu, state, bedrock = virtual
    put(state, "s3://training/train.jsonl", "\n".join(json.dumps({"prompt": f"Q{i}?", "completion": f"A{i}."}) for i in range(10)) + "\n")
    job = bedrock.create_model_customization_job(
        jobName="tune", customModelName="tuned", roleArn="arn:aws:iam::123456789012:role/T", baseModelIdentifier="amazon.titan-text-express-v1",
        trainingDataConfig={"s3Uri": "s3://training/train.jsonl"}, outputDataConfig={"s3Uri": "s3://training-out/"})["jobArn"]
    advance(emu, 3600)
    model = bedrock.get_model_customization_job(jobIdentifier=job)["outputModelArn"]
    arn = bedrock.create_custom_model_deployment(modelDeploymentName="serve", modelArn=model)["customModelDeploymentArn"]
    runtime = emu.client("bedrock-runtime")
    messages = [{"role": "user", "content": [{"text": "Say hello"}]}]
    with pytest.raises(runtime.exceptions.ModelNotReadyException):
        runtime.converse(modelId=arn, messages=messages)
    advance(emu, 15)
    answer = runtime.converse(modelId=arn, messages=messages)
    assert answer["output"]["message"]["content"][0]["text"] and answer["usage"]["outputTokens"] > 0
    body = json.loads(runtime.invoke_model(modelId=arn, body=json.dumps({"inputText": "Say hello"}))["body"].read())
    assert body["results"][0]["outputText"]
    bedrock.delete_custom_model_deployment(customModelDeploymentIdentifier=arn)
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.converse(modelId=arn, messages=messages)
