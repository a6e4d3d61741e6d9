import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { FormField, TextField } from '../../admin/components/form-field';
import type { RequestDraft } from '../../requests/request-draft';
import { ChoiceGroup } from './choice-group';
import { PhoneField } from './phone-field';
import { DELIVERY_METHOD_LABELS, ID_TYPE_LABELS, INFORMATION_FORM_LABELS, ORG_KIND_LABELS } from '../../../shared/requests/request-schema';
import { DELIVERY_OPTIONS, FORM_OPTIONS, ID_TYPE_OPTIONS, ORG_KIND_OPTIONS } from './request-labels';

/**
 * The parts of an application (条例 Art. 29), shared by the resident's
 * stepped form and the clerk's entry of a paper, fax or walk-in application.
 * Errors are keyed by the schema's paths and shown under their field.
 */
interface SectionProps {
  draft: RequestDraft;
  errors: Record<string, string>;
  update: (patch: Partial<RequestDraft>) => void;
  /** The resident's own form (not the clerk's entry of a paper application): WeChat's phone-number button is offered. */
  resident?: boolean;
}

type ContactFields = Pick<RequestDraft, 'phone' | 'email' | 'address'> & { delivery?: RequestDraft['delivery'] };

/** Phone, email and address: on the application (with the delivery chosen there) and on 申请人信息 (where every one is the applicant's choice). */
export function ApplicantContactFields({ draft, errors, update, resident, children }: { draft: ContactFields; errors: Record<string, string>; update: (patch: Partial<ContactFields>) => void; resident?: boolean; children?: ReactNode }) {
  const phoneProps = { name: 'phone', label: '手机号码', required: true, value: draft.phone, onChange: (phone: string) => update({ phone }), error: errors['applicant.phone'], placeholder: '用于联系您，不会公开' };
  return (
    <>
      {resident ? (
        <PhoneField {...phoneProps} />
      ) : (
        <FormField label={phoneProps.label} required error={phoneProps.error}>
          <TextField name="phone" keyboard="number" value={draft.phone} onChange={phoneProps.onChange} placeholder={phoneProps.placeholder} />
        </FormField>
      )}
      {children}
      <FormField label="电子邮箱" required={draft.delivery === 'email'} error={errors['applicant.email']}>
        <TextField name="email" value={draft.email} onChange={(email) => update({ email })} placeholder={draft.delivery === 'email' ? '答复将发送到此邮箱' : '选填'} />
      </FormField>
      <FormField label="通信地址" required={draft.delivery === 'post'} error={errors['applicant.address']}>
        <TextField name="address" value={draft.address} onChange={(address) => update({ address })} placeholder={draft.delivery === 'post' ? '邮寄答复用，请写明省市区和门牌号' : '选填'} />
      </FormField>
    </>
  );
}

type IdentityFields = Pick<RequestDraft, 'applicantType' | 'orgKind' | 'name' | 'idType' | 'idNumber' | 'creditCode'>;

export function ApplicantSection({ draft, errors, update }: { draft: IdentityFields; errors: Record<string, string>; update: (patch: Partial<IdentityFields>) => void }) {
  const person = draft.applicantType === 'person';
  return (
    <View data-testid="section-applicant">
      <FormField label="申请人类型" required error={errors['applicant.type']}>
        <ChoiceGroup
          name="applicantType"
          options={[
            { value: 'person', label: '自然人' },
            { value: 'organization', label: '法人或其他组织' },
          ]}
          value={draft.applicantType}
          onChange={(applicantType) => update({ applicantType })}
        />
      </FormField>
      {!person && (
        <FormField label="组织类别" required error={errors['applicant.orgKind']}>
          <ChoiceGroup name="orgKind" options={ORG_KIND_OPTIONS} value={draft.orgKind} onChange={(orgKind) => update({ orgKind })} />
        </FormField>
      )}
      <FormField label={person ? '姓名' : '单位名称'} required error={errors['applicant.name']}>
        <TextField name="name" value={draft.name} onChange={(name) => update({ name })} placeholder={person ? '与证件上的姓名一致' : '与营业执照等证照上的名称一致'} />
      </FormField>
      {person ? (
        <>
          <FormField label="证件类型" required error={errors['applicant.idType']}>
            <ChoiceGroup name="idType" column options={ID_TYPE_OPTIONS} value={draft.idType} onChange={(idType) => update({ idType })} />
          </FormField>
          <FormField label="证件号码" required error={errors['applicant.idNumber']}>
            <TextField name="idNumber" keyboard={draft.idType === 'residentId' ? 'idcard' : undefined} value={draft.idNumber} onChange={(idNumber) => update({ idNumber })} placeholder={draft.idType === 'residentId' ? '18位居民身份证号码' : '证件上的号码'} />
          </FormField>
        </>
      ) : (
        <FormField label="统一社会信用代码" required error={errors['applicant.creditCode']}>
          <TextField name="creditCode" value={draft.creditCode} onChange={(creditCode) => update({ creditCode })} placeholder="18位，见营业执照或登记证书" />
        </FormField>
      )}
    </View>
  );
}

