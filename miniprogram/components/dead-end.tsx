import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReactNode } from 'react';

/** The home page: a tab page, opened afresh so that 返回 does not lead back into the dead end. */
export function goHome(): void {
  void Taro.reLaunch({ url: '/pages/index/index' });
}

/**
 * Where a link leads nowhere (a code that is wrong or used up, a notice withdrawn, a page or record
 * that does not exist): what happened, in plain words, and the way home. `children` are other ways
 * on (e.g. 我的评价); a retry belongs only where retrying can help (a network failure).
 */
export function DeadEnd(props: { title: string; text: string; testId: string; elder?: string; children?: ReactNode }) {
  return (
    <View className={`page ${props.elder ?? ''} dead-end`} data-testid={props.testId}>
      <View className="card dead-end__card">
        <Text className="dead-end__title" data-testid="dead-end-title">{props.title}</Text>
        <Text className="dead-end__text" data-testid="dead-end-text">{props.text}</Text>
        {props.children}
        <Button className="btn btn--primary btn--block" onClick={goHome} data-testid="go-home">返回首页</Button>
      </View>
    </View>
  );
}
