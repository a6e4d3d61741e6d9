import { Text, View } from '@tarojs/components';
import { NOTICE_STATUS_LABELS } from '../../../shared/notices/notice-kinds';
import type { NoticeDiff } from '../../../shared/notices/notice-versions';
import { hasChanges, type DiffPart, type LineDiff } from '../../../shared/notices/text-diff';

/** What a version changed: title and summary marked by character, the body by line (删去 struck through, 新增 underlined). */
export function NoticeDiffView({ diff }: { diff: NoticeDiff }) {
  const changed = hasChanges(diff.title) || hasChanges(diff.summary) || hasChanges(diff.body) || diff.otherFields.length > 0 || diff.status;
  return (
    <View className="card diff" data-testid="version-diff">
      <Text className="diff__heading">与上一版本相比</Text>
      {!changed && <Text className="hint">内容没有变化</Text>}
      {diff.status && (
        <Text className="diff__line" data-testid="diff-status">
          状态：{NOTICE_STATUS_LABELS[diff.status.before]} → {NOTICE_STATUS_LABELS[diff.status.after]}
        </Text>
      )}
      {hasChanges(diff.title) && <Field label="标题" parts={diff.title} testId="diff-title" />}
      {hasChanges(diff.summary) && <Field label="摘要" parts={diff.summary} testId="diff-summary" />}
      {hasChanges(diff.body) && (
        <View className="diff__field" data-testid="diff-body">
          <Text className="diff__label">正文</Text>
          {diff.body.map((line, i) => (
            <Line key={i} line={line} />
          ))}
        </View>
      )}
      {diff.otherFields.length > 0 && <Text className="diff__line">另改动了：{diff.otherFields.join('、')}</Text>}
    </View>
  );
}

function Field({ label, parts, testId }: { label: string; parts: DiffPart[]; testId: string }) {
  return (
    <View className="diff__field" data-testid={testId}>
      <Text className="diff__label">{label}</Text>
      <View className="diff__line">
        <Parts parts={parts} />
      </View>
    </View>
  );
}

function Line({ line }: { line: LineDiff }) {
  const mark = line.op === 'removed' ? '－' : line.op === 'added' ? '＋' : '　';
  return (
    <View className={`diff__line diff__line--${line.op}`}>
      <Text className="diff__mark">{mark}</Text>
      {line.parts ? <Parts parts={line.parts} /> : <Text>{line.text || ' '}</Text>}
    </View>
  );
}

function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) => (
        <Text key={i} className={`diff__part diff__part--${p.op}`} data-testid={p.op === 'same' ? undefined : `diff-${p.op}`}>
          {p.text}
        </Text>
      ))}
    </>
  );
}
