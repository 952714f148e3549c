"""Agents through boto3 (bedrock-agent build time): CREATING -> NOT_PREPARED -> PREPARING ->
PREPARED on the virtual clock, updates back to NOT_PREPARED, action groups (inline and
object-store OpenAPI schemas, function schemas, RETURN_CONTROL), aliases that make numbered
versions, the built-in TSTALIASID, knowledge-base associations and collaborators."""

from __future__ import annotations

import json

import pytest
import requests

MODEL = "anthropic.claude-3-haiku-20240307-v1:0"
ROLE = "arn:aws:iam::123456789012:role/AmazonBedrockExecutionRoleForAgents_test"
OPENAPI = json.dumps({
    "openapi": "3.0.0",
    "info": {"title": "Weather", "version": "1.0.0"},
    "paths": {"/weather/{city}": {"get": {"operationId": "getWeather", "description": "Weather of a city",
                                          "parameters": [{"name": "city", "in": "path", "required": True, "schema": {"type": "string"}}],
                                          "responses": {"200": {"description": "ok"}}}}},
})


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


@pytest.fixture
def state(tmp_path):
    return tmp_path


@pytest.fixture
def virtual(start_emulator, state):
    return start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z", "--state", str(state))


def put(state, uri: str, text: str) -> None:
    path = state / "objects" / uri.removeprefix("s3://")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def new_agent(client, name="travel-agent", **extra):
    config = {"agentName": name, "foundationModel": MODEL, "agentResourceRoleArn": ROLE,
              "instruction": "You are a travel assistant that books trips for the user.", **extra}
    return client.create_agent(**config)["agent"]


def prepared_agent(emu, client, name="travel-agent", **extra):
    agent = new_agent(client, name, **extra)
    advance(emu, 1)
    client.prepare_agent(agentId=agent["agentId"])
    advance(emu, 2)
    assert client.get_agent(agentId=agent["agentId"])["agent"]["agentStatus"] == "PREPARED"
    return agent


def test_an_agent_is_created_prepared_updated_and_deleted(virtual):
    client = virtual.client("bedrock-agent")
    agent = new_agent(client, description="books trips", idleSessionTTLInSeconds=900,
                      guardrailConfiguration={"guardrailIdentifier": "gr1", "guardrailVersion": "DRAFT"},
                      memoryConfiguration={"enabledMemoryTypes": ["SESSION_SUMMARY"], "storageDays": 30},
                      tags={"team": "travel"})
    agent_id = agent["agentId"]
    assert len(agent_id) == 10 and agent_id.isalnum() and agent_id.upper() == agent_id
    assert agent["agentArn"] == f"arn:aws:bedrock:us-east-1:123456789012:agent/{agent_id}"
    assert agent["agentStatus"] == "CREATING" and agent["agentVersion"] == "DRAFT"
    got = client.get_agent(agentId=agent_id)["agent"]
    assert got["instruction"] == "You are a travel assistant that books trips for the user."
    assert got["foundationModel"] == MODEL and got["agentResourceRoleArn"] == ROLE and got["idleSessionTTLInSeconds"] == 900
    assert got["description"] == "books trips" and got["memoryConfiguration"] == {"enabledMemoryTypes": ["SESSION_SUMMARY"], "storageDays": 30}
    assert got["guardrailConfiguration"] == {"guardrailIdentifier": "gr1", "guardrailVersion": "DRAFT"}
    assert got["orchestrationType"] == "DEFAULT" and got["agentCollaboration"] == "DISABLED"
    # AWS's model writes the account id as `/d{12}` in TaggableResourcesArn; the emulator reads it as `\d{12}`.
    assert client.list_tags_for_resource(resourceArn=got["agentArn"])["tags"] == {"team": "travel"}

    advance(virtual, 1)
    assert client.get_agent(agentId=agent_id)["agent"]["agentStatus"] == "NOT_PREPARED"
    prepared = client.prepare_agent(agentId=agent_id)
    assert prepared["agentStatus"] == "PREPARING" and prepared["agentVersion"] == "DRAFT" and "preparedAt" in prepared
    with pytest.raises(client.exceptions.ConflictException):
        client.prepare_agent(agentId=agent_id)
    advance(virtual, 2)
    got = client.get_agent(agentId=agent_id)["agent"]
    assert got["agentStatus"] == "PREPARED" and got["preparedAt"] >= prepared["preparedAt"]

    updated = client.update_agent(agentId=agent_id, agentName="travel-agent-2", foundationModel=MODEL, agentResourceRoleArn=ROLE,
                                  instruction="You are a travel assistant that books flights only.")["agent"]
    assert updated["agentStatus"] == "NOT_PREPARED" and updated["agentName"] == "travel-agent-2"
    got = client.get_agent(agentId=agent_id)["agent"]
    assert got["instruction"] == "You are a travel assistant that books flights only."
    # UpdateAgent overwrites the configuration: what it leaves out is gone or back to its default.
    assert "description" not in got and "memoryConfiguration" not in got and got["idleSessionTTLInSeconds"] == 1800
    summaries = client.list_agents()["agentSummaries"]
    assert [(s["agentId"], s["agentName"], s["agentStatus"], s["latestAgentVersion"]) for s in summaries] == [
        (agent_id, "travel-agent-2", "NOT_PREPARED", "DRAFT")]

    deleted = client.delete_agent(agentId=agent_id)
    assert deleted == {**deleted, "agentId": agent_id, "agentStatus": "DELETING"}
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_agent(agentId=agent_id)
    assert client.list_agents()["agentSummaries"] == []


