// Ask for a linked-risk refresh around the given subjects (the outbox the refresh worker drains).
// Written in the transaction of the change itself, so a committed change always leaves its request;
// a later change of the same subject gives it a new token, so a drain in progress keeps it.
// @param sids LIST<STRING>  subjects that changed (either end of a role will do)
// @param at DATETIME  when the change asked
// @param token STRING  this request's id (a drain removes a request only if the token is unchanged)
// @returns sid
UNWIND $sids AS key
MERGE (r:RiskRefresh {sid: key})
SET r.requestedAt = $at, r.token = $token
RETURN r.sid AS sid
