-- Volunteers (志愿者): residents who are not party members, each with a points account like a party member's
create table volunteer (
    id            uuid        primary key,
    name          text        not null,
    community_id  uuid        not null,
    -- personal data: shown in full only to the volunteer, masked to everyone else, never logged nor in events
    phone         text        not null,
    registered_at timestamptz not null,
    registered_by text        not null
);
create index volunteer_community on volunteer (community_id, id);
