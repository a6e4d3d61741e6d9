import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ATTACHMENT_FILE_TYPES, extensionOf, fileKindByName, formatFileSize } from '../../shared/files/attachment-files';
import type { Attachment } from '../../shared/notices/notice-schema';
import type { FileRecordKind } from '../../shared/files/files-contract';
import { call } from '../api/call';
import { localCloudBaseUrl } from '../api/transport';

/**
 * A notice's or a reply's attachments, each one tap from being read:
 * - H5: a plain link to the file (the local cloud serves `/files/<id>` with its
 *   type and name, so the browser opens a PDF or saves a Word file);
 * - WeChat: the file is fetched (cloud:// through the short-lived address
 *   `files.link` answers for `on`, the record it is shown in; the rest by URL)
 *   and opened with openDocument; images open in the image viewer.
 */
export function AttachmentList({ files, testId, on }: { files: Attachment[]; testId: string; on?: FileRecordRef }) {
  if (!files.length) return null;
  return (
    <View className="attachments" data-testid={testId}>
      <Text className="attachments__title">附件</Text>
      {files.map((file) => {
        const label = `${file.name}${file.sizeBytes > 0 ? `（${formatFileSize(file.sizeBytes)}）` : ''}`;
        if (process.env.TARO_ENV === 'h5' && !file.url.startsWith('cloud://')) {
          return (
            <a key={file.url} className="attachments__item" href={absoluteUrl(file.url)} target="_blank" rel="noopener noreferrer" data-testid="attachment-link">
              {label}
            </a>
          );
        }
        return (
          <Text role="button" tabIndex={0} key={file.url} className="attachments__item" onClick={() => void openAttachment(file, on)} data-testid="attachment-link">
            {label}
          </Text>
        );
      })}
    </View>
  );
}

/** openDocument reads these; anything else (OFD) cannot be shown inside WeChat. */
const DOCUMENT_TYPES = ['pdf', 'doc', 'docx', 'xls', 'xlsx'];

function absoluteUrl(url: string): string {
  return url.startsWith('/files/') ? `${localCloudBaseUrl()}${url}` : url;
}

/** The record an attachment is shown in: CloudBase's files function checks the file against it (and the reader against its rules). */
export interface FileRecordRef {
  kind: FileRecordKind;
  id: string;
}

/**
 * Where a CloudBase file can be fetched now: storage is private, so the files function checks who is
 * asking and answers an address good for a few minutes; a local-cloud address is used as it is.
 */
async function fetchableUrl(file: Attachment, on: FileRecordRef | undefined): Promise<string> {
  if (!file.url.startsWith('cloud://')) return absoluteUrl(file.url);
  return (await call('files', 'link', on ? { url: file.url, on } : { url: file.url })).url;
}

async function openAttachment(file: Attachment, on: FileRecordRef | undefined): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') {
    // A CloudBase fileID outside WeChat: nothing here can open it; the name at least can be copied.
    await Taro.setClipboardData({ data: file.name });
    return;
  }
  const kind = fileKindByName(file.name);
  const ext = extensionOf(file.name);
  let loading = false;
  try {
    if (kind && ATTACHMENT_FILE_TYPES[kind].opens === 'image') {
      await Taro.previewImage({ urls: [await fetchableUrl(file, on)] });
      return;
    }
    if (!DOCUMENT_TYPES.includes(ext)) {
      await Taro.showModal({ title: '无法在微信中打开', content: `${file.name} 须在电脑上用相应软件查看。`, showCancel: false });
      return;
    }
    await Taro.showLoading({ title: '正在打开…' });
    loading = true;
    const filePath = (await Taro.downloadFile({ url: await fetchableUrl(file, on) })).tempFilePath;
    await Taro.openDocument({ filePath, fileType: ext as 'pdf', showMenu: true });
  } catch {
    await Taro.showToast({ title: '附件打开失败，请稍后重试', icon: 'none' });
  } finally {
    if (loading) Taro.hideLoading();
  }
}
