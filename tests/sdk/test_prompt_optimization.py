"""Advanced prompt optimization jobs through boto3: InProgress on the clock, then every
prompt template of the input rewritten for every target model into the output folder;
Stop, List with paging, BatchDelete with per-job errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
from botocore.exceptions import ClientError

MODELS = [{"modelId": "anthropic.claude-3-haiku-20240307-v1:0"}, {"modelId": "amazon.nova-lite-v1:0", "inferenceConfig": {"maxTokens": 256}}]
TEMPLATE = {"version": "bedrock-2026-05-14", "templateId": "summary", "promptTemplate": "Summarise {{document}} in one line.",
            "steeringCriteria": ["Mention the date", "Stay under 20 words"],
            "evaluationSamples": [{"inputVariables": [{"document": "The meeting moved to May 3."}], "referenceResponse": "Meeting on May 3."}]}


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


def put(state: Path, uri: str, text: str) -> None:
    path = state / "objects" / uri.removeprefix("s3://")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def code(error: ClientError) -> str:
    return error.response["Error"]["Code"]


@pytest.fixture
def virtual(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    return emu, tmp_path


def create(bedrock, name, input_uri="s3://apo-in/prompts.jsonl", **extra):
    return bedrock.create_advanced_prompt_optimization_job(
        jobName=name, inputConfig={"s3Uri": input_uri}, outputConfig={"s3Uri": "s3://apo-out/results/"}, modelConfigurations=MODELS, **extra)["jobArn"]


def test_a_job_rewrites_every_template_for_every_model(virtual):
    emu, state = virtual
    put(state, "s3://apo-in/prompts.jsonl", json.dumps(TEMPLATE) + "\n")
    bedrock = emu.client("bedrock")
    arn = create(bedrock, "summaries", jobDescription="nightly", clientToken="tok-1", tags=[{"key": "team", "value": "docs"}])
    assert create(bedrock, "summaries", clientToken="tok-1") == arn
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:advanced-prompt-optimization-job/")
    job = bedrock.get_advanced_prompt_optimization_job(jobIdentifier=arn)
    assert job["jobStatus"] == "InProgress" and job["jobDescription"] == "nightly" and job["modelConfigurations"] == MODELS
    assert job["inputConfig"] == {"s3Uri": "s3://apo-in/prompts.jsonl"}
    advance(emu, 60)
    job = bedrock.get_advanced_prompt_optimization_job(jobIdentifier=arn.rsplit("/", 1)[1])
    assert job["jobStatus"] == "Completed" and job["lastModifiedTime"] > job["creationTime"]
    lines = [json.loads(line) for line in (state / "objects/apo-out/results" / arn.rsplit("/", 1)[1] / "optimized-prompts.jsonl").read_text().splitlines()]
    assert [line["modelId"] for line in lines] == [model["modelId"] for model in MODELS]
    optimized = lines[0]["optimizedPromptTemplate"]
    assert "{{document}}" in optimized and "- Mention the date" in optimized and lines[0]["originalPromptTemplate"] == TEMPLATE["promptTemplate"]
    assert lines[0]["optimizedPromptTemplate"] == lines[1]["optimizedPromptTemplate"]


def test_a_missing_input_fails_and_bad_lines_make_it_partial(virtual):
    emu, state = virtual
    put(state, "s3://apo-in/mixed.jsonl", json.dumps(TEMPLATE) + "\n{\"templateId\": \"empty\"}\n")
    bedrock = emu.client("bedrock")
    missing = create(bedrock, "missing", input_uri="s3://apo-in/none.jsonl")
    mixed = create(bedrock, "mixed", input_uri="s3://apo-in/mixed.jsonl")
    advance(emu, 61)
    failed = bedrock.get_advanced_prompt_optimization_job(jobIdentifier=missing)
    assert failed["jobStatus"] == "Failed" and "s3://apo-in/none.jsonl" in failed["failureMessage"]
    partial = bedrock.get_advanced_prompt_optimization_job(jobIdentifier=mixed)
    assert partial["jobStatus"] == "PartiallyCompleted" and "1 of 2" in partial["failureMessage"]


def test_stop_list_and_batch_delete(virtual):
    emu, state = virtual
    put(state, "s3://apo-in/prompts.jsonl", json.dumps(TEMPLATE) + "\n")
    bedrock = emu.client("bedrock")
    first = create(bedrock, "first")
    advance(emu, 1)
    second = create(bedrock, "second")
    with pytest.raises(ClientError) as caught:
        create(bedrock, "second")
    assert code(caught.value) == "ConflictException"
    bedrock.stop_advanced_prompt_optimization_job(jobIdentifier=first)
    assert bedrock.get_advanced_prompt_optimization_job(jobIdentifier=first)["jobStatus"] == "Stopping"
    with pytest.raises(ClientError) as caught:
        bedrock.stop_advanced_prompt_optimization_job(jobIdentifier=first)
    assert code(caught.value) == "ConflictException"
    advance(emu, 1)
    page = bedrock.list_advanced_prompt_optimization_jobs(maxResults=1)
    assert [(item["jobName"], item["jobStatus"]) for item in page["jobSummaries"]] == [("second", "InProgress")]
    rest = bedrock.list_advanced_prompt_optimization_jobs(maxResults=1, nextToken=page["nextToken"])
    assert [(item["jobName"], item["jobStatus"]) for item in rest["jobSummaries"]] == [("first", "Stopped")]
    ascending = bedrock.list_advanced_prompt_optimization_jobs(sortOrder="Ascending")["jobSummaries"]
    assert [item["jobName"] for item in ascending] == ["first", "second"]
    missing = "abcdefabcdef"
    answer = bedrock.batch_delete_advanced_prompt_optimization_job(jobIdentifiers=[first, second, missing])
    assert answer["advancedPromptOptimizationJobs"] == [{"jobIdentifier": first, "jobStatus": "Deleting"}]
    assert {(error["jobIdentifier"], error["code"]) for error in answer["errors"]} == {(second, "ConflictException"), (missing, "ResourceNotFoundException")}
    with pytest.raises(ClientError) as caught:
        bedrock.get_advanced_prompt_optimization_job(jobIdentifier=first)
    assert code(caught.value) == "ResourceNotFoundException"


def test_an_unknown_model_is_refused(virtual):
    emu, _ = virtual
    with pytest.raises(ClientError) as caught:
        emu.client("bedrock").create_advanced_prompt_optimization_job(
            jobName="bad", inputConfig={"s3Uri": "s3://apo-in/p.jsonl"}, outputConfig={"s3Uri": "s3://apo-out/"},
            modelConfigurations=[{"modelId": "acme.nothing-v1"}])
    assert code(caught.value) == "ValidationException"
