"""The base every project entity shares: a stable UUID id and a declared list of fields."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from typing import ClassVar

from .fields import FieldSpec, FieldValueError, coerce


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

    def validate(self) -> None:
        """Coerce every field in place and check the rules between fields; raise FieldValueError naming
        the entity and the first bad field."""
        try:
            for spec in self.FIELDS:
                setattr(self, spec.name, coerce(spec, getattr(self, spec.name)))
            self.check()
        except FieldValueError as exc:
            raise FieldValueError(f"{self.KIND} {self.display_name()!r}: {exc}") from None

    def check(self) -> None:
        """Rules that tie fields together (each field's own rules are in ``coerce``); raise FieldValueError
        naming the field. Called after every ``set`` and by ``validate``."""

    def display_name(self) -> str:
        return str(getattr(self, "title", "") or getattr(self, "name", "") or self.id)

    def clone(self, new_identity: bool = False) -> Entity:
        twin = copy.deepcopy(self)
        if new_identity:
            twin.id = new_id()
        return twin
