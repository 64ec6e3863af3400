// An organisation (enterprise or other kind) is identified by its USCC.
CREATE CONSTRAINT organization_uscc IF NOT EXISTS FOR (n:Organization) REQUIRE n.uscc IS UNIQUE
