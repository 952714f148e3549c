"""Shared set-up for the client-library tests (`test_lib_*.py`).

Every library is configured only with the emulator's URL and dummy credentials. The
`offline` fixture (module-scoped) puts dummy AWS credentials in the environment, turns
telemetry and tracing off, and lets sockets reach loopback addresses only; `no_network`
(autouse where imported) fails a test during which anything tried to reach another host.
Import both into a test module: `from libsupport import no_network, offline  # noqa: F401`.
Libraries are imported inside fixtures, after `offline`, so that nothing they do at import
time (litellm's cost map, for one) can reach the network either.
"""

from __future__ import annotations

import ipaddress
import math
import re
import socket

import pytest

CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0"
CLAUDE_US = "us." + CLAUDE
CLAUDE_35 = "anthropic.claude-3-5-sonnet-20240620-v1:0"
CLAUDE_37 = "anthropic.claude-3-7-sonnet-20250219-v1:0"
CLAUDE_37_US = "us." + CLAUDE_37
# Native structured outputs (Converse outputConfig.textFormat, Messages output_config.format).
CLAUDE_SONNET_45_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0"
NOVA_LITE = "amazon.nova-lite-v1:0"
TITAN_EMBED_V2 = "amazon.titan-embed-text-v2:0"
TITAN_EMBED_V1 = "amazon.titan-embed-text-v1"

ENV = {
    "AWS_ACCESS_KEY_ID": "test",
    "AWS_SECRET_ACCESS_KEY": "test",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/nonexistent/aws-config",
    "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/aws-credentials",
    "AWS_EC2_METADATA_DISABLED": "true",
    # OpenTelemetry (Strands, LiteLLM, pydantic-ai): no SDK, no exporters.
    "OTEL_SDK_DISABLED": "true",
    "OTEL_TRACES_EXPORTER": "none",
    "OTEL_METRICS_EXPORTER": "none",
    "OTEL_LOGS_EXPORTER": "none",
    # LangChain / LangSmith.
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_TRACING_V2": "false",
    # LiteLLM: the model cost map bundled in the package instead of a download.
    "LITELLM_LOCAL_MODEL_COST_MAP": "True",
    "LITELLM_MODE": "PRODUCTION",
    # Hugging Face tokenizers (LiteLLM): never ask the hub.
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "DO_NOT_TRACK": "1",
}
UNSET = [
    "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_BEARER_TOKEN_BEDROCK",
    "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK_RUNTIME", "AWS_ENDPOINT_URL_BEDROCK",
    "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL",
    "ANTHROPIC_BEDROCK_BASE_URL", "LANGSMITH_API_KEY", "LANGCHAIN_API_KEY",
    "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy",
]


class LoopbackOnly:
    """Socket connects and name look-ups for anything but loopback are refused and recorded."""

    def __init__(self) -> None:
        self.blocked: list[str] = []

    @staticmethod
    def allowed(host) -> bool:
        if host is None or host in ("", "localhost", "localhost.localdomain"):
            return True
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        try:
            return ipaddress.ip_address(str(host).split("%", 1)[0]).is_loopback
        except ValueError:
            return False

    def install(self, mp: pytest.MonkeyPatch) -> None:
        guard = self
        real_connect = socket.socket.connect
        real_connect_ex = socket.socket.connect_ex
        real_getaddrinfo = socket.getaddrinfo

        def check(sock, address) -> bool:
            if sock.family in (socket.AF_INET, socket.AF_INET6) and not guard.allowed(address[0]):
                guard.blocked.append(f"connect {address!r}")
                return False
            return True

        def connect(sock, address):
            if not check(sock, address):
                raise ConnectionRefusedError(f"test network guard: {address!r} is not loopback")
            return real_connect(sock, address)

        def connect_ex(sock, address):
            if not check(sock, address):
                return 111  # ECONNREFUSED
            return real_connect_ex(sock, address)

        def getaddrinfo(host, *args, **kwargs):
            if not guard.allowed(host):
                guard.blocked.append(f"getaddrinfo {host!r}")
                raise socket.gaierror(socket.EAI_NONAME, f"test network guard: {host!r} is not loopback")
            return real_getaddrinfo(host, *args, **kwargs)

        mp.setattr(socket.socket, "connect", connect)
        mp.setattr(socket.socket, "connect_ex", connect_ex)
        mp.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture(scope="module")
def offline():
    """Dummy AWS credentials, no telemetry, loopback-only sockets, for one test module."""
    guard = LoopbackOnly()
    with pytest.MonkeyPatch.context() as mp:
        for name, value in ENV.items():
            mp.setenv(name, value)
        for name in UNSET:
            mp.delenv(name, raising=False)
        guard.install(mp)
        yield guard


@pytest.fixture(autouse=True)
def no_network(offline):
    before = len(offline.blocked)
    yield
    tried = offline.blocked[before:]
    assert not tried, f"the library tried to reach the network: {tried}"


# --------------------------------------------------------------------------------------
# Assertion helpers


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def mentions_prompt(answer: str, prompt: str) -> bool:
    """Whether the answer uses one of the prompt's content words (3+ letters)."""
    return bool({w for w in words(prompt) if len(w) >= 3 and w not in STOPWORDS} & words(answer))


STOPWORDS = {"the", "and", "how", "why", "what", "who", "when", "where", "which", "does", "for",
             "with", "this", "that", "are", "you", "your", "tell", "about", "from", "into", "its"}


def cosine(a, b) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    return dot / (na * nb)


def check_schema(instance, schema) -> None:
    """Validates `instance` against a JSON schema (jsonschema ships with the libraries)."""
    import jsonschema

    jsonschema.validate(instance, schema)


WEATHER_SCHEMA = {
    "type": "object",
    "properties": {
        "city": {"type": "string", "description": "The city name"},
        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"], "description": "Temperature unit"},
    },
    "required": ["city", "unit"],
}
# A 1x1 PNG, for the vision content blocks.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d4944415478da63f8cfc0f01f0005000201a4d5b6a30000000049454e44ae426082")
IMAGE_PROMPT = "Describe this picture of a red square."
WEATHER_PROMPT = "What is the weather like in Oslo today?"
WEATHER_RESULT = "Sunny and 21 degrees"
