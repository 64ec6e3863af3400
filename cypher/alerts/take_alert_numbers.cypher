// Take `n` alert numbers: the sequence's last number after taking them. The node is written by
// every fan-out transaction, so concurrent ones are serialised and numbers are never shared.
// @param n INTEGER  how many numbers
// @returns last
MERGE (q:AlertSequence {name: 'alert'})
ON CREATE SET q.value = 0
SET q.value = q.value + $n
RETURN q.value AS last
