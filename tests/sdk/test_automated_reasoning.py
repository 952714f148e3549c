"""Automated Reasoning policies through boto3: the DRAFT and numbered versions with their
definitions, test cases, build workflows on the clock with deterministic result assets,
and test workflows that check test cases against the policy's rules."""

from __future__ import annotations

import pytest
import requests
from botocore.exceptions import ClientError

DEFINITION = {
    "version": "1.0",
    "types": [{"name": "LeaveType", "description": "Kinds of leave", "values": [
        {"value": "PARENTAL", "description": "Parental leave"}, {"value": "SICK"}]}],
    "variables": [
        {"name": "isFullTime", "type": "BOOL", "description": "The employee works full time."},
        {"name": "tenureMonths", "type": "INT", "description": "Months employed."},
        {"name": "eligibleForParentalLeave", "type": "BOOL", "description": "The employee may take parental leave."},
        {"name": "requestedLeave", "type": "LeaveType", "description": "The leave asked for."},
    ],
    "rules": [{"id": "A1B2C3D4E5F6", "expression": "(=> (and isFullTime (> tenureMonths 12)) eligibleForParentalLeave)"}],
}


def advance(emu, seconds: float) -> None:
    requests.post(emu.url + "/_emulator/clock", json={"advance": seconds}, timeout=10).raise_for_status()


def code(error: ClientError) -> str:
    return error.response["Error"]["Code"]


@pytest.fixture
def virtual(start_emulator):
    return start_emulator("--clock", "virtual", "--clock-start", "2026-01-01T00:00:00Z")


@pytest.fixture
def bedrock(virtual):
    return virtual.client("bedrock")


def create(bedrock, name="leave-policy", **extra):
    return bedrock.create_automated_reasoning_policy(name=name, policyDefinition=DEFINITION, **extra)


def test_a_policy_is_created_read_back_and_exported_exactly(bedrock):
    made = create(bedrock, description="HR leave rules", tags=[{"key": "team", "value": "hr"}])
    arn = made["policyArn"]
    assert arn.startswith("arn:aws:bedrock:us-east-1:123456789012:automated-reasoning-policy/")
    assert made["version"] == "DRAFT" and made["name"] == "leave-policy" and len(made["definitionHash"]) == 128
    got = bedrock.get_automated_reasoning_policy(policyArn=arn)
    assert got["policyId"] == arn.rsplit("/", 1)[1] and got["description"] == "HR leave rules"
    assert got["definitionHash"] == made["definitionHash"] and got["version"] == "DRAFT"
    assert bedrock.export_automated_reasoning_policy_version(policyArn=arn)["policyDefinition"] == DEFINITION
    assert bedrock.list_tags_for_resource(resourceARN=arn)["tags"] == [{"key": "team", "value": "hr"}]


def test_a_repeated_client_token_gives_the_same_policy_and_a_duplicate_name_conflicts(bedrock):
    first = create(bedrock, clientRequestToken="token-1")
    again = create(bedrock, clientRequestToken="token-1")
    assert again["policyArn"] == first["policyArn"]
    with pytest.raises(ClientError) as caught:
        create(bedrock)
    assert code(caught.value) == "ConflictException"


def test_update_changes_the_definition_hash_and_moves_updated_at(virtual, bedrock):
    arn = create(bedrock)["policyArn"]
    before = bedrock.get_automated_reasoning_policy(policyArn=arn)
    advance(virtual, 60)
    changed = dict(DEFINITION, rules=DEFINITION["rules"] + [{"id": "B1B2C3D4E5F6", "expression": "(=> (not isFullTime) (not eligibleForParentalLeave))"}])
    updated = bedrock.update_automated_reasoning_policy(policyArn=arn, policyDefinition=changed, name="leave-policy-v2", description="now stricter")
    assert updated["name"] == "leave-policy-v2" and updated["definitionHash"] != before["definitionHash"]
    assert updated["updatedAt"] > before["updatedAt"]
    got = bedrock.get_automated_reasoning_policy(policyArn=arn)
    assert got["description"] == "now stricter" and got["createdAt"] == before["createdAt"]
    assert bedrock.export_automated_reasoning_policy_version(policyArn=arn)["policyDefinition"] == changed


