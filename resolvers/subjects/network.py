"""GraphQL types for related-party results and connecting paths."""

from __future__ import annotations

from datetime import date

import strawberry

from api.extensions.cost import cost_hint
from graph.network import Link, Path, Reached
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


@strawberry.type(description="A path: its subjects in order and the role edges between them.")
class SubjectPath:
    nodes: list[Subject] = strawberry.field(
        description="Subjects from one end to the other.", metadata=cost_hint(multiplier=5)
    )
    edges: list[PathLink] = strawberry.field(
        description="Edges; edges[i] joins nodes[i], i+1.", metadata=cost_hint(multiplier=4)
    )
    length: int = strawberry.field(description="Number of edges.")


@strawberry.type(description="A subject reached from the starting subject.")
class RelatedParty:
    subject: Subject = strawberry.field(description="The related subject.")
    distance: int = strawberry.field(description="Hops from the starting subject (1 = direct).")
    path: SubjectPath = strawberry.field(description="One shortest connecting path.")


def _link(link: Link) -> PathLink:
    return PathLink(
        role=RoleType(link.role),
        holder=strawberry.ID(link.holder),
        organization=strawberry.ID(link.organization),
        from_=link.start,
        to=link.end,
        ratio=link.ratio,
    )


def path_from(path: Path) -> SubjectPath:
    return SubjectPath(
        nodes=[subject_from_row(n) for n in path.nodes],
        edges=[_link(link) for link in path.links],
        length=len(path.links),
    )


def related_from(reached: Reached) -> RelatedParty:
    return RelatedParty(
        subject=subject_from_row(reached.node),
        distance=reached.distance,
        path=path_from(Path(nodes=reached.nodes, links=reached.links)),
    )
