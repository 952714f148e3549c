"""POST /_emulator/reset: forget resources (all, or one service's), objects, journal, quotas."""

from __future__ import annotations

import botocore.exceptions
import pytest
import requests


def test_reset_one_service_then_everything(start_emulator):
    emu = start_emulator()
    sessions = emu.client("bedrock-agent-runtime")
    session = sessions.create_session(tags={"team": "qa"})["sessionId"]
    runtime = emu.client("bedrock-runtime")
    runtime.converse(modelId="anthropic.claude-3-haiku-20240307-v1:0",
                     messages=[{"role": "user", "content": [{"text": "hi"}]}])

    # Resetting another service leaves the session alone.
    other = requests.post(emu.url + "/_emulator/reset", json={"service": "bedrock"}, timeout=10)
    assert other.status_code == 200 and other.json() == {"resourcesRemoved": 0, "service": "bedrock"}
    assert sessions.get_session(sessionIdentifier=session)["sessionStatus"] == "ACTIVE"

    everything = requests.post(emu.url + "/_emulator/reset", timeout=10)
    assert everything.status_code == 200 and everything.json()["resourcesRemoved"] == 1
    with pytest.raises(botocore.exceptions.ClientError) as info:
        sessions.get_session(sessionIdentifier=session)
    assert info.value.response["Error"]["Code"] == "ResourceNotFoundException"
    journal = requests.get(emu.url + "/_emulator/journal", timeout=10).json()["entries"]
    assert [e["operation"] for e in journal] == ["GetSession"]  # only what came after the reset
    # The emulator keeps serving and storing after a reset.
    assert sessions.create_session()["sessionStatus"] == "ACTIVE"


def test_reset_refuses_an_unknown_service(emulator):
    response = requests.post(emulator.url + "/_emulator/reset", json={"service": "s3"}, timeout=10)
    assert response.status_code == 400 and "bedrock-agent-runtime" in response.json()["message"]