def test_an_inconsistent_definition_is_refused(bedrock):
    bad = dict(DEFINITION, variables=[{"name": "x", "type": "Colour", "description": "an undeclared type"}])
    with pytest.raises(ClientError) as caught:
        bedrock.create_automated_reasoning_policy(name="bad", policyDefinition=bad)
    assert code(caught.value) == "ValidationException" and "Colour" in caught.value.response["Error"]["Message"]


def test_versions_are_numbered_immutable_copies_of_the_draft(bedrock):
    arn = create(bedrock)["policyArn"]
    draft_hash = bedrock.get_automated_reasoning_policy(policyArn=arn)["definitionHash"]
    with pytest.raises(ClientError) as caught:
        bedrock.create_automated_reasoning_policy_version(policyArn=arn, lastUpdatedDefinitionHash="0" * 128)
    assert code(caught.value) == "ConflictException"
    v1 = bedrock.create_automated_reasoning_policy_version(policyArn=arn, lastUpdatedDefinitionHash=draft_hash)
    assert v1["version"] == "1" and v1["policyArn"] == arn + ":1" and v1["definitionHash"] == draft_hash
    bedrock.update_automated_reasoning_policy(policyArn=arn, policyDefinition=dict(DEFINITION, rules=[]))
    new_hash = bedrock.get_automated_reasoning_policy(policyArn=arn)["definitionHash"]
    v2 = bedrock.create_automated_reasoning_policy_version(policyArn=arn, lastUpdatedDefinitionHash=new_hash)
    assert v2["version"] == "2"
    assert bedrock.export_automated_reasoning_policy_version(policyArn=arn + ":1")["policyDefinition"] == DEFINITION
    assert bedrock.export_automated_reasoning_policy_version(policyArn=arn + ":2")["policyDefinition"]["rules"] == []
    assert bedrock.get_automated_reasoning_policy(policyArn=arn + ":1")["version"] == "1"
    with pytest.raises(ClientError) as caught:
        bedrock.update_automated_reasoning_policy(policyArn=arn + ":1", policyDefinition=DEFINITION)
    assert code(caught.value) == "ValidationException"
    listed = bedrock.list_automated_reasoning_policies(policyArn=arn)["automatedReasoningPolicySummaries"]
    assert sorted(item["version"] for item in listed) == ["1", "2"]
    drafts = bedrock.list_automated_reasoning_policies()["automatedReasoningPolicySummaries"]
    assert [item["version"] for item in drafts] == ["DRAFT"]
    # Versions keep the name they were made with; only DRAFT names must be unique.
    bedrock.update_automated_reasoning_policy(policyArn=arn, policyDefinition=DEFINITION, name="renamed")
    other = create(bedrock)["policyArn"]
    assert bedrock.get_automated_reasoning_policy(policyArn=arn + ":1")["name"] == "leave-policy" and other != arn


def test_list_pages_through_the_drafts(bedrock):
    arns = [create(bedrock, name=f"policy-{index}")["policyArn"] for index in range(3)]
    first = bedrock.list_automated_reasoning_policies(maxResults=2)
    assert len(first["automatedReasoningPolicySummaries"]) == 2 and "nextToken" in first
    rest = bedrock.list_automated_reasoning_policies(maxResults=2, nextToken=first["nextToken"])
    seen = [item["policyArn"] for item in first["automatedReasoningPolicySummaries"] + rest["automatedReasoningPolicySummaries"]]
    assert sorted(seen) == sorted(arns) and "nextToken" not in rest


