import { Button, Text, View } from '@tarojs/components';
import { PagedListView } from '../../../components/paged-list-view';
import { useListPageEvents } from '../../../hooks/use-list-page-events';
import { RequestCard } from '../../../components/requests/request-card';
import { useMyRequests } from '../../../hooks/use-request-lists';
import { go, routes } from '../../../navigation';
import '../../../components/requests/requests.css';
import { useElderClass } from '../../../elder-mode';
import { STATUTORY_WORKING_DAYS } from '../../../../shared/requests/statutory-periods';

/** 我的申请: every request the resident has made, with where each stands and when the answer is due. */
export default function MyRequestsPage() {
  const elder = useElderClass();
  const list = useMyRequests();
  useListPageEvents(list);

  return (
    <View className={`page ${elder} request-page`}>
      <Button className="btn btn--primary btn--block" onClick={() => go(routes.newRequest())} data-testid="new-request">
        ＋ 申请政府信息公开
      </Button>
      <PagedListView
        list={list}
        emptyText="您还没有提交过申请"
        renderItem={(r) => <RequestCard key={r.id} request={r} onOpen={(id) => go(routes.myRequest(id))} />}
      />
      <Text className="hint">{`申请免费。受理后${STATUTORY_WORKING_DAYS}个工作日内答复，遇节假日顺延；需要补正或征求第三方意见的，期限依法相应调整，详见每件申请的“答复期限说明”。`}</Text>
    </View>
  );
}
