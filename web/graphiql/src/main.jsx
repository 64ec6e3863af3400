// GraphiQL over this service's /graphql. Everything comes from the service itself: the page's
// CSP names only 'self'. The header editor is open for the two headers the API reads (a bearer
// token, and the stated purpose personal data needs: README "Access control"); GraphiQL keeps
// the headers in memory only (no persistence of a token). `?q=` (or `?query=`) opens a query.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createRoot } from "react-dom/client";

const WELCOME = `# CreditGraph 信用图谱
#
# 输入查询，按 Ctrl-Enter 执行。以某个角色查询时，在下方 Headers 中填入
# {"Authorization": "Bearer <令牌>", "X-Purpose": "<用途>"}
# （令牌：creditgraph token create --role investigator --subject 姓名）。
#
# Write a query and run it with Ctrl-Enter. To query as a role, put
# {"Authorization": "Bearer <token>", "X-Purpose": "<purpose>"} under Headers below
# (token: creditgraph token create --role investigator --subject NAME).

{
  searchSubjects(query: "北京示范", first: 5) {
    edges { node { id name } }
  }
}
`;

const params = new URLSearchParams(window.location.search);
const fetcher = createGraphiQLFetcher({ url: "/graphql" });
document.getElementById("boot")?.remove();
createRoot(document.getElementById("graphiql")).render(
  <GraphiQL
    fetcher={fetcher}
    defaultQuery={WELCOME}
    query={params.get("q") ?? params.get("query") ?? undefined}
    variables={params.get("variables") ?? undefined}
    isHeadersEditorEnabled
    defaultEditorToolsVisibility="headers"
  />,
);
