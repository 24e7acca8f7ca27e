import type { DocumentContext } from '../../electron/core/documents/context'

/**
 * A realistic case: one online consumer loan from a licensed micro-lender, overdue since early 2024,
 * with a claim computed as of 2024-07-01. Amounts are consistent: 8,523.40 + 612.35 + 0 + 356.91 + 0 + 0 = 9,492.66.
 */
export function sampleContext(): DocumentContext {
  return {
    generatedOn: '2024-07-01',
    refNo: 'CD-2024-0701-001',
    lender: {
      name: '广州市恒信网络小额贷款有限公司',
      creditCode: '91440101MA5CXXXX7Q',
      address: '广州市天河区珠江新城华夏路10号2801室',
      legalRep: '陈立新',
      legalRepTitle: '董事长',
      phone: '020-38881234',
      licensed: true,
    },
    borrower: {
      name: '张伟',
      idNumber: '440106199001011234',
      sex: '男',
      birthDate: '1990-01-01',
      ethnicity: '汉族',
      phone: '13800138000',
      hukouAddress: '广东省广州市天河区石牌街道天河北路233号',
      residenceAddress: '广东省佛山市南海区桂城街道南海大道北88号3栋502房',
    },
    guarantors: [],
    loans: [{
      contractNo: 'HX-2023-000123',
      contractName: '个人消费借款合同',
      contractDate: '2023-03-15',
      signingPlace: '广州市天河区',
      contractAmount: '10000.00',
      disbursedAmount: '10000.00',
      disbursementDate: '2023-03-15',
      disbursementMethod: '银行转账',
      termStart: '2023-03-15',
      dueDate: '2024-03-15',
      rates: { interestAnnual: '0.18', overdueAnnual: '0.24', penalty: '无', compound: '无' },
      repaymentMethod: '等额本息，按月还款，共12期',
      repaidPrincipal: '1476.60',
      repaidInterest: '523.40',
      lastPaymentDate: '2023-07-15',
      overdueSince: '2023-08-16',
      daysOverdue: 320,
      jurisdictionClause: '因本合同发生的争议，由贷款人住所地人民法院管辖（第十二条）',
      arbitrationClause: '',
    }],
    case: { caseNo: 'CD-2024-0158', stage: '诉前', court: '广州市天河区人民法院', preservationAmount: '9492.66', preservationProperty: '被申请人名下银行存款或其他等值财产', preservationSecurity: '由中国人民财产保险股份有限公司广州市分公司出具诉讼财产保全责任保险保函' },
    claim: {
      asOf: '2024-07-01',
      principalOutstanding: '8523.40',
      termInterest: '612.35',
      termFees: '0.00',
      overdueInterest: '356.91',
      penaltyAndOverdueFees: '0.00',
      expenses: '0.00',
      total: '9492.66',
      cap: { annualRate: '0.24', basis: '金融借款，以年利率24%为上限' },
      lines: [
        { from: '2023-08-16', to: '2024-03-15', days: 212, base: '8523.40', rate: '0.18', amount: '612.35', kind: '期内利息', basis: '合同第五条约定年利率18%' },
        { from: '2024-03-16', to: '2024-07-01', days: 108, base: '8523.40', rate: '0.1412', amount: '356.91', kind: '逾期利息', basis: '按年利率24%上限内实际计收' },
      ],
    },
    lawyer: { name: '李明', firm: '广东正衡律师事务所', licenceNo: '14401201810123456', phone: '13922223333', firmAddress: '广州市越秀区东风中路410号18楼' },
    evidence: [
      { no: 1, name: '个人消费借款合同', source: '原告提供', purpose: '证明双方借款合同关系成立及借款金额、期限、利率等约定', pages: '1-6', original: '原件' },
      { no: 2, name: '放款凭证（银行转账回单）', source: '原告提供', purpose: '证明原告已于2023年3月15日向被告发放借款10,000.00元', pages: '7', original: '原件' },
      { no: 3, name: '还款记录', source: '原告系统导出', purpose: '证明被告已还款金额及自2023年8月16日起逾期', pages: '8-9', original: '复印件' },
      { no: 4, name: '催收记录及催收函送达凭证（EMS 1234567890123）', source: '原告提供', purpose: '证明原告多次催收，诉讼时效中断', pages: '10-12', original: '原件' },
    ],
    plan: {
      total: '9000.00',
      waived: '492.66',
      instalments: [
        { no: 1, dueDate: '2024-07-15', amount: '3000.00' },
        { no: 2, dueDate: '2024-08-15', amount: '3000.00' },
        { no: 3, dueDate: '2024-09-15', amount: '3000.00' },
      ],
    },
    payee: { accountName: '广州市恒信网络小额贷款有限公司', bank: '中国工商银行广州天河支行', accountNo: '3602000109200123456' },
    service: { recipient: '李明', address: '广州市越秀区东风中路410号18楼', phone: '13922223333', email: 'liming@zhengheng-law.cn', electronic: true },
  }
}
