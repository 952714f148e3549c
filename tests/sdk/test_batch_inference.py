"""Batch inference through boto3: jobs move through AWS's statuses on the clock, run every
JSONL record through the fake model and write `<file>.out` and `manifest.json.out`."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import requests

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"
ROLE = "arn:aws:iam::123456789012:role/BatchInference"
REPO = Path(__file__).resolve().parents[2]


def record(record_id: str | None, prompt: str) -> str:
    line = {"modelInput": {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 60, "messages": [{"role": "user", "content": prompt}]}}
    if record_id:
        line["recordId"] = record_id
    return json.dumps(line)


def put(state: Path, uri: str, text: str) -> None:
    path = state / "objects" / uri.removeprefix("s3://")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def read(state: Path, uri: str) -> str:
    return (state / "objects" / uri.removeprefix("s3://")).read_text()


def create(bedrock, name: str, input_uri: str, **extra) -> str:
    return bedrock.create_model_invocation_job(
        jobName=name, modelId=CLAUDE, roleArn=ROLE, inputDataConfig={"s3InputDataConfig": {"s3Uri": input_uri}},
        outputDataConfig={"s3OutputDataConfig": {"s3Uri": "s3://batch-out/results/"}}, **extra)["jobArn"]


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


@pytest.fixture
def virtual(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    return emu, tmp_path


def test_a_job_runs_its_records_through_the_model_and_writes_outputs(virtual):
    emu, state = virtual
    put(state, "s3://batch-in/day1/a.jsonl", "\n".join([record("REC000000001", "Name a fruit"), record(None, "Name a river")]) + "\n")
    put(state, "s3://batch-in/day1/b.jsonl", record("REC000000003", "Name a city") + "\n")
    put(state, "s3://batch-in/day1/notes.txt", "not a jsonl file")
    bedrock = emu.client("bedrock")
    arn = create(bedrock, "nightly", "s3://batch-in/day1/", tags=[{"key": "team", "value": "claims"}])
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/")
    seen = []
    for _ in range(6):
        job = bedrock.get_model_invocation_job(jobIdentifier=arn)
        seen.append(job["status"])
        advance(emu, 2)
    # The built-in timing: Submitted 2 s, Validating 3 s, Scheduled 3 s, InProgress 12 s.
    assert seen == ["Submitted", "Validating", "Validating", "Scheduled", "InProgress", "InProgress"]
    advance(emu, 60)
    job = bedrock.get_model_invocation_job(jobIdentifier=arn)
    assert job["status"] == "Completed" and job["jobName"] == "nightly" and job["modelId"] == CLAUDE
    assert (job["totalRecordCount"], job["successRecordCount"], job["errorRecordCount"]) == (3, 3, 0)
    assert job["endTime"].isoformat() == "2026-01-01T00:00:20+00:00"
    assert job["jobExpirationTime"].isoformat() == "2026-01-08T00:00:00+00:00"

    job_id = arn.rsplit("/", 1)[1]
    lines = [json.loads(line) for line in read(state, f"s3://batch-out/results/{job_id}/a.jsonl.out").splitlines()]
    assert lines[0]["recordId"] == "REC000000001" and lines[0]["modelOutput"]["type"] == "message"
    assert len(lines[1]["recordId"]) == 11  # Bedrock names records that come without an id
    assert lines[1]["modelInput"]["messages"][0]["content"] == "Name a river"
    manifest = json.loads(read(state, f"s3://batch-out/results/{job_id}/manifest.json.out"))
    assert manifest["processedRecordCount"] == 3 and manifest["successRecordCount"] == 3 and manifest["errorRecordCount"] == 0
    assert manifest["inputTextTokenCount"] > 0 and manifest["outputTextTokenCount"] > 0
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [{"key": "team", "value": "claims"}]
    history = requests.get(emu.url + "/_emulator/jobs", timeout=10).json()["jobs"][0]["history"]
    assert [h["status"] for h in history] == ["Submitted", "Validating", "Scheduled", "InProgress", "Completed"]


def test_bad_records_fail_alone_and_bad_input_fails_the_job(virtual):
    emu, state = virtual
    put(state, "s3://batch-in/mixed.jsonl", record("R1", "Name a fruit") + "\n" + json.dumps({"recordId": "R2", "modelInput": {"max_tokens": 5}}) + "\n")
    put(state, "s3://batch-in/broken.jsonl", "{not json\n")
    bedrock = emu.client("bedrock")
    mixed = create(bedrock, "mixed", "s3://batch-in/mixed.jsonl")
    broken = create(bedrock, "broken", "s3://batch-in/broken.jsonl")
    missing = create(bedrock, "missing", "s3://batch-in/nothing-here/")
    advance(emu, 20)
    job = bedrock.get_model_invocation_job(jobIdentifier=mixed)
    assert job["status"] == "PartiallyCompleted" and (job["successRecordCount"], job["errorRecordCount"]) == (1, 1)
    out = read(state, f"s3://batch-out/results/{mixed.rsplit('/', 1)[1]}/mixed.jsonl.out").splitlines()
    assert json.loads(out[1])["error"]["errorCode"] == 400 and "anthropic_version" in json.loads(out[1])["error"]["errorMessage"]
    failed = bedrock.get_model_invocation_job(jobIdentifier=broken)
    assert failed["status"] == "Failed" and failed["message"].startswith("Line 1 of s3://batch-in/broken.jsonl is not a JSON object")
    assert bedrock.get_model_invocation_job(jobIdentifier=missing)["message"].startswith("No JSONL input was found at s3://batch-in/nothing-here/")
    statuses = {j["jobName"]: j["status"] for j in bedrock.list_model_invocation_jobs()["invocationJobSummaries"]}
    assert statuses == {"mixed": "PartiallyCompleted", "broken": "Failed", "missing": "Failed"}
    assert [j["jobName"] for j in bedrock.list_model_invocation_jobs(statusEquals="Failed", sortOrder="Ascending")["invocationJobSummaries"]] == ["broken", "missing"]
    assert [j["jobName"] for j in bedrock.list_model_invocation_jobs(nameContains="mix")["invocationJobSummaries"]] == ["mixed"]
    page = bedrock.list_model_invocation_jobs(maxResults=2)
    assert len(page["invocationJobSummaries"]) == 2 and "nextToken" in page


def test_stop_names_and_tokens_answer_as_aws_does(virtual):
    emu, state = virtual
    put(state, "s3://batch-in/one.jsonl", record("R1", "hi") + "\n")
    bedrock = emu.client("bedrock")
    arn = create(bedrock, "to-stop", "s3://batch-in/one.jsonl", clientRequestToken="token-1")
    assert create(bedrock, "to-stop", "s3://batch-in/one.jsonl", clientRequestToken="token-1") == arn  # idempotent
    with pytest.raises(bedrock.exceptions.ConflictException):
        create(bedrock, "to-stop", "s3://batch-in/one.jsonl")
    bedrock.stop_model_invocation_job(jobIdentifier=arn)
    assert bedrock.get_model_invocation_job(jobIdentifier=arn)["status"] == "Stopping"
    advance(emu, 1)
    assert bedrock.get_model_invocation_job(jobIdentifier=arn)["status"] == "Stopped"
    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.stop_model_invocation_job(jobIdentifier=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_model_invocation_job(jobIdentifier="abcdefabcdef")
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.create_model_invocation_job(
            jobName="bad-model", modelId="acme.nothing-v1", roleArn=ROLE, inputDataConfig={"s3InputDataConfig": {"s3Uri": "s3://batch-in/"}},
            outputDataConfig={"s3OutputDataConfig": {"s3Uri": "s3://batch-out/"}})


def test_the_batch_example_ends_partially_completed_with_a_fifth_failed(start_emulator, tmp_path):
    emu = start_emulator("--scenario", str(REPO / "scenarios" / "batch-partial-failure.yaml"), "--state", str(tmp_path))
    bedrock = emu.client("bedrock")
    arn = create(bedrock, "claims-2026-01", "s3://claims-batch-input/2026-01/")
    advance(emu, 2219)
    assert bedrock.get_model_invocation_job(jobIdentifier=arn)["status"] == "InProgress"
    advance(emu, 1)
    job = bedrock.get_model_invocation_job(jobIdentifier=arn)
    assert job["status"] == "PartiallyCompleted" and (job["successRecordCount"], job["errorRecordCount"]) == (8, 2)
    out = read(tmp_path, f"s3://batch-out/results/{arn.rsplit('/', 1)[1]}/records.jsonl.out").splitlines()
    assert [json.loads(line)["recordId"] for line in out if "error" in json.loads(line)] == ["CLAIM-0005", "CLAIM-0010"]


def test_a_scenario_limits_jobs_running_at_once_and_jobs_finish_unasked(start_emulator, tmp_path):
    scenario = tmp_path / "limits.yaml"
    scenario.write_text("quotas:\n  concurrent_jobs: {batch_inference: 1}\njobs:\n  batch_inference: {durations: {Submitted: 0.2, InProgress: 0.3}}\n")
    emu = start_emulator("--scenario", str(scenario), "--state", str(tmp_path / "state"))
    put(tmp_path / "state", "s3://batch-in/one.jsonl", record("R1", "hi") + "\n")
    bedrock = emu.client("bedrock")
    arn = create(bedrock, "first", "s3://batch-in/one.jsonl")
    with pytest.raises(bedrock.exceptions.ServiceQuotaExceededException):
        create(bedrock, "second", "s3://batch-in/one.jsonl")
    manifest = tmp_path / "state" / "objects" / "batch-out" / "results" / arn.rsplit("/", 1)[1] / "manifest.json.out"
    deadline = time.monotonic() + 20
    while not manifest.exists() and time.monotonic() < deadline:  # nobody asks after the job meanwhile
        time.sleep(0.05)
    assert json.loads(manifest.read_text())["successRecordCount"] == 1
    create(bedrock, "second", "s3://batch-in/one.jsonl")  # the first has ended: room again
