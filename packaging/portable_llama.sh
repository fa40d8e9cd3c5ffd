#!/usr/bin/env bash
# Builds (once) the portable llama-cpp-python wheel that both the development set-up and the desktop
# bundle install, so the tests run the same llama.cpp build that users get, and it compiles once.
#
#   bash packaging/portable_llama.sh PYTHON REQUIREMENT     e.g. .venv/bin/python 'llama-cpp-python==0.3.36'
#
# Prints the wheel's path on the last line of stdout. Wheels are kept per (version, flags, compiler)
# in ${XDG_CACHE_HOME:-~/.cache}/roadmap-desktop/wheels/ (override: BUNDLE_WHEEL_CACHE); pip's own
# wheel cache is bypassed because it does not key on CMAKE_ARGS and would hand back a native build.
# The flags and why: docs/desktop-bundle.md.
set -euo pipefail

PY="${1:?usage: portable_llama.sh PYTHON REQUIREMENT}"
REQUIREMENT="${2:?usage: portable_llama.sh PYTHON REQUIREMENT}"
# The portable CPU baseline: x86-64-v3 (Haswell 2013+, Zen 1+) without -march=native, no AVX-512,
# no OpenMP (ggml's own thread pool instead; OpenMP drags in libgomp / a DLL on Windows), no mtmd
# (the multimodal library: the app never uses it).
LLAMA_CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_BMI2=ON -DGGML_FMA=ON \
-DGGML_F16C=ON -DGGML_AVX_VNNI=OFF -DGGML_AVX512=OFF -DGGML_OPENMP=OFF -DGGML_CPU_ALL_VARIANTS=OFF \
-DGGML_BACKEND_DL=OFF -DLLAVA_BUILD=OFF -DLLAMA_CURL=OFF"

say() { printf '[llama] %s\n' "$*" >&2; }
die() { printf '[llama] error: %s\n' "$*" >&2; exit 1; }

[[ "$(uname -m)" == x86_64 ]] || die "the portable llama.cpp flags here are for x86_64 (found $(uname -m))"
for tool in cc c++; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found; building llama.cpp needs a C/C++ compiler"
done
flags_key="$(printf '%s\n%s\n' "$LLAMA_CMAKE_ARGS" "$(cc --version | head -1)" | sha256sum | cut -c1-12)"
WHEEL_CACHE="${BUNDLE_WHEEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/roadmap-desktop/wheels}"
mkdir -p "$WHEEL_CACHE"
work="$(mktemp -d "$WHEEL_CACHE/.building-XXXXXX")"
trap 'rm -rf -- "$work"' EXIT

version="${REQUIREMENT##*==}"
if [[ "$version" == "$REQUIREMENT" ]]; then  # a range: the source package pip picks names the version
    "$PY" -m pip download --quiet --disable-pip-version-check --no-deps --no-binary :all: "$REQUIREMENT" \
        -d "$work/sdist" >&2 || die "could not fetch $REQUIREMENT (is the package registry reachable?)"
    sdist="$(compgen -G "$work/sdist/llama_cpp_python-*" | head -1)" || die "no llama-cpp-python source package"
    version="$(basename "$sdist" | sed -E 's/^llama_cpp_python-([0-9][^-]*)\.(tar\.gz|zip)$/\1/')"
    source="$sdist"
else
    source="llama-cpp-python==$version"
fi
WHEELHOUSE="$WHEEL_CACHE/$version-$flags_key"
wheel="$(compgen -G "$WHEELHOUSE/llama_cpp_python-$version-*.whl" | head -1 || true)"
if [[ -n "$wheel" ]]; then
    say "portable llama-cpp-python $version: cached $wheel"
else
    export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc 2>/dev/null || echo 2)}"
    say "building portable llama-cpp-python $version: about 5-10 minutes on 2 cores" \
        "(CMAKE_BUILD_PARALLEL_LEVEL=$CMAKE_BUILD_PARALLEL_LEVEL; log: $WHEEL_CACHE/llama-wheel.log)"
    started=$SECONDS
    CMAKE_ARGS="$LLAMA_CMAKE_ARGS" FORCE_CMAKE=1 "$PY" -m pip wheel --quiet --disable-pip-version-check \
        --no-cache-dir --no-deps --no-binary llama-cpp-python "$source" -w "$work/wheel" \
        >"$WHEEL_CACHE/llama-wheel.log" 2>&1 || die "building llama-cpp-python failed; see $WHEEL_CACHE/llama-wheel.log"
    mkdir -p "$WHEELHOUSE"
    printf '%s\n' "$LLAMA_CMAKE_ARGS" >"$WHEELHOUSE/CMAKE_ARGS"
    mv -f -- "$work"/wheel/llama_cpp_python-*.whl "$WHEELHOUSE/"
    wheel="$(compgen -G "$WHEELHOUSE/llama_cpp_python-$version-*.whl" | head -1)"
    say "built $(basename "$wheel") in $((SECONDS - started))s"
fi
printf '%s\n' "$wheel"
