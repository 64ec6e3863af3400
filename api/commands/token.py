"""`creditgraph token create --role ROLE --subject NAME [--ttl SECONDS]`: issue a bearer token.

For operators: the token goes to stdout (alone, so `TOKEN=$(creditgraph token create …)` works),
its expiry to stderr. It is an HS256 JWT signed with AUTH_TOKEN_SECRET; send it as
`Authorization: Bearer <token>`. No database is needed.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from api.auth import Role, claims_of, issue_token
from api.settings import Settings

NAME = "token"
HELP = "issue bearer tokens for the API (roles: " + ", ".join(r.value for r in Role) + ")"


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser(
        "create",
        help="print a signed token for a role (stdout) and its expiry (stderr)",
        description="Print a signed bearer token (stdout) and when it expires (stderr).",
    )
    create.add_argument(
        "--role", required=True, choices=[r.value for r in Role], help="the role the token grants"
    )
    create.add_argument(
        "--subject", required=True, help="who the token is for (recorded in the audit trail)"
    )
    create.add_argument(
        "--ttl",
        type=int,
        default=None,
        metavar="SECONDS",
        help="lifetime in seconds (default: AUTH_TOKEN_TTL, 8 hours)",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    subject = str(args.subject).strip()
    if not subject:
        print("creditgraph token: --subject must not be empty", file=sys.stderr)
        return 2
    if args.ttl is not None and args.ttl <= 0:
        print("creditgraph token: --ttl must be a positive number of seconds", file=sys.stderr)
        return 2
    default = Settings.model_fields["auth_token_secret"].default
    if settings.auth_token_secret == default:
        print("warning: AUTH_TOKEN_SECRET is the development default; set it", file=sys.stderr)
    token = issue_token(settings, Role(args.role), subject, ttl_seconds=args.ttl)
    expires = datetime.fromtimestamp(claims_of(token)["exp"], UTC)
    print(token)
    print(
        f"token for {subject} as {args.role}, expires {expires.isoformat(timespec='seconds')}",
        file=sys.stderr,
    )
    return 0
