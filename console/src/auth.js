// Sign-in with the identity provider: authorization code + PKCE (S256) through oidc-client-ts. The tokens live in
// this tab's sessionStorage only; the access token is refreshed with the refresh token before it expires.
import { UserManager, WebStorageStateStore } from 'oidc-client-ts'

let manager
let config

export async function loadConfig() {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' })
  if (!response.ok) throw new Error(`无法读取控制台配置（${response.status}）`)
  config = await response.json()
  const base = `${window.location.origin}${import.meta.env.BASE_URL}`
  manager = new UserManager({
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${base}callback`,
    post_logout_redirect_uri: base,
    response_type: 'code',
    scope: 'openid profile',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    automaticSilentRenew: true,
    loadUserInfo: false,
  })
  manager.events.addSilentRenewError(() => manager.removeUser())
  return config
}

export function userManager() {
  return manager
}

export async function currentUser() {
  const user = await manager.getUser()
  return user && !user.expired ? user : null
}

/** The access token's claims: roles, jurisdiction, unit, member, department, name. */
export function claims(user) {
  if (!user) return null
  const payload = user.access_token.split('.')[1]
  const json = decodeURIComponent(
    atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
      .split('')
      .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
      .join(''),
  )
  const token = JSON.parse(json)
  return {
    subject: token.sub,
    name: token.name || user.profile?.name || token.sub,
    roles: Array.isArray(token.roles) ? token.roles : [],
    jurisdiction: token.jurisdiction || null,
    unit: token.unit || null,
    member: token.member || null,
    department: token.department || null,
  }
}

export function signIn(returnTo) {
  return manager.signinRedirect({ state: { returnTo } })
}

export async function completeSignIn() {
  const user = await manager.signinRedirectCallback()
  return user.state?.returnTo || '/'
}

export function signOut() {
  return manager.signoutRedirect()
}