def test_delete_refuses_a_policy_with_versions_unless_forced_and_is_idempotent(bedrock):
    arn = create(bedrock)["policyArn"]
    draft_hash = bedrock.get_automated_reasoning_policy(policyArn=arn)["definitionHash"]
    bedrock.create_automated_reasoning_policy_version(policyArn=arn, lastUpdatedDefinitionHash=draft_hash)
    with pytest.raises(ClientError) as caught:
        bedrock.delete_automated_reasoning_policy(policyArn=arn)
    assert code(caught.value) == "ResourceInUseException"
    bedrock.delete_automated_reasoning_policy(policyArn=arn, force=True)
    bedrock.delete_automated_reasoning_policy(policyArn=arn)
    for target in (arn, arn + ":1"):
        with pytest.raises(ClientError) as caught:
            bedrock.get_automated_reasoning_policy(policyArn=target)
        assert code(caught.value) == "ResourceNotFoundException"


def test_unknown_policies_are_not_found(bedrock):
    missing = "arn:aws:bedrock:us-east-1:123456789012:automated-reasoning-policy/abcdefabcdef"
    for call in (lambda: bedrock.get_automated_reasoning_policy(policyArn=missing),
                 lambda: bedrock.export_automated_reasoning_policy_version(policyArn=missing),
                 lambda: bedrock.list_automated_reasoning_policy_test_cases(policyArn=missing)):
        with pytest.raises(ClientError) as caught:
            call()
        assert code(caught.value) == "ResourceNotFoundException"


def test_test_cases_are_stored_updated_listed_and_deleted(virtual, bedrock):
    arn = create(bedrock)["policyArn"]
    made = bedrock.create_automated_reasoning_policy_test_case(
        policyArn=arn, guardContent="A full-time employee with 24 months of tenure is eligible for parental leave.",
        queryContent="Am I eligible for parental leave?", expectedAggregatedFindingsResult="VALID", confidenceThreshold=0.8)
    case_id = made["testCaseId"]
    assert made["policyArn"] == arn and len(case_id) == 12 and case_id.isupper()
    got = bedrock.get_automated_reasoning_policy_test_case(policyArn=arn, testCaseId=case_id)["testCase"]
    assert got["expectedAggregatedFindingsResult"] == "VALID" and got["confidenceThreshold"] == 0.8
    assert got["queryContent"] == "Am I eligible for parental leave?"
    with pytest.raises(ClientError) as caught:
        bedrock.update_automated_reasoning_policy_test_case(
            policyArn=arn, testCaseId=case_id, guardContent="x", expectedAggregatedFindingsResult="INVALID",
            lastUpdatedAt=got["updatedAt"].replace(year=2020))
    assert code(caught.value) == "ConflictException"
    advance(virtual, 5)
    bedrock.update_automated_reasoning_policy_test_case(
        policyArn=arn, testCaseId=case_id, guardContent="A part-time employee is eligible for parental leave.",
        expectedAggregatedFindingsResult="INVALID", lastUpdatedAt=got["updatedAt"])
    changed = bedrock.get_automated_reasoning_policy_test_case(policyArn=arn, testCaseId=case_id)["testCase"]
    assert changed["expectedAggregatedFindingsResult"] == "INVALID" and changed["updatedAt"] > got["updatedAt"]
    assert "queryContent" not in changed
    second = bedrock.create_automated_reasoning_policy_test_case(policyArn=arn, guardContent="Sick leave is fine.", expectedAggregatedFindingsResult="SATISFIABLE")
    listed = bedrock.list_automated_reasoning_policy_test_cases(policyArn=arn)["testCases"]
    assert {item["testCaseId"] for item in listed} == {case_id, second["testCaseId"]}
    bedrock.delete_automated_reasoning_policy_test_case(policyArn=arn, testCaseId=case_id, lastUpdatedAt=changed["updatedAt"])
    bedrock.delete_automated_reasoning_policy_test_case(policyArn=arn, testCaseId=case_id, lastUpdatedAt=changed["updatedAt"])
    with pytest.raises(ClientError) as caught:
        bedrock.get_automated_reasoning_policy_test_case(policyArn=arn, testCaseId=case_id)
    assert code(caught.value) == "ResourceNotFoundException"
    assert [item["testCaseId"] for item in bedrock.list_automated_reasoning_policy_test_cases(policyArn=arn)["testCases"]] == [second["testCaseId"]]


