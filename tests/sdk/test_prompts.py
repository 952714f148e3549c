"""Prompt management (bedrock-agent), OptimizePrompt and session invocations
(bedrock-agent-runtime), through boto3 as an application would use them."""

from __future__ import annotations

import datetime
import sqlite3

import botocore.exceptions
import pytest

MODEL = "anthropic.claude-3-haiku-20240307-v1:0"
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
TEXT = "Write a {{tone}} summary of {{document}} for {{audience}}."


def _error(info: pytest.ExceptionInfo) -> tuple[int, str, str]:
    response = info.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"], response["Error"]["Message"]


def _text_variant(name="main", text=TEXT, **extra):
    variant = {
        "name": name,
        "templateType": "TEXT",
        "modelId": MODEL,
        "templateConfiguration": {"text": {"text": text}},
        "inferenceConfiguration": {"text": {"temperature": 0.2, "maxTokens": 300}},
    }
    variant.update(extra)
    return variant


def _chat_variant(name="chat"):
    return {
        "name": name,
        "templateType": "CHAT",
        "modelId": MODEL,
        "templateConfiguration": {"chat": {
            "system": [{"text": "You answer questions about {{product}}."}],
            "messages": [{"role": "user", "content": [{"text": "{{question}}"}]}],
            "inputVariables": [{"name": "product"}, {"name": "question"}],
            "toolConfiguration": {
                "tools": [{"toolSpec": {"name": "lookup_order", "description": "Finds an order",
                                        "inputSchema": {"json": {"type": "object", "properties": {"id": {"type": "string"}}}}}}],
                "toolChoice": {"auto": {}},
            },
        }},
        "additionalModelRequestFields": {"top_k": 200},
        "metadata": [{"key": "owner", "value": "support"}],
    }


def test_prompt_lifecycle_with_versions(emulator):
    agent = emulator.client("bedrock-agent")
    created = agent.create_prompt(
        name="summariser", description="Summaries for readers", defaultVariant="main", customerEncryptionKeyArn=KEY,
        variants=[_text_variant()], tags={"team": "docs"})
    prompt_id, arn = created["id"], created["arn"]
    assert created["version"] == "DRAFT"
    assert arn == f"arn:aws:bedrock:us-east-1:123456789012:prompt/{prompt_id}"
    # Variables the template uses are filled in when the request leaves them out.
    variables = created["variants"][0]["templateConfiguration"]["text"]["inputVariables"]
    assert variables == [{"name": "tone"}, {"name": "document"}, {"name": "audience"}]
    assert agent.list_tags_for_resource(resourceArn=arn)["tags"] == {"team": "docs"}

    fetched = agent.get_prompt(promptIdentifier=prompt_id)
    assert fetched["name"] == "summariser" and fetched["variants"] == created["variants"]
    assert fetched["variants"][0]["inferenceConfiguration"]["text"]["maxTokens"] == 300

    version = agent.create_prompt_version(promptIdentifier=prompt_id, description="first cut")
    assert (version["version"], version["arn"], version["description"]) == ("1", f"{arn}:1", "first cut")

    # UpdatePrompt changes only the DRAFT; version 1 keeps what it snapshot.
    updated = agent.update_prompt(
        promptIdentifier=arn, name="summariser", defaultVariant="chat", variants=[_chat_variant()])
    assert updated["version"] == "DRAFT" and updated["variants"][0]["templateType"] == "CHAT"
    assert updated["createdAt"] == created["createdAt"] and updated["customerEncryptionKeyArn"] == KEY
    assert "description" not in updated  # an update replaces what it leaves out, the key excepted
    assert agent.create_prompt_version(promptIdentifier=prompt_id)["version"] == "2"

    by_arn = agent.get_prompt(promptIdentifier=f"{arn}:1")
    assert by_arn["version"] == "1" and by_arn["variants"][0]["templateType"] == "TEXT"
    assert agent.get_prompt(promptIdentifier=prompt_id, promptVersion="2")["variants"][0]["name"] == "chat"
    draft = agent.get_prompt(promptIdentifier=prompt_id)
    assert draft["variants"] == updated["variants"] == [_chat_variant()]

    listed = agent.list_prompts(promptIdentifier=prompt_id)["promptSummaries"]
    assert [(s["version"], s["arn"]) for s in listed] == [("DRAFT", arn), ("1", f"{arn}:1"), ("2", f"{arn}:2")]

    removed = agent.delete_prompt(promptIdentifier=prompt_id, promptVersion="1")
    assert (removed["id"], removed["version"]) == (prompt_id, "1")
    with pytest.raises(botocore.exceptions.ClientError) as info:
        agent.get_prompt(promptIdentifier=prompt_id, promptVersion="1")
    assert _error(info)[:2] == (404, "ResourceNotFoundException")
    assert [s["version"] for s in agent.list_prompts(promptIdentifier=prompt_id)["promptSummaries"]] == ["DRAFT", "2"]

    # Only the prompt itself changes: a version ARN is refused where a change is asked for.
    with pytest.raises(botocore.exceptions.ClientError) as info:
        agent.update_prompt(promptIdentifier=f"{arn}:2", name="summariser")
    status, code, message = _error(info)
    assert (status, code) == (400, "ValidationException") and "without a version" in message
    assert [s["version"] for s in agent.list_prompts(promptIdentifier=f"{arn}:2")["promptSummaries"]] == ["DRAFT", "2"]
    agent.create_prompt_version(promptIdentifier=prompt_id)
    assert agent.delete_prompt(promptIdentifier=f"{arn}:3")["version"] == "3"

    deleted = agent.delete_prompt(promptIdentifier=prompt_id)
    assert deleted["id"] == prompt_id and "version" not in deleted
    for identifier in (prompt_id, f"{arn}:2"):
        with pytest.raises(botocore.exceptions.ClientError) as info:
            agent.get_prompt(promptIdentifier=identifier)
        assert _error(info)[:2] == (404, "ResourceNotFoundException")


