-- Where a wish came from when fieldwork-service ordered it from a care recipient's yearly wish (四个一 · 每年一个心愿,
-- org.gridgov.care-recipient.wish-raised.v1): the source CARE_YEARLY_WISH, with ids only — the recipient's name, phone
-- and address stay in grid-service and fieldwork-service.
create table care_wish (
    wish_id      uuid        primary key references wish (id),
    recipient_id uuid        not null,
    contact_id   uuid        not null unique,
    household_id uuid        not null,
    carer        text        not null,
    ordered_at   timestamptz not null
);
