"""The base every project entity shares: a stable UUID id and a declared list of fields."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

from .fields import FieldKind, FieldSpec, FieldValueError, coerce, coercer

_COERCERS: dict[type, tuple[tuple[str, Callable[[object], object]], ...]] = {}
_CONTAINERS: dict[type, tuple[str, ...]] = {}
CONTAINER_KINDS = frozenset({FieldKind.TEXT_LIST, FieldKind.REFS, FieldKind.NUM_MAP})


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass
class Entity:
    KIND: ClassVar[str] = ""
    FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()

    id: str = field(default_factory=new_id)

    @classmethod
    def spec(cls, name: str) -> FieldSpec:
        for spec in cls.FIELDS:
            if spec.name == name:
                return spec
        raise KeyError(f"{cls.KIND} has no field {name!r}")

    def get(self, name: str) -> object:
        self.spec(name)
        return copy.copy(getattr(self, name))

    def set(self, name: str, value: object) -> object:
        """Store a coerced value; return the previous one. A value that breaks a rule between fields
        (``check``) is refused and the old one kept."""
        spec = self.spec(name)
        old = getattr(self, name)
        setattr(self, name, coerce(spec, value))
        try:
            self.check()
        except FieldValueError:
            setattr(self, name, old)
            raise
        return old

    @classmethod
    def coercers(cls) -> tuple[tuple[str, Callable[[object], object]], ...]:
        """(name, coercer) for every field, made once per class: loading a big project calls them often."""
        made = _COERCERS.get(cls)
        if made is None:
            made = _COERCERS[cls] = tuple((spec.name, coercer(spec)) for spec in cls.FIELDS)
        return made

    @classmethod
    def containers(cls) -> tuple[str, ...]:
        """The fields whose values are lists or maps."""
        made = _CONTAINERS.get(cls)
        if made is None:
            made = _CONTAINERS[cls] = tuple(spec.name for spec in cls.FIELDS if spec.kind in CONTAINER_KINDS)
        return made

    def validate(self) -> None:
        """Coerce every field in place and check the rules between fields; raise FieldValueError naming
        the entity and the first bad field."""
        values = self.__dict__
        try:
            for name, coerce_value in self.coercers():
                values[name] = coerce_value(values[name])
            self.check()
        except FieldValueError as exc:
            raise FieldValueError(f"{self.KIND} {self.display_name()!r}: {exc}") from None

    def check(self) -> None:
        """Rules that tie fields together (each field's own rules are in ``coerce``); raise FieldValueError
        naming the field. Called after every ``set`` and by ``validate``."""

    def display_name(self) -> str:
        return str(getattr(self, "title", "") or getattr(self, "name", "") or self.id)

    def clone(self, new_identity: bool = False) -> Entity:
        """A copy that shares nothing mutable with this entity.

        Field values are immutable (text, numbers, dates) or flat lists and maps of immutables, so copying
        those containers is a deep copy; copy.deepcopy took a second to snapshot a 27,000-entity project.
        """
        twin = object.__new__(type(self))
        values = twin.__dict__
        values.update(self.__dict__)
        for name in self.containers():
            values[name] = values[name].copy()
        if new_identity:
            twin.id = new_id()
        return twin
