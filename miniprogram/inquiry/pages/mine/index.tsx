import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FormField, TextField } from '../../../admin/components/form-field';
import { PagedListView } from '../../../components/paged-list-view';
import { useElderClass } from '../../../elder-mode';
import { useMyCases } from '../../../hooks/use-inquiries';
import { useListPageEvents } from '../../../hooks/use-list-page-events';
import { go, routes } from '../../../navigation';
import { CASE_NUMBER_PATTERN, INQUIRY_KIND_LABELS } from '../../../../shared/inquiries/inquiry-types';
import { formatBeijingDate } from '../../../../shared/time/beijing-time';
import '../../../components/requests/requests.css';
import '../../../components/inquiries/inquiries.css';

/** 我的咨询: every case the resident asked, and a lookup by number (how an anonymous complaint is followed). */
export default function MyCasesPage() {
  const elder = useElderClass();
  const list = useMyCases();
  useListPageEvents(list);
  const [number, setNumber] = useState('');
  const [problem, setProblem] = useState<string | undefined>();

  return (
    <View className={`page ${elder} request-page`}>
      <View className="form__actions">
        <Button className="btn btn--primary" onClick={() => go(routes.ask())} data-testid="new-inquiry">＋ 我要咨询</Button>
        <Button className="btn btn--plain" onClick={() => go(routes.ask('complaint'))} data-testid="new-complaint">投诉举报</Button>
      </View>
      <View className="card">
        <FormField label="按编号查询" error={problem}>
          <TextField name="caseNumber" value={number} onChange={setNumber} placeholder="如 咨〔2026〕000123号" />
        </FormField>
        <Button className="btn btn--plain btn--block" data-testid="lookup-case" onClick={() => {
          const n = number.trim();
          if (!CASE_NUMBER_PATTERN.test(n)) return setProblem('请填写完整的编号，如 咨〔2026〕000123号');
          setProblem(undefined);
          go(routes.myCase(undefined, n));
        }}>查询</Button>
      </View>
      <PagedListView
        list={list}
        emptyText="您还没有咨询或投诉"
        renderItem={(c) => (
          <View role="button" tabIndex={0} key={c.id} className="card request-card" onClick={() => go(routes.myCase(c.id))} data-testid="my-case-item">
            <View className="request-card__head">
              <Text className="request-card__number">{c.caseNumber}</Text>
              <Text className={`status-tag status-tag--${c.status}`}>{c.statusLabel}</Text>
            </View>
            <Text className="request-card__title">{INQUIRY_KIND_LABELS[c.kind]} · {c.topic}</Text>
            <View className="request-card__meta">
              <Text>提交 {formatBeijingDate(c.submittedAt)}</Text>
              {c.dueOn ? <Text>答复期限 {c.dueOn}</Text> : null}
            </View>
          </View>
        )}
      />
    </View>
  );
}
