"""GraphQL over HTTP: strawberry's ASGI view, held to the GraphQL-over-HTTP spec and our codes.

What this adds to `strawberry.asgi.GraphQL` (graphql-http's audit: tests/test_graphql_http.py):

* content negotiation: a client that accepts `application/graphql-response+json` (and prefers it
  to `application/json`) gets that media type, and a request error (parse, validation, variable
  coercion, introspection refused: no data at all) comes back with a 4xx status (401/403 for
  UNAUTHENTICATED/FORBIDDEN, else 400) and without a `data` entry. `application/json` keeps the
  legacy behaviour: 200 with the errors;
* every refusal before execution is a JSON body with a coded error, not strawberry's plain text:
  malformed JSON or parameters (400 BAD_USER_INPUT), no `application/json` content type (415),
  a mutation over GET (405, `Allow: POST`), a batch above MAX_BATCH_OPERATIONS (400
  LIMIT_EXCEEDED);
* a request body is checked before anything reads it: a JSON value other than an object (or an
  array of objects for a batch), nesting that would overflow the JSON decoder, non-UTF-8 bytes,
  and parameters of the wrong JSON type are refused instead of failing inside strawberry (5xx);
* batching: a JSON array of up to MAX_BATCH_OPERATIONS operations (0 turns it off) runs the
  operations one after the other, each with a fresh context (its own dataloaders, so a mutation
  is seen by the next operation), and answers with an array.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult, SubscriptionExecutionResult

from api.context import Context
from api.settings import Settings
from graph.errors import BadUserInput, Forbidden, LimitExceeded, NotFound, Unauthenticated

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
STATE_KEY = "creditgraph.exchange"  # where a request's negotiation result lives in the scope

# Status of a request error (no data) for clients that accept application/graphql-response+json.
REQUEST_ERROR_STATUS = {Unauthenticated.code: 401, Forbidden.code: 403}


class RequestRefused(HTTPException):
    """A refusal before execution, answered as `{"errors": [{message, extensions: {code…}}]}`."""

    def __init__(
        self,
        status: int,
        message: str,
        code: str = BadUserInput.code,
        *,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(status, message)
        self.code = code
        self.extensions = extensions
        self.headers = headers or {}


@dataclass
class Exchange:
    """What the view learnt about one HTTP request while handling it."""

    media_type: str
    batch: bool = False
    request_error_status: int | None = None


def negotiate(accept: str | None) -> str:
    """`application/graphql-response+json` when the client prefers it, else `application/json`.

    No Accept header, `*/*` and anything unknown get `application/json` (the spec's advice for
    legacy clients); a tie between the two goes to the new media type.
    """
    weights: dict[str, float] = {}
    for part in (accept or "").split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.lower()
        weights[media] = max(weights.get(media, 0.0), quality)
    graphql_response = weights.get(GRAPHQL_RESPONSE, 0.0)
    json_like = max(weights.get(JSON, 0.0), weights.get("application/*", 0.0))
    return GRAPHQL_RESPONSE if graphql_response > 0 and graphql_response >= json_like else JSON


def error_response(
    status: int,
    message: str,
    code: str,
    *,
    media_type: str = JSON,
    headers: dict[str, str] | None = None,
    **extensions: Any,
) -> Response:
    """A GraphQL response holding one coded error and no data (a request error)."""
    body = {"errors": [{"message": message, "extensions": {"code": code, **extensions}}]}
    response = Response(
        json.dumps(body, separators=(",", ":")), status_code=status, headers=headers
    )
    response.headers["content-type"] = _content_type(media_type)
    return response


def _content_type(media_type: str) -> str:
    return f"{media_type}; charset=utf-8" if media_type == GRAPHQL_RESPONSE else media_type


def exchange(request: Request) -> Exchange:
    """The request's negotiation result (created on first use)."""
    found = request.scope.get(STATE_KEY)
    if not isinstance(found, Exchange):
        found = Exchange(media_type=negotiate(request.headers.get("accept")))
        request.scope[STATE_KEY] = found
    return found


def _is_request_error(result: ExecutionResult) -> bool:
    """No data and only errors outside any field: the request failed before execution."""
    errors = result.errors or []
    return result.data is None and bool(errors) and all(e.path is None for e in errors)


def _request_error_status(result: ExecutionResult) -> int:
    codes = [(error.extensions or {}).get("code") for error in result.errors or []]
    return REQUEST_ERROR_STATUS.get(str(codes[0]), 400) if codes else 400


