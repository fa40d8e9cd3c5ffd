#!/usr/bin/env bash
# One command builds the Linux desktop bundle: a PyInstaller one-folder app with a portable
# llama.cpp build, the Qt plugins, resources/, the default model, icons, a .desktop file, an
# install script, and a tarball beside it. Run packaging/setup.sh once first (it places the model).
#
#   bash packaging/build_bundle.sh [--out DIR] [--clean] [--no-self-test] [--wheel-only]
#
# Output: DIR/roadmap-desktop/ (the app folder) and DIR/roadmap-desktop-VERSION-linux-x86_64.tar.gz
# (DIR defaults to dist/). The portable llama-cpp-python wheel is built once per version and flag
# set into ${XDG_CACHE_HOME:-~/.cache}/roadmap-desktop/wheels/ (override: BUNDLE_WHEEL_CACHE) and
# reused by later builds. Build state (venv, PyInstaller work folder) lives in packaging/build/.
# Flags and layout: docs/desktop-bundle.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd -P)"
BUILD="$ROOT/packaging/build"
BUNDLE_SRC="$ROOT/packaging/bundle"
MODEL_FILE="SmolLM2-135M-Instruct.Q4_1.gguf"
PYINSTALLER_VERSION="6.22.3"
APP="roadmap-desktop"
# What Qt's xcb platform plugin needs beyond libxcb1/libGL, which are on every X11 desktop.
X11_BUNDLED_LIBS="libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxkbcommon-x11.so.0"
out="$ROOT/dist"
clean=0
self_test=1
wheel_only=0
while (($#)); do
    case "$1" in
        --out) out="${2:?--out needs a folder}"; shift 2 ;;
        --out=*) out="${1#--out=}"; shift ;;
        --clean) clean=1; shift ;;
        --no-self-test) self_test=0; shift ;;
        --wheel-only) wheel_only=1; shift ;;
        -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) printf '[bundle] error: unknown option %s (see --help)\n' "$1" >&2; exit 2 ;;
    esac
done
mkdir -p "$out" && out="$(cd "$out" && pwd -P)"

started=$SECONDS
step_started=$SECONDS
say() { printf '[bundle] %s\n' "$*"; }
die() { printf '[bundle] error: %s\n' "$*" >&2; exit 1; }
step() { step_started=$SECONDS; say "$*"; }
done_step() { say "  ... $1 in $((SECONDS - step_started))s"; }
size_of() { du -sh "$1" | cut -f1; }

# 0. What the build needs, checked before any slow step.
[[ "$(uname -s)" == Linux ]] || die "this script builds the Linux bundle; see packaging/windows/ and packaging/macos/"
[[ "$(uname -m)" == x86_64 ]] || die "the portable llama.cpp flags here are for x86_64 (found $(uname -m))"
DEV_PY="$ROOT/.venv/bin/python"
[[ -x "$DEV_PY" ]] || die "no .venv found; run 'bash packaging/setup.sh' first"
MODEL="$ROOT/models/$MODEL_FILE"
[[ -f "$MODEL" ]] || die "the default model $MODEL is missing; run 'bash packaging/setup.sh' first"
[[ "$(head -c 4 "$MODEL")" == GGUF ]] || die "$MODEL is not a GGUF file; delete it and run 'bash packaging/setup.sh'"
for tool in cc c++ tar gzip; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found; the llama.cpp build needs a C/C++ compiler and tar"
done
VERSION="$("$DEV_PY" -c 'import re, sys; print(re.search(r"__version__ = \"([^\"]+)\"", open(sys.argv[1]).read())[1])' \
    roadmap_desktop/__init__.py)"
LLAMA_VERSION="$("$DEV_PY" -c 'from importlib.metadata import version; print(version("llama-cpp-python"))' 2>/dev/null)" ||
    die "llama-cpp-python is not installed in .venv; run 'bash packaging/setup.sh' first"
BASE_PY="$("$DEV_PY" -c 'import sys; print(getattr(sys, "_base_executable", sys.executable))')"

mkdir -p "$BUILD"
# Two builds at once would share the venv and work folder.
exec 9>"$BUILD/.lock"
flock -n 9 || { say "another build is running; waiting for it"; flock 9; }

