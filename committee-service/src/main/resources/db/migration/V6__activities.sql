-- joint activities (活动联办): organised with member units, signed up to by party members and volunteers,
-- completed once, crediting each participant checked in with its service hours and points (member-service)
create table activity (
    id                  uuid primary key,
    community_id        uuid         not null,
    title               text         not null,
    kind                text         not null,
    starts_at           timestamptz  not null,
    ends_at             timestamptz  not null,
    place               text         not null,
    capacity            int          not null check (capacity > 0),
    hours               numeric(4, 1) not null check (hours >= 0),
    points              int          not null check (points >= 0),
    organiser_unit_ids  uuid[]       not null,
    created_by          text         not null,
    created_at          timestamptz  not null,
    completed_at        timestamptz
);
create index activity_community_time on activity (community_id, starts_at);

-- one registration per person and activity; a cancelled one is deleted, freeing its place
create table activity_registration (
    activity_id   uuid        not null references activity,
    person_id     uuid        not null,
    person_kind   text        not null,
    registered_at timestamptz not null,
    checked_in_at timestamptz,
    primary key (activity_id, person_id)
);

-- member.events: the volunteers (志愿者) of each community, so that only known volunteers sign up
create table volunteer (
    id           uuid primary key,
    community_id uuid not null
);
