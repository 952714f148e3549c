"""Custom Model Import and model copy through boto3: import jobs check the model folder in
the local object store and make imported models; copy jobs duplicate a custom model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

ROLE = "arn:aws:iam::123456789012:role/Import"
TITAN = "amazon.titan-text-express-v1"
PREFIX = "s3://models/llama-small/"


def put(state: Path, uri: str, data: str | bytes) -> None:
    path = state / "objects" / uri.removeprefix("s3://")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode())


def model_folder(state: Path, prefix: str = PREFIX, model_type: str = "llama", skip: tuple[str, ...] = ()) -> None:
    files = {
        "config.json": json.dumps({"model_type": model_type, "architectures": ["LlamaForCausalLM"]}),
        "tokenizer_config.json": json.dumps({"chat_template": "{{ messages }}"}),
        "tokenizer.json": "{}",
        "model-00001-of-00001.safetensors": b"\0" * 64,
    }
    for name, data in files.items():
        if name not in skip:
            put(state, prefix + name, data)


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


def import_job(bedrock, job: str, model: str, uri: str = PREFIX, **extra) -> str:
    return bedrock.create_model_import_job(
        jobName=job, importedModelName=model, roleArn=ROLE, modelDataSource={"s3DataSource": {"s3Uri": uri}}, **extra)["jobArn"]


@pytest.fixture
def virtual(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    return emu, tmp_path, emu.client("bedrock")


def test_an_import_job_makes_an_imported_model(virtual):
    emu, state, bedrock = virtual
    model_folder(state)
    arn = import_job(bedrock, "import-llama", "my-llama", jobTags=[{"key": "kind", "value": "job"}],
                     importedModelTags=[{"key": "kind", "value": "model"}], clientRequestToken="imp-1")
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:model-import-job/") and len(arn.rsplit("/", 1)[1]) == 12
    assert import_job(bedrock, "import-llama", "my-llama", clientRequestToken="imp-1") == arn
    job = bedrock.get_model_import_job(jobIdentifier=arn)
    assert job["status"] == "InProgress" and job["jobName"] == "import-llama" and job["importedModelName"] == "my-llama"
    assert job["modelDataSource"] == {"s3DataSource": {"s3Uri": PREFIX}} and job["roleArn"] == ROLE
    assert "importedModelArn" not in job
    assert bedrock.get_model_import_job(jobIdentifier="import-llama")["jobArn"] == arn  # by name too
    advance(emu, 25)
    job = bedrock.get_model_import_job(jobIdentifier=arn)
    assert job["status"] == "Completed" and job["endTime"].isoformat() == "2026-01-01T00:00:20+00:00"
    model_arn = job["importedModelArn"]
    assert model_arn.startswith("arn:aws:bedrock:us-east-1:123456789012:imported-model/")
    model = bedrock.get_imported_model(modelIdentifier=model_arn)
    assert model["modelName"] == "my-llama" and model["jobArn"] == arn and model["jobName"] == "import-llama"
    assert model["modelArchitecture"] == "llama" and model["instructSupported"] is True
    assert model["customModelUnits"]["customModelUnitsPerModelCopy"] == 1
    assert bedrock.get_imported_model(modelIdentifier="my-llama")["modelArn"] == model_arn
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [{"key": "kind", "value": "job"}]
    assert bedrock.list_tags_for_resource(resourceARN=model_arn)["tags"] == [{"key": "kind", "value": "model"}]
    runtime = emu.client("bedrock-runtime")
    body = json.loads(runtime.invoke_model(modelId=model_arn, body=json.dumps({"prompt": "Say hello", "max_gen_len": 40}))["body"].read())
    assert body["generation"] and body["generation_token_count"] > 0
    summaries = bedrock.list_imported_models()["modelSummaries"]
    assert [(m["modelArn"], m["modelName"], m["modelArchitecture"]) for m in summaries] == [(model_arn, "my-llama", "llama")]
    bedrock.delete_imported_model(modelIdentifier=model_arn)
    assert bedrock.list_imported_models()["modelSummaries"] == []
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_imported_model(modelIdentifier=model_arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.delete_imported_model(modelIdentifier=model_arn)


def test_an_import_fails_with_a_reason_when_the_folder_is_wrong(virtual):
    emu, state, bedrock = virtual
    empty = import_job(bedrock, "empty", "m-empty", "s3://models/nothing-here/")
    model_folder(state, "s3://models/no-weights/", skip=("model-00001-of-00001.safetensors", "tokenizer.json"))
    partial = import_job(bedrock, "partial", "m-partial", "s3://models/no-weights/")
    model_folder(state, "s3://models/bert/", model_type="bert")
    unsupported = import_job(bedrock, "unsupported", "m-bert", "s3://models/bert/")
    advance(emu, 25)
    job = bedrock.get_model_import_job(jobIdentifier=empty)
    assert job["status"] == "Failed" and "No model files" in job["failureMessage"] and "config.json" in job["failureMessage"]
    job = bedrock.get_model_import_job(jobIdentifier=partial)
    assert job["status"] == "Failed" and "*.safetensors" in job["failureMessage"] and "tokenizer.json" in job["failureMessage"]
    job = bedrock.get_model_import_job(jobIdentifier=unsupported)
    assert job["status"] == "Failed" and "bert" in job["failureMessage"]
    assert bedrock.list_imported_models()["modelSummaries"] == []
    assert len(bedrock.list_model_import_jobs(statusEquals="Failed")["modelImportJobSummaries"]) == 3


def test_import_names_lists_and_errors(virtual):
    emu, state, bedrock = virtual
    model_folder(state)
    first = import_job(bedrock, "job-a", "model-a")
    with pytest.raises(bedrock.exceptions.ConflictException):
        import_job(bedrock, "job-a", "model-z")
    with pytest.raises(bedrock.exceptions.ConflictException):
        import_job(bedrock, "job-b", "model-a")  # a running job already makes model-a
    advance(emu, 5)
    second = import_job(bedrock, "job-b", "model-b")
    advance(emu, 30)
    with pytest.raises(bedrock.exceptions.ConflictException):
        import_job(bedrock, "job-c", "model-a")  # the model exists now
    listed = bedrock.list_model_import_jobs()["modelImportJobSummaries"]
    assert [j["jobArn"] for j in listed] == [second, first]
    assert all(j["status"] == "Completed" and j["importedModelArn"] for j in listed)
    assert [j["jobName"] for j in bedrock.list_model_import_jobs(sortOrder="Ascending")["modelImportJobSummaries"]] == ["job-a", "job-b"]
    assert [j["jobName"] for j in bedrock.list_model_import_jobs(nameContains="-b")["modelImportJobSummaries"]] == ["job-b"]
    page = bedrock.list_model_import_jobs(maxResults=1)
    assert len(page["modelImportJobSummaries"]) == 1 and page["nextToken"]
    assert [m["modelName"] for m in bedrock.list_imported_models(nameContains="model-a")["modelSummaries"]] == ["model-a"]
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_model_import_job(jobIdentifier="arn:aws:bedrock:us-east-1:123456789012:model-import-job/abcdefabcdef")


def customized_model(emu, state, bedrock, name="tuned") -> str:
    put(state, "s3://training/train.jsonl", "\n".join(json.dumps({"prompt": f"Q{i}?", "completion": f"A{i}."}) for i in range(10)) + "\n")
    job = bedrock.create_model_customization_job(
        jobName=f"{name}-job", customModelName=name, roleArn=ROLE, baseModelIdentifier=TITAN,
        trainingDataConfig={"s3Uri": "s3://training/train.jsonl"}, outputDataConfig={"s3Uri": "s3://training-out/"})["jobArn"]
    advance(emu, 3600)
    return bedrock.get_model_customization_job(jobIdentifier=job)["outputModelArn"]


def test_a_copy_job_makes_a_custom_model(virtual):
    emu, state, bedrock = virtual
    source = customized_model(emu, state, bedrock)
    arn = bedrock.create_model_copy_job(sourceModelArn=source, targetModelName="tuned-copy",
                                        targetModelTags=[{"key": "copy", "value": "yes"}])["jobArn"]
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:model-copy-job/")
    job = bedrock.get_model_copy_job(jobArn=arn)
    assert job["status"] == "InProgress" and job["sourceModelArn"] == source and job["sourceModelName"] == "tuned"
    assert job["sourceAccountId"] == "123456789012" and job["targetModelName"] == "tuned-copy"
    target = job["targetModelArn"]
    assert target.startswith(f"arn:aws:bedrock:us-east-1:123456789012:custom-model/{TITAN}/")
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_custom_model(modelIdentifier=target)
    advance(emu, 15)
    assert bedrock.get_model_copy_job(jobArn=arn)["status"] == "Completed"
    copy = bedrock.get_custom_model(modelIdentifier=target)
    original = bedrock.get_custom_model(modelIdentifier=source)
    assert copy["modelName"] == "tuned-copy" and copy["baseModelArn"] == original["baseModelArn"]
    assert copy["hyperParameters"] == original["hyperParameters"]
    assert bedrock.list_tags_for_resource(resourceARN=target)["tags"] == [{"key": "copy", "value": "yes"}]
    assert {m["modelName"] for m in bedrock.list_custom_models()["modelSummaries"]} == {"tuned", "tuned-copy"}
    listed = bedrock.list_model_copy_jobs(sourceModelArnEquals=source)["modelCopyJobSummaries"]
    assert [(j["jobArn"], j["status"], j["targetModelArn"]) for j in listed] == [(arn, "Completed", target)]
    assert bedrock.list_model_copy_jobs(sourceAccountEquals="123456789012")["modelCopyJobSummaries"][0]["jobArn"] == arn
    assert bedrock.list_model_copy_jobs(sourceAccountEquals="999999999999")["modelCopyJobSummaries"] == []
    assert len(bedrock.list_model_copy_jobs(targetModelNameContains="copy")["modelCopyJobSummaries"]) == 1
    assert bedrock.list_model_copy_jobs(statusEquals="InProgress")["modelCopyJobSummaries"] == []


def test_copy_errors(virtual):
    emu, state, bedrock = virtual
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.create_model_copy_job(sourceModelArn=f"arn:aws:bedrock:us-east-1:123456789012:custom-model/{TITAN}/abcdefabcdef", targetModelName="x")
    source = customized_model(emu, state, bedrock)
    with pytest.raises(bedrock.exceptions.ClientError) as err:
        bedrock.create_model_copy_job(sourceModelArn=source, targetModelName="tuned")
    assert "tuned" in err.value.response["Error"]["Message"]
    arn = bedrock.create_model_copy_job(sourceModelArn=source, targetModelName="orphan")["jobArn"]
    bedrock.delete_custom_model(modelIdentifier=source)
    advance(emu, 15)
    job = bedrock.get_model_copy_job(jobArn=arn)
    assert job["status"] == "Failed" and source in job["failureMessage"]
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_model_copy_job(jobArn="arn:aws:bedrock:us-east-1:123456789012:model-copy-job/abcdefabcdef")


def test_the_scenario_sets_import_copy_and_evaluation_timing(start_emulator, tmp_path):
    scenario = tmp_path / "jobs.yaml"
    scenario.write_text(
        "jobs:\n"
        "  model_import: {durations: {InProgress: 100}, outcome: Failed, message: \"The weights are corrupt.\"}\n"
        "  evaluation: {durations: {InProgress: 5}}\n"
        "  custom_model_deployment: {durations: {Creating: 50}}\n")
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path), "--scenario", str(scenario))
    bedrock = emu.client("bedrock")
    model_folder(tmp_path)
    arn = import_job(bedrock, "doomed", "doomed-model")
    advance(emu, 60)
    assert bedrock.get_model_import_job(jobIdentifier=arn)["status"] == "InProgress"
    advance(emu, 60)
    job = bedrock.get_model_import_job(jobIdentifier=arn)
    assert job["status"] == "Failed" and job["failureMessage"] == "The weights are corrupt."
    assert job["endTime"].isoformat() == "2026-01-01T00:01:40+00:00"
    assert bedrock.list_imported_models()["modelSummaries"] == []
    evaluation = bedrock.create_evaluation_job(
        jobName="quick", roleArn=ROLE, outputDataConfig={"s3Uri": "s3://eval-out/"},
        evaluationConfig={"automated": {"datasetMetricConfigs": [
            {"taskType": "Generation", "dataset": {"name": "Builtin.Bold"}, "metricNames": ["Builtin.Toxicity"]}]}},
        inferenceConfig={"models": [{"bedrockModel": {"modelIdentifier": "anthropic.claude-3-haiku-20240307-v1:0"}}]})["jobArn"]
    advance(emu, 6)
    assert bedrock.get_evaluation_job(jobIdentifier=evaluation)["status"] == "Completed"
    jobs = requests.get(emu.url + "/_emulator/jobs", timeout=10).json()["jobs"]
    assert [(j["type"], j["status"]) for j in jobs] == [("model_import", "Failed"), ("evaluation", "Completed")]
