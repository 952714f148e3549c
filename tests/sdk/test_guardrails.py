"""Guardrails through boto3: Create stores every policy and Get answers it in AWS's Get
shape (each `<policy>Config` as `<policy>`, with AWS's defaults), Update replaces the
DRAFT, CreateGuardrailVersion snapshots it as 1, 2, ..., List lists drafts or one
guardrail's versions, Delete removes a version or everything; the account's enforced
guardrail configuration; resource policies on a guardrail's ARN."""

from __future__ import annotations

import json

import pytest
import requests

ACCOUNT = "123456789012"
MESSAGES = {"blockedInputMessaging": "Sorry, I cannot answer that.", "blockedOutputsMessaging": "Sorry, I cannot say that."}
POLICY = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::210987654321:root"},
                   "Action": "bedrock:ApplyGuardrail", "Resource": "*"}],
})


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


@pytest.fixture
def virtual(start_emulator):
    return start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z")


def words(*texts: str) -> dict:
    return {"wordsConfig": [{"text": t} for t in texts]}


def create(bedrock, name: str, **config) -> dict:
    config.setdefault("wordPolicyConfig", words("forbidden"))
    return bedrock.create_guardrail(name=name, **MESSAGES, **config)


def body(response: dict) -> dict:
    return {k: v for k, v in response.items() if k != "ResponseMetadata"}


def message(info) -> str:
    return info.value.response["Error"]["Message"]