export function ContactSection({ draft, errors, update, resident }: SectionProps) {
  return (
    <View data-testid="section-contact">
      <ApplicantContactFields draft={draft} errors={errors} update={update} resident={resident}>
        <FormField label="获取信息的形式" required error={errors.form}>
          <ChoiceGroup name="form" options={FORM_OPTIONS} value={draft.form} onChange={(form) => update({ form })} />
        </FormField>
        <FormField label="获取信息的方式" required error={errors.delivery}>
          <ChoiceGroup name="delivery" column options={DELIVERY_OPTIONS} value={draft.delivery} onChange={(delivery) => update({ delivery })} />
        </FormField>
      </ApplicantContactFields>
    </View>
  );
}

export function InformationSection({ draft, errors, update }: SectionProps) {
  return (
    <View data-testid="section-information">
      <FormField label="所需信息的描述" required error={errors['information.description'] ?? errors.information}>
        <Text className="field__hint">请尽量写清楚信息的内容、时间范围、涉及的地点或项目，便于我们准确查找。</Text>
        <TextField multiline name="description" value={draft.description} onChange={(description) => update({ description })} placeholder="例如：2025年青禾路旧改项目的征收补偿方案" />
      </FormField>
      <FormField label="信息名称" error={errors['information.title']}>
        <TextField name="title" value={draft.title} onChange={(title) => update({ title })} placeholder="选填，如知道文件标题请填写" />
      </FormField>
      <FormField label="文号" error={errors['information.docNumber']}>
        <TextField name="docNumber" value={draft.docNumber} onChange={(docNumber) => update({ docNumber })} placeholder="选填，如 云建发〔2025〕12号" />
      </FormField>
      <FormField label="用途" error={errors.purpose}>
        <Text className="field__hint">选填。申请政府信息无需说明理由。</Text>
        <TextField name="purpose" value={draft.purpose} onChange={(purpose) => update({ purpose })} placeholder="选填" />
      </FormField>
    </View>
  );
}

/** What will be sent, in one place, before the resident presses 提交. */
export function ReviewSection({ draft }: { draft: RequestDraft }) {
  const person = draft.applicantType === 'person';
  const rows: Array<[string, string]> = [
    ['申请人类型', person ? '自然人' : `法人或其他组织（${ORG_KIND_LABELS[draft.orgKind]}）`],
    [person ? '姓名' : '单位名称', draft.name],
    person ? [ID_TYPE_LABELS[draft.idType], draft.idNumber] : ['统一社会信用代码', draft.creditCode],
    ['手机号码', draft.phone],
    ['电子邮箱', draft.email],
    ['通信地址', draft.address],
    ['所需信息', draft.description],
    ['信息名称', draft.title],
    ['文号', draft.docNumber],
    ['用途', draft.purpose],
    ['获取形式', INFORMATION_FORM_LABELS[draft.form]],
    ['获取方式', DELIVERY_METHOD_LABELS[draft.delivery]],
  ];
  return (
    <View className="card" data-testid="section-review">
      {rows
        .filter(([, value]) => value.trim())
        .map(([label, value]) => (
          <View key={label} className="review-row">
            <Text className="review-row__label">{label}</Text>
            <Text className="review-row__value">{value}</Text>
          </View>
        ))}
    </View>
  );
}
