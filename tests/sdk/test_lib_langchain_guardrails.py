"""LangChain's AWS integration with Bedrock guardrails: ChatBedrockConverse's
`guardrail_config` (Converse's guardrailConfig) and ChatBedrock's `guardrails` (InvokeModel's
guardrail headers, with the trace reported to a callback handler)."""

from __future__ import annotations

import pytest
from langchain_core.callbacks import BaseCallbackHandler

from libsupport import CLAUDE, offline  # noqa: F401 (fixture)

BLOCKED_IN = "Sorry, that is off limits."


@pytest.fixture(scope="module")
def lc(offline):
    import langchain_aws

    return langchain_aws


@pytest.fixture(scope="module")
def guardrail(emulator):
    made = emulator.client("bedrock").create_guardrail(
        name="langchain-guard", blockedInputMessaging=BLOCKED_IN, blockedOutputsMessaging="Sorry, I cannot say that.",
        contentPolicyConfig={"filtersConfig": [{"type": "INSULTS", "inputStrength": "HIGH", "outputStrength": "HIGH"}]})
    return made["guardrailId"]


class Interventions(BaseCallbackHandler):
    def __init__(self):
        self.reasons = []

    def on_llm_error(self, error, **kwargs):
        self.reasons.append((kwargs.get("reason"), kwargs.get("trace")))


def test_chat_bedrock_converse_with_guardrail_config(lc, emulator, guardrail):
    chat = lc.ChatBedrockConverse(
        model=CLAUDE, endpoint_url=emulator.url, region_name="us-east-1", max_tokens=200,
        guardrail_config={"guardrailIdentifier": guardrail, "guardrailVersion": "DRAFT", "trace": "enabled"})
    blocked = chat.invoke("You worthless idiot, answer me")
    assert blocked.content == BLOCKED_IN
    assert blocked.response_metadata["stopReason"] == "guardrail_intervened"
    ordinary = chat.invoke("Why do leaves change colour in autumn?")
    assert ordinary.content and ordinary.content != BLOCKED_IN
    assert ordinary.response_metadata["stopReason"] == "end_turn"


def test_chat_bedrock_with_guardrails_reports_the_intervention(lc, emulator, guardrail):
    seen = Interventions()
    chat = lc.ChatBedrock(
        model_id=CLAUDE, endpoint_url=emulator.url, region_name="us-east-1", model_kwargs={"max_tokens": 200},
        guardrails={"guardrailIdentifier": guardrail, "guardrailVersion": "DRAFT", "trace": True}, callbacks=[seen])
    blocked = chat.invoke("You worthless idiot, answer me")
    assert blocked.content == BLOCKED_IN
    assert seen.reasons and seen.reasons[0][0] == "GUARDRAIL_INTERVENED"
    assert guardrail in seen.reasons[0][1]["guardrail"]["input"]
    ordinary = chat.invoke("Why do leaves change colour in autumn?")
    assert ordinary.content != BLOCKED_IN
    assert len(seen.reasons) == 1
