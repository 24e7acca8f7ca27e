import type { DocumentContext } from './context'

/**
 * A made-up but complete case for the template editor's live preview when no real case is chosen: every
 * field filled, so a preview shows where each placeholder lands. The people and companies are fictitious.
 */
export function sampleDocumentContext(today: string): DocumentContext {
  return {
    generatedOn: today,
    refNo: 'AJ-示例-0001',
    lender: { name: '示例网络小额贷款有限公司', creditCode: '91440101MA5C000000', address: '广州市天河区示例路1号', legalRep: '陈示例', legalRepTitle: '董事长', phone: '020-00000000', licensed: true },
    borrower: { name: '张示例', idNumber: '440106199001010000', sex: '男', birthDate: '1990-01-01', ethnicity: '汉族', employer: '示例科技有限公司', phone: '13800000000', hukouAddress: '广东省广州市天河区示例街2号', residenceAddress: '广东省佛山市南海区示例大道3号' },
    guarantors: [{ name: '李保证', idNumber: '440106198801010000', sex: '女', birthDate: '1988-01-01', phone: '13900000000', hukouAddress: '广州市越秀区示例路4号', guaranteeType: '连带责任保证' }],
    loans: [{
      contractNo: 'HT-示例-001', contractName: '个人消费借款合同', contractDate: '2023-03-15', signingPlace: '广州市天河区',
      contractAmount: '10000.00', disbursedAmount: '10000.00', disbursementDate: '2023-03-15', disbursementMethod: '银行转账',
      termStart: '2023-03-15', dueDate: '2024-03-15', rates: { interestAnnual: '0.18', overdueAnnual: '0.24', penalty: '无', compound: '无' },
      repaymentMethod: '等额本息，共12期', repaidPrincipal: '1476.60', repaidInterest: '523.40', lastPaymentDate: '2023-07-15',
      overdueSince: '2023-08-16', daysOverdue: 320, jurisdictionClause: '由贷款人住所地人民法院管辖', arbitrationClause: '',
    }],
    case: { caseNo: 'AJ-示例-0001', stage: '催收', court: '广州市天河区人民法院', preservationAmount: '9492.66', preservationProperty: '被申请人名下银行存款或其他等值财产', preservationSecurity: '诉讼财产保全责任保险保函' },
    claim: {
      asOf: '2024-07-01', principalOutstanding: '8523.40', termInterest: '612.35', termFees: '0.00', overdueInterest: '356.91', penaltyAndOverdueFees: '0.00', expenses: '0.00', total: '9492.66',
      cap: { annualRate: '0.24', basis: '金融借款，以年利率24%为上限' },
      lines: [
        { from: '2023-08-16', to: '2024-03-15', days: 212, base: '8523.40', rate: '0.18', amount: '612.35', kind: '借期内利息', basis: '合同约定年利率18%' },
        { from: '2024-03-16', to: '2024-07-01', days: 108, base: '8523.40', rate: '0.1412', amount: '356.91', kind: '逾期利息（罚息）', basis: '年利率24%上限内' },
      ],
    },
    lawyer: { name: '王律师', firm: '示例律师事务所', licenceNo: '14401200000000000', phone: '13700000000', firmAddress: '广州市越秀区示例中路5号' },
    evidence: [{ no: 1, name: '借款合同', source: '原告提供', purpose: '证明借款合同关系', pages: '1-6', original: '原件' }],
    plan: { total: '9000.00', waived: '492.66', instalments: [{ no: 1, dueDate: '2024-07-15', amount: '4500.00' }, { no: 2, dueDate: '2024-08-15', amount: '4500.00' }] },
    payee: { accountName: '示例网络小额贷款有限公司', bank: '示例银行广州分行', accountNo: '6200000000000000' },
    service: { recipient: '王律师', address: '广州市越秀区示例中路5号', phone: '13700000000', email: 'lawyer@example.cn', electronic: true },
  }
}
