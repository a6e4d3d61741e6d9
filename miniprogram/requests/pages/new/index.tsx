import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call, messageOf } from '../../../api/call';
import { ApplicantSection, ContactSection, InformationSection, ReviewSection } from '../../../components/requests/request-form-sections';
import { useStoredDraft } from '../../../hooks/use-stored-draft';
import { routes } from '../../../navigation';
import { DRAFT_STORAGE_KEY, emptyRequestDraft, errorsForStep, isRequestDraft, newIdempotencyKey, STEP_TITLES, stepOfField, submitInputFromDraft } from '../../request-draft';
import { draftErrors } from '../../request-validation';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { SubmitSchema } from '../../../../shared/requests/request-schema';
import '../../../components/requests/requests.css';
import { useElderClass } from '../../../elder-mode';
import { STATUTORY_WORKING_DAYS } from '../../../../shared/requests/statutory-periods';
import { PrivacyNotice } from '../../../privacy/privacy-notice';
import { applicantPartEmpty, loadApplicantProfile, profileOf, saveApplicantProfile, type ApplicantProfile } from '../../applicant-profile';
import { PrivacyPopup } from '../../../privacy/privacy-popup';

/** A new draft starts from the applicant's saved details (我的 → 申请人信息), if any. */
function freshDraft() {
  const profile = loadApplicantProfile();
  return { ...emptyRequestDraft(), ...(profile ?? {}) };
}

const sameApplicant = (a: ApplicantProfile, b: ApplicantProfile) => JSON.stringify(profileOf(a)) === JSON.stringify(profileOf(b));

/**
 * A resident applies for government information (条例 Art. 29) in four
 * short steps. Every keystroke is kept in storage, so a failed call, a
 * closed page or an incoming phone call loses nothing; the idempotency key
 * of the draft is reused on retry, so a retried submit never files twice.
 */
