import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApplicantContactFields, ApplicantSection } from '../../../components/requests/request-form-sections';
import { useElderClass } from '../../../elder-mode';
import { go, routes } from '../../../navigation';
import { PrivacyNotice } from '../../../privacy/privacy-notice';
import { fieldErrorsOf } from '../../../../shared/api/zod-messages';
import { ApplicantSchema, applicantProblemsOn } from '../../../../shared/requests/request-schema';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { applicantFromDraft, emptyRequestDraft } from '../../request-draft';
import { deleteApplicantProfile, emptyApplicantProfile, loadApplicantProfile, maskedProfileRows, saveApplicantProfile, type ApplicantProfile } from '../../applicant-profile';
import '../../../components/requests/requests.css';
import { PrivacyPopup } from '../../../privacy/privacy-popup';

/**
 * 我的 → 申请人信息: the applicant's details written once — person or organisation, the ID or
 * credit code, phone, address, email — checked with the same schema as an application, kept on
 * this phone and filled into every new application. Shown masked once saved (someone glancing at
 * the phone sees no full ID number); 修改 opens them in full for their owner.
 */
export default function ApplicantProfilePage() {
  const elder = useElderClass();
  const [saved, setSaved] = useState<ApplicantProfile | null>(loadApplicantProfile);
  const [editing, setEditing] = useState<ApplicantProfile | null>(() => (saved ? null : emptyApplicantProfile()));
  const [errors, setErrors] = useState<Record<string, string>>({});

  const edit = (patch: Partial<ApplicantProfile>) => {
    setEditing((prev) => (prev ? { ...prev, ...patch } : prev));
    const keys = Object.keys(patch);
    setErrors((prev) => Object.fromEntries(Object.entries(prev).filter(([path]) => !keys.some((k) => path.endsWith(`.${k}`)))));
  };

  function save(): void {
    if (!editing) return;
    const applicant = applicantFromDraft({ ...emptyRequestDraft(), ...editing });
    const result = ApplicantSchema.safeParse(applicant);
    const today = applicantProblemsOn(applicant, beijingToday(new Date()));
    // Keyed as on the application form ("applicant.idNumber"), so the shared sections show each under its field.
    const found = { ...today, ...(result.success ? {} : Object.fromEntries(Object.entries(fieldErrorsOf(result.error)).map(([k, v]) => [`applicant.${k}`, v]))) };
    if (Object.keys(found).length) {
      setErrors(found);
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' });
      return;
    }
    try {
      saveApplicantProfile(editing);
    } catch {
      void Taro.showToast({ title: '本机存储不可用，未能保存', icon: 'none' });
      return;
    }
    setSaved(editing);
    setEditing(null);
    void Taro.showToast({ title: '已保存', icon: 'success' });
  }

  async function remove(): Promise<void> {
    const { confirm } = await Taro.showModal({ title: '删除申请人信息', content: '删除后，新的申请需要重新填写申请人信息。已提交的申请不受影响。', confirmText: '删除', confirmColor: '#b71c1c' });
    if (!confirm) return;
    deleteApplicantProfile();
    setSaved(null);
    setEditing(emptyApplicantProfile());
  }

  return (
    <View className={`page ${elder} request-page form`} data-testid="applicant-profile">
      <Text className="notice-box">保存一次，以后申请政府信息公开时自动填写。信息只保存在本机，不会单独上传；提交申请时随申请一并发送。</Text>
      {editing ? (
        <View data-testid="applicant-profile-form">
          <ApplicantSection draft={editing} errors={errors} update={edit} />
          <ApplicantContactFields draft={editing} errors={errors} update={edit} resident />
          <PrivacyNotice purpose="在您申请政府信息公开时自动填写申请人信息" />
          <View className="form__actions">
            {saved ? (
              <Button className="btn btn--plain" onClick={() => { setEditing(null); setErrors({}); }} data-testid="applicant-profile-cancel">
                取消
              </Button>
            ) : null}
            <Button className="btn btn--primary" onClick={save} data-testid="applicant-profile-save">
              保存
            </Button>
          </View>
        </View>
      ) : saved ? (
        <View data-testid="applicant-profile-saved">
          <View className="card">
            {maskedProfileRows(saved).map(([label, value]) => (
              <View key={label} className="review-row">
                <Text className="review-row__label">{label}</Text>
                <Text className="review-row__value" data-testid="applicant-profile-value">{value}</Text>
              </View>
            ))}
          </View>
          <Button className="btn btn--primary btn--block" onClick={() => setEditing(saved)} data-testid="applicant-profile-edit">
            修改
          </Button>
          <Button className="btn btn--plain btn--block" onClick={() => go(routes.newRequest())} data-testid="applicant-profile-apply">
            用这些信息申请政府信息公开
          </Button>
          <Button className="btn btn--danger btn--block" onClick={() => void remove()} data-testid="applicant-profile-delete">
            删除申请人信息
          </Button>
        </View>
      ) : null}
      {/* WeChat's privacy consent, asked here rather than on another page: its phone button (getPhoneNumber) is a privacy API. */}
      <PrivacyPopup />
    </View>
  );
}
