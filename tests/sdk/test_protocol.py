"""Wire-level behaviour of the emulator's HTTP listener: the admin health endpoint, error
shape, request validation wording, path decoding and request limits."""

from __future__ import annotations

import json

import boto3
import botocore.config
import botocore.exceptions
import pytest
import requests

MODEL = "anthropic.claude-3-haiku-20240307-v1:0"
CONVERSE = f"/model/{MODEL}/converse"
JSON_HEADERS = {"Content-Type": "application/json"}
MESSAGES = [{"role": "user", "content": [{"text": "Hello"}]}]
TIMEOUT = 60


def _get(emulator, path, **kw):
    return requests.get(emulator.url + path, timeout=TIMEOUT, **kw)


def _post(emulator, path, data, headers=JSON_HEADERS, **kw):
    return requests.post(emulator.url + path, data=data, headers=headers, timeout=TIMEOUT, **kw)


def _error(resp) -> tuple[str | None, str]:
    """(x-amzn-ErrorType, message) of an error response, checking it is a JSON error."""
    assert resp.headers.get("x-amzn-RequestId"), f"no x-amzn-RequestId: {resp.headers}"
    assert resp.headers.get("Content-Type", "").startswith("application/json"), (
        f"error is not JSON: {resp.status_code} {resp.headers} {resp.text[:300]!r}")
    body = resp.json()
    assert isinstance(body, dict), body
    message = body.get("message") or body.get("Message")
    assert message, f"error without message: {body}"
    code = resp.headers.get("x-amzn-ErrorType")
    return (code.split(":", 1)[0] if code else None), message


def _assert_alive(emulator):
    assert emulator.alive, f"emulator died:\n{emulator.stderr[-3000:]}"
    resp = _get(emulator, "/_emulator/health")
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "ok"


# --------------------------------------------------------------------------------------
# Health and request ids


def test_health(emulator):
    resp = _get(emulator, "/_emulator/health")
    assert resp.status_code == 200
    assert resp.headers.get("Content-Type", "").startswith("application/json")
    body = resp.json()
    assert body["status"] == "ok"
    assert isinstance(body["version"], str) and body["version"]
    assert isinstance(body["uptimeSeconds"], (int, float)) and body["uptimeSeconds"] >= 0
    ops = body["operations"]
    assert ops["total"] == 219
    assert isinstance(ops["implemented"], int) and 0 <= ops["implemented"] <= ops["total"]


def test_health_uptime_grows(emulator):
    import time

    first = _get(emulator, "/_emulator/health").json()["uptimeSeconds"]
    time.sleep(0.05)
    second = _get(emulator, "/_emulator/health").json()["uptimeSeconds"]
    assert second > first


@pytest.mark.parametrize("method,path,data", [
    ("GET", "/_emulator/health", None),
    ("GET", "/no/such/path", None),
    ("POST", CONVERSE, "{not json"),
    ("POST", CONVERSE, json.dumps({"messages": MESSAGES})),
    ("GET", "/foundation-models", None),
], ids=["health", "unknown-path", "malformed-json", "converse", "list-foundation-models"])
def test_every_response_has_request_id(emulator, method, path, data):
    resp = requests.request(method, emulator.url + path, data=data, headers=JSON_HEADERS,
                            timeout=TIMEOUT)
    assert resp.headers.get("x-amzn-RequestId"), (
        f"{method} {path} -> {resp.status_code} lacks x-amzn-RequestId; headers: {dict(resp.headers)}")


def test_request_ids_are_unique(emulator):
    ids = {_get(emulator, "/no/such/path").headers.get("x-amzn-RequestId") for _ in range(5)}
    assert None not in ids and len(ids) == 5, ids


# --------------------------------------------------------------------------------------
# Routing


