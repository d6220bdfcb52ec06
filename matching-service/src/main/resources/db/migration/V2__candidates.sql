-- Ranked candidates computed when a wish was submitted, best first.
create table wish_candidates (
    wish_id      uuid primary key,
    community_id uuid        not null,
    grid_id      uuid        not null,
    computed_at  timestamptz not null
);

create table wish_candidate (
    wish_id      uuid             not null references wish_candidates on delete cascade,
    rank         int              not null,
    kind         text             not null,
    candidate_id uuid             not null,
    name         text,
    score        double precision not null,
    reasons      text             not null, -- JSON array of {factor, points, detail}
    computed_at  timestamptz      not null,
    primary key (wish_id, rank)
);
-- fairness: how often a candidate was ranked first lately
create index wish_candidate_firsts on wish_candidate (candidate_id, computed_at) where rank = 1;
