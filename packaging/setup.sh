#!/usr/bin/env bash
# One idempotent set-up command for a fresh clone: .venv, the project installed editable with its
# test extra, and the bundled models under models/. Safe to run again: a run with nothing to do
# takes a few seconds. Set-up time is the only time anything is downloaded.
#
#   bash packaging/setup.sh            (from any directory)
#
# Environment: SETUP_PYTHON=/path/to/python picks the interpreter for a new .venv;
# SETUP_VERBOSE=1 shows pip's full output.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd -P)"
VENV="$ROOT/.venv"
VPY="$VENV/bin/python"
STAMP="$VENV/.roadmap-desktop-install"
started=$SECONDS

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

is_py311() {  # usable: runs, is >= 3.11 and has venv + ensurepip
    "$1" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

pick_python() {
    local candidate
    for candidate in ${SETUP_PYTHON:-} python3.11 python3.12 python3; do
        if command -v "$candidate" >/dev/null 2>&1 && is_py311 "$candidate"; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

venv_ok() {
    [[ -x "$VPY" ]] && "$VPY" -c 'import sys, pip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1
}

# 1. The virtual environment.
if venv_ok; then
    say "using $VENV ($("$VPY" -V 2>&1))"
else
    if [[ -e "$VENV" ]]; then
        say "$VENV is broken or too old; recreating it"
        rm -rf -- "$VENV"
    fi
    python="$(pick_python)" || die "no Python >= 3.11 with venv support found (tried ${SETUP_PYTHON:+$SETUP_PYTHON, }python3.11, python3.12, python3); install one or set SETUP_PYTHON"
    say "creating $VENV with $python ($("$python" -V 2>&1))"
    "$python" -m venv "$VENV" || die "'$python -m venv' failed"
fi

# 2. The project, editable, with its test extra; skipped when pyproject.toml is unchanged.
pip_quiet=(--quiet)
[[ "${SETUP_VERBOSE:-0}" == 1 ]] && pip_quiet=()
want="$("$VPY" -c 'import hashlib, sys; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest())') $ROOT"
installed_ok() {
    [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]] || return 1
    "$VPY" - <<'EOF' >/dev/null 2>&1
import importlib.util, sys
names = ("roadmap_desktop", "PySide6", "llama_cpp", "pytest", "pytestqt", "hypothesis")
sys.exit(any(importlib.util.find_spec(name) is None for name in names))
EOF
}
if installed_ok; then
    say "dependencies up to date (pyproject.toml unchanged since the last install)"
else
    rm -f -- "$STAMP"
    say "upgrading pip"
    "$VPY" -m pip install "${pip_quiet[@]}" --disable-pip-version-check --upgrade pip
    jobs="$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)"
    export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$jobs}"
    say "installing roadmap-desktop (editable) with its test extra"
    if ! "$VPY" -c 'import importlib.util as u, sys; sys.exit(u.find_spec("llama_cpp") is None)' 2>/dev/null; then
        if [[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]]; then
            # The portable build the desktop bundle ships (no -march=native, no OpenMP): the tests run
            # what users get, and the bundle reuses the wheel instead of compiling llama.cpp again.
            requirement="$("$VPY" -c 'import tomllib
deps = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
print(next(d for d in deps if d.startswith("llama-cpp-python")))')"
            say "the first install compiles llama-cpp-python ($requirement) from source: about 5 minutes on" \
                "2 cores; the wheel is kept for later runs and for the desktop bundle"
            wheel="$(bash packaging/portable_llama.sh "$VPY" "$requirement" | tail -1)" ||
                die "building llama-cpp-python failed (see the lines above)"
            "$VPY" -m pip install "${pip_quiet[@]}" --disable-pip-version-check --progress-bar off "$wheel"
        else
            say "the first install compiles llama-cpp-python from source: about 5 minutes on 2 cores" \
                "(CMAKE_BUILD_PARALLEL_LEVEL=$CMAKE_BUILD_PARALLEL_LEVEL); pip caches the wheel for later runs"
        fi
    fi
    "$VPY" -m pip install "${pip_quiet[@]}" --disable-pip-version-check --progress-bar off -e '.[test,server]'
    printf '%s\n' "$want" >"$STAMP.tmp" && mv -f -- "$STAMP.tmp" "$STAMP"
    say "installed $("$VPY" -c 'from importlib.metadata import version as v
