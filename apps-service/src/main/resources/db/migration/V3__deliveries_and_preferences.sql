-- Notices sent beyond the in-app inbox (SMS; WeChat when a channel is configured), one row per recipient, event
-- and channel, so a redelivered event sends nothing twice. No phone number here: the channel reads it from the
-- service that owns it (wish-service for a wish's resident) at send time only.
create table delivery (
    id           uuid        primary key,
    recipient    text        not null,
    event_id     text        not null,
    event_type   text        not null,
    kind         text        not null,
    subject      text        not null,
    channel      text        not null,
    -- the template's values (from the event: no personal data) and the filled zh-CN text
    params       jsonb       not null,
    text         text        not null,
    urgent       boolean     not null,
    -- PENDING (due at due_at; HELD ones are PENDING with held = true until quiet hours end), SENT, FAILED,
    -- RATE_LIMITED (the inbox only), NO_CONTACT (the owner knows no phone)
    status       text        not null,
    held         boolean     not null default false,
    due_at       timestamptz not null,
    attempts     int         not null default 0,
    last_error   text,
    created_at   timestamptz not null,
    sent_at      timestamptz,
    unique (recipient, event_id, channel)
);
create index delivery_due on delivery (due_at) where status = 'PENDING';
-- the per-person rate limit counts what was sent to the recipient in the last hour
create index delivery_sent on delivery (recipient, channel, sent_at) where status = 'SENT';

-- A person's choices (their token's subject): channels overall and per kind (the inbox is always on), quiet hours.
create table notification_preference (
    recipient   text        primary key,
    channels    text[]      not null,
    by_kind     jsonb       not null,
    quiet_from  time,
    quiet_to    time,
    updated_at  timestamptz not null
);