HANDBOOK = (b"Employees are eligible for parental leave if they work full time. "
            b"If an employee has worked more than 12 months, they may take sabbatical leave. Offices open at nine.")


def ingest(bedrock, arn, text=HANDBOOK, **extra):
    return bedrock.start_automated_reasoning_policy_build_workflow(
        policyArn=arn, buildWorkflowType="INGEST_CONTENT", sourceContent={"workflowContent": {"documents": [
            {"document": text, "documentContentType": "txt", "documentName": "handbook.txt", "documentDescription": "HR handbook"}]}},
        **extra)["buildWorkflowId"]


def asset(bedrock, arn, workflow, kind, **extra):
    return bedrock.get_automated_reasoning_policy_build_workflow_result_assets(
        policyArn=arn, buildWorkflowId=workflow, assetType=kind, **extra)["buildWorkflowAssets"]


def test_an_ingest_build_moves_on_the_clock_and_derives_a_definition_from_the_text(virtual, bedrock):
    arn = bedrock.create_automated_reasoning_policy(name="handbook")["policyArn"]
    workflow = ingest(bedrock, arn, clientRequestToken="build-1")
    assert ingest(bedrock, arn, clientRequestToken="build-1") == workflow
    got = bedrock.get_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow)
    assert got["status"] == "SCHEDULED" and got["buildWorkflowType"] == "INGEST_CONTENT"
    assert got["documentName"] == "handbook.txt" and got["documentContentType"] == "txt" and got["documentDescription"] == "HR handbook"
    with pytest.raises(ClientError) as caught:
        asset(bedrock, arn, workflow, "POLICY_DEFINITION")
    assert code(caught.value) == "ValidationException"
    with pytest.raises(ClientError) as caught:
        ingest(bedrock, arn)
    assert code(caught.value) == "ConflictException"
    seen = []
    for _ in range(5):
        seen.append(bedrock.get_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow)["status"])
        advance(virtual, 5)
    assert seen == ["SCHEDULED", "BUILDING", "BUILDING", "TESTING", "COMPLETED"]
    definition = asset(bedrock, arn, workflow, "POLICY_DEFINITION")["policyDefinition"]
    variables = {item["name"]: item["type"] for item in definition["variables"]}
    assert variables == {"workFullTime": "BOOL", "employeesEligibleParentalLeave": "BOOL", "employeeWorkedMonths": "INT", "takeSabbaticalLeave": "BOOL"}
    expressions = [rule["expression"] for rule in definition["rules"]]
    assert expressions == ["(=> workFullTime employeesEligibleParentalLeave)", "(=> (> employeeWorkedMonths 12) takeSabbaticalLeave)"]
    assert all(len(rule["id"]) == 12 and rule["id"][0].isalpha() for rule in definition["rules"])
    report = asset(bedrock, arn, workflow, "QUALITY_REPORT")["qualityReport"]
    assert (report["ruleCount"], report["variableCount"], report["typeCount"]) == (2, 4, 0)
    assert report["unusedVariables"] == [] and len(report["disjointRuleSets"]) == 2
    log = asset(bedrock, arn, workflow, "BUILD_LOG")["buildLog"]["entries"]
    assert len(log) == 1 and log[0]["status"] == "APPLIED" and log[0]["annotation"]["ingestContent"]["content"] == HANDBOOK.decode()
    assert [list(step["context"]["mutation"])[0] for step in log[0]["buildSteps"]].count("addRule") == 2
    manifest = asset(bedrock, arn, workflow, "ASSET_MANIFEST")["assetManifest"]["entries"]
    kinds = [entry["assetType"] for entry in manifest]
    assert {"POLICY_DEFINITION", "BUILD_LOG", "QUALITY_REPORT", "GENERATED_TEST_CASES", "SOURCE_DOCUMENT", "ASSET_MANIFEST"} == set(kinds)
    document_id = next(entry["assetId"] for entry in manifest if entry["assetType"] == "SOURCE_DOCUMENT")
    document = asset(bedrock, arn, workflow, "SOURCE_DOCUMENT", assetId=document_id)["document"]
    assert document["document"] == HANDBOOK and len(document["documentHash"]) == 64
    cases = asset(bedrock, arn, workflow, "GENERATED_TEST_CASES")["generatedTestCases"]["generatedTestCases"]
    assert len(cases) == 2 and all(case["expectedAggregatedFindingsResult"] == "VALID" for case in cases)
    with pytest.raises(ClientError) as caught:
        asset(bedrock, arn, workflow, "FIDELITY_REPORT")
    assert code(caught.value) == "ResourceNotFoundException"
    scenario = bedrock.get_automated_reasoning_policy_next_scenario(policyArn=arn, buildWorkflowId=workflow)["scenario"]
    assert scenario["expression"] == "(and workFullTime employeesEligibleParentalLeave)" and scenario["ruleIds"] == [definition["rules"][0]["id"]]
    # The build proposes a definition; the policy changes only when the user saves it.
    assert bedrock.export_automated_reasoning_policy_version(policyArn=arn)["policyDefinition"]["rules"] == []
    bedrock.update_automated_reasoning_policy(policyArn=arn, policyDefinition=definition)
    assert bedrock.export_automated_reasoning_policy_version(policyArn=arn)["policyDefinition"] == definition


