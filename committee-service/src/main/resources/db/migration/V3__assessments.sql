-- 年底考核: each computation that changed a score is frozen as a new version of the community's year
create table assessment (
    id           uuid primary key,
    community_id uuid        not null,
    year         int         not null,
    version      int         not null,
    rule         text        not null,
    -- the scores and figures the version froze: a recomputation that finds the same makes no new version
    fingerprint  text        not null,
    computed_by  text        not null,
    computed_at  timestamptz not null,
    unique (community_id, year, version)
);

create table assessment_unit (
    assessment_id uuid  not null references assessment,
    unit_id       uuid  not null,
    name          text  not null,
    place         int   not null,
    score         int   not null,
    band          text  not null,
    -- YearEndAssessment.Figures and its reasons, as computed
    figures       jsonb not null,
    reasons       jsonb not null,
    primary key (assessment_id, unit_id)
);
