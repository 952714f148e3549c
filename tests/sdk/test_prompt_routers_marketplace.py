"""Prompt routers and Marketplace model endpoints through boto3: AWS's default routers,
custom routers (Create/Get/List/Delete, tags, errors) and the endpoint lifecycle (Create,
Get, List, Update, Deregister, Register, Delete)."""

from __future__ import annotations

import pytest

ACCOUNT = "123456789012"
REGION = "us-east-1"


def fm(model_id: str) -> dict:
    return {"modelArn": f"arn:aws:bedrock:{REGION}::foundation-model/{model_id}"}


NOVA_PRO, NOVA_LITE = fm("amazon.nova-pro-v1:0"), fm("amazon.nova-lite-v1:0")
HAIKU = fm("anthropic.claude-3-haiku-20240307-v1:0")


def test_default_routers_are_listed_and_cannot_be_deleted(emulator):
    bedrock = emulator.client("bedrock")
    defaults = bedrock.list_prompt_routers(type="default")["promptRouterSummaries"]
    names = {r["promptRouterName"] for r in defaults}
    assert {"Anthropic Prompt Router", "Meta Prompt Router"} <= names
    assert all(r["type"] == "default" and r["status"] == "AVAILABLE" and len(r["models"]) == 2 for r in defaults)
    anthropic = next(r for r in defaults if r["promptRouterName"] == "Anthropic Prompt Router")
    assert anthropic["promptRouterArn"] == f"arn:aws:bedrock:{REGION}:{ACCOUNT}:default-prompt-router/anthropic.claude:1"
    got = bedrock.get_prompt_router(promptRouterArn=anthropic["promptRouterArn"])
    assert got["fallbackModel"] in got["models"] and got["models"] == anthropic["models"]
    with pytest.raises(bedrock.exceptions.ValidationException):
        bedrock.delete_prompt_router(promptRouterArn=anthropic["promptRouterArn"])


