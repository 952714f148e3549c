"""Minimal valid inputs for every Bedrock operation, generated from botocore's models.

`minimal_input(operation_model)` builds a request with only the required members,
recursively, each given the smallest value its shape's constraints allow:

- strings: the first `enum` value; otherwise a realistic value from a small table keyed by
  member/shape name when it satisfies the constraints, else a string built from the
  shape's `pattern` (a generator walks the parsed regex) and fitted to `min`/`max` length;
- numbers: 1 (or 1.0) clamped into `min`/`max`; booleans: False;
- lists and maps: `min` entries (0 when unconstrained; 1 when bound to the query string
  or headers, where an empty one would not be sent at all);
- unions: exactly one member, the first that can be generated;
- blobs: b'{}'; documents: {}; timestamps: a fixed UTC datetime.

`constraint_violations(params, shape)` checks a value against the constraints botocore's
client-side validator does not check (pattern, max length, range max, enum), the same way
the emulator does: AWS patterns are not anchored, so a value matches when the pattern is
found anywhere in it.
"""

from __future__ import annotations

import datetime as _dt
import random
import re
import sys
from functools import lru_cache

if sys.version_info >= (3, 11):
    import re._constants as _c  # type: ignore[import-not-found]
    import re._parser as _p  # type: ignore[import-not-found]
else:  # pragma: no cover
    import sre_constants as _c
    import sre_parse as _p

ACCOUNT = "123456789012"
REGION = "us-east-1"
TIMESTAMP = _dt.datetime(2024, 1, 1, tzinfo=_dt.timezone.utc)

