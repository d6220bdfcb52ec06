// One person's console: they sign in, open every screen their roles show in the menu (each screenshot and checked by
// axe-core, none showing an error) and, at a phone's size, the first of them with the menu in a drawer.
// Environment (besides lib.mjs's): PERSONA (a name for the files), USERNAME.
import { need, scenario } from './lib.mjs'

scenario(`screens-${process.env.PERSONA || 'persona'}`, async (run) => {
  const username = need('USERNAME')
  const page = await run.person()
  await run.step('signs in', page, () => run.signIn(page, username))
  await run.check(page, 'home')
  const titles = await page.getByRole('navigation', { name: '主菜单' }).getByRole('menuitem').allInnerTexts()
  const screens = titles.map((t) => t.trim()).filter((t) => t && t !== '工作台')
  for (const title of screens) {
    await run.step(`opens ${title}`, page, () => run.openScreen(page, title))
    await run.check(page, title)
  }

  const phone = await run.person({ width: 390, height: 844 })
  await run.step('signs in on a phone', phone, () => run.signIn(phone, username))
  await run.step('opens the menu on a phone', phone, async () => {
    await phone.getByRole('button', { name: '打开菜单' }).click()
    await phone.getByRole('dialog', { name: '菜单' }).waitFor()
    await run.check(phone, 'phone-menu')
    if (screens.length) {
      await phone.getByRole('dialog', { name: '菜单' }).getByRole('menuitem', { name: screens[0] }).click()
      await phone.getByRole('heading', { level: 1, name: screens[0] }).waitFor()
      await run.check(phone, `phone-${screens[0]}`)
    }
  })
  return { screens: ['工作台', ...screens] }
})
