"""Sweep: call every operation of the four Bedrock services through boto3 with a minimal
valid input (see inputgen.py) and check the emulator answers it the way the model says.

Each operation must either succeed (a parseable response; streams are consumed), fail with
one of its modeled errors at the modeled HTTP status, or answer 501 `NotImplemented`
naming the operation. Anything else fails: an unmodeled error code, a body that is not
JSON, a dropped connection, a response botocore cannot parse.
"""

from __future__ import annotations

import json

import botocore.exceptions
import botocore.session
import botocore.validate
import pytest
from botocore import xform_name

import inputgen
from conftest import record_sweep_outcome

SERVICES = ["bedrock", "bedrock-runtime", "bedrock-agent", "bedrock-agent-runtime"]
TOTAL_OPERATIONS = 219

# Operations still allowed to answer 501 NotImplemented (test_no_operation_is_left_unimplemented).
# Each waits on a later issue; remove an entry once its operation has behaviour, and the
# test fails on an entry that no longer answers NotImplemented so the set stays honest.
NOT_YET_IMPLEMENTED = {
    # HTTP/2 bidirectional stream: a later issue.
    "bedrock-runtime.InvokeModelWithBidirectionalStream",
}

_SESSION = botocore.session.get_session()
MODELS = {name: _SESSION.get_service_model(name) for name in SERVICES}


def _all_operations():
    for service in SERVICES:
        for op_name in MODELS[service].operation_names:
            yield service, op_name


ALL = list(_all_operations())


def _sweep_params():
    out = []
    for service, op_name in ALL:
        op = MODELS[service].operation_model(op_name)
        marks = []
        if op.has_event_stream_input:
            marks.append(pytest.mark.skip(
                reason="event-stream input (bidirectional HTTP/2 stream): boto3 cannot call it"))
        out.append(pytest.param(service, op_name, id=f"{service}.{op_name}", marks=marks))
    return out


def _ids():
    return [f"{s}.{o}" for s, o in ALL]


# --------------------------------------------------------------------------------------
# Generator checks (no server needed)


def test_operation_count_matches_health_total():
    assert len(ALL) == TOTAL_OPERATIONS, (
        f"botocore models have {len(ALL)} operations; the emulator's health total is "
        f"{TOTAL_OPERATIONS}. Regenerate the API model (tools/generate-api-model.py).")


@pytest.mark.parametrize("service,op_name", ALL, ids=_ids())
def test_generated_input_is_valid(service, op_name):
    """The generated input passes botocore's client-side validator and the constraints it
    does not check (pattern, max length, range max, enum)."""
    op = MODELS[service].operation_model(op_name)
    params = inputgen.minimal_input(op)
    if op.input_shape is None:
        assert params == {}
        return
    report = botocore.validate.ParamValidator().validate(params, op.input_shape)
    assert not report.has_errors(), f"{params!r}\n{report.generate_report()}"
    problems = inputgen.constraint_violations(params, op.input_shape)
    assert not problems, f"{params!r}\n" + "\n".join(problems)


def _model_string_shapes():
    for service in SERVICES:
        model = MODELS[service]
        for shape_name in model.shape_names:
            shape = model.shape_for(shape_name)
            if shape.type_name == "string" and "pattern" in shape.metadata and not shape.enum:
                yield service, shape


def test_pattern_generator_covers_every_model_pattern():
    """Every patterned string shape in the four models (not only the required ones) gets
    a value that matches its pattern in full and fits its length bounds."""
    import re

    failures = []
    count = 0
    for service, shape in _model_string_shapes():
        count += 1
        try:
            value = inputgen.string_value(shape)
        except inputgen.GenerationError as e:
            failures.append(f"{service}:{shape.name}: {e}")
            continue
        problems = inputgen.constraint_violations(value, shape, shape.name)
        if problems:
            failures += problems
        elif re.fullmatch(shape.metadata["pattern"], value) is None:
            failures.append(f"{service}:{shape.name}: {value!r} only partly matches")
    assert count > 100
    assert not failures, "\n".join(failures)


