"""Records ↔ data, driven by the records' own type hints (models.py).

`encode`/`decode` are the cache's pair: a record as JSON, read back by msgspec into the typed record,
checked as it goes (a missing or extra field, a value of the wrong kind or an unknown enum value
raises, so a cache entry written by another version is rebuilt, never trusted). msgspec builds the
nested records in C: at 10,000 sources reading the cache took 11 s with json and a reader in Python,
and takes about 4 s with it. `mapping` gives a record as an object naming its fields, for
briefing.json. A new field on a record needs nothing here.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import operator
import typing
from typing import Any

import msgspec


def encode(record, skip: tuple[str, ...] = ()) -> bytes:
    """A record as JSON: an object of its fields, without those in `skip` (the caller gives them back)."""
    kept = _kept(type(record), skip)
    return _ENCODER.encode(kept(**{f.name: getattr(record, f.name) for f in dataclasses.fields(kept)}))


def decode(cls: type, data: bytes, **given):
    """The record of type `cls` that encode() wrote as `data`, with the fields in `given` (those
    skipped when encoding) taken as given. Raises msgspec.ValidationError or DecodeError on anything
    of another shape."""
    kept = _kept(cls, tuple(sorted(given)))
    found = _decoder(kept).decode(data)
    return cls(**given, **{f.name: getattr(found, f.name) for f in dataclasses.fields(kept)})


_ENCODER = msgspec.json.Encoder()


@functools.cache
def _kept(cls: type, skip: tuple[str, ...]) -> type:
    """A record type of cls's fields but those in `skip`, with the same hints (what the cache keeps)."""
    if not skip:
        return cls
    hints = _hints(cls)
    return dataclasses.make_dataclass(f"Kept{cls.__name__}", [(f.name, hints[f.name]) for f in dataclasses.fields(cls)
                                                             if f.name not in set(skip)], frozen=True)


@functools.cache
def _decoder(cls: type) -> msgspec.json.Decoder:
    return msgspec.json.Decoder(cls)


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


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


# Field types whose values are JSON as they are inside a record (mapping copies them at once).
_PLAIN: frozenset[Any] = frozenset({str, int, float, bool, typing.Optional[str], typing.Union[int, float],
                                    typing.Optional[typing.Union[int, float]]})

