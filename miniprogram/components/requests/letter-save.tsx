import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call, messageOf } from '../../api/call';

/**
 * 保存为PDF for a letter, for the applicant and the clerk alike:
 * - in a browser (H5) the letter page is itself the printable document (requests.css: A4, the
 *   margins of 公文, nothing but the letter): the button opens the print dialog, whose 另存为 PDF
 *   saves it;
 * - in WeChat, which cannot print, the requests function draws the letter as a PDF
 *   (`requests.letterPdf`), the phone writes it to a file and opens it with WeChat's document
 *   viewer, whose menu saves or forwards it.
 */
export function LetterSave({ requestId, letterIndex }: { requestId: string; letterIndex: number }) {
  const [busy, setBusy] = useState(false);
  const inBrowser = process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && typeof window.print === 'function';

  const openPdf = async () => {
    setBusy(true);
    try {
      const pdf = await call('requests', 'letterPdf', { id: requestId, letter: letterIndex });
      const filePath = `${Taro.env.USER_DATA_PATH}/${pdf.fileName}`;
      Taro.getFileSystemManager().writeFileSync(filePath, pdf.pdfBase64, 'base64');
      await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="no-print letter-save">
      {inBrowser ? (
        <>
          <Button className="btn btn--primary btn--block" onClick={() => window.print()} data-testid="print-letter">
            保存为PDF / 打印
          </Button>
          <Text className="hint">在打印窗口中选择“另存为 PDF”即可保存；打印时只印告知书本身（A4 纸）。</Text>
        </>
      ) : (
        <Button className="btn btn--primary btn--block" loading={busy} disabled={busy} onClick={() => void openPdf()} data-testid="letter-pdf">
          保存为PDF
        </Button>
      )}
    </View>
  );
}
