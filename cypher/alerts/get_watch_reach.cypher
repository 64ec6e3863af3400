// The widest radius any watch asks for, per event kind: how far the fan-out must walk.
// @returns kind, radius
MATCH (w:Watch)
UNWIND w.events AS kind
RETURN kind, max(w.radius) AS radius
