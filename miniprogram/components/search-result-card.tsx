import { Text, View } from '@tarojs/components';
import { NOTICE_KIND_LABELS, POLICY_VALIDITY_LABELS } from '../../shared/notices/notice-kinds';
import { SEARCH_FIELD_LABELS, type NoticeSearchResult, type SearchHighlight } from '../../shared/notices/notice-search';
import { formatBeijingDate } from '../../shared/time/beijing-time';
import { CorrectionMark } from './notice-card';

/** One search result: the title with its matches marked, then where else the words were found. */
export function SearchResultCard({ result, onOpen }: { result: NoticeSearchResult; onOpen: (id: string) => void }) {
  const titleHit = result.highlights.find((h) => h.field === 'title');
  const others = result.highlights.filter((h) => h.field !== 'title');
  return (
    <View role="button" tabIndex={0} className="card notice-card search-result" onClick={() => onOpen(result.id)} data-testid="search-result">
      <View className="notice-card__head">
        <Text className={`kind-tag kind-tag--${result.kind}`}>{NOTICE_KIND_LABELS[result.kind]}</Text>
        <CorrectionMark notice={result} />
        {/* A repealed or revised policy still matches its words: the result says at once that it no longer applies. */}
        {result.validity && result.validity !== 'inForce' ? (
          <Text className="badge badge--muted" data-testid="search-result-validity">{POLICY_VALIDITY_LABELS[result.validity]}</Text>
        ) : null}
      </View>
      <Text className="notice-card__title" data-testid="search-result-title">
        {titleHit ? <Highlighted highlight={titleHit} /> : result.title}
      </Text>
      {others.map((h) => (
        <View key={h.field} className="search-result__fragment" data-testid={`fragment-${h.field}`}>
          <Text className="search-result__field">{SEARCH_FIELD_LABELS[h.field]}</Text>
          <Text className="search-result__text">
            <Highlighted highlight={h} />
          </Text>
        </View>
      ))}
      <View className="notice-card__meta">
        <Text>{result.departmentName}</Text>
        {result.docNumber ? <Text>{result.docNumber}</Text> : null}
        <Text>{result.publishedAt ? formatBeijingDate(result.publishedAt) : ''}</Text>
      </View>
    </View>
  );
}

function Highlighted({ highlight }: { highlight: SearchHighlight }) {
  return (
    <>
      {highlight.parts.map((part, i) =>
        part.hit ? (
          <Text key={i} className="hl" data-testid="hl">{part.text}</Text>
        ) : (
          <Text key={i}>{part.text}</Text>
        ),
      )}
    </>
  );
}
