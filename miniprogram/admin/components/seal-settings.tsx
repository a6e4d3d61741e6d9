import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { SaveSealSchema, SEAL_MAX_BYTES, base64Bytes, sealDataUrl, type SealView } from '../../../shared/requests/letter-seal';
import { call, messageOf } from '../../api/call';
import { useRemote } from '../../hooks/use-remote';
import { formatBeijingDateTime } from '../../../shared/time/beijing-time';
import { askFirst } from '../ask-first';

/**
 * Admins, on 告知书模板: the bureau's seal (公章) printed at the foot of every letter, over the
 * bureau's name and the date. Pick a PNG with a transparent background (a scan of the seal cut
 * out, at most 40 KB); it shows here as it will on the letters, then 保存公章 puts it on them —
 * every letter shown or saved as PDF from then on, those sent before included. 撤下公章 takes it off.
 */
export function SealSettings() {
  const seal = useRemote(() => call('letterTemplates', 'seal', {}), []);
  const [picked, setPicked] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (seal.error) return <View className="card list-state--error">{seal.error.message}</View>;
  if (!seal.data) return <View className="card">正在加载…</View>;
  const current: SealView = seal.data;
  const shown = picked ?? current.png;

  const pickedPng = (base64: string) => {
    setProblem(null);
    const checked = SaveSealSchema.safeParse({ version: current.version, png: base64 });
    if (!checked.success) setProblem(checked.error.issues[0].message);
    else setPicked(base64);
  };

  const save = async (png: string | null) => {
    setBusy(true);
    setProblem(null);
    try {
      await call('letterTemplates', 'saveSeal', { version: current.version, png });
      setPicked(null);
      void Taro.showToast({ title: png ? '公章已保存' : '公章已撤下', icon: 'success' });
      await seal.reload();
    } catch (e) {
      setProblem(messageOf(e));
      if ((e as { code?: string }).code === 'VERSION_CONFLICT') await seal.reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card seal-settings" data-testid="seal-settings">
      <Text className="section-title">本机关公章</Text>
      <Text className="hint">
        告知书落款处加盖的公章图片：PNG 格式、透明背景，不超过 {SEAL_MAX_BYTES / 1024} KB。保存后，申请人和工作人员查看、保存为 PDF 的告知书都加盖此章（已发出的告知书也是）。
      </Text>
      {shown ? (
        <Image className="seal-settings__image" src={sealDataUrl(shown)} mode="aspectFit" data-testid="seal-image" />
      ) : (
        <Text className="hint" data-testid="seal-none">尚未上传公章：告知书只有机关名称和日期。</Text>
      )}
      {current.updatedAt && !picked ? (
        <Text className="hint">{`${current.png ? '已上传' : '已撤下'}（${formatBeijingDateTime(current.updatedAt)}${current.updatedByName ? `，${current.updatedByName}` : ''}）`}</Text>
      ) : null}
      {problem ? <Text className="field__error" data-testid="seal-error">{problem}</Text> : null}
      <SealPicker busy={busy} onPicked={pickedPng} onProblem={setProblem} />
      {picked ? (
        <Button className="btn btn--primary btn--block" loading={busy} disabled={busy} onClick={() => void save(picked)} data-testid="save-seal">
          保存公章
        </Button>
      ) : null}
      {current.png && !picked ? (
        <Button className="btn btn--plain btn--block" disabled={busy} onClick={async () => {
            const ask = { title: '确认撤下公章', content: '撤下后，所有告知书（包括已经发出的）查看和保存为 PDF 时都不再加盖公章，只有机关名称和日期。撤下的图片不保留，需要时须重新上传。', confirmText: '确认撤下' };
            if (await askFirst(ask)) void save(null);
          }} data-testid="remove-seal">
          撤下公章
        </Button>
      ) : null}
    </View>
  );
}

/** H5: the browser's file input, read as base64; WeChat: an image from the album or a chat, read from its temporary file. */
function SealPicker({ busy, onPicked, onProblem }: { busy: boolean; onPicked: (base64: string) => void; onProblem: (message: string) => void }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <label className="btn btn--plain file-picker" data-testid="seal-upload">
        选择公章图片（PNG）
        <input
          type="file"
          className="file-picker__input"
          accept=".png,image/png"
          disabled={busy}
          data-testid="seal-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (!file) return;
            if (file.size > SEAL_MAX_BYTES) return onProblem(`公章图片不能超过 ${SEAL_MAX_BYTES / 1024} KB，请压缩后再上传`);
            const reader = new FileReader();
            reader.onload = () => onPicked(String(reader.result).replace(/^data:[^,]*,/, ''));
            reader.onerror = () => onProblem('未能读取该图片，请重新选择');
            reader.readAsDataURL(file);
          }}
        />
      </label>
    );
  }
  const choose = async () => {
    let path: string | undefined;
    try {
      path = (await Taro.chooseImage({ count: 1, sizeType: ['original'] })).tempFilePaths[0];
    } catch {
      return; // cancelled
    }
    if (!path) return;
    const base64 = Taro.getFileSystemManager().readFileSync(path, 'base64') as string;
    if (base64Bytes(base64) > SEAL_MAX_BYTES) return onProblem(`公章图片不能超过 ${SEAL_MAX_BYTES / 1024} KB，请压缩后再上传`);
    onPicked(base64);
  };
  return (
    <Button className="btn btn--plain" disabled={busy} onClick={() => void choose()} data-testid="seal-pick">
      选择公章图片（PNG）
    </Button>
  );
}
