import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { resident, staff } from '../staff/roles';
import { SaveSealSchema, type SealView } from './letter-seal';
import {
  PreviewLetterTemplateSchema,
  ResetLetterTemplateSchema,
  SaveLetterTemplateSchema,
  type LetterPreview,
  type LetterTemplateView,
} from './letter-templates';

const admins = staff('admin');

/**
 * Function `letterTemplates`: the wording of the formal letters (告知书) the
 * bureau sends with each reply, supplement request and extension, edited by
 * its admin over the built-in defaults. A letter already issued keeps the
 * text it was issued with.
 */
export const letterTemplatesContract = {
  list: action<LetterTemplateView[]>()({
    input: z.strictObject({}),
    access: admins,
    summary: '告知书模板：各答复类型及补正、延期告知书的现行文本、可用占位符和必备内容',
    writes: false,
  }),
  preview: action<LetterPreview>()({
    input: PreviewLetterTemplateSchema,
    access: admins,
    summary: '用示例申请预览告知书模板，并列出占位符问题',
    writes: false,
  }),
  save: action<LetterTemplateView>()({
    input: SaveLetterTemplateSchema,
    access: admins,
    summary: '修改告知书模板（必备内容不能删除）；已发出的告知书不受影响',
    writes: true,
  }),
  reset: action<LetterTemplateView>()({
    input: ResetLetterTemplateSchema,
    access: admins,
    summary: '将告知书模板恢复为内置默认文本',
    writes: true,
  }),
  seal: action<SealView>()({
    input: z.strictObject({}),
    access: resident,
    summary: '本机关公章图片（告知书落款处加盖；尚未上传时为空）',
    writes: false,
  }),
  saveSeal: action<SealView>()({
    input: SaveSealSchema,
    access: admins,
    summary: '上传或撤下本机关公章图片（PNG，透明背景，不超过 40 KB）；之后查看和下载的告知书加盖此章',
    writes: true,
  }),
};
