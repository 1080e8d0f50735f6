"""Records ↔ JSON data, one generic pair driven by the records' own type hints (models.py).

`dump` writes a record as the list of its fields in order (nested records and tuples as lists):
compact, and fast for json's C encoder (the cache); `mapping` as an object naming its fields
(briefing.json). `load` reads it back into the typed record, checking the
shape as it goes: a list of the wrong length or a value of the wrong kind raises, so a cache entry
written by another version is rebuilt, never trusted. A new field on a record needs nothing here.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import operator
import types
import typing
from collections.abc import Callable
from typing import Any


def dump(record, skip: tuple[str, ...] = ()) -> list:
    """A record as JSON data: its fields in order, without those in `skip`."""
    return [_dump(getattr(record, f.name)) for f in dataclasses.fields(record) if f.name not in skip]


def mapping(record, **extra) -> dict:
    """A record as a JSON object, {field: value} (nested records and tuples as lists), with `extra`
    keys added: the records of briefing.json, which name their fields."""
    plain, values, other = _fields_of(type(record))
    found = dict(zip(plain, values(record), strict=True))
    for name in other:
        found[name] = _dump(getattr(record, name))
    if extra:
        found.update(extra)
    return found


_FIELDS: dict[type, tuple] = {}  # by class: (simple field names, their getter, the other names)


def _fields_of(cls: type) -> tuple:
    """A record's fields whose values are JSON as they are (text, numbers, enums), a function that
    gets them at once, and the other fields (records, tuples)."""
    known = _FIELDS.get(cls)
    if known is None:
        hints = _hints(cls)
        names = [f.name for f in dataclasses.fields(cls)]
        simple = tuple(n for n in names if hints[n] in _PLAIN or typing.get_origin(hints[n]) is typing.Literal
                       or (isinstance(hints[n], type) and issubclass(hints[n], enum.Enum)))
        getter = operator.attrgetter(*simple) if len(simple) > 1 else (lambda r, n=simple[0]: (getattr(r, n),))
        known = _FIELDS[cls] = (simple, getter, tuple(n for n in names if n not in simple))
    return known


def _dump(value):
    if isinstance(value, (tuple, list)):
        return [_dump(v) if isinstance(v, (tuple, list)) or hasattr(v, "__dataclass_fields__") else v for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return [_dump(getattr(value, f.name)) for f in dataclasses.fields(value)]
    return value


def load(cls: type, data: list, **given):
    """The record of type `cls` that dump() wrote as `data`; the fields in `given` are taken as
    given instead (they were skipped when dumping)."""
    names = [f.name for f in dataclasses.fields(cls) if f.name not in given]
    if not isinstance(data, list) or len(data) != len(names):
        raise ValueError(f"{cls.__name__}: expected {len(names)} fields")
    hints = _hints(cls)
    return cls(**given, **{name: _reader(hints[name])(value) for name, value in zip(names, data, strict=True)})


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def _reader(hint) -> Callable[[Any], Any]:
    """A function that reads JSON data as `hint` says, raising on anything else."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if dataclasses.is_dataclass(hint):
        return _record_reader(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _reader(args[0])
        return lambda data: tuple(map(item, _sequence(data)))
    if origin is tuple:
        readers = [_reader(a) for a in args]
        return lambda data: tuple(r(v) for r, v in zip(readers, _sequence(data, len(readers)), strict=True))
    if origin in (typing.Union, types.UnionType):
        options = [_reader(a) for a in args if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"cannot read {hint}")
        return lambda data: None if data is None else options[0](data)
    if origin is typing.Literal:
        return lambda data: data if data in args else _wrong(data, str)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        members = hint._value2member_map_
        return lambda data: members[data] if data in members else _wrong(data, hint)
    if hint is Any:
        return _frozen
    if hint in (str, bool, int, float):
        return functools.partial(_scalar, hint)
    if origin is dict or hint is dict:
        return lambda data: dict(data) if isinstance(data, dict) else _wrong(data, dict)
    raise TypeError(f"cannot read {hint}")


# Field types taken as they are inside a record (its shape is checked, and enums and literals are):
# the bulk of the cache (paragraphs, mentions, events) is such fields, and checking each value's
# type doubled its reading time. The cache's key names the code that wrote an entry, so an entry of
# another version is never read; a damaged one fails to parse or has the wrong shape.
_PLAIN: frozenset[Any] = frozenset({str, int, float, bool, typing.Optional[str]})


def _record_reader(cls: type) -> Callable[[Any], Any]:
    hints = _hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    other = [(i, _reader(hints[n])) for i, n in enumerate(names) if hints[n] not in _PLAIN]
    width = len(names)

    def read(data):
        if type(data) is not list or len(data) != width:
            raise ValueError(f"{cls.__name__}: expected a list of {width}, got {data!r:.60}")
        if other:
            data = list(data)
            for i, reader in other:
                data[i] = reader(data[i])
        return cls(*data)

    return read


def _sequence(data, length: int | None = None) -> list:
    if not isinstance(data, list) or (length is not None and len(data) != length):
        raise ValueError(f"expected a list{f' of {length}' if length is not None else ''}, got {data!r:.60}")
    return data


def _scalar(kind: type, data):
    if kind is float and type(data) is int:
        return data  # as it was made (a score of 0 is an int): the same output from the cache as without
    if type(data) is not kind:
        _wrong(data, kind)
    return data


def _frozen(data):
    """A value of type Any (a metadata field's value): lists become tuples, as the records hold them."""
    return tuple(_frozen(v) for v in data) if isinstance(data, list) else data


def _wrong(data, kind):
    raise ValueError(f"expected {kind.__name__}, got {data!r:.60}")
