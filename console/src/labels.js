// zh-CN names of the API's codes.
export const roleNames = {
  RESIDENT: '居民',
  PARTY_MEMBER: '党员',
  GRID_STAFF: '网格员',
  UNIT: '共建单位',
  COMMUNITY_ADMIN: '社区管理员',
  STREET_ADMIN: '街道管理员',
  DISTRICT_ADMIN: '区级管理员',
  DEPARTMENT: '职能部门',
  VOLUNTEER: '志愿者',
  CLIENT: '第三方应用',
}

export const wishStatus = {
  SUBMITTED: { label: '待派单', type: 'warning' },
  AWAITING_INFO: { label: '待补充信息', type: 'info' },
  DISPATCHED: { label: '待认领', type: 'primary' },
  CLAIMED: { label: '服务中', type: 'primary' },
  FULFILLED: { label: '待评价', type: 'success' },
  CLOSED: { label: '已办结', type: 'success' },
  REJECTED: { label: '已驳回', type: 'danger' },
  CANCELLED: { label: '已撤销', type: 'info' },
}

export const categories = {
  ELDERLY_CARE: '养老助老',
  CHILD_CARE: '儿童关爱',
  DISABILITY_SUPPORT: '助残服务',
  HEALTH: '医疗健康',
  LEGAL_AID: '法律援助',
  EDUCATION: '教育辅导',
  EMPLOYMENT: '就业帮扶',
  REPAIRS: '维修服务',
  ENVIRONMENT: '环境整治',
  SAFETY: '安全隐患',
  CULTURE: '文化活动',
  DONATION: '爱心捐赠',
  OTHER: '其他',
}

export const historyActions = {
  SUBMITTED: '下单', DISPATCHED: '派单', REJECTED: '驳回', CLAIMED: '认领', RELEASED: '退回', FULFILLED: '完成服务',
  CLOSED: '评价办结', CANCELLED: '撤销', REMINDED: '提醒', ESCALATED: '升级督办', REOPENED: '重新打开', URGED: '催单',
  INFORMATION_REQUESTED: '请求补充信息', INFORMATION_GIVEN: '补充信息',
}

export const caseStatus = {
  REPORTED: '已上报', FILED: '已立案', DECLINED: '不予立案', REFERRED: '已吹哨', ACKNOWLEDGED: '已报到',
  HANDLED: '已处置', CLOSED: '已结案',
}

export const projectStatus = {
  OPEN: '机会清单', OFFERED: '待认领', CLAIMED: '已揭榜', SIGNED: '已签认领书', IN_PROGRESS: '实施中',
  COMPLETED: '待评议', REVIEWED_FINAL: '已评议', CANCELLED: '已取消', SUPERSEDED: '已被替代',
}

export const calleeStatus = { CALLED: '已通知', ON_THE_WAY: '在途', ARRIVED: '已到岗', UNAVAILABLE: '无法到岗' }

export function label(map, code) {
  const value = map[code]
  if (!value) return code ?? '—'
  return typeof value === 'string' ? value : value.label
}

export function dateTime(value) {
  if (!value) return '—'
  return new Date(value).toLocaleString('zh-CN', { hour12: false })
}

export function percent(value) {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`
}
