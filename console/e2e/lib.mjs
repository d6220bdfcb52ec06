// What every browser scenario shares: Debian's Chromium driven by playwright-core (headless), sign-in through the
// identity provider's own login page, a screenshot of every screen and an axe-core check of it.
//
// Environment: GRIDGOV_GATEWAY (the gateway's base URL), CHROMIUM (default /usr/bin/chromium), SCREENSHOTS (a
// directory, default ./test-results/screenshots), GRIDGOV_PASSWORD (the demo users' password).
// A scenario prints one JSON line — {scenario, ok, screens:[{name, file, violations}], failures} — and exits 1 when
// anything failed, so the JUnit side can assert on both.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const require = createRequire(import.meta.url)
// evaluated through the DevTools protocol: the console's Content-Security-Policy (rightly) refuses an injected <script>
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

export const gateway = (process.env.GRIDGOV_GATEWAY || 'http://localhost:8080').replace(/\/$/, '')
export const password = process.env.GRIDGOV_PASSWORD || 'gridgov-demo'
const screenshots = process.env.SCREENSHOTS || 'test-results/screenshots'
const STEP_TIMEOUT = Number(process.env.STEP_TIMEOUT_MS || 30000)

export class Run {
  constructor(scenario) {
    this.scenario = scenario
    this.screens = []
    this.failures = []
    mkdirSync(screenshots, { recursive: true })
  }

  async start() {
    this.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      // root in CI containers: Chromium's sandbox needs user namespaces it may not have
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=zh-CN'],
    })
    return this
  }

  /** A fresh browser (own cookies and storage) for one person, at an office screen's size unless told. */
  async person(viewport = { width: 1366, height: 768 }) {
    const context = await this.browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    context.setDefaultTimeout(STEP_TIMEOUT)
    const page = await context.newPage()
    page.on('pageerror', (error) => this.failures.push(`page error: ${error.message}`))
    return page
  }

  /** Opens the console, is sent to the identity provider's login page, signs in and comes back signed in. */
  async signIn(page, username, path = '/console/', secret = password) {
    await page.goto(gateway + path)
    await page.waitForSelector('input[name="username"]')
    await page.fill('input[name="username"]', username)
    await page.fill('input[name="password"]', secret)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/console/') && !url.pathname.startsWith('/console/callback'))
    await page.waitForSelector('[data-test="user"]')
  }

  /** Opens a screen from the menu (as a person would: by its name) and waits for it to settle. */
  async openScreen(page, title) {
    const menu = page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem', { name: title })
    await menu.click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    await this.settle(page)
  }

  /** Waits until no loading mask is left (every read of the screen has answered). */
  async settle(page) {
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(() => !document.querySelector('.el-loading-mask'), null, { timeout: STEP_TIMEOUT })
  }

  /** A screenshot of the whole page and the accessibility check of what it shows (serious and critical count). */
  async check(page, name, { errorsAllowed = false } = {}) {
    await this.settle(page)
    const file = join(screenshots, `${this.scenario}-${name}.png`)
    await page.screenshot({ path: file, fullPage: true })
    await page.evaluate(AXE)
    const result = await page.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { resultTypes: ['violations'] })
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }))
    })
    const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    const errors = errorsAllowed ? [] : await page.locator('.el-alert--error').allInnerTexts()
    this.screens.push({ name, file, violations: serious, minor: result.length - serious.length, errors })
    if (serious.length) this.failures.push(`${name}: ${serious.length} serious accessibility violation(s): ${serious.map((v) => v.id).join(', ')}`)
    if (errors.length) this.failures.push(`${name}: shows an error: ${errors.join(' | ')}`)
  }

  /** Runs a step, recording a failure (with a screenshot of where it stopped) instead of throwing. */
  async step(name, page, action) {
    try {
      return await action()
    } catch (error) {
      this.failures.push(`${name}: ${error.message.split('\n')[0]}`)
      if (page) await page.screenshot({ path: join(screenshots, `${this.scenario}-FAILED-${name}.png`), fullPage: true }).catch(() => {})
      throw error
    }
  }

  async finish(extra = {}) {
    await this.browser?.close()
    const ok = this.failures.length === 0
    console.log(JSON.stringify({ scenario: this.scenario, ok, screens: this.screens, failures: this.failures, ...extra }))
    process.exit(ok ? 0 : 1)
  }
}

/** Runs a scenario's body; whatever it throws ends it as a failure with the JSON report still printed. */
export async function scenario(name, body) {
  const run = new Run(name)
  let extra = {}
  try {
    await run.start()
    extra = (await body(run)) || {}
  } catch (error) {
    if (!run.failures.length) run.failures.push(error.message.split('\n')[0])
  }
  await run.finish(extra)
}

export function need(name) {
  const value = process.env[name]
  if (!value) throw new Error(`set ${name}`)
  return value
}
