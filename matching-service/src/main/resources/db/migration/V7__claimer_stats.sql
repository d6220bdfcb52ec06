-- A candidate's service record (open claims, fulfilled, late) and its capacity used this year, per
-- category. CandidatePool read them for the community's ~200 candidates on every submitted wish by
-- counting the candidates' wishes: 6-8 ms of PostgreSQL per wish on a bench database of 60k wishes,
-- growing with every wish claimed. These counters grow only with candidates × categories × years.
-- A trigger keeps them: every change to a wish row (whichever event made it, replayed or rebuilt)
-- takes the old row's share out and puts the new row's in, in the same transaction as the change.
create table claimer_stats (
    claimer_id  uuid    not null,
    category    text    not null,
    -- the year the claim was taken, which is what "capacity used this year" counts
    year        integer not null,
    open_claims integer not null default 0,
    fulfilled   integer not null default 0,
    late        integer not null default 0,
    used        integer not null default 0,
    primary key (claimer_id, category, year)
);

create function claimer_stats_add(w wish, sign integer) returns void language plpgsql as $$
begin
    if w.claimer_id is null then
        return;
    end if;
    insert into claimer_stats as s (claimer_id, category, year, open_claims, fulfilled, late, used)
    values (w.claimer_id, w.category, coalesce(extract(year from w.claimed_at at time zone 'UTC')::integer, 0),
            sign * (w.status = 'CLAIMED')::integer,
            sign * (w.fulfilled_at is not null)::integer,
            sign * coalesce(w.fulfilled_at is not null and (w.fulfil_escalated or w.fulfilled_at > w.wanted_by), false)::integer,
            sign * (w.status in ('CLAIMED', 'FULFILLED', 'CLOSED'))::integer)
    on conflict (claimer_id, category, year) do update
        set open_claims = s.open_claims + excluded.open_claims, fulfilled = s.fulfilled + excluded.fulfilled,
            late = s.late + excluded.late, used = s.used + excluded.used;
end $$;

create function claimer_stats_keep() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform claimer_stats_add(old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform claimer_stats_add(new, 1);
    end if;
    return null;
end $$;

-- only rows that hold a claim, before or after, have a share: an unclaimed wish's steps touch no counter
create trigger claimer_stats_on_insert after insert on wish
    for each row when (new.claimer_id is not null) execute function claimer_stats_keep();
create trigger claimer_stats_on_update after update on wish
    for each row when (old.claimer_id is not null or new.claimer_id is not null) execute function claimer_stats_keep();
create trigger claimer_stats_on_delete after delete on wish
    for each row when (old.claimer_id is not null) execute function claimer_stats_keep();

insert into claimer_stats (claimer_id, category, year, open_claims, fulfilled, late, used)
select claimer_id, category, coalesce(extract(year from claimed_at at time zone 'UTC')::integer, 0),
       count(*) filter (where status = 'CLAIMED'),
       count(*) filter (where fulfilled_at is not null),
       count(*) filter (where fulfilled_at is not null and (fulfil_escalated or fulfilled_at > wanted_by)),
       count(*) filter (where status in ('CLAIMED', 'FULFILLED', 'CLOSED'))
from wish where claimer_id is not null
group by 1, 2, 3;

-- nothing reads wishes by claimer any more
drop index wish_claimer_stats;
