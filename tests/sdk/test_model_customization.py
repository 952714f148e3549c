"""Model customization through boto3: a fine-tuning job checks its base model and
hyperparameters, reads its training data from the local object store, moves
InProgress -> Completed on the clock, writes its metrics and makes a custom model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

TITAN = "amazon.titan-text-express-v1"
ROLE = "arn:aws:iam::123456789012:role/Customization"


def put(state: Path, uri: str, text: str) -> None:
    path = state / "objects" / uri.removeprefix("s3://")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


def create(bedrock, job: str, model: str, training: str = "s3://training/train.jsonl", **extra) -> str:
    return bedrock.create_model_customization_job(
        jobName=job, customModelName=model, roleArn=ROLE, baseModelIdentifier=extra.pop("base", TITAN),
        trainingDataConfig={"s3Uri": training}, outputDataConfig={"s3Uri": "s3://training-out/"}, **extra)["jobArn"]


@pytest.fixture
def virtual(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    put(tmp_path, "s3://training/train.jsonl", "\n".join(json.dumps({"prompt": f"Question {i}?", "completion": f"Answer {i}."}) for i in range(40)) + "\n")
    return emu, tmp_path


def test_a_fine_tuning_job_completes_with_metrics_and_a_custom_model(virtual):
    emu, state = virtual
    bedrock = emu.client("bedrock")
    put(state, "s3://training/validation.jsonl", json.dumps({"prompt": "Q?", "completion": "A."}) + "\n")
    arn = create(bedrock, "support-ft", "support-model", hyperParameters={"epochCount": "2", "batchSize": "4"},
                 validationDataConfig={"validators": [{"s3Uri": "s3://training/validation.jsonl"}]},
                 jobTags=[{"key": "stage", "value": "job"}], customModelTags=[{"key": "stage", "value": "model"}])
    assert arn.startswith(f"arn:aws:bedrock:us-east-1:123456789012:model-customization-job/{TITAN}/")
    job = bedrock.get_model_customization_job(jobIdentifier=arn)
    assert job["status"] == "InProgress" and job["customizationType"] == "FINE_TUNING"
    assert job["hyperParameters"] == {"epochCount": "2", "batchSize": "4", "learningRate": "0.00001", "learningRateWarmupSteps": "5"}
    advance(emu, 29)
    assert bedrock.get_model_customization_job(jobIdentifier="support-ft")["status"] == "InProgress"  # by name too
    advance(emu, 1)
    job = bedrock.get_model_customization_job(jobIdentifier=arn)
    assert job["status"] == "Completed" and job["outputModelName"] == "support-model"
    assert job["trainingMetrics"]["trainingLoss"] > 0 and job["validationMetrics"][0]["validationLoss"] > 0
    model = bedrock.get_custom_model(modelIdentifier=job["outputModelArn"])
    assert model["modelName"] == "support-model" and model["jobArn"] == arn and model["modelStatus"] == "Active"
    assert model["baseModelArn"] == f"arn:aws:bedrock:us-east-1::foundation-model/{TITAN}"
    assert bedrock.get_custom_model(modelIdentifier="support-model")["modelArn"] == job["outputModelArn"]
    assert bedrock.list_tags_for_resource(resourceARN=job["outputModelArn"])["tags"] == [{"key": "stage", "value": "model"}]
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [{"key": "stage", "value": "job"}]

    job_id = arn.rsplit("/", 1)[1]
    metrics = (state / "objects" / "training-out" / f"model-customization-job-{job_id}" / "training_artifacts" / "step_wise_training_metrics.csv").read_text().splitlines()
    assert metrics[0] == "step_number,epoch_number,training_loss,perplexity" and len(metrics) == 1 + 20  # 40 records, 2 epochs, batches of 4
    losses = [float(line.split(",")[2]) for line in metrics[1:]]
    assert losses[-1] < losses[0]
    assert (state / "objects" / "training-out" / f"model-customization-job-{job_id}" / "validation_artifacts" / "post_fine_tuning_validation" / "validation_metrics.csv").exists()

    summaries = bedrock.list_model_customization_jobs()["modelCustomizationJobSummaries"]
    assert summaries[0]["customModelName"] == "support-model" and summaries[0]["customModelArn"] == job["outputModelArn"]
    listed = bedrock.list_custom_models(baseModelArnEquals=model["baseModelArn"])["modelSummaries"]
    assert [(m["modelName"], m["baseModelName"], m["ownerAccountId"]) for m in listed] == [("support-model", "Titan Text G1 - Express", "123456789012")]
    bedrock.delete_custom_model(modelIdentifier="support-model")
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_custom_model(modelIdentifier="support-model")


def test_what_aws_checks_at_create(virtual):
    emu, _ = virtual
    bedrock = emu.client("bedrock")
    with pytest.raises(bedrock.exceptions.ValidationException) as info:
        create(bedrock, "j1", "m1", base="anthropic.claude-3-5-sonnet-20240620-v1:0")
    assert "does not support customization" in info.value.response["Error"]["Message"]
    with pytest.raises(bedrock.exceptions.ValidationException) as info:
        create(bedrock, "j1", "m1", base="amazon.nova-lite-v1:0", customizationType="CONTINUED_PRE_TRAINING")
    assert "supports FINE_TUNING, DISTILLATION" in info.value.response["Error"]["Message"]
    with pytest.raises(bedrock.exceptions.ValidationException) as info:
        create(bedrock, "j1", "m1", hyperParameters={"epochCount": "11"})
    assert info.value.response["Error"]["Message"] == f"Hyperparameter epochCount=11 is out of range for {TITAN}: it must be between 1 and 10."
    with pytest.raises(bedrock.exceptions.ValidationException):
        create(bedrock, "j1", "m1", hyperParameters={"temperature": "1"})
    create(bedrock, "j1", "m1")
    with pytest.raises(bedrock.exceptions.ConflictException):
        create(bedrock, "j1", "m2")
    with pytest.raises(bedrock.exceptions.ConflictException):
        create(bedrock, "j2", "m1")


def test_bad_training_data_fails_the_job_with_bedrocks_message(virtual):
    emu, state = virtual
    put(state, "s3://training/bad.jsonl", '{"text": "no prompt here"}\n')
    bedrock = emu.client("bedrock")
    missing = create(bedrock, "missing", "m-missing", training="s3://training/nothing.jsonl")
    bad = create(bedrock, "bad", "m-bad", training="s3://training/bad.jsonl")
    advance(emu, 30)
    job = bedrock.get_model_customization_job(jobIdentifier=missing)
    assert job["status"] == "Failed"
    assert job["failureMessage"] == "Could not validate GetObject permissions to access Amazon S3 bucket: training at key nothing.jsonl"
    job = bedrock.get_model_customization_job(jobIdentifier=bad)
    assert job["failureMessage"].startswith("Unable to parse Amazon S3 file: bad.jsonl. Data files must conform to JSONL format.")
    assert bedrock.list_custom_models()["modelSummaries"] == []


def test_stop_and_the_fine_tuning_demo_timing(start_emulator, tmp_path):
    repo = Path(__file__).resolve().parents[2]
    emu = start_emulator("--scenario", str(repo / "scenarios" / "fine-tuning-demo.yaml"), "--state", str(tmp_path))
    put(tmp_path, "s3://training/train.jsonl", json.dumps({"prompt": "Q?", "completion": "A."}) + "\n")
    bedrock = emu.client("bedrock")
    stopped = create(bedrock, "to-stop", "never")
    bedrock.stop_model_customization_job(jobIdentifier=stopped)
    assert bedrock.get_model_customization_job(jobIdentifier=stopped)["status"] == "Stopping"
    arn = create(bedrock, "demo", "demo-model")
    statuses = []
    timing = yaml_timing(repo / "scenarios" / "fine-tuning-demo.yaml")
    for _ in range(2):
        statuses.append(bedrock.get_model_customization_job(jobIdentifier=arn)["status"])
        advance(emu, timing)
    statuses.append(bedrock.get_model_customization_job(jobIdentifier=arn)["status"])
    assert statuses == ["InProgress", "Completed", "Completed"]
    assert bedrock.get_model_customization_job(jobIdentifier=stopped)["status"] == "Stopped"
    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.stop_model_customization_job(jobIdentifier=stopped)
    assert [m["modelName"] for m in bedrock.list_custom_models()["modelSummaries"]] == ["demo-model"]


def yaml_timing(path: Path) -> float:
    import yaml

    timing = yaml.safe_load(path.read_text())["jobs"]["model_customization"]
    return sum(timing.get("durations", {}).values())