def test_a_refine_build_applies_its_annotations_and_logs_the_ones_that_fail(virtual, bedrock):
    arn = create(bedrock)["policyArn"]
    annotations = [
        {"addVariable": {"name": "isContractor", "type": "BOOL", "description": "The worker is a contractor."}},
        {"addRule": {"expression": "(=> isContractor (not eligibleForParentalLeave))"}},
        {"deleteVariable": {"name": "noSuchVariable"}},
        {"updateType": {"name": "LeaveType", "values": [{"addTypeValue": {"value": "SABBATICAL"}}, {"deleteTypeValue": {"value": "SICK"}}]}},
    ]
    workflow = bedrock.start_automated_reasoning_policy_build_workflow(
        policyArn=arn, buildWorkflowType="REFINE_POLICY",
        sourceContent={"workflowContent": {"policyRepairAssets": {"annotations": annotations}}})["buildWorkflowId"]
    stored = bedrock.get_automated_reasoning_policy_annotations(policyArn=arn, buildWorkflowId=workflow)
    assert stored["annotations"] == annotations and stored["name"] == "leave-policy" and len(stored["annotationSetHash"]) == 128
    advance(virtual, 30)
    definition = asset(bedrock, arn, workflow, "POLICY_DEFINITION")["policyDefinition"]
    assert "isContractor" in [item["name"] for item in definition["variables"]]
    assert definition["rules"][-1]["expression"] == "(=> isContractor (not eligibleForParentalLeave))"
    assert [value["value"] for value in definition["types"][0]["values"]] == ["PARENTAL", "SABBATICAL"]
    log = asset(bedrock, arn, workflow, "BUILD_LOG")["buildLog"]["entries"]
    assert [entry["status"] for entry in log] == ["APPLIED", "APPLIED", "FAILED", "APPLIED"]
    assert log[2]["buildSteps"][0]["messages"][0]["messageType"] == "ERROR"


def test_annotations_update_is_guarded_by_the_annotation_set_hash(bedrock):
    arn = bedrock.create_automated_reasoning_policy(name="notes")["policyArn"]
    workflow = ingest(bedrock, arn)
    current = bedrock.get_automated_reasoning_policy_annotations(policyArn=arn, buildWorkflowId=workflow)
    new = [{"addRuleFromNaturalLanguage": {"naturalLanguage": "Managers approve leave if the request is on time."}}]
    with pytest.raises(ClientError) as caught:
        bedrock.update_automated_reasoning_policy_annotations(policyArn=arn, buildWorkflowId=workflow, annotations=new, lastUpdatedAnnotationSetHash="a" * 128)
    assert code(caught.value) == "ConflictException"
    updated = bedrock.update_automated_reasoning_policy_annotations(
        policyArn=arn, buildWorkflowId=workflow, annotations=new, lastUpdatedAnnotationSetHash=current["annotationSetHash"])
    assert updated["annotationSetHash"] != current["annotationSetHash"]
    assert bedrock.get_automated_reasoning_policy_annotations(policyArn=arn, buildWorkflowId=workflow)["annotations"] == new


