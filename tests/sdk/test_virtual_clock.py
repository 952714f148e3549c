"""The virtual clock: time moves only through POST /_emulator/clock, and what falls due
(async invocations here) happens before that call returns."""

from __future__ import annotations

import datetime

import requests

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"
START = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)


def test_async_invocation_completes_when_the_clock_moves(start_emulator, tmp_path):
    emu = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(tmp_path))
    assert requests.get(emu.url + "/_emulator/clock", timeout=10).json() == {"mode": "virtual", "now": "2026-01-01T00:00:00Z"}
    runtime = emu.client("bedrock-runtime")
    body = {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 50, "messages": [{"role": "user", "content": "Name a river"}]}
    arn = runtime.start_async_invoke(modelId=CLAUDE, modelInput=body,
                                     outputDataConfig={"s3OutputDataConfig": {"s3Uri": "s3://out/rivers"}})["invocationArn"]
    status = runtime.get_async_invoke(invocationArn=arn)
    assert status["status"] == "InProgress" and status["submitTime"] == START
    output = tmp_path / "objects" / "out" / "rivers" / arn.rsplit("/", 1)[1] / "output.json"

    moved = requests.post(emu.url + "/_emulator/clock", json={"advance": 60}, timeout=10)
    assert moved.status_code == 200 and moved.json()["now"] == "2026-01-01T00:01:00Z"
    assert output.exists()  # written before the clock call answered, not on the next Get
    status = runtime.get_async_invoke(invocationArn=arn)
    assert status["status"] == "Completed"
    assert status["endTime"] == START + datetime.timedelta(seconds=1)

    journal = requests.get(emu.url + "/_emulator/journal", timeout=10).json()["entries"]
    assert journal[0]["time"] == "2026-01-01T00:00:00Z" and journal[-1]["time"] == "2026-01-01T00:01:00Z"


def test_clock_requests_that_are_refused(start_emulator, emulator):
    system = requests.post(emulator.url + "/_emulator/clock", json={"advance": 1}, timeout=10)
    assert system.status_code == 409 and system.headers["x-amzn-ErrorType"] == "ConflictException"
    virtual = start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z")
    backwards = requests.post(virtual.url + "/_emulator/clock", json={"set": "2025-01-01T00:00:00Z"}, timeout=10)
    assert backwards.status_code == 400 and "only moves forward" in backwards.json()["message"]
    nonsense = requests.post(virtual.url + "/_emulator/clock", json={"advance": "soon"}, timeout=10)
    assert nonsense.status_code == 400
    forward = requests.post(virtual.url + "/_emulator/clock", json={"set": "2026-06-01T12:00:00Z"}, timeout=10)
    assert forward.json() == {"mode": "virtual", "now": "2026-06-01T12:00:00Z"}
