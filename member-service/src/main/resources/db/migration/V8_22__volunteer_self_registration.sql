-- A resident who registers themself as a volunteer: their account's subject, so that they register once in a
-- community (grid staff and admins register others: no subject).
alter table volunteer add column subject text;
create unique index volunteer_self on volunteer (community_id, subject) where subject is not null;
