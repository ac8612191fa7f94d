"""Reads the Dockerfile and compose.yaml for deploy/check-outside-docker.sh, which replays them without Docker.

`dockerfile DOCKERFILE APP PYTHON` prints bash assignments: the builder's `uv==` requirement, ENV and the RUN
lines of `uv sync` and collectstatic, and the runtime stage's ENV, CMD and HEALTHCHECK command, with /app
replaced by APP and /usr/local/bin/python by PYTHON. `compose COMPOSE DOTENV SERVICE APP ...` prints one
`ENV KEY=value` line per variable the service's container would get (the Dockerfile's ENV, then env_file, then
`environment`, interpolated from DOTENV as compose does), with the local changes the options ask for and a
`NOTE` line for each, and one `CMD arg` line per argument of the service's command. Standard library and
PyYAML only; no Django.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

_VARIABLE = re.compile(
    r"\$(?:\$|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)


def instructions(dockerfile: str) -> list[tuple[str, str, str]]:
    """(stage, instruction, arguments) for every instruction, continuation lines joined, comments left out."""
    result = []
    stage = ""
    logical = ""
    for line in dockerfile.splitlines():
        if not logical and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if logical and line.lstrip().startswith("#"):
            continue
        if line.rstrip().endswith("\\"):
            logical += line.rstrip()[:-1] + " "
            continue
        logical += line
        keyword, _, arguments = logical.strip().partition(" ")
        logical = ""
        keyword = keyword.upper()
        if keyword == "FROM":
            stage = arguments.split(" AS ")[-1].strip() if " AS " in arguments else arguments.strip()
        result.append((stage, keyword, arguments.strip()))
    return result


def env_pairs(arguments: str) -> list[tuple[str, str]]:
    return [(key, value) for key, _, value in (token.partition("=") for token in shlex.split(arguments))]


def dockerfile_command(args: argparse.Namespace) -> int:
    steps = instructions(Path(args.dockerfile).read_text())
    stages = [stage for stage, keyword, _ in steps if keyword == "FROM"]
    if len(stages) != 2:
        sys.exit(f"Dockerfile: twee stages verwacht, gevonden: {stages}")
    builder, runtime = stages

    def local(text: str) -> str:
        return text.replace("/usr/local/bin/python", args.python).replace("/app", args.app)

    def run_line(needle: str) -> str:
        found = [
            arguments
            for stage, keyword, arguments in steps
            if stage == builder and keyword == "RUN" and needle in arguments
        ]
        if len(found) != 1:
            sys.exit(f"Dockerfile: één RUN met {needle!r} verwacht in {builder}, gevonden: {len(found)}")
        # BuildKit's --mount options belong to RUN, not to the command.
        return local(re.sub(r"^(--\S+\s+)+", "", found[0]))

    requirement = re.search(r"uv==[0-9][0-9.]*", run_line("pip install"))
    if requirement is None:
        sys.exit("Dockerfile: geen uv==<versie> in de builder")
    builder_env = [
        f"{key}={local(value)}"
        for stage, keyword, arguments in steps
        if stage == builder and keyword == "ENV"
        for key, value in env_pairs(arguments)
    ]
    runtime_env = [
        f"{key}={value}"
        for stage, keyword, arguments in steps
        if stage == runtime and keyword == "ENV"
        for key, value in env_pairs(arguments)
    ]
    cmd = [json.loads(arguments) for stage, keyword, arguments in steps if stage == runtime and keyword == "CMD"]
    health = [arguments for stage, keyword, arguments in steps if stage == runtime and keyword == "HEALTHCHECK"]
    if len(cmd) != 1 or len(health) != 1:
        sys.exit("Dockerfile: één CMD en één HEALTHCHECK (exec-vorm) verwacht in de runtime-stage")
    health_args = json.loads(health[0].partition(" CMD ")[2])
    print(f"UV_REQUIREMENT={shlex.quote(requirement.group())}")
    print(f"BUILDER_ENV=({' '.join(map(shlex.quote, builder_env))})")
    print(f"SYNC_RUN={shlex.quote(run_line('uv sync'))}")
    print(f"STATIC_RUN={shlex.quote(run_line('collectstatic'))}")
    print(f"RUNTIME_ENV=({' '.join(map(shlex.quote, runtime_env))})")
    print(f"CMD_ARGS=({' '.join(map(shlex.quote, cmd[0]))})")
    print(f"HEALTH_ARGS=({' '.join(map(shlex.quote, health_args))})")
    return 0


def interpolate(value: str, variables: dict[str, str]) -> str:
    """Compose's ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error} and $$."""

    def replace(match: re.Match[str]) -> str:
        if match.group() == "$$":
            return "$"
        name = match.group("name") or match.group("bare")
        op, arg = match.group("op"), match.group("arg") or ""
        present = name in variables
        empty = not variables.get(name)
        if op in (":?", "?") and (empty if op == ":?" else not present):
            sys.exit(f"compose.yaml: {name} ontbreekt: {arg}")
        if op in (":-", "-") and (empty if op == ":-" else not present):
            return arg
        return variables.get(name, "")

    return _VARIABLE.sub(replace, value)


