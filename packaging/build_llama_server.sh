#!/usr/bin/env bash
# Builds (once) llama.cpp's own `llama-server` from the llama.cpp source that the llama-cpp-python
# source package vendors, so the remote-engine tests run against a real third-party server of the
# same llama.cpp version as the bindings. Only the target `llama-server` is compiled, statically.
#
#   bash packaging/build_llama_server.sh [PYTHON]       (PYTHON: the .venv's, by default)
#
# Prints the binary's path on the last line of stdout. Binaries are kept per (version, flags,
# compiler) in ${XDG_CACHE_HOME:-~/.cache}/roadmap-desktop/llama-server/ (override:
# LLAMA_SERVER_CACHE); a cached one makes this a no-op of a fraction of a second. The first build
# takes 10-20 minutes on 2 cores (CMAKE_BUILD_PARALLEL_LEVEL, default: the number of cores).
# The tests find the binary in the same place (or through $ROADMAP_LLAMA_SERVER) and skip without it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY="${1:-.venv/bin/python}"
CMAKE_FLAGS=(-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF -DGGML_NATIVE=OFF
    -DGGML_OPENMP=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=ON)

say() { printf '[llama-server] %s\n' "$*" >&2; }
die() { printf '[llama-server] error: %s\n' "$*" >&2; exit 1; }

[[ -x "$PY" ]] || PY="$(command -v "$PY" 2>/dev/null)" || die "no Python at '${1:-.venv/bin/python}' (run packaging/setup.sh first)"
for tool in cc c++ cmake; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found; building llama-server needs a C/C++ compiler and cmake"
done
version="$("$PY" -c 'from importlib.metadata import version; print(version("llama-cpp-python"))' 2>/dev/null)" ||
    die "llama-cpp-python is not installed in $PY (run packaging/setup.sh first)"
flags_key="$(printf '%s\n%s\n' "${CMAKE_FLAGS[*]}" "$(c++ --version | head -1)" | sha256sum | cut -c1-12)"
CACHE="${LLAMA_SERVER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/roadmap-desktop/llama-server}"
binary="$CACHE/$version-$flags_key/llama-server"
if [[ -x "$binary" ]]; then
    say "llama-server $version: cached $binary"
    printf '%s\n' "$binary"
    exit 0
fi

mkdir -p "$CACHE"
work="$(mktemp -d "$CACHE/.building-XXXXXX")"
trap 'rm -rf -- "$work"' EXIT
log="$CACHE/llama-server-build.log"
"$PY" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: \
    "llama-cpp-python==$version" -d "$work/sdist" >&2 ||
    die "could not fetch the llama-cpp-python $version source package (is the package registry reachable?)"
sdist="$(compgen -G "$work/sdist/llama_cpp_python-*.tar.gz" | head -1)" || die "no llama-cpp-python source package"
tar -xzf "$sdist" -C "$work"
src="$(compgen -G "$work/llama_cpp_python-*/vendor/llama.cpp" | head -1)" || die "the source package has no vendor/llama.cpp"

export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}"
say "building llama-server $version: 10-20 minutes on 2 cores (CMAKE_BUILD_PARALLEL_LEVEL=$CMAKE_BUILD_PARALLEL_LEVEL; log: $log)"
started=$SECONDS
{
    cmake -S "$src" -B "$work/build" "${CMAKE_FLAGS[@]}" &&
        cmake --build "$work/build" --config Release --target llama-server
} >"$log" 2>&1 || die "building llama-server failed; see $log"
built="$(find "$work/build" -type f -name llama-server -perm -u+x | head -1)"
[[ -n "$built" ]] || die "the build made no llama-server binary; see $log"
mkdir -p "$(dirname "$binary")"
cp -f -- "$built" "$binary.tmp" && mv -f -- "$binary.tmp" "$binary"
printf '%s\n' "${CMAKE_FLAGS[*]}" >"$(dirname "$binary")/CMAKE_FLAGS"
say "built $binary in $((SECONDS - started))s"
printf '%s\n' "$binary"