# Realistic candidates tried (in order) before the pattern-derived string, keyed by the
# lower-cased member name, then by the lower-cased shape name. A candidate is used only
# when it satisfies the shape's length and pattern constraints.
_MODEL = "anthropic.claude-3-haiku-20240307-v1:0"
_MODEL_ARN = f"arn:aws:bedrock:{REGION}::foundation-model/{_MODEL}"
_ROLE = f"arn:aws:iam::{ACCOUNT}:role/bedrock-emulator-test"
_HINTS: dict[str, list[str]] = {
    "modelid": [_MODEL, _MODEL_ARN],
    "modelidentifier": [_MODEL, _MODEL_ARN],
    "basemodelidentifier": [_MODEL, _MODEL_ARN],
    "modelarn": [_MODEL_ARN],
    "foundationmodel": [_MODEL, _MODEL_ARN],
    "rolearn": [_ROLE],
    "executionrolearn": [_ROLE],
    "s3uri": ["s3://bedrock-emulator-test/data/input.jsonl", "s3://bedrock-emulator-test/data/"],
    "uri": ["s3://bedrock-emulator-test/data/input.jsonl", "https://example.com/"],
    "url": ["https://example.com/"],
    "bucketname": ["bedrock-emulator-test"],
    "bucketarn": ["arn:aws:s3:::bedrock-emulator-test"],
    "region": [REGION],
    "accountid": [ACCOUNT],
    "kmskeyid": [f"arn:aws:kms:{REGION}:{ACCOUNT}:key/12345678-1234-1234-1234-123456789012"],
    "kmskeyarn": [f"arn:aws:kms:{REGION}:{ACCOUNT}:key/12345678-1234-1234-1234-123456789012"],
    "lambda": [f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:bedrock-emulator-test"],
    "lambdaarn": [f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:bedrock-emulator-test"],
    "agentversion": ["DRAFT"],
    "flowversion": ["DRAFT"],
    "promptversion": ["DRAFT"],
    "agentaliasid": ["TSTALIASID"],
    "flowaliasidentifier": ["TSTALIASID"],
    "name": ["test-name"],
    "text": ["Hello"],
    "inputtext": ["Hello"],
    "content": ["Hello"],
    "sessionid": ["12345678-1234-1234-1234-123456789012"],
    "sessionidentifier": ["12345678-1234-1234-1234-123456789012"],
    "executionid": ["12345678-1234-1234-1234-123456789012"],
    "clienttoken": ["12345678-1234-1234-1234-123456789012"],
}


class GenerationError(Exception):
    pass


# --------------------------------------------------------------------------------------
# Pattern handling


@lru_cache(maxsize=None)
def compile_pattern(pattern: str):
    """Compile an AWS (Java/ICU-style) pattern with Python's `re`; None if it cannot."""
    try:
        return re.compile(pattern)
    except re.error:
        return None


def matches_pattern(value: str, pattern: str) -> bool:
    """AWS semantics: the pattern is not anchored, it must be found in the value."""
    rx = compile_pattern(pattern)
    return True if rx is None else rx.search(value) is not None


def _fits(value: str, meta: dict) -> bool:
    if len(value) < meta.get("min", 0):
        return False
    if "max" in meta and len(value) > meta["max"]:
        return False
    if "pattern" in meta and not matches_pattern(value, meta["pattern"]):
        return False
    return True


def _fits_strictly(value: str, meta: dict) -> bool:
    """Like _fits, but the pattern must match the whole value (preferred when possible)."""
    if not _fits(value, meta):
        return False
    rx = compile_pattern(meta["pattern"]) if "pattern" in meta else None
    return rx is None or rx.fullmatch(value) is not None


# Characters tried, in order, when a character class must be satisfied.
_PREFERRED = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.:/ "
_ALL_PRINTABLE = _PREFERRED + "".join(chr(c) for c in range(33, 127) if chr(c) not in _PREFERRED)


def _category_has(cat, ch: str) -> bool:
    if cat == _c.CATEGORY_DIGIT:
        return ch.isdigit()
    if cat == _c.CATEGORY_NOT_DIGIT:
        return not ch.isdigit()
    if cat == _c.CATEGORY_SPACE:
        return ch in " \t\n\r\f\v"
    if cat == _c.CATEGORY_NOT_SPACE:
        return ch not in " \t\n\r\f\v"
    if cat == _c.CATEGORY_WORD:
        return ch.isalnum() or ch == "_"
    if cat == _c.CATEGORY_NOT_WORD:
        return not (ch.isalnum() or ch == "_")
    return False


def _class_has(items, ch: str) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            hit = hit or ord(ch) == av
        elif op is _c.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is _c.CATEGORY:
            hit = hit or _category_has(av, ch)
    return hit != negate


class _Walker:
    """Builds a string from a parsed regex. Attempt 0 is deterministic and minimal;
    later attempts vary branch choices, repeat counts and characters with a seeded RNG."""

    def __init__(self, rng: random.Random | None, budget: int):
        self.rng = rng
        self.budget = budget  # extra repetitions allowed for unbounded repeats

    def pick_char(self, items) -> str:
        pool = _ALL_PRINTABLE
        if self.rng is not None and self.rng.random() < 0.5:
            pool = "".join(self.rng.sample(_ALL_PRINTABLE, len(_ALL_PRINTABLE)))
        for ch in pool:
            if _class_has(items, ch):
                return ch
        raise GenerationError("no printable character satisfies class")

    def walk(self, parsed) -> str:
        out = []
        for op, av in parsed:
            out.append(self.node(op, av))
        return "".join(out)

    def node(self, op, av) -> str:
        if op is _c.LITERAL:
            return chr(av)
        if op is _c.NOT_LITERAL:
            return self.pick_char([(_c.NEGATE, None), (_c.LITERAL, av)])
        if op is _c.ANY:
            return self.pick_char([(_c.NEGATE, None), (_c.LITERAL, 10)])
        if op is _c.IN:
            return self.pick_char(av)
        if op is _c.BRANCH:
            branches = av[1]
            if self.rng is None:
                return self.walk(branches[0])
            return self.walk(self.rng.choice(branches))
        if op is _c.SUBPATTERN:
            return self.walk(av[-1])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            if hi is _c.MAXREPEAT:
                hi = lo + self.budget
            if self.rng is None:
                count = lo
            else:
                count = self.rng.randint(lo, min(hi, lo + max(self.budget, 1)))
            return "".join(self.walk(sub) for _ in range(count))
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return ""  # anchors and look-arounds produce nothing; the result is checked
        if op is _c.GROUPREF:
            raise GenerationError("back-references are not supported")
        if op is getattr(_c, "ATOMIC_GROUP", object()):
            return self.walk(av)
        raise GenerationError(f"unsupported regex node {op}")


@lru_cache(maxsize=None)
def string_for_pattern(pattern: str, min_len: int = 0, max_len: int | None = None) -> str:
    """A string matching `pattern` (fully when possible) with min_len <= len <= max_len."""
    meta = {"pattern": pattern, "min": min_len}
    if max_len is not None:
        meta["max"] = max_len
    rx = compile_pattern(pattern)
    if rx is None:
        # Python cannot parse it; a plain value is the best we can do.
        return _pad("a", min_len, max_len)
    parsed = _p.parse(pattern)
    fallback = None
    for attempt in range(400):
        rng = None if attempt == 0 else random.Random(attempt)
        budget = 0 if attempt == 0 else min(1 + attempt // 4, 64)
        if min_len and attempt > 0:
            budget = max(budget, min_len)
        try:
            s = _Walker(rng, budget).walk(parsed)
        except GenerationError:
            continue
        if _fits_strictly(s, meta):
            return _polish(s, meta)
        if fallback is None and _fits(s, meta):
            fallback = s
        # Too short for a pattern that allows growth at the end (e.g. `.*`): pad.
        if len(s) < min_len:
            for pad in ("a", "0", "A"):
                padded = s + pad * (min_len - len(s))
                if _fits_strictly(padded, meta):
                    return _polish(padded, meta)
    if fallback is not None:
        return fallback
    raise GenerationError(f"cannot generate a value for pattern {pattern!r} len [{min_len}, {max_len}]")


def _pad(s: str, min_len: int, max_len: int | None) -> str:
    if len(s) < min_len:
        s += "a" * (min_len - len(s))
    if max_len is not None:
        s = s[:max_len]
    return s


_ARN_RX = re.compile(r"arn:([^:]*):([^:]*):([^:]*):([^:]*):")


def _polish(s: str, meta: dict) -> str:
    """Make pattern-derived ARNs look real: partition aws, region us-east-1, account
    123456789012 (filling empty region/account fields when the pattern allows)."""
    m = _ARN_RX.search(s)
    if not m:
        return s
    part, service, region, account = m.groups()
    for p in ("aws", part):
        for r in (REGION, region):
            for a in (ACCOUNT, account):
                t = s[: m.start()] + f"arn:{p}:{service}:{r}:{a}:" + s[m.end():]
                if _fits_strictly(t, meta):
                    return t
    return s


# --------------------------------------------------------------------------------------
# Shape walking


# Suffix rules, tried after the exact names above.
_SUFFIX_HINTS: list[tuple[str, list[str]]] = [
    ("rolearn", [_ROLE]),
    ("resourcearn", [
        f"arn:aws:bedrock:{REGION}:{ACCOUNT}:guardrail/abcdefghij12",
        f"arn:aws:bedrock:{REGION}:{ACCOUNT}:agent/ABCDEFGHIJ",
        f"arn:aws:bedrock:{REGION}:{ACCOUNT}:session/12345678-1234-1234-1234-123456789012",
    ]),
    ("s3uri", _HINTS["s3uri"]),
    ("modelid", [_MODEL, _MODEL_ARN]),
    ("modelarn", [_MODEL_ARN]),
]


def _hint_candidates(member_name: str | None, shape) -> list[str]:
    out: list[str] = []
    keys = [k.lower() for k in (member_name, shape.name) if k]
    for key in keys:
        out.extend(_HINTS.get(key, []))
    for key in keys:
        for suffix, cands in _SUFFIX_HINTS:
            if key.endswith(suffix):
                out.extend(cands)
    return out


def string_value(shape, member_name: str | None = None) -> str:
    meta = shape.metadata
    if shape.enum:
        return shape.enum[0]
    for cand in _hint_candidates(member_name, shape):
        if _fits_strictly(cand, meta):
            return cand
    # Never empty unless the shape says so: an empty string is rarely meaningful and
    # cannot be sent in a URI label.
    min_len = max(meta.get("min", 0), 1)
    if "max" in meta and meta["max"] < min_len:
        min_len = meta["max"]
    if "pattern" in meta:
        return string_for_pattern(meta["pattern"], min_len, meta.get("max"))
    return _pad("a", min_len, meta.get("max"))


def _number(shape, one):
    meta = shape.metadata
    value = one
    if "min" in meta and value < meta["min"]:
        value = meta["min"]
    if "max" in meta and value > meta["max"]:
        value = meta["max"]
    return type(one)(value)


def value_for(shape, member_name: str | None = None, stack: tuple = (), at_least: int = 0):
    t = shape.type_name
    if t == "structure":
        if shape.metadata.get("document"):
            return {}
        if shape.name in stack:
            raise GenerationError(f"required members recurse through {shape.name}")
        stack = stack + (shape.name,)
        if shape.is_union if hasattr(shape, "is_union") else shape.metadata.get("union"):
            errors = []
            for name, member in shape.members.items():
                if member.metadata.get("exception") or member.serialization.get("eventstream"):
                    continue
                try:
                    return {name: value_for(member, name, stack)}
                except GenerationError as e:  # e.g. a member that recurses
                    errors.append(str(e))
            raise GenerationError(f"no generatable member in union {shape.name}: {errors}")
        out = {}
        for name in shape.required_members:
            member = shape.members[name]
            # An empty list or map bound to the query string or headers is not sent at
            # all, so a required one needs at least one entry to be present on the wire.
            at_least = 1 if member.serialization.get("location") in ("querystring", "header", "headers") else 0
            out[name] = value_for(member, name, stack, at_least)
        return out
    if t == "list":
        n = max(shape.metadata.get("min", 0), at_least)
        return [value_for(shape.member, None, stack) for _ in range(n)]
    if t == "map":
        n = max(shape.metadata.get("min", 0), at_least)
        out = {}
        for i in range(n):
            k = value_for(shape.key, "key", stack)
            if k in out:
                k = k[:-1] + chr(ord("a") + i) if k else chr(ord("a") + i)
            out[k] = value_for(shape.value, None, stack)
        return out
    if t == "string":
        return string_value(shape, member_name)
    if t in ("integer", "long"):
        return _number(shape, 1)
    if t in ("float", "double"):
        return _number(shape, 1.0)
    if t == "boolean":
        return False
    if t == "blob":
        # JSON '{}', padded with spaces (still valid JSON) up to the shape's minimum.
        return b"{}".ljust(shape.metadata.get("min", 0), b" ")
    if t == "timestamp":
        return TIMESTAMP
    raise GenerationError(f"unsupported shape type {t} ({shape.name})")


def minimal_input(operation_model) -> dict:
    shape = operation_model.input_shape
    if shape is None:
        return {}
    return value_for(shape)


# --------------------------------------------------------------------------------------
# Constraint checks botocore's ParamValidator leaves out


def constraint_violations(value, shape, path: str = "") -> list[str]:
    problems: list[str] = []
    meta = shape.metadata
    t = shape.type_name
    where = path or "<input>"
    if t == "structure" and isinstance(value, dict) and not meta.get("document"):
        for name, v in value.items():
            if name in shape.members:
                sub = f"{path}.{name}" if path else name
                problems += constraint_violations(v, shape.members[name], sub)
        if meta.get("union") and len(value) != 1:
            problems.append(f"{where}: union must have exactly one member, has {len(value)}")
    elif t == "list" and isinstance(value, list):
        if len(value) < meta.get("min", 0) or len(value) > meta.get("max", len(value)):
            problems.append(f"{where}: list length {len(value)} outside [{meta.get('min')}, {meta.get('max')}]")
        for i, v in enumerate(value):
            problems += constraint_violations(v, shape.member, f"{where}[{i}]")
    elif t == "map" and isinstance(value, dict):
        if len(value) < meta.get("min", 0) or len(value) > meta.get("max", len(value)):
            problems.append(f"{where}: map size {len(value)} outside [{meta.get('min')}, {meta.get('max')}]")
        for k, v in value.items():
            problems += constraint_violations(k, shape.key, f"{where}.<key>")
            problems += constraint_violations(v, shape.value, f"{where}.{k}")
    elif t == "string" and isinstance(value, str):
        if shape.enum and value not in shape.enum:
            problems.append(f"{where}: {value!r} not in enum")
        if len(value) < meta.get("min", 0):
            problems.append(f"{where}: {value!r} shorter than {meta['min']}")
        if "max" in meta and len(value) > meta["max"]:
            problems.append(f"{where}: {value!r} longer than {meta['max']}")
        if "pattern" in meta and not matches_pattern(value, meta["pattern"]):
            problems.append(f"{where}: {value!r} does not match {meta['pattern']!r}")
    elif t in ("integer", "long", "float", "double") and isinstance(value, (int, float)):
        if "min" in meta and value < meta["min"]:
            problems.append(f"{where}: {value} < {meta['min']}")
        if "max" in meta and value > meta["max"]:
            problems.append(f"{where}: {value} > {meta['max']}")
    elif t == "blob" and isinstance(value, (bytes, bytearray)):
        if len(value) < meta.get("min", 0) or len(value) > meta.get("max", len(value)):
            problems.append(f"{where}: blob length {len(value)} outside [{meta.get('min')}, {meta.get('max')}]")
    return problems
