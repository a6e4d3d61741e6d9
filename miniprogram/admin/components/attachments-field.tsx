import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ACCEPTED_EXTENSIONS, ATTACHMENT_FILE_TYPES, formatFileSize } from '../../../shared/files/attachment-files';
import type { Attachment } from '../../../shared/notices/notice-schema';
import { messageOf } from '../../api/call';
import { uploadAttachment, type PickedFile } from '../../api/upload';
import { FormField } from './form-field';

/**
 * Attachments of a notice or a reply: the clerk picks a file, it is uploaded
 * at once (cloud storage in WeChat, the local cloud's /files elsewhere) and
 * listed with its size; a listed file can be removed before saving. Nothing is
 * typed by hand, so no address can be mistyped or made up.
 */
export function AttachmentsField(props: {
  value: Attachment[];
  onChange: (files: Attachment[]) => void;
  max: number;
  errors: Record<string, string>;
  /** Told while a file is on its way, so the form can hold 保存/发布 until it is listed. */
  onUploading: (uploading: boolean) => void;
  /**
   * Photos only (a resident's question or complaint): the one kind a resident may upload at any time,
   * so the picker offers nothing the server would refuse — the album or camera in WeChat, images in a browser.
   */
  photos?: boolean;
}) {
  const { value, onChange, max, errors, onUploading, photos = false } = props;
  const [busy, setBusyState] = useState(false);
  const setBusy = (uploading: boolean) => {
    setBusyState(uploading);
    onUploading(uploading);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const fieldError = errors.attachments ?? Object.entries(errors).find(([key]) => key.startsWith('attachments.'))?.[1];

  async function add(file: PickedFile) {
    setBusy(true);
    setProblem(null);
    try {
      const uploaded = await uploadAttachment(file);
      onChange([...value, uploaded]);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormField label={photos ? '照片' : '附件'} error={problem ?? fieldError}>
      {value.map((file, i) => (
        <View key={file.url} className="attachment-row" data-testid="attachment-row">
          <Text className="attachment-row__name">
            {file.name}（{formatFileSize(file.sizeBytes)}）
          </Text>
          <Button className="btn btn--small btn--plain" onClick={() => onChange(value.filter((_, j) => j !== i))} data-testid="remove-attachment">
            删除
          </Button>
        </View>
      ))}
      {value.length < max && <FilePicker busy={busy} photos={photos} onPick={(file) => void add(file)} />}
      {busy ? <Text className="hint" role="status" data-testid="attachment-uploading">正在上传…</Text> : null}
      <Text className="hint">{photos ? `PNG、JPEG 图片，每张不超过 20 MB，最多 ${max} 张` : `PDF、Word、Excel、OFD 文档或 PNG、JPEG 图片，每个不超过 20 MB，最多 ${max} 个`}</Text>
    </FormField>
  );
}

/** The button keeps its label while a file goes up (a disabled button that changes its words reads as a different button); the progress is said beside it. */
const LABEL = (_busy: boolean, photos = false) => (photos ? '＋ 添加照片' : '＋ 上传附件');
const PHOTO_EXTENSIONS = [...ATTACHMENT_FILE_TYPES.png.extensions, ...ATTACHMENT_FILE_TYPES.jpeg.extensions];

/** H5: the browser's own file input; WeChat: a file from a chat (the only place a phone keeps documents), or a photo from the album or camera. */
function FilePicker({ busy, photos, onPick }: { busy: boolean; photos: boolean; onPick: (file: PickedFile) => void }) {
  const extensions = photos ? PHOTO_EXTENSIONS : ACCEPTED_EXTENSIONS;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <label className="btn btn--plain file-picker" data-testid="attachment-upload">
        {LABEL(busy, photos)}
        <input
          type="file"
          className="file-picker__input"
          accept={extensions.map((ext) => `.${ext}`).join(',')}
          disabled={busy}
          data-testid="attachment-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = ''; // the same file may be picked again after a failure
            if (file) onPick({ name: file.name, size: file.size, blob: file });
          }}
        />
      </label>
    );
  }
  const choose = async () => {
    if (photos) return choosePhoto();
    let picked: Taro.chooseMessageFile.ChooseFile | undefined;
    try {
      picked = (await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ACCEPTED_EXTENSIONS })).tempFiles[0];
    } catch {
      return; // cancelled
    }
    if (picked) onPick({ name: picked.name, size: picked.size, path: picked.path });
  };
  const choosePhoto = async () => {
    let picked: Taro.chooseImage.ImageFile | undefined;
    try {
      picked = (await Taro.chooseImage({ count: 1, sizeType: ['compressed'] })).tempFiles[0];
    } catch {
      return; // cancelled
    }
    // A temporary path ends in the image's own extension (.jpg, .png), which names its kind for the upload.
    if (picked) onPick({ name: picked.path.split('/').pop() ?? picked.path, size: picked.size, path: picked.path });
  };
  return (
    <Button className="btn btn--plain" disabled={busy || undefined} onClick={() => void choose()} data-testid="attachment-pick">
      {LABEL(busy, photos)}
    </Button>
  );
}
