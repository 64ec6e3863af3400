"""Queries over subjects and their related-party networks."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from api.context import Context
from api.extensions.cost import cost_hint
from api.pagination import Connection, build, resolve, selects, window
from graph import network, subjects
from graph.errors import NotFound
from graph.identifiers import normalize_uscc
from resolvers.enums import RoleType, SubjectKind
from resolvers.node import Node, node_key
from resolvers.subjects.lookahead import prefetch_pages_role_holders, prefetch_role_holders
from resolvers.subjects.network import RelatedParty, SubjectPath, path_from, related_from
from resolvers.subjects.types import Organization, Person, Subject, subject_from_row


async def subject_by_id(info: Info[Context, None], sid: str) -> Subject:
    row = await info.context.loaders.subject.load(sid)
    if row is None:
        raise NotFound(f"no subject with id {sid}", id=sid)
    return subject_from_row(row)


@strawberry.type
class SubjectQueries:
    @strawberry.field(
        description="An organisation by USCC (any kind; enterprises mostly). Null with a "
        "NOT_FOUND error at this field's path when there is none, so the other fields of the "
        "same query still answer. Errors: BAD_USER_INPUT (malformed USCC), NOT_FOUND."
    )
    async def enterprise(self, info: Info[Context, None], uscc: str) -> Organization | None:
        sid = normalize_uscc(uscc)
        prefetch_role_holders(info, sid)
        subject = await subject_by_id(info, sid)
        assert isinstance(subject, Organization)
        return subject

    @strawberry.field(
        description="A natural person by public person id. Null with a NOT_FOUND error at this "
        "field's path when there is none. Errors: NOT_FOUND."
    )
    async def person(self, info: Info[Context, None], id: strawberry.ID) -> Person | None:
        subject = await subject_by_id(info, str(id))
        if not isinstance(subject, Person):
            raise NotFound(f"no person with id {id}", id=str(id))
        return subject

    @strawberry.field(
        description="Any subject by public id (USCC or person id). Null with a NOT_FOUND error "
        "at this field's path when there is none. Errors: NOT_FOUND."
    )
    async def subject(self, info: Info[Context, None], id: strawberry.ID) -> Subject | None:
        return await subject_by_id(info, str(id).upper())

    @strawberry.field(
        description="Any object with a global id (Relay `Node`), as its `id` field gives it: a "
        "subject's id is its business key (USCC, or person id), never a database id. Null with "
        "a NOT_FOUND error when nothing has that id. Errors: NOT_FOUND."
    )
    async def node(self, info: Info[Context, None], id: strawberry.ID) -> Node | None:
        return await subject_by_id(info, node_key(str(id)))

    @strawberry.field(
        description="Subjects whose name contains `query` or whose id equals it: exact id "
        "first, then names that start with `query`, then the other names, shorter names first."
    )
    async def search_subjects(
        self,
        info: Info[Context, None],
        query: str,
        first: int | None = None,
        after: str | None = None,
        kind: SubjectKind | None = None,
        region: str | None = None,
        industry: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[Subject]:
        win = window(first, after, info.context.settings.max_page_size, last=last, before=before)
        search = subjects.SubjectSearch(
            query=query.strip(), kind=kind.value if kind else None, region=region, industry=industry
        )
        executor = info.context.executor
        counted: list[int] = []  # one count statement per request, however often it is asked

        async def count() -> int:
            if not counted:
                counted.append(await subjects.count_subjects(executor, search))
            return counted[0]

        win = await resolve(win, count)
        if not (selects(info, "edges") or selects(info, "pageInfo")):
            return build([], win, count=count)  # count only: no page statement
        rows = await subjects.search_subjects(executor, search, win.skip, win.limit)
        nodes = [subject_from_row(r) for r in rows]
        orgs = [n.uscc for n in nodes if isinstance(n, Organization)]
        # The count, when asked, runs beside the holders' load rather than after it; a failed
        # count is not kept, and `totalCount` asks again and reports it at its own path.
        counting = [count()] if selects(info, "totalCount") else []
        await asyncio.gather(
            prefetch_pages_role_holders(info, orgs), *counting, return_exceptions=True
        )
        return build(nodes, win, count=count)

    @strawberry.field(
        metadata=cost_hint(base=50),
        description="Every subject reachable from `id` through role and ownership edges within "
        "`maxDepth` hops (1–4), nearest first, each with its distance, one shortest path and "
        "every relation to the subject before it on that path. Roles must be held on `asOf` "
        "(default today). Errors: NOT_FOUND, BAD_USER_INPUT, LIMIT_EXCEEDED.",
    )
    async def related_parties(
        self,
        info: Info[Context, None],
        id: strawberry.ID,
        first: int | None = None,
        after: str | None = None,
        max_depth: int = 2,
        roles: list[RoleType] | None = None,
        as_of: date | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[RelatedParty]:
        win = window(first, after, info.context.settings.max_page_size, last=last, before=before)
        executor = info.context.executor
        sid = str(id).upper()
        role_list = [r.value for r in roles] if roles else None

        async def count() -> int:
            every = await network.related_parties(
                executor, sid, max_depth=max_depth, roles=role_list, as_of=as_of, limit=0
            )
            return every.total or 0

        win = await resolve(win, count)
        related = await network.related_parties(
            executor,
            sid,
            max_depth=max_depth,
            roles=role_list,
            as_of=as_of,
            skip=win.skip,
            limit=win.limit,
            count=selects(info, "totalCount"),
        )
        nodes = [related_from(r) for r in related.reached]
        if related.total is not None:
            return build(nodes, win, total=related.total)
        return build(nodes, win, count=count)

    @strawberry.field(
        metadata=cost_hint(base=50, multiplier=5),
        description="Distinct shortest routes between two subjects over role and ownership "
        "edges (at most `maxDepth` hops, 1–4), in the order of their subjects' ids. A route is "
        "a sequence of subjects: parallel role edges between the same two subjects make one "
        "route, whose hop lists them all. Errors: NOT_FOUND, BAD_USER_INPUT, LIMIT_EXCEEDED.",
    )
    async def paths_between(
        self,
        info: Info[Context, None],
        from_: Annotated[strawberry.ID, strawberry.argument(name="from")],
        to: strawberry.ID,
        max_depth: int = 4,
        first: int | None = 5,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Connection[SubjectPath]:
        if last is not None and first == 5:
            first = None  # `last` replaces the default page, it does not combine with it
        win = window(first, after, info.context.settings.max_page_size, last=last, before=before)
        source, target = str(from_).upper(), str(to).upper()
        executor = info.context.executor

        async def count() -> int:
            every = await network.paths_between(
                executor, source, target, max_depth=max_depth, limit=0
            )
            return every.total

        win = await resolve(win, count)
        routes = await network.paths_between(
            executor, source, target, max_depth=max_depth, skip=win.skip, limit=win.limit
        )
        return build([path_from(p) for p in routes.paths], win, total=routes.total)
