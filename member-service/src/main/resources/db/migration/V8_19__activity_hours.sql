-- service hours earned in joint activities (活动联办, committee.events): one row per person and activity,
-- so a redelivered or repeated completion credits nothing twice
create table activity_hours (
    activity_id  uuid          not null,
    person_id    uuid          not null,
    person_kind  text          not null,
    community_id uuid          not null,
    hours        numeric(4, 1) not null check (hours >= 0),
    points       int           not null check (points >= 0),
    earned_at    timestamptz   not null,
    primary key (activity_id, person_id)
);
create index activity_hours_person on activity_hours (person_id, earned_at);
create index activity_hours_community on activity_hours (community_id, person_id);
