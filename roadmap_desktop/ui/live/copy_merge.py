"""Merge Project… on a copy of the open project (a synced folder's conflicted copy): the histories join at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...crdt.copies import is_copy_of, plan_copy_merge
from ...persistence.errors import ProjectFileError
from ...persistence.project_file import load_project
from ...qtmodels.document import ProjectDocument


def offer_copy_merge(window, document: ProjectDocument, path: str) -> bool:
    """Merge ``path`` automatically when it is a copy of the open project; False (nothing done) otherwise."""
    try:
        other = load_project(path).project
    except ProjectFileError:
        return False  # the merge dialog reports it
    if not is_copy_of(document.project, other):
        return False
    label = QCoreApplication.translate("CopyMerge", "Merge copy {0}").replace("{0}", Path(path).name)
    merge = plan_copy_merge(document.project, other, label)
    if merge.changes == 0:
        window.show_info(QCoreApplication.translate("CopyMerge", "That copy holds nothing this project lacks."))
        merge.joined()
        return True
    document.execute(merge.command)
    merge.joined()
    text = QCoreApplication.translate(
        "CopyMerge", "Merged {0} changes from the copy (Edit > Undo takes them back in one step)."
    )
    window.show_info(text.replace("{0}", str(merge.changes)))
    return True