def test_create_stores_every_policy_and_get_answers_the_get_shape(virtual):
    bedrock = virtual.client("bedrock")
    made = bedrock.create_guardrail(
        name="support-bot",
        description="Keeps the support bot on topic",
        topicPolicyConfig={"topicsConfig": [{
            "name": "Investment advice", "definition": "Recommendations about stocks or funds.",
            "examples": ["Which stock should I buy?"], "type": "DENY"}]},
        contentPolicyConfig={"filtersConfig": [
            {"type": "HATE", "inputStrength": "HIGH", "outputStrength": "MEDIUM", "inputModalities": ["TEXT", "IMAGE"]},
            {"type": "PROMPT_ATTACK", "inputStrength": "HIGH", "outputStrength": "NONE", "inputAction": "NONE"},
        ]},
        wordPolicyConfig={"wordsConfig": [{"text": "competitor"}], "managedWordListsConfig": [{"type": "PROFANITY"}]},
        sensitiveInformationPolicyConfig={
            "piiEntitiesConfig": [{"type": "EMAIL", "action": "ANONYMIZE"}, {"type": "US_SOCIAL_SECURITY_NUMBER", "action": "BLOCK"}],
            "regexesConfig": [{"name": "order-id", "pattern": "ORD-[0-9]{6}", "action": "ANONYMIZE", "description": "Order numbers"}],
        },
        contextualGroundingPolicyConfig={"filtersConfig": [{"type": "GROUNDING", "threshold": 0.75}, {"type": "RELEVANCE", "threshold": 0.5}]},
        kmsKeyId="1234abcd-12ab-34cd-56ef-1234567890ab",
        tags=[{"key": "team", "value": "support"}],
        **MESSAGES,
    )
    gid = made["guardrailId"]
    assert len(gid) == 12 and gid.isalnum() and gid == gid.lower()
    assert made["guardrailArn"] == f"arn:aws:bedrock:us-east-1:{ACCOUNT}:guardrail/{gid}"
    assert made["version"] == "DRAFT"
    assert made["createdAt"].isoformat() == "2026-01-01T00:00:00+00:00"

    got = bedrock.get_guardrail(guardrailIdentifier=gid)
    assert (got["name"], got["description"], got["version"], got["status"]) == ("support-bot", "Keeps the support bot on topic", "DRAFT", "READY")
    assert (got["guardrailId"], got["guardrailArn"]) == (gid, made["guardrailArn"])
    assert got["blockedInputMessaging"] == MESSAGES["blockedInputMessaging"]
    assert got["blockedOutputsMessaging"] == MESSAGES["blockedOutputsMessaging"]
    assert got["kmsKeyArn"] == f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    assert got["createdAt"] == got["updatedAt"] == made["createdAt"]
    assert got["topicPolicy"]["topics"] == [{
        "name": "Investment advice", "definition": "Recommendations about stocks or funds.", "examples": ["Which stock should I buy?"],
        "type": "DENY", "inputAction": "BLOCK", "outputAction": "BLOCK", "inputEnabled": True, "outputEnabled": True}]
    assert got["topicPolicy"]["tier"] == {"tierName": "CLASSIC"}
    hate, attack = got["contentPolicy"]["filters"]
    assert hate == {"type": "HATE", "inputStrength": "HIGH", "outputStrength": "MEDIUM", "inputModalities": ["TEXT", "IMAGE"],
                    "outputModalities": ["TEXT"], "inputAction": "BLOCK", "outputAction": "BLOCK", "inputEnabled": True, "outputEnabled": True}
    assert (attack["type"], attack["outputStrength"], attack["inputAction"]) == ("PROMPT_ATTACK", "NONE", "NONE")
    assert got["wordPolicy"]["words"][0]["text"] == "competitor"
    assert got["wordPolicy"]["managedWordLists"][0]["type"] == "PROFANITY"
    pii = got["sensitiveInformationPolicy"]["piiEntities"]
    assert [(p["type"], p["action"], p["inputAction"], p["outputAction"]) for p in pii] == [
        ("EMAIL", "ANONYMIZE", "ANONYMIZE", "ANONYMIZE"), ("US_SOCIAL_SECURITY_NUMBER", "BLOCK", "BLOCK", "BLOCK")]
    regex = got["sensitiveInformationPolicy"]["regexes"][0]
    assert (regex["name"], regex["pattern"], regex["action"], regex["description"]) == ("order-id", "ORD-[0-9]{6}", "ANONYMIZE", "Order numbers")
    assert [(f["type"], f["threshold"], f["action"], f["enabled"]) for f in got["contextualGroundingPolicy"]["filters"]] == [
        ("GROUNDING", 0.75, "BLOCK", True), ("RELEVANCE", 0.5, "BLOCK", True)]
    assert "statusReasons" not in got and "crossRegionDetails" not in got

    assert body(bedrock.get_guardrail(guardrailIdentifier=made["guardrailArn"], guardrailVersion="DRAFT")) == body(got)
    tags = bedrock.list_tags_for_resource(resourceARN=made["guardrailArn"])["tags"]
    assert tags == [{"key": "team", "value": "support"}]
    bedrock.tag_resource(resourceARN=made["guardrailArn"], tags=[{"key": "stage", "value": "test"}])
    bedrock.untag_resource(resourceARN=made["guardrailArn"], tagKeys=["team"])
    assert bedrock.list_tags_for_resource(resourceARN=made["guardrailArn"])["tags"] == [{"key": "stage", "value": "test"}]


def test_cross_region_tiers_and_automated_reasoning_are_kept(virtual):
    bedrock = virtual.client("bedrock")
    reasoning = f"arn:aws:bedrock:us-east-1:{ACCOUNT}:automated-reasoning-policy/abcdefghijkl"
    gid = create(
        bedrock, "tiered",
        contentPolicyConfig={"filtersConfig": [{"type": "VIOLENCE", "inputStrength": "LOW", "outputStrength": "LOW"}],
                             "tierConfig": {"tierName": "STANDARD"}},
        topicPolicyConfig={"topicsConfig": [{"name": "Politics", "definition": "Elections and parties.", "type": "DENY"}],
                           "tierConfig": {"tierName": "STANDARD"}},
        automatedReasoningPolicyConfig={"policies": [reasoning], "confidenceThreshold": 0.8},
        crossRegionConfig={"guardrailProfileIdentifier": "us.guardrail.v1:0"},
    )["guardrailId"]
    got = bedrock.get_guardrail(guardrailIdentifier=gid)
    assert got["crossRegionDetails"] == {
        "guardrailProfileId": "us.guardrail.v1:0",
        "guardrailProfileArn": f"arn:aws:bedrock:us-east-1:{ACCOUNT}:guardrail-profile/us.guardrail.v1:0"}
    assert got["contentPolicy"]["tier"] == {"tierName": "STANDARD"}
    assert got["topicPolicy"]["tier"] == {"tierName": "STANDARD"}
    assert got["automatedReasoningPolicy"] == {"policies": [reasoning], "confidenceThreshold": 0.8}
    listed = bedrock.list_guardrails()["guardrails"]
    assert listed[0]["crossRegionDetails"]["guardrailProfileId"] == "us.guardrail.v1:0"


