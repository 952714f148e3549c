"""Model access through boto3: GetFoundationModelAvailability (from the scenario's model
access and the account's agreements), agreement offers, Create/DeleteFoundationModelAgreement
and the use case form for model access."""

from __future__ import annotations

import pytest

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"
OPUS = "anthropic.claude-3-opus-20240229-v1:0"


@pytest.fixture
def denied(start_emulator, tmp_path):
    path = tmp_path / "scenario.yaml"
    path.write_text('models:\n  - {model: "anthropic.claude-3-opus*", access: denied}\n')
    return start_emulator("--scenario", str(path))


def test_availability_follows_agreements_and_the_scenario(denied):
    bedrock = denied.client("bedrock")
    got = bedrock.get_foundation_model_availability(modelId=CLAUDE)
    assert {k: v for k, v in got.items() if k != "ResponseMetadata"} == {
        "modelId": CLAUDE, "agreementAvailability": {"status": "AVAILABLE"}, "authorizationStatus": "AUTHORIZED",
        "entitlementAvailability": "AVAILABLE", "regionAvailability": "AVAILABLE"}
    opus = bedrock.get_foundation_model_availability(modelId=OPUS)
    assert opus["authorizationStatus"] == "NOT_AUTHORIZED" and opus["entitlementAvailability"] == "NOT_AVAILABLE"
    assert opus["agreementAvailability"]["status"] == "NOT_AVAILABLE"

    offers = bedrock.list_foundation_model_agreement_offers(modelId=CLAUDE)
    assert offers["modelId"] == CLAUDE and len(offers["offers"]) == 1
    offer = offers["offers"][0]
    assert offer["offerToken"] and offer["offerId"].startswith("offer-")
    assert {r["dimension"] for r in offer["termDetails"]["usageBasedPricingTerm"]["rateCard"]} == {"InputTokenCount", "OutputTokenCount"}
    assert bedrock.list_foundation_model_agreement_offers(modelId=CLAUDE, offerType="PUBLIC")["offers"] == offers["offers"]

    bedrock.delete_foundation_model_agreement(modelId=CLAUDE)
    assert bedrock.get_foundation_model_availability(modelId=CLAUDE)["agreementAvailability"]["status"] == "NOT_AVAILABLE"
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.delete_foundation_model_agreement(modelId=CLAUDE)
    with pytest.raises(bedrock.exceptions.ValidationException, match="offer token"):
        bedrock.create_foundation_model_agreement(modelId=CLAUDE, offerToken="not-the-token")
    assert bedrock.create_foundation_model_agreement(modelId=CLAUDE, offerToken=offer["offerToken"])["modelId"] == CLAUDE
    assert bedrock.get_foundation_model_availability(modelId=CLAUDE)["agreementAvailability"]["status"] == "AVAILABLE"

    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_foundation_model_availability(modelId="nobody.nothing-v1:0")
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.list_foundation_model_agreement_offers(modelId="nobody.nothing-v1:0")
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.create_foundation_model_agreement(modelId="nobody.nothing-v1:0", offerToken="x")


def test_the_use_case_form_is_stored_and_read_back(start_emulator):
    bedrock = start_emulator().client("bedrock")
    with pytest.raises(bedrock.exceptions.ResourceNotFoundException):
        bedrock.get_use_case_for_model_access()
    form = b'{"companyName": "Example Corp", "intendedUsers": "0", "useCases": "Support chat"}'
    bedrock.put_use_case_for_model_access(formData=form)
    assert bedrock.get_use_case_for_model_access()["formData"] == form
    bedrock.put_use_case_for_model_access(formData=b'{"companyName": "Other"}')
    assert bedrock.get_use_case_for_model_access()["formData"] == b'{"companyName": "Other"}'
    with pytest.raises(bedrock.exceptions.ClientError):
        bedrock.put_use_case_for_model_access(formData=b"short")