def read_dotenv(path: str) -> dict[str, str]:
    result = {}
    for line in Path(path).read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            result[key.strip()] = value
    return result


def compose_command(args: argparse.Namespace) -> int:
    import yaml

    compose: dict[str, Any] = yaml.safe_load(Path(args.compose).read_text())
    service = compose["services"][args.service]
    dotenv = read_dotenv(args.dotenv)
    steps = instructions(Path(args.dockerfile).read_text())
    runtime = [stage for stage, keyword, _ in steps if keyword == "FROM"][-1]
    environment: dict[str, str] = {}
    for stage, keyword, arguments in steps:
        if stage == runtime and keyword == "ENV":
            for key, value in env_pairs(arguments):
                # The python image's PATH, which the Dockerfile's $PATH extends.
                environment[key] = value.replace(
                    "$PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                )
    env_files = service.get("env_file", [])
    for env_file in [env_files] if isinstance(env_files, str) else env_files:
        if env_file != ".env":
            sys.exit(f"compose.yaml: env_file {env_file} kan dit script niet nadoen")
        environment.update(dotenv)
    service_environment = service.get("environment", {})
    if isinstance(service_environment, list):
        service_environment = dict(item.partition("=")[::2] for item in service_environment)
    for key, value in service_environment.items():
        environment[key] = interpolate(str(value), dotenv)

    notes = []
    for key, value in list(environment.items()):
        if "/app" in value:
            environment[key] = value.replace("/app", args.app)
    url = urlsplit(environment["DATABASE_URL"])
    local_db = urlsplit(args.db)
    environment["DATABASE_URL"] = urlunsplit(url._replace(netloc=local_db.netloc, path=local_db.path))
    notes.append(f"DATABASE_URL: {url.netloc.rpartition('@')[2]}{url.path} -> {local_db.netloc}{local_db.path}")
    if "REDIS_URL" in environment:
        notes.append(f"REDIS_URL: {environment['REDIS_URL']} -> {args.redis}")
        environment["REDIS_URL"] = args.redis
    notes.append(f"WDHS_BIND: {environment.get('WDHS_BIND')} -> {args.bind}")
    environment["WDHS_BIND"] = args.bind
    environment["LD_LIBRARY_PATH"] = args.python_lib
    environment["HOME"] = args.app
    for note in notes:
        print(f"NOTE {note}")
    for key, value in environment.items():
        if "\n" in value:
            sys.exit(f"{key}: een waarde over meer regels kan dit script niet doorgeven")
        print(f"ENV {key}={value}")
    command = service.get("command")
    if isinstance(command, str):
        command = shlex.split(command)
    for argument in command or []:
        print(f"CMD {argument}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    dockerfile = commands.add_parser("dockerfile")
    dockerfile.add_argument("dockerfile")
    dockerfile.add_argument("app")
    dockerfile.add_argument("python")
    compose = commands.add_parser("compose")
    compose.add_argument("compose")
    compose.add_argument("dotenv")
    compose.add_argument("service")
    compose.add_argument("app")
    compose.add_argument("--dockerfile", required=True)
    compose.add_argument("--db", required=True)
    compose.add_argument("--redis", required=True)
    compose.add_argument("--bind", required=True)
    compose.add_argument("--python-lib", required=True)
    args = parser.parse_args()
    return dockerfile_command(args) if args.command == "dockerfile" else compose_command(args)


if __name__ == "__main__":
    sys.exit(main())
