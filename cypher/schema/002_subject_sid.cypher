// Every subject has one public id: the USCC of an organisation, the derived id of a person.
CREATE CONSTRAINT subject_sid IF NOT EXISTS FOR (n:Subject) REQUIRE n.sid IS UNIQUE
