// The unique index behind name search: one `NameGram` node per two-character gram of subject
// names (ADR 0006). `creditgraph migrate` applies it (IF NOT EXISTS: harmless twice).
// @returns nothing
CREATE CONSTRAINT name_gram_g_unique IF NOT EXISTS FOR (n:NameGram) REQUIRE n.g IS UNIQUE
