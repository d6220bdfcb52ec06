-- The service kit's tables. Versions 0.x are reserved for the kit; services start at V1.

-- Transactional outbox: written in the same transaction as the state change it announces.
create table kit_outbox (
    id             bigserial primary key,
    event_id       uuid        not null unique,
    topic          text        not null,
    event_type     text        not null,
    subject        text        not null,
    data           json        not null,  -- json, not jsonb: published byte for byte as written
    correlation_id text,
    occurred_at    timestamptz not null,
    sent_at        timestamptz
);
create index kit_outbox_unsent on kit_outbox (id) where sent_at is null;
create index kit_outbox_sent_at on kit_outbox (sent_at) where sent_at is not null;

-- Inbox: one row per (consumer, event) applied, inserted in the handler's own transaction.
create table kit_inbox (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
