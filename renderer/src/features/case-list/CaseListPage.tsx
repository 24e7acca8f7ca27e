import { Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { CaseList, CaseListRow } from '../../../../shared/domain/case'
import { DPD_BUCKETS, STAGES, type DpdBucket, type Stage } from '../../../../shared/domain/enums'
import { formatFen } from '../../../../shared/domain/money'
import { call } from '../../api'
import { STAGE_COLORS, stageLabel } from '../../components/labels'
import { navigate } from '../../components/useHashRoute'
import { hashParam } from '../../components/hashQuery'
import { ExportCasesButton } from '../dashboard/ExportCasesButton'
import { BulkActions } from '../collection/BulkActions'
import { useI18n } from '../../i18n'

const PAGE = 200

/**
 * The case list: search (name, ID number, phone, contract or case number), stage filter, sortable days past
 * due and amount, paged on the server and virtualised on screen. ID numbers and phones arrive masked.
 * Ticked rows can be moved to another stage or given an owner in one go.
 */
export function CaseListPage() {
  const { t, lang, msg } = useI18n()
  const [search, setSearch] = useState('')
  // Filters can come from the hash ("#/cases?dpdBucket=M3&owner=张律师", the dashboard's click-through).
  const [stage, setStage] = useState<Stage | undefined>(() => hashParam('stage', STAGES))
  const [dpdBucket, setDpdBucket] = useState<DpdBucket | undefined>(() => hashParam('dpdBucket', DPD_BUCKETS))
  const [owner, setOwner] = useState<string | undefined>(() => hashParam('owner'))
  useEffect(() => {
    const onHash = () => (setStage(hashParam('stage', STAGES)), setDpdBucket(hashParam('dpdBucket', DPD_BUCKETS)), setOwner(hashParam('owner')), setPage(1))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  const [sort, setSort] = useState<'dpd_desc' | 'dpd_asc' | 'amount_desc' | 'amount_asc'>('dpd_desc')
  const [page, setPage] = useState(1)
  const [data, setData] = useState<CaseList>({ total: 0, rows: [] })
  // The count is shown once a list has arrived: "共 0 件" before then would be a false answer.
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  // Rows ticked for a bulk stage change or assignment; `reload` re-reads the page after one.
  const [selected, setSelected] = useState<string[]>([])
  const [reload, setReload] = useState(0)

  useEffect(() => {
    let live = true
    setLoading(true)
    call('cases.list', { search: search.trim() || undefined, stage, dpdBucket, owner, sort, offset: (page - 1) * PAGE, limit: PAGE })
      .then((d) => live && (setData(d), setLoaded(true), setError(null)))
      .catch((e) => live && setError(msg(e)))
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [search, stage, dpdBucket, owner, sort, page, msg, reload])

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search
          allowClear
          data-testid="case-search"
          placeholder={t('cases.search')}
          style={{ width: 360 }}
          onSearch={(v) => (setSearch(v), setPage(1))}
          onChange={(e) => e.target.value === '' && (setSearch(''), setPage(1))}
        />
        <Select
          allowClear
          data-testid="stage-filter"
          placeholder={t('cases.allStages')}
          style={{ width: 140 }}
          value={stage}
          onChange={(v) => (setStage(v), setPage(1))}
          options={STAGES.map((s) => ({ value: s, label: stageLabel(s, lang) }))}
        />
        {dpdBucket && <Tag closable data-testid="filter-dpd" onClose={() => (setDpdBucket(undefined), setPage(1))}>{dpdBucket}</Tag>}
        {owner && <Tag closable data-testid="filter-owner" onClose={() => (setOwner(undefined), setPage(1))}>{owner}</Tag>}
        <ExportCasesButton filter={{ search: search.trim() || undefined, stage, dpdBucket, owner, sort }} onError={setError} />
        {loaded && <Typography.Text type="secondary" data-testid="case-total">{t('cases.total', { n: data.total })}</Typography.Text>}
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Space>
      <BulkActions selected={selected} caseNoOf={(id) => data.rows.find((r) => r.id === id)?.caseNo ?? id} onDone={() => (setSelected([]), setReload((n) => n + 1))} />
      <Table<CaseListRow>
        virtual
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), columnWidth: 40 }}
        rowKey="id"
        loading={loading}
        dataSource={data.rows}
        scroll={{ y: 'calc(100vh - 230px)' as unknown as number, x: 1100 }}
        onRow={(r) => ({ onClick: (e: React.MouseEvent) => !(e.target as HTMLElement).closest('.ant-table-selection-column') && navigate('cases', r.id), style: { cursor: 'pointer' }, 'data-testid': 'case-row' } as React.HTMLAttributes<HTMLElement>)}
        onChange={(_p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s
          if (one?.columnKey === 'dpd') setSort(one.order === 'ascend' ? 'dpd_asc' : 'dpd_desc')
          if (one?.columnKey === 'amount') setSort(one.order === 'ascend' ? 'amount_asc' : 'amount_desc')
        }}
        pagination={{ current: page, pageSize: PAGE, total: data.total, showSizeChanger: false, onChange: setPage }}
        columns={[
          { key: 'caseNo', title: t('col.caseNo'), dataIndex: 'caseNo', width: 140 },
          { key: 'borrower', title: t('col.borrower'), dataIndex: 'borrowerName', width: 90 },
          { key: 'id', title: t('col.idNumber'), dataIndex: 'idNumberMasked', width: 170 },
          { key: 'phone', title: t('col.phone'), dataIndex: 'phoneMasked', width: 120 },
          { key: 'lender', title: t('col.lender'), dataIndex: 'lenderName', width: 220, ellipsis: true },
          { key: 'stage', title: t('col.stage'), dataIndex: 'stage', width: 80, render: (s: Stage) => <Tag color={STAGE_COLORS[s]}>{stageLabel(s, lang)}</Tag> },
          { key: 'owner', title: t('col.owner'), dataIndex: 'owner', width: 80 },
          { key: 'dpd', title: t('col.dpd'), dataIndex: 'daysPastDue', width: 100, align: 'right', onCell: () => ({ 'data-testid': 'case-dpd' } as React.HTMLAttributes<HTMLElement>), sorter: true, sortOrder: sort.startsWith('dpd') ? (sort === 'dpd_asc' ? 'ascend' : 'descend') : null },
          { key: 'amount', title: t('col.principal'), dataIndex: 'principalOutstandingFen', width: 150, align: 'right', sorter: true, sortOrder: sort.startsWith('amount') ? (sort === 'amount_asc' ? 'ascend' : 'descend') : null, render: (f: number) => formatFen(f) },
        ]}
      />
    </div>
  )
}
