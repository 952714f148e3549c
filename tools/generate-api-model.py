#!/usr/bin/env python3
"""Writes Sources/BedrockAPI/Resources/api-model.json from botocore's service models.

The emulator routes, binds, validates and encodes every operation from this file, so
regenerating it is how the emulator follows a newer AWS API. Documentation text is
dropped; everything the wire format depends on is kept.

Usage: python3 tools/generate-api-model.py [--botocore-data DIR] [--check]
"""
import argparse
import gzip
import json
import os
import sys

SERVICES = ["bedrock", "bedrock-runtime", "bedrock-agent", "bedrock-agent-runtime"]
OUTPUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "BedrockAPI", "Resources", "api-model.json")

SHAPE_KEYS = {
    "type", "required", "min", "max", "pattern", "enum", "union", "payload", "eventstream",
    "event", "exception", "fault", "document", "timestampFormat", "sensitive",
}
MEMBER_KEYS = {"shape", "location", "locationName", "idempotencyToken", "eventpayload", "eventheader", "jsonvalue"}


def load_service(data_dir, name):
    folder = os.path.join(data_dir, name)
    version = sorted(os.listdir(folder))[-1]
    base = os.path.join(folder, version, "service-2.json")
    if os.path.exists(base + ".gz"):
        with gzip.open(base + ".gz", "rt", encoding="utf-8") as f:
            return json.load(f)
    with open(base, encoding="utf-8") as f:
        return json.load(f)


def compact_shape(shape):
    out = {k: v for k, v in shape.items() if k in SHAPE_KEYS}
    if "members" in shape:
        out["members"] = {
            name: {k: v for k, v in member.items() if k in MEMBER_KEYS}
            for name, member in shape["members"].items()
        }
    for ref in ("member", "key", "value"):
        if ref in shape:
            out[ref] = shape[ref]["shape"]
    if "error" in shape:
        error = shape["error"]
        out["error"] = {k: error[k] for k in ("httpStatusCode", "code", "senderFault") if k in error}
    return out


def compact_service(name, model):
    meta = model["metadata"]
    operations = {}
    for op_name, op in model["operations"].items():
        http = op["http"]
        entry = {
            "method": http["method"],
            "uri": http["requestUri"],
            "status": http.get("responseCode", 200),
            "errors": sorted(e["shape"] for e in op.get("errors", [])),
        }
        if "input" in op:
            entry["input"] = op["input"]["shape"]
        if "output" in op:
            entry["output"] = op["output"]["shape"]
        operations[op_name] = entry
    return {
        "name": name,
        "apiVersion": meta["apiVersion"],
        "serviceId": meta["serviceId"],
        "signingName": meta.get("signingName", meta["endpointPrefix"]),
        "endpointPrefix": meta["endpointPrefix"],
        "operations": operations,
        "shapes": {n: compact_shape(s) for n, s in model["shapes"].items()},
    }


def render(model):
    """JSON with one operation or shape a line, so a regeneration diffs line by line."""
    def dump(value):
        return json.dumps(value, sort_keys=True, separators=(",", ":"))

    lines = ['{"source":' + dump(model["source"]) + ',"services":[']
    for i, service in enumerate(model["services"]):
        head = {k: v for k, v in service.items() if k not in ("operations", "shapes")}
        lines.append(dump(head)[:-1] + ',')
        for key in ("operations", "shapes"):
            entries = sorted(service[key].items())
            lines.append(f'"{key}":{{')
            lines += [json.dumps(n) + ":" + dump(v) + ("," if j < len(entries) - 1 else "") for j, (n, v) in enumerate(entries)]
            lines.append("}" + ("," if key == "operations" else ""))
        lines.append("}" + ("," if i < len(model["services"]) - 1 else ""))
    lines.append("]}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == json.loads(dump(model))
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--botocore-data", help="botocore's data folder (default: the installed botocore's)")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed model differs")
    args = parser.parse_args()
    data_dir = args.botocore_data
    version = "unknown"
    if data_dir is None:
        import botocore
        data_dir = os.path.join(os.path.dirname(botocore.__file__), "data")
        version = botocore.__version__
    model = {
        "source": {"botocore": version},
        "services": [compact_service(s, load_service(data_dir, s)) for s in SERVICES],
    }
    text = render(model)
    path = os.path.normpath(OUTPUT)
    if args.check:
        with open(path, encoding="utf-8") as f:
            same = f.read() == text
        print("api model is up to date" if same else "api model differs: regenerate it")
        sys.exit(0 if same else 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    ops = sum(len(s["operations"]) for s in model["services"])
    print(f"wrote {path}: {len(model['services'])} services, {ops} operations, {len(text)} bytes")


if __name__ == "__main__":
    main()