def test_custom_routers_are_created_read_listed_and_deleted(start_emulator):
    bedrock = start_emulator().client("bedrock")
    arn = bedrock.create_prompt_router(
        promptRouterName="nova-router", description="Cheap first", models=[NOVA_PRO, NOVA_LITE],
        routingCriteria={"responseQualityDifference": 0.25}, fallbackModel=NOVA_LITE,
        tags=[{"key": "team", "value": "search"}], clientRequestToken="router-1")["promptRouterArn"]
    assert arn.startswith(f"arn:aws:bedrock:{REGION}:{ACCOUNT}:default-prompt-router/")
    again = bedrock.create_prompt_router(
        promptRouterName="nova-router", models=[NOVA_PRO, NOVA_LITE], routingCriteria={"responseQualityDifference": 0.25},
        fallbackModel=NOVA_LITE, clientRequestToken="router-1")
    assert again["promptRouterArn"] == arn
    got = bedrock.get_prompt_router(promptRouterArn=arn)
    assert (got["promptRouterName"], got["description"], got["type"], got["status"]) == ("nova-router", "Cheap first", "custom", "AVAILABLE")
    assert got["models"] == [NOVA_PRO, NOVA_LITE] and got["fallbackModel"] == NOVA_LITE
    assert got["routingCriteria"] == {"responseQualityDifference": 0.25}
    # The API model's TaggableResourcesArn pattern admits `prompt-router/` ARNs only, so
    # tags of a router cannot be read back by its `default-prompt-router/` ARN.
    custom = bedrock.list_prompt_routers(type="custom")["promptRouterSummaries"]
    assert [r["promptRouterArn"] for r in custom] == [arn]
    page = bedrock.list_prompt_routers(maxResults=1)
    assert len(page["promptRouterSummaries"]) == 1 and page["nextToken"]

    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.create_prompt_router(
            promptRouterName="nova-router", models=[NOVA_PRO, NOVA_LITE], routingCriteria={"responseQualityDifference": 0.1}, fallbackModel=NOVA_LITE)
    with pytest.raises(bedrock.exceptions.ValidationException, match="same provider"):
        bedrock.create_prompt_router(
            promptRouterName="mixed", models=[NOVA_PRO, HAIKU], routingCriteria={"responseQualityDifference": 0.1}, fallbackModel=NOVA_PRO)
    with pytest.raises(bedrock.exceptions.ValidationException, match="fallbackModel"):
        bedrock.create_prompt_router(
            promptRouterName="odd", models=[NOVA_PRO, NOVA_LITE], routingCriteria={"responseQualityDifference": 0.1},
            fallbackModel=fm("amazon.nova-micro-v1:0"))
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.create_prompt_router(
            promptRouterName="ghost", models=[NOVA_PRO, fm("amazon.nothing-v1:0")], routingCriteria={"responseQualityDifference": 0.1},
            fallbackModel=NOVA_PRO)

    bedrock.delete_prompt_router(promptRouterArn=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_prompt_router(promptRouterArn=arn)
    assert bedrock.list_prompt_routers(type="custom")["promptRouterSummaries"] == []


SOURCE = f"arn:aws:sagemaker:{REGION}:aws:hub-content/SageMakerPublicHub/Model/huggingface-llm-example/1.0.0"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/SageMakerExecution"
CONFIG = {"sageMaker": {"initialInstanceCount": 1, "instanceType": "ml.g5.2xlarge", "executionRole": ROLE}}


def test_marketplace_endpoints_live_register_and_go(start_emulator):
    bedrock = start_emulator().client("bedrock")
    made = bedrock.create_marketplace_model_endpoint(
        modelSourceIdentifier=SOURCE, endpointConfig=CONFIG, acceptEula=True, endpointName="my-endpoint",
        clientRequestToken="ep-1", tags=[{"key": "team", "value": "search"}])["marketplaceModelEndpoint"]
    arn = made["endpointArn"]
    assert arn == f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint/my-endpoint"
    assert (made["status"], made["endpointStatus"], made["modelSourceIdentifier"]) == ("REGISTERED", "InService", SOURCE)
    assert made["endpointConfig"] == CONFIG
    again = bedrock.create_marketplace_model_endpoint(
        modelSourceIdentifier=SOURCE, endpointConfig=CONFIG, endpointName="my-endpoint", clientRequestToken="ep-1")
    assert again["marketplaceModelEndpoint"]["endpointArn"] == arn
    with pytest.raises(bedrock.exceptions.ConflictException):
        bedrock.create_marketplace_model_endpoint(modelSourceIdentifier=SOURCE, endpointConfig=CONFIG, endpointName="my-endpoint")
    assert bedrock.get_marketplace_model_endpoint(endpointArn=arn)["marketplaceModelEndpoint"] == made

    bigger = {"sageMaker": {**CONFIG["sageMaker"], "initialInstanceCount": 2}}
    updated = bedrock.update_marketplace_model_endpoint(endpointArn=arn, endpointConfig=bigger)["marketplaceModelEndpoint"]
    assert updated["endpointConfig"] == bigger
    assert bedrock.get_marketplace_model_endpoint(endpointArn=arn)["marketplaceModelEndpoint"]["endpointConfig"] == bigger

    listed = bedrock.list_marketplace_model_endpoints()["marketplaceModelEndpoints"]
    assert [(e["endpointArn"], e["status"]) for e in listed] == [(arn, "REGISTERED")] and "endpointConfig" not in listed[0]
    assert bedrock.list_marketplace_model_endpoints(modelSourceEquals=SOURCE.replace("1.0.0", "2.0.0"))["marketplaceModelEndpoints"] == []

    bedrock.deregister_marketplace_model_endpoint(endpointArn=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_marketplace_model_endpoint(endpointArn=arn)
    assert bedrock.list_marketplace_model_endpoints()["marketplaceModelEndpoints"] == []
    back = bedrock.register_marketplace_model_endpoint(endpointIdentifier=arn, modelSourceIdentifier=SOURCE)["marketplaceModelEndpoint"]
    assert back["status"] == "REGISTERED" and back["endpointConfig"] == bigger
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.register_marketplace_model_endpoint(
            endpointIdentifier=f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:endpoint/elsewhere", modelSourceIdentifier=SOURCE)

    bedrock.delete_marketplace_model_endpoint(endpointArn=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_marketplace_model_endpoint(endpointArn=arn)
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.delete_marketplace_model_endpoint(endpointArn=arn)


def test_the_runtime_invokes_through_a_prompt_router(start_emulator):
    emu = start_emulator()
    bedrock, runtime = emu.client("bedrock"), emu.client("bedrock-runtime")
    message = [{"role": "user", "content": [{"text": "Name a planet"}]}]
    nova = f"arn:aws:bedrock:{REGION}:{ACCOUNT}:default-prompt-router/amazon.nova:1"
    assert runtime.converse(modelId=nova, messages=message)["stopReason"] == "end_turn"
    arn = bedrock.create_prompt_router(
        promptRouterName="nova-router", models=[NOVA_PRO, NOVA_LITE], routingCriteria={"responseQualityDifference": 0.25},
        fallbackModel=NOVA_LITE)["promptRouterArn"]
    assert runtime.converse(modelId=arn, messages=message)["stopReason"] == "end_turn"
    assert any("messageStop" in e for e in runtime.converse_stream(modelId=arn, messages=message)["stream"])
    bedrock.delete_prompt_router(promptRouterArn=arn)
    with pytest.raises(runtime.exceptions.ResourceNotFoundException):
        runtime.converse(modelId=arn, messages=message)
