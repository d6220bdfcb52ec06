-- 督办: when the unit was reminded of a milestone past due, and when the community's admins were told
alter table milestone add column reminded_at timestamptz;
alter table milestone add column escalated_at timestamptz;
create index milestone_unreached on milestone (due_date) where reached_at is null and escalated_at is null;