def test_agent_errors_and_paging(virtual):
    client = virtual.client("bedrock-agent")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_agent(agentId="ABCDEFGHIJ")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.prepare_agent(agentId="ABCDEFGHIJ")
    with pytest.raises(client.exceptions.ValidationException) as error:
        new_agent(client, "bad-model", foundationModel="acme.no-such-model-v9")
    assert "acme.no-such-model-v9" in str(error.value)
    first = new_agent(client, "first")
    with pytest.raises(client.exceptions.ConflictException) as error:
        new_agent(client, "first")
    assert "already exists" in str(error.value)
    # Busy while CREATING, as on AWS.
    with pytest.raises(client.exceptions.ConflictException):
        client.prepare_agent(agentId=first["agentId"])
    token = "t" * 40
    again = [client.create_agent(agentName="tokened", clientToken=token)["agent"]["agentId"] for _ in range(2)]
    assert again[0] == again[1]
    advance(virtual, 1)
    with pytest.raises(client.exceptions.ValidationException) as error:
        client.prepare_agent(agentId=again[0])
    assert "foundationModel" in str(error.value)
    for index in range(3):
        new_agent(client, f"paged-{index}")
    page = client.list_agents(maxResults=2)
    assert len(page["agentSummaries"]) == 2 and page["nextToken"]
    rest = client.list_agents(maxResults=10, nextToken=page["nextToken"])["agentSummaries"]
    assert len(page["agentSummaries"]) + len(rest) == 5 and "nextToken" not in client.list_agents(maxResults=10)


def test_the_agents_quota_applies(start_emulator, tmp_path):
    scenario = tmp_path / "agents.yaml"
    scenario.write_text("quotas:\n  resources: {agents: 1}\n")
    emu = start_emulator("--scenario", str(scenario))
    client = emu.client("bedrock-agent")
    new_agent(client, "only")
    with pytest.raises(client.exceptions.ServiceQuotaExceededException):
        new_agent(client, "second")


