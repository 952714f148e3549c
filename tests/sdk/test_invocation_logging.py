"""Model invocation logging through boto3: Put/Get/Delete of the configuration, and the
records the runtime writes in Bedrock's ModelInvocationLog format to the local object
store while a configuration is set (S3 as gzipped JSON lines, CloudWatch Logs stand-in)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

NOVA = "amazon.nova-lite-v1:0"
EMBED = "amazon.titan-embed-text-v2:0"
ACCOUNT = "123456789012"


def user(text: str) -> dict:
    return {"role": "user", "content": [{"text": text}]}


@pytest.fixture
def stateful(start_emulator, tmp_path):
    return start_emulator("--state", str(tmp_path)), tmp_path


def s3_records(state: Path, bucket: str) -> list[dict]:
    root = state / "objects" / bucket
    files = sorted(root.rglob("*.json.gz")) if root.exists() else []
    return [json.loads(line) for f in files for line in gzip.decompress(f.read_bytes()).decode().splitlines()]


def test_configuration_is_put_read_back_and_deleted(emulator):
    bedrock = emulator.client("bedrock")
    bedrock.delete_model_invocation_logging_configuration()
    assert "loggingConfig" not in bedrock.get_model_invocation_logging_configuration()
    config = {
        "s3Config": {"bucketName": "invocation-logs", "keyPrefix": "team-a"},
        "cloudWatchConfig": {
            "logGroupName": "/bedrock/invocations", "roleArn": f"arn:aws:iam::{ACCOUNT}:role/BedrockLogging",
            "largeDataDeliveryS3Config": {"bucketName": "invocation-logs", "keyPrefix": "large"},
        },
        "textDataDeliveryEnabled": True, "imageDataDeliveryEnabled": False, "embeddingDataDeliveryEnabled": True,
    }
    bedrock.put_model_invocation_logging_configuration(loggingConfig=config)
    assert bedrock.get_model_invocation_logging_configuration()["loggingConfig"] == config
    smaller = {"s3Config": {"bucketName": "other-logs"}, "textDataDeliveryEnabled": False}
    bedrock.put_model_invocation_logging_configuration(loggingConfig=smaller)
    assert bedrock.get_model_invocation_logging_configuration()["loggingConfig"] == smaller
    bedrock.delete_model_invocation_logging_configuration()
    assert "loggingConfig" not in bedrock.get_model_invocation_logging_configuration()

    with pytest.raises(bedrock.exceptions.ValidationException, match="no destination"):
        bedrock.put_model_invocation_logging_configuration(loggingConfig={"textDataDeliveryEnabled": True})
    with pytest.raises(bedrock.exceptions.ValidationException, match="bucket"):
        bedrock.put_model_invocation_logging_configuration(loggingConfig={"s3Config": {"bucketName": "Bad_Bucket"}})
    assert "loggingConfig" not in bedrock.get_model_invocation_logging_configuration()


def test_every_runtime_call_writes_a_record_while_logging_is_on(stateful):
    emu, state = stateful
    bedrock, runtime = emu.client("bedrock"), emu.client("bedrock-runtime")
    runtime.converse(modelId=NOVA, messages=[user("before logging")])
    bedrock.put_model_invocation_logging_configuration(loggingConfig={
        "s3Config": {"bucketName": "invocation-logs", "keyPrefix": "team-a/"},
        "cloudWatchConfig": {"logGroupName": "/bedrock/invocations", "roleArn": f"arn:aws:iam::{ACCOUNT}:role/BedrockLogging"},
        "textDataDeliveryEnabled": True, "embeddingDataDeliveryEnabled": False})

    answer = runtime.converse(modelId=NOVA, messages=[user("Name a planet")], inferenceConfig={"maxTokens": 50})
    body = json.dumps({"messages": [{"role": "user", "content": [{"text": "Name a river"}]}]})
    invoked = runtime.invoke_model(modelId=NOVA, body=body)
    invoked_body = json.loads(invoked["body"].read())
    list(runtime.converse_stream(modelId=NOVA, messages=[user("Name a city")])["stream"])
    list(runtime.invoke_model_with_response_stream(modelId=NOVA, body=body)["body"])
    runtime.invoke_model(modelId=EMBED, body=json.dumps({"inputText": "embeddings are not delivered"}))

    # Files are named by time then request id: calls in one millisecond may list in any order.
    records = {r["operation"]: r for r in s3_records(state, "invocation-logs")}
    assert sorted(records) == ["Converse", "ConverseStream", "InvokeModel", "InvokeModelWithResponseStream"]
    files = sorted((state / "objects" / "invocation-logs").rglob("*.json.gz"))
    rel = files[0].relative_to(state / "objects" / "invocation-logs").parts
    assert rel[:5] == ("team-a", "AWSLogs", ACCOUNT, "BedrockModelInvocationLogs", "us-east-1")
    assert len(rel) == 10 and all(p.isdigit() for p in rel[5:9])

    converse = records["Converse"]
    assert converse["schemaType"] == "ModelInvocationLog" and converse["schemaVersion"] == "1.0"
    assert converse["accountId"] == ACCOUNT and converse["region"] == "us-east-1" and converse["modelId"] == NOVA
    assert converse["requestId"] == answer["ResponseMetadata"]["RequestId"] and converse["timestamp"].endswith("Z")
    assert converse["input"]["inputBodyJson"]["messages"] == [user("Name a planet")]
    assert converse["input"]["inputTokenCount"] == answer["usage"]["inputTokens"]
    assert converse["output"]["outputBodyJson"]["output"] == answer["output"]
    assert converse["output"]["outputTokenCount"] == answer["usage"]["outputTokens"]

    invoke = records["InvokeModel"]
    assert invoke["input"]["inputBodyJson"] == json.loads(body) and invoke["output"]["outputBodyJson"] == invoked_body
    assert invoke["input"]["inputContentType"] == "application/json"
    assert invoke["output"]["outputTokenCount"] == int(invoked["ResponseMetadata"]["HTTPHeaders"]["x-amzn-bedrock-output-token-count"])
    assert any("messageStop" in e for e in records["ConverseStream"]["output"]["outputBodyJson"])
    assert isinstance(records["InvokeModelWithResponseStream"]["output"]["outputBodyJson"], list) and records["InvokeModelWithResponseStream"]["output"]["outputBodyJson"]

    watch = sorted((state / "objects" / "bedrock-emulator-cloudwatch" / "bedrock" / "invocations" / "aws" / "bedrock" / "modelinvocations").glob("*.json"))
    assert sorted(json.loads(f.read_text())["operation"] for f in watch) == sorted(records)

    bedrock.delete_model_invocation_logging_configuration()
    runtime.converse(modelId=NOVA, messages=[user("after logging")])
    assert len(s3_records(state, "invocation-logs")) == 4


def test_an_application_profile_call_is_logged_under_the_id_it_was_called_by(stateful):
    emu, state = stateful
    bedrock, runtime = emu.client("bedrock"), emu.client("bedrock-runtime")
    arn = bedrock.create_inference_profile(
        inferenceProfileName="logged", modelSource={"copyFrom": f"arn:aws:bedrock:us-east-1::foundation-model/{NOVA}"})["inferenceProfileArn"]
    bedrock.put_model_invocation_logging_configuration(loggingConfig={"s3Config": {"bucketName": "logs-bucket"}})
    runtime.converse(modelId=arn, messages=[user("hello")])
    runtime.invoke_model(modelId=EMBED, body=json.dumps({"inputText": "flags left out count as on"}))
    records = s3_records(state, "logs-bucket")
    assert sorted((r["operation"], r["modelId"]) for r in records) == [("Converse", arn), ("InvokeModel", EMBED)]
    assert list((state / "objects" / "logs-bucket").iterdir())[0].name == "AWSLogs"
