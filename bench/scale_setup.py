"""Setting up ``bench/scale.py``: its corpora and the peer tools, each step skipped when done.

Corpora are generated with ``sample_logs/generate.py`` into ``bench/out/`` (git-ignored);
ccusage is installed with npm and frugon in its own venv under ``bench/out/tools/``. A tool
that fails to install is reported in one line and its row skipped.
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path

from scale_timing import OUT

ROOT = Path(__file__).resolve().parent.parent
TOOLS = OUT / "tools"
PY = sys.executable
GENERATE = str(ROOT / "sample_logs" / "generate.py")
# ccusage 20.0.26 (the newest) installs without its linux-x64 native package, which the
# registry does not have, and then refuses to run; 20.0.24 is the newest that runs here.
CCUSAGE = "ccusage@20.0.24"
FRUGON = "frugon==0.2.6"


def corpus(name: str, requests: int, formats: list[str] | None, bad_lines: bool = False) -> Path:
    """``bench/out/NAME-REQUESTS/logs``, generated once (all formats when ``formats`` is None)."""
    folder = OUT / f"{name}-{requests}"
    done = folder / ".done"
    if done.exists():
        return folder / "logs"
    shutil.rmtree(folder, ignore_errors=True)
    print(f"  generating {requests:,} requests of {name} into {folder.relative_to(ROOT)} ...",
          flush=True)
    cmd = [PY, GENERATE, "--out", str(folder), "--requests", str(requests), "--no-gzip"]
    if formats:
        cmd += ["--formats", ",".join(formats)]
    if not bad_lines:
        cmd.append("--no-bad-lines")  # the bare reader fails on a corrupt line
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    done.touch()
    return folder / "logs"


def install(name: str, cmds: list[list[str]]) -> bool:
    """Run install commands, output to bench/out/tools/NAME-install.log; one line on failure."""
    TOOLS.mkdir(parents=True, exist_ok=True)
    log = TOOLS / f"{name}-install.log"
    print(f"  installing {name} (log: {log.relative_to(ROOT)}) ...", flush=True)
    with open(log, "w") as f:
        for cmd in cmds:
            try:
                done = subprocess.run(cmd, check=False, stdout=f, stderr=subprocess.STDOUT)
                if done.returncode != 0:
                    raise OSError(f"{cmd[0]} exited {done.returncode}")
            except OSError as e:
                print(f"  {name} did not install ({e}; see {log.relative_to(ROOT)}): skipping")
                return False
    return True


def works(cmd: list[str]) -> bool:
    try:
        return subprocess.run(cmd, check=False, capture_output=True, timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def ensure_ccusage() -> Path | None:
    prefix = TOOLS / "ccusage"
    binary = prefix / "node_modules" / ".bin" / "ccusage"
    if not works([str(binary), "--version"]):
        shutil.rmtree(prefix, ignore_errors=True)
        if not install("ccusage", [["npm", "install", "--prefix", str(prefix), CCUSAGE]]):
            return None
        if not works([str(binary), "--version"]):
            print(f"  ccusage installed but `{binary} --version` fails: skipping its row")
            return None
    return binary


def ensure_frugon() -> Path | None:
    venv = TOOLS / "frugon-venv"
    binary = venv / "bin" / "frugon"
    if not works([str(binary), "--version"]):
        shutil.rmtree(venv, ignore_errors=True)
        if not install("frugon", [[sys.executable, "-m", "venv", str(venv)],
                                  [str(venv / "bin" / "pip"), "install", FRUGON]]):
            return None
    return binary


def frugon_demo_log(frugon: Path) -> Path:
    """The demo log shipped inside the frugon package."""
    code = ("import frugon, pathlib;"
            " print(pathlib.Path(frugon.__file__).parent / 'data' / 'sample_logs.jsonl.gz')")
    out = subprocess.run([str(frugon.parent / "python"), "-c", code], check=True,
                         capture_output=True, text=True)
    return Path(out.stdout.strip())


def decompressed(gz: Path, dest: Path) -> Path:
    if not dest.exists():
        dest.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(gz) as src, open(dest.with_suffix(".tmp"), "wb") as out:
            shutil.copyfileobj(src, out)
        dest.with_suffix(".tmp").rename(dest)
    return dest


def claude_config_dir(folder: Path) -> Path:
    """``FOLDER/claude`` with ``projects -> ../logs/claude_code``, for CLAUDE_CONFIG_DIR."""
    config = folder / "claude"
    projects = config / "projects"
    if not projects.is_symlink():
        config.mkdir(parents=True, exist_ok=True)
        projects.symlink_to(Path("..") / "logs" / "claude_code")
    return config


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment with HOME moved to an empty folder, so a peer sees no real user data."""
    home.mkdir(parents=True, exist_ok=True)
    # ccusage also reads other agents' folders (CODEX_HOME, GEMINI_DATA_DIR, XDG_*_HOME, ...)
    dropped = ("CLAUDE_CONFIG_DIR", "FRUGON_REPORT_PATH")
    env = {k: v for k, v in os.environ.items()
           if not k.endswith(("_DATA_DIR", "_HOME")) and k not in dropped}
    return {**env, "HOME": str(home), "NO_COLOR": "1", **extra}