def test_action_groups_take_openapi_and_function_schemas(virtual, state):
    client = virtual.client("bedrock-agent")
    agent = prepared_agent(virtual, client)
    agent_id = agent["agentId"]
    created = client.create_agent_action_group(
        agentId=agent_id, agentVersion="DRAFT", actionGroupName="weather", description="weather lookups",
        actionGroupExecutor={"lambda": "arn:aws:lambda:us-east-1:123456789012:function:weather"}, apiSchema={"payload": OPENAPI},
    )["agentActionGroup"]
    group_id = created["actionGroupId"]
    assert len(group_id) == 10 and created["actionGroupState"] == "ENABLED" and created["agentVersion"] == "DRAFT"
    got = client.get_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId=group_id)["agentActionGroup"]
    assert got["apiSchema"] == {"payload": OPENAPI} and got["description"] == "weather lookups"
    assert got["actionGroupExecutor"] == {"lambda": "arn:aws:lambda:us-east-1:123456789012:function:weather"}
    # Every change to the draft asks for a new PrepareAgent.
    assert client.get_agent(agentId=agent_id)["agent"]["agentStatus"] == "NOT_PREPARED"

    functions = {"functions": [{"name": "book", "description": "book a trip",
                                "parameters": {"city": {"type": "string", "required": True, "description": "where to"}}}]}
    returned = client.create_agent_action_group(
        agentId=agent_id, agentVersion="DRAFT", actionGroupName="booking", actionGroupExecutor={"customControl": "RETURN_CONTROL"},
        functionSchema=functions)["agentActionGroup"]
    assert returned["actionGroupExecutor"] == {"customControl": "RETURN_CONTROL"} and returned["functionSchema"] == functions
    yaml_schema = "openapi: 3.0.0\ninfo: {title: Hotels, version: '1'}\npaths:\n  /hotels:\n    get: {operationId: listHotels, responses: {'200': {description: ok}}}\n"
    put(state, "s3://schemas/hotels.yaml", yaml_schema)
    stored = client.create_agent_action_group(
        agentId=agent_id, agentVersion="DRAFT", actionGroupName="hotels", actionGroupExecutor={"customControl": "RETURN_CONTROL"},
        apiSchema={"s3": {"s3BucketName": "schemas", "s3ObjectKey": "hotels.yaml"}})["agentActionGroup"]
    user_input = client.create_agent_action_group(
        agentId=agent_id, agentVersion="DRAFT", actionGroupName="UserInputAction", parentActionGroupSignature="AMAZON.UserInput")["agentActionGroup"]
    assert user_input["parentActionSignature"] == "AMAZON.UserInput"

    summaries = client.list_agent_action_groups(agentId=agent_id, agentVersion="DRAFT")["actionGroupSummaries"]
    assert sorted(s["actionGroupName"] for s in summaries) == ["UserInputAction", "booking", "hotels", "weather"]
    page = client.list_agent_action_groups(agentId=agent_id, agentVersion="DRAFT", maxResults=3)
    rest = client.list_agent_action_groups(agentId=agent_id, agentVersion="DRAFT", nextToken=page["nextToken"])["actionGroupSummaries"]
    assert len(page["actionGroupSummaries"]) == 3 and len(rest) == 1

    updated = client.update_agent_action_group(
        agentId=agent_id, agentVersion="DRAFT", actionGroupId=stored["actionGroupId"], actionGroupName="hotels-v2",
        actionGroupState="DISABLED", actionGroupExecutor={"customControl": "RETURN_CONTROL"}, apiSchema={"payload": OPENAPI})["agentActionGroup"]
    assert updated["actionGroupName"] == "hotels-v2" and updated["actionGroupState"] == "DISABLED" and updated["apiSchema"] == {"payload": OPENAPI}
    client.delete_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId=stored["actionGroupId"])
    with pytest.raises(client.exceptions.ConflictException):
        client.delete_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId=group_id)
    client.delete_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId=group_id, skipResourceInUseCheck=True)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId=group_id)


def test_action_group_errors(virtual, state):
    client = virtual.client("bedrock-agent")
    agent_id = prepared_agent(virtual, client)["agentId"]
    executor = {"customControl": "RETURN_CONTROL"}

    def create(name="g", **extra):
        return client.create_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupName=name, **extra)

    for schema, wanted in [
        ({"payload": "{not json"}, "not valid JSON"),
        ({"payload": json.dumps({"openapi": "2.0", "paths": {"/a": {}}})}, "OpenAPI 3"),
        ({"payload": json.dumps({"openapi": "3.0.0", "info": {}})}, "no `paths`"),
        ({"payload": json.dumps({"swagger": "2.0", "paths": {"/a": {}}})}, "`openapi`"),
        ({"s3": {"s3BucketName": "schemas", "s3ObjectKey": "missing.json"}}, "s3://schemas/missing.json"),
    ]:
        with pytest.raises(client.exceptions.ValidationException) as error:
            create(apiSchema=schema, actionGroupExecutor=executor)
        assert wanted in str(error.value)
    with pytest.raises(client.exceptions.ValidationException):
        create(actionGroupExecutor=executor)
    with pytest.raises(client.exceptions.ValidationException):
        create(apiSchema={"payload": OPENAPI})
    with pytest.raises(client.exceptions.ValidationException):
        create(apiSchema={"payload": OPENAPI}, functionSchema={"functions": [{"name": "f"}]}, actionGroupExecutor=executor)
    with pytest.raises(client.exceptions.ValidationException):
        create(parentActionGroupSignature="AMAZON.CodeInterpreter", actionGroupExecutor=executor)
    create("first", apiSchema={"payload": OPENAPI}, actionGroupExecutor=executor)
    with pytest.raises(client.exceptions.ConflictException) as error:
        create("first", apiSchema={"payload": OPENAPI}, actionGroupExecutor=executor)
    assert "already exists" in str(error.value)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupId="ZZZZZZZZZZ")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_agent_action_groups(agentId=agent_id, agentVersion="7")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_agent_action_groups(agentId="ZZZZZZZZZZ", agentVersion="DRAFT")


