"""Non-modal dialog with the AI planning calculators; a result can be attached to a requirement or item as a note."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import calculators as calc
from ...domain.commands import SetField
from ...domain.fields import MAX_TEXT, FieldValueError
from ...qtmodels.document import ProjectDocument

CUSTOM = "Custom"  # the preset combos' data for "no preset"; its shown text is translated
# Where an attached note goes, by entity kind.
NOTE_FIELDS = {"requirement": "description", "item": "notes"}
KIND_LABELS = {
    "requirement": QT_TRANSLATE_NOOP("CalculatorsDialog", "Requirement"),
    "item": QT_TRANSLATE_NOOP("CalculatorsDialog", "Timeline item"),
}

# The note fields as named in a sentence, and the data split's parts.
NOTE_FIELD_NAMES = {
    "description": QT_TRANSLATE_NOOP("CalculatorsDialog", "description"),
    "notes": QT_TRANSLATE_NOOP("CalculatorsDialog", "notes"),
}
SPLIT_LABELS = {
    "train": QT_TRANSLATE_NOOP("CalculatorsDialog", "Train"),
    "validation": QT_TRANSLATE_NOOP("CalculatorsDialog", "Validation"),
    "test": QT_TRANSLATE_NOOP("CalculatorsDialog", "Test"),
}


def _tr(text: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("CalculatorsDialog", ...)."""
    return QCoreApplication.translate("CalculatorsDialog", text)


def _lower_if_english(text: str, english: str) -> str:
    """Lower-case a label inside a sentence, but only where it is still English."""
    return english.lower() if text == english else text