print(", ".join(f"{name} {v(name)}" for name in ("PySide6", "llama-cpp-python")))')"
fi

# 3. The models (SmolLM2-135M, the default, and Gemma-3-270M): verified, atomic, skipped when present.
"$VPY" packaging/install_model.py --gemma

# 4. llama.cpp's own llama-server, for the tests against a real third-party model server
#    (tests/llm/test_llama_server.py skips without it). Optional: built in CI (CI=true) or with
#    SETUP_LLAMA_SERVER=1, then cached, so a later run takes a fraction of a second; a failed build
#    is a warning, not a failed set-up.
if [[ -n "$(compgen -G "${LLAMA_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/roadmap-desktop/llama-server}/*/llama-server" || true)" ||
    "${SETUP_LLAMA_SERVER:-}" == 1 || ( "${CI:-}" == true && "${SETUP_LLAMA_SERVER:-}" != 0 ) ]]; then
    bash packaging/build_llama_server.sh "$VPY" >/dev/null ||
        say "warning: building llama-server failed; the tests against it will be skipped"
else
    say "note: SETUP_LLAMA_SERVER=1 also builds llama.cpp's llama-server for the real-server tests (10-20 minutes, once)"
fi

# 5. A real window on Linux needs X11/xcb libraries that Qt's wheels do not ship (tests run offscreen).
if [[ "$(uname -s)" == Linux ]] && command -v ldconfig >/dev/null 2>&1; then
    missing_x11_libs() {
        missing=()
        for lib in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxkbcommon-x11.so.0; do
            ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("$lib")
        done
    }
    missing_x11_libs
    packages=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0)
    # As root on Debian/Ubuntu they are installed here (small; the desktop bundle's build copies them
    # into the bundle, so users need none of them); anyone else is told the command.
    if ((${#missing[@]})) && ((EUID == 0)) && command -v apt-get >/dev/null 2>&1 && [[ -z "${ROADMAP_SETUP_NO_APT:-}" ]]; then
        say "installing the X11 libraries Qt's window needs: ${packages[*]}"
        export DEBIAN_FRONTEND=noninteractive
        if ! apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1; then
            apt-get update -qq >/dev/null 2>&1 || true
            apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null 2>&1 ||
                say "warning: apt-get could not install them"
        fi
        missing_x11_libs
    fi
    if ((${#missing[@]})); then
        say "note: to open the window on an X11 desktop Qt also needs: ${missing[*]}"
        say "      (Debian/Ubuntu: sudo apt-get install ${packages[*]})"
    fi
fi

# 5. The phone page's browser test (tests/collab/test_phone_page.py) drives headless Chromium; without it
# the test is skipped with that reason. Installed as root on Debian/Ubuntu only for CI (CI=true) or when
# asked (ROADMAP_SETUP_BROWSER=1): a browser is a large download nobody needs to run the app.
if [[ -n "${CI:-}${ROADMAP_SETUP_BROWSER:-}" ]] && ! { command -v chromedriver >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1; }; then
    if ((EUID == 0)) && command -v apt-get >/dev/null 2>&1 && [[ -z "${ROADMAP_SETUP_NO_APT:-}" ]]; then
        say "installing Chromium and its driver for the phone page's browser test"
        export DEBIAN_FRONTEND=noninteractive
        if ! apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null 2>&1; then
            apt-get update -qq >/dev/null 2>&1 || true
            apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null 2>&1 ||
                say "warning: apt-get could not install chromium chromium-driver (the browser test will be skipped)"
        fi
    else
        say "note: the phone page's browser test needs chromium and chromium-driver (it is skipped without them)"
    fi
fi

say "done in $((SECONDS - started))s; run the app with .venv/bin/roadmap-desktop, the tests with .venv/bin/python -m pytest"
