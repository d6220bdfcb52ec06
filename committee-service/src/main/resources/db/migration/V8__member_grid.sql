-- the grid a party member belongs to (member.registered.v1's gridId), for an activity's teams by grid (网格分队).
-- Members registered before this version have none until member-service's events are replayed into the read model.
alter table member add column grid_id uuid;
