"""Agent-runtime sessions and the one tag store, through boto3, across the services that tag."""

from __future__ import annotations

import botocore.exceptions
import pytest


def _error(info: pytest.ExceptionInfo) -> tuple[int, str, str]:
    response = info.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"], response["Error"]["Message"]


def test_session_lifecycle(emulator):
    runtime = emulator.client("bedrock-agent-runtime")
    created = runtime.create_session(sessionMetadata={"user": "ada"}, tags={"team": "qa"})
    session_id = created["sessionId"]
    assert created["sessionStatus"] == "ACTIVE"
    assert created["sessionArn"].startswith("arn:aws:bedrock:us-east-1:123456789012:session/")

    fetched = runtime.get_session(sessionIdentifier=session_id)
    assert fetched["sessionMetadata"] == {"user": "ada"}
    assert fetched["sessionArn"] == created["sessionArn"]

    # Only an ended session can be deleted, as on AWS.
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.delete_session(sessionIdentifier=session_id)
    status, code, _ = _error(info)
    assert (status, code) == (409, "ConflictException")

    assert runtime.end_session(sessionIdentifier=session_id)["sessionStatus"] == "ENDED"
    runtime.delete_session(sessionIdentifier=session_id)
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.get_session(sessionIdentifier=session_id)
    assert _error(info)[:2] == (404, "ResourceNotFoundException")


def test_tags_are_shared_across_services(emulator):
    runtime = emulator.client("bedrock-agent-runtime")
    agent = emulator.client("bedrock-agent")
    arn = runtime.create_session(tags={"a": "1"})["sessionArn"]

    # Written through one service, read through another: one tag store for every ARN.
    agent.tag_resource(resourceArn=arn, tags={"b": "2"})
    assert runtime.list_tags_for_resource(resourceArn=arn)["tags"] == {"a": "1", "b": "2"}

    runtime.untag_resource(resourceArn=arn, tagKeys=["a"])
    assert agent.list_tags_for_resource(resourceArn=arn)["tags"] == {"b": "2"}


def test_tagging_an_unknown_arn(emulator):
    runtime = emulator.client("bedrock-agent-runtime")
    missing = "arn:aws:bedrock:us-east-1:123456789012:session/00000000-0000-0000-0000-000000000000"
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.tag_resource(resourceArn=missing, tags={"k": "v"})
    status, code, message = _error(info)
    assert (status, code) == (404, "ResourceNotFoundException")
    assert missing in message


def test_more_than_fifty_tags(emulator):
    runtime = emulator.client("bedrock-agent-runtime")
    arn = runtime.create_session()["sessionArn"]
    runtime.tag_resource(resourceArn=arn, tags={f"k{i}": "v" for i in range(50)})
    with pytest.raises(botocore.exceptions.ClientError) as info:
        runtime.tag_resource(resourceArn=arn, tags={"one-more": "v"})
    status, code, _ = _error(info)
    # bedrock-agent-runtime does not model TooManyTagsException; its quota error stands in.
    assert status in (400, 402) and code in ("TooManyTagsException", "ServiceQuotaExceededException")
    assert len(runtime.list_tags_for_resource(resourceArn=arn)["tags"]) == 50