@pytest.mark.parametrize("config, fragment", [
    ({}, "at least one policy"),
    ({"contentPolicyConfig": {"filtersConfig": [{"type": "PROMPT_ATTACK", "inputStrength": "HIGH", "outputStrength": "HIGH"}]}},
     "set its outputStrength to NONE"),
    ({"contentPolicyConfig": {"filtersConfig": [
        {"type": "HATE", "inputStrength": "HIGH", "outputStrength": "HIGH"},
        {"type": "HATE", "inputStrength": "LOW", "outputStrength": "LOW"}]}}, "lists type HATE more than once"),
    ({"contentPolicyConfig": {"filtersConfig": [{"type": "HATE", "inputStrength": "HIGH", "outputStrength": "HIGH"}],
                              "tierConfig": {"tierName": "STANDARD"}}}, "crossRegionConfig"),
    ({"wordPolicyConfig": {}}, "wordPolicyConfig is empty"),
    ({"sensitiveInformationPolicyConfig": {"regexesConfig": [{"name": "bad", "pattern": "([a-z", "action": "BLOCK"}]}},
     "not a valid regular expression"),
    ({"sensitiveInformationPolicyConfig": {"piiEntitiesConfig": [
        {"type": "EMAIL", "action": "BLOCK"}, {"type": "EMAIL", "action": "ANONYMIZE"}]}}, "lists type EMAIL more than once"),
    ({"contextualGroundingPolicyConfig": {"filtersConfig": [{"type": "GROUNDING", "threshold": 1.0}]}}, "from 0 to 0.99"),
    ({"topicPolicyConfig": {"topicsConfig": [
        {"name": "Cars", "definition": "a", "type": "DENY"}, {"name": "cars", "definition": "b", "type": "DENY"}]}}, "more than once"),
])
def test_configurations_aws_refuses_are_validation_errors(virtual, config, fragment):
    bedrock = virtual.client("bedrock")
    with pytest.raises(bedrock.exceptions.ValidationException) as info:
        bedrock.create_guardrail(name="refused", **MESSAGES, **config)
    assert fragment in message(info)
    assert bedrock.list_guardrails()["guardrails"] == []


def test_model_constraints_are_checked_before_the_handler(virtual):
    bedrock = virtual.client("bedrock")
    with pytest.raises(bedrock.exceptions.ValidationException):
        create(bedrock, "n" * 51)
    with pytest.raises(bedrock.exceptions.ValidationException):
        create(bedrock, "bad-strength", contentPolicyConfig={"filtersConfig": [{"type": "HATE", "inputStrength": "MAX", "outputStrength": "LOW"}]})


