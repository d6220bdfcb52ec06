-- Notifications to people (issue 20): one row per recipient and event, so a redelivered event tells
-- nobody twice. A recipient is a person (their token's subject) or a role at a place that everyone
-- holding it reads (unit:<id>, member:<id>, department:<id>, node:<grid-tree node> for its staff).
create table notification (
    id         uuid        primary key,
    recipient  text        not null,
    event_id   text        not null,
    event_type text        not null,
    kind       text        not null,
    subject    text        not null,
    -- the template filled: no personal data (events carry none)
    text       text        not null,
    created_at timestamptz not null,
    read_at    timestamptz,
    unique (recipient, event_id)
);
create index notification_inbox on notification (recipient, created_at desc, id desc);

-- Who ordered a wish and in which grid, from its submission: its later events name neither.
create table wish_party (
    wish_id  uuid primary key,
    resident text,
    grid_id  uuid not null
);
