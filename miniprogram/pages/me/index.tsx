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
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.myRequests())} data-testid="my-requests-entry">
          <Text>我的申请（依申请公开）</Text>
          <Text className="menu__arrow">›</Text>
        </View>
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.applicantProfile())} data-testid="applicant-profile-entry">
          <Text>申请人信息</Text>
          <Text className="menu__arrow">›</Text>
        </View>
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.newRequest())} data-testid="new-request-entry">
          <Text>申请政府信息公开</Text>
          <Text className="menu__arrow">›</Text>
        </View>
      </View>

      {/* inquiries, complaints, FAQ, the disclosure guide */}
      <View className="menu">
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.ask())} data-testid="ask-entry">
          <Text>政务咨询 · 投诉举报</Text>
          <Text className="menu__arrow">›</Text>
        </View>
        {whoami?.openid && (
          <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.myCases())} data-testid="my-cases-entry">
            <Text>我的咨询</Text>
            <Text className="menu__arrow">›</Text>
          </View>
        )}
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.faq())} data-testid="faq-entry">
          <Text>常见问题</Text>
          <Text className="menu__arrow">›</Text>
        </View>
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.disclosureGuide())} data-testid="disclosure-guide-entry">
          <Text>政府信息公开指南 · 期限计算</Text>
          <Text className="menu__arrow">›</Text>
        </View>
      </View>

      {/* inbox, subscriptions */}
      {whoami?.openid && <InboxEntries />}

      {/* residents' own data: see, export, delete; and the 隐私政策 */}
      <View className="menu">
        {whoami?.openid && (
          <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.myData())} data-testid="my-data-entry">
            <Text>个人信息（查看、导出、删除）</Text>
            <Text className="menu__arrow">›</Text>
          </View>
        )}
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.privacyPolicy())} data-testid="privacy-policy-entry">
          <Text>隐私政策</Text>
          <Text className="menu__arrow">›</Text>
        </View>
      </View>

      {/* 长辈模式 */}
      <ElderModeSwitch />

      {/* ratings */}
      <View className="menu">
        {whoami?.openid && (
          <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.myRatings())} data-testid="my-ratings-entry">
            <Text>我的评价</Text>
            <Text className="menu__arrow">›</Text>
          </View>
        )}
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.ratingStats())} data-testid="rating-stats-entry">
          <Text>服务评价 · 好差评</Text>
          <Text className="menu__arrow">›</Text>
        </View>
      </View>

      {/* annual report: the coming report and what is missing, from 1 December */}
      {whoami?.staff?.roles.some((r) => r === 'admin' || r === 'viewer') && <ReportReminder />}

      {whoami?.isStaff && (
        <View className="menu">
          {/* Each entry only for the roles its functions allow (admin may do everything), so nobody taps into a refusal. */}
          {whoami.staff?.roles.some((r) => r === 'publisher' || r === 'admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminNotices())} data-testid="staff-entry">
              <Text>工作台 · 信息发布</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}

          {/* 公开审查: reviewers (and admins) decide; admins choose which acts wait for review */}
          {whoami.staff?.roles.some((r) => r === 'reviewer' || r === 'admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminReviews())} data-testid="staff-reviews-entry">
              <Text>工作台 · 公开审查</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {whoami.staff?.roles.includes('admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminReviewSettings())} data-testid="staff-review-settings-entry">
              <Text>工作台 · 审核设置</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}

          {/* Staff entries. requests, calendar */}
          {whoami.staff?.roles.some((r) => r === 'handler' || r === 'admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminRequests())} data-testid="staff-requests-entry">
              <Text>工作台 · 依申请公开</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {whoami.staff?.roles.includes('admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminCalendar())} data-testid="staff-calendar-entry">
              <Text>工作台 · 工作日历（节假日与调休）</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {whoami.staff?.roles.includes('admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminLetterTemplates())} data-testid="staff-letter-templates-entry">
              <Text>工作台 · 告知书模板</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}

          {/* deliveries */}
          {/* A request's report opens from its page (admin/pages/request); this entry lists notices, the publishers' business. */}
          {whoami.staff?.roles.some((r) => r === 'publisher' || r === 'admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminDeliveries())} data-testid="deliveries-entry">
              <Text>工作台 · 通知送达情况</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}

          {/* notices opinions */}
          {whoami.staff?.roles.some((r) => r === 'publisher' || r === 'admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminOpinions())} data-testid="staff-opinions-entry">
              <Text>工作台 · 征求意见审核</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}

          {/* windows, rating follow-ups */}
          {whoami.staff?.roles.some((r) => r === 'admin' || r === 'ratingOfficer') && (
            <>
              <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminFollowUps())} data-testid="staff-follow-ups-entry">
                <Text>工作台 · 差评整改</Text>
                <Text className="menu__arrow">›</Text>
              </View>
              <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminWindows())} data-testid="staff-windows-entry">
                <Text>工作台 · 服务窗口与评价码</Text>
                <Text className="menu__arrow">›</Text>
              </View>
            </>
          )}

          {/* staff administration; 统计查看人员 reach the ranking (rating officers and admins from 服务窗口与评价码) */}
          {whoami.staff?.roles.includes('viewer') && !whoami.staff.roles.some((r) => r === 'admin' || r === 'ratingOfficer') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminRanking())} data-testid="staff-ranking-entry">
              <Text>工作台 · 窗口月度排名</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {whoami.staff?.roles.includes('admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminStaff())} data-testid="staff-admin-entry">
              <Text>工作台 · 人员管理</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {whoami.staff?.roles.some((r) => r === 'admin' || r === 'viewer') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminReport())} data-testid="staff-report-entry">
              <Text>工作台 · 年度报告</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {/* inquiries, complaints */}
          {whoami.staff?.roles.some((r) => r === 'answerer' || r === 'admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminInquiries())} data-testid="staff-inquiries-entry">
              <Text>工作台 · 咨询投诉</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {whoami.staff?.roles.includes('admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminGuideEdit())} data-testid="staff-guide-entry">
              <Text>工作台 · 政府信息公开指南</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {whoami.staff?.roles.includes('admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminAudit())} data-testid="staff-audit-entry">
              <Text>工作台 · 操作记录</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}
          {whoami.staff?.roles.includes('admin') && (
            <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.adminRetention())} data-testid="staff-retention-entry">
              <Text>工作台 · 个人信息保存期限</Text>
              <Text className="menu__arrow">›</Text>
            </View>
          )}

        </View>
      )}

      {/* An invited clerk joins here with the admin's code; staff already are (roles change through 人员管理). */}
      {whoami?.openid && !whoami.isStaff && (
        <View className="menu">
          <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.staffJoin())} data-testid="staff-join-entry">
            <Text>加入工作人员（邀请码）</Text>
            <Text className="menu__arrow">›</Text>
          </View>
        </View>
      )}

      {/* The sign-in screen exists only in the H5 build, even when a WeChat build talks to a local cloud. */}
      {whoami?.devSignIn && process.env.TARO_ENV === 'h5' && (
        <View className="menu">
          <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.devSignIn())} data-testid="dev-sign-in-entry">
            <Text>切换身份（本地开发）</Text>
            <Text className="menu__arrow">›</Text>
          </View>
        </View>
      )}
    </View>
  );
}
