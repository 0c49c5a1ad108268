"""Shell completion scripts for ``stenogram completion bash|zsh|fish``, made from the argument parser.

Commands and options come from the parser itself; format names and option
names come from ``formats()``, which reads the plugin cache, so a script
made after installing a plugin completes its formats too.
"""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Sequence

from stenogram.registry import FormatInfo

__all__ = ["script"]

#: Option arguments completed from a list: the option, then where the words come from.
_VALUE_OPTIONS = ("--to", "--from", "--set", "--parse", "--fail-on")
_PATH_OPTIONS = ("-o", "--output", "--output-dir")


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _command_help(parser: argparse.ArgumentParser) -> dict[str, str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {a.dest: a.help or "" for a in action._choices_actions}
    return {}


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [o for action in parser._actions for o in action.option_strings]


def _words(parser: argparse.ArgumentParser, found: Sequence[FormatInfo]) -> dict[str, list[str]]:
    """The words each value option completes to."""
    exporters = [f for f in found if f.kind == "exporter"]
    readers = [f for f in found if f.kind == "reader"]
    fail_on: list[str] = []
    for command in _commands(parser).values():
        for action in command._actions:
            if "--fail-on" in action.option_strings and action.choices:
                fail_on = [str(c) for c in action.choices]
    return {
        "--to": sorted(f.name for f in exporters),
        "--from": sorted(f.name for f in readers),
        "--set": sorted({f"{o.name}=" for f in exporters for o in f.options}),
        "--parse": sorted({f"{o.name}=" for f in readers for o in f.options}),
        "--fail-on": fail_on,
    }


def _positional_words(command: argparse.ArgumentParser) -> list[str]:
    """A positional argument with choices (``completion SHELL``) completes to them; others are files."""
    return [str(c) for a in command._actions if not a.option_strings and a.choices for c in a.choices]


def _bash(parser: argparse.ArgumentParser, found: Sequence[FormatInfo]) -> str:
    words = _words(parser, found)
    commands = _commands(parser)
    values = "\n".join(
        f'        {option}) COMPREPLY=($(compgen -W {shlex.quote(" ".join(words[option]))} -- "$cur"));'
        + (" compopt -o nospace 2>/dev/null;" if option in ("--set", "--parse") else "")
        + " return;;"
        for option in _VALUE_OPTIONS
    )
    per_command = "\n".join(
        f"        {name}) opts={shlex.quote(' '.join(_options(sub)))};"
        f" args={shlex.quote(' '.join(_positional_words(sub)))};;"
        for name, sub in commands.items()
    )
    top = " ".join([*commands, *_options(parser)])
    return f"""# bash completion for stenogram: eval "$(stenogram completion bash)" in ~/.bashrc
_stenogram() {{
    local cur prev cmd i opts args
    cur="${{COMP_WORDS[COMP_CWORD]}}"
    prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    cmd=""
    for ((i = 1; i < COMP_CWORD; i++)); do
        case "${{COMP_WORDS[i]}}" in -*) ;; *) cmd="${{COMP_WORDS[i]}}"; break;; esac
    done
    case "$prev" in
{values}
        {"|".join(_PATH_OPTIONS)}) COMPREPLY=($(compgen -f -- "$cur")); return;;
    esac
    if [[ -z "$cmd" ]]; then
        COMPREPLY=($(compgen -W {shlex.quote(top)} -- "$cur"))
        return
    fi
    opts=""; args=""
    case "$cmd" in
{per_command}
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [[ -n "$args" ]]; then
        COMPREPLY=($(compgen -W "$args" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}}
complete -o filenames -F _stenogram stenogram
"""


def _zsh(parser: argparse.ArgumentParser, found: Sequence[FormatInfo]) -> str:
    return (
        "#compdef stenogram\n"
        '# zsh completion for stenogram: eval "$(stenogram completion zsh)" in ~/.zshrc (uses bash completion)\n'
        "autoload -U +X bashcompinit && bashcompinit\n" + _bash(parser, found)
    )


def _fish(parser: argparse.ArgumentParser, found: Sequence[FormatInfo]) -> str:
    words = _words(parser, found)
    commands = _commands(parser)
    lines = [
        "# fish completion for stenogram: stenogram completion fish > ~/.config/fish/completions/stenogram.fish",
        "complete -c stenogram -f",
    ]
    for name, sub in commands.items():
        lines.append(
            f"complete -c stenogram -n __fish_use_subcommand -a {name} -d {shlex.quote(sub.description or name)}"
        )
    for name, sub in commands.items():
        when = f"-n '__fish_seen_subcommand_from {name}'"
        choices = _positional_words(sub)
        if choices:
            lines.append(f"complete -c stenogram {when} -a {shlex.quote(' '.join(choices))}")
        elif any(not a.option_strings for a in sub._actions):
            lines.append(f"complete -c stenogram {when} -F")
        for action in sub._actions:
            longs = [o[2:] for o in action.option_strings if o.startswith("--")]
            shorts = [o[1:] for o in action.option_strings if len(o) == 2]
            if not longs and not shorts:
                continue
            spec = " ".join([*(f"-l {o}" for o in longs), *(f"-s {o}" for o in shorts)])
            option = f"--{longs[0]}" if longs else ""
            if option in words:
                spec += f" -x -a {shlex.quote(' '.join(words[option]))}"
            elif option in _PATH_OPTIONS or f"-{shorts[0] if shorts else ''}" in _PATH_OPTIONS:
                spec += " -r -F"
            text = (action.help or "").replace("%(default)s", "")
            lines.append(f"complete -c stenogram {when} {spec} -d {shlex.quote(text)}")
    return "\n".join(lines) + "\n"


def script(shell: str, parser: argparse.ArgumentParser, found: Sequence[FormatInfo]) -> str:
    """The completion script for ``shell`` (bash, zsh or fish)."""
    makers = {"bash": _bash, "zsh": _zsh, "fish": _fish}
    return makers[shell](parser, found)
