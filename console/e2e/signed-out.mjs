// Without signing in: the console sends the browser to the identity provider's login page (and nothing of the
// console's data is shown); the login page itself is screenshot and checked too.
import { gateway, scenario } from './lib.mjs'

scenario('signed-out', async (run) => {
  const page = await run.person()
  await run.step('is sent to the login page', page, async () => {
    await page.goto(`${gateway}/console/dispatch`)
    await page.waitForSelector('input[name="username"]')
  })
  const url = new URL(page.url())
  await run.check(page, 'login-page')
  return { loginPage: url.origin + url.pathname }
})
