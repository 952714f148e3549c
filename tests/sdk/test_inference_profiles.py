"""Inference profiles through boto3: the SYSTEM_DEFINED cross-region profiles of the model
catalog, APPLICATION profiles copied from a foundation model or a system profile, and the
runtime invoking through an application profile's id or ARN."""

from __future__ import annotations

import json

import boto3
import pytest

NOVA = "amazon.nova-lite-v1:0"
SONNET4 = "anthropic.claude-sonnet-4-20250514-v1:0"
ACCOUNT = "123456789012"


def user(text: str) -> dict:
    return {"role": "user", "content": [{"text": text}]}


def all_profiles(bedrock, **kw) -> list[dict]:
    out, token = [], None
    while True:
        page = bedrock.list_inference_profiles(maxResults=7, **({"nextToken": token} if token else {}), **kw)
        out += page["inferenceProfileSummaries"]
        token = page.get("nextToken")
        if not token:
            return out


def test_system_profiles_are_those_of_the_catalog_in_the_callers_geography(emulator):
    bedrock = emulator.client("bedrock")
    system = all_profiles(bedrock, typeEquals="SYSTEM_DEFINED")
    ids = {p["inferenceProfileId"] for p in system}
    assert f"us.{NOVA}" in ids and f"global.{SONNET4}" in ids
    assert not any(i.startswith(("eu.", "apac.")) for i in ids), "us-east-1 lists only the us and global profiles"
    assert all(p["status"] == "ACTIVE" and p["type"] == "SYSTEM_DEFINED" for p in system)
    assert len(ids) == len(system), "no profile is listed twice across pages"

    got = bedrock.get_inference_profile(inferenceProfileIdentifier=f"us.{NOVA}")
    assert got["inferenceProfileArn"] == f"arn:aws:bedrock:us-east-1:{ACCOUNT}:inference-profile/us.{NOVA}"
    assert [m["modelArn"] for m in got["models"]] == [
        f"arn:aws:bedrock:{r}::foundation-model/{NOVA}" for r in ("us-east-1", "us-east-2", "us-west-2")]
    assert got["inferenceProfileName"] == "US Amazon Nova Lite"
    assert got["description"] == "Routes requests to Amazon Nova Lite in us-east-1, us-east-2, us-west-2."
    glob = bedrock.get_inference_profile(inferenceProfileIdentifier=f"global.{SONNET4}")
    assert [m["modelArn"] for m in glob["models"]] == [
        f"arn:aws:bedrock:us-east-1::foundation-model/{SONNET4}", f"arn:aws:bedrock:::foundation-model/{SONNET4}"]
    by_arn = bedrock.get_inference_profile(inferenceProfileIdentifier=got["inferenceProfileArn"])
    assert by_arn["inferenceProfileId"] == f"us.{NOVA}"

    eu = boto3.client(
        "bedrock", endpoint_url=emulator.url, region_name="eu-west-1", aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret")
    eu_ids = {p["inferenceProfileId"] for p in all_profiles(eu)}
    assert f"eu.{NOVA}" in eu_ids and f"us.{NOVA}" not in eu_ids

    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_inference_profile(inferenceProfileIdentifier="us.no-such.model-v1:0")
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.delete_inference_profile(inferenceProfileIdentifier=f"us.{NOVA}")


def test_application_profiles_are_created_listed_tagged_invoked_and_deleted(start_emulator):
    emu = start_emulator()
    bedrock, runtime = emu.client("bedrock"), emu.client("bedrock-runtime")
    created = bedrock.create_inference_profile(
        inferenceProfileName="nova-team", description="Cost tracking for the team",
        modelSource={"copyFrom": f"arn:aws:bedrock:us-east-1::foundation-model/{NOVA}"},
        tags=[{"key": "team", "value": "search"}], clientRequestToken="token-1")
    arn = created["inferenceProfileArn"]
    assert created["status"] == "ACTIVE"
    prefix = f"arn:aws:bedrock:us-east-1:{ACCOUNT}:application-inference-profile/"
    assert arn.startswith(prefix)
    pid = arn[len(prefix):]
    assert len(pid) == 12 and pid.isalnum() and pid == pid.lower()
    again = bedrock.create_inference_profile(
        inferenceProfileName="nova-team", modelSource={"copyFrom": f"arn:aws:bedrock:us-east-1::foundation-model/{NOVA}"},
        clientRequestToken="token-1")
    assert again["inferenceProfileArn"] == arn

    got = bedrock.get_inference_profile(inferenceProfileIdentifier=pid)
    assert got["inferenceProfileName"] == "nova-team" and got["description"] == "Cost tracking for the team"
    assert got["type"] == "APPLICATION" and got["status"] == "ACTIVE" and got["inferenceProfileArn"] == arn
    assert got["models"] == [{"modelArn": f"arn:aws:bedrock:us-east-1::foundation-model/{NOVA}"}]
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [{"key": "team", "value": "search"}]

    system_arn = f"arn:aws:bedrock:us-east-1:{ACCOUNT}:inference-profile/us.{SONNET4}"
    sonnet = bedrock.create_inference_profile(inferenceProfileName="sonnet-app", modelSource={"copyFrom": system_arn})["inferenceProfileArn"]
    assert len(bedrock.get_inference_profile(inferenceProfileIdentifier=sonnet)["models"]) == 3

    apps = bedrock.list_inference_profiles(typeEquals="APPLICATION")["inferenceProfileSummaries"]
    assert sorted(p["inferenceProfileName"] for p in apps) == ["nova-team", "sonnet-app"]
    everything = all_profiles(bedrock)
    assert {arn, sonnet} <= {p["inferenceProfileArn"] for p in everything}
    assert any(p["type"] == "SYSTEM_DEFINED" for p in everything)

    # The runtime invokes the model the profile was copied from, by id or by ARN.
    assert runtime.converse(modelId=arn, messages=[user("Name a planet")])["stopReason"] == "end_turn"
    assert runtime.converse(modelId=pid, messages=[user("Name a planet")])["stopReason"] == "end_turn"
    body = json.dumps({"messages": [{"role": "user", "content": [{"text": "Name a planet"}]}]})
    assert json.loads(runtime.invoke_model(modelId=arn, body=body)["body"].read())["stopReason"] == "end_turn"
    events = list(runtime.converse_stream(modelId=arn, messages=[user("hi")])["stream"])
    assert any("messageStop" in e for e in events)
    chunks = list(runtime.invoke_model_with_response_stream(modelId=arn, body=body)["body"])
    assert chunks and all("chunk" in c for c in chunks)
    # Claude Sonnet 4 has no on-demand throughput: through a profile copied from its system profile it answers.
    assert runtime.converse(modelId=sonnet, messages=[user("hi")])["stopReason"] == "end_turn"

    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.create_inference_profile(inferenceProfileName="nova-team", modelSource={"copyFrom": system_arn})
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.create_inference_profile(
            inferenceProfileName="ghost", modelSource={"copyFrom": "arn:aws:bedrock:us-east-1::foundation-model/nobody.nothing-v1:0"})
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.create_inference_profile(
            inferenceProfileName="direct", modelSource={"copyFrom": f"arn:aws:bedrock:us-east-1::foundation-model/{SONNET4}"})

    bedrock.delete_inference_profile(inferenceProfileIdentifier=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_inference_profile(inferenceProfileIdentifier=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.delete_inference_profile(inferenceProfileIdentifier=arn)
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.converse(modelId=arn, messages=[user("hi")])
    assert [p["inferenceProfileName"] for p in bedrock.list_inference_profiles(typeEquals="APPLICATION")["inferenceProfileSummaries"]] == ["sonnet-app"]
