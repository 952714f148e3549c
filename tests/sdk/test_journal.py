"""The call journal: GET /_emulator/journal lists every call, DELETE clears it."""

from __future__ import annotations

import json

import botocore.exceptions
import pytest
import requests

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"


def journal(emu, **params):
    response = requests.get(emu.url + "/_emulator/journal", params=params, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()["entries"]


def test_journal_records_every_call(start_emulator):
    emu = start_emulator()
    runtime = emu.client("bedrock-runtime")
    converse = runtime.converse(modelId=CLAUDE, messages=[{"role": "user", "content": [{"text": "Describe rivers"}]}])
    with pytest.raises(botocore.exceptions.ClientError):
        runtime.invoke_model(modelId="nope.model", body=json.dumps({"inputText": "hi"}))
    emu.client("bedrock").list_foundation_models()

    entries = journal(emu)
    assert [e["operation"] for e in entries] == ["Converse", "InvokeModel", "ListFoundationModels"]
    first, failed, listed = entries
    assert first["service"] == "bedrock-runtime" and first["modelId"] == CLAUDE and first["status"] == 200
    assert first["inputTokens"] == converse["usage"]["inputTokens"]
    assert first["outputTokens"] == converse["usage"]["outputTokens"]
    assert first["requestId"] == converse["ResponseMetadata"]["RequestId"]
    assert failed["status"] == 400 and failed["errorCode"] == "ValidationException" and failed["modelId"] == "nope.model"
    assert listed["service"] == "bedrock" and "inputTokens" not in listed
    assert all(e["rule"] is None for e in entries)

    assert [e["operation"] for e in journal(emu, operation="Converse")] == ["Converse"]
    assert [e["operation"] for e in journal(emu, status=400)] == ["InvokeModel"]
    assert [e["sequence"] for e in journal(emu, since=first["sequence"])] == [failed["sequence"], listed["sequence"]]

    assert requests.delete(emu.url + "/_emulator/journal", timeout=10).status_code == 200
    assert journal(emu) == []
    emu.client("bedrock").list_foundation_models()
    assert journal(emu)[0]["sequence"] == listed["sequence"] + 1


def test_journal_rejects_bad_filters(emulator):
    response = requests.get(emulator.url + "/_emulator/journal", params={"since": "yesterday"}, timeout=10)
    assert response.status_code == 400
    assert response.headers["x-amzn-ErrorType"] == "ValidationException"
    assert "ISO-8601" in response.json()["message"]
