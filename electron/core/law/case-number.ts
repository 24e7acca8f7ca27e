import { UserError } from '../errors'

/**
 * 案号 (court case numbers) in the form used since 2016-01-01 (《最高人民法院关于人民法院案件案号的若干规定》,
 * 法〔2015〕137号 [S: from general knowledge, text not in the sources consulted]):
 *   （收案年度）+ 法院代字 + 类型代字 + 案件编号 + 号      e.g. （2024）浙0106民初1234号
 * 法院代字 = province abbreviation (高级法院), + 2 digits (中级), + 4 digits (基层, special courts such as 浙0192
 * 杭州互联网法院), or 最高法. Brackets may be full-width （） or half-width () or 〔〕 as typed; the normalised
 * form uses full-width brackets.
 */

/** Province-level abbreviations used as court codes, plus 兵 (兵团法院). */
export const PROVINCE_CODES: Record<string, string> = {
  京: '北京', 津: '天津', 冀: '河北', 晋: '山西', 蒙: '内蒙古', 辽: '辽宁', 吉: '吉林', 黑: '黑龙江', 沪: '上海', 苏: '江苏',
  浙: '浙江', 皖: '安徽', 闽: '福建', 赣: '江西', 鲁: '山东', 豫: '河南', 鄂: '湖北', 湘: '湖南', 粤: '广东', 桂: '广西',
  琼: '海南', 渝: '重庆', 川: '四川', 黔: '贵州', 滇: '云南', 藏: '西藏', 陕: '陕西', 甘: '甘肃', 青: '青海', 宁: '宁夏',
  新: '新疆', 兵: '新疆生产建设兵团',
}

/**
 * Case-type codes (类型代字) met in civil loan work, with what they mean. [S/U: from 《人民法院案件类型及其代字标准》
 * as commonly reproduced; extend here if a real 案号 is refused.]
 */
export const CASE_TYPE_CODES: Record<string, { zh: string; en: string }> = {
  民初: { zh: '民事一审', en: 'civil first instance' },
  民终: { zh: '民事二审', en: 'civil second instance (appeal)' },
  民再: { zh: '民事再审', en: 'civil retrial' },
  民申: { zh: '民事申请再审审查', en: 'civil retrial application' },
  民抗: { zh: '民事抗诉再审', en: 'civil protest retrial' },
  民监: { zh: '民事审判监督', en: 'civil supervision' },
  民辖: { zh: '管辖', en: 'jurisdiction' },
  民辖终: { zh: '管辖上诉', en: 'jurisdiction appeal' },
  民督: { zh: '督促程序（支付令）', en: 'payment order (supervision procedure)' },
  民督监: { zh: '督促监督', en: 'payment order supervision' },
  民特: { zh: '特别程序（含司法确认）', en: 'special procedure (incl. judicial confirmation)' },
  民催: { zh: '公示催告', en: 'public summons for exhortation' },
  民撤: { zh: '第三人撤销之诉', en: "third party's action to revoke" },
  民他: { zh: '民事其他', en: 'civil other' },
  民诉前调: { zh: '诉前调解', en: 'pre-litigation mediation' },
  民诉前调确: { zh: '诉前调解司法确认', en: 'pre-litigation mediation confirmation' },
  财保: { zh: '非诉财产保全审查（诉前保全）', en: 'pre-suit property preservation' },
  证保: { zh: '非诉证据保全审查', en: 'pre-suit evidence preservation' },
  执: { zh: '首次执行', en: 'enforcement' },
  执恢: { zh: '恢复执行', en: 'resumed enforcement' },
  执保: { zh: '财产保全执行', en: 'preservation enforcement' },
  执异: { zh: '执行异议', en: 'enforcement objection' },
  执复: { zh: '执行复议', en: 'enforcement review' },
  执监: { zh: '执行监督', en: 'enforcement supervision' },
  执协: { zh: '执行协调', en: 'enforcement coordination' },
  执他: { zh: '执行其他', en: 'enforcement other' },
  执请: { zh: '执行请示', en: 'enforcement request' },
  破申: { zh: '破产申请审查', en: 'bankruptcy application' },
  破: { zh: '破产', en: 'bankruptcy' },
}

export interface ParsedCaseNumber {
  /** With full-width brackets, as courts print it. */
  normalized: string
  year: number
  courtCode: string
  province: string | null
  courtLevel: 'supreme' | 'high' | 'intermediate' | 'basic'
  typeCode: string
  typeLabel: string
  typeLabelEn: string
  serial: number
}

