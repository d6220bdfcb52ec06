-- Residents push back (issue 20): reopening a closed wish, urging an open one (催单), answering the
-- grid's questions.
alter table wish
    add column reopened      int         not null default 0,
    add column urged         int         not null default 0,
    add column last_urged_at timestamptz,
    -- the status an AWAITING_INFO wish goes back to once the resident answers
    add column awaiting_from text;

-- Every reopening, with the claimer whose claim it ended: the claimer's record keeps it after the
-- wish has moved on to someone else.
create table wish_reopening (
    wish_id      uuid        not null references wish (id),
    at           timestamptz not null,
    claimer_kind text,
    claimer_id   uuid,
    primary key (wish_id, at)
);
create index wish_reopening_claimer on wish_reopening (claimer_id) where claimer_id is not null;

-- While the wish waits for the resident's answer its deadline waits too: paused_at is when it
-- stopped (next_fire_at is null meanwhile); the answer moves the deadline on by the time waited.
alter table wish_sla add column paused_at timestamptz;

-- The grid's questions and the residents' answers. An answer may hold personal data: sealed like
-- wish.personal_data (AES-GCM under WISH_DATA_KEY, bound to the question's id).
create table wish_information (
    id            uuid        primary key,
    wish_id       uuid        not null references wish (id),
    asked_at      timestamptz not null,
    asked_by_role text        not null,
    question      text        not null,
    answered_at   timestamptz,
    answer        text
);
create index wish_information_wish on wish_information (wish_id, asked_at);