def test_list_prompts_pages_through_drafts(start_emulator):
    agent = start_emulator().client("bedrock-agent")
    ids = [agent.create_prompt(name=f"p{i}", variants=[_text_variant(text=f"Say {i}.")])["id"] for i in range(12)]

    first = agent.list_prompts(maxResults=5)
    assert [s["id"] for s in first["promptSummaries"]] == ids[:5]
    assert all(s["version"] == "DRAFT" for s in first["promptSummaries"])
    seen = [s["id"] for page in agent.get_paginator("list_prompts").paginate() for s in page["promptSummaries"]]
    assert seen == ids
    # A page holds at most 10 summaries, whatever maxResults asks for.
    assert len(agent.list_prompts(maxResults=50)["promptSummaries"]) == 10

    prompt_id = ids[0]
    for _ in range(3):
        agent.create_prompt_version(promptIdentifier=prompt_id)
    page = agent.list_prompts(promptIdentifier=prompt_id, maxResults=2)
    assert [s["version"] for s in page["promptSummaries"]] == ["DRAFT", "1"]
    rest = agent.list_prompts(promptIdentifier=prompt_id, maxResults=2, nextToken=page["nextToken"])
    assert [s["version"] for s in rest["promptSummaries"]] == ["2", "3"] and "nextToken" not in rest


def test_create_prompt_version_is_idempotent(emulator):
    agent = emulator.client("bedrock-agent")
    prompt_id = agent.create_prompt(name="idempotent", variants=[_text_variant(text="Hello.")])["id"]
    token = "a" * 40
    first = agent.create_prompt_version(promptIdentifier=prompt_id, clientToken=token)
    again = agent.create_prompt_version(promptIdentifier=prompt_id, clientToken=token)
    assert first["version"] == again["version"] == "1"
    created = agent.create_prompt(name="tokened", variants=[], clientToken="b" * 40)
    assert agent.create_prompt(name="tokened", variants=[], clientToken="b" * 40)["id"] == created["id"]


@pytest.mark.parametrize("change,code,words", [
    ({"defaultVariant": "missing"}, "ValidationException", "defaultVariant missing"),
    ({"variants": [_text_variant("a"), _text_variant("b")]}, "ValidationException", "variants"),
    ({"variants": [_text_variant(modelId="acme.nonexistent-v1")]}, "ValidationException", "acme.nonexistent-v1"),
    ({"variants": [_text_variant(modelId="amazon.titan-embed-text-v2:0")]}, "ValidationException", "does not generate text"),
    ({"variants": [_text_variant(templateConfiguration={"chat": {"messages": []}})]}, "ValidationException", "templateConfiguration.text"),
    ({"variants": [_text_variant(templateConfiguration={"text": {"text": TEXT, "inputVariables": [{"name": "tone"}]}})]},
     "ValidationException", "{{document}}, {{audience}}"),
])
def test_create_prompt_refusals(emulator, change, code, words):
    agent = emulator.client("bedrock-agent")
    request = {"name": "refused", "variants": [_text_variant()], **change}
    with pytest.raises(botocore.exceptions.ClientError) as info:
        agent.create_prompt(**request)
    status, got, message = _error(info)
    assert (status, got) == (400, code)
    assert words in message
    assert not [s for s in agent.list_prompts()["promptSummaries"] if s["name"] == "refused"]


