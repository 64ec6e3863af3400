"""Sub-commands of `creditgraph` that live in their own module (see `api.cli.add_plugin_commands`).

A module here defines:
    NAME: str                         # the sub-command
    HELP: str                         # one line for --help
    def configure(parser: argparse.ArgumentParser) -> None
    def run(args: argparse.Namespace, settings: Settings) -> int
Use `api.cli.run_async(work, settings)` to get an executor (embedded server started if needed).
"""
