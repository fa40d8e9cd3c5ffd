#!/usr/bin/env bash
# Install Roadmap Desktop for the current user (no root needed), or remove it again.
#
#   ./install.sh               copy this folder to ~/.local/opt/roadmap-desktop, add the menu entry,
#                              the icons, the .roadmap file type and ~/.local/bin/roadmap-desktop
#   ./install.sh --uninstall   remove all of that (projects and settings are kept)
#
# Environment: PREFIX (default ~/.local) changes where everything goes.
set -euo pipefail

APP="roadmap-desktop"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
PREFIX="${PREFIX:-$HOME/.local}"
DATA="$PREFIX/share"
OPT="$PREFIX/opt/$APP"
BIN="$PREFIX/bin/$APP"
DESKTOP="$DATA/applications/$APP.desktop"
MIME="$DATA/mime/packages/$APP.xml"
ICONS="$DATA/icons/hicolor"
SIZES=(16 24 32 48 64 128 256 512)

say() { printf '%s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

refresh_caches() {  # each is optional: desktops pick the files up on next login without them
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" >/dev/null 2>&1 || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t -f "$ICONS" 2>/dev/null || true
}

uninstall() {
    rm -rf -- "$OPT"
    rm -f -- "$DESKTOP" "$MIME" "$ICONS/scalable/apps/$APP.svg"
    [[ -L "$BIN" || -f "$BIN" ]] && rm -f -- "$BIN"
    for size in "${SIZES[@]}"; do
        rm -f -- "$ICONS/${size}x${size}/apps/$APP.png"
    done
    refresh_caches
    say "Removed Roadmap Desktop from $PREFIX (your projects and settings were not touched)."
}

install() {
    [[ -x "$HERE/$APP" && -d "$HERE/_internal" ]] || die "run this script from the unpacked roadmap-desktop folder"
    if [[ "$HERE" != "$OPT" ]]; then
        mkdir -p -- "$(dirname "$OPT")"
        # Copy beside the old install, then swap, so a failed copy leaves the old one working.
        rm -rf -- "$OPT.new"
        cp -a -- "$HERE" "$OPT.new"
        rm -rf -- "$OPT"
        mv -- "$OPT.new" "$OPT"
    fi
    mkdir -p -- "$(dirname "$BIN")" "$(dirname "$DESKTOP")" "$(dirname "$MIME")" "$ICONS/scalable/apps"
    ln -sfn -- "$OPT/$APP" "$BIN"
    # Absolute Exec/TryExec: ~/.local/bin is not on every desktop session's PATH.
    sed -e "s|^Exec=.*|Exec=\"$OPT/$APP\" %f|" -e "s|^TryExec=.*|TryExec=$OPT/$APP|" \
        "$OPT/$APP.desktop" >"$DESKTOP.tmp"
    mv -f -- "$DESKTOP.tmp" "$DESKTOP"
    chmod 644 -- "$DESKTOP"
    cp -f -- "$OPT/icons/$APP.svg" "$ICONS/scalable/apps/$APP.svg"
    for size in "${SIZES[@]}"; do
        mkdir -p -- "$ICONS/${size}x${size}/apps"
        cp -f -- "$OPT/icons/$APP-$size.png" "$ICONS/${size}x${size}/apps/$APP.png"
    done
    cat >"$MIME" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">
  <mime-type type="application/x-roadmap-desktop-project">
    <comment>Roadmap Desktop project</comment>
    <sub-class-of type="application/json"/>
    <glob pattern="*.roadmap"/>
    <icon name="roadmap-desktop"/>
  </mime-type>
</mime-info>
XML
    refresh_caches
    say "Installed Roadmap Desktop to $OPT."
    say "Start it from your applications menu (Roadmap Desktop) or with: $BIN"
    case ":$PATH:" in *":$(dirname "$BIN"):"*) ;; *) say "(add $(dirname "$BIN") to PATH to type 'roadmap-desktop')" ;; esac
}

case "${1:-}" in
    "") install ;;
    --uninstall | uninstall) uninstall ;;
    -h | --help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown option $1 (use --uninstall or --help)" ;;
esac