def test_prompt_not_found_and_duplicate_name(emulator):
    agent = emulator.client("bedrock-agent")
    agent.create_prompt(name="unique-name")
    with pytest.raises(botocore.exceptions.ClientError) as info:
        agent.create_prompt(name="unique-name")
    assert _error(info)[:2] == (409, "ConflictException")
    for call in (lambda: agent.get_prompt(promptIdentifier="ZZZZZZZZZZ"),
                 lambda: agent.update_prompt(promptIdentifier="ZZZZZZZZZZ", name="x"),
                 lambda: agent.create_prompt_version(promptIdentifier="ZZZZZZZZZZ"),
                 lambda: agent.delete_prompt(promptIdentifier="ZZZZZZZZZZ")):
        with pytest.raises(botocore.exceptions.ClientError) as info:
            call()
        assert _error(info)[:2] == (404, "ResourceNotFoundException")


def _optimize(runtime, text, model):
    response = runtime.optimize_prompt(input={"textPrompt": {"text": text}}, targetModelId=model)
    return list(response["optimizedPrompt"])


def test_optimize_prompt_events(emulator):
    runtime = emulator.client("bedrock-agent-runtime")
    prompt = "Summarise {{document}} for {{audience}}."
    events = _optimize(runtime, prompt, MODEL)
    assert [next(iter(e)) for e in events] == ["analyzePromptEvent", "optimizedPromptEvent"]
    analysis = events[0]["analyzePromptEvent"]["message"]
    assert "{{document}}" in analysis and "2 variables" in analysis
    claude = events[1]["optimizedPromptEvent"]["optimizedPrompt"]["textPrompt"]["text"]
    assert "<task>" in claude and "<instructions>" in claude
    assert "{{document}}" in claude and "{{audience}}" in claude
    assert _optimize(runtime, prompt, MODEL) == events  # deterministic

    llama = _optimize(runtime, prompt, "meta.llama3-70b-instruct-v1:0")[1]["optimizedPromptEvent"]["optimizedPrompt"]["textPrompt"]["text"]
    assert llama.startswith("<|begin_of_text|><|start_header_id|>system<|end_header_id|>") and "{{audience}}" in llama
    nova = _optimize(runtime, prompt, "us.amazon.nova-pro-v1:0")[1]["optimizedPromptEvent"]["optimizedPrompt"]["textPrompt"]["text"]
    assert "<task>" not in nova and "<|" not in nova and prompt in nova


@pytest.mark.parametrize("model,words", [
    ("acme.unknown-v1", "invalid"),
    ("amazon.titan-text-lite-v1", "doesn't support"),
])
def test_optimize_prompt_refuses_models(emulator, model, words):
    runtime = emulator.client("bedrock-agent-runtime")
    with pytest.raises(botocore.exceptions.ClientError) as info:
        _optimize(runtime, "Hello", model)
    status, code, message = _error(info)
    assert (status, code) == (400, "ValidationException") and words in message


