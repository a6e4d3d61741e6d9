import { Button, Text, View } from '@tarojs/components';
import { NoticeBody } from '../../components/notice-body';
import { useElderClass } from '../../elder-mode';
import type { NoticeContent, PublicNotice } from '../../../shared/notices/notice-schema';

/**
 * The editor's 预览: the notice as a resident's detail page draws it — the
 * same NoticeBody component on the same paper, in 长辈模式 if the phone has it
 * on — from what is typed, before anything is saved or published.
 */
export function NoticePreview(props: { content: NoticeContent; departmentName: string; publishedAt: string | null; onClose: () => void }) {
  const elder = useElderClass();
  const notice = { ...props.content, id: 'preview', departmentName: props.departmentName, publishedAt: props.publishedAt } as PublicNotice;
  return (
    <View className="preview" data-testid="preview-pane">
      <View className="preview__bar">
        <Text>预览：居民看到的样子（尚未保存的修改也在内）</Text>
        <Button className="btn btn--plain btn--small" onClick={props.onClose} data-testid="preview-close">
          返回编辑
        </Button>
      </View>
      <View className={`page page--paper preview__paper ${elder}`}>
        <NoticeBody notice={notice} />
      </View>
    </View>
  );
}
