import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';
import { call } from '../api/call';
import { useRemote } from '../hooks/use-remote';
import { go, routes } from '../navigation';
import { formatBeijingDateTime } from '../../shared/time/beijing-time';

/**
 * 我的待办 at the top of the staff home: what is late, what falls due within 3 working days, what
 * waits for registration, for the applicant's supplement, for this person's review, what a reviewer
 * sent back to them, cases of 咨询投诉 not yet finished, 差评 follow-ups and 定时发布. Each figure opens its list filtered to exactly what it counts. The server
 * decides which sections a person has (`workbench.todo`), so nobody taps into a refusal.
 */
export function StaffTodo() {
  const todo = useRemote(() => call('workbench', 'todo', {}), []);
  // Back from a list where something was done: the figures follow.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void todo.reload();
    shown.current = true;
  });
  const t = todo.data;
  return (
    <View className="card staff-todo" data-testid="staff-todo">
      <Text className="staff-todo__title">我的待办</Text>
      {!t ? (
        <Text className="staff-todo__line">{todo.error ? todo.error.message : '正在加载…'}</Text>
      ) : (
        <>
          {t.requests && (
            // Each figure opens the queue on exactly what it counts.
            <View className="staff-todo__grid">
              <Cell label="已逾期" count={t.requests.overdue} tone="alert" testId="todo-overdue" to={routes.adminRequests('overdue')} />
              <Cell label="3个工作日内到期" count={t.requests.dueSoon} tone="warn" testId="todo-due-soon" to={routes.adminRequests('dueSoon')} />
              <Cell label="待受理" count={t.requests.awaitingRegistration} tone={t.requests.awaitingRegistration > 0 ? 'warn' : undefined} testId="todo-awaiting-registration" to={routes.adminRequests('submitted')} />
              <Cell label="待补正" count={t.requests.awaitingSupplement} testId="todo-awaiting-supplement" to={routes.adminRequests('supplementRequested')} />
            </View>
          )}
          {t.requests?.urgent.map((r) => (
            <View role="button" tabIndex={0} key={r.id} className="staff-todo__row" onClick={() => go(routes.adminRequest(r.id))} data-testid="todo-urgent">
              <Text className={r.urgency === 'overdue' ? 'staff-todo__count--alert' : 'staff-todo__count--warn'}>
                {r.urgency === 'overdue' ? '已逾期' : r.workingDaysLeft === 0 ? '今日到期' : `剩 ${r.workingDaysLeft} 个工作日`}
              </Text>
              <Text> {r.trackingNumber}</Text>
              <Text className="staff-todo__line">{r.subject}{r.dueOn ? ` · 答复期限 ${r.dueOn}` : ''}</Text>
            </View>
          ))}
          {t.reviews && (
            <View role="button" tabIndex={0} className="staff-todo__row" onClick={() => go(routes.adminReviews('toDecide'))} data-testid="todo-reviews">
              <Text>待我审核 {t.reviews.waiting} 项</Text>
              {t.reviews.oldestSubmittedAt && <Text className="staff-todo__line">最早提交于 {formatBeijingDateTime(t.reviews.oldestSubmittedAt)}</Text>}
            </View>
          )}
          {t.sentBack.map((item) => (
            <View role="button" tabIndex={0}
              key={item.id}
              className="staff-todo__row staff-todo__row--sent-back"
              onClick={() => go(item.kind.startsWith('notice.') ? routes.adminNoticeEdit(item.subjectId) : routes.adminRequest(item.subjectId))}
              data-testid="todo-sent-back"
            >
              <Text>审核退回：{item.title}</Text>
              <Text className="staff-todo__line">{item.reviewerName}：{item.comment}</Text>
            </View>
          ))}
          {t.inquiries && (
            <View role="button" tabIndex={0} className="staff-todo__row" onClick={() => go(routes.adminInquiries())} data-testid="todo-inquiries">
              <Text>咨询投诉未办结 {t.inquiries.open} 件</Text>
              {t.inquiries.overdue + t.inquiries.dueSoon > 0 && (
                <Text className="staff-todo__line">
                  {[t.inquiries.overdue > 0 ? `${t.inquiries.overdue} 件已逾期` : '', t.inquiries.dueSoon > 0 ? `${t.inquiries.dueSoon} 件3个工作日内到期` : ''].filter(Boolean).join('，')}
                </Text>
              )}
            </View>
          )}
          {t.followUps && (
            <View role="button" tabIndex={0} className="staff-todo__row" onClick={() => go(routes.adminFollowUps('owed'))} data-testid="todo-follow-ups">
              <Text>差评整改 {t.followUps.open} 件{t.followUps.overdue > 0 ? `，其中 ${t.followUps.overdue} 件已超期` : ''}</Text>
            </View>
          )}
          {t.scheduledNotices && t.scheduledNotices.count > 0 && (
            <View role="button" tabIndex={0} className="staff-todo__row" onClick={() => go(routes.adminNotices('scheduled'))} data-testid="todo-scheduled">
              <Text>定时发布 {t.scheduledNotices.count} 条</Text>
              {t.scheduledNotices.next && <Text className="staff-todo__line">下一条 {formatBeijingDateTime(t.scheduledNotices.next)}</Text>}
            </View>
          )}
        </>
      )}
    </View>
  );
}

function Cell(props: { label: string; count: number; tone?: 'alert' | 'warn'; testId: string; to: string }) {
  const tone = props.count > 0 && props.tone ? ` staff-todo__count--${props.tone}` : '';
  return (
    <View role="button" tabIndex={0} className="staff-todo__cell" onClick={() => go(props.to)} data-testid={props.testId}>
      <Text className={`staff-todo__count${tone}`}>{props.count}</Text>
      <Text className="staff-todo__label">{props.label}</Text>
    </View>
  );
}