def test_names_are_unique_and_unknown_guardrails_are_not_found(virtual):
    bedrock = virtual.client("bedrock")
    first = create(bedrock, "unique")
    with pytest.raises(bedrock.exceptions.ConflictException) as info:
        create(bedrock, "unique")
    assert "already exists" in message(info)
    other = create(bedrock, "other")["guardrailId"]
    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.update_guardrail(guardrailIdentifier=other, name="unique", wordPolicyConfig=words("a"), **MESSAGES)
    for call in (
        lambda: bedrock.get_guardrail(guardrailIdentifier="nosuchguardrail"),
        lambda: bedrock.get_guardrail(guardrailIdentifier=f"arn:aws:bedrock:us-east-1:{ACCOUNT}:guardrail/nosuchguardrail"),
        lambda: bedrock.get_guardrail(guardrailIdentifier=first["guardrailId"], guardrailVersion="1"),
        lambda: bedrock.update_guardrail(guardrailIdentifier="nosuchguardrail", name="x", wordPolicyConfig=words("a"), **MESSAGES),
        lambda: bedrock.create_guardrail_version(guardrailIdentifier="nosuchguardrail"),
        lambda: bedrock.delete_guardrail(guardrailIdentifier="nosuchguardrail"),
        lambda: bedrock.delete_guardrail(guardrailIdentifier=first["guardrailId"], guardrailVersion="3"),
        lambda: bedrock.list_guardrails(guardrailIdentifier="nosuchguardrail"),
    ):
        with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
            call()
    again = bedrock.create_guardrail(name="token", wordPolicyConfig=words("a"), clientRequestToken="once-only", **MESSAGES)
    retried = bedrock.create_guardrail(name="token", wordPolicyConfig=words("a"), clientRequestToken="once-only", **MESSAGES)
    assert retried["guardrailId"] == again["guardrailId"]
    assert len(bedrock.list_guardrails()["guardrails"]) == 3


def test_update_replaces_the_draft_and_versions_snapshot_it(virtual):
    bedrock = virtual.client("bedrock")
    made = create(bedrock, "evolving", description="first", kmsKeyId="alias/guardrails")
    gid = made["guardrailId"]
    first = bedrock.create_guardrail_version(guardrailIdentifier=gid, description="the first cut")
    assert (first["guardrailId"], first["version"]) == (gid, "1")
    one = bedrock.get_guardrail(guardrailIdentifier=gid, guardrailVersion="1")
    assert (one["version"], one["description"], one["wordPolicy"]["words"][0]["text"]) == ("1", "the first cut", "forbidden")

    advance(virtual, 60)
    updated = bedrock.update_guardrail(
        guardrailIdentifier=made["guardrailArn"], name="evolved", **MESSAGES,
        contentPolicyConfig={"filtersConfig": [{"type": "INSULTS", "inputStrength": "MEDIUM", "outputStrength": "MEDIUM"}]})
    assert (updated["guardrailId"], updated["guardrailArn"], updated["version"]) == (gid, made["guardrailArn"], "DRAFT")
    assert updated["updatedAt"].isoformat() == "2026-01-01T00:01:00+00:00"
    draft = bedrock.get_guardrail(guardrailIdentifier=gid)
    assert draft["name"] == "evolved" and "wordPolicy" not in draft and "description" not in draft
    assert draft["contentPolicy"]["filters"][0]["type"] == "INSULTS"
    assert draft["createdAt"].isoformat() == "2026-01-01T00:00:00+00:00"
    assert draft["updatedAt"] == updated["updatedAt"]
    assert draft["kmsKeyArn"] == f"arn:aws:kms:us-east-1:{ACCOUNT}:alias/guardrails"
    # Version 1 keeps what the draft was when it was taken.
    assert bedrock.get_guardrail(guardrailIdentifier=gid, guardrailVersion="1")["wordPolicy"] == one["wordPolicy"]

    two = bedrock.create_guardrail_version(guardrailIdentifier=gid, clientRequestToken="v2-token")
    assert (two["guardrailId"], two["version"]) == (gid, "2")
    assert bedrock.create_guardrail_version(guardrailIdentifier=gid, clientRequestToken="v2-token")["version"] == "2"
    v2 = bedrock.get_guardrail(guardrailIdentifier=gid, guardrailVersion="2")
    assert v2["contentPolicy"] == draft["contentPolicy"] and v2["name"] == "evolved"

    versions = bedrock.list_guardrails(guardrailIdentifier=gid)["guardrails"]
    assert [(v["id"], v["version"], v["name"]) for v in versions] == [(gid, "DRAFT", "evolved"), (gid, "1", "evolving"), (gid, "2", "evolved")]
    assert all(v["arn"] == made["guardrailArn"] and v["status"] == "READY" for v in versions)
    assert [g["version"] for g in bedrock.list_guardrails()["guardrails"]] == ["DRAFT"]

    bedrock.delete_guardrail(guardrailIdentifier=gid, guardrailVersion="1")
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_guardrail(guardrailIdentifier=gid, guardrailVersion="1")
    assert [v["version"] for v in bedrock.list_guardrails(guardrailIdentifier=gid)["guardrails"]] == ["DRAFT", "2"]
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.delete_guardrail(guardrailIdentifier=gid, guardrailVersion="DRAFT")

    bedrock.delete_guardrail(guardrailIdentifier=gid)
    for version in ("DRAFT", "2"):
        with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
            bedrock.get_guardrail(guardrailIdentifier=gid, guardrailVersion=version)
    assert bedrock.list_guardrails()["guardrails"] == []
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.list_tags_for_resource(resourceARN=made["guardrailArn"])


