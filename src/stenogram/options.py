"""Options records: built from mappings and command-line strings, and described for help texts.

Exporters and the parser take frozen attrs options classes; these helpers
check each value against its field's type, so a typo or a wrong type is an
``OptionError`` that names the option.

>>> from stenogram.parse.options import ParseOptions
>>> make_options(ParseOptions, {"stage_notes": "yes"}).stage_notes
True
"""

from __future__ import annotations

import functools
import os
import re
import types
import typing
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from stenogram.errors import OptionError

__all__ = ["OptionInfo", "coerce_option", "describe_options", "make_options", "shell_value", "shell_words"]


@attrs.frozen(kw_only=True)
class OptionInfo:
    """One option of an exporter, for ``stenogram formats`` and the docs."""

    name: str
    type: str
    default: str
    help: str = ""
    #: What a value on the command line may be, in shell words: ``true/false``, ``one of: a, b``, ``a path``.
    accepts: str = ""
    #: The default as it would be typed: ``false``, ``none``, ``a,b``.
    default_text: str = ""


def _type_name(annotation: Any) -> str:
    if isinstance(annotation, type) and typing.get_origin(annotation) is None:
        return annotation.__name__
    return str(annotation).replace("typing.", "")


_WORDS: dict[Any, str] = {bool: "true/false", int: "an integer", float: "a number", str: "text", Path: "a path"}


def shell_words(annotation: Any) -> str:
    """What a field accepts, as someone typing ``--set name=value`` would say it.

    >>> shell_words(typing.Literal["title", "purpose"] | None)
    'one of: title, purpose; or none'
    >>> shell_words(tuple[int, ...])
    'a comma-separated list of: an integer'
    """
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation in _WORDS:
        return _WORDS[annotation]
    if origin is typing.Literal:
        return "one of: " + ", ".join(_word(a) for a in args)
    if origin in (typing.Union, types.UnionType):
        kept = [shell_words(a) for a in args if a is not type(None)]
        optional = "; or none" if type(None) in args else ""
        return " or ".join(kept) + optional
    if origin is tuple:
        return "a comma-separated list of: " + shell_words(args[0] if args else Any)
    if annotation is Any:
        return "any value"
    return _type_name(annotation)


def _word(value: Any) -> str:
    """A choice as typed: a plain word bare, anything else (``,`` or a tab) quoted so it can be seen."""
    text = str(value)
    return text if re.fullmatch(r"[\w.\-/]+", text) else repr(text)


def shell_value(value: Any) -> str:
    """A default as it would be typed on the command line."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return ",".join(shell_value(v) for v in value)
    return str(value)


def describe_options(options_class: type) -> tuple[OptionInfo, ...]:
    """The fields of an options class: name, type, default and the ``help`` metadata if any."""
    hints = typing.get_type_hints(options_class)
    defaults = options_class()
    return tuple(
        OptionInfo(
            name=f.name,
            type=_type_name(hints.get(f.name, Any)),
            default=repr(getattr(defaults, f.name)),
            help=str(f.metadata.get("help", "")),
            accepts=shell_words(hints.get(f.name, Any)),
            default_text=shell_value(getattr(defaults, f.name)),
        )
        for f in attrs.fields(options_class)
    )


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def coerce_option(name: str, annotation: Any, value: Any) -> Any:
    """Check ``value`` against a field's type, converting strings (from the CLI) where that is unambiguous."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        if type(None) in args and (value is None or (isinstance(value, str) and value.lower() in {"none", ""})):
            return None
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return coerce_option(name, arg, value)
            except OptionError as exc:
                errors.append(str(exc))
        raise OptionError(errors[0] if errors else f"option {name!r}: bad value {value!r}")
    if origin is typing.Literal:
        for choice in args:
            if value == choice or (isinstance(value, str) and str(choice) == value):
                return choice
        raise OptionError(f"option {name!r} must be one of {', '.join(map(repr, args))}, not {value!r}")
    if origin is tuple:
        if isinstance(value, str):
            value = tuple(part.strip() for part in value.split(",") if part.strip())
        if not isinstance(value, (tuple, list)):
            raise OptionError(f"option {name!r} expects a list, not {value!r}")
        member = args[0] if args else Any
        return tuple(coerce_option(name, member, v) for v in value)
    if annotation is bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        raise OptionError(f"option {name!r} expects true or false, not {value!r}")
    if annotation in (int, float):
        if isinstance(value, bool):
            raise OptionError(f"option {name!r} expects a number, not {value!r}")
        if isinstance(value, int) or (annotation is float and isinstance(value, float)):
            return annotation(value)
        if isinstance(value, str):
            try:
                return annotation(value.strip())
            except ValueError:
                pass
        raise OptionError(f"option {name!r} expects {'an integer' if annotation is int else 'a number'}, not {value!r}")
    if annotation is str:
        if isinstance(value, str):
            return value
        raise OptionError(f"option {name!r} expects text, not {value!r}")
    if annotation is Path:
        if isinstance(value, (str, os.PathLike)):
            return Path(value)
        raise OptionError(f"option {name!r} expects a path, not {value!r}")
    if isinstance(annotation, type) and isinstance(value, annotation):
        return value
    if isinstance(annotation, type) and isinstance(value, str):
        try:
            return annotation(value)
        except Exception:
            pass
    raise OptionError(f"option {name!r} cannot take {value!r} (expects {_type_name(annotation)})")