# 1. The portable llama-cpp-python wheel (the one packaging/setup.sh installs too), built once.
step "portable llama-cpp-python $LLAMA_VERSION"
wheel="$(bash "$ROOT/packaging/portable_llama.sh" "$DEV_PY" "llama-cpp-python==$LLAMA_VERSION" | tail -1)" ||
    die "no portable llama-cpp-python wheel (see the lines above)"
done_step "$(basename "$wheel") ($(size_of "$wheel"))"
((wheel_only)) && { say "wheel only: done in $((SECONDS - started))s"; exit 0; }

# 2. The build venv: the dev venv's versions (constraints) + the portable wheel + PyInstaller,
#    and the project itself installed non-editable from a clean copy of its sources.
VENV="$BUILD/venv"
VPY="$VENV/bin/python"
if ((clean)); then
    rm -rf -- "$VENV" "$BUILD/work" "$BUILD/src"
fi
step "preparing the build venv ($VENV)"
if ! "$VPY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
    rm -rf -- "$VENV"
    "$BASE_PY" -m venv "$VENV" || die "'$BASE_PY -m venv' failed"
fi
"$DEV_PY" -m pip freeze --disable-pip-version-check --exclude-editable |
    grep -viE '^(llama[-_]cpp[-_]python|roadmap[-_]desktop)[=@ ]' >"$BUILD/constraints.txt"
pip_quiet=(--quiet --disable-pip-version-check --progress-bar off)
"$VPY" -m pip install "${pip_quiet[@]}" -c "$BUILD/constraints.txt" "$wheel" "pyinstaller==$PYINSTALLER_VERSION" ||
    die "installing the build tools failed (is the package registry reachable?)"
rm -rf -- "$BUILD/src" && mkdir -p "$BUILD/src"
tar -C "$ROOT" --exclude=__pycache__ -cf - pyproject.toml README.md roadmap_desktop | tar -C "$BUILD/src" -xf -
"$VPY" -m pip install "${pip_quiet[@]}" -c "$BUILD/constraints.txt" "$BUILD/src" ||
    die "installing roadmap-desktop into the build venv failed"
"$VPY" -m pip install "${pip_quiet[@]}" --no-deps --force-reinstall "$BUILD/src" >/dev/null ||
    die "reinstalling roadmap-desktop into the build venv failed"
rm -rf -- "$BUILD/src"
done_step "ready"

# 3. PyInstaller, one-folder mode.
step "running PyInstaller $PYINSTALLER_VERSION"
dist_tmp="$BUILD/dist"
rm -rf -- "$dist_tmp"
(
    cd "$BUILD" &&
        ROADMAP_DESKTOP_ROOT="$ROOT" "$VPY" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist_tmp" \
            --workpath "$BUILD/work" "$BUNDLE_SRC/$APP.spec"
) >"$BUILD/pyinstaller.log" 2>&1 || die "PyInstaller failed; see $BUILD/pyinstaller.log"
app_dir="$dist_tmp/$APP"
[[ -x "$app_dir/$APP" ]] || die "PyInstaller made no $app_dir/$APP; see $BUILD/pyinstaller.log"
done_step "done"

# 4. The model, the desktop files, and duplicate libraries made links (wheels cannot hold links).
step "adding the model, icons, .desktop file and install script"
internal="$app_dir/_internal"
mkdir -p "$internal/models"
cp -- "$MODEL" "$internal/models/$MODEL_FILE"
cp -- "$BUNDLE_SRC/$APP.desktop" "$BUNDLE_SRC/install.sh" "$app_dir/"
chmod +x "$app_dir/install.sh"
mkdir -p "$app_dir/icons"
cp -- "$ROOT/resources/icons/$APP.svg" "$app_dir/icons/"
cp -- "$BUNDLE_SRC"/icons/"$APP"-*.png "$app_dir/icons/"
# The version replaces @VERSION@, and the heading's underline is made as long as the heading.
sed "s/@VERSION@/$VERSION/g" "$BUNDLE_SRC/README.txt" |
    awk 'NR == 1 {title = $0} NR == 2 && /^=+$/ {gsub(/./, "=", title); print title; next} {print}' >"$app_dir/README.txt"