def test_a_build_is_cancelled_listed_and_deleted(virtual, bedrock):
    arn = bedrock.create_automated_reasoning_policy(name="cancel-me")["policyArn"]
    workflow = ingest(bedrock, arn)
    bedrock.cancel_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow)
    got = bedrock.get_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow)
    assert got["status"] == "CANCEL_REQUESTED"
    with pytest.raises(ClientError) as caught:
        bedrock.delete_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow, lastUpdatedAt=got["updatedAt"])
    assert code(caught.value) == "ResourceInUseException"
    advance(virtual, 1)
    got = bedrock.get_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow)
    assert got["status"] == "CANCELLED"
    with pytest.raises(ClientError) as caught:
        bedrock.cancel_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow)
    assert code(caught.value) == "ValidationException"
    second = bedrock.start_automated_reasoning_policy_build_workflow(
        policyArn=arn, buildWorkflowType="IMPORT_POLICY", sourceContent={"policyDefinition": DEFINITION})["buildWorkflowId"]
    listed = bedrock.list_automated_reasoning_policy_build_workflows(policyArn=arn)["automatedReasoningPolicyBuildWorkflowSummaries"]
    assert [(item["buildWorkflowId"], item["status"]) for item in listed] == [(second, "SCHEDULED"), (workflow, "CANCELLED")]
    with pytest.raises(ClientError) as caught:
        bedrock.delete_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow, lastUpdatedAt=got["updatedAt"].replace(year=2020))
    assert code(caught.value) == "ConflictException"
    bedrock.delete_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow, lastUpdatedAt=got["updatedAt"])
    with pytest.raises(ClientError) as caught:
        bedrock.get_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowId=workflow)
    assert code(caught.value) == "ResourceNotFoundException"
    advance(virtual, 30)
    assert asset(bedrock, arn, second, "POLICY_DEFINITION")["policyDefinition"] == DEFINITION


def test_a_build_without_the_source_its_type_needs_is_refused(bedrock):
    arn = bedrock.create_automated_reasoning_policy(name="empty")["policyArn"]
    for kind in ("INGEST_CONTENT", "REFINE_POLICY", "IMPORT_POLICY"):
        with pytest.raises(ClientError) as caught:
            bedrock.start_automated_reasoning_policy_build_workflow(policyArn=arn, buildWorkflowType=kind, sourceContent={})
        assert code(caught.value) == "ValidationException"


def imported(virtual, bedrock, name="tested"):
    arn = bedrock.create_automated_reasoning_policy(name=name, policyDefinition=DEFINITION)["policyArn"]
    workflow = bedrock.start_automated_reasoning_policy_build_workflow(
        policyArn=arn, buildWorkflowType="IMPORT_POLICY", sourceContent={"policyDefinition": DEFINITION})["buildWorkflowId"]
    return arn, workflow