@functools.cache
def _hints(options_class: type) -> dict[str, Any]:
    """The fields' types, once per class; a plugin's annotation that does not resolve is checked as ``Any``."""
    try:
        return typing.get_type_hints(options_class)
    except Exception:  # a NameError or worse from a third party's annotations
        return {}


def _check_instance(options: Any) -> Any:
    """An options instance built in code, every field checked against its type as ``--set`` values are
    (``label_lines=["3"]`` is read as ``(3,)``, ``speakers=[1]`` is an ``OptionError``)."""
    hints = _hints(type(options))  # type: ignore[arg-type]  # a class is hashable
    fixed = {}
    for field in attrs.fields(type(options)):
        value = getattr(options, field.name)
        checked = coerce_option(field.name, hints.get(field.name, Any), value)
        if checked is not value and (type(checked) is not type(value) or checked != value):
            fixed[field.name] = checked
    return attrs.evolve(options, **fixed) if fixed else options


def make_options(
    options_class: type, options: object | Mapping[str, Any] | None = None, overrides: Mapping[str, Any] | None = None
) -> Any:
    """An options instance: ``options`` (an instance, a mapping, or the defaults) with ``overrides`` applied.

    Every value is checked against the field's type, so a typo or a wrong
    type is an ``OptionError`` that names the option, not a ``TypeError``
    from deep inside an exporter.
    """
    changes: dict[str, Any] = {}
    if isinstance(options, Mapping):
        changes.update(options)
        options = None
    if options is None:
        options = options_class()
    elif not isinstance(options, options_class):
        raise OptionError(f"options must be a {options_class.__name__}, not {type(options).__name__}")
    else:
        options = _check_instance(options)  # built in code: attrs checks no element types
    changes.update(overrides or {})
    if not changes:
        return options
    hints = _hints(options_class)
    fields = {f.name: f for f in attrs.fields(options_class)}
    checked = {}
    for key, value in changes.items():
        if not isinstance(key, str):
            raise OptionError(f"option names are text, not {type(key).__name__}: {key!r}")
        if key not in fields:
            known = ", ".join(sorted(fields)) or "none"
            import difflib

            close = difflib.get_close_matches(key, list(fields), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise OptionError(f"unknown option {key!r} for {options_class.__name__}{hint}; options: {known}")
        checked[key] = coerce_option(key, hints.get(key, Any), value)
    try:
        return attrs.evolve(options, **checked)  # type: ignore[misc]
    except (TypeError, ValueError) as exc:
        names = ", ".join(repr(k) for k in checked)
        detail = exc.args[0] if exc.args and isinstance(exc.args[0], str) else exc  # attrs adds the field and value
        raise OptionError(f"bad value for option {names} of {options_class.__name__}: {detail}") from None
