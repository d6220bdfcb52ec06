// Where the signed-in person works: their community (from their unit, party-member record or jurisdiction), and the
// communities an admin above a community can choose from.
import { api } from './api.js'
import { session } from './session.js'

let community

export async function myCommunity() {
  if (community !== undefined) return community
  const c = session.claims
  try {
    if (c.unit) {
      community = (await api.get(`/api/units/${c.unit}`)).communityIds?.[0] ?? null
    } else if (c.jurisdiction) {
      const node = await api.get(`/api/grid/nodes/${c.jurisdiction}`)
      community = await communityOf(node)
    } else if (c.member) {
      community = (await api.get(`/api/members/${c.member}`)).communityId ?? null
    } else {
      community = null
    }
  } catch {
    community = null
  }
  return community
}

/** Finds the person's community into `community` and, when there is one, loads each of `reads` (useLoad's) of it. */
export async function loadForMyCommunity(community, ...reads) {
  community.value = await myCommunity()
  if (community.value) reads.forEach((read) => read.load())
}

async function communityOf(node) {
  if (node.kind === 'COMMUNITY') return node.id
  if (node.kind === 'GRID' || node.kind === 'MICRO_GRID') {
    return communityOf(await api.get(`/api/grid/nodes/${node.parentId}`))
  }
  // a street's or district's admin: the first community below, the screen lets them choose another
  const below = await communities(node.id)
  return below[0]?.id ?? null
}

/** The communities below a node (a street or district), for admins to choose from. */
export async function communities(under) {
  const page = await api.get('/api/grid/nodes', { kind: 'COMMUNITY', limit: 200 })
  return (page.items || []).filter((n) => !under || n.path?.includes(under) || n.parentId === under)
}

export function thisYear() {
  return new Date().getFullYear()
}
