-- The yearly wish of 四个一 ordered as a micro-wish in wish-service (issue 18): one per YEARLY_WISH contact, under the
-- wish id chosen here (org.gridgov.care-recipient.wish-raised.v1); its status follows wish-service's wish.events.
create table care_wish (
    contact_id   uuid        primary key references care_contact (id),
    recipient_id uuid        not null references care_recipient (id),
    wish_id      uuid        not null unique,
    category     text        not null,
    title        text        not null,
    raised_at    timestamptz not null,
    -- ORDERED until wish-service announces the wish; then the wish's status (SUBMITTED, DISPATCHED, CLAIMED, ...)
    status       text        not null,
    status_at    timestamptz not null
);
create index care_wish_recipient on care_wish (recipient_id, raised_at);