def _refusal(error: HTTPException, request: Request) -> RequestRefused:
    """Strawberry's HTTPExceptions, given our status codes and error codes."""
    if isinstance(error, RequestRefused):
        return error
    if isinstance(error.__cause__, InvalidOperationTypeError) and request.method == "GET":
        return RequestRefused(
            405, "Mutations must be sent with POST, not GET.", headers={"Allow": "POST"}
        )
    code = {404: NotFound.code, 413: LimitExceeded.code}.get(error.status_code, BadUserInput.code)
    return RequestRefused(error.status_code, error.reason, code)


def _operation(item: object) -> GraphQLRequestData:
    """One GraphQL-over-HTTP request: a JSON object with parameters of the right JSON types."""
    if not isinstance(item, dict):
        raise RequestRefused(400, "A GraphQL request must be a JSON object.")
    expected: dict[str, tuple[type, str]] = {
        "query": (str, "a string"),
        "operationName": (str, "a string"),
        "variables": (dict, "an object"),
        "extensions": (dict, "an object"),
    }
    for name, (kind, described) in expected.items():
        value = item.get(name)
        if value is not None and not isinstance(value, kind):
            raise RequestRefused(400, f"The request's `{name}` must be {described} or null.")
    return GraphQLRequestData(
        query=item.get("query"),
        variables=item.get("variables"),
        operation_name=item.get("operationName"),
        extensions=item.get("extensions"),
        protocol="http",
    )


class GraphQLOverHTTP(GraphQL[Context, None]):
    """Strawberry's ASGI view with the behaviour described in the module docstring.

    Subclasses set `settings` (MAX_BATCH_OPERATIONS is read per request).
    """

    settings: Settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        state = exchange(request)
        try:
            response = await self.run(request)
        except HTTPException as error:
            refused = _refusal(error, request)
            response = error_response(
                refused.status_code,
                refused.reason,
                refused.code,
                media_type=state.media_type,
                headers=refused.headers,
                **refused.extensions,
            )
        else:
            if response.headers.get("content-type", "").startswith(JSON):
                response.headers["content-type"] = _content_type(state.media_type)
                if state.request_error_status is not None and not state.batch:
                    response.status_code = state.request_error_status
                if response.status_code == 401:
                    response.headers["www-authenticate"] = "Bearer"
        await response(scope, receive, send)

    def parse_json(self, data: str | bytes) -> Any:
        try:
            return self.decode_json(data)
        except (ValueError, RecursionError) as error:  # JSONDecodeError, bad UTF-8, deep nesting
            raise RequestRefused(400, "The request body is not valid UTF-8 JSON.") from error

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        if request.method == "GET":
            return _operation(self.parse_query_params(request.query_params))
        media_type = (request.content_type or "").split(";", 1)[0].strip().lower()
        if media_type != JSON:
            raise RequestRefused(415, f"Send GraphQL requests as {JSON} (POST) or as GET.")
        data = self.parse_json(await request.get_body())
        if not isinstance(data, list):
            return _operation(data)
        limit = self.settings.max_batch_operations
        if limit == 0:
            raise RequestRefused(
                400, "Batching is off on this server: send one operation as a JSON object."
            )
        if not data:
            raise RequestRefused(400, "A batch must hold at least one operation.")
        if len(data) > limit:
            raise RequestRefused(
                400,
                f"A batch may hold at most {limit} operations; this one holds {len(data)}.",
                LimitExceeded.code,
                limitName="batch",
                limit=limit,
            )
        return [_operation(item) for item in data]

    async def execute_operation(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData | list[GraphQLRequestData],
        context: Context,
        root_value: None,
        sub_response: Response,
    ) -> ExecutionResult | list[ExecutionResult] | SubscriptionExecutionResult:
        if not isinstance(request_data, list):
            return await super().execute_operation(
                request, request_adapter, request_data, context, root_value, sub_response
            )
        # One after the other, each with its own context: strawberry would run them concurrently
        # on one context, so a mutation's effect would race the other operations' reads. An
        # operation refused before it runs (no query, unknown operation name) gets its own error
        # result: the operations before it may have run, so the batch cannot be refused whole.
        exchange(request).batch = True
        results: list[ExecutionResult] = []
        for data in request_data:
            try:
                result = await self.execute_single(
                    request=request,
                    request_adapter=request_adapter,
                    sub_response=sub_response,
                    context=await self.get_context(request, sub_response),
                    root_value=root_value,
                    request_data=data,
                )
            except HTTPException as error:
                refused = _refusal(error, request)
                extensions = {"code": refused.code, **refused.extensions}
                result = ExecutionResult(
                    data=None, errors=[GraphQLError(refused.reason, extensions=extensions)]
                )
            results.append(result)
        return results

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        processed = await super().process_result(request, result)
        state = exchange(request)
        if state.media_type == GRAPHQL_RESPONSE and _is_request_error(result):
            processed.pop("data", None)
            state.request_error_status = _request_error_status(result)
        return processed
