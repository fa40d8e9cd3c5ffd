#!/usr/bin/env bash
# Refresh the interface translations after UI strings changed: lupdate merges the new and changed
# strings into the .ts (existing translations are kept, strings no longer in the code are dropped),
# then lrelease compiles the .qm the app loads. Translate the new "unfinished" entries in the .ts
# (Qt Linguist, or any editor) and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
TS=resources/i18n/roadmap_desktop_zh_CN.ts
QM=resources/i18n/roadmap_desktop_zh_CN.qm
# Sources: every .py under roadmap_desktop/ui, plus app.py (sorted, so the .ts is stable).
mapfile -t SOURCES < <(find roadmap_desktop/ui -name '*.py' | LC_ALL=C sort; echo roadmap_desktop/app.py)
"$BIN/pyside6-lupdate" -no-obsolete -locations relative -target-language zh_CN "${SOURCES[@]}" -ts "$TS"
"$BIN/pyside6-lrelease" "$TS" -qm "$QM"