def test_list_pages_drafts_newest_first(virtual):
    bedrock = virtual.client("bedrock")
    for n in range(5):
        create(bedrock, f"paged-{n}")
        advance(virtual, 1)
    first = bedrock.list_guardrails(maxResults=2)
    assert [g["name"] for g in first["guardrails"]] == ["paged-4", "paged-3"]
    second = bedrock.list_guardrails(maxResults=2, nextToken=first["nextToken"])
    third = bedrock.list_guardrails(maxResults=2, nextToken=second["nextToken"])
    assert [g["name"] for g in second["guardrails"] + third["guardrails"]] == ["paged-2", "paged-1", "paged-0"]
    assert "nextToken" not in third
    summary = first["guardrails"][0]
    assert set(summary) == {"id", "arn", "status", "name", "version", "createdAt", "updatedAt"}
    paginator = bedrock.get_paginator("list_guardrails")
    assert sum(len(p["guardrails"]) for p in paginator.paginate(PaginationConfig={"PageSize": 2})) == 5


def test_a_scenario_limits_guardrails_and_versions(start_emulator, tmp_path):
    scenario = tmp_path / "limits.yaml"
    scenario.write_text("quotas:\n  resources: {guardrails: 1, guardrail_versions: 1}\n")
    bedrock = start_emulator("--scenario", str(scenario)).client("bedrock")
    gid = create(bedrock, "only-one")["guardrailId"]
    with pytest.raises(bedrock.exceptions.ServiceQuotaExceededException):
        create(bedrock, "second")
    bedrock.create_guardrail_version(guardrailIdentifier=gid)
    with pytest.raises(bedrock.exceptions.ServiceQuotaExceededException) as info:
        bedrock.create_guardrail_version(guardrailIdentifier=gid)
    assert "Delete a version" in message(info)


