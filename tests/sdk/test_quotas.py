"""Runtime quotas (`--quotas aws`): the user guide's requests per minute, shared by
InvokeModel and Converse, refused with ThrottlingException until the window frees."""

from __future__ import annotations

import json

import botocore.exceptions
import pytest
import requests

SONNET = "anthropic.claude-3-5-sonnet-20240620-v1:0"  # 50 requests per minute


def test_the_call_over_the_limit_is_throttled_until_the_minute_passes(start_emulator):
    emu = start_emulator("--quotas", "aws", "--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z")
    runtime = emu.client("bedrock-runtime")
    rpm = next(m for m in json.load(open(_catalog()))["models"] if m["modelId"] == SONNET)["quotas"]["requestsPerMinute"]
    messages = [{"role": "user", "content": [{"text": "Name a colour"}]}]
    body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "max_tokens": 50, "messages": [{"role": "user", "content": "hi"}]})
    for call in range(rpm):
        # InvokeModel and Converse draw on the same window.
        if call % 2:
            runtime.invoke_model(modelId=SONNET, body=body)
        else:
            runtime.converse(modelId=SONNET, messages=messages, inferenceConfig={"maxTokens": 50})
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.converse(modelId=SONNET, messages=messages, inferenceConfig={"maxTokens": 50})
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 429
    assert info.value.response["Error"] == {"Code": "ThrottlingException", "Message": "Too many requests, please wait before trying again."}
    usage = requests.get(emu.url + "/_emulator/quotas", timeout=10).json()
    assert usage["mode"] == "aws" and usage["usage"][0]["model"] == SONNET and usage["usage"][0]["requests"] == rpm

    requests.post(emu.url + "/_emulator/clock", json={"advance": 60}, timeout=10)
    assert runtime.converse(modelId=SONNET, messages=messages, inferenceConfig={"maxTokens": 50})["stopReason"]
    throttled = requests.get(emu.url + "/_emulator/journal", params={"status": 429}, timeout=10).json()["entries"]
    # boto3 retried the throttled call once (the test client allows one retry): both are recorded.
    assert throttled and all(e["errorCode"] == "ThrottlingException" for e in throttled)


def test_quotas_are_off_by_default(emulator):
    runtime = emulator.client("bedrock-runtime")
    for _ in range(60):
        runtime.converse(modelId=SONNET, messages=[{"role": "user", "content": [{"text": "hi"}]}], inferenceConfig={"maxTokens": 10})


def _catalog():
    from pathlib import Path
    return Path(__file__).resolve().parents[2] / "fixtures" / "models.json"