cp -- "$(dirname "$wheel")/CMAKE_ARGS" "$app_dir/LLAMA_BUILD_FLAGS.txt"
llama_lib="$internal/llama_cpp/lib"
[[ -d "$llama_lib" ]] || die "PyInstaller did not collect llama_cpp/lib; see $BUILD/pyinstaller.log"
(
    cd "$llama_lib"
    for lib in lib*.so; do  # libllama.so (what llama_cpp loads) and libllama.so.0 (its soname) are copies
        soname="$(compgen -G "$lib.[0-9]*" | sort | head -1 || true)"
        if [[ -n "$soname" && -f "$lib" && ! -L "$lib" ]] && cmp -s -- "$lib" "$soname"; then
            ln -sf -- "$soname" "$lib"
        fi
    done
)
done_step "done"

# 5. Portability: no OpenMP runtime, no AVX-512 (zmm registers) in the llama.cpp libraries.
step "checking the llama.cpp libraries are portable"
for lib in "$llama_lib"/lib*.so; do
    real="$(readlink -f "$lib")"
    if ldd "$real" 2>/dev/null | grep -qiE 'libgomp|libomp|libiomp'; then
        die "$(basename "$real") links an OpenMP runtime; the wheel was not built with the flags in packaging/portable_llama.sh"
    fi
    if command -v objdump >/dev/null 2>&1; then
        zmm="$(objdump -d --no-show-raw-insn "$real" | grep -c '%zmm' || true)"
        ((zmm == 0)) || die "$(basename "$real") has $zmm AVX-512 instructions; it would crash on CPUs without AVX-512"
    fi
done
if command -v objdump >/dev/null 2>&1; then
    say "  no libgomp, no AVX-512 (zmm) instructions in $(find "$llama_lib" -name 'lib*.so' -type l -o -name 'lib*.so' -type f | wc -l) libraries"
else
    say "  no libgomp (objdump not found: AVX-512 check skipped)"
fi
done_step "done"

# 5b. Qt's X11 window: the xcb helper libraries come from the build machine (PySide6's wheels lack
#     them; many desktops lack libxcb-cursor0) and go into _internal/, so users need none of them.
step "checking the X11 platform plugin's libraries are in the bundle"
qxcb="$internal/PySide6/Qt/plugins/platforms/libqxcb.so"
[[ -f "$qxcb" ]] || die "PyInstaller did not collect Qt's xcb platform plugin; see $BUILD/pyinstaller.log"
for lib in $X11_BUNDLED_LIBS; do
    [[ -e "$internal/$lib" ]] || die "$lib was not collected into the bundle; install it on this machine first" \
        "(Debian/Ubuntu: sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0)"
done
missing="$(LD_LIBRARY_PATH="$internal" ldd "$qxcb" 2>/dev/null | awk '/not found/ {print $1}' | tr '\n' ' ')"
[[ -z "$missing" ]] || die "Qt's xcb platform plugin cannot find: $missing"
say "  $(wc -w <<<"$X11_BUNDLED_LIBS") xcb helper libraries inside; from the system only glibc, libxcb1, libGL/libEGL"
done_step "done"

# 6. Into place, then the tarball.
final="$out/$APP"
rm -rf -- "$final"
mv -- "$app_dir" "$final"
tarball="$out/$APP-$VERSION-linux-x86_64.tar.gz"
step "writing $tarball"
tar -C "$out" -cf - "$APP" | gzip -6 >"$tarball.tmp"
mv -f -- "$tarball.tmp" "$tarball"
done_step "$(size_of "$tarball")"

if ((self_test)); then
    step "running the bundle's self-test (clean environment, offscreen)"
    st_home="$(mktemp -d)"
    env -i PATH=/usr/bin:/bin HOME="$st_home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$final/$APP" --self-test ||
        { rm -rf -- "$st_home"; die "the bundle's self-test failed (output above)"; }
    rm -rf -- "$st_home"
    done_step "passed"
fi

say "bundle: $final ($(size_of "$final")); tarball: $tarball ($(size_of "$tarball"))"
say "done in $((SECONDS - started))s"