def test_an_alias_makes_version_one_and_the_test_alias_is_listed(virtual):
    client = virtual.client("bedrock-agent")
    agent = new_agent(client)
    agent_id = agent["agentId"]
    advance(virtual, 1)
    client.create_agent_action_group(agentId=agent_id, agentVersion="DRAFT", actionGroupName="weather",
                                     actionGroupExecutor={"customControl": "RETURN_CONTROL"}, apiSchema={"payload": OPENAPI})
    with pytest.raises(client.exceptions.ValidationException) as error:
        client.create_agent_alias(agentId=agent_id, agentAliasName="live")
    assert "NOT_PREPARED" in str(error.value)
    client.prepare_agent(agentId=agent_id)
    advance(virtual, 2)

    alias = client.create_agent_alias(agentId=agent_id, agentAliasName="live", description="production", tags={"env": "prod"})["agentAlias"]
    alias_id = alias["agentAliasId"]
    assert len(alias_id) == 10 and alias_id.isalnum() and alias_id.upper() == alias_id
    assert alias["agentAliasArn"] == f"arn:aws:bedrock:us-east-1:123456789012:agent-alias/{agent_id}/{alias_id}"
    assert alias["agentAliasStatus"] == "CREATING" and alias["routingConfiguration"] == [{"agentVersion": "1"}]
    advance(virtual, 1)
    got = client.get_agent_alias(agentId=agent_id, agentAliasId=alias_id)["agentAlias"]
    assert got["agentAliasStatus"] == "PREPARED" and got["description"] == "production"
    assert got["agentAliasHistoryEvents"][0]["routingConfiguration"] == [{"agentVersion": "1"}]

    version = client.get_agent_version(agentId=agent_id, agentVersion="1")["agentVersion"]
    assert version["version"] == "1" and version["agentStatus"] == "PREPARED" and version["instruction"] == agent["instruction"]
    groups = client.list_agent_action_groups(agentId=agent_id, agentVersion="1")["actionGroupSummaries"]
    assert [g["actionGroupName"] for g in groups] == ["weather"]
    versions = client.list_agent_versions(agentId=agent_id)["agentVersionSummaries"]
    assert [v["agentVersion"] for v in versions] == ["DRAFT", "1"]
    assert client.list_agents()["agentSummaries"][0]["latestAgentVersion"] == "1"

    aliases = client.list_agent_aliases(agentId=agent_id)["agentAliasSummaries"]
    assert [(a["agentAliasId"], a["agentAliasName"]) for a in aliases] == [("TSTALIASID", "AgentTestAlias"), (alias_id, "live")]
    assert aliases[0]["routingConfiguration"] == [{"agentVersion": "DRAFT"}]
    assert client.get_agent_alias(agentId=agent_id, agentAliasId="TSTALIASID")["agentAlias"]["agentAliasStatus"] == "PREPARED"
    with pytest.raises(client.exceptions.ValidationException):
        client.delete_agent_alias(agentId=agent_id, agentAliasId="TSTALIASID")

    # A second alias without routing makes version 2; an alias can route to a version that exists.
    second = client.create_agent_alias(agentId=agent_id, agentAliasName="canary")["agentAlias"]
    assert second["routingConfiguration"] == [{"agentVersion": "2"}]
    with pytest.raises(client.exceptions.ConflictException):
        client.create_agent_alias(agentId=agent_id, agentAliasName="canary")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.create_agent_alias(agentId=agent_id, agentAliasName="nowhere", routingConfiguration=[{"agentVersion": "9"}])
    with pytest.raises(client.exceptions.ValidationException):
        client.create_agent_alias(agentId=agent_id, agentAliasName="draft", routingConfiguration=[{"agentVersion": "DRAFT"}])
    advance(virtual, 1)
    updated = client.update_agent_alias(agentId=agent_id, agentAliasId=second["agentAliasId"], agentAliasName="canary",
                                        routingConfiguration=[{"agentVersion": "1"}])["agentAlias"]
    assert updated["agentAliasStatus"] == "UPDATING" and updated["routingConfiguration"] == [{"agentVersion": "1"}]
    history = updated["agentAliasHistoryEvents"]
    assert [h["routingConfiguration"] for h in history] == [[{"agentVersion": "2"}], [{"agentVersion": "1"}]] and "endDate" in history[0]
    advance(virtual, 1)

    # Version 1 is routed to by both aliases; version 2 by none.
    with pytest.raises(client.exceptions.ConflictException):
        client.delete_agent_version(agentId=agent_id, agentVersion="1")
    assert client.delete_agent_version(agentId=agent_id, agentVersion="2")["agentStatus"] == "DELETING"
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_agent_version(agentId=agent_id, agentVersion="2")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_agent_alias(agentId=agent_id, agentAliasId="ZZZZZZZZZZ")

    with pytest.raises(client.exceptions.ConflictException):
        client.delete_agent(agentId=agent_id)
    assert client.delete_agent_alias(agentId=agent_id, agentAliasId=alias_id)["agentAliasStatus"] == "DELETING"
    assert [a["agentAliasId"] for a in client.list_agent_aliases(agentId=agent_id)["agentAliasSummaries"]] == ["TSTALIASID", second["agentAliasId"]]
    client.delete_agent(agentId=agent_id, skipResourceInUseCheck=True)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.list_agent_versions(agentId=agent_id)


