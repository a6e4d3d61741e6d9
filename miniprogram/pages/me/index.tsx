import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { STAFF_ROLE_LABELS } from '../../../shared/staff/roles';
import { useWhoami } from '../../hooks/use-whoami';
import { ElderModeSwitch } from '../../components/elder-mode-switch';
import { useElderClass } from '../../elder-mode';
import { useTabBar } from '../../tab-bar';
import { go, routes } from '../../navigation';
import { InboxEntries } from '../../components/inbox-entries';
import { ReportReminder } from '../../components/report-reminder';
import { StaffTodo } from '../../components/staff-todo';

/**
 * One line of the menus: the whole line is the button, its label and the arrow. One component for the thirty
 * lines keeps the page's script small (it is in the main package every resident downloads first).
 */
function MenuEntry({ url, testid, label }: { url: string; testid: string; label: string }) {
  return (
    <View role="button" tabIndex={0} className="menu__item" onClick={() => go(url)} data-testid={testid}>
      <Text>{label}</Text>
      <Text className="menu__arrow">›</Text>
    </View>
  );
}

/** Me: who I am, and — for staff only, as decided by the server — the way into the staff area. */
export default function MePage() {
  const { whoami, failed, reload } = useWhoami();
  const elder = useElderClass();
  const tabBar = useTabBar();
  useDidShow(() => reload());

  return (
    <View className={`page ${elder} ${tabBar}`}>
      <View className="card">
        {failed && !whoami ? (
          <View className="list-state list-state--error">
            <Text>无法获取登录状态</Text>
            <Button className="btn btn--plain" onClick={reload}>重试</Button>
          </View>
        ) : !whoami ? (
          <Text>正在加载…</Text>
        ) : (
          <View data-testid="me-identity">
            <Text className="me__name">{whoami.staff ? whoami.staff.name : whoami.openid ? '居民用户' : '未登录'}</Text>
            {whoami.staff && (
              <Text className="me__roles">{whoami.staff.roles.map((r) => STAFF_ROLE_LABELS[r]).join('、')}</Text>
            )}
          </View>
        )}
      </View>

      {/* 我的待办: staff see what waits for them first */}
      {whoami?.isStaff && <StaffTodo />}

      {/* Resident entries. requests */}
      <View className="menu">
        <MenuEntry url={routes.myRequests()} testid="my-requests-entry" label="我的申请（依申请公开）" />
        <MenuEntry url={routes.applicantProfile()} testid="applicant-profile-entry" label="申请人信息" />
        <MenuEntry url={routes.newRequest()} testid="new-request-entry" label="申请政府信息公开" />
      </View>

      {/* inquiries, complaints, FAQ, the disclosure guide */}
      <View className="menu">
        <MenuEntry url={routes.ask()} testid="ask-entry" label="政务咨询 · 投诉举报" />
        {whoami?.openid && (
          <MenuEntry url={routes.myCases()} testid="my-cases-entry" label="我的咨询" />
        )}
        <MenuEntry url={routes.faq()} testid="faq-entry" label="常见问题" />
        <MenuEntry url={routes.disclosureGuide()} testid="disclosure-guide-entry" label="政府信息公开指南 · 期限计算" />
      </View>

      {/* inbox, subscriptions */}
      {whoami?.openid && <InboxEntries />}

      {/* residents' own data: see, export, delete; and the 隐私政策 */}
      <View className="menu">
        {whoami?.openid && (
          <MenuEntry url={routes.myData()} testid="my-data-entry" label="个人信息（查看、导出、删除）" />
        )}
        <MenuEntry url={routes.privacyPolicy()} testid="privacy-policy-entry" label="隐私政策" />
      </View>

      {/* 长辈模式 */}
      <ElderModeSwitch />

      {/* ratings */}
      <View className="menu">
        {whoami?.openid && (
          <MenuEntry url={routes.myRatings()} testid="my-ratings-entry" label="我的评价" />
        )}
        <MenuEntry url={routes.ratingStats()} testid="rating-stats-entry" label="服务评价 · 好差评" />
      </View>

      {/* annual report: the coming report and what is missing, from 1 December */}
      {whoami?.staff?.roles.some((r) => r === 'admin' || r === 'viewer') && <ReportReminder />}

      {whoami?.isStaff && (
        <View className="menu">
          {/* Each entry only for the roles its functions allow (admin may do everything), so nobody taps into a refusal. */}
          {whoami.staff?.roles.some((r) => r === 'publisher' || r === 'admin') && (
            <MenuEntry url={routes.adminNotices()} testid="staff-entry" label="工作台 · 信息发布" />
          )}

          {/* 公开审查: reviewers (and admins) decide; admins choose which acts wait for review */}
          {whoami.staff?.roles.some((r) => r === 'reviewer' || r === 'admin') && (
            <MenuEntry url={routes.adminReviews()} testid="staff-reviews-entry" label="工作台 · 公开审查" />
          )}
          {whoami.staff?.roles.includes('admin') && (
            <MenuEntry url={routes.adminReviewSettings()} testid="staff-review-settings-entry" label="工作台 · 审核设置" />
          )}

          {/* Staff entries. requests, calendar */}
          {whoami.staff?.roles.some((r) => r === 'handler' || r === 'admin') && (
            <MenuEntry url={routes.adminRequests()} testid="staff-requests-entry" label="工作台 · 依申请公开" />
          )}
          {whoami.staff?.roles.includes('admin') && (
            <MenuEntry url={routes.adminCalendar()} testid="staff-calendar-entry" label="工作台 · 工作日历（节假日与调休）" />
          )}
          {whoami.staff?.roles.includes('admin') && (
            <MenuEntry url={routes.adminLetterTemplates()} testid="staff-letter-templates-entry" label="工作台 · 告知书模板" />
          )}

          {/* deliveries */}
          {/* A request's report opens from its page (admin/pages/request); this entry lists notices, the publishers' business. */}
          {whoami.staff?.roles.some((r) => r === 'publisher' || r === 'admin') && (
            <MenuEntry url={routes.adminDeliveries()} testid="deliveries-entry" label="工作台 · 通知送达情况" />
          )}

          {/* notices opinions */}
          {whoami.staff?.roles.some((r) => r === 'publisher' || r === 'admin') && (
            <MenuEntry url={routes.adminOpinions()} testid="staff-opinions-entry" label="工作台 · 征求意见审核" />
          )}

          {/* windows, rating follow-ups */}
          {whoami.staff?.roles.some((r) => r === 'admin' || r === 'ratingOfficer') && (
            <>
              <MenuEntry url={routes.adminFollowUps()} testid="staff-follow-ups-entry" label="工作台 · 差评整改" />
              <MenuEntry url={routes.adminWindows()} testid="staff-windows-entry" label="工作台 · 服务窗口与评价码" />
            </>
          )}

          {/* staff administration; 统计查看人员 reach the ranking (rating officers and admins from 服务窗口与评价码) */}
          {whoami.staff?.roles.includes('viewer') && !whoami.staff.roles.some((r) => r === 'admin' || r === 'ratingOfficer') && (
            <MenuEntry url={routes.adminRanking()} testid="staff-ranking-entry" label="工作台 · 窗口月度排名" />
          )}
          {whoami.staff?.roles.includes('admin') && (
            <MenuEntry url={routes.adminStaff()} testid="staff-admin-entry" label="工作台 · 人员管理" />
          )}
          {whoami.staff?.roles.some((r) => r === 'admin' || r === 'viewer') && (
            <MenuEntry url={routes.adminReport()} testid="staff-report-entry" label="工作台 · 年度报告" />
          )}
          {/* inquiries, complaints */}
          {whoami.staff?.roles.some((r) => r === 'answerer' || r === 'admin') && (
            <MenuEntry url={routes.adminInquiries()} testid="staff-inquiries-entry" label="工作台 · 咨询投诉" />
          )}
          {whoami.staff?.roles.includes('admin') && (
            <MenuEntry url={routes.adminGuideEdit()} testid="staff-guide-entry" label="工作台 · 政府信息公开指南" />
          )}
          {whoami.staff?.roles.includes('admin') && (
            <MenuEntry url={routes.adminAudit()} testid="staff-audit-entry" label="工作台 · 操作记录" />
          )}
          {whoami.staff?.roles.includes('admin') && (
            <MenuEntry url={routes.adminRetention()} testid="staff-retention-entry" label="工作台 · 个人信息保存期限" />
          )}

        </View>
      )}

      {/* An invited clerk joins here with the admin's code; staff already are (roles change through 人员管理). */}
      {whoami?.openid && !whoami.isStaff && (
        <View className="menu">
          <MenuEntry url={routes.staffJoin()} testid="staff-join-entry" label="加入工作人员（邀请码）" />
        </View>
      )}

      {/* The sign-in screen exists only in the H5 build, even when a WeChat build talks to a local cloud. */}
      {whoami?.devSignIn && process.env.TARO_ENV === 'h5' && (
        <View className="menu">
          <MenuEntry url={routes.devSignIn()} testid="dev-sign-in-entry" label="切换身份（本地开发）" />
        </View>
      )}
    </View>
  );
}
