import { Button, Form, Input, Space } from 'antd'
import { useI18n } from '../../i18n'
import type { MessageKey } from '../../i18n/messages'

/**
 * A list of dated amounts in the calculator's form (schedule, repayments, costs): one row each, added and
 * removed in place. Test ids name the list, the row and the field: `calc-schedule-0-dueDate`.
 */
export function RowsEditor({ list, dateKey, amountKey, dateLabel, amountLabel }: { list: 'schedule' | 'payments' | 'expenses'; dateKey: string; amountKey: string; dateLabel: MessageKey; amountLabel: MessageKey }) {
  const { t } = useI18n()
  return (
    <Form.List name={list}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" style={{ display: 'flex' }}>
              <Form.Item name={[f.name, dateKey]} style={{ marginBottom: 6 }}>
                <Input type="date" aria-label={t(dateLabel)} style={{ width: 150 }} data-testid={`calc-${list}-${f.name}-${dateKey}`} />
              </Form.Item>
              <Form.Item name={[f.name, amountKey]} style={{ marginBottom: 6 }}>
                <Input placeholder={t(amountLabel)} style={{ width: 150 }} data-testid={`calc-${list}-${f.name}-${amountKey}`} />
              </Form.Item>
              <Button type="link" onClick={() => remove(f.name)} data-testid={`calc-${list}-${f.name}-remove`}>{t('calc.removeRow')}</Button>
            </Space>
          ))}
          <div>
            <Button size="small" onClick={() => add({})} data-testid={`calc-${list}-add`}>{t('calc.addRow')}</Button>
          </div>
        </>
      )}
    </Form.List>
  )
}
