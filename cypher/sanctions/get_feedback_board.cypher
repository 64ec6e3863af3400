// The joint-punishment feedback board (P20; 001 item 8): every department taking part in a
// list, with the entries pushed to it (withdrawn pushes excluded) and how many it answered,
// still waits for before their due day, or leaves overdue on `asOf`. Most overdue first.
// @param recipient STRING  the participants' recipient function (graph/rules/propagation.yaml)
// @param asOf DATE  the day the board is read for
// @returns authorityId, name, participatesIn, pushed, answered, waiting, overdue
MATCH (a:Authority)
WHERE size(coalesce(a.participatesIn, [])) > 0
OPTIONAL MATCH (n:Notice {authorityId: a.authorityId})
WHERE n.recipient = $recipient
WITH a, collect(n) AS pushes
WITH a,
     size([n IN pushes WHERE n.status <> 'WITHDRAWN']) AS pushed,
     size([n IN pushes WHERE n.status = 'HANDLED']) AS answered,
     size([n IN pushes WHERE n.status = 'SENT' AND n.dueOn >= $asOf]) AS waiting,
     size([n IN pushes WHERE n.status = 'SENT' AND n.dueOn < $asOf]) AS overdue
RETURN a.authorityId AS authorityId, a.name AS name, a.participatesIn AS participatesIn,
       pushed, answered, waiting, overdue
ORDER BY overdue DESC, authorityId