def test_knowledge_bases_are_associated_updated_and_disassociated(virtual):
    client = virtual.client("bedrock-agent")
    agent_id = prepared_agent(virtual, client)["agentId"]
    # Knowledge bases are another family: any well-formed id is accepted.
    associated = client.associate_agent_knowledge_base(
        agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId="KB12345678", description="Travel policies")["agentKnowledgeBase"]
    assert associated["knowledgeBaseState"] == "ENABLED" and associated["description"] == "Travel policies"
    assert client.get_agent(agentId=agent_id)["agent"]["agentStatus"] == "NOT_PREPARED"
    with pytest.raises(client.exceptions.ConflictException):
        client.associate_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId="KB12345678", description="again")
    client.associate_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId="KB87654321",
                                          description="Hotels", knowledgeBaseState="DISABLED")
    updated = client.update_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId="KB12345678",
                                                 knowledgeBaseState="DISABLED")["agentKnowledgeBase"]
    assert updated["knowledgeBaseState"] == "DISABLED" and updated["description"] == "Travel policies"
    got = client.get_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId="KB12345678")["agentKnowledgeBase"]
    assert got == {**got, "knowledgeBaseState": "DISABLED", "agentVersion": "DRAFT", "knowledgeBaseId": "KB12345678"}
    summaries = client.list_agent_knowledge_bases(agentId=agent_id, agentVersion="DRAFT")["agentKnowledgeBaseSummaries"]
    assert sorted((s["knowledgeBaseId"], s["description"]) for s in summaries) == [("KB12345678", "Travel policies"), ("KB87654321", "Hotels")]
    client.disassociate_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId="KB12345678")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId="KB12345678")
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.disassociate_agent_knowledge_base(agentId=agent_id, agentVersion="DRAFT", knowledgeBaseId="KB12345678")