// （年）  court   type (CJK)  serial  号
const SHAPE = /^[（(〔]\s*(\d{4})\s*[）)〕]\s*(最高法|[\u4e00-\u9fff])(\d*)([\u4e00-\u9fff]{1,5}?)(\d+)号$/
const LEGACY = /字第\s*\d+\s*号$/

/** The earliest year of the current numbering scheme. */
const FIRST_YEAR = 2016

/**
 * Parse and validate a 案号. Returns its parts, or throws a UserError (code CASE_NUMBER_INVALID and a
 * specific `details.reason`) saying in Chinese and English what is wrong.
 * `today` (YYYY-MM-DD) bounds the year; omit it to skip that check.
 */
export function parseCaseNumber(input: string, today?: string): ParsedCaseNumber {
  const s = input.trim().replace(/\s+/g, '')
  if (LEGACY.test(s)) {
    throw invalid(input, 'legacy', '这是2016年以前的旧式案号（含"字第"），请核对文书并按原样记录在备注中', 'This is a pre-2016 case number (with 字第); keep it as written in the notes')
  }
  const m = SHAPE.exec(s)
  if (!m) {
    throw invalid(input, 'shape', '案号格式应为：（年份）+法院代字+类型代字+编号+号，例如（2024）浙0106民初1234号', 'A case number looks like （2024）浙0106民初1234号: (year) + court code + case type + serial + 号')
  }
  const [, yearText, court, digits, typeCode, serialText] = m
  const year = Number(yearText)
  const maxYear = today ? Number(today.slice(0, 4)) : 2100
  if (year < FIRST_YEAR || year > maxYear) {
    throw invalid(input, 'year', `收案年度 ${year} 不在 ${FIRST_YEAR}–${maxYear} 之间`, `Year ${year} is outside ${FIRST_YEAR}-${maxYear}`)
  }
  let courtLevel: ParsedCaseNumber['courtLevel']
  if (court === '最高法') {
    if (digits) throw invalid(input, 'court', '最高人民法院代字"最高法"后不应有数字', 'The Supreme People\'s Court code 最高法 takes no digits')
    courtLevel = 'supreme'
  } else {
    if (!(court in PROVINCE_CODES)) throw invalid(input, 'court', `"${court}"不是省级行政区简称`, `"${court}" is not a province abbreviation`)
    const level = ({ 0: 'high', 2: 'intermediate', 4: 'basic' } as const)[digits.length as 0 | 2 | 4]
    if (!level) throw invalid(input, 'court', `法院代字"${court}${digits}"的数字应为0、2或4位`, `Court code "${court}${digits}" must have 0, 2 or 4 digits`)
    courtLevel = level
  }
  const type = CASE_TYPE_CODES[typeCode]
  if (!type) {
    throw invalid(input, 'type', `未知的案件类型代字"${typeCode}"（常见：民初、民终、民督、民特、财保、执、执保、执恢）`, `Unknown case type "${typeCode}" (e.g. 民初, 民终, 民督, 民特, 财保, 执, 执保, 执恢)`)
  }
  if (/^0/.test(serialText) || serialText.length > 6) {
    throw invalid(input, 'serial', `案件编号"${serialText}"应为不以0开头的1–6位数字`, `Serial "${serialText}" must be 1-6 digits without a leading zero`)
  }
  const courtCode = court === '最高法' ? court : court + digits
  return {
    normalized: `（${year}）${courtCode}${typeCode}${serialText}号`,
    year,
    courtCode,
    province: court === '最高法' ? null : PROVINCE_CODES[court],
    courtLevel,
    typeCode,
    typeLabel: type.zh,
    typeLabelEn: type.en,
    serial: Number(serialText),
  }
}

/** True when `input` is a valid 案号 (see parseCaseNumber). */
export function isCaseNumber(input: string, today?: string): boolean {
  try {
    parseCaseNumber(input, today)
    return true
  } catch (e) {
    if (e instanceof UserError) return false
    throw e
  }
}

function invalid(input: string, reason: string, zh: string, en: string): UserError {
  return new UserError('CASE_NUMBER_INVALID', `案号"${input}"无效：${zh}`, `Invalid case number "${input}": ${en}`, {
    field: 'caseNumber',
    details: { reason },
  })
}
