// The signed-in person as the console sees them: their claims and what their roles let them open.
import { reactive } from 'vue'

export const session = reactive({ user: null, claims: null })

const ADMINS = ['COMMUNITY_ADMIN', 'STREET_ADMIN', 'DISTRICT_ADMIN']

export function hasRole(...roles) {
  return !!session.claims && session.claims.roles.some((role) => roles.includes(role))
}

export function isAdmin() {
  return hasRole(...ADMINS)
}

export function isStaff() {
  return hasRole('GRID_STAFF', ...ADMINS)
}

/** The screens, each with the roles that can use it (the API decides in the end). */
export const screens = [
  { path: '/', name: 'home', title: '工作台', icon: 'HomeFilled', roles: null },
  { path: '/dispatch', name: 'dispatch', title: '派单台', icon: 'Tickets', roles: ['GRID_STAFF', ...ADMINS] },
  { path: '/inbox', name: 'inbox', title: '单位待办', icon: 'Briefcase', roles: ['UNIT', 'PARTY_MEMBER'] },
  { path: '/lists', name: 'lists', title: '三张清单', icon: 'List', roles: ['GRID_STAFF', ...ADMINS] },
  { path: '/supervision', name: 'supervision', title: '督办与评议', icon: 'Bell', roles: ['UNIT', ...ADMINS] },
  { path: '/meetings', name: 'meetings', title: '会议与四议两公开', icon: 'ChatDotRound', roles: ['GRID_STAFF', 'UNIT', 'PARTY_MEMBER', ...ADMINS] },
  { path: '/cases', name: 'cases', title: '案件与吹哨报到', icon: 'Warning', roles: ['GRID_STAFF', 'DEPARTMENT', ...ADMINS] },
  { path: '/roll-call', name: 'roll-call', title: '战时点名', icon: 'AlarmClock', roles: ['GRID_STAFF', 'PARTY_MEMBER', 'UNIT', ...ADMINS] },
  { path: '/kpis', name: 'kpis', title: '绩效指标', icon: 'DataLine', roles: ['GRID_STAFF', 'UNIT', ...ADMINS] },
  { path: '/points', name: 'points', title: '积分与榜单', icon: 'Trophy', roles: null },
  { path: '/users', name: 'users', title: '用户管理', icon: 'User', roles: ADMINS },
]

export function canOpen(screen) {
  return !screen.roles || hasRole(...screen.roles)
}