def test_pattern_generator_examples():
    cases = [
        ("[0-9a-zA-Z]{10}", 0, None),
        ("arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+", 1, 2048),
        ("s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?", 1, 1024),
        ("$|^[0-9a-zA-Z]+", 1, None),
        ("(?![\\-_+.])[a-z0-9][a-z0-9\\-_\\.]*", 3, 63),
        ("(\\bTSTALIASID\\b|[0-9a-zA-Z]+)", 10, 10),
        (".*", 5, 5),
    ]
    import re

    for pattern, lo, hi in cases:
        value = inputgen.string_for_pattern(pattern, lo, hi)
        assert re.fullmatch(pattern, value), (pattern, value)
        assert lo <= len(value) <= (hi if hi is not None else len(value)), (pattern, value)
    role = inputgen.string_for_pattern("arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+", 1, 2048)
    assert role.startswith("arn:aws:iam::123456789012:role/"), role


# --------------------------------------------------------------------------------------
# The sweep


class _Capture:
    """Records the raw HTTP response of the last call made through a client."""

    def __init__(self):
        self.last: dict | None = None

    def __call__(self, operation_model=None, response_dict=None, **_):
        if response_dict is not None:
            self.last = response_dict


@pytest.fixture(scope="module")
def clients(emulator):
    made = {}
    for service in SERVICES:
        client = emulator.client(service)
        capture = _Capture()
        client.meta.events.register("before-parse", capture)
        made[service] = (client, capture)
    return made


def _stream_member(op):
    """Name of the output member holding an event stream or a streaming blob, or None."""
    if op.output_shape is None:
        return None
    if op.has_event_stream_output or op.has_streaming_output:
        return op.output_shape.serialization.get("payload")
    return None


def _consume(op, response):
    """Reads a streamed output to its end: the event-stream error that ended it, or None."""
    member = _stream_member(op)
    if member is None or member not in response:
        return None
    if not op.has_event_stream_output:
        response[member].read()
        return None
    try:
        for _ in response[member]:
            pass
    except botocore.exceptions.EventStreamError as e:
        return e
    return None


def _event_stream_error_codes(op) -> set[str]:
    shape = op.get_event_stream_output() if op.has_event_stream_output else None
    if shape is None:
        return set()
    codes = set()
    for name, member in shape.members.items():
        if member.metadata.get("exception"):
            codes.update({name, member.name})
    return codes


def _raw_summary(raw: dict | None) -> str:
    if raw is None:
        return "(no raw response captured)"
    body = raw.get("body")
    if isinstance(body, (bytes, bytearray)):
        text = body[:600].decode("utf-8", "replace")
    else:
        text = f"<{type(body).__name__}>"
    headers = {k: v for k, v in raw.get("headers", {}).items()}
    return f"HTTP {raw.get('status_code')} headers={headers} body={text!r}"


def _check_json_body(raw: dict | None, what: str) -> None:
    if raw is None:
        return
    body = raw.get("body")
    if not isinstance(body, (bytes, bytearray)) or not body:
        return
    try:
        parsed = json.loads(body)
    except ValueError:
        pytest.fail(f"{what}: body is not JSON: {_raw_summary(raw)}", pytrace=False)
    assert isinstance(parsed, dict), f"{what}: JSON body is not an object: {_raw_summary(raw)}"


