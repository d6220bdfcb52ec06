-- A district-sized read model for the candidates benchmark (docs/design.md §1): 20 streets, 200 communities,
-- 2,000 grids, 9,000 micro-grids, 3,000 member units with resource lists, 40,000 party members,
-- 100,000 wishes of history (claims, fulfilments, late ones) and 20,000 recent first places.
-- Ids are md5-derived so the shape is the same on every run.
select setseed(0.2026);

insert into kit_grid_node (id, kind, name, parent_id, path, updated_at)
select md5('d')::uuid, 'DISTRICT', '涪陵区', null, '{}', now();

insert into kit_grid_node (id, kind, name, parent_id, path, updated_at)
select md5('s' || s)::uuid, 'STREET', 'street ' || s, md5('d')::uuid, array[md5('d')::uuid], now()
from generate_series(1, 20) s;

insert into kit_grid_node (id, kind, name, parent_id, path, updated_at)
select md5('c' || c)::uuid, 'COMMUNITY', 'community ' || c, md5('s' || ((c - 1) / 10 + 1))::uuid,
       array[md5('d')::uuid, md5('s' || ((c - 1) / 10 + 1))::uuid], now()
from generate_series(1, 200) c;

insert into kit_grid_node (id, kind, name, parent_id, path, grid_kind, updated_at)
select md5('g' || g)::uuid, 'GRID', 'grid ' || g, md5('c' || ((g - 1) / 10 + 1))::uuid,
       array[md5('d')::uuid, md5('s' || ((g - 1) / 100 + 1))::uuid, md5('c' || ((g - 1) / 10 + 1))::uuid],
       'RESIDENTIAL', now()
from generate_series(1, 2000) g;

insert into kit_grid_node (id, kind, name, parent_id, path, updated_at)
select md5('m' || m)::uuid, 'MICRO_GRID', 'micro-grid ' || m, md5('g' || g)::uuid,
       array[md5('d')::uuid, md5('s' || ((g - 1) / 100 + 1))::uuid, md5('c' || ((g - 1) / 10 + 1))::uuid, md5('g' || g)::uuid],
       now()
from generate_series(1, 9000) m, lateral (select (m - 1) % 2000 + 1 as g) grid;

-- unit u belongs to community (u - 1) % 200 + 1; one in ten also to the next community
insert into unit (id, name, kind, community_ids)
select md5('u' || u)::uuid, 'unit ' || u, 'ENTERPRISE',
       case when u % 10 = 0 then array[md5('c' || c)::uuid, md5('c' || (c % 200 + 1))::uuid] else array[md5('c' || c)::uuid] end
from generate_series(1, 3000) u, lateral (select (u - 1) % 200 + 1 as c) community;

insert into resource_list (unit_id, period, version, occurred_at)
select md5('u' || u)::uuid, extract(year from now())::text, 1, now() from generate_series(1, 3000) u;

insert into resource_item (unit_id, period, item_id, category, title, capacity, area)
select md5('u' || u)::uuid, extract(year from now())::text, md5('i' || u || '-' || i)::uuid,
       (array['ELDERLY_CARE','CHILD_CARE','DISABILITY_SUPPORT','HEALTH','LEGAL_AID','EDUCATION','EMPLOYMENT',
              'REPAIRS','ENVIRONMENT','SAFETY','CULTURE','DONATION','OTHER'])[1 + floor(random() * 13)::int],
       'item ' || i, 1 + floor(random() * 5)::int,
       case when random() < 0.5 then array[md5('g' || ((c - 1) * 10 + 1 + floor(random() * 10)::int))::uuid]
            else array[md5('c' || c)::uuid] end
from generate_series(1, 3000) u, lateral (select (u - 1) % 200 + 1 as c) community,
     lateral generate_series(1, 1 + u % 4) i;

insert into party_member (id, kind, community_ids, grid_id)
select md5('p' || p)::uuid, 'RESIDENT', array[md5('c' || c)::uuid], md5('g' || ((c - 1) * 10 + 1 + p % 10))::uuid
from generate_series(1, 40000) p, lateral (select (p - 1) % 200 + 1 as c) community;

-- wishes: claimed by a unit (70%) or a member (30%) of their community
insert into wish (id, category, community_id, grid_id, micro_grid_id, status, submitted_at, wanted_by,
                  claimer_kind, claimer_id, claimed_at, fulfilled_at, fulfil_escalated)
select md5('w' || w)::uuid, category, md5('c' || c)::uuid, md5('g' || g)::uuid, md5('m' || g)::uuid, status,
       submitted, submitted + interval '7 days',
       case when status in ('CLAIMED', 'FULFILLED', 'CLOSED') then case when by_unit then 'UNIT' else 'PARTY_MEMBER' end end,
       case when status in ('CLAIMED', 'FULFILLED', 'CLOSED') then
           case when by_unit then md5('u' || (c + 200 * floor(random() * 15)::int))::uuid
                else md5('p' || (c + 200 * floor(random() * 200)::int))::uuid end end,
       case when status in ('CLAIMED', 'FULFILLED', 'CLOSED') then submitted + interval '1 day' end,
       case when status in ('FULFILLED', 'CLOSED') then submitted + (random() * 10) * interval '1 day' end,
       status in ('FULFILLED', 'CLOSED') and random() < 0.1
from generate_series(1, 100000) w,
     lateral (select 1 + floor(random() * 200)::int as c, random() < 0.7 as by_unit,
                     (array['ELDERLY_CARE','CHILD_CARE','DISABILITY_SUPPORT','HEALTH','LEGAL_AID','EDUCATION','EMPLOYMENT',
                            'REPAIRS','ENVIRONMENT','SAFETY','CULTURE','DONATION','OTHER'])[1 + floor(random() * 13)::int] as category,
                     (array['CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLOSED','CLAIMED','FULFILLED','SUBMITTED','DISPATCHED'])
                         [1 + floor(random() * 10)::int] as status,
                     now() - random() * interval '300 days' as submitted
              -- w ties the subquery to each wish: uncorrelated, it ran once and all 100,000 wishes were alike
              where w > 0 offset 0) facts,
     lateral (select (c - 1) * 10 + 1 + floor(random() * 10)::int as g offset 0) place;

-- the last 20,000 wishes were ranked lately: their first place counts against the unit
insert into wish_candidates (wish_id, community_id, grid_id, computed_at)
select id, community_id, grid_id, now() - random() * interval '29 days' from wish order by id limit 20000;

insert into wish_candidate (wish_id, rank, kind, candidate_id, name, score, reasons, computed_at)
select c.wish_id, 1, 'UNIT', md5('u' || (floor(random() * 3000)::int + 1))::uuid, 'unit', 80, '[]', c.computed_at
from wish_candidates c;

analyze;
