// Every subject a sanction flag is on (the explanation scan of the demo, tests/test_demo.py).
// @returns sid
MATCH (f:Flag)
RETURN DISTINCT f.targetSid AS sid
ORDER BY sid
