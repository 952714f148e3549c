"""ListFoundationModels / GetFoundationModel from the catalog, and async invocations."""

from __future__ import annotations

import json
import time
from pathlib import Path

import botocore.exceptions
import pytest

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"


def test_list_and_filters(emulator):
    bedrock = emulator.client("bedrock")
    everything = bedrock.list_foundation_models()["modelSummaries"]
    ids = {m["modelId"] for m in everything}
    assert CLAUDE in ids
    assert all(m["modelArn"] == f"arn:aws:bedrock:us-east-1::foundation-model/{m['modelId']}" for m in everything)
    anthropic = bedrock.list_foundation_models(byProvider="anthropic")["modelSummaries"]
    assert anthropic and all(m["providerName"] == "Anthropic" for m in anthropic)
    images = bedrock.list_foundation_models(byOutputModality="IMAGE")["modelSummaries"]
    assert all("IMAGE" in m["outputModalities"] for m in images)
    tunable = bedrock.list_foundation_models(byCustomizationType="FINE_TUNING")["modelSummaries"]
    assert all("FINE_TUNING" in m["customizationsSupported"] for m in tunable)
    provisioned = bedrock.list_foundation_models(byInferenceType="PROVISIONED")["modelSummaries"]
    assert all("PROVISIONED" in m["inferenceTypesSupported"] for m in provisioned)


def test_get_foundation_model(emulator):
    bedrock = emulator.client("bedrock")
    details = bedrock.get_foundation_model(modelIdentifier=CLAUDE)["modelDetails"]
    assert details["modelName"] == "Claude 3 Haiku" and details["responseStreamingSupported"] is True
    assert details["modelLifecycle"]["status"] in ("ACTIVE", "LEGACY")
    with pytest.raises(botocore.exceptions.ClientError) as info:
        bedrock.get_foundation_model(modelIdentifier="anthropic.nothing-v1")
    assert info.value.response["Error"]["Code"] == "ValidationException"


def test_async_invoke_lifecycle(start_emulator, tmp_path):
    emu = start_emulator("--state", str(tmp_path))
    runtime = emu.client("bedrock-runtime")
    body = {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 100,
            "messages": [{"role": "user", "content": "Summarize the history of tea"}]}
    arn = runtime.start_async_invoke(modelId=CLAUDE, modelInput=body, clientRequestToken="tea-1",
                                     outputDataConfig={"s3OutputDataConfig": {"s3Uri": "s3://results/tea"}})["invocationArn"]
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:async-invoke/")
    # The same token names the same invocation.
    again = runtime.start_async_invoke(modelId=CLAUDE, modelInput=body, clientRequestToken="tea-1",
                                       outputDataConfig={"s3OutputDataConfig": {"s3Uri": "s3://results/tea"}})
    assert again["invocationArn"] == arn
    first = runtime.get_async_invoke(invocationArn=arn)
    assert first["status"] == "InProgress"
    folder = first["outputDataConfig"]["s3OutputDataConfig"]["s3Uri"]
    assert folder == "s3://results/tea/" + arn.rsplit("/", 1)[1]
    deadline = time.monotonic() + 10
    while (status := runtime.get_async_invoke(invocationArn=arn))["status"] == "InProgress" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert status["status"] == "Completed" and status["endTime"] >= status["submitTime"]
    written = tmp_path / "objects" / "results" / "tea" / arn.rsplit("/", 1)[1] / "output.json"
    assert json.loads(written.read_text())["content"][0]["text"]
    listed = runtime.list_async_invokes(statusEquals="Completed")["asyncInvokeSummaries"]
    assert [s["invocationArn"] for s in listed] == [arn]


def test_async_invoke_with_a_bad_body_fails(emulator):
    runtime = emulator.client("bedrock-runtime")
    arn = runtime.start_async_invoke(modelId=CLAUDE, modelInput={"messages": []},
                                     outputDataConfig={"s3OutputDataConfig": {"s3Uri": "s3://results/bad"}})["invocationArn"]
    deadline = time.monotonic() + 10
    while (status := runtime.get_async_invoke(invocationArn=arn))["status"] == "InProgress" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert status["status"] == "Failed"
    assert "required key [anthropic_version] not found" in status["failureMessage"]
