// 用户管理: an admin creates a person in the browser — first with a username the identity provider refuses, whose
// message shows beside the field — reads the one-time password from the dialog, and that person then signs in with it,
// is asked to choose a password of their own first (设置新密码), and arrives in the console.
// Environment: USERNAME (the admin's login).
import { gateway, need, scenario } from './lib.mjs'

scenario('users', async (run) => {
  const admin = await run.person()
  await run.step('the admin signs in', admin, () => run.signIn(admin, need('USERNAME')))
  await run.step('opens 用户管理', admin, () => run.openScreen(admin, '用户管理'))
  await run.check(admin, 'users')

  const username = `e2e-${Date.now().toString(36)}`
  await run.step('opens the new-user form', admin, async () => {
    await admin.locator('[data-test="user-create"]').click()
    await admin.getByRole('dialog', { name: '新建用户' }).waitFor()
  })
  await run.step('a refused username is explained beside its field', admin, async () => {
    await admin.locator('input[data-test="user-username"], [data-test="user-username"] input').fill('Not Allowed!')
    await admin.locator('input[data-test="user-name"], [data-test="user-name"] input').fill('浏览器测试网格员')
    await admin.getByRole('dialog', { name: '新建用户' }).locator('.el-select').first().click()
    await admin.locator('.el-select-dropdown__item:visible', { hasText: '网格员' }).first().click()
    // a click elsewhere in the form closes the options (Escape would close the dialog too)
    await admin.getByRole('dialog', { name: '新建用户' }).locator('.el-dialog__title').click()
    await admin.locator('[data-test="user-save"]').click()
    await admin.locator('.field-error', { hasText: 'username' }).waitFor()
  })
  await run.check(admin, 'users-field-error', { errorsAllowed: true })
  let oneTime
  await run.step('creates the person and reads the one-time password', admin, async () => {
    await admin.locator('input[data-test="user-username"], [data-test="user-username"] input').fill(username)
    await admin.locator('[data-test="user-save"]').click()
    const shown = admin.locator('[data-test="one-time-password"]')
    await shown.waitFor()
    oneTime = (await shown.innerText()).trim()
    if (!oneTime) throw new Error('no one-time password shown')
  })
  await run.check(admin, 'users-one-time-password')

  const person = await run.person()
  await run.step('the new person signs in with it and is asked for a password of their own', person, async () => {
    await person.goto(gateway + '/console/')
    await person.waitForSelector('input[name="username"]')
    await person.fill('input[name="username"]', username)
    await person.fill('input[name="password"]', oneTime)
    await person.getByRole('button', { name: '登录' }).click()
    await person.getByRole('heading', { level: 1, name: '设置新密码' }).waitFor()
  })
  await run.check(person, 'new-person-password')
  await run.step('chooses one and arrives in the console', person, async () => {
    await person.getByLabel('新密码（').fill(`${username}-own-password`)
    await person.getByLabel('再次输入新密码').fill(`${username}-own-password`)
    await person.getByRole('button', { name: '保存并继续' }).click()
    await person.waitForURL((url) => url.pathname.startsWith('/console/') && !url.pathname.startsWith('/console/callback'))
    await person.waitForSelector('[data-test="user"]')
  })
  await run.check(person, 'new-person-home')
  return { created: username }
})
