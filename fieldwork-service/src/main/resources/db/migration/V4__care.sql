-- 四个一 care for special groups (issue 18). Which groups a household belongs to and the contacts' notes are
-- sensitive: sealed with AES-GCM under FIELDWORK_DATA_KEY, each bound to its row's id (kit PersonalDataCipher).
create table care_recipient (
    id             uuid primary key,
    household_id   uuid        not null unique,
    micro_grid_id  uuid        not null,
    community_id   uuid        not null,
    groups_sealed  text        not null,
    carers         text[]      not null,
    registered_by  text        not null,
    registered_at  timestamptz not null,
    -- the weekly home visit's timer: polled by every replica, taken with for update skip locked
    visit_due_at   timestamptz not null,
    missed_in_a_row int        not null default 0,
    version        bigint      not null default 0
);
create index care_recipient_micro_grid on care_recipient (micro_grid_id);
create index care_recipient_visit_due on care_recipient (visit_due_at);

create table care_contact (
    id           uuid primary key,
    recipient_id uuid        not null references care_recipient (id),
    kind         text        not null,
    carer        text        not null,
    note_sealed  text        not null,
    at           timestamptz not null
);
create index care_contact_recipient on care_contact (recipient_id, at);
