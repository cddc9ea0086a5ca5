-- A level change's from_level is the level in force at its time (ContactService.changeLevel). Until
-- now a back-dated change put before another left that later change's from_level as it was written,
-- so the history read "new -> less-involved (1 Nov), new -> cadre (2 Dec)" and the movement report
-- (level_move, V26_1) counted the second under new -> cadre. The service now moves the next
-- change's from_level along; this repairs the changes written before it: each takes the to_level of
-- the change before it (in (changed_at, id) order, as gw_level_at reads them). Left as they are:
-- creations (from_level null), changes before a contact's creation with nothing before them, and a
-- change whose repair would make it change nothing (the level before it already is its to_level),
-- which the service now refuses to create. level_change's triggers refresh level_move for the
-- contacts repaired; on the benchmark data no change needs it.
with chain as (
    select l.id, l.from_level, l.to_level,
           lag(l.to_level) over (partition by l.contact_id order by l.changed_at, l.id) as before
    from level_change l
)
update level_change l
set from_level = c.before
from chain c
where l.id = c.id
  and l.from_level is not null
  and c.before is not null
  and c.before <> l.from_level
  and c.before <> l.to_level;