def test_the_enforced_guardrail_configuration_names_a_guardrail_version(virtual):
    bedrock = virtual.client("bedrock")
    made = create(bedrock, "enforced")
    gid = made["guardrailId"]
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.put_enforced_guardrail_configuration(guardrailInferenceConfig={"guardrailIdentifier": gid, "guardrailVersion": "1"})
    bedrock.create_guardrail_version(guardrailIdentifier=gid)
    bedrock.create_guardrail_version(guardrailIdentifier=gid)
    assert bedrock.list_enforced_guardrails_configuration()["guardrailsConfig"] == []

    put = bedrock.put_enforced_guardrail_configuration(guardrailInferenceConfig={
        "guardrailIdentifier": made["guardrailArn"], "guardrailVersion": "1",
        "modelEnforcement": {"includedModels": ["ALL"], "excludedModels": ["amazon.titan-text-express-v1"]},
        "selectiveContentGuarding": {"system": "COMPREHENSIVE", "messages": "SELECTIVE"}})
    config_id = put["configId"]
    assert put["updatedBy"] == f"arn:aws:iam::{ACCOUNT}:root"
    listed = bedrock.list_enforced_guardrails_configuration()["guardrailsConfig"]
    assert len(listed) == 1
    entry = listed[0]
    assert (entry["configId"], entry["guardrailId"], entry["guardrailArn"], entry["guardrailVersion"], entry["owner"]) == (
        config_id, gid, made["guardrailArn"], "1", "ACCOUNT")
    assert entry["modelEnforcement"] == {"includedModels": ["ALL"], "excludedModels": ["amazon.titan-text-express-v1"]}
    assert entry["selectiveContentGuarding"] == {"system": "COMPREHENSIVE", "messages": "SELECTIVE"}
    assert entry["createdAt"] == entry["updatedAt"] == put["updatedAt"]

    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.put_enforced_guardrail_configuration(guardrailInferenceConfig={"guardrailIdentifier": gid, "guardrailVersion": "2"})
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.put_enforced_guardrail_configuration(
            configId="nosuchconfig", guardrailInferenceConfig={"guardrailIdentifier": gid, "guardrailVersion": "2"})
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.put_enforced_guardrail_configuration(configId=config_id, guardrailInferenceConfig={
            "guardrailIdentifier": gid, "guardrailVersion": "2",
            "modelEnforcement": {"includedModels": ["ALL", "amazon.nova-lite-v1:0"], "excludedModels": []}})

    advance(virtual, 30)
    changed = bedrock.put_enforced_guardrail_configuration(
        configId=config_id, guardrailInferenceConfig={"guardrailIdentifier": gid, "guardrailVersion": "2"})
    assert changed["configId"] == config_id
    entry = bedrock.list_enforced_guardrails_configuration()["guardrailsConfig"][0]
    assert entry["guardrailVersion"] == "2" and entry["updatedAt"] > entry["createdAt"] and "modelEnforcement" not in entry

    with pytest.raises(bedrock.exceptions.ResourceInUseException):
        bedrock.delete_guardrail(guardrailIdentifier=gid, guardrailVersion="2")
    with pytest.raises(bedrock.exceptions.ResourceInUseException):
        bedrock.delete_guardrail(guardrailIdentifier=gid)
    bedrock.delete_guardrail(guardrailIdentifier=gid, guardrailVersion="1")

    bedrock.delete_enforced_guardrail_configuration(configId=config_id)
    assert bedrock.list_enforced_guardrails_configuration()["guardrailsConfig"] == []
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.delete_enforced_guardrail_configuration(configId=config_id)
    bedrock.delete_guardrail(guardrailIdentifier=gid)


def test_resource_policies_attach_to_resources_the_emulator_knows(virtual):
    bedrock = virtual.client("bedrock")
    arn = create(bedrock, "shared")["guardrailArn"]
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException) as info:
        bedrock.get_resource_policy(resourceArn=arn)
    assert "No resource policy" in message(info)
    assert bedrock.put_resource_policy(resourceArn=arn, resourcePolicy=POLICY)["resourceArn"] == arn
    assert json.loads(bedrock.get_resource_policy(resourceArn=arn)["resourcePolicy"]) == json.loads(POLICY)
    replaced = json.dumps({"Version": "2012-10-17", "Statement": []})
    bedrock.put_resource_policy(resourceArn=arn, resourcePolicy=replaced)
    assert bedrock.get_resource_policy(resourceArn=arn)["resourcePolicy"] == replaced

    for bad in ("not json", json.dumps({"Version": "2012-10-17"}), json.dumps(["Statement"])):
        with pytest.raises(bedrock.exceptions.ValidationException):
            bedrock.put_resource_policy(resourceArn=arn, resourcePolicy=bad)
    with pytest.raises(bedrock.exceptions.ValidationException) as info:
        bedrock.put_resource_policy(resourceArn=f"arn:aws:bedrock:us-east-1:{ACCOUNT}:guardrail/nosuchguardrail", resourcePolicy=POLICY)
    assert "not a Bedrock resource" in message(info)

    bedrock.delete_resource_policy(resourceArn=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_resource_policy(resourceArn=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.delete_resource_policy(resourceArn=arn)

    # Deleting the guardrail takes its policy with it.
    bedrock.put_resource_policy(resourceArn=arn, resourcePolicy=POLICY)
    bedrock.delete_guardrail(guardrailIdentifier=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_resource_policy(resourceArn=arn)
