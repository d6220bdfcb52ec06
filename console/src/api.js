// Calls to the gateway's API with the signed-in user's token. Every command carries an Idempotency-Key (kept by
// the caller across retries of the same action); errors come back as ApiError with the problem+json's detail and
// its field errors.
import { userManager } from './auth.js'

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `请求失败（${status}）`)
    this.status = status
    this.problem = problem || {}
    this.fieldErrors = Object.fromEntries((problem?.errors || []).map((e) => [e.field, e.message]))
  }
}

/** A key for one user action: a retry of the same action sends it again, so nothing happens twice. */
export function idempotencyKey() {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

async function request(method, path, { body, form, query, key, accept = 'application/json', raw = false } = {}) {
  const user = await userManager().getUser()
  const headers = { Accept: accept }
  if (user) headers.Authorization = `Bearer ${user.access_token}`
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET') headers['Idempotency-Key'] = key || idempotencyKey()
  const url = new URL(path, window.location.origin)
  Object.entries(query || {}).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, value)
  })
  let response
  try {
    response = await fetch(url, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) })
  } catch {
    throw new ApiError(0, { detail: '无法连接服务器，请检查网络后重试' })
  }
  if (response.status === 401) {
    await userManager().removeUser()
    throw new ApiError(401, { detail: '登录已过期，请重新登录' })
  }
  if (!response.ok) {
    let problem
    try {
      problem = await response.json()
    } catch {
      problem = { detail: `请求失败（${response.status}）` }
    }
    throw new ApiError(response.status, problem)
  }
  if (raw) return response
  if (response.status === 204) return null
  const text = await response.text()
  return text ? JSON.parse(text) : null
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, key) => request('POST', path, { body, key }),
  put: (path, body, key) => request('PUT', path, { body, key }),
  patch: (path, body, key) => request('PATCH', path, { body, key }),
  delete: (path, key) => request('DELETE', path, { key }),
  /** A file as multipart part `file` (the browser sets the boundary). */
  upload: (path, file, key) => {
    const form = new FormData()
    form.append('file', file)
    return request('POST', path, { form, key })
  },
  blob: async (path) => (await request('GET', path, { accept: 'image/*', raw: true })).blob(),
}
