"""Model evaluation jobs through boto3: automatic jobs score every prompt of their datasets
on the virtual clock and write Bedrock's output layout; human jobs wait until stopped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"
JUDGE = "anthropic.claude-3-5-sonnet-20240620-v1:0"
ROLE = "arn:aws:iam::123456789012:role/Evaluation"
OUT = "s3://eval-out/runs/"
DATASET = "\n".join(json.dumps(r) for r in [
    {"prompt": "Aurillac is the capital of", "referenceResponse": "Cantal", "category": "Capitals"},
    {"prompt": "Name the largest ocean on Earth", "referenceResponse": "the Pacific Ocean", "category": "Geography"},
]) + "\n"


def put(state: Path, uri: str, text: str) -> None:
    path = state / "objects" / uri.removeprefix("s3://")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def files(state: Path, uri: str) -> list[Path]:
    root = state / "objects" / uri.removeprefix("s3://")
    return sorted(p for p in root.rglob("*") if p.is_file())


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


def automated(datasets, **extra):
    config = {"datasetMetricConfigs": datasets}
    config.update(extra)
    return {"automated": config}


def custom_dataset(uri="s3://eval-in/prompts.jsonl", metrics=("Builtin.Accuracy", "Builtin.Robustness", "Builtin.Toxicity"), task="QuestionAndAnswer"):
    return {"taskType": task, "dataset": {"name": "capitals", "datasetLocation": {"s3Uri": uri}}, "metricNames": list(metrics)}


def create(bedrock, name, evaluation_config, models=(CLAUDE,), **extra) -> str:
    return bedrock.create_evaluation_job(
        jobName=name, roleArn=ROLE, evaluationConfig=evaluation_config,
        inferenceConfig={"models": [{"bedrockModel": {"modelIdentifier": m, "inferenceParams": '{"inferenceConfig":{"maxTokens":64}}'}} for m in models]},
        outputDataConfig={"s3Uri": OUT}, **extra)["jobArn"]


def human_config():
    return {"human": {
        "humanWorkflowConfig": {"flowDefinitionArn": "arn:aws:sagemaker:us-east-1:123456789012:flow-definition/review", "instructions": "Rate it"},
        "customMetrics": [{"name": "Friendliness", "ratingMethod": "ThumbsUpDown"}],
        "datasetMetricConfigs": [custom_dataset(metrics=["Friendliness"], task="Generation")]}}


@pytest.fixture
def virtual(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    return emu, tmp_path, emu.client("bedrock")


def test_an_automatic_job_scores_every_prompt_and_writes_bedrocks_layout(virtual):
    emu, state, bedrock = virtual
    put(state, "s3://eval-in/prompts.jsonl", DATASET)
    arn = create(bedrock, "capitals-check", automated([custom_dataset()]), jobDescription="capitals",
                 jobTags=[{"key": "team", "value": "qa"}])
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:evaluation-job/") and len(arn.rsplit("/", 1)[1]) == 12
    job = bedrock.get_evaluation_job(jobIdentifier=arn)
    assert job["status"] == "InProgress" and job["jobType"] == "Automated" and job["applicationType"] == "ModelEvaluation"
    assert job["jobName"] == "capitals-check" and job["jobDescription"] == "capitals" and job["roleArn"] == ROLE
    assert job["evaluationConfig"]["automated"]["datasetMetricConfigs"][0]["dataset"]["name"] == "capitals"
    assert job["inferenceConfig"]["models"][0]["bedrockModel"]["modelIdentifier"] == CLAUDE
    assert job["outputDataConfig"] == {"s3Uri": OUT}
    assert job["creationTime"].isoformat() == "2026-01-01T00:00:00+00:00"
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [{"key": "team", "value": "qa"}]
    advance(emu, 20)
    assert bedrock.get_evaluation_job(jobIdentifier=arn)["status"] == "InProgress"
    advance(emu, 10)
    job = bedrock.get_evaluation_job(jobIdentifier=arn)
    assert job["status"] == "Completed" and "failureMessages" not in job

    job_id = arn.rsplit("/", 1)[1]
    written = files(state, f"{OUT}capitals-check/{job_id}/")
    outputs = [p for p in written if p.name.endswith("_output.jsonl")]
    assert len(outputs) == 1
    rel = outputs[0].relative_to(state / "objects" / "eval-out" / "runs" / "capitals-check" / job_id)
    assert rel.parts[:6] == ("models", CLAUDE, "taskTypes", "QuestionAndAnswer", "datasets", "capitals")
    records = [json.loads(line) for line in outputs[0].read_text().splitlines()]
    assert [r["inputRecord"]["prompt"] for r in records] == ["Aurillac is the capital of", "Name the largest ocean on Earth"]
    for r in records:
        scores = {s["metricName"]: s["result"] for s in r["automatedEvaluationResult"]["scores"]}
        assert set(scores) == {"Accuracy", "Robustness", "Toxicity"}
        assert all(0 <= v <= 1 for v in scores.values())
        assert r["modelResponses"][0]["modelIdentifier"] == CLAUDE and r["modelResponses"][0]["response"]
    summary = json.loads((state / "objects" / f"eval-out/runs/capitals-check/{job_id}/summary.json").read_text())
    assert summary["jobArn"] == arn and {r["metricName"] for r in summary["results"]} == {"Builtin.Accuracy", "Builtin.Robustness", "Builtin.Toxicity"}
    assert all(r["recordCount"] == 2 for r in summary["results"])


def test_scores_are_deterministic_across_runs(virtual):
    emu, state, bedrock = virtual
    put(state, "s3://eval-in/prompts.jsonl", DATASET)
    first = create(bedrock, "run-a", automated([custom_dataset()]))
    second = create(bedrock, "run-b", automated([custom_dataset()]))
    advance(emu, 30)

    def scores(arn, name):
        [path] = [p for p in files(state, f"{OUT}{name}/{arn.rsplit('/', 1)[1]}/") if p.name.endswith("_output.jsonl")]
        return [r["automatedEvaluationResult"] for r in map(json.loads, path.read_text().splitlines())]

    assert bedrock.get_evaluation_job(jobIdentifier=first)["status"] == "Completed"
    assert scores(first, "run-a") == scores(second, "run-b")


def test_builtin_datasets_and_judged_metrics(virtual):
    emu, state, bedrock = virtual
    datasets = [
        {"taskType": "QuestionAndAnswer", "dataset": {"name": "Builtin.TriviaQA"}, "metricNames": ["Builtin.Accuracy", "Builtin.Correctness", "Builtin.Helpfulness"]},
        {"taskType": "Generation", "dataset": {"name": "Builtin.Bold"}, "metricNames": ["Builtin.Toxicity", "Builtin.Relevance"]},
    ]
    arn = create(bedrock, "judged", automated(datasets, evaluatorModelConfig={"bedrockEvaluatorModels": [{"modelIdentifier": JUDGE}]}))
    advance(emu, 30)
    assert bedrock.get_evaluation_job(jobIdentifier=arn)["status"] == "Completed"
    outputs = [p for p in files(state, OUT) if p.name.endswith("_output.jsonl")]
    assert sorted(p.parent.name for p in outputs) == ["Builtin.Bold", "Builtin.TriviaQA"]
    trivia = [json.loads(l) for l in next(p for p in outputs if p.parent.name == "Builtin.TriviaQA").read_text().splitlines()]
    assert len(trivia) == 3 and trivia[0]["inputRecord"]["referenceResponse"] == "Mars"
    correctness = next(s for s in trivia[0]["automatedEvaluationResult"]["scores"] if s["metricName"] == "Correctness")
    assert correctness["result"] in (0, 0.25, 0.5, 0.75, 1)
    assert correctness["evaluatorDetails"][0]["modelIdentifier"] == JUDGE and correctness["evaluatorDetails"][0]["explanation"]
    summary = bedrock.list_evaluation_jobs()["jobSummaries"][0]
    assert summary["evaluatorModelIdentifiers"] == [JUDGE]
    assert summary["evaluationTaskTypes"] == ["QuestionAndAnswer", "Generation"]


def test_a_missing_or_malformed_dataset_fails_the_job_with_a_reason(virtual):
    emu, state, bedrock = virtual
    missing = create(bedrock, "missing", automated([custom_dataset("s3://eval-in/absent.jsonl")]))
    put(state, "s3://eval-in/bad.jsonl", json.dumps({"prompt": "fine"}) + "\n{not json\n")
    bad = create(bedrock, "malformed", automated([custom_dataset("s3://eval-in/bad.jsonl")]))
    put(state, "s3://eval-in/noref.jsonl", json.dumps({"prompt": "no reference here"}) + "\n")
    noref = create(bedrock, "noref", automated([custom_dataset("s3://eval-in/noref.jsonl", metrics=["Builtin.Accuracy"])]))
    advance(emu, 30)
    job = bedrock.get_evaluation_job(jobIdentifier=missing)
    assert job["status"] == "Failed" and "s3://eval-in/absent.jsonl" in job["failureMessages"][0]
    job = bedrock.get_evaluation_job(jobIdentifier=bad)
    assert job["status"] == "Failed" and "Line 2" in job["failureMessages"][0] and '"prompt"' in job["failureMessages"][0]
    job = bedrock.get_evaluation_job(jobIdentifier=noref)
    assert job["status"] == "Failed" and "referenceResponse" in job["failureMessages"][0]
    assert bedrock.list_evaluation_jobs(statusEquals="Failed")["jobSummaries"].__len__() == 3


def test_a_human_job_waits_for_workers_until_stopped(virtual):
    emu, state, bedrock = virtual
    put(state, "s3://eval-in/prompts.jsonl", DATASET)
    arn = create(bedrock, "people-rate", human_config(), models=(CLAUDE, JUDGE))
    advance(emu, 3600)
    job = bedrock.get_evaluation_job(jobIdentifier=arn)
    assert job["status"] == "InProgress" and job["jobType"] == "Human"
    bedrock.stop_evaluation_job(jobIdentifier=arn)
    assert bedrock.get_evaluation_job(jobIdentifier=arn)["status"] == "Stopping"
    advance(emu, 5)
    assert bedrock.get_evaluation_job(jobIdentifier=arn)["status"] == "Stopped"
    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.stop_evaluation_job(jobIdentifier=arn)


def test_list_filters_sorts_and_pages(virtual):
    emu, state, bedrock = virtual
    put(state, "s3://eval-in/prompts.jsonl", DATASET)
    arns = []
    for name in ["alpha-one", "beta-two", "alpha-three"]:
        arns.append(create(bedrock, name, automated([custom_dataset()])))
        advance(emu, 1)
    advance(emu, 30)
    human = create(bedrock, "alpha-human", human_config())
    listed = bedrock.list_evaluation_jobs()["jobSummaries"]
    assert [j["jobName"] for j in listed] == ["alpha-human", "alpha-three", "beta-two", "alpha-one"]
    assert listed[0]["jobArn"] == human and listed[0]["status"] == "InProgress" and listed[0]["jobType"] == "Human"
    assert listed[1]["modelIdentifiers"] == [CLAUDE]
    assert listed[1]["inferenceConfigSummary"]["modelConfigSummary"]["bedrockModelIdentifiers"] == [CLAUDE]
    assert [j["jobName"] for j in bedrock.list_evaluation_jobs(sortOrder="Ascending")["jobSummaries"]][0] == "alpha-one"
    assert {j["jobName"] for j in bedrock.list_evaluation_jobs(nameContains="alpha")["jobSummaries"]} == {"alpha-one", "alpha-three", "alpha-human"}
    assert [j["jobName"] for j in bedrock.list_evaluation_jobs(statusEquals="InProgress")["jobSummaries"]] == ["alpha-human"]
    page = bedrock.list_evaluation_jobs(maxResults=3)
    assert len(page["jobSummaries"]) == 3 and page["nextToken"]
    rest = bedrock.list_evaluation_jobs(maxResults=3, nextToken=page["nextToken"])
    assert [j["jobArn"] for j in rest["jobSummaries"]] == [arns[0]] and "nextToken" not in rest


def test_create_refuses_what_it_cannot_run(virtual):
    emu, state, bedrock = virtual
    arn = create(bedrock, "first", automated([custom_dataset()]), clientRequestToken="tok-1")
    assert create(bedrock, "first", automated([custom_dataset()]), clientRequestToken="tok-1") == arn
    with pytest.raises(bedrock.exceptions.ConflictException) as err:
        create(bedrock, "first", automated([custom_dataset()]))
    assert "first" in err.value.response["Error"]["Message"]
    cases = [
        (automated([custom_dataset(metrics=["Builtin.Nonsense"])]), "Builtin.Nonsense"),
        (automated([custom_dataset(metrics=["Builtin.Correctness"])]), "evaluatorModelConfig"),
        (automated([{"taskType": "Generation", "dataset": {"name": "Builtin.Unknown"}, "metricNames": ["Builtin.Toxicity"]}]), "Builtin.Unknown"),
        (automated([{"taskType": "Generation", "dataset": {"name": "mine"}, "metricNames": ["Builtin.Toxicity"]}]), "datasetLocation"),
    ]
    for index, (config, wanted) in enumerate(cases):
        with pytest.raises(bedrock.exceptions.ValidationException) as err:
            create(bedrock, f"bad-{index}", config)
        assert wanted in err.value.response["Error"]["Message"]
    with pytest.raises(bedrock.exceptions.ValidationException):
        create(bedrock, "bad-model", automated([custom_dataset()]), models=("amazon.titan-embed-text-v2:0",))
    with pytest.raises(bedrock.exceptions.ValidationException):
        create(bedrock, "two-models", automated([custom_dataset()]), models=(CLAUDE, JUDGE))
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_evaluation_job(jobIdentifier="arn:aws:bedrock:us-east-1:123456789012:evaluation-job/abcdefabcdef")
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.stop_evaluation_job(jobIdentifier="arn:aws:bedrock:us-east-1:123456789012:evaluation-job/abcdefabcdef")


def test_batch_delete_answers_per_job(virtual):
    emu, state, bedrock = virtual
    put(state, "s3://eval-in/prompts.jsonl", DATASET)
    done = create(bedrock, "done", automated([custom_dataset()]))
    advance(emu, 30)
    running = create(bedrock, "running", automated([custom_dataset()]))
    unknown = "arn:aws:bedrock:us-east-1:123456789012:evaluation-job/zzzzzzzzzzzz"
    answer = bedrock.batch_delete_evaluation_job(jobIdentifiers=[done, running, unknown])
    assert answer["evaluationJobs"] == [{"jobIdentifier": done, "jobStatus": "Deleting"}]
    errors = {e["jobIdentifier"]: e for e in answer["errors"]}
    assert errors[running]["code"] == "409" and "InProgress" in errors[running]["message"]
    assert errors[unknown]["code"] == "404"
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_evaluation_job(jobIdentifier=done)
    assert [j["jobArn"] for j in bedrock.list_evaluation_jobs()["jobSummaries"]] == [running]


def test_custom_metrics_and_precomputed_responses(virtual):
    emu, state, bedrock = virtual
    lines = [
        {"prompt": "Greet the user", "referenceResponse": "Hello!", "modelResponses": [{"response": "Hello there!", "modelIdentifier": "my-app"}]},
        {"prompt": "Say goodbye", "referenceResponse": "Goodbye!", "modelResponses": [{"response": "Bye for now.", "modelIdentifier": "my-app"}]},
    ]
    put(state, "s3://eval-in/precomputed.jsonl", "\n".join(json.dumps(l) for l in lines) + "\n")
    scale = [{"definition": "Poor", "value": {"floatValue": 0}}, {"definition": "Good", "value": {"floatValue": 1}}]
    config = automated(
        [custom_dataset("s3://eval-in/precomputed.jsonl", metrics=["Builtin.Accuracy", "Politeness"], task="Generation")],
        customMetricConfig={
            "customMetrics": [{"customMetricDefinition": {"name": "Politeness", "instructions": "Is the {{prediction}} polite?", "ratingScale": scale}}],
            "evaluatorModelConfig": {"bedrockEvaluatorModels": [{"modelIdentifier": JUDGE}]}})
    arn = bedrock.create_evaluation_job(
        jobName="precomputed", roleArn=ROLE, evaluationConfig=config,
        inferenceConfig={"models": [{"precomputedInferenceSource": {"inferenceSourceIdentifier": "my-app"}}]},
        outputDataConfig={"s3Uri": OUT})["jobArn"]
    advance(emu, 30)
    assert bedrock.get_evaluation_job(jobIdentifier=arn)["status"] == "Completed"
    job_id = arn.rsplit("/", 1)[1]
    [output] = [p for p in files(state, f"{OUT}precomputed/{job_id}/") if p.name.endswith("_output.jsonl")]
    assert output.relative_to(state / "objects" / f"eval-out/runs/precomputed/{job_id}").parts[1] == "my-app"
    records = [json.loads(l) for l in output.read_text().splitlines()]
    assert [r["modelResponses"][0]["response"] for r in records] == ["Hello there!", "Bye for now."]
    for r in records:
        politeness = next(s for s in r["automatedEvaluationResult"]["scores"] if s["metricName"] == "Politeness")
        assert politeness["result"] in (0, 1) and politeness["evaluatorDetails"][0]["modelIdentifier"] == JUDGE
    definition = json.loads((state / "objects" / f"eval-out/runs/precomputed/{job_id}/custom_metrics/Politeness.json").read_text())
    assert definition["customMetricDefinition"]["name"] == "Politeness"
    summary = bedrock.list_evaluation_jobs()["jobSummaries"][0]
    assert summary["inferenceConfigSummary"]["modelConfigSummary"]["precomputedInferenceSourceIdentifiers"] == ["my-app"]
    assert summary["customMetricsEvaluatorModelIdentifiers"] == [JUDGE]