@pytest.mark.parametrize("method,path", [
    ("GET", "/no/such/path"),
    ("POST", "/definitely-not-bedrock"),
    ("DELETE", "/foundation-models"),
    ("GET", "/"),
])
def test_unknown_operation_is_json_404(emulator, method, path):
    resp = requests.request(method, emulator.url + path, timeout=TIMEOUT)
    assert resp.status_code == 404, (resp.status_code, resp.text)
    code, message = _error(resp)
    assert code == "UnknownOperationException", (code, message)


@pytest.mark.parametrize("model_path", [
    "anthropic.claude-3-haiku-20240307-v1:0",
    "anthropic.claude-3-haiku-20240307-v1%3A0",
    "anthropic.claude-3-haiku-20240307-v1%3a0",
], ids=["raw-colon", "percent-3A", "percent-3a"])
def test_model_id_with_colon_routes(emulator, model_path):
    resp = _post(emulator, f"/model/{model_path}/converse", json.dumps({"messages": MESSAGES}))
    assert resp.headers.get("x-amzn-ErrorType", "").split(":")[0] != "UnknownOperationException", (
        resp.status_code, resp.text)
    assert resp.status_code != 404 or "UnknownOperation" not in resp.text
    assert resp.status_code != 500, resp.text


def test_colon_encodings_answer_alike(emulator):
    body = json.dumps({"messages": MESSAGES})
    raw = _post(emulator, f"/model/{MODEL}/converse", body)
    enc = _post(emulator, f"/model/{MODEL.replace(':', '%3A')}/converse", body)
    assert (raw.status_code, raw.headers.get("x-amzn-ErrorType")) == (
        enc.status_code, enc.headers.get("x-amzn-ErrorType")), (raw.text, enc.text)


def test_unknown_query_parameter_is_ignored(emulator):
    plain = _get(emulator, "/foundation-models")
    extra = _get(emulator, "/foundation-models?noSuchParameter=1&another=x")
    assert extra.status_code != 500, extra.text
    assert extra.headers.get("x-amzn-ErrorType") != "UnknownOperationException", extra.text
    assert (extra.status_code, extra.headers.get("x-amzn-ErrorType")) == (
        plain.status_code, plain.headers.get("x-amzn-ErrorType")), (plain.text, extra.text)


def test_empty_query_string(emulator):
    plain = _get(emulator, "/foundation-models")
    # requests drops a bare trailing '?', so send the request line by hand.
    import http.client

    conn = http.client.HTTPConnection(emulator.host, emulator.port, timeout=TIMEOUT)
    try:
        conn.request("GET", "/foundation-models?")
        resp = conn.getresponse()
        body = resp.read()
        assert resp.status == plain.status_code, (resp.status, body)
        assert resp.getheader("x-amzn-ErrorType") == plain.headers.get("x-amzn-ErrorType"), body
    finally:
        conn.close()


# --------------------------------------------------------------------------------------
# Validation wording


def test_malformed_json_body(emulator):
    resp = _post(emulator, CONVERSE, '{"messages": [')
    assert resp.status_code == 400, resp.text
    code, message = _error(resp)
    assert code == "ValidationException"
    assert "json" in message.lower(), message


