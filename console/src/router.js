import { createRouter, createWebHistory } from 'vue-router'
import { session, screens, canOpen } from './session.js'
import { signIn, userManager } from './auth.js'

const views = {
  home: () => import('./views/HomeView.vue'),
  dispatch: () => import('./views/DispatchBoard.vue'),
  inbox: () => import('./views/UnitInbox.vue'),
  lists: () => import('./views/ListsView.vue'),
  supervision: () => import('./views/SupervisionView.vue'),
  meetings: () => import('./views/MeetingsView.vue'),
  cases: () => import('./views/CasesView.vue'),
  'roll-call': () => import('./views/RollCallView.vue'),
  kpis: () => import('./views/KpisView.vue'),
  points: () => import('./views/PointsView.vue'),
  users: () => import('./views/UsersView.vue'),
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    ...screens.map((screen) => ({ path: screen.path, name: screen.name, component: views[screen.name], meta: { screen } })),
    { path: '/wishes/:id', name: 'wish', component: () => import('./views/WishDetail.vue'), props: true, meta: {} },
    { path: '/callback', name: 'callback', component: () => import('./views/CallbackView.vue'), meta: { open: true } },
    { path: '/signed-out', name: 'signed-out', component: () => import('./views/SignedOutView.vue'), meta: { open: true } },
    { path: '/:rest(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: {} },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.open || !userManager()) return true
  if (!session.user) {
    await signIn(to.fullPath)
    return false
  }
  if (to.meta.screen && !canOpen(to.meta.screen)) return { name: 'home' }
  return true
})