def test_invocations_and_steps_round_trip(emulator):
    runtime = emulator.client("bedrock-agent-runtime")
    session = runtime.create_session()
    session_id = session["sessionId"]
    invocation = runtime.create_invocation(sessionIdentifier=session_id, description="weather in Seattle")
    assert invocation["sessionId"] == session_id
    mine = "11111111-2222-4333-8444-555555555555"
    assert runtime.create_invocation(sessionIdentifier=session["sessionArn"], invocationId=mine)["invocationId"] == mine
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.create_invocation(sessionIdentifier=session_id, invocationId=mine)
    assert _error(info)[:2] == (409, "ConflictException")
    listed = runtime.list_invocations(sessionIdentifier=session_id)["invocationSummaries"]
    assert [i["invocationId"] for i in listed] == [invocation["invocationId"], mine]

    when = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
    text_step = runtime.put_invocation_step(
        sessionIdentifier=session_id, invocationIdentifier=invocation["invocationId"], invocationStepTime=when,
        payload={"contentBlocks": [{"text": "What is the weather?"}]})["invocationStepId"]
    image = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
    image_step = runtime.put_invocation_step(
        sessionIdentifier=session_id, invocationIdentifier=mine, invocationStepTime=when,
        payload={"contentBlocks": [{"image": {"format": "png", "source": {"bytes": image}}},
                                   {"image": {"format": "jpeg", "source": {"s3Location": {"uri": "s3://photos/a.jpg"}}}}]})["invocationStepId"]

    step = runtime.get_invocation_step(
        sessionIdentifier=session_id, invocationIdentifier=mine, invocationStepId=image_step)["invocationStep"]
    assert step["payload"]["contentBlocks"][0]["image"]["source"]["bytes"] == image
    assert step["payload"]["contentBlocks"][1]["image"]["source"]["s3Location"]["uri"] == "s3://photos/a.jpg"
    assert step["invocationStepTime"] == when and step["invocationId"] == mine and step["sessionId"] == session_id

    every = runtime.list_invocation_steps(sessionIdentifier=session_id)["invocationStepSummaries"]
    assert [s["invocationStepId"] for s in every] == [text_step, image_step]
    assert set(every[0]) == {"sessionId", "invocationId", "invocationStepId", "invocationStepTime"}
    one = runtime.list_invocation_steps(sessionIdentifier=session_id, invocationIdentifier=mine)["invocationStepSummaries"]
    assert [s["invocationStepId"] for s in one] == [image_step]
    page = runtime.list_invocation_steps(sessionIdentifier=session_id, maxResults=1)
    assert len(page["invocationStepSummaries"]) == 1 and page["nextToken"]

    # A step asked for under another invocation is not found.
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.get_invocation_step(
            sessionIdentifier=session_id, invocationIdentifier=invocation["invocationId"], invocationStepId=image_step)
    assert _error(info)[:2] == (404, "ResourceNotFoundException")


def test_ended_and_deleted_sessions(start_emulator, tmp_path):
    runtime = start_emulator("--state", str(tmp_path)).client("bedrock-agent-runtime")
    session_id = runtime.create_session()["sessionId"]
    invocation_id = runtime.create_invocation(sessionIdentifier=session_id)["invocationId"]
    step_id = runtime.put_invocation_step(
        sessionIdentifier=session_id, invocationIdentifier=invocation_id,
        invocationStepTime=datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc),
        payload={"contentBlocks": [{"text": "hi"}]})["invocationStepId"]
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.put_invocation_step(
            sessionIdentifier=session_id, invocationIdentifier="00000000-0000-4000-8000-000000000000",
            invocationStepTime=datetime.datetime(2026, 1, 1), payload={"contentBlocks": [{"text": "hi"}]})
    assert _error(info)[:2] == (404, "ResourceNotFoundException")

    runtime.end_session(sessionIdentifier=session_id)
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.create_invocation(sessionIdentifier=session_id)
    assert _error(info)[:2] == (409, "ConflictException")
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.put_invocation_step(
            sessionIdentifier=session_id, invocationIdentifier=invocation_id,
            invocationStepTime=datetime.datetime(2026, 1, 1), payload={"contentBlocks": [{"text": "late"}]})
    assert _error(info)[:2] == (409, "ConflictException")
    # What the session holds stays readable once it has ended.
    assert runtime.get_invocation_step(
        sessionIdentifier=session_id, invocationIdentifier=invocation_id, invocationStepId=step_id)["invocationStep"]["payload"] == {
        "contentBlocks": [{"text": "hi"}]}

    runtime.delete_session(sessionIdentifier=session_id)
    for call in (lambda: runtime.list_invocations(sessionIdentifier=session_id),
                 lambda: runtime.list_invocation_steps(sessionIdentifier=session_id)):
        with pytest.raises(botocore.exceptions.ClientError) as info:
            call()
        assert _error(info)[:2] == (404, "ResourceNotFoundException")
    # Deleting the session removed its invocations and steps from the store, not only from view.
    with sqlite3.connect(tmp_path / "state.sqlite") as db:
        kept = db.execute("SELECT type, count(*) FROM resources WHERE service = 'bedrock-agent-runtime' GROUP BY type").fetchall()
    assert kept == []
