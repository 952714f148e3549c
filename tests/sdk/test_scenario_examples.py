"""The examples in scenarios/: each fits the JSON Schema in fixtures/ and starts the
emulator; the support conversation runs as its comments say, for any number of
conversations."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import requests
import yaml

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "scenarios").glob("*.yaml"))
SCHEMA = json.loads((REPO / "fixtures" / "scenario.schema.json").read_text())
CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"


def test_there_are_examples():
    assert len(EXAMPLES) >= 7


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_each_example_fits_the_schema_and_starts_the_emulator(start_emulator, example):
    jsonschema.validate(yaml.safe_load(example.read_text()) or {}, SCHEMA)
    emu = start_emulator("--scenario", str(example))
    state = requests.get(emu.url + "/_emulator/scenario", timeout=10).json()
    assert state["source"] == str(example) and state["text"] == example.read_text()


def test_the_schema_refuses_what_the_emulator_refuses():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"responses": [{"replys": "hi"}]}, SCHEMA)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"responses": [{"match": {"nth": []}}]}, SCHEMA)


def test_the_support_conversation_runs_as_scripted_every_time(start_emulator):
    emu = start_emulator("--scenario", str(REPO / "scenarios" / "support-conversation.yaml"))
    runtime = emu.client("bedrock-runtime")
    tools = {"tools": [{"toolSpec": {"name": name, "inputSchema": {"json": {"type": "object"}}}} for name in ("lookup_order", "create_return")]}
    for _ in range(2):
        messages = [{"role": "user", "content": [{"text": "Hi, where is my order A-1042?"}]}]
        said = []
        for text in (None, "It arrived damaged. Can I return it?", "Thanks!"):
            if text:
                messages.append({"role": "user", "content": [{"text": text}]})
            while True:
                answer = runtime.converse(modelId=CLAUDE, messages=messages, toolConfig=tools)
                messages.append(answer["output"]["message"])
                block = answer["output"]["message"]["content"][-1]
                if "toolUse" not in block:
                    said.append(block["text"].split(" ")[0])
                    break
                said.append(block["toolUse"]["name"])
                messages.append({"role": "user", "content": [
                    {"toolResult": {"toolUseId": block["toolUse"]["toolUseId"], "content": [{"text": "done"}]}}]})
        assert said == ["lookup_order", "Order", "create_return", "I've", "You're"]
