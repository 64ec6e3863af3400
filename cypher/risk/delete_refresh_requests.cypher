// Remove the refresh requests that were served, unless the subject changed again meanwhile (its
// token changed, so the request stays for the next drain).
// @param requests LIST<MAP>  {sid, token} as read by get_refresh_requests
// @returns deleted
UNWIND $requests AS q
MATCH (r:RiskRefresh {sid: q.sid})
WHERE r.token = q.token
DELETE r
RETURN count(*) AS deleted
