-- How often each candidate was ranked first, per day. The fairness term reads the counts of the
-- community's ~200 candidates over the window for every submitted wish; counting rank-1 rows of
-- wish_candidate read more index entries with every wish ranked (1,770 per query at 35k rows, 2.8 ms),
-- while these rows grow only with candidates × days. CandidateStore keeps them with the rankings.
create table candidate_firsts (
    candidate_id uuid not null,
    day          date not null,
    firsts       integer not null,
    primary key (candidate_id, day)
);

insert into candidate_firsts (candidate_id, day, firsts)
select candidate_id, (computed_at at time zone 'UTC')::date, count(*)
from wish_candidate where rank = 1
group by 1, 2;

drop index wish_candidate_firsts;
