"""Fixtures that run the built `bedrock-emulator` binary for the SDK tests.

The binary is taken from `$BEDROCK_EMULATOR_BIN`, else `<repo>/.build/debug/bedrock-emulator`.
These fixtures never build it: `tools/run-tests` does, then points the variable at it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import boto3
import botocore.config
import pytest

REPO = Path(__file__).resolve().parents[2]
READY_RX = re.compile(r"^bedrock-emulator listening on (http://(\S+):(\d+))\s*$")
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0

SWEEP_STATS = pytest.StashKey[dict]()


def emulator_binary() -> Path:
    env = os.environ.get("BEDROCK_EMULATOR_BIN")
    path = Path(env).resolve() if env else REPO / ".build" / "debug" / "bedrock-emulator"
    if not path.is_file() or not os.access(path, os.X_OK):
        pytest.fail(
            f"bedrock-emulator binary not found or not executable at {path}; "
            "run tools/run-tests (which builds it) or set BEDROCK_EMULATOR_BIN",
            pytrace=False,
        )
    return path


class Emulator:
    """One running emulator process. `.url`, `.port`, `.client(service, **config)`."""

    def __init__(self, *args: str):
        self.args = list(args)
        self.binary = emulator_binary()
        self._stderr = tempfile.TemporaryFile(mode="w+b")
        self._stdout_lines: list[str] = []
        self.proc: subprocess.Popen | None = None
        self.url = ""
        self.host = ""
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> "Emulator":
        cmd = [str(self.binary), "--port", "0", "--host", "127.0.0.1", *self.args]
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            cwd=tempfile.gettempdir(),
        )
        ready = threading.Event()
        found: dict[str, str] = {}

        def pump() -> None:
            # Keep draining stdout for the whole life of the process so it never blocks.
            assert self.proc is not None and self.proc.stdout is not None
            for raw in self.proc.stdout:
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                self._stdout_lines.append(line)
                m = READY_RX.match(line)
                if m and not ready.is_set():
                    found.update(url=m.group(1), host=m.group(2), port=m.group(3))
                    ready.set()
            ready.set()  # EOF: the process is gone (or closed stdout)

        threading.Thread(target=pump, name="emulator-stdout", daemon=True).start()
        deadline = time.monotonic() + START_TIMEOUT
        ready.wait(START_TIMEOUT)
        if not found:
            exited = self.proc.poll()
            if exited is None:
                self._kill()
            why = (
                f"exited with status {exited}"
                if exited is not None
                else f"printed no listening line within {START_TIMEOUT:.0f} s"
                if time.monotonic() >= deadline
                else "closed stdout without a listening line"
            )
            pytest.fail(
                f"bedrock-emulator {' '.join(cmd[1:])} {why}.\n"
                f"stdout:\n{self.stdout}\nstderr:\n{self.stderr}",
                pytrace=False,
            )
        self.url, self.host, self.port = found["url"], found["host"], int(found["port"])
        return self

    def stop(self) -> int:
        """SIGTERM, then SIGKILL after STOP_TIMEOUT s. Returns the exit status."""
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self._kill()
                raise AssertionError(
                    f"bedrock-emulator did not exit within {STOP_TIMEOUT:.0f} s of SIGTERM; killed.\n"
                    f"stderr:\n{self.stderr[-4000:]}"
                )
        return self.proc.returncode

    def _kill(self) -> None:
        assert self.proc is not None
        self.proc.kill()
        self.proc.wait()

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def stdout(self) -> str:
        return "\n".join(self._stdout_lines)

    @property
    def stderr(self) -> str:
        self._stderr.flush()
        self._stderr.seek(0)
        return self._stderr.read().decode("utf-8", "replace")

    # -- clients -----------------------------------------------------------------------

    def client(self, service_name: str, **config):
        options = {"retries": {"max_attempts": 1}, "read_timeout": 30, "connect_timeout": 10}
        options.update(config)
        return boto3.session.Session().client(
            service_name,
            endpoint_url=self.url,
            region_name="us-east-1",
            aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="secret",
            config=botocore.config.Config(**options),
        )


def _stop_and_check(emu: Emulator) -> None:
    status = emu.stop()
    assert status == 0, (
        f"bedrock-emulator exited with status {status} after SIGTERM (expected 0).\n"
        f"stderr:\n{emu.stderr[-4000:]}"
    )


@pytest.fixture(scope="session")
def emulator():
    """The shared emulator for the whole session (in-memory, default flags)."""
    emu = Emulator().start()
    yield emu
    _stop_and_check(emu)


@pytest.fixture
def start_emulator():
    """Factory: `start_emulator('--auth', 'strict')` starts another emulator with extra
    flags; every one started is stopped (and checked for a clean exit) after the test."""
    started: list[Emulator] = []

    def start(*args: str) -> Emulator:
        emu = Emulator(*args).start()
        started.append(emu)
        return emu

    yield start
    errors = []
    for emu in started:
        try:
            _stop_and_check(emu)
        except AssertionError as e:
            errors.append(str(e))
    assert not errors, "\n".join(errors)


# --------------------------------------------------------------------------------------
# Sweep summary


def pytest_configure(config):
    config.stash[SWEEP_STATS] = {}


def record_sweep_outcome(config, test_id: str, outcome: str, detail: str = "") -> None:
    config.stash[SWEEP_STATS][test_id] = (outcome, detail)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    stats: dict = config.stash.get(SWEEP_STATS, {})
    if not stats:
        return
    counts: dict[str, int] = {}
    for outcome, _ in stats.values():
        counts[outcome] = counts.get(outcome, 0) + 1
    order = ["2xx", "modeled error", "NotImplemented", "failed"]
    parts = [f"{counts.get(k, 0)} {k}" for k in order]
    parts += [f"{v} {k}" for k, v in sorted(counts.items()) if k not in order]
    terminalreporter.section("operation sweep")
    terminalreporter.write_line(f"{len(stats)} operations called: " + ", ".join(parts))
    by_code: dict[str, int] = {}
    for outcome, detail in stats.values():
        if outcome == "modeled error":
            code = detail.split(":", 1)[0]
            by_code[code] = by_code.get(code, 0) + 1
    if by_code:
        terminalreporter.write_line(
            "modeled errors by code: " + ", ".join(f"{k} {v}" for k, v in sorted(by_code.items())))
    # A ValidationException for an input that is valid by the model is suspicious: list them.
    for tid, (outcome, detail) in sorted(stats.items()):
        if outcome == "modeled error" and "ValidationException" in detail.split(":", 1)[0]:
            terminalreporter.write_line(f"  {tid}: {detail}")