def test_collaborators_join_a_supervisor(virtual):
    client = virtual.client("bedrock-agent")
    worker = prepared_agent(virtual, client, "flights")
    worker_alias = client.create_agent_alias(agentId=worker["agentId"], agentAliasName="live")["agentAlias"]
    plain = prepared_agent(virtual, client, "plain")
    with pytest.raises(client.exceptions.ValidationException) as error:
        client.associate_agent_collaborator(agentId=plain["agentId"], agentVersion="DRAFT", collaboratorName="flights",
                                            collaborationInstruction="Books flights", agentDescriptor={"aliasArn": worker_alias["agentAliasArn"]})
    assert "SUPERVISOR" in str(error.value)
    supervisor_id = prepared_agent(virtual, client, "supervisor", agentCollaboration="SUPERVISOR")["agentId"]
    collaborator = client.associate_agent_collaborator(
        agentId=supervisor_id, agentVersion="DRAFT", collaboratorName="flights", collaborationInstruction="Books flights",
        agentDescriptor={"aliasArn": worker_alias["agentAliasArn"]}, relayConversationHistory="TO_COLLABORATOR")["agentCollaborator"]
    collaborator_id = collaborator["collaboratorId"]
    assert len(collaborator_id) == 10 and collaborator["relayConversationHistory"] == "TO_COLLABORATOR"
    with pytest.raises(client.exceptions.ConflictException):
        client.associate_agent_collaborator(agentId=supervisor_id, agentVersion="DRAFT", collaboratorName="flights",
                                            collaborationInstruction="Books flights", agentDescriptor={"aliasArn": worker_alias["agentAliasArn"]})
    missing = f"arn:aws:bedrock:us-east-1:123456789012:agent-alias/{worker['agentId']}/ZZZZZZZZZZ"
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.associate_agent_collaborator(agentId=supervisor_id, agentVersion="DRAFT", collaboratorName="other",
                                            collaborationInstruction="x", agentDescriptor={"aliasArn": missing})
    got = client.get_agent_collaborator(agentId=supervisor_id, agentVersion="DRAFT", collaboratorId=collaborator_id)["agentCollaborator"]
    assert got["collaborationInstruction"] == "Books flights" and got["agentDescriptor"] == {"aliasArn": worker_alias["agentAliasArn"]}
    updated = client.update_agent_collaborator(
        agentId=supervisor_id, agentVersion="DRAFT", collaboratorId=collaborator_id, collaboratorName="air",
        collaborationInstruction="Books flights and seats", agentDescriptor={"aliasArn": worker_alias["agentAliasArn"]})["agentCollaborator"]
    assert updated["collaboratorName"] == "air" and updated["relayConversationHistory"] == "TO_COLLABORATOR"
    summaries = client.list_agent_collaborators(agentId=supervisor_id, agentVersion="DRAFT")["agentCollaboratorSummaries"]
    assert [(s["collaboratorId"], s["collaboratorName"]) for s in summaries] == [(collaborator_id, "air")]
    client.disassociate_agent_collaborator(agentId=supervisor_id, agentVersion="DRAFT", collaboratorId=collaborator_id)
    assert client.list_agent_collaborators(agentId=supervisor_id, agentVersion="DRAFT")["agentCollaboratorSummaries"] == []
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        client.get_agent_collaborator(agentId=supervisor_id, agentVersion="DRAFT", collaboratorId=collaborator_id)


def test_the_scenario_times_and_fails_agent_preparation(start_emulator, tmp_path):
    scenario = tmp_path / "agents.yaml"
    scenario.write_text(
        "clock: {mode: virtual, start: \"2026-01-01T00:00:00Z\"}\n"
        "jobs:\n"
        "  agent_create: {durations: {CREATING: 30}}\n"
        "  agent_prepare: {durations: {PREPARING: 60}, outcome: FAILED, message: the orchestration prompt is too long}\n")
    emu = start_emulator("--scenario", str(scenario))
    client = emu.client("bedrock-agent")
    agent_id = new_agent(client)["agentId"]
    advance(emu, 29)
    assert client.get_agent(agentId=agent_id)["agent"]["agentStatus"] == "CREATING"
    advance(emu, 1)
    assert client.get_agent(agentId=agent_id)["agent"]["agentStatus"] == "NOT_PREPARED"
    client.prepare_agent(agentId=agent_id)
    advance(emu, 59)
    assert client.list_agents()["agentSummaries"][0]["agentStatus"] == "PREPARING"
    advance(emu, 1)
    got = client.get_agent(agentId=agent_id)["agent"]
    assert got["agentStatus"] == "FAILED" and got["failureReasons"] == ["the orchestration prompt is too long"]
