#!/usr/bin/env bash
# Build, sign, notarise and pack the macOS app (Roadmap Desktop.app in a .dmg). Run on a Mac from the
# repository root after `bash packaging/setup.sh`. Not buildable on Linux; see docs/desktop-bundle.md.
#
#   bash packaging/macos/build_macos.sh
#
# Environment: TARGET_ARCH (arm64 default, or x86_64: build each on its own kind of Mac),
# CODESIGN_IDENTITY ("Developer ID Application: NAME (TEAMID)"; unset = ad-hoc signed, for local tests only),
# NOTARY_PROFILE (a `xcrun notarytool store-credentials` profile; unset = not notarised).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$(pwd -P)"
BUILD="$ROOT/packaging/build"
ARCH="${TARGET_ARCH:-$(uname -m)}"
export TARGET_ARCH="$ARCH"
die() { printf '[macos] error: %s\n' "$*" >&2; exit 1; }
[[ "$(uname -s)" == Darwin ]] || die "run this on macOS"
[[ -f models/SmolLM2-135M-Instruct.Q4_1.gguf ]] || die "the default model is missing; run 'bash packaging/setup.sh' first"
VERSION="$(.venv/bin/python -c 'import roadmap_desktop; print(roadmap_desktop.__version__)')"
LLAMA_VERSION="$(.venv/bin/python -c 'from importlib.metadata import version; print(version("llama-cpp-python"))')"

# 1. Portable llama-cpp-python. Apple Silicon: Metal on (llama-cpp-python's default there), no native tuning.
#    Intel Macs: llama-cpp-python itself forces AVX/AVX2/FMA/F16C off, so it runs on every Intel Mac.
#    Apple clang has no OpenMP; GGML_OPENMP=OFF says so explicitly. 12.0 = the oldest macOS we support.
export CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_OPENMP=OFF -DGGML_METAL=$([[ $ARCH == arm64 ]] && echo ON || echo OFF) \
-DLLAVA_BUILD=OFF -DLLAMA_CURL=OFF -DCMAKE_OSX_ARCHITECTURES=$ARCH -DCMAKE_OSX_DEPLOYMENT_TARGET=12.0"
export MACOSX_DEPLOYMENT_TARGET=12.0
WHEELS="$HOME/Library/Caches/roadmap-desktop/wheels/$LLAMA_VERSION-$ARCH"
if ! compgen -G "$WHEELS/llama_cpp_python-*.whl" >/dev/null; then
    .venv/bin/python -m pip wheel --no-cache-dir --no-deps --no-binary llama-cpp-python \
        "llama-cpp-python==$LLAMA_VERSION" -w "$WHEELS"
fi
WHEEL="$(compgen -G "$WHEELS/llama_cpp_python-*.whl" | head -1)"

# 2. Build venv and PyInstaller (the spec signs every binary when CODESIGN_IDENTITY is set).
[[ -x "$BUILD/venv/bin/python" ]] || python3.11 -m venv "$BUILD/venv"
.venv/bin/python -m pip freeze --exclude-editable | grep -viE '^(llama[-_]cpp[-_]python|roadmap[-_]desktop)' \
    >"$BUILD/constraints.txt"
"$BUILD/venv/bin/python" -m pip install -c "$BUILD/constraints.txt" "$WHEEL" "pyinstaller==6.22.3" "$ROOT"
ROADMAP_DESKTOP_ROOT="$ROOT" "$BUILD/venv/bin/python" -m PyInstaller --noconfirm --distpath "$BUILD/dist" \
    --workpath "$BUILD/work" packaging/macos/roadmap-desktop.spec
APP="$BUILD/dist/Roadmap Desktop.app"
"$APP/Contents/MacOS/roadmap-desktop" --self-test || die "the self-test failed"

# 3. Sign the whole bundle with the hardened runtime (required for notarisation), then check it.
if [[ -n "${CODESIGN_IDENTITY:-}" ]]; then
    codesign --force --options runtime --timestamp --entitlements packaging/macos/entitlements.plist \
        --sign "$CODESIGN_IDENTITY" "$APP"
    codesign --verify --strict --verbose=2 "$APP"
fi

# 4. The .dmg: the app and a link to /Applications, to drag it across.
DMG="$ROOT/dist/roadmap-desktop-$VERSION-macos-$ARCH.dmg"
STAGE="$BUILD/dmg"
rm -rf "$STAGE" && mkdir -p "$STAGE" "$ROOT/dist"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "Roadmap Desktop" -srcfolder "$STAGE" -fs HFS+ -format UDZO "$DMG"
[[ -n "${CODESIGN_IDENTITY:-}" ]] && codesign --force --timestamp --sign "$CODESIGN_IDENTITY" "$DMG"

# 5. Notarise and staple, so Gatekeeper opens it offline on first launch without a warning.
if [[ -n "${NOTARY_PROFILE:-}" ]]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
fi
echo "built $DMG"