@pytest.mark.parametrize("service,op_name", _sweep_params())
def test_operation(service, op_name, clients, emulator, request):
    op = MODELS[service].operation_model(op_name)
    client, capture = clients[service]
    params = inputgen.minimal_input(op)
    test_id = f"{service}.{op_name}"
    capture.last = None

    def record(outcome, detail=""):
        record_sweep_outcome(request.config, test_id, outcome, detail)

    record("failed", "")  # overwritten on success
    request_text = f"{test_id}({params!r})"
    try:
        response = getattr(client, xform_name(op_name))(**params)
        e = _consume(op, response)
        if e is not None:
            code = e.response.get("Error", {}).get("Code")
            allowed = _event_stream_error_codes(op)
            assert code in allowed, (
                f"{request_text}: event-stream error {code!r} is not one of the "
                f"modeled stream errors {sorted(allowed)}: {e.response}")
            assert e.response.get("Error", {}).get("Message"), (
                f"{request_text}: event-stream error {code!r} without a message")
            record("modeled error", f"stream {code}")
            return
    except botocore.exceptions.ParamValidationError as e:
        pytest.fail(f"{request_text}: generator produced an input botocore rejects "
                    f"(see test_generated_input_is_valid): {e}", pytrace=False)
    except botocore.exceptions.HTTPClientError as e:
        pytest.fail(
            f"{request_text}: connection failure {type(e).__name__}: {e}; emulator alive: "
            f"{emulator.alive}\nemulator stderr (tail):\n{emulator.stderr[-3000:]}",
            pytrace=False)
    except botocore.exceptions.ClientError as e:
        raw = capture.last
        meta = e.response.get("ResponseMetadata", {})
        status = meta.get("HTTPStatusCode")
        code = e.response.get("Error", {}).get("Code")
        message = e.response.get("Error", {}).get("Message")
        headers = meta.get("HTTPHeaders", {})
        where = f"{request_text} -> {_raw_summary(raw)}"
        assert headers.get("x-amzn-requestid"), f"{where}: error response lacks x-amzn-RequestId"
        assert message, f"{where}: error {code!r} has an empty message"
        _check_json_body(raw, where)
        modeled = {s.name: s.metadata.get("error", {}).get("httpStatusCode") for s in op.error_shapes}
        if code == "NotImplemented":
            assert status == 501, f"{where}: NotImplemented with HTTP {status}, expected 501"
            assert op_name in message, f"{where}: NotImplemented message does not name {op_name}"
            record("NotImplemented")
            return
        assert code in modeled, (
            f"{where}: error code {code!r} (HTTP {status}) is not modeled for {op_name}; "
            f"modeled: {sorted(modeled)}")
        if modeled[code] is not None:
            assert status == modeled[code], (
                f"{where}: {code} answered with HTTP {status}, the model says {modeled[code]}")
        record("modeled error", f"{code}: {message}")
        return

    # Success.
    meta = response.get("ResponseMetadata", {})
    status = meta.get("HTTPStatusCode")
    assert status is not None and 200 <= status < 300, f"{request_text}: HTTP {status}"
    assert meta.get("HTTPHeaders", {}).get("x-amzn-requestid"), (
        f"{request_text}: response lacks x-amzn-RequestId")
    if _stream_member(op) is None:
        _check_json_body(capture.last, request_text)
    problems = _output_problems(op, response)
    assert not problems, f"{request_text}: the response does not fit the output shape:\n{problems}\n{response!r}"
    record("2xx")


def _output_problems(op, response) -> str:
    """botocore's validator run over the parsed output (required members, types, lengths),
    less the streamed payload member, which the parsed response holds as a stream."""
    if op.output_shape is None:
        return ""
    member = _stream_member(op)
    parsed = {k: v for k, v in response.items() if k not in ("ResponseMetadata", member)}
    report = botocore.validate.ParamValidator().validate(parsed, op.output_shape)
    kept = botocore.validate.ValidationErrors()
    for reason, name, details in getattr(report, "_errors", []):
        if reason == "missing required field" and details.get("required_name") == member and not name:
            continue
        kept.report(name, reason, **details)
    return kept.generate_report() if kept.has_errors() else ""


def _answers_not_implemented(client, op) -> bool:
    """Calls `op` with its minimal input; True when the emulator answers 501 NotImplemented."""
    try:
        _consume(op, getattr(client, xform_name(op.name))(**inputgen.minimal_input(op)))
    except botocore.exceptions.ClientError as e:
        return e.response.get("Error", {}).get("Code") == "NotImplemented"
    return False


def test_no_operation_is_left_unimplemented(clients):
    """Every operation has behaviour, except those NOT_YET_IMPLEMENTED names."""
    unimplemented = set()
    for service, op_name in ALL:
        op = MODELS[service].operation_model(op_name)
        if op.has_event_stream_input:
            # boto3 cannot call it; only the set can excuse it.
            unimplemented.add(f"{service}.{op_name}")
            continue
        if _answers_not_implemented(clients[service][0], op):
            unimplemented.add(f"{service}.{op_name}")
    unexcused = sorted(unimplemented - NOT_YET_IMPLEMENTED)
    assert not unexcused, f"these operations answer NotImplemented: {unexcused}"
    stale = sorted(NOT_YET_IMPLEMENTED - unimplemented)
    assert not stale, f"these operations work now; remove them from NOT_YET_IMPLEMENTED: {stale}"