def test_a_test_workflow_checks_each_test_case_against_the_built_rules(virtual, bedrock):
    arn, workflow = imported(virtual, bedrock)
    texts = {
        "VALID": "A full-time employee with 24 months of tenure is eligible for parental leave.",
        "INVALID": "A full-time employee with 24 months of tenure is not eligible for parental leave.",
        "SATISFIABLE": "A part-time employee is eligible for parental leave.",
        "NO_TRANSLATION": "The weather is nice today.",
    }
    ids = {expected: bedrock.create_automated_reasoning_policy_test_case(
        policyArn=arn, guardContent=text, expectedAggregatedFindingsResult=expected)["testCaseId"] for expected, text in texts.items()}
    wrong = bedrock.create_automated_reasoning_policy_test_case(
        policyArn=arn, guardContent=texts["VALID"], expectedAggregatedFindingsResult="INVALID")["testCaseId"]
    with pytest.raises(ClientError) as caught:
        bedrock.start_automated_reasoning_policy_test_workflow(policyArn=arn, buildWorkflowId=workflow)
    assert code(caught.value) == "ResourceInUseException"
    advance(virtual, 30)
    with pytest.raises(ClientError) as caught:
        bedrock.get_automated_reasoning_policy_test_result(policyArn=arn, buildWorkflowId=workflow, testCaseId=wrong)
    assert code(caught.value) == "ResourceNotFoundException"
    assert bedrock.start_automated_reasoning_policy_test_workflow(policyArn=arn, buildWorkflowId=workflow)["policyArn"] == arn
    for expected, case_id in ids.items():
        result = bedrock.get_automated_reasoning_policy_test_result(policyArn=arn, buildWorkflowId=workflow, testCaseId=case_id)["testResult"]
        assert result["testRunStatus"] == "COMPLETED" and result["aggregatedTestFindingsResult"] == expected, (expected, result)
        assert result["testRunResult"] == "PASSED" and result["testCase"]["guardContent"] == texts[expected]
    valid = bedrock.get_automated_reasoning_policy_test_result(policyArn=arn, buildWorkflowId=workflow, testCaseId=ids["VALID"])["testResult"]
    finding = valid["testFindings"][0]["valid"]
    assert finding["supportingRules"] == [{"id": "A1B2C3D4E5F6", "policyVersionArn": arn}]
    assert {"logic": "(= eligibleForParentalLeave true)", "naturalLanguage": "eligible for parental leave is true"} in finding["translation"]["claims"]
    assert {"logic": "(= tenureMonths 24)", "naturalLanguage": "tenure months is 24"} in finding["translation"]["premises"]
    invalid = bedrock.get_automated_reasoning_policy_test_result(policyArn=arn, buildWorkflowId=workflow, testCaseId=ids["INVALID"])["testResult"]
    assert invalid["testFindings"][0]["invalid"]["contradictingRules"][0]["id"] == "A1B2C3D4E5F6"
    failed = bedrock.get_automated_reasoning_policy_test_result(policyArn=arn, buildWorkflowId=workflow, testCaseId=wrong)["testResult"]
    assert failed["aggregatedTestFindingsResult"] == "VALID" and failed["testRunResult"] == "FAILED"
    listed = bedrock.list_automated_reasoning_policy_test_results(policyArn=arn, buildWorkflowId=workflow, maxResults=3)
    rest = bedrock.list_automated_reasoning_policy_test_results(policyArn=arn, buildWorkflowId=workflow, nextToken=listed["nextToken"])
    assert len(listed["testResults"]) == 3 and len(rest["testResults"]) == 2


def test_a_test_workflow_runs_only_the_named_test_cases(virtual, bedrock):
    arn, workflow = imported(virtual, bedrock, name="some")
    first = bedrock.create_automated_reasoning_policy_test_case(policyArn=arn, guardContent="Sick leave.", expectedAggregatedFindingsResult="SATISFIABLE")["testCaseId"]
    bedrock.create_automated_reasoning_policy_test_case(policyArn=arn, guardContent="Nothing.", expectedAggregatedFindingsResult="NO_TRANSLATION")
    advance(virtual, 30)
    bedrock.start_automated_reasoning_policy_test_workflow(policyArn=arn, buildWorkflowId=workflow, testCaseIds=[first])
    listed = bedrock.list_automated_reasoning_policy_test_results(policyArn=arn, buildWorkflowId=workflow)["testResults"]
    assert [result["testCase"]["testCaseId"] for result in listed] == [first]
    with pytest.raises(ClientError) as caught:
        bedrock.start_automated_reasoning_policy_test_workflow(policyArn=arn, buildWorkflowId=workflow, testCaseIds=["ZZZZZZZZZZZZ"])
    assert code(caught.value) == "ResourceNotFoundException"
