"""GraphQL types for related-party results and connecting paths."""

from __future__ import annotations

from datetime import date

import strawberry

from api.extensions.cost import cost_hint
from graph.network import Hop, Link, Path, Reached
from resolvers.enums import RoleType
from resolvers.subjects.types import Subject, subject_from_row


@strawberry.type(description="One role edge on a path, as stored: holder → organisation.")
class PathLink:
    role: RoleType = strawberry.field(description="The role.")
    holder: strawberry.ID = strawberry.field(description="Public id of the holder.")
    organization: strawberry.ID = strawberry.field(description="Public id of the organisation.")
    from_: date | None = strawberry.field(name="from", description="First day of the role.")
    to: date | None = strawberry.field(description="Last day of the role; null while current.")
    ratio: float | None = strawberry.field(description="Share held, for SHAREHOLDER_OF.")


@strawberry.type(
    description="One step of a path: two consecutive subjects and every relation between them "
    "(a legal representative who also holds shares is one hop with two relations)."
)
class PathHop:
    from_: Subject = strawberry.field(name="from", description="The subject the hop leaves.")
    to: Subject = strawberry.field(description="The subject the hop reaches.")
    relations: list[PathLink] = strawberry.field(
        description="Every role edge between the two, as stored (holder → organisation), "
        "by role and start date.",
        metadata=cost_hint(multiplier=4),
    )


@strawberry.type(
    description="A route: its subjects in order and, for each consecutive pair, every relation "
    "between them. Two routes never have the same sequence of subjects."
)
class SubjectPath:
    nodes: list[Subject] = strawberry.field(
        description="Subjects from one end to the other.", metadata=cost_hint(multiplier=5)
    )
    hops: list[PathHop] = strawberry.field(
        description="hops[i] joins nodes[i] and nodes[i+1], with all their relations.",
        metadata=cost_hint(multiplier=4),
    )
    edges: list[PathLink] = strawberry.field(
        description="One relation per hop (the first of hops[i].relations); edges[i] joins "
        "nodes[i], i+1.",
        metadata=cost_hint(multiplier=4),
        deprecation_reason="One relation per hop only: read `hops { relations }`.",
    )
    length: int = strawberry.field(description="Number of hops.")


@strawberry.type(description="A subject reached from the starting subject.")
class RelatedParty:
    subject: Subject = strawberry.field(description="The related subject.")
    distance: int = strawberry.field(description="Hops from the starting subject (1 = direct).")
    path: SubjectPath = strawberry.field(description="One shortest connecting path.")
    relations: list[PathLink] = strawberry.field(
        description="Every relation between this party and the subject before it on `path` "
        "(for distance 1: every direct relation to the starting subject), by role and start "
        "date: a legal representative who also holds 90 % shows both.",
        metadata=cost_hint(multiplier=4),
    )


def _link(link: Link) -> PathLink:
    return PathLink(
        role=RoleType(link.role),
        holder=strawberry.ID(link.holder),
        organization=strawberry.ID(link.organization),
        from_=link.start,
        to=link.end,
        ratio=link.ratio,
    )


def _relations(hop: Hop) -> list[PathLink]:
    return [_link(link) for link in hop]


def path_from(path: Path) -> SubjectPath:
    nodes = [subject_from_row(n) for n in path.nodes]
    hops = [
        PathHop(from_=nodes[i], to=nodes[i + 1], relations=_relations(hop))
        for i, hop in enumerate(path.hops)
    ]
    return SubjectPath(
        nodes=nodes,
        hops=hops,
        edges=[hop.relations[0] for hop in hops],
        length=len(hops),
    )


def related_from(reached: Reached) -> RelatedParty:
    path = path_from(Path(nodes=reached.nodes, hops=reached.hops))
    return RelatedParty(
        subject=path.nodes[-1],
        distance=reached.distance,
        path=path,
        relations=path.hops[-1].relations if path.hops else [],
    )