def _double(minimum: float, maximum: float, value: float, decimals: int = 2, suffix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(minimum, maximum)
    box.setDecimals(decimals)
    box.setValue(value)
    box.setGroupSeparatorShown(True)
    box.setKeyboardTracking(False)  # recompute when typing pauses, not at every digit
    if suffix:
        box.setSuffix(suffix)
    return box


def _int(minimum: int, maximum: int, value: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setValue(value)
    box.setGroupSeparatorShown(True)
    box.setKeyboardTracking(False)
    if suffix:
        box.setSuffix(suffix)
    return box


class CalculatorTab(QWidget):
    """Inputs on the left; the result, the formula and the assumptions on the right, updated live."""

    title = ""
    result_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        inputs = QGroupBox(self.tr("Inputs"))
        inputs.setLayout(self.form)

        self.result_label = QLabel()
        self.result_label.setObjectName("calculatorResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        result_box = QGroupBox(self.tr("Result"))
        QVBoxLayout(result_box).addWidget(self.result_label)

        self.formula_label = QLabel()
        self.formula_label.setWordWrap(True)
        self.formula_label.setTextFormat(Qt.TextFormat.RichText)
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.formula_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.formula_label)
        formula_box = QGroupBox(self.tr("Formula and assumptions"))
        QVBoxLayout(formula_box).addWidget(scroll)

        right = QVBoxLayout()
        right.addWidget(result_box)
        right.addWidget(formula_box, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(inputs, 2)
        layout.addLayout(right, 3)
        self.result: calc.Explained | None = None
        self.error = ""

    def combo(self) -> QComboBox:
        """A combo box that does not widen the form to its longest entry."""
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(16)
        return box

    def watch(self, *widgets: QWidget) -> None:
        for widget in widgets:
            signal = widget.currentIndexChanged if isinstance(widget, QComboBox) else widget.valueChanged
            signal.connect(self.refresh)

    def compute(self) -> calc.Explained:
        raise NotImplementedError

    def refresh(self, *_args: object) -> None:
        try:
            self.result, self.error = self.compute(), ""
        except ValueError as exc:
            self.result, self.error = None, str(exc)
        if self.result is None:
            self.result_label.setText(self.tr("Cannot compute: {error}").format(error=self.error))
            self.formula_label.setText(self.tr("<p>The formula and assumptions show when the inputs are valid.</p>"))
            self.result_changed.emit()
            return
        self.result_label.setText("\n".join(self.result.lines()))
        items = "".join(f"<li>{html.escape(a)}</li>" for a in self.result.assumptions)
        formula, assumptions = self.tr("Formula"), self.tr("Assumptions")
        self.formula_label.setText(
            f"<p><b>{formula}</b><br>{html.escape(self.result.formula)}</p><p><b>{assumptions}</b></p><ul>{items}</ul>"
        )
        self.result_changed.emit()

    def result_text(self) -> str:
        return self.result.text() if self.result is not None else ""


class FootprintTab(CalculatorTab):
    title = QT_TRANSLATE_NOOP("CalculatorsDialog", "Model footprint")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._applying_preset = False
        self.preset = self.combo()
        self.preset.addItem(self.tr("Custom"), CUSTOM)
        for name in calc.MODEL_PRESETS:
            self.preset.addItem(name, name)
        self.parameters = _double(0.0001, 10_000, 7, 4, self.tr(" B"))
        self.quant = self.combo()
        for quant in calc.QUANT_TYPES.values():
            self.quant.addItem(
                self.tr("{name} ({bits} bits)").format(name=quant.name, bits=f"{quant.bits_per_weight:g}"), quant.name
            )
        self.quant.setCurrentIndex(self.quant.findData("Q4_K_M"))
        self.layers = _int(1, 1000, 32)
        self.kv_heads = _int(1, 1000, 8)
        self.head_dim = _int(1, 4096, 128)
        self.context = _int(1, 10_000_000, 8192, self.tr(" tokens"))
        self.cache_type = self.combo()
        for name in calc.KV_CACHE_TYPES:
            self.cache_type.addItem(name, name)
        self.memory = _double(0, 100_000, 16, 1, self.tr(" GiB"))
        self.memory.setSpecialValueText(self.tr("not given"))
        self.memory_kind = self.combo()
        self.memory_kind.addItem(self.tr("RAM (CPU)"), "ram")
        self.memory_kind.addItem(self.tr("VRAM (GPU)"), "vram")
        for label, widget in (
            (self.tr("Model preset"), self.preset),
            (self.tr("Parameters"), self.parameters),
            (self.tr("Quantization"), self.quant),
            (self.tr("Layers"), self.layers),
            (self.tr("KV heads"), self.kv_heads),
            (self.tr("Head dimension"), self.head_dim),
            (self.tr("Context length"), self.context),
            (self.tr("KV cache type"), self.cache_type),
            (self.tr("Machine memory"), self.memory),
            (self.tr("Memory kind"), self.memory_kind),
        ):
            self.form.addRow(label, widget)
        self.preset.currentIndexChanged.connect(self._on_preset_current_index_changed)
        for widget in (self.parameters, self.layers, self.kv_heads, self.head_dim):
            widget.valueChanged.connect(self._on_architecture_value_changed)
        self.watch(self.quant, self.context, self.cache_type, self.memory, self.memory_kind)
        self.preset.setCurrentIndex(self.preset.findData("Mistral-7B"))

    def _on_preset_current_index_changed(self, _index: int) -> None:
        preset = calc.MODEL_PRESETS.get(self.preset.currentData() or "")
        if preset is not None:
            self._applying_preset = True
            try:
                self.parameters.setValue(preset.parameters / 1e9)
                self.layers.setValue(preset.layers)
                self.kv_heads.setValue(preset.kv_heads)
                self.head_dim.setValue(preset.head_dim)
                self.context.setValue(min(self.context.value(), preset.context_length))
            finally:
                self._applying_preset = False
        self.refresh()

    def _on_architecture_value_changed(self, _value: object) -> None:
        if not self._applying_preset and self.preset.currentData() != CUSTOM:
            self.preset.blockSignals(True)  # the values stay as typed; only the label changes
            self.preset.setCurrentIndex(self.preset.findData(CUSTOM))
            self.preset.blockSignals(False)
        if not self._applying_preset:
            self.refresh()

    def compute(self) -> calc.FootprintResult:
        memory = self.memory.value()
        return calc.model_footprint(
            self.parameters.value() * 1e9,
            self.quant.currentData(),
            self.layers.value(),
            self.context.value(),
            self.kv_heads.value(),
            self.head_dim.value(),
            calc.KV_CACHE_TYPES[self.cache_type.currentData()],
            memory * calc.GIB if memory > 0 else None,
            self.memory_kind.currentData(),
        )


class TrainingTab(CalculatorTab):
    title = QT_TRANSLATE_NOOP("CalculatorsDialog", "Training compute")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parameters = _double(0.0001, 100_000, 7, 4, self.tr(" B"))
        self.tokens = _double(0.000001, 1_000_000, 1, 6, self.tr(" B tokens"))
        self.method = self.combo()
        self.method.addItem(self.tr("Full (6 × N × D)"), "full")
        self.method.addItem(self.tr("LoRA / QLoRA (≈ 4 × N × D)"), "lora")
        self.gpu = self.combo()
        self.gpu.addItem(self.tr("Custom"))
        for preset in calc.GPU_PRESETS.values():
            self.gpu.addItem(f"{preset.name.removeprefix('NVIDIA ')} ({preset.peak_tflops:g} TFLOPS)", preset.name)
            self.gpu.setItemData(self.gpu.count() - 1, preset.note, Qt.ItemDataRole.ToolTipRole)
        self.peak = _double(0.1, 100_000, 312, 1, self.tr(" TFLOPS"))
        self.mfu = _double(1, 100, 40, 0, " %")
        self.gpus = _int(1, 1_000_000, 1)
        self.price = _double(0, 1_000_000, 2.0, 2, self.tr(" per GPU-hour"))
        for label, widget in (
            (self.tr("Parameters"), self.parameters),
            (self.tr("Training tokens"), self.tokens),
            (self.tr("Method"), self.method),
            (self.tr("GPU"), self.gpu),
            (self.tr("Peak throughput"), self.peak),
            (self.tr("Utilisation (MFU)"), self.mfu),
            (self.tr("GPUs"), self.gpus),
            (self.tr("Price"), self.price),
        ):
            self.form.addRow(label, widget)
        self.gpu.currentIndexChanged.connect(self._on_gpu_current_index_changed)
        self.watch(self.parameters, self.tokens, self.method, self.peak, self.mfu, self.gpus, self.price)
        self.gpu.setCurrentIndex(self.gpu.findData("NVIDIA A100"))

    def _on_gpu_current_index_changed(self, _index: int) -> None:
        preset = calc.GPU_PRESETS.get(self.gpu.currentData() or "")
        if preset is not None:
            self.peak.setValue(preset.peak_tflops)  # refreshes through valueChanged
        self.refresh()

    def compute(self) -> calc.TrainingResult:
        return calc.training_compute(
            self.parameters.value() * 1e9,
            self.tokens.value() * 1e9,
            self.peak.value(),
            self.mfu.value() / 100,
            self.price.value(),
            self.gpus.value(),
            self.method.currentData(),
        )


class ServingTab(CalculatorTab):
    title = QT_TRANSLATE_NOOP("CalculatorsDialog", "Inference serving")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = _int(0, 2_000_000_000, 10_000, self.tr(" per day"))
        self.prompt = _int(0, 10_000_000, 500, self.tr(" tokens"))
        self.output = _int(0, 10_000_000, 300, self.tr(" tokens"))
        self.peak_factor = _double(1, 100, 2, 1, " ×")
        self.per_gpu = _double(0.1, 10_000_000, 1000, 1, self.tr(" tokens/s"))
        self.price = _double(0, 1_000_000, 2.0, 2, self.tr(" per GPU-hour"))
        for label, widget in (
            (self.tr("Requests"), self.requests),
            (self.tr("Prompt per request"), self.prompt),
            (self.tr("Output per request"), self.output),
            (self.tr("Peak factor"), self.peak_factor),
            (self.tr("Throughput per GPU"), self.per_gpu),
            (self.tr("Price"), self.price),
        ):
            self.form.addRow(label, widget)
        self.watch(self.requests, self.prompt, self.output, self.peak_factor, self.per_gpu, self.price)
        self.refresh()

    def compute(self) -> calc.ServingResult:
        return calc.inference_serving(
            self.requests.value(),
            self.prompt.value(),
            self.output.value(),
            self.per_gpu.value(),
            self.peak_factor.value(),
            self.price.value(),
        )


class DataSplitTab(CalculatorTab):
    title = QT_TRANSLATE_NOOP("CalculatorsDialog", "Data split")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = _int(1, 2_000_000_000, 10_000, self.tr(" examples"))
        self.shares = [_double(0, 100, value, 2, " %") for value in (70, 20, 10)]  # the seeds' 70/20/10
        self.form.addRow(self.tr("Total"), self.total)
        for name, box in zip(calc.DEFAULT_SPLIT_NAMES, self.shares, strict=True):
            self.form.addRow(_tr(SPLIT_LABELS.get(name, name.capitalize())), box)
        self.watch(self.total, *self.shares)
        self.refresh()

    def compute(self) -> calc.SplitResult:
        return calc.data_split(self.total.value(), [box.value() for box in self.shares])


class MetricsTab(CalculatorTab):
    title = QT_TRANSLATE_NOOP("CalculatorsDialog", "Classification metrics")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tp = _int(0, 2_000_000_000, 80)
        self.fp = _int(0, 2_000_000_000, 20)
        self.fn = _int(0, 2_000_000_000, 10)
        self.tn = _int(-1, 2_000_000_000, 890)
        self.tn.setSpecialValueText(self.tr("not given"))
        for label, widget in (
            (self.tr("True positives (TP)"), self.tp),
            (self.tr("False positives (FP)"), self.fp),
            (self.tr("False negatives (FN)"), self.fn),
            (self.tr("True negatives (TN)"), self.tn),
        ):
            self.form.addRow(label, widget)
        self.watch(self.tp, self.fp, self.fn, self.tn)
        self.refresh()

    def compute(self) -> calc.MetricsResult:
        tn = self.tn.value()
        return calc.classification_metrics(self.tp.value(), self.fp.value(), self.fn.value(), tn if tn >= 0 else None)


class CalculatorsDialog(QDialog):
    """One tab per calculator; “Attach to…” appends the shown result to a requirement or timeline item."""

    def __init__(self, document: ProjectDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("AI Planning Calculators"))
        self.setModal(False)
        self.tabs = QTabWidget()
        self.calculators: list[CalculatorTab] = [
            FootprintTab(),
            TrainingTab(),
            ServingTab(),
            DataSplitTab(),
            MetricsTab(),
        ]
        for tab in self.calculators:
            self.tabs.addTab(tab, _tr(tab.title))
        note = QLabel(
            self.tr(
                "Estimates for planning, not measurements. The tables are approximations; see each tab's assumptions."
            )
        )
        note.setWordWrap(True)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.attach_button = QPushButton(self.tr("Attach to…"))
        self.attach_button.setToolTip(
            self.tr("Append this result as a note to a requirement's description or a timeline item's notes")
        )
        self.attach_button.clicked.connect(self._on_attach_button_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.addButton(self.attach_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(buttons)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        for tab in self.calculators:
            tab.result_changed.connect(self._update_attach_button)
        self._update_attach_button()
        self.resize(960, 560)

    def current_tab(self) -> CalculatorTab:
        return self.calculators[self.tabs.currentIndex()]

    def result_text(self) -> str:
        return self.current_tab().result_text()

    def targets(self) -> list[tuple[str, str, str]]:
        """(kind, id, label) of everything a result can be attached to."""
        project = self.document.project
        requirement, item = _tr(KIND_LABELS["requirement"]), _tr(KIND_LABELS["item"])
        found = [("requirement", r.id, f"{requirement}: {r.title}") for r in project.requirements]
        return found + [("item", i.id, f"{item}: {i.title}") for i in project.items]

    def attach_to(self, kind: str, entity_id: str) -> bool:
        """Append the current result to the entity's note field as one undoable edit; False if it cannot."""
        text = self.result_text()
        if not text:
            self.status_label.setText(self.tr("Nothing to attach: the inputs are not valid."))
            return False
        name = NOTE_FIELDS[kind]
        entity = self.document.project.get(kind, entity_id)
        old = getattr(entity, name)
        new = f"{old.rstrip()}\n\n{text}" if old.strip() else text
        if len(new) > MAX_TEXT:
            self.status_label.setText(
                self.tr("Not attached: the {field} would be longer than {limit} characters.").format(
                    field=_tr(NOTE_FIELD_NAMES[name]), limit=MAX_TEXT
                )
            )
            return False
        try:
            title = self.current_tab().title
            label = self.tr("Attach {calculator}").format(calculator=_lower_if_english(_tr(title), title))
            self.document.execute(SetField(kind, entity_id, name, new, label))
        except FieldValueError as exc:
            self.status_label.setText(self.tr("Not attached: {error}").format(error=exc))
            return False
        noun = _lower_if_english(_tr(KIND_LABELS[kind]), KIND_LABELS[kind])
        self.status_label.setText(self.tr("Attached to {noun} “{name}”.").format(noun=noun, name=entity.display_name()))
        return True

    def _choose_target(self) -> tuple[str, str] | None:
        targets = self.targets()
        if not targets:
            self.status_label.setText(self.tr("The project has no requirements or timeline items to attach to."))
            return None
        labels = [f"{n}. {label}" for n, (_kind, _id, label) in enumerate(targets, start=1)]  # unique
        label, ok = QInputDialog.getItem(
            self, self.tr("Attach Result"), self.tr("Append the result as a note to:"), labels, 0, False
        )
        if not ok:
            return None
        kind, entity_id, _label = targets[labels.index(label)]
        return kind, entity_id

    def _on_attach_button_clicked(self) -> None:
        target = self._choose_target()
        if target is not None:
            self.attach_to(*target)

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.status_label.clear()
        self._update_attach_button()

    def _update_attach_button(self, *_args: object) -> None:
        self.attach_button.setEnabled(self.current_tab().result is not None)