def test_max_tokens_zero_exact_message(emulator):
    client = emulator.client("bedrock-runtime", parameter_validation=False)
    with pytest.raises(botocore.exceptions.ClientError) as info:
        client.converse(modelId=MODEL, messages=MESSAGES, inferenceConfig={"maxTokens": 0})
    err = info.value.response
    assert err["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert err["Error"]["Code"] == "ValidationException"
    assert err["Error"]["Message"] == (
        "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to "
        "satisfy constraint: Member must have value greater than or equal to 1")


def test_missing_required_member(emulator):
    client = emulator.client("bedrock", parameter_validation=False)
    with pytest.raises(botocore.exceptions.ClientError) as info:
        # CreateGuardrail requires name, blockedInputMessaging and blockedOutputsMessaging.
        client.create_guardrail(blockedInputMessaging="no", blockedOutputsMessaging="no")
    err = info.value.response
    assert err["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert err["Error"]["Code"] == "ValidationException"
    assert "Member must not be null" in err["Error"]["Message"], err["Error"]["Message"]
    assert "'name'" in err["Error"]["Message"], err["Error"]["Message"]


def test_wrong_type_is_validation_error(emulator):
    resp = _post(emulator, CONVERSE, json.dumps({"messages": "not a list"}))
    assert resp.status_code == 400, resp.text
    code, _ = _error(resp)
    assert code == "ValidationException"


# --------------------------------------------------------------------------------------
# Limits and hostile bodies


def test_oversized_body(emulator):
    body = b'{"messages": [{"role": "user", "content": [{"text": "' + b"x" * (26 * 1024 * 1024) + b'"}]}]}'
    try:
        resp = _post(emulator, CONVERSE, body)
    except requests.exceptions.ConnectionError as e:
        pytest.fail(f"connection dropped instead of a 4xx answer to a 26 MB body: {e}")
    assert resp.status_code in (400, 413), (resp.status_code, resp.text[:300])
    code, message = _error(resp)
    assert code, f"no x-amzn-ErrorType on {resp.status_code}: {message}"
    _assert_alive(emulator)


def test_deep_nesting(emulator):
    depth = 10_000
    body = '{"messages": ' + "[" * depth + "]" * depth + "}"
    resp = _post(emulator, CONVERSE, body)
    assert resp.status_code == 400, (resp.status_code, resp.text[:300])
    code, _ = _error(resp)
    assert code == "ValidationException"
    _assert_alive(emulator)


def test_invalid_utf8_body(emulator):
    resp = _post(emulator, CONVERSE, b'{"messages": [{"role": "user", "content": [{"text": "\xff\xfe\xc3"}]}]}')
    assert resp.status_code == 400, (resp.status_code, resp.text[:300])
    code, _ = _error(resp)
    assert code == "ValidationException"
    _assert_alive(emulator)


def test_json_that_is_not_an_object(emulator):
    for body in ("[]", "1", '"text"', "null"):
        resp = _post(emulator, CONVERSE, body)
        assert resp.status_code == 400, (body, resp.status_code, resp.text[:300])
        code, _ = _error(resp)
        assert code == "ValidationException", body


# --------------------------------------------------------------------------------------
# Flags (a second emulator)


def test_second_emulator_with_flags(start_emulator, emulator):
    other = start_emulator("--log-level", "debug")
    assert other.port != emulator.port
    resp = requests.get(other.url + "/_emulator/health", timeout=TIMEOUT)
    assert resp.status_code == 200 and resp.json()["status"] == "ok"


def test_strict_auth(start_emulator):
    strict = start_emulator("--auth", "strict", "--credentials", "AKIDEXAMPLE:secret")
    good = strict.client("bedrock")
    rejected = None
    try:
        good.list_foundation_models()
    except botocore.exceptions.ClientError as e:
        if e.response["ResponseMetadata"]["HTTPStatusCode"] == 403:
            rejected = e.response["Error"]
    assert rejected is None, (
        f"strict auth rejected a request boto3 signed with the configured credentials: {rejected}")

    for key, secret, expected in [
        ("AKIDUNKNOWN", "secret", "UnrecognizedClientException"),
        ("AKIDEXAMPLE", "wrong-secret", "InvalidSignatureException"),
    ]:
        bad = boto3.session.Session().client(
            "bedrock", endpoint_url=strict.url, region_name="us-east-1",
            aws_access_key_id=key, aws_secret_access_key=secret,
            config=botocore.config.Config(retries={"max_attempts": 1}))
        with pytest.raises(botocore.exceptions.ClientError) as info:
            bad.list_foundation_models()
        assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
        assert info.value.response["Error"]["Code"] == expected

    unsigned = requests.get(strict.url + "/foundation-models", timeout=TIMEOUT)
    assert 400 <= unsigned.status_code < 500, unsigned.text


def test_lenient_auth_accepts_unsigned(emulator):
    resp = _get(emulator, "/foundation-models")
    assert resp.status_code not in (401, 403), resp.text
