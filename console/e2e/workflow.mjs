// The whole life of a wish across people, in the browser: grid staff order it on a resident's behalf and dispatch it,
// the member unit claims and fulfils it, the grid staff close it with the resident's rating.
// Environment (besides lib.mjs's): STAFF_USER, UNIT_USER.
import { need, scenario } from './lib.mjs'

scenario('workflow', async (run) => {
  const staffUser = need('STAFF_USER')
  const unitUser = need('UNIT_USER')
  const title = `控制台测试：代购药品 ${Date.now()}`

  const staff = await run.person()
  await run.step('staff signs in', staff, () => run.signIn(staff, staffUser))
  await run.step('staff opens the dispatch board', staff, () => run.openScreen(staff, '派单台'))
  await run.check(staff, 'dispatch-board')

  await run.step('staff orders on a resident\'s behalf', staff, async () => {
    await staff.locator('[data-test="order"]').click()
    const dialog = staff.getByRole('dialog', { name: '代居民下单' })
    await dialog.waitFor()
    await run.check(staff, 'order-dialog')
    // a bad phone number: the API's field error is shown beside the field, nothing is ordered
    await dialog.getByLabel('标题').fill(title)
    await dialog.getByLabel('描述').fill('张阿姨行动不便，需要帮忙去社区医院取降压药。')
    await dialog.getByLabel('居民姓名').fill('张阿姨')
    await dialog.getByLabel('地址').fill(process.env.WISH_ADDRESS || '太平街社区1号楼1单元101')
    await dialog.getByLabel('联系电话').fill('bad')
    await dialog.getByRole('button', { name: '提交' }).click()
    await dialog.locator('.field-error').first().waitFor()
    await run.check(staff, 'order-field-error', { errorsAllowed: true })
    await dialog.getByLabel('联系电话').fill('13800138000')
    await dialog.getByRole('button', { name: '提交' }).click()
    await staff.waitForURL(/\/console\/wishes\//)
    await staff.locator('[data-status="SUBMITTED"]').waitFor()
  })
  const wishUrl = staff.url()
  await run.check(staff, 'wish-submitted')

  await run.step('staff dispatches', staff, async () => {
    await staff.locator('[data-test="dispatch"]').click()
    const dialog = staff.getByRole('dialog', { name: '派单' })
    await dialog.getByLabel('派单说明').fill('请就近单位认领')
    await run.check(staff, 'dispatch-dialog')
    await dialog.locator('[data-test="confirm"]').click()
    await staff.locator('[data-status="DISPATCHED"]').waitFor()
  })

  const unit = await run.person()
  await run.step('unit signs in', unit, () => run.signIn(unit, unitUser))
  await run.step('unit opens its inbox', unit, () => run.openScreen(unit, '单位待办'))
  await run.check(unit, 'unit-inbox')
  await run.step('unit finds the wish and claims it', unit, async () => {
    await unit.locator('[data-test="to-claim"]').getByRole('link', { name: title }).click()
    await unit.locator('[data-status="DISPATCHED"]').waitFor()
    await unit.locator('[data-test="claim"]').click()
    await unit.locator('[data-status="CLAIMED"]').waitFor()
  })
  await run.check(unit, 'wish-claimed')
  await run.step('unit fulfils it', unit, async () => {
    await unit.locator('[data-test="fulfil"]').click()
    const dialog = unit.getByRole('dialog', { name: '完成服务' })
    await dialog.getByLabel('服务情况').fill('已代取药品并送到家中。')
    await dialog.locator('[data-test="confirm"]').click()
    await unit.locator('[data-status="FULFILLED"]').waitFor()
  })

  await run.step('staff closes it with the resident\'s rating', staff, async () => {
    await staff.goto(wishUrl)
    await staff.locator('[data-status="FULFILLED"]').waitFor()
    await staff.locator('[data-test="close"]').click()
    const dialog = staff.getByRole('dialog', { name: '评价并办结' })
    await dialog.getByLabel('评价').fill('居民很满意')
    await dialog.locator('[data-test="confirm"]').click()
    await staff.locator('[data-status="CLOSED"]').waitFor()
  })
  await run.check(staff, 'wish-closed')
  const history = await staff.locator('[data-test="history"] .el-timeline-item').count()
  if (history < 5) run.failures.push(`the closed wish shows ${history} history entries, expected at least 5`)
  return { wish: wishUrl.split('/').pop(), history }
})