export default function NewRequestPage() {
  const elder = useElderClass();
  const { draft, update, discard } = useStoredDraft(DRAFT_STORAGE_KEY, freshDraft, isRequestDraft);
  const [profile] = useState(loadApplicantProfile);
  // Keeping the details for next time is the resident's choice; once they keep some, the form keeps them up to date.
  const [remember, setRemember] = useState(() => profile !== null);
  const [failure, setFailure] = useState<string | null>(null);
  /** An earlier press of 提交 was filed though its answer was lost, and the draft was edited since. */
  const [earlierFiled, setEarlierFiled] = useState(false);
  const step = Math.min(Math.max(0, draft.step), STEP_TITLES.length - 1);
  const last = step === STEP_TITLES.length - 1;

  const goTo = (next: number) => {
    update({ step: next });
    void Taro.pageScrollTo?.({ scrollTop: 0, duration: 0 });
  };

  /** Errors are shown (from a check or from the server): turn back to the first step that has one, and say so. */
  function pointAt(all: Record<string, string>): void {
    const first = Math.min(...Object.keys(all).map(stepOfField));
    if (first < step) goTo(first);
    void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
  }

  const form = useValidatedForm({
    schema: SubmitSchema,
    // Sent as the draft builds it, not zod's parsed copy: a retry must carry what was first filed under the idempotency key.
    submit: (_checked, input) => {
      setFailure(null);
      setEarlierFiled(false);
      return call('requests', 'submit', input);
    },
    onDone: (created) => {
      if (remember) {
        try {
          saveApplicantProfile(profileOf(draft));
        } catch {
          // Not kept on this phone; the application itself is filed.
        }
      }
      discard();
      return Taro.redirectTo({ url: routes.requestResult(created.id) });
    },
    onErrors: pointAt,
    onFailure: (e) => {
      if (e instanceof ApiError && e.code === 'IDEMPOTENCY_KEY_REUSED') {
        // The key was filed with the content as it was then (the answer got lost), and the draft has changed since:
        // that request exists; the edited draft becomes a new one, with its own key, if the resident submits it.
        update({ idempotencyKey: newIdempotencyKey() });
        setEarlierFiled(true);
        return true;
      }
      // The draft (and its idempotency key) stays: pressing 提交 again files the same request, never a second one.
      setFailure(messageOf(e));
      return false;
    },
  });
  const { errors, setErrors, busy } = form;

  const edit = (patch: Parameters<typeof update>[0]) => {
    update(patch);
    // An error disappears as soon as its field is touched again; the next check brings it back if still wrong.
    const keys = Object.keys(patch);
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([path]) => !keys.some((k) => path === k || path.endsWith(`.${k}`)))));
  };

  /** 下一步 checks only this step's fields, with the same schema. */
  function next(): void {
    const mine = errorsForStep(draftErrors(draft), step);
    if (Object.keys(mine).length) {
      setErrors(mine);
      return pointAt(mine);
    }
    setErrors({});
    goTo(step + 1);
  }

  return (
    <View className={`page ${elder} request-page form`} data-testid="request-form">
      <View className="steps">
        {STEP_TITLES.map((title, i) => (
          <View role="button" tabIndex={0} key={title} className={`steps__item ${i === step ? 'steps__item--active' : i < step ? 'steps__item--done' : ''}`} onClick={() => i < step && goTo(i)}>
            <Text className="steps__num">{i + 1}</Text>
            <Text>{title}</Text>
          </View>
        ))}
      </View>

      {step === 0 && (
        <>
          <Text className="notice-box">依据《中华人民共和国政府信息公开条例》，您可以向本机关申请获取政府信息。申请免费，无需说明理由。</Text>
          {profile && sameApplicant(profile, draft) ? (
            <Text className="notice-box" data-testid="profile-filled">已填入您保存的申请人信息，可直接修改。</Text>
          ) : profile && applicantPartEmpty(draft) ? (
            <Button className="btn btn--plain btn--block" onClick={() => edit(profileOf(profile))} data-testid="fill-profile">
              填入我保存的申请人信息
            </Button>
          ) : null}
          <ApplicantSection draft={draft} errors={errors} update={edit} />
          <PrivacyNotice purpose="办理和答复您的政府信息公开申请" />
        </>
      )}
      {step === 1 && <ContactSection draft={draft} errors={errors} update={edit} resident />}
      {step === 2 && <InformationSection draft={draft} errors={errors} update={edit} />}
      {step === 3 && (
        <>
          <Text className="section-title">请核对申请内容</Text>
          <ReviewSection draft={draft} />
          <View
            className={`check-row ${remember ? 'check-row--on' : ''}`}
            role="checkbox"
            aria-checked={remember}
            tabIndex={0}
            onClick={() => setRemember(!remember)}
            data-testid="remember-applicant"
          >
            <Text className="check-row__box">{remember ? '✓' : ''}</Text>
            <Text>保存申请人信息，下次申请自动填写（仅保存在本机，可在“我的 → 申请人信息”修改或删除）</Text>
          </View>
          <PrivacyNotice purpose="办理和答复您的政府信息公开申请" />
          <Text className="hint">{`提交后，本机关受理之日起${STATUTORY_WORKING_DAYS}个工作日内答复；需要延长的，会告知您。您可以在“我的 → 我的申请”查看办理进度。`}</Text>
        </>
      )}

      {failure && (
        <Text className="notice-box notice-box--error" data-testid="submit-failure">
          提交未成功：{failure}。您填写的内容已保存在本机，可稍后再次提交，不会重复申请。
        </Text>
      )}

      {earlierFiled && (
        <View className="notice-box" data-testid="earlier-filed">
          <Text>您之前提交的申请已成功提交（当时未能收到结果），可在“我的申请”中查看。修改后的内容尚未提交；如仍需申请，再次点击“提交申请”将作为一份新的申请提交。</Text>
          <Button className="btn btn--plain btn--block" onClick={() => void Taro.navigateTo({ url: routes.myRequests() })} data-testid="open-my-requests">
            查看我的申请
          </Button>
        </View>
      )}

      <View className="form__actions">
        {step > 0 && (
          <Button className="btn btn--plain" onClick={() => goTo(step - 1)} data-testid="prev-step">
            上一步
          </Button>
        )}
        {last ? (
          <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => void form.submit(submitInputFromDraft(draft))} data-testid="submit-request">
            提交申请
          </Button>
        ) : (
          <Button className="btn btn--primary" onClick={next} data-testid="next-step">
            下一步
          </Button>
        )}
      </View>
      {/* WeChat's privacy consent, asked here rather than on another page: its phone button (getPhoneNumber) is a privacy API. */}
      <PrivacyPopup />
    </View>
  );
}
